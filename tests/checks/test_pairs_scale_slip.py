"""scale-slip: a figure off from its relatives by 10^3, 10^4 or 10^8 (万 written for 亿)."""

import pytest

from tests.checks.engine_run import findings, suspects

RULE = "scale-slip"
TWICE = "2023年，全市税收收入达到128亿元。\n"


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("holding", "财政支出从113.8亿元增加到314.7亿元，年均增长22.6%。", []),
        ("万 for 亿 in a growth's level", "财政支出从113.8亿元增加到314.7万元，年均增长22.6%。", ["314.7万元"]),
        ("万 for 亿 in a plain growth", "税收收入由100亿元增加到110万元，增长10%。", ["110万元"]),
        ("stated twice, 万 for 亿", TWICE + TWICE.replace("亿", "万"), ["128万元"]),
        ("a rise to a ten-thousandth", "税收收入由100亿元增加到120万元。", ["120万元"]),
        ("a fall to ten thousand times", "财政赤字由120万元减少到100亿元。", ["100亿元"]),
        ("a rise across scale words", "税收收入由8000万元增加到1.2亿元。", []),
        ("a wrong growth is not a slip", "税收收入由100亿元增加到110亿元，增长30%。", []),
        ("approximate level", "税收收入由约100亿元增加到110亿元，增长10%。", []),
    ],
)
def test_scale_slips(case, text, expected):
    assert suspects(text, RULE) == expected, case


def test_a_slip_is_not_also_a_growth_error():
    text = "税收收入由100亿元增加到110万元，增长10%。"
    assert findings(text, "growth-levels") == [] and len(findings(text, RULE)) == 1
