"""Tables in a .pdf read from the PDF's own layout (pdfplumber's table finder, on the pages pdfium
finds may hold one): real PDFs made here by Qt, from HTML (cells boxed apart, as a browser prints
them) or drawn with single ruled lines (as Word prints them), then read back."""
from __future__ import annotations

import html
import logging
import re
from decimal import Decimal

import pdfplumber
import pypdfium2 as pdfium
import pytest

from reviewer.documents import read_document
from reviewer.documents.pdf import repair_radicals
from reviewer.documents.table_places import place_in_tables
from reviewer.documents.text import normalize_newlines
from reviewer.extract import extract, figures_only
from tests.documents.fixtures import REPORT_LINES, RULE, make_html_pdf, make_pdf, make_ruled_pdf, make_three_line_pdf

POPULATION = [
    ["指标", "年末数（万人）", "比重（%）"],
    ["全国总人口", "139538", "100.0"],
    ["其中：城镇", "83137", "59.58"],
    ["乡村", "56401", "40.42"],
]
PROSE_BEFORE = "年末全国就业人员77586万人，其中城镇就业人员43419万人。"
PROSE_AFTER = "全年城镇新增就业1361万人，比上年增加10万人。"


def page_html(body: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'


def table_html(rows: list[list[str]], header_rows: int = 1) -> str:
    out = []
    for r, row in enumerate(rows):
        tag = "th" if r < header_rows else "td"
        out.append("<tr>" + "".join(f"<{tag}>{html.escape(v)}</{tag}>" for v in row) + "</tr>")
    return '<table border="1">' + "".join(out) + "</table>"


def p(text: str, style: str = "") -> str:
    return f'<p style="{style}">{html.escape(text)}</p>' if style else f"<p>{html.escape(text)}</p>"


def pdfium_pages(path) -> list[str]:
    """Each page's text as pdfium gives it (what the reader wrote before it read tables)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [repair_radicals(normalize_newlines(pdf[i].get_textpage().get_text_range())).strip("\n")
                for i in range(len(pdf))]
    finally:
        pdf.close()


def grid(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows()]


def assert_offsets(doc) -> None:
    for table in doc.tables:
        for cell in table.cells:
            assert doc.text[cell.start : cell.end] == cell.text
        for span in (table.caption, table.unit, *table.notes):
            if span is not None:
                assert doc.text[span.start : span.end] == span.text


def numbers_in(texts) -> set[Decimal]:
    return {Decimal(m.replace(",", "")) for t in texts for m in re.findall(r"\d+(?:\.\d+)?", t)}


def assert_no_invented_figures(doc, written: list[str]) -> None:
    """Every figure read from the PDF has its number as written in the source (cells or prose)."""
    allowed = numbers_in(written) | {Decimal(n) for n in range(1, 10)}  # Qt prints page numbers
    for figure in figures_only(extract(doc.text)):
        assert numbers_in([figure.text]) <= allowed, figure


def test_a_ruled_table_gives_its_cells_header_caption_and_unit(tmp_path):
    body = (p(PROSE_BEFORE) + p("表1 2018年年末人口数及其构成") + p("单位：万人") + table_html(POPULATION)
            + p(PROSE_AFTER))
    doc = read_document(make_html_pdf(tmp_path / "population.pdf", page_html(body)))
    [table] = doc.tables
    assert (table.kind, table.n_rows, table.n_cols, table.header_rows) == ("pdf", 4, 3, 1)
    assert grid(table) == POPULATION
    assert [cell.is_header for cell in table.rows()[0]] == [True, True, True]
    assert table.caption.text == "表1 2018年年末人口数及其构成"
    assert table.unit.text == "单位：万人"
    assert_offsets(doc)
    lines = doc.text.splitlines()
    # one line per row, cells by tabs (as the .docx reader writes them), between the prose
    at = lines.index("指标\t年末数（万人）\t比重（%）")
    assert lines[at + 1 : at + 4] == ["\t".join(row) for row in POPULATION[1:]]
    assert doc.text.index(PROSE_BEFORE) < table.start < table.end < doc.text.index(PROSE_AFTER)


def test_figures_in_a_pdf_table_are_placed_in_their_cells(tmp_path):
    body = p("表1 2018年年末人口数及其构成") + table_html(POPULATION)
    doc = read_document(make_html_pdf(tmp_path / "population.pdf", page_html(body)))
    placed = place_in_tables(figures_only(extract(doc.text)), doc.tables)
    urban = next(f for f in placed if f.text.startswith("83137"))
    assert urban.table is not None
    assert (urban.table.caption, urban.table.row_label, urban.table.column_label) == (
        "表1 2018年年末人口数及其构成", "其中：城镇", "年末数（万人）")
    assert urban.value == Decimal("831370000")  # 83137 under 年末数（万人）


def test_a_table_ruled_with_single_lines_and_a_note_under_it(tmp_path):
    rows = [["产品", "产量", "比上年增长（%）"], ["原煤", "47.6", "1.2"], ["原油", "2.1", "-0.5"]]
    above, below = ["表3 2024年主要产品产量", "单位：亿吨"], ["注：数据为初步统计。"]
    path = make_ruled_pdf(tmp_path / "ruled.pdf", above, rows, below)
    doc = read_document(path)
    [table] = doc.tables
    assert grid(table) == rows
    assert table.header_rows == 1
    assert (table.caption.text, table.unit.text) == ("表3 2024年主要产品产量", "单位：亿吨")
    assert [note.text for note in table.notes] == ["注：数据为初步统计。"]
    assert_offsets(doc)


def test_pages_keep_their_starts_and_prose_pages_their_pdfium_text(tmp_path):
    body = (p(PROSE_BEFORE) + p("表1 2018年年末人口数及其构成", "page-break-before: always") + table_html(POPULATION)
            + p(PROSE_AFTER, "page-break-before: always"))
    path = make_html_pdf(tmp_path / "three-pages.pdf", page_html(body))
    doc = read_document(path)
    before = pdfium_pages(path)
    assert len(doc.page_starts) == len(before) == 3
    [table] = doc.tables
    assert doc.page_at(table.start) == doc.page_at(table.end) == 2
    assert doc.page_at(doc.text.index(PROSE_BEFORE)) == 1 and doc.page_at(doc.text.index(PROSE_AFTER)) == 3
    ends = [*[s - 2 for s in doc.page_starts[1:]], len(doc.text)]
    pages = [doc.text[start:end] for start, end in zip(doc.page_starts, ends, strict=True)]
    assert pages[0] == before[0] and pages[2] == before[2]  # pages without a table: as before
    assert pages[1] != before[1] and "全国总人口\t139538\t100.0" in pages[1]


def test_a_prose_pdf_is_read_by_pdfium_alone(tmp_path, monkeypatch):
    opened = []
    real_open = pdfplumber.open
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    path = make_pdf(tmp_path / "prose.pdf", ["\n".join(REPORT_LINES), "第二页：结案1310621件，增长12.5%。"])
    doc = read_document(path)
    assert opened == []  # pdfplumber is slow: not opened for pages with no table
    assert doc.text == "\n\n".join(pdfium_pages(path))


def test_a_table_going_on_over_the_next_page_is_one_table(tmp_path):
    rows = [["产品", "单位", "产量"]] + [[f"产品{r}", "万吨", f"{r}.5"] for r in range(1, 91)]
    body = p("表2 主要产品产量") + table_html(rows)
    doc = read_document(make_html_pdf(tmp_path / "long.pdf", page_html(body)))
    [table] = doc.tables
    assert grid(table) == rows
    assert doc.page_at(table.start) == 1 and doc.page_at(table.end) >= 2
    assert_offsets(doc)
    # its rows stay one block of lines: the page number printed between them is left out
    assert all("\t" in line for line in doc.text[table.start : table.end].split("\n"))
    placed = place_in_tables(figures_only(extract(doc.text)), doc.tables)
    last = next(f for f in placed if f.text.startswith("90.5"))
    assert last.table is not None and (last.table.row_label, last.table.column_label) == ("产品90", "产量")


def test_a_header_repeated_on_each_page_is_written_once(tmp_path):
    rows = [["产品", "单位", "产量"]] + [[f"产品{r}", "万吨", f"{r}.5"] for r in range(1, 91)]
    head = "<thead><tr>" + "".join(f"<th>{c}</th>" for c in rows[0]) + "</tr></thead>"
    body_rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows[1:])
    path = make_html_pdf(tmp_path / "repeated.pdf", page_html(f'<table border="1">{head}{body_rows}</table>'))
    assert sum("产品\t单位\t产量" in page or "产品 单位 产量" in page for page in pdfium_pages(path)) >= 2
    doc = read_document(path)
    [table] = doc.tables
    assert grid(table) == rows
    assert doc.text.count("产品\t单位\t产量") == 1


def test_a_table_finder_error_on_one_page_keeps_that_page_s_text(tmp_path, monkeypatch, caplog):
    from reviewer.documents import pdf as pdf_reader

    body = table_html(POPULATION) + p("表2 货物进出口", "page-break-before: always") + table_html(POPULATION)
    path = make_html_pdf(tmp_path / "two-tables.pdf", page_html(body))
    real = pdf_reader.find_tables
    calls = []

    def failing_once(page, repair):
        calls.append(page)
        if len(calls) == 1:
            raise ValueError("broken content stream")
        return real(page, repair)

    monkeypatch.setattr(pdf_reader, "find_tables", failing_once)
    with caplog.at_level(logging.WARNING, logger="reviewer.documents.pdf"):
        doc = read_document(path)
    assert len(calls) == 2
    [record] = caplog.records
    assert "two-tables.pdf" in record.getMessage() and "page 1" in record.getMessage()
    first_page = doc.text[: doc.page_starts[1] - 2]
    assert first_page == pdfium_pages(path)[0]  # pdfium's text for that page, nothing lost
    assert [t.kind for t in doc.tables if doc.page_at(t.start) == 2] == ["pdf"]


def test_when_pdfplumber_cannot_open_the_file_every_page_keeps_pdfium_text(tmp_path, monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise pdfplumber.utils.exceptions.PdfminerException("no /Root object")

    monkeypatch.setattr(pdfplumber, "open", broken)
    body = table_html(POPULATION) + p("第二页", "page-break-before: always") + table_html(POPULATION)
    path = make_html_pdf(tmp_path / "unreadable.pdf", page_html(body))
    with caplog.at_level(logging.WARNING, logger="reviewer.documents.pdf"):
        doc = read_document(path)
    assert doc.text == "\n\n".join(pdfium_pages(path))
    assert len(caplog.records) == 1  # said once, not for every page
    assert all(t.kind != "pdf" for t in doc.tables)


BAD_TABLES = {
    "ragged rows": [["指标", "2023年", "2024年"], ["收入", "12.5", "13.8"], ["支出", "10.1"], ["结余"]],
    "empty table": [["", "", ""], ["", "", ""]],
    "header-only table": [["指标", "2023年", "2024年"]],
    "200 columns": [[f"列{c}" for c in range(200)], [str(c) for c in range(200)]],
}


@pytest.mark.parametrize("name", BAD_TABLES)
def test_bad_tables_give_no_crash_and_no_invented_figures(tmp_path, name):
    rows = BAD_TABLES[name]
    body = p("表4 收支情况") + p("单位：亿元") + table_html(rows) + p(PROSE_AFTER)
    doc = read_document(make_html_pdf(tmp_path / "bad.pdf", page_html(body)))
    assert PROSE_AFTER in doc.text and "表4 收支情况" in doc.text
    assert_offsets(doc)
    assert_no_invented_figures(doc, [cell for row in rows for cell in row] + [PROSE_AFTER])
    written = {cell for row in rows for cell in row if cell}
    for table in doc.tables:
        assert table.n_cols <= max(len(row) for row in rows)
        assert {cell.text for cell in table.cells if cell.text} <= written  # (a wrap inside a cell undone)
    if name == "empty table":
        assert all(t.kind != "pdf" for t in doc.tables)
    if name == "ragged rows":
        [table] = doc.tables
        assert [[c for c in row if c] for row in grid(table)] == rows


def test_a_cell_merged_across_the_whole_table(tmp_path):
    merged = '<table border="1"><tr><td colspan="3" rowspan="2">全部合并：收入12.5亿元</td></tr><tr></tr></table>'
    doc = read_document(make_html_pdf(tmp_path / "merged.pdf", page_html(p("表5 合并") + merged + p(PROSE_AFTER))))
    assert_offsets(doc)
    assert "全部合并：收入12.5亿元" in doc.text
    assert_no_invented_figures(doc, ["全部合并：收入12.5亿元", PROSE_AFTER])


def test_a_merged_header_spans_its_columns(tmp_path):
    merged = ('<table border="1"><tr><th rowspan="2">指标</th><th colspan="2">产量（万吨）</th></tr>'
              "<tr><th>2023年</th><th>2024年</th></tr>"
              "<tr><td>原煤</td><td>47.1</td><td>47.6</td></tr><tr><td>原油</td><td>2.1</td><td>2.2</td></tr></table>")
    doc = read_document(make_html_pdf(tmp_path / "merged-header.pdf", page_html(p("表6 产量") + merged)))
    [table] = doc.tables
    assert (table.n_rows, table.n_cols, table.header_rows) == (4, 3, 2)
    head = table.cell(0, 1)
    assert (head.text, head.colspan, table.cell(0, 2)) == ("产量（万吨）", 2, head)
    assert (table.cell(1, 0).text, table.cell(1, 0).rowspan) == ("指标", 2)
    assert [c.text for c in table.column_header(2)] == ["产量（万吨）", "2024年"]
    assert_offsets(doc)


def test_a_table_whose_last_row_is_alone_on_the_next_page(tmp_path):
    rows = [["产品", "单位", "产量"]] + [[f"产品{r}", "万吨", f"{r}.5"] for r in range(1, 100)]
    first = read_document(make_ruled_pdf(tmp_path / "long.pdf", [], rows))
    fit = sum(1 for row in first.tables[0].rows() if first.page_at(row[0].start) == 1)  # rows a page holds
    rows = rows[: fit + 1]
    doc = read_document(make_ruled_pdf(tmp_path / "last-row.pdf", [], rows))
    assert len(doc.page_starts) == 2 and doc.text[doc.page_starts[1] :] == "\t".join(rows[-1])
    [table] = doc.tables
    assert grid(table) == rows and doc.page_at(table.end) == 2


def test_boxes_around_paragraphs_are_no_table(tmp_path):
    first = ("全年全国居民人均可支配收入28228元，比上年增长8.7%，扣除价格因素，实际增长6.5%。"
             "按常住地分，城镇居民人均可支配收入39251元。")
    second = "全年国内生产总值900309亿元，比上年增长6.6%。其中，第一产业增加值64734亿元，增长3.5%。"
    side_by_side = f'<table border="1"><tr><td>{first}</td><td>{second}</td></tr></table>'
    alone = f'<table border="1"><tr><td>{first}</td></tr></table>'
    body = table_html(POPULATION) + p(PROSE_AFTER) + side_by_side + p(PROSE_AFTER) + alone
    doc = read_document(make_html_pdf(tmp_path / "boxes.pdf", page_html(body)))
    assert [grid(t) for t in doc.tables if t.kind == "pdf"] == [POPULATION]
    flat = doc.text.replace("\n", "")
    assert first in flat and second in flat  # read by pdfium, as prose


def test_a_page_of_too_many_objects_is_not_given_to_pdfplumber(tmp_path, monkeypatch):
    from reviewer.documents import pdf_tables

    opened = []
    real_open = pdfplumber.open
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    monkeypatch.setattr(pdf_tables, "MAX_OBJECTS", 20)
    path = make_html_pdf(tmp_path / "busy.pdf", page_html(table_html(POPULATION)))
    doc = read_document(path)
    assert opened == [] and doc.text == "\n\n".join(pdfium_pages(path))


def test_a_three_line_table_gives_its_cells_and_its_header_from_the_rule(tmp_path):
    """三线表: rules over and under the header and under the body, no vertical lines."""
    head = [["指标", "2023年", "2024年"], ["", "产量（万吨）", "产量（万吨）"]]  # two header rows over the rule
    rows = head + [["原煤", "47.1", "47.6"], ["原油", "2.1", "2.2"], ["其中：页岩油", "0.4", "0.5"]]
    blocks = [PROSE_BEFORE, "表6 主要能源产品产量", rows, PROSE_AFTER]
    doc = read_document(make_three_line_pdf(tmp_path / "three-line.pdf", blocks, header_rows=2))
    [table] = doc.tables
    assert (table.kind, table.n_rows, table.n_cols, table.header_rows) == ("pdf", 5, 3, 2)
    assert [[c for c in row if c] for row in grid(table)] == [[c for c in row if c] for row in rows]
    assert table.caption.text == "表6 主要能源产品产量"
    assert_offsets(doc)
    assert doc.text.index(PROSE_BEFORE) < table.start < table.end < doc.text.index(PROSE_AFTER)
    assert [c.text for c in table.column_header(2)] == ["2024年", "产量（万吨）"]


def test_two_three_line_tables_with_prose_between(tmp_path):
    blocks = ["表1 人口", POPULATION, PROSE_AFTER, "表2 人口", "单位：万人", POPULATION, PROSE_BEFORE]
    doc = read_document(make_three_line_pdf(tmp_path / "two.pdf", blocks))
    assert [(t.kind, grid(t)) for t in doc.tables] == [("pdf", POPULATION), ("pdf", POPULATION)]
    assert [t.caption.text for t in doc.tables] == ["表1 人口", "表2 人口"]
    assert doc.tables[1].unit.text == "单位：万人"
    assert doc.tables[0].end < doc.text.index(PROSE_AFTER) < doc.tables[1].start
    assert_offsets(doc)


def test_prose_between_rules_is_no_table(tmp_path):
    """A letterhead's double rule, prose with numbers standing apart, a rule over the distribution list."""
    prose = ["湖北省人民政府办公厅 2024 年 12 月 25 日 印发",
             "今年前11个月，湖北对外工程承包完成额80.6亿美元，同比增长20.5%。",
             "新签合同额 121.6 亿美元，同比增长 25.1 %。", "第 3 批 共 12 个 项目"]
    path = make_three_line_pdf(tmp_path / "letter.pdf", [RULE, RULE, *prose, RULE, "抄送：各市州人民政府 2024 年"])
    doc = read_document(path)
    assert all(t.kind != "pdf" for t in doc.tables)
    assert doc.text == "\n\n".join(pdfium_pages(path))
