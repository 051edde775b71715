"""parts-total in tables: the rows on one side of a 总计/合计 row add up to it, column by column.
Statistical tables are not adjusted to add up: a miss of rounding apart is a note, rows short of
the total a warning (a table may leave rows out), rows beyond it an error; 其中 rows are not a
complete set, so such a column stays silent."""

import pytest

from tests.checks.sums_documents import findings, severities

TABLE = """表3 2024年全市各县（区）地区生产总值

单位：亿元

| 地区 | 地区生产总值 | 比上年增长（%） | 比重（%） |
| --- | --- | --- | --- |
| 全市合计 | {total} | 5.1 | 100.0 |
| 城关区 | 420.3 | 5.6 | 33.6 |
| 七里河区 | 310.2 | 4.8 | 24.8 |
| 西固区 | {part} | 4.2 | {share} |
| 榆中县 | 239.7 | 5.9 | 19.2 |
"""


@pytest.mark.parametrize(
    ("total", "part", "share", "expected"),
    [
        ("1250.6", "280.4", "22.4", []),  # holding: 420.3 + 310.2 + 280.4 + 239.7 = 1250.6; shares 100.0
        ("1250.6", "208.4", "22.4", ["warning"]),  # a digit swapped: rows short of the total
        ("1250.6", "820.4", "22.4", ["error"]),  # rows beyond their total
        ("1250.6", "280.4", "24.2", ["error"]),  # a share altered: the shares add up to 101.8
        ("1250.7", "280.4", "22.4", []),  # within rounding: 1250.55 .. 1250.65 meets 1250.65 .. 1250.75
        ("1250.9", "280.4", "22.4", ["note"]),  # off by rounding apart only: a note
        ("1250", "280.4", "22.4", []),  # a total written to fewer digits: 1249.5 .. 1250.5 meets 1250.4 .. 1250.8
    ],
)
def test_rows_against_the_total_row(total, part, share, expected):
    assert severities(TABLE.format(total=total, part=part, share=share), "parts-total", tables=True) == expected


def test_approximate_cell_widens():
    text = TABLE.format(total="约1300", part="280.4", share="22.4")
    assert findings(text, "parts-total", tables=True) == []


def test_total_row_last():
    text = """表2 2024年分产业增加值

| 产业 | 增加值（亿元） |
| --- | --- |
| 第一产业 | 300.1 |
| 第二产业 | 2000.0 |
| 第三产业 | 2700.0 |
| 合 计 | 4900.1 |
"""
    assert severities(text, "parts-total", tables=True) == ["error"]
    assert severities(text.replace("4900.1", "5100.1"), "parts-total", tables=True) == ["warning"]
    assert severities(text.replace("4900.1", "5000.1"), "parts-total", tables=True) == []


@pytest.mark.parametrize(
    "rows",
    [
        # a 其中 row: the rows are not one complete set
        "| 总计 | 1000 |\n| 其中：国有 | 300 |\n| 集体 | 100 |\n| 私营 | 200 |\n",
        # the total amid its rows: which side is its own is not certain
        "| 国有 | 300 |\n| 总计 | 1000 |\n| 集体 | 100 |\n| 私营 | 200 |\n",
        # no total row
        "| 国有 | 300 |\n| 集体 | 100 |\n| 私营 | 200 |\n",
        # a row without a value
        "| 总计 | 1000 |\n| 国有 | 300 |\n| 集体 | — |\n| 私营 | 200 |\n",
    ],
)
def test_silent_where_the_rows_are_not_a_complete_set(rows):
    text = "表1 2024年按经济类型分企业数\n\n| 类型 | 企业数（个） |\n| --- | --- |\n" + rows
    assert findings(text, "parts-total", tables=True) == []


def test_growth_columns_are_not_summed():
    text = TABLE.format(total="1250.6", part="280.4", share="22.4").replace("| 5.1 |", "| 9.9 |")
    assert findings(text, "parts-total", tables=True) == []


def test_the_message_names_the_column_the_rows_and_the_total():
    (finding,) = findings(TABLE.format(total="1250.6", part="820.4", share="22.4"), "parts-total", tables=True)
    assert "地区生产总值" in finding.message and "西固区 820.4" in finding.message
    assert "全市合计 1250.6" in finding.message and "1790.6" in finding.message


HTML = """<html><head><meta charset="utf-8"><title>2024年统计公报</title></head><body>
<p>表2 2024年各产业增加值</p>
<table>
<tr><th>指标</th><th>增加值（亿元）</th><th>比上年增长（%）</th></tr>
<tr><td>第一产业</td><td>300.1</td><td>3.1</td></tr>
<tr><td>第二产业</td><td>2000.0</td><td>5.0</td></tr>
<tr><td>第三产业</td><td>2700.0</td><td>5.6</td></tr>
<tr><td>合计</td><td>{total}</td><td>5.2</td></tr>
</table></body></html>
"""


@pytest.mark.parametrize(("total", "expected"), [("5000.1", []), ("5000.2", []), ("4000.1", ["error"])])
def test_a_web_page_table_read_by_the_html_reader(tmp_path, total, expected):
    from reviewer.checks import CheckDocument, CheckFigure, check_document
    from reviewer.documents import read_document
    from reviewer.documents.table_places import place_in_tables
    from reviewer.extract import extract

    page = tmp_path / "bulletin.html"
    page.write_text(HTML.format(total=total), encoding="utf-8")
    read = read_document(page)
    figures = place_in_tables(extract(read.text, tables=read.tables), read.tables)
    checked = tuple(CheckFigure.of_figure(f, i, "bulletin.html") for i, f in enumerate(figures))
    doc = CheckDocument("bulletin.html", read.text, checked, tuple(read.tables))
    assert [f.severity.value for f in check_document(doc) if f.rule == "parts-total"] == expected
