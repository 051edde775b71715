"""multiples: 翻N番 = ×2^N; 增长N倍 = 是N+1倍 (the convention of the check); 是N倍 = ×N."""

import pytest

from tests.checks.engine_run import findings, suspects

RULE = "multiples"


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("翻番 holding", "税收收入由100亿元增加到400亿元，翻了两番。", []),
        ("翻番 broken", "税收收入由100亿元增加到200亿元，翻了两番。", ["两番"]),
        ("翻番 within its precision", "税收收入由100亿元增加到210亿元，翻了一番。", []),
        ("增长N倍 holding", "进出口总额由20亿美元增加到60亿美元，增长2倍。", []),
        ("增长N倍 read as 是N倍", "进出口总额由20亿美元增加到60亿美元，增长3倍。", ["3倍"]),
        ("是N倍 holding", "地区生产总值由500亿元增加到1150亿元，是2010年的2.3倍。", []),
        ("是N倍 broken", "地区生产总值由500亿元增加到1150亿元，是2010年的3.3倍。", ["3.3倍"]),
        ("是 and 增长 together, holding", "全市生产总值是2010年的2.3倍，增长1.3倍。", []),
        ("是 and 增长 together, broken", "全市生产总值是2010年的2.3倍，增长2.3倍。", ["2.3倍"]),
        ("approximate level", "税收收入由约100亿元增加到230亿元，翻了一番。", []),
    ],
)
def test_multiples_against_levels(case, text, expected):
    assert suspects(text, RULE) == expected, case


def test_message_states_the_convention():
    (finding,) = findings("进出口总额由20亿美元增加到60亿美元，增长3倍。", RULE)
    assert "N+1" in finding.message and "20亿美元" in finding.message and "60亿美元" in finding.message
