"""Cumulative periods: where one indicator is stated for two adjoining stretches of months and for
both together (1-10月 + 11月 = 1-11月, 一季度 + 二季度 = 上半年), near one another in the text and in
one unit, the two add up to the whole."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from reviewer.checks.intervals import interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding
from reviewer.checks.sums_common import additive, gap, gap_finding, named, rounding_slack, total_of, written_like
from reviewer.i18n import _

RULE = "cumulative-periods"
NEAR = 800  # characters: the three statements stand in one passage
_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?$")

Months = tuple[int, int]  # first and last month, counted from year 0


def months(label: str | None) -> Months | None:
    """'2025' -> Jan..Dec 2025, '2025-11' -> Nov 2025, '2025-01/2025-11'; None for days."""
    if not label:
        return None
    first, _, last = label.partition("/")
    start, end = _month(first, True), _month(last or first, False)
    if start is None or end is None or end < start:
        return None
    return start, end


def _month(piece: str, opening: bool) -> int | None:
    found = _MONTH.fullmatch(piece)
    if found is None:
        return None
    year = int(found.group(1))
    if found.group(2) is None:
        return year * 12 + (0 if opening else 11)
    return year * 12 + int(found.group(2)) - 1


def cumulative_periods(document: CheckDocument) -> Iterator[Finding]:
    groups: dict[tuple[str, str | None], list[tuple[Months, CheckFigure]]] = {}
    for figure in document.figures:
        span = months(figure.period)
        if span is not None and figure.indicator and additive(figure):
            groups.setdefault((figure.indicator, figure.unit), []).append((span, figure))
    for stated in groups.values():
        if len({pair[0] for pair in stated}) >= 3:
            yield from _triples(stated)


def _triples(stated: Sequence[tuple[Months, CheckFigure]]) -> Iterator[Finding]:
    for span_a, first in stated:
        for span_b, second in stated:
            if span_b[0] != span_a[1] + 1:
                continue
            for span_c, whole in stated:
                if span_c != (span_a[0], span_b[1]):
                    continue
                near = [first, second, whole]
                if max(f.start for f in near) - min(f.start for f in near) > NEAR:
                    continue
                if not all(_alone(stated, span, f) for span, f in ((span_a, first), (span_b, second), (span_c, whole))):
                    continue
                finding = _compare(first, second, whole)
                if finding is not None:
                    yield finding


def _alone(stated: Sequence[tuple[Months, CheckFigure]], span: Months, figure: CheckFigure) -> bool:
    """No other value stated for the same stretch near it (which one is meant is not certain)."""
    return all(
        other.value == figure.value or abs(other.start - figure.start) > NEAR for s, other in stated if s == span
    )


def _compare(first: CheckFigure, second: CheckFigure, whole: CheckFigure) -> Finding | None:
    summed, total = total_of([first, second]), interval(whole)
    if summed is None or total is None or not summed.bounded or not total.bounded or whole.value is None:
        return None
    missing = gap(summed, total)
    if not missing:
        return None
    value_sum = (first.value or Decimal(0)) + (second.value or Decimal(0))
    fields = {
        "first": f"{named(first)} ({first.period})",
        "second": f"{named(second)} ({second.period})",
        "sum": written_like(value_sum, whole),
        "whole": f"{named(whole)} ({whole.period})",
    }
    return gap_finding(
        RULE,
        missing <= rounding_slack([first, second, whole]),
        _(
            "{first} + {second} = {sum}, a little off {whole}: official statistics do not adjust "
            "rounded periods to add up",
            **fields,
        ),
        _("{first} + {second} = {sum}, not {whole}", **fields),
        (whole, first, second),
        {"sum": str(value_sum), "total": str(whole.value), "gap": str(missing)},
    )
