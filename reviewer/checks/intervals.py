"""A figure as the interval its written digits allow (15.82亿 is 1,582,000,000 ± 500,000), widened
by its qualifier (约, 超过, 多: resources/checks/approx_bounds.tsv), so a check reports only what
cannot hold at the precision the text states (as XBRL's calculation checks do)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from reviewer.checks.data_files import data_lines
from reviewer.checks.model import CheckFigure

INFINITY = Decimal("Infinity")
ABOUT = Decimal("0.1")  # 约/左右: a tenth either side
_WRITTEN = re.compile(r"\d[\d,，]*(?:\.\d+)?")


@dataclass(frozen=True)
class Interval:
    low: Decimal
    high: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def scaled(self, factor: Decimal) -> Interval:
        low, high = self.low * factor, self.high * factor
        return Interval(min(low, high), max(low, high))

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    @property
    def bounded(self) -> bool:
        return self.low != -INFINITY and self.high != INFINITY

    @property
    def middle(self) -> Decimal:
        return (self.low + self.high) / 2


@cache
def bounds() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines("approx_bounds.tsv"):
        word, _, bound = line.partition("\t")
        table[word.strip()] = bound.strip()
    return table


def half_step(figure: CheckFigure) -> Decimal:
    """Half a unit of the last digit written, in the figure's value's terms: 15.82亿 -> 0.005亿."""
    value = figure.value
    if value is None:
        return Decimal(0)
    written = _WRITTEN.search(figure.text)
    if not written:  # a Chinese numeral (三成, 二十五): its last digit is its smallest place
        exponent = _last_place(value)
        return Decimal(5).scaleb(exponent - 1)
    digits = written.group().replace(",", "").replace("，", "")
    number = Decimal(digits)
    decimals = len(digits.partition(".")[2])
    step = Decimal(5).scaleb(-decimals - 1)
    if number == 0:
        return step
    return abs(step * value / number)


def _last_place(value: Decimal) -> int:
    """The exponent of the last nonzero digit: 300 -> 2, 0.35 -> -2."""
    exponent = value.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def interval(figure: CheckFigure) -> Interval | None:
    """None where the figure has no value."""
    if figure.value is None:
        return None
    value = figure.value
    if figure.value_high is not None:  # a range 3-5万: anywhere in it
        return Interval(min(value, figure.value_high), max(value, figure.value_high))
    half = half_step(figure)
    base = Interval(value - half, value + half)
    bound = bounds().get(figure.approx or "", "exact") if figure.approx else "exact"
    if bound == "about":
        return Interval(base.low - abs(value) * ABOUT, base.high + abs(value) * ABOUT)
    if bound == "at_least":
        return Interval(base.low, INFINITY)
    if bound == "at_most":
        return Interval(-INFINITY, base.high)
    if bound == "under":
        return Interval(value - abs(value) * ABOUT, base.high)
    if bound == "more":  # 2000多 -> 2000..3000, 三成多 -> 0.3..0.4: one step of the last digit
        return Interval(value, value + Decimal(1).scaleb(_last_place(value)))
    return base


def approximate(figure: CheckFigure) -> bool:
    """Whether a qualifier widened the figure (checks that need a tight value skip it)."""
    return bool(figure.approx) and bounds().get(figure.approx or "", "exact") != "exact"


def ratio(top: Interval, bottom: Interval) -> Interval | None:
    """top / bottom where both are positive and bounded (a growth's levels); None otherwise."""
    if not (top.bounded and bottom.bounded) or top.low < 0 or bottom.low <= 0:
        return None
    return Interval(top.low / bottom.high, top.high / bottom.low)


def power(base: Interval, exponent: Interval) -> Interval | None:
    """base ** exponent for base > 0 (2 ** 翻N番, (1 + g) ** years); None where it cannot be taken."""
    if not (base.bounded and exponent.bounded) or base.low <= 0:
        return None
    corners = [base.low**exponent.low, base.low**exponent.high, base.high**exponent.low, base.high**exponent.high]
    return Interval(min(corners), max(corners))


def tighten(found: Interval, slack: Decimal) -> Interval:
    """The interval widened by a relative slack either side (for figures computed from others)."""
    pad = max(abs(found.low), abs(found.high)) * slack
    return Interval(found.low - pad, found.high + pad)
