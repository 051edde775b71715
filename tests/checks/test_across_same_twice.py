"""same-twice-across: one figure stated with different values in two documents of a project (a
warning: one of them is likely a revision or a slip)."""

import pytest

from reviewer.checks import Severity
from tests.checks.engine_run import project_findings

RULE = "same-twice-across"
FIRST = "2023年，全市税收收入达到128亿元。"


@pytest.mark.parametrize(
    ("case", "second", "expected"),
    [
        ("holding", "2023年，全市税收收入达到128亿元，增长6%。", []),
        ("broken", "2023年，全市税收收入达到138亿元，增长6%。", ["138亿元"]),
        ("within rounding", "2023年，全市税收收入达到127.6亿元。", []),
        ("approximate", "2023年，全市税收收入达到约135亿元。", []),
        ("another year", "2024年，全市税收收入达到138亿元。", []),
        ("period not named", "全市税收收入达到138亿元。", []),
    ],
)
def test_across_documents(case, second, expected):
    found = project_findings([FIRST, second], RULE)
    assert [f.figures[0].text for f in found] == expected, case
    assert all(f.severity is Severity.WARNING for f in found)


def test_message_names_both_documents():
    (finding,) = project_findings([FIRST, "2023年，全市税收收入达到138亿元。"], RULE)
    assert "report0" in finding.message and "report1" in finding.message and "128亿元" in finding.message
