"""The same tables as .txt, .docx, .html and .pdf give the same figures with the same values (issue
12: agreement >= 98%), and the figures in their cells the same row and column labels.

From each dev table text (../shared/gold/tables/*.txt) the test writes the same content again:
its prose as paragraphs and its tables (as the .txt reader finds them) as tables, in a .docx
(python-docx), an .html page, a .pdf printed from that page by Qt (QTextDocument/QPdfWriter,
ruled as a browser prints it) and a .pdf of three-line tables; each is read with read_document,
its figures extracted and placed in the document's tables, and compared with the .txt's as
multisets."""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

import pytest

from reviewer.commands.importing import figures_of
from reviewer.documents import read_document
from reviewer.extract import figures_only
from tests.documents.fixtures import make_html_pdf, make_three_line_pdf

ROOT = Path(__file__).resolve().parents[2]
# the dev tables live beside the repository (../shared/gold/tables), also seen from a worktree
GOLD = next((folder for folder in (ROOT.parent / "shared" / "gold" / "tables", Path("/work/shared/gold/tables"))
             if folder.exists()), ROOT.parent / "shared" / "gold" / "tables")
DEV = sorted(GOLD.glob("*.txt")) if GOLD.exists() else []
needs_gold = pytest.mark.skipif(not DEV, reason="the dev tables are not on this machine")
FORMATS = ("docx", "html", "pdf")  # the issue's: a .pdf printed from the .html
# and a .pdf of three-line tables (三线表, no vertical lines), read by word alignment between rules:
# on the dev tables 0.99 for t2, 0.84 for t1, whose 表5 puts a header over an empty column and the
# figures under the next one (no alignment tells that apart); checked on a table written here
ALL_FORMATS = (*FORMATS, "three-line.pdf")
MIN_AGREEMENT = 0.98


def blocks(doc) -> list[tuple[str, object, int]]:
    """The document as ("p", line, 0) paragraphs and ("t", rows of cell texts, header rows) tables."""
    text, out, pos = doc.text, [], 0

    def paragraphs(piece: str) -> None:
        out.extend(("p", line, 0) for line in piece.split("\n") if line.strip())

    for table in sorted(doc.tables, key=lambda t: t.start):
        paragraphs(text[pos : text.rfind("\n", 0, table.start) + 1])
        out.append(("t", [[cell.text for cell in row] for row in table.rows()], table.header_rows))
        end = text.find("\n", table.end)
        pos = len(text) if end < 0 else end
    paragraphs(text[pos:])
    return out


def write_docx(path: Path, content) -> Path:
    from docx import Document as Docx

    doc = Docx()
    for kind, body, _ in content:
        if kind == "p":
            doc.add_paragraph(body)
            continue
        grid = doc.add_table(rows=len(body), cols=max(len(row) for row in body))
        for r, row in enumerate(body):
            for c, value in enumerate(row):
                if value:
                    grid.cell(r, c).text = value
    doc.save(str(path))
    return path


def page_html(content) -> str:
    parts = []
    for kind, body, header_rows in content:
        if kind == "p":
            parts.append(f"<p>{html.escape(body)}</p>")
            continue
        rows = []
        for r, row in enumerate(body):
            tag = "th" if r < header_rows else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{html.escape(v)}</{tag}>" for v in row) + "</tr>")
        parts.append('<table border="1">' + "".join(rows) + "</table>")
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>表</title></head><body>'
            + "\n".join(parts) + "</body></html>")


def write_html(path: Path, content) -> Path:
    path.write_text(page_html(content), encoding="utf-8")
    return path


def write_pdf(path: Path, content) -> Path:
    return make_html_pdf(path, page_html(content))


def write_three_line_pdf(path: Path, content) -> Path:
    """Tables as Chinese statistics print them: rules over and under the header and under the body."""
    blocks = [body if kind == "p" else (body, header_rows or 1) for kind, body, header_rows in content]
    return make_three_line_pdf(path, blocks)


WRITERS = {"docx": write_docx, "html": write_html, "pdf": write_pdf, "three-line.pdf": write_three_line_pdf}


def figures(doc):
    """As import reads a document: its tables' cells by the table rules, each figure placed."""
    return figures_only(figures_of(doc.text, doc.date, doc.tables))


def value_key(figure) -> tuple:
    return (figure.kind.value, str(figure.value), figure.unit, figure.change)


def label_key(figure) -> tuple:
    return (*value_key(figure), figure.table.row_label, figure.table.column_label)


def agreement(expected, got) -> float:
    """Dice agreement of two multisets: 1.0 when they are the same."""
    a, b = Counter(expected), Counter(got)
    total = sum(a.values()) + sum(b.values())
    return 1.0 if total == 0 else 2 * sum((a & b).values()) / total


def compare(source: Path, folder: Path, formats=FORMATS) -> dict[str, tuple[float, float]]:
    """Per format: the agreement of all figures on (kind, value, unit, change) with the .txt's,
    and of the table figures on those and their row and column labels."""
    doc = read_document(source)
    expected = figures(doc)
    content = blocks(doc)
    out = {}
    for fmt in formats:
        got = figures(read_document(WRITERS[fmt](folder / f"{source.stem}.{fmt}", content)))
        out[fmt] = (
            agreement(map(value_key, expected), map(value_key, got)),
            agreement([label_key(f) for f in expected if f.table], [label_key(f) for f in got if f.table]),
        )
    return out


@needs_gold
@pytest.mark.parametrize("source", DEV, ids=lambda path: path.stem)
def test_dev_tables_give_the_same_figures_in_every_format(source, tmp_path):
    doc = read_document(source)
    assert doc.tables and sum(1 for f in figures(doc) if f.table) > 50  # the tables were read as tables
    found = compare(source, tmp_path)
    # .docx and .html carry the tables' own structure: the same figures exactly
    assert found["docx"] == found["html"] == (1.0, 1.0)
    # a .pdf loses a little in its prose (pdfium breaks a line between 增长 and 0.9%) and in its
    # characters (Qt's PDF maps the glyph of 户 back to 戶)
    values, labels = found["pdf"]
    assert values >= MIN_AGREEMENT and labels >= MIN_AGREEMENT, found["pdf"]


SMALL = "\n".join([
    "全年全国居民人均可支配收入28228元，比上年增长8.9%。",
    "",
    "表3 2018年各种运输方式完成货物运输量及其增长速度",
    "",
    "| 指标 | 单位 | 绝对数 | 比上年增长（%） |",
    "| --- | --- | --- | --- |",
    "| 货物运输总量 | 亿吨 | 515.3 | 7.1 |",
    "| 铁路 | 亿吨 | 40.3 | 9.1 |",
    "| 公路 | 亿吨 | 395.9 | 7.3 |",
    "| 其中：水运 | 亿吨 | 69.9 | 4.7 |",
    "| 民航 | 万吨 | 738.5 | 4.6 |",
    "",
    "表4 2018年年末人口数及其构成",
    "",
    "单位：万人",
    "",
    "| 指标 | 年末数 | 比重（%） |",
    "| --- | --- | --- |",
    "| 全国总人口 | 139538 | 100.0 |",
    "| 其中：城镇 | 83137 | 59.58 |",
    "| 乡村 | 56401 | 40.42 |",
    "",
    "年末全国就业人员77586万人，其中城镇就业人员43419万人。",
])


def test_a_table_written_here_gives_the_same_figures_in_every_format(tmp_path):
    """Not the dev tables: checked wherever the tests run."""
    source = tmp_path / "small.txt"
    source.write_text(SMALL + "\n", encoding="utf-8")
    doc = read_document(source)
    assert len(doc.tables) == 2 and sum(1 for f in figures(doc) if f.table) == 16
    assert compare(source, tmp_path, ALL_FORMATS) == {fmt: (1.0, 1.0) for fmt in ALL_FORMATS}
