"""Tables as structure, from every reader: cells whose offsets index the document's text, with
the table's caption, unit line, notes and header rows. Every file is made here and read back."""
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reviewer.documents import Document, read_document
from reviewer.documents.split import split_articles
from reviewer.documents.tables import Span, find_text_tables, retexted
from tests.conftest import ROOT

# the dev tables live beside the repository (../shared/gold/tables), also seen from a worktree
GOLD = next((folder for folder in (ROOT.parent / "shared" / "gold" / "tables", Path("/work/shared/gold/tables"))
             if folder.exists()), ROOT.parent / "shared" / "gold" / "tables")
DEV = sorted(GOLD.glob("*.txt")) if GOLD.exists() else []
needs_gold = pytest.mark.skipif(not DEV, reason="the dev tables are not on this machine")

TABLE = [
    ["指标", "年末数（万人）", "比重（%）"],
    ["全国总人口", "139538", "100.0"],
    ["其中：城镇", "83137", "59.58"],
    ["乡村", "56401", "-40.42"],
    ["货物进出口顺差", "23303", "—"],
]
CAPTION = "表1 2018年年末人口数及其构成"
UNIT = "单位：万人"


def cells_of(table):
    return [(c.row, c.col, c.text) for c in table.cells]


def expected_cells(rows=TABLE):
    return [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]


def check_offsets(doc: Document) -> None:
    for table in doc.tables:
        for cell in table.cells:
            assert doc.text[cell.start:cell.end] == cell.text, cell
        for span in (table.caption, table.unit, *table.notes):
            if span is not None:
                assert doc.text[span.start:span.end] == span.text, span
        assert 0 <= table.start <= table.end <= len(doc.text)


# ---------------------------------------------------------------- builders of real files

def write_pipe(path: Path, rows=TABLE, caption=CAPTION, unit=UNIT, before="前言：全年受理案件1425918件。\n\n") -> Path:
    lines = [before + caption, "", unit, ""] if caption else [before]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("| " + " | ".join("---" for _ in rows[0]) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    lines += ["", "注：数据来源于抽样调查。", "", "结案1310621件。", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_tabs(path: Path, rows=TABLE) -> Path:
    body = "\n".join("\t".join(row) for row in rows)
    path.write_text(f"前言：全年受理案件1425918件。\n{CAPTION}\n{UNIT}\n{body}\n注：数据来源于抽样调查。\n结案1310621件。\n",
                    encoding="utf-8")
    return path


def write_docx(path: Path, rows=TABLE, merges=(), header_repeat=False) -> Path:
    from docx import Document as Docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Docx()
    doc.add_paragraph("前言：全年受理案件1425918件。")
    doc.add_paragraph(CAPTION)
    doc.add_paragraph(UNIT)
    n_cols = max(len(row) for row in rows)
    grid = doc.add_table(rows=len(rows), cols=n_cols)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                grid.cell(r, c).text = value
    for (r1, c1), (r2, c2) in merges:
        grid.cell(r1, c1).merge(grid.cell(r2, c2))
    if header_repeat:
        tr_pr = grid.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        assert tr_pr.find(qn("w:tblHeader")) is not None
    doc.add_paragraph("注：数据来源于抽样调查。")
    doc.add_paragraph("结案1310621件。")
    doc.save(str(path))
    return path


def write_html(path: Path, rows=TABLE, pretty=True) -> Path:
    nl = "\n      " if pretty else ""
    head = "".join(f"{nl}<th>{cell}</th>" for cell in rows[0])
    body = "".join(f"\n    <tr>{''.join(f'{nl}<td> {cell} </td>' for cell in row)}\n    </tr>" for row in rows[1:])
    path.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>人口</title></head><body>
<p>前言：全年受理案件1425918件。</p>
<p>{CAPTION}</p>
<p style="text-align:right">{UNIT}</p>
<table border="1">
  <thead><tr>{head}</tr></thead>
  <tbody>{body}
  </tbody>
</table>
<p>注：数据来源于抽样调查。</p>
<p>结案1310621件。</p>
</body></html>""", encoding="utf-8")
    return path


# ---------------------------------------------------------------- the same table from every reader

@pytest.mark.parametrize("make,name", [(write_pipe, "t.md"), (write_pipe, "t.txt"), (write_tabs, "t.txt"),
                                       (write_docx, "t.docx"), (write_html, "t.html")])
def test_the_same_table_from_every_reader(tmp_path, make, name):
    doc = read_document(make(tmp_path / name))
    check_offsets(doc)
    assert len(doc.tables) == 1, doc.tables
    table = doc.tables[0]
    assert cells_of(table) == expected_cells()
    assert (table.n_rows, table.n_cols, table.header_rows) == (5, 3, 1)
    assert [c.is_header for c in table.cells] == [r == 0 for r, _, _ in expected_cells()]
    assert table.caption is not None and table.caption.text == CAPTION
    assert table.unit is not None and table.unit.text == UNIT
    assert [n.text for n in table.notes] == ["注：数据来源于抽样调查。"]
    assert doc.table_at(table.cells[4].start) is table
    assert table.cell_at(table.cells[4].start + 1) == table.cells[4]
    assert doc.table_at(doc.text.index("结案")) is None


@pytest.mark.parametrize("make,name", [(write_docx, "t.docx"), (write_html, "t.html")])
def test_a_table_reads_as_a_table_one_row_a_line(tmp_path, make, name):
    text = read_document(make(tmp_path / name)).text
    lines = text.split("\n")
    rows = ["\t".join(row) for row in TABLE]
    at = lines.index(rows[0])
    assert lines[at:at + len(rows)] == rows
    assert lines[at - 2:at] == [CAPTION, UNIT]


def test_a_compact_html_table_reads_the_same(tmp_path):
    pretty = read_document(write_html(tmp_path / "pretty.html"))
    compact = read_document(write_html(tmp_path / "compact.html", pretty=False))
    assert pretty.text == compact.text
    assert cells_of(pretty.tables[0]) == cells_of(compact.tables[0])


# ---------------------------------------------------------------- the dev tables

@needs_gold
@pytest.mark.parametrize("source", DEV, ids=lambda p: p.name)
def test_dev_tables_every_table_figure_is_in_a_cell(source):
    doc = read_document(source)
    check_offsets(doc)
    captions = [line for line in doc.text.split("\n") if line.startswith("表")]
    assert [t.caption.text if t.caption else None for t in doc.tables] == captions
    for line in (json.loads(line) for line in source.with_suffix("").with_suffix(".gold.jsonl").open()):
        table = doc.table_at(line["start"])
        in_a_row = doc.text[doc.text.rfind("\n", 0, line["start"]) + 1:].startswith(("|", "- "))
        if not in_a_row:
            assert table is None or table.caption and table.caption.start <= line["start"] < table.caption.end
            continue
        assert table is not None, line
        cell = table.cell_at(line["start"])
        assert cell is not None and cell.start <= line["start"] and line["end"] <= cell.end, (line, cell)
        if line["kind"] not in ("none", "date"):
            assert cell.text == line["text"] and cell.row >= table.header_rows, (line, cell)


@needs_gold
def test_dev_tables_2018_shapes():
    doc = read_document(GOLD / "t1_communique-2018-tables.txt")
    assert len(doc.tables) == 5
    first, transport, industries = doc.tables[0], doc.tables[1], doc.tables[2]
    assert first.rows()[0][1].text == "年末数（万人）"
    assert (first.n_cols, first.cell(1, 3).text) == (4, "")  # the trailing empty column is a cell
    assert first.cell(6, 0).text == "其中：0-15岁（含不满16周岁）[8]"
    # the shifted column: the growth values stand in an unheaded 5th column
    assert [c.text for c in transport.rows()[1]] == ["旅客运输总量", "亿人次", "179.2", "", "-3.1"]
    assert transport.column_header(4)[0].text == ""
    # two label/value pairs per row; a value after full-width spaces
    assert [c.text for c in industries.rows()[1]] == ["总计", "5.9", "金融业", "-13.1"]
    assert doc.tables[4].cell(12, 2).text == "—"


@needs_gold
def test_dev_tables_2020_flattened_list_table_under_its_caption_and_unit_line():
    doc = read_document(GOLD / "t2_communique-2020-tables.txt")
    assert len(doc.tables) == 5
    flat = doc.tables[0]
    assert flat.kind == "flattened"
    assert flat.caption.text == "表1 2020年居民消费价格比上年涨跌幅度"
    assert flat.unit.text == "单位：%"
    # the header the converter split over two lines is one row of four columns
    assert (flat.header_rows, flat.n_cols, flat.n_rows) == (1, 4, 10)
    assert [c.text for c in flat.rows()[0]] == ["指标", "全国", "城市", "农村"]
    assert [c.text for c in flat.rows()[3]] == ["衣 着", "-0.2", "-0.2", "-0.3"]
    assert [c.text for c in flat.rows()[4]] == ["居 住[9]", "-0.4", "-0.4", "-0.5"]
    assert flat.column_header(2)[0].text == "城市"
    glued = doc.tables[3]
    assert glued.caption.text.startswith("表112020年") and glued.n_cols == 7


@needs_gold
def test_dev_tables_as_docx_and_html_give_the_same_cells(tmp_path):
    """The dev tables' pipe tables, written as .docx and .html, read back cell for cell."""
    for source in DEV:
        doc = read_document(source)
        for n, table in enumerate(t for t in doc.tables if t.kind == "pipe"):
            rows = [[c.text for c in row] for row in table.rows()]
            for made in (write_docx(tmp_path / f"{source.stem}-{n}.docx", rows),
                         write_html(tmp_path / f"{source.stem}-{n}.html", rows)):
                again = read_document(made)
                check_offsets(again)
                assert len(again.tables) == 1, made
                assert cells_of(again.tables[0]) == cells_of(table), made
                assert again.tables[0].header_rows == table.header_rows


# ---------------------------------------------------------------- merged cells

def test_docx_merged_cells_span_the_grid(tmp_path):
    rows = [["指标", "2024年", ""], ["", "数量", "金额（亿元）"], ["钢材", "5367", "3151"], ["手机", "96640", "8647"]]
    doc = read_document(write_docx(tmp_path / "merged.docx", rows, merges=[((0, 1), (0, 2)), ((0, 0), (1, 0))]))
    check_offsets(doc)
    table = doc.tables[0]
    assert [(c.row, c.col, c.text, c.rowspan, c.colspan) for c in table.cells[:4]] == [
        (0, 0, "指标", 2, 1), (0, 1, "2024年", 1, 2), (1, 1, "数量", 1, 1), (1, 2, "金额（亿元）", 1, 1)]
    assert table.header_rows == 2 and (table.n_rows, table.n_cols) == (4, 3)
    assert table.cell(1, 0).text == "指标" and table.cell(0, 2).text == "2024年"
    assert [c.text for c in table.column_header(2)] == ["2024年", "金额（亿元）"]


def test_docx_repeated_header_rows_are_the_header(tmp_path):
    rows = [["产品名称", "单位"], ["纱", "万吨"], ["布", "亿米"]]
    assert read_document(write_docx(tmp_path / "plain.docx", rows)).tables[0].header_rows == 1
    doc = read_document(write_docx(tmp_path / "repeat.docx", rows, header_repeat=True))
    assert doc.tables[0].header_rows == 1 and doc.tables[0].cells[0].is_header


def test_docx_nested_table_is_one_cell_of_the_outer_table(tmp_path):
    from tests.documents.fixtures import make_nested_table_docx

    doc = read_document(make_nested_table_docx(tmp_path / "nested.docx"))
    check_offsets(doc)
    assert len(doc.tables) == 1
    assert cells_of(doc.tables[0]) == [(0, 0, "外层"), (0, 1, "新签合同额 121.6亿美元")]


def test_html_rowspan_colspan_and_th(tmp_path):
    path = tmp_path / "spans.html"
    path.write_text("<table><caption>表3 主要商品出口（单位：亿元）</caption>"
                    "<tr><th rowspan=2>商品</th><th colspan=2>2024年</th></tr><tr><th>数量</th><th>金额</th></tr>"
                    "<tr><td>钢材</td><td>5367</td><td>3151</td></tr><tr><td>手机</td><td>96640</td><td>8647</td></tr>"
                    "</table>", encoding="utf-8")
    doc = read_document(path)
    check_offsets(doc)
    table = doc.tables[0]
    assert table.caption.text == "表3 主要商品出口（单位：亿元）"
    assert table.unit.text == "单位：亿元" or table.unit.text == "（单位：亿元）"
    assert [(c.row, c.col, c.text, c.rowspan, c.colspan) for c in table.cells[:4]] == [
        (0, 0, "商品", 2, 1), (0, 1, "2024年", 1, 2), (1, 1, "数量", 1, 1), (1, 2, "金额", 1, 1)]
    assert table.header_rows == 2 and table.cell(3, 2).text == "8647"


def test_html_layout_table_holding_a_data_table(tmp_path):
    path = tmp_path / "layout.html"
    inner = "<table><tr><td>指标</td><td>数值</td></tr><tr><td>新签合同额</td><td>121.6</td></tr></table>"
    path.write_text(f"<table><tr><td><p>正文第一段受理案件12件。</p>{inner}<p>第二段。</p></td><td>边栏</td></tr></table>",
                    encoding="utf-8")
    doc = read_document(path)
    check_offsets(doc)
    assert len(doc.tables) == 1
    assert cells_of(doc.tables[0]) == [(0, 0, "指标"), (0, 1, "数值"), (1, 0, "新签合同额"), (1, 1, "121.6")]
    assert "正文第一段受理案件12件。\n" in doc.text  # the layout table's paragraphs stay lines


@pytest.mark.parametrize("markup", [
    "<table><tr><td><p>{prose}</p><p>{prose}</p></td></tr></table>",  # one cell: the whole page
    "<table><tr><td><p>{prose}</p><p>{prose}</p></td><td>边栏</td></tr></table>",  # a cell of prose
    "<table role='presentation'><tr><td><p>正文</p><p>第二段</p></td><td>边栏</td></tr></table>",
])
def test_html_page_laid_out_in_a_table_keeps_its_paragraphs(tmp_path, markup):
    prose = "全年受理案件1425918件，同比增长5.2%，审结案件1310621件，结案率90.5%。" * 6
    path = tmp_path / "layout.html"
    path.write_text(markup.format(prose=prose), encoding="utf-8")
    doc = read_document(path)
    assert doc.tables == ()
    assert len(doc.text.split("\n")) >= 2


def test_caption_in_the_first_row_is_the_caption(tmp_path):
    rows = [["表2 2020年主要工业产品产量", "", ""], ["单位：万吨", "", ""], ["产品", "产量", "增长（%）"],
            ["纱", "2618.3", "-7.4"]]
    for made in (write_docx(tmp_path / "caption.docx", rows, merges=[((0, 0), (0, 2))]),
                 write_html(tmp_path / "caption.html", rows)):
        doc = read_document(made)
        check_offsets(doc)
        table = doc.tables[0]
        assert table.caption.text == "表2 2020年主要工业产品产量", made
        assert table.unit.text == "单位：万吨", made
        assert cells_of(table) == [(0, 0, "产品"), (0, 1, "产量"), (0, 2, "增长（%）"),
                                   (1, 0, "纱"), (1, 1, "2618.3"), (1, 2, "-7.4")], made
        assert table.header_rows == 1


# ---------------------------------------------------------------- text forms

def test_markdown_table_without_outer_pipes_at_the_end_and_escaped_pipe(tmp_path):
    path = tmp_path / "t.md"
    path.write_text("| 指标 | 数值\n| --- | --- |\n| a\\|b | 12 |\n| 乡村 | 56401", encoding="utf-8")
    doc = read_document(path)
    check_offsets(doc)
    assert cells_of(doc.tables[0]) == [(0, 0, "指标"), (0, 1, "数值"), (1, 0, "a\\|b"), (1, 1, "12"),
                                       (2, 0, "乡村"), (2, 1, "56401")]


def test_offsets_after_line_endings_are_normalized(tmp_path):
    path = tmp_path / "crlf.txt"
    text = "前言\r\n表1 人口\r\n单位：万人\r\n指标\t年末数\r\n全国\t139538\r\n城镇\t83137\r\n"
    path.write_bytes(text.encode("gb18030"))
    doc = read_document(path)
    check_offsets(doc)
    assert cells_of(doc.tables[0]) == [(0, 0, "指标"), (0, 1, "年末数"), (1, 0, "全国"), (1, 1, "139538"),
                                       (2, 0, "城镇"), (2, 1, "83137")]
    assert doc.tables[0].unit.text == "单位：万人"


def test_texts_taken_again_after_lone_surrogates_are_replaced():
    text = "指标\t数值\n乡\ud800村\t12\n"
    tables = find_text_tables(text)
    clean = text.replace("\ud800", "\ufffd")
    again = retexted(tables, clean)
    assert [c.text for c in again[0].cells] == ["指标", "数值", "乡\ufffd村", "12"]
    assert all(clean[c.start:c.end] == c.text for c in again[0].cells)


def test_flattened_table_with_letter_spaced_header_and_right_aligned_years(tmp_path):
    path = tmp_path / "flat.txt"
    path.write_text("表3 主要指标\n金额单位：万元\n2023年 2024年\n营业收入 1200 1350.5\n利润总额 -30 —\n\n正文。",
                    encoding="utf-8")
    doc = read_document(path)
    check_offsets(doc)
    table = doc.tables[0]
    assert table.unit.text == "金额单位：万元"
    assert cells_of(table) == [(0, 1, "2023年"), (0, 2, "2024年"), (1, 0, "营业收入"), (1, 1, "1200"),
                               (1, 2, "1350.5"), (2, 0, "利润总额"), (2, 1, "-30"), (2, 2, "—")]
    assert table.header_rows == 1


def test_pdf_table_from_its_text_layer_under_its_caption(tmp_path):
    from tests.documents.fixtures import make_pdf

    page = ("前言：全年受理案件1425918件。\n表2 2020年主要工业产品产量及其增长速度\n单位：万吨\n"
            "产品名称 单位 产量 比上年增长（%）\n纱 万吨 2618.3 -7.4\n布 亿米 460.3 -17.1\n化学纤维 万吨 6126.5 4.1\n\n"
            "结案1310621件。")
    doc = read_document(make_pdf(tmp_path / "table.pdf", [page]))
    check_offsets(doc)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.caption.text == "表2 2020年主要工业产品产量及其增长速度" and table.unit.text == "单位：万吨"
    assert [[c.text for c in row] for row in table.rows()] == [
        ["产品名称", "单位", "产量", "比上年增长（%）"], ["纱", "万吨", "2618.3", "-7.4"],
        ["布", "亿米", "460.3", "-17.1"], ["化学纤维", "万吨", "6126.5", "4.1"]]
    assert table.header_rows == 1


def test_flattened_words_are_columns_only_when_every_row_has_as_many():
    text = "表1 价格\n- 衣 着 -0.2 -0.3\n- 食品烟酒 8.3 7.8\n"
    assert [[c.text for c in row] for row in find_text_tables(text)[0].rows()] == [
        ["衣 着", "-0.2", "-0.3"], ["食品烟酒", "8.3", "7.8"]]
    spaced = "表1 价格\n- 衣 着 -0.2 -0.3\n- 居 住 -0.4 -0.5\n"
    assert [c.text for c in find_text_tables(spaced)[0].rows()[0]] == ["衣 着", "-0.2", "-0.3"]


def test_a_header_of_bare_years(tmp_path):
    tabs = tmp_path / "years.txt"
    tabs.write_text("指标\t2021\t2022\t2023\n营业收入\t1200\t1350\t1500\n利润\t30\t35\t40\n", encoding="utf-8")
    table = read_document(tabs).tables[0]
    assert table.header_rows == 1 and [c.text for c in table.rows()[0]] == ["指标", "2021", "2022", "2023"]
    flat = find_text_tables("表2 主要指标\n指标 2021 2022 2023\n营业收入 1200 1350 1500\n利润 30 35 40\n")[0]
    assert flat.header_rows == 1 and [c.text for c in flat.rows()[0]] == ["指标", "2021", "2022", "2023"]
    data = find_text_tables("甲\t2001\t1999\t2005\n乙\t1\t2\t3\n")[0]  # not in order: data
    assert data.header_rows == 0


def test_html_rowspan_zero_reaches_the_end(tmp_path):
    path = tmp_path / "zero.html"
    path.write_text("<table><tr><td rowspan=0>全部</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>",
                    encoding="utf-8")
    table = read_document(path).tables[0]
    assert (table.cells[0].rowspan, [(c.row, c.col) for c in table.cells[1:]]) == (3, [(0, 1), (1, 1), (2, 1)])


@pytest.mark.parametrize("text", [
    "表1 全年受理案件1425918件，同比增长5.2%。\n全年审结案件1310621件，结案率90.5 。\n",  # prose under a caption
    "表格工作很多。\n第一行 1 2\n",  # not a caption
    "一、\t总体情况\n",  # one tab line
    "前言\n\n| 孤行 |\n\n后记\n",  # one pipe line
])
def test_what_is_not_a_table(tmp_path, text):
    path = tmp_path / "prose.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).tables == ()


def test_documents_without_tables_have_none_and_the_default_keeps_callers_working(tmp_path):
    from tests.conftest import SEEDS

    for seed in sorted(SEEDS.glob("*.txt")):
        doc = read_document(seed)
        check_offsets(doc)
    doc = read_document(SEEDS / "000_71bace37cc241901.txt")
    assert Document("x", "t", None, "s", 1, "h", "txt").tables == ()
    assert doc.table_at(0) is None or doc.tables


def test_split_articles_keep_their_tables(tmp_path):
    path = tmp_path / "articles.txt"
    article = ("第{n}篇文章的标题\n正文受理案件1425918件。\n表1 人口\n| 指标 | 数值 |\n| --- | --- |\n"
               "| 全国 | 139538 |\n2025-07-26\n")
    path.write_text("\n-\n".join(article.format(n=n) for n in (1, 2)), encoding="utf-8")
    doc = read_document(path)
    assert len(doc.tables) == 2
    articles = split_articles(doc)
    assert len(articles) == 2
    for piece in articles:
        check_offsets(piece)
        assert len(piece.tables) == 1 and piece.tables[0].caption == Span(
            piece.text.index("表1"), piece.text.index("表1") + 5, "表1 人口")


# ---------------------------------------------------------------- bad tables: no crash, no invented cell

def test_ragged_rows_are_as_long_as_they_are(tmp_path):
    rows = [["指标", "数值", "增长"], ["全国", "139538"], ["城镇", "83137", "1.2", "多余"]]
    txt = tmp_path / "ragged.txt"
    txt.write_text("\n".join("\t".join(row) for row in rows), encoding="utf-8")
    html = tmp_path / "ragged.html"
    html.write_text("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
                    + "</table>", encoding="utf-8")
    for path in (txt, html):
        doc = read_document(path)
        check_offsets(doc)
        assert cells_of(doc.tables[0]) == expected_cells(rows), path
        assert doc.tables[0].n_cols == 4


def test_empty_tables_are_no_tables(tmp_path):
    html = tmp_path / "empty.html"
    html.write_text("<p>受理案件12件</p><table></table><table><tr><td> </td><td></td></tr></table>", encoding="utf-8")
    assert read_document(html).tables == ()
    docx = write_docx(tmp_path / "empty.docx", rows=[["", ""], ["", ""]])
    doc = read_document(docx)
    assert doc.tables == () and "受理案件1425918件" in doc.text


def test_a_header_only_table(tmp_path):
    md = tmp_path / "header.md"
    md.write_text("| 指标 | 数值 |\n| --- | --- |\n", encoding="utf-8")
    html = tmp_path / "header.html"
    html.write_text("<table><thead><tr><th>指标</th><th>数值</th></tr></thead></table>", encoding="utf-8")
    for path in (md, html):
        table = read_document(path).tables[0]
        assert cells_of(table) == [(0, 0, "指标"), (0, 1, "数值")] and table.header_rows == 1
        assert table.n_rows == 1


def test_a_cell_merged_across_everything(tmp_path):
    html = tmp_path / "merged.html"
    html.write_text("<table><tr><td colspan=1000 rowspan=65534>全部合并</td></tr><tr></tr>"
                    "<tr><td>甲</td><td>1</td><td>2</td></tr></table>", encoding="utf-8")
    doc = read_document(html)
    check_offsets(doc)
    table = doc.tables[0]
    # as a browser lays it out, but no wider than the longest row: the cells under it move right
    assert (table.cells[0].rowspan, table.cells[0].colspan, table.n_rows, table.n_cols) == (3, 3, 3, 6)
    assert [(c.row, c.col) for c in table.cells] == [(0, 0), (2, 3), (2, 4), (2, 5)]
    docx = write_docx(tmp_path / "merged.docx", rows=[["全部合并", "", ""], ["", "", ""]], merges=[((0, 0), (1, 2))])
    doc = read_document(docx)
    check_offsets(doc)
    assert cells_of(doc.tables[0]) == [(0, 0, "全部合并")]
    assert (doc.tables[0].n_cols, doc.tables[0].cells[0].colspan) == (3, 3)


def test_bad_span_attributes(tmp_path):
    html = tmp_path / "bad.html"
    html.write_text("<table><tr><td colspan=x rowspan=-3>甲</td><td colspan=0>1</td><td rowspan='9999999'>2</td></tr>"
                    "<tr><td>乙</td></tr></table>", encoding="utf-8")
    doc = read_document(html)
    check_offsets(doc)
    assert [(c.text, c.rowspan, c.colspan) for c in doc.tables[0].cells] == [
        ("甲", 1, 1), ("1", 1, 1), ("2", 2, 1), ("乙", 1, 1)]


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_200_columns(tmp_path, suffix):
    rows = [[f"列{c}" for c in range(200)]] + [[f"行{r}"] + [str(r * c) for c in range(1, 200)] for r in range(3)]
    path = tmp_path / f"wide{suffix}"
    if suffix == ".txt":
        path.write_text("\n".join("\t".join(row) for row in rows), encoding="utf-8")
    elif suffix == ".html":
        write_html(path, rows, pretty=False)
    else:
        write_docx(path, rows)
    doc = read_document(path)
    check_offsets(doc)
    table = doc.tables[0]
    assert (table.n_rows, table.n_cols) == (4, 200)
    assert cells_of(table) == expected_cells(rows)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_5000_rows(tmp_path, suffix):
    rows = [["指标", "数值", "增长（%）"]] + [[f"项目{r}", str(r), f"{r % 7 - 3}.5"] for r in range(5000)]
    path = tmp_path / f"long{suffix}"
    if suffix == ".txt":
        path.write_text("\n".join("\t".join(row) for row in rows), encoding="utf-8")
    elif suffix == ".md":
        write_pipe(path, rows)
    else:
        write_html(path, rows, pretty=False)
    doc = read_document(path)
    check_offsets(doc)
    table = doc.tables[0]
    assert (table.n_rows, table.n_cols, table.header_rows) == (5001, 3, 1)
    assert table.cells[-1].text == rows[-1][-1]
    assert table.cell_at(table.cells[-2].start) == table.cells[-2]


# ---------------------------------------------------------------- any input: no crash, offsets exact

PIECES = ["|", " | ", "\t", "\n", "\n\n", "---", ":--", "表1", "表112020年", "单位：亿元", "注：", "1.", "- ",
          "12.5", "-3", "—", "139538", "2021", "指标", "衣 着", "　", "\u00a0", "\r\n", "。", "\\|", "[8]"]
TAGS = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<thead>", "</thead>",
        "<td colspan=3>", "<td rowspan=2>", "<th rowspan=0>", "<td colspan=x>", "<caption>", "</caption>",
        "<p>", "</p>", "<br>", "<div>", "\n", " ", "表1", "单位：万元", "指标", "12.5", "-3", "—",
        "<script>", "</script>"]


def valid(doc_or_text, tables) -> None:
    text = doc_or_text
    for table in tables:
        assert table.n_rows >= 1 and table.n_cols >= 1
        for cell in table.cells:
            assert text[cell.start:cell.end] == cell.text
            assert 0 <= cell.row < table.n_rows and 0 <= cell.col < table.n_cols
            assert cell.row + cell.rowspan <= table.n_rows and cell.col + cell.colspan <= table.n_cols
        for span in (table.caption, table.unit, *table.notes):
            if span is not None:
                assert text[span.start:span.end] == span.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60))
def test_any_text_gives_valid_tables(pieces):
    text = "".join(pieces)
    valid(text, find_text_tables(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TAGS), max_size=60))
@example(tags=["<table>", "<td>", "<caption>", "<div>", "表1", "<td>"])  # a caption left open at the text's end
@example(tags=["<table>", "<tr>", "<tr>", "<td colspan=3>", "<td colspan=3>", "单位：万元"])  # no cell left
def test_any_markup_gives_valid_tables(tmp_path_factory, tags):
    path = tmp_path_factory.mktemp("fuzz") / "page.html"
    path.write_text("<p>正文</p>" + "".join(tags), encoding="utf-8")
    doc = read_document(path)
    valid(doc.text, doc.tables)
