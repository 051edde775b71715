"""base-vs-last-year: last year's level implied by this year's report (比上年增加D, 比上年增长Z%)
against the same indicator in last year's report, a note (revisions are normal)."""

import pytest

from reviewer.checks import Severity
from tests.checks.engine_run import project_findings

RULE = "base-vs-last-year"
LAST_YEAR = "2022年，全市粮食产量达到330万吨。"


@pytest.mark.parametrize(
    ("case", "this_year", "expected"),
    [
        ("increment, holding", "2023年，全市粮食产量达到350万吨，比上年增加20万吨。", []),
        ("increment, broken", "2023年，全市粮食产量达到350万吨，比上年增加10万吨。", ["350万吨"]),
        ("growth, holding", "2023年，全市粮食产量达到350万吨，比上年增长6.1%。", []),
        ("growth, broken", "2023年，全市粮食产量达到350万吨，比上年增长1.5%。", ["350万吨"]),
        ("within rounding", "2023年，全市粮食产量达到350万吨，比上年增长6%。", []),
        ("approximate", "2023年，全市粮食产量达到约350万吨，比上年增长1.5%。", []),
        ("a plan", "2024年，力争全市粮食产量达到350万吨，比上年增加10万吨。", []),
    ],
)
def test_base_against_last_year(case, this_year, expected):
    found = project_findings([LAST_YEAR, this_year], RULE)
    assert [f.figures[0].text for f in found] == expected, case
    assert all(f.severity is Severity.NOTE for f in found)


def test_message_names_both_reports():
    (finding,) = project_findings([LAST_YEAR, "2023年，全市粮食产量达到350万吨，比上年增加10万吨。"], RULE)
    assert "330万吨" in finding.message and "350万吨" in finding.message and "report0" in finding.message


def test_a_figure_of_another_year_is_not_a_revision():
    # 300万吨 is farther from the implied 340万吨 than the year's 10万吨 change: another year's figure
    found = project_findings(
        ["2022年，全市粮食产量达到300万吨。", "2023年，全市粮食产量达到350万吨，比上年增加10万吨。"], RULE
    )
    assert found == []
