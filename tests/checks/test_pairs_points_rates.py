"""points-rates: a percentage-point change against the two rates (由A%提高到B%，提高N个百分点)."""

import pytest

from tests.checks.engine_run import findings, suspects

RULE = "points-rates"


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("holding", "研发投入强度由2.1%提高到2.5%，提高0.4个百分点。", []),
        ("broken", "研发投入强度由2.1%提高到2.5%，提高0.6个百分点。", ["0.6个百分点"]),
        ("within rounding", "城镇化率从55.2%提高到58.1%，提高3个百分点。", []),
        ("a fall", "贫困发生率从12.4%下降到3.1%，下降9.3个百分点。", []),
        ("a fall, broken", "贫困发生率从12.4%下降到3.1%，下降8.3个百分点。", ["8.3个百分点"]),
        ("from a negative rate", "工业增速从一月份－6.9%到全年的8%，回升14.9个百分点。", []),
        ("approximate rate", "城镇化率从约55%提高到58.1%，提高3.5个百分点。", []),
        ("another comparison, not the change", "贫困发生率从33.4%下降到8%，低于全省5.2个百分点。", []),
    ],
)
def test_points_against_rates(case, text, expected):
    assert suspects(text, RULE) == expected, case


def test_message_names_both_rates():
    (finding,) = findings("研发投入强度由2.1%提高到2.5%，提高0.6个百分点。", RULE)
    assert "2.1%" in finding.message and "2.5%" in finding.message and "0.6个百分点" in finding.message
