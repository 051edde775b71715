"""growth-levels: a growth against the two levels it relates (由A增加到B，增长Z%; A，比上年增加D，增长Z%)."""

import pytest

from reviewer.checks import Severity
from tests.checks.engine_run import findings

RULE = "growth-levels"
DATED = "财政收入由2020年的100亿元增加到2023年的133.1亿元，年均增长10%。"
WARNING = Severity.WARNING


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("holding", "城镇居民人均可支配收入由2.5万元提高到3.2万元，增长28%。", []),
        ("broken", "城镇居民人均可支配收入由2.5万元提高到3.2万元，增长20%。", [("20%", Severity.ERROR)]),
        ("within rounding", "一般公共预算收入由140亿元增加到150亿元，增长7.1%。", []),
        ("cut, not rounded", "一般公共预算收入由140亿元增加到150亿元，增长7.2%。", []),
        ("approximate level", "一般公共预算收入由约140亿元增加到150亿元，增长10%。", []),
        ("a fall", "规模以上工业企业数由1200家减少到1080家，下降10%。", []),
        ("a fall, broken", "规模以上工业企业数由1200家减少到1080家，下降15%。", [("15%", Severity.ERROR)]),
        ("increment, holding", "粮食产量达到350万吨，比上年增加20万吨，增长6.1%。", []),
        ("increment, broken", "粮食产量达到350万吨，比上年增加20万吨，增长8.1%。", [("8.1%", Severity.ERROR)]),
        ("yearly, dates stated", DATED, []),
        ("yearly, dates stated, broken", DATED.replace("10%", "12%"), [("12%", Severity.ERROR)]),
        ("yearly, years in words", "五年来，财政收入由100亿元增加到161亿元，年均增长15%。", [("15%", WARNING)]),
        ("yearly, years unknown, some count fits", "财政收入由100亿元增加到161亿元，年均增长10%。", []),
        ("comparable basis", "全市地区生产总值由1000亿元增加到1100亿元，增长7.6%。", [("7.6%", Severity.NOTE)]),
        ("no relation stated", "地区生产总值1100亿元，财政收入100亿元，增长7.6%。", []),
    ],
)
def test_growth_against_levels(case, text, expected):
    found = [(f.figures[0].text, f.severity) for f in findings(text, RULE)]
    assert found == expected, case


def test_comparable_basis_is_said():
    (finding,) = findings("全市地区生产总值由1000亿元增加到1100亿元，增长7.6%。", RULE)
    assert "comparable basis" in finding.message or "可比" in finding.message
    assert "1000亿元" in finding.message and "1100亿元" in finding.message
