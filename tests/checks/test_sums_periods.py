"""cumulative-periods: one indicator stated for two adjoining stretches and for both together
(1-10月 + 11月 = 1-11月, 一季度 + 二季度 = 上半年) adds up, at the written precision."""

import pytest

from tests.checks.sums_documents import findings, severities

MONTHS = (
    "2025年1-10月，全市社会消费品零售总额{a}亿元，同比增长4.1%。11月份，全市社会消费品零售总额{b}亿元，"
    "同比增长3.2%。1-11月，全市社会消费品零售总额{c}亿元，同比增长4.0%。"
)
QUARTERS = "2025年一季度全市完成固定资产投资{a}亿元，二季度完成固定资产投资{b}亿元，上半年全市完成固定资产投资{c}亿元。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MONTHS.format(a="1200.5", b="130.2", c="1330.7"), []),  # holding
        (MONTHS.format(a="1200.5", b="130.2", c="1303.7"), ["error"]),  # a digit swapped
        (MONTHS.format(a="1200.5", b="130.2万", c="1330.7"), ["error"]),  # a scale word changed (亿 -> 万亿)
        (MONTHS.format(a="1200", b="130.2", c="1330.7"), []),  # within rounding: 1200 is ± 0.5
        (MONTHS.format(a="1200.5", b="130.2", c="1330.9"), ["note"]),  # off by rounding apart only
        (MONTHS.format(a="约1200", b="130.2", c="1340"), []),  # approximate: 约 widens by a tenth
        (QUARTERS.format(a="300", b="320", c="620"), []),
        (QUARTERS.format(a="300", b="320", c="650"), ["error"]),
        (QUARTERS.format(a="超过300", b="320", c="650"), []),  # at least: open above
    ],
)
def test_two_stretches_and_their_sum(text, expected):
    assert severities(text, "cumulative-periods") == expected


@pytest.mark.parametrize(
    "text",
    [
        # two stretches only
        "2025年1-10月，全市社会消费品零售总额1200.5亿元。1-11月，全市社会消费品零售总额1303.7亿元。",
        # another indicator for the month
        "2025年1-10月，全市社会消费品零售总额1200.5亿元。11月份，全市网上零售额130.2亿元。"
        "1-11月，全市社会消费品零售总额1303.7亿元。",
        # growth rates do not add up
        "2025年一季度全市固定资产投资增长3.0%，二季度增长3.2%，上半年增长3.1%。",
    ],
)
def test_silent_without_the_three_statements(text):
    assert findings(text, "cumulative-periods") == []


def test_the_message_names_the_periods_and_values():
    (finding,) = findings(MONTHS.format(a="1200.5", b="130.2", c="1303.7"), "cumulative-periods")
    assert "1200.5亿元 (2025-01/2025-10)" in finding.message and "130.2亿元 (2025-11)" in finding.message
    assert "1330.7亿元" in finding.message and "1303.7亿元 (2025-01/2025-11)" in finding.message
