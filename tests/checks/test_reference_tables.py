"""A reference table is read from a real .xlsx (written by openpyxl) or .csv file: its headers in
English or Chinese, its values in the engine's base, its periods as the figures' labels; a bad
file or row is one line naming the file (and row) and the problem."""

from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from reviewer.checks.reference import ReferenceError, read_reference
from reviewer.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


def xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# (header, row, expected (indicator, period, value, unit, region, source))
XLSX_ROWS = [
    (["指标", "时期", "数值", "单位"], ["GDP", 2023, 15.82, "亿元"], ("GDP", "2023", "1582000000", "元", None, None)),
    (
        ["indicator", "period", "value", "unit", "region", "source"],
        ["常住人口", "2023年", 1234.5, "万人", "武汉市", "统计公报"],
        ("常住人口", "2023", "12345000", "人", "武汉市", "统计公报"),
    ),
    (
        ["指标", "期间", "值", "单位"],
        ["出口", "2025-01/2025-11", 6.5, "%"],
        ("出口", "2025-01/2025-11", "6.5", "%", None, None),
    ),
    # Excel turns a typed 2025-01 into the first of the month: the month; another day is the day
    (
        ["指标", "年份", "数值", "单位"],
        ["出口", datetime(2025, 1, 1), 3, "亿美元"],
        ("出口", "2025-01", "300000000", "美元", None, None),
    ),
    (
        ["指标", "日期", "数值", "单位"],
        ["成交额", datetime(2024, 9, 4), 1.2, "万亿元"],
        ("成交额", "2024-09-04", "1200000000000", "元", None, None),
    ),
    # the value's unit in its header, or in its cell
    (
        ["指标", "时期", "数值（亿元）"],
        ["财政收入", "2022年一季度", 120],
        ("财政收入", "2022-01/2022-03", "12000000000", "元", None, None),
    ),
    (
        ["指标", "时期", "数值", "单位"],
        ["财政收入", "2008/2012", "15.82亿元", None],
        ("财政收入", "2008/2012", "1582000000", "元", None, None),
    ),
    (
        ["指标", "时期", "数值", "地区"],
        ["城镇化率", "2023", "65.2%", "湖北省"],
        ("城镇化率", "2023", "65.2", "%", "湖北省", None),
    ),
]


@pytest.mark.parametrize("header,row,expected", XLSX_ROWS, ids=[r[1][0] + str(i) for i, r in enumerate(XLSX_ROWS)])
def test_an_xlsx_row_is_read_as_the_figures_are(tmp_path, header, row, expected):
    (got,) = read_reference(xlsx(tmp_path / "ref.xlsx", [header, row]))
    indicator, period, value, unit, region, source = expected
    assert (got.indicator, got.period, got.value, got.unit, got.region, got.source) == (
        indicator,
        period,
        Decimal(value),
        unit,
        region,
        source,
    )
    assert (got.file, got.line) == (str(tmp_path / "ref.xlsx"), 2)  # the sheet's row 2, under the header


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_csv_in_the_encodings_a_spreadsheet_saves(tmp_path, encoding):
    text = '指标,时期,数值,单位,来源\n地区生产总值,2023年,"1,234.5",亿元,国家统计局\n\n常住人口,2024,12,万人,\n'
    rows = read_reference(csv(tmp_path / "ref.csv", text, encoding))
    assert [(r.indicator, r.period, r.value, r.unit, r.source, r.line) for r in rows] == [
        ("地区生产总值", "2023", Decimal("123450000000"), "元", "国家统计局", 2),
        ("常住人口", "2024", Decimal("120000"), "人", None, 4),  # the lines of the file
    ]


# (file name, how it is written, the message)
BAD_FILES = [
    ("missing.csv", None, "{path}: no such file"),
    ("table.doc", b"x", "{path}: not a reference table (a .xlsx or .csv file)"),
    ("broken.xlsx", b"not a workbook", "{path}: not an Excel workbook (.xlsx)"),
    ("empty.csv", b"", "{path}: the table is empty"),
    ("blank.csv", b"\n , \n", "{path}: the table is empty"),
    ("header.csv", "指标,时期,数值,单位\n".encode(), "{path}: the table has no rows under its header"),
    (
        "columns.csv",
        "指标,数值,单位\nGDP,1,亿元\n".encode(),
        "{path}: no “period / 时期” column (its header row: 指标 | 数值 | 单位)",
    ),
    ("bytes.csv", b"\x81\x30\xff\xfe\xfa", "{path}: not text in UTF-8 or GB18030"),
    (
        "number.csv",
        "指标,时期,数值,单位\nGDP,2023,1,亿元\nGDP,2024,abc,亿元\n".encode(),
        "{path}:3: “abc” is not a number",
    ),
    ("value.csv", "指标,时期,数值,单位\nGDP,2023,,亿元\n".encode(), "{path}:2: no value"),
    ("unit.csv", "指标,时期,数值,单位\nGDP,2023,5,斤两\n".encode(), "{path}:2: “斤两” is not a unit the engine knows"),
    ("nounit.csv", "指标,时期,数值\nGDP,2023,5414\n".encode(), "{path}:2: “5414” has no unit"),
    (
        "twounits.csv",
        "指标,时期,数值,单位\nGDP,2023,15.82亿元,万人\n".encode(),
        "{path}:2: “15.82亿元” is not in “万人”",
    ),
    ("indicator.csv", "指标,时期,数值,单位\n,2023,1,亿元\n".encode(), "{path}:2: no indicator"),
    (
        "period.csv",
        "指标,时期,数值,单位\nGDP,2023年13月,1,亿元\n".encode(),
        "{path}:2: “2023年13月” is not a period (2023, 2025-01/2025-11, 2024-09-04)",
    ),
]


@pytest.mark.parametrize("name,content,message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_or_row_is_one_line_naming_it(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ReferenceError) as raised:
        read_reference(path)
    assert str(raised.value) == message.format(path=path)
    assert "\n" not in str(raised.value)


def test_a_bad_xlsx_row_names_its_line(tmp_path):
    path = xlsx(
        tmp_path / "ref.xlsx", [["指标", "时期", "数值", "单位"], ["GDP", 2023, 1, "亿元"], ["GDP", "去年", 2, "亿元"]]
    )
    with pytest.raises(ReferenceError, match=r"ref\.xlsx:3: “去年” is not a period"):
        read_reference(path)


def test_the_messages_are_in_the_reviewers_language(tmp_path):
    set_language("zh_CN")
    with pytest.raises(ReferenceError) as raised:
        read_reference(tmp_path / "missing.csv")
    assert str(raised.value) == f"{tmp_path / 'missing.csv'}：没有这个文件"
    broken = tmp_path / "坏表.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(ReferenceError) as raised:
        read_reference(broken)
    assert str(raised.value) == f"{broken}：不是 Excel 工作簿（.xlsx）"  # no English reason inside


def test_a_title_row_above_the_header_and_a_blank_row_keep_the_lines(tmp_path):
    path = xlsx(
        tmp_path / "ref.xlsx",
        [
            ["2023年主要经济指标"],
            ["指标", "时期", "数值", "单位", "备注"],
            ["GDP", 2023, 15.82, "亿元", "初步核算"],
            [None, None, None, None],
            ["常住人口", 2023, 1234.5, "万人", None],
        ],
    )
    # the rows of the sheet
    assert [(r.indicator, r.line) for r in read_reference(path)] == [("GDP", 3), ("常住人口", 5)]
