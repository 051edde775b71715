"""A figure's interval is what its written digits allow, widened by its qualifier."""
from decimal import Decimal

import pytest

from reviewer.checks import CheckFigure
from reviewer.checks.intervals import INFINITY, interval
from reviewer.extract import extract


def figure(text: str) -> CheckFigure:
    (found,) = [f for f in extract(text) if f.value is not None]
    return CheckFigure.of_figure(found, 0, "doc")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("收入15.82亿元", "1581500000", "1582500000"),  # the example: ± 500,000
        ("增长6.5%", "6.45", "6.55"),
        ("共1425918件", "1425917.5", "1425918.5"),
        ("2000多个企业", "2000", "3000"),
        ("占三成多", "0.3", "0.4"),
        ("超过5%的企业", "4.5", INFINITY),
        ("不超过5%", -INFINITY, "5.5"),
        ("3-5万人", "30000", "50000"),
    ],
)
def test_written_precision(text, low, high):
    found = interval(figure(text))
    assert found is not None
    assert (found.low, found.high) == (Decimal(low), Decimal(high))


def test_about_widens_both_sides():
    found = interval(figure("约3万人"))
    assert found is not None and found.low < 29500 and found.high > 30500
