"""A figure against a reference table's row: it matches where indicator (scope and synonyms aside),
period and unit agree, and agrees where its written precision holds the row's value; a figure that
differs is a finding naming both values, the row's source and file:line."""

from datetime import date
from decimal import Decimal

import pytest

from reviewer.checks import CheckDocument, CheckFigure, Severity
from reviewer.checks.reference import ReferenceRow, compare, reference_findings
from reviewer.extract import extract
from reviewer.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language(None)


def document(text, name="武汉市2023年统计公报", when=date(2024, 3, 1)):
    figures = tuple(
        CheckFigure.of_figure(f, i, name) for i, f in enumerate(extract(text, doc_date=when)) if f.value is not None
    )
    return CheckDocument(name, text, figures)


def row(indicator, period, value, unit, region=None, source=None, line=1):
    return ReferenceRow(indicator, period, Decimal(value), unit, region, source, "/data/ref.xlsx", line)


TEXT = "2023年全市地区生产总值15.82亿元，比上年增长5.2%。年末常住人口1234.5万人。城镇化率达到65.2%。"

# (rows, [(figure text, verdict)])
CASES = [
    # scope (全市) and synonyms (GDP, 地区生产总值) aside; within the written precision (± 0.005亿)
    ([row("GDP", "2023", "1582400000", "元")], [("15.82亿元", "agrees")]),
    ([row("国内生产总值", "2023", "1583000000", "元")], [("15.82亿元", "differs")]),
    # the change is compared by its verb (增速 = 增长), the year before's comparison (比上年) aside
    ([row("地区生产总值增速", "2023", "5.3", "%")], [("5.2%", "differs")]),
    ([row("GDP增长", "2023", "5.2", "%")], [("5.2%", "agrees")]),
    # a level row is no growth's: 65.2% is 城镇化率's, 5.2% 地区生产总值增长's
    ([row("地区生产总值", "2023", "5.3", "%")], []),
    ([row("城镇化率", "2023", "65", "%")], [("65.2%", "differs")]),
    # another period, another unit: no match
    ([row("GDP", "2022", "1583000000", "元")], []),
    ([row("常住人口", "2023", "1234.5", "万元")], []),
    ([row("常住人口", "2023", "12345000", "人")], [("1234.5万人", "agrees")]),
    # a region the document names, or one it does not
    ([row("常住人口", "2023", "12000000", "人", region="武汉市")], [("1234.5万人", "differs")]),
    ([row("常住人口", "2023", "12000000", "人", region="湖北省")], []),
    # two rows disagreeing with each other and with the figure settle nothing; one agreeing does
    ([row("GDP", "2023", "1583000000", "元"), row("GDP", "2023", "1590000000", "元")], []),
    ([row("GDP", "2023", "1583000000", "元"), row("GDP", "2023", "1582000000", "元")], [("15.82亿元", "agrees")]),
]


@pytest.mark.parametrize("rows,expected", CASES, ids=[f"{c[0][0].indicator}-{i}" for i, c in enumerate(CASES)])
def test_a_figure_matches_its_row(rows, expected):
    got = [(m.figure.text, m.verdict) for m in compare(document(TEXT), rows)]
    assert got == expected


def test_a_figure_that_differs_is_a_finding_naming_both_values_and_the_row():
    rows = [
        row("GDP", "2023", "1583000000", "元", source="湖北省统计局", line=3),
        row("城镇化率", "2023", "65.2", "%", line=4),
        row("地区生产总值增速", "2023", "5.3", "%", line=5),
    ]
    findings = reference_findings(document(TEXT), rows)
    assert [(f.rule, f.severity, f.message, [x.text for x in f.figures]) for f in findings] == [
        (
            "reference",
            Severity.ERROR,
            "地区生产总值 2023: the text says 15.82亿元, the reference table 15.83亿元 (湖北省统计局, ref.xlsx:3)",
            ["15.82亿元"],
        ),
        (
            "reference",
            Severity.ERROR,
            "地区生产总值比上年增长 2023: the text says 5.2%, the reference table 5.3% (ref.xlsx:5)",
            ["5.2%"],
        ),
    ]
    assert findings[0].details["reference_value"] == "1583000000"
    assert findings[0].key.startswith("reference|")


def test_the_runner_reports_a_reference_finding():
    from reviewer.checks import check_document

    findings = check_document(document(TEXT), [row("GDP", "2023", "1583000000", "元")])
    assert [f.rule for f in findings if f.rule == "reference"] == ["reference"]


def test_no_rows_no_findings():
    assert reference_findings(document(TEXT), []) == []
