"""Where a table's figure stands (issue 12): the unit's source the engine read it from, the period
of a year column, and the caption, row and column label from the document's own tables. Each
row: a table as a file's text -> for each figure (span, value, unit, period, unit source, row
label, column label, caption)."""
from decimal import Decimal

import pytest

from reviewer.documents import read_document
from reviewer.documents.table_places import place_in_tables
from reviewer.extract import extract, figures_only

YEAR_COLUMNS = ("表3 主要财务指标\n单位：亿元\n\n| 指标 | 2022年 | 2023年 |\n| --- | --- | --- |\n"
                "| 营业收入 | 1200 | 1350.5 |\n")
UNIT_COLUMN = ("表2 2020年主要工业产品产量及其增长速度\n\n| 产品名称 | 单位 | 产量 | 比上年增长（%） |\n"
               "| --- | --- | --- | --- |\n| 原煤 | 亿吨 | 39.0 | 1.4 |\n")
HEADER_UNIT = ("表1 2018年年末人口数及其构成\n\n| 指标 | 年末数（万人） | 比重（%） |\n| --- | --- | --- |\n"
               "| 其中：城镇 | 83137 | 59.58 |\n")
FLATTENED = ("表1 2020年居民消费价格比上年涨跌幅度\n\n单位：%\n\n- 指标 全国 城市 农村\n- 居民消费价格 2.5 2.3 3.0\n"
             "- 衣 着 -0.2 -0.2 -0.3\n")

SIDE_BY_SIDE = ("表10 2023年主要农产品产量\n\n"
                "| 产品名称 | 产量（万吨） | 比上年增长（%） | 产品名称 | 产量（万吨） | 比上年增长（%） |\n"
                "| --- | --- | --- | --- | --- | --- |\n| 粮食 | 69541 | 1.3 | 油料 | 3864 | 1.6 |\n")
YEAR_ROWS = ("表11 2019-2023年国内生产总值\n\n| 年份 | 国内生产总值（亿元） | 比上年增长（%） |\n| --- | --- | --- |\n"
             "| 2019 | 986515 | 6.0 |\n")
UNIT_IN_LABEL = ("表12 主要指标\n\n| 指标 | 2022年 | 2023年 |\n| --- | --- | --- |\n"
                 "| 营业收入（亿元） | 1200.5 | 1350 |\n| 研究与试验发展（R&D）经费（万元） | 300 | 320 |\n")

# A cell without a year of its own takes the year its caption names (表2 2020年…): GUIDE "Periods" 3.
CASES = [
    (YEAR_COLUMNS, [
        ("1200", Decimal("120000000000"), "元", "2022", "单位：亿元", "营业收入", "2022年", "表3 主要财务指标"),
        ("1350.5", Decimal("135050000000"), "元", "2023", "单位：亿元", "营业收入", "2023年", "表3 主要财务指标"),
    ]),
    (UNIT_COLUMN, [
        ("39.0", Decimal("3900000000"), "吨", "2020", "亿吨", "原煤", "产量", "表2 2020年主要工业产品产量及其增长速度"),
        ("1.4", Decimal("1.4"), "%", "2020", "比上年增长（%）", "原煤", "比上年增长（%）",
         "表2 2020年主要工业产品产量及其增长速度"),
    ]),
    (HEADER_UNIT, [
        ("83137", Decimal("831370000"), "人", "2018", "年末数（万人）", "其中：城镇", "年末数（万人）",
         "表1 2018年年末人口数及其构成"),
        ("59.58", Decimal("59.58"), "%", "2018", "比重（%）", "其中：城镇", "比重（%）",
         "表1 2018年年末人口数及其构成"),
    ]),
    (FLATTENED, [
        (number, Decimal(number), "%", "2020", "单位：%", label, column, "表1 2020年居民消费价格比上年涨跌幅度")
        for label, row in (("居民消费价格", ("2.5", "2.3", "3.0")), ("衣 着", ("-0.2", "-0.2", "-0.3")))
        for number, column in zip(row, ("全国", "城市", "农村"), strict=True)
    ]),
    (SIDE_BY_SIDE, [
        (number, Decimal(value), unit, "2023", column, label, column, "表10 2023年主要农产品产量")
        for number, value, unit, column, label in (
            ("69541", "695410000", "吨", "产量（万吨）", "粮食"), ("1.3", "1.3", "%", "比上年增长（%）", "粮食"),
            ("3864", "38640000", "吨", "产量（万吨）", "油料"), ("1.6", "1.6", "%", "比上年增长（%）", "油料"))
    ]),
    (YEAR_ROWS, [
        ("986515", Decimal("98651500000000"), "元", "2019", "国内生产总值（亿元）", "2019", "国内生产总值（亿元）",
         "表11 2019-2023年国内生产总值"),
        ("6.0", Decimal("6.0"), "%", "2019", "比上年增长（%）", "2019", "比上年增长（%）",
         "表11 2019-2023年国内生产总值"),
    ]),
]

INDICATORS = [
    (SIDE_BY_SIDE, ["粮食 产量", "粮食", "油料 产量", "油料"]),
    (YEAR_ROWS, ["国内生产总值", None]),  # a year row names when: the indicator is the column's measure
    (UNIT_IN_LABEL, ["营业收入", "营业收入", "研究与试验发展（R&D）经费", "研究与试验发展（R&D）经费"]),
    (FLATTENED, [f"{label} {column}" for label in ("居民消费价格", "衣着") for column in ("全国", "城市", "农村")]),
]


def placed(path):
    doc = read_document(path)
    return figures_only(place_in_tables(extract(doc.text, tables=doc.tables), doc.tables))


@pytest.mark.parametrize("text,expected", CASES, ids=["year columns", "unit column", "header unit", "flattened",
                                                      "side by side", "year rows"])
def test_a_cell_figure_knows_its_table_row_column_and_unit_source(tmp_path, text, expected):
    path = tmp_path / "table.md"
    path.write_text(text, encoding="utf-8")
    got = placed(path)
    rows = [(f.text, f.value, f.unit, f.period.label() if f.period else None, f.table and f.table.unit_source,
             f.table and f.table.row_label, f.table and f.table.column_label, f.table and f.table.caption) for f in got]
    assert rows == expected


def test_a_year_column_is_a_period_not_part_of_the_indicator(tmp_path):
    path = tmp_path / "years.md"
    path.write_text(YEAR_COLUMNS, encoding="utf-8")
    assert [(f.indicator, f.period.start, f.period.end) for f in placed(path)] == [
        ("营业收入", "2022-01-01", "2022-12-31"), ("营业收入", "2023-01-01", "2023-12-31")]


def test_prose_figures_have_no_place_and_header_dates_stay_dates(tmp_path):
    path = tmp_path / "mixed.md"
    path.write_text("全年受理案件1425918件。\n\n" + YEAR_COLUMNS + "\n结案1310621件。\n", encoding="utf-8")
    doc = read_document(path)
    found = place_in_tables(extract(doc.text, tables=doc.tables), doc.tables)
    prose = [f for f in found if f.text in ("1425918件", "1310621件")]
    assert len(prose) == 2 and all(f.table is None for f in prose)
    assert all(f.table is None for f in found if f.is_date)
    assert [f.text for f in found if f.table is not None] == ["1200", "1350.5"]


def test_merged_header_cells_over_a_docx_column_are_joined_top_first(tmp_path):
    from tests.documents.test_tables import write_docx

    rows = [["指标", "2024年", ""], ["", "数量（万吨）", "金额（亿元）"], ["钢材", "5367", "3151"]]
    path = write_docx(tmp_path / "merged.docx", rows, merges=[((0, 1), (0, 2)), ((0, 0), (1, 0))])
    found = {f.text: f for f in placed(path) if f.table is not None}
    # the second header row states the units; the unit line above (单位：万人) is not theirs
    assert [(f.value, f.unit, f.period.label(), f.indicator) for f in found.values()] == [
        (Decimal("53670000"), "吨", "2024", "钢材"), (Decimal("315100000000"), "元", "2024", "钢材 金额")]
    places = {text: f.table for text, f in found.items()}
    assert places["3151"].column_label == "2024年 / 金额（亿元）"
    assert places["5367"].column_label == "2024年 / 数量（万吨）"
    assert places["5367"].row_label == "钢材"


def test_without_tables_figures_are_returned_as_they_are():
    found = extract("全年受理案件1425918件。")
    assert place_in_tables(found, ()) == found


@pytest.mark.parametrize("text,expected", INDICATORS,
                         ids=["side by side", "year rows", "unit in the row label", "flattened, letter-spaced"])
def test_the_indicator_of_a_cell_is_its_own_rows_label_without_the_unit_it_states(tmp_path, text, expected):
    path = tmp_path / "table.md"
    path.write_text(text, encoding="utf-8")
    assert [f.indicator for f in placed(path)] == expected


@pytest.mark.parametrize("caption,change", [
    ("表1 2020年居民消费价格比上年涨跌幅度", "比上年涨跌幅度"),  # the whole table is a change
    ("表2 2020年主要工业产品产量及其增长速度[18]", None),  # a change among its columns, not this one's
])
def test_a_caption_that_says_its_table_is_a_change_gives_the_change_of_its_percent_cells(tmp_path, caption, change):
    path = tmp_path / "table.md"
    path.write_text(FLATTENED.replace("表1 2020年居民消费价格比上年涨跌幅度", caption), encoding="utf-8")
    assert {f.change for f in placed(path)} == {change}


@pytest.mark.parametrize("unit,value,name", [
    ("万吨/年", Decimal("264280000"), "吨/年"),  # a rate: new capacity per year
    ("万线", Decimal("264280000"), "线"),  # exchange lines: a unit no lexicon lists
    ("万台（套）", Decimal("264280000"), "台（套）"),
    ("亿吨", Decimal("2642800000000"), "吨"),  # one the lexicon knows, as before
])
def test_a_unit_cell_states_its_rows_unit_even_one_no_lexicon_lists(tmp_path, unit, value, name):
    path = tmp_path / "table.md"
    path.write_text("| 指标 | 单位 | 绝对数 |\n| --- | --- | --- |\n"
                    f"| 新增通过能力 | {unit} | 26428 |\n", encoding="utf-8")
    assert [(f.value, f.unit, f.table.unit_source) for f in placed(path)] == [(value, name, unit)]


@pytest.mark.parametrize("word", ["2023年", "万", "亿", "—", "", "m³/年度量"])
def test_a_unit_cell_that_names_no_unit_gives_no_figure(tmp_path, word):
    path = tmp_path / "table.md"
    path.write_text(f"| 指标 | 单位 | 绝对数 |\n| --- | --- | --- |\n| 新增通过能力 | {word} | 26428 |\n",
                    encoding="utf-8")
    assert [f.text for f in placed(path)] == []


def test_a_header_row_of_years_under_a_merged_header_dates_the_columns(tmp_path):
    from tests.documents.test_tables import write_docx

    rows = [["地区", "人口", "", "比重（%）"], ["", "2019", "2020", ""], ["北京", "2154", "2189", "1.6"]]
    path = write_docx(tmp_path / "years.docx", rows, merges=[((0, 1), (0, 2)), ((0, 0), (1, 0)), ((0, 3), (1, 3))])
    found = [(f.text, f.value, f.period and f.period.label(), f.indicator, f.table.column_label)
             for f in placed(path) if f.table is not None]
    assert found == [("2154", Decimal("21540000"), "2019", "北京 人口", "人口 / 2019"),
                     ("2189", Decimal("21890000"), "2020", "北京 人口", "人口 / 2020"),
                     ("1.6", Decimal("1.6"), "2018", "北京", "比重（%）")]  # the caption's year
