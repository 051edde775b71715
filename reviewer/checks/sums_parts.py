"""Parts stated with their total in the running text (地区生产总值 T，第一产业增加值 A，第二产业增加值
B，第三产业增加值 C): where a whole of resources/checks/partitions.tsv is followed in its paragraph
by every one of its parts, once each, for the same period and unit, the parts add up to it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from reviewer.checks.intervals import half_step, interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding
from reviewer.checks.sums_common import (
    Partition,
    Passages,
    additive,
    gap,
    gap_finding,
    named,
    partitions,
    passages_of,
    rounding_slack,
    total_of,
    written_like,
)
from reviewer.i18n import _

RULE = "parts-total"
SENTENCES_AFTER = 3  # the parts follow their total within its sentence and the next three


def parts_total(document: CheckDocument) -> Iterator[Finding]:
    levels = [f for f in document.figures if additive(f)]
    if not levels:
        return
    passages = passages_of(document)
    for partition in partitions():
        yield from _partition_findings(document, levels, passages, partition)


def _partition_findings(
    document: CheckDocument, levels: Sequence[CheckFigure], passages: Passages, partition: Partition
) -> Iterator[Finding]:
    wholes = [i for i, f in enumerate(levels) if partition.is_whole(f.indicator)]
    for n, at in enumerate(wholes):
        whole = levels[at]
        stop = wholes[n + 1] if n + 1 < len(wholes) else len(levels)
        paragraph = passages.paragraph(whole.start)
        last_sentence = passages.sentence(whole.start) + SENTENCES_AFTER
        found: dict[int, list[CheckFigure]] = {}
        for figure in levels[at + 1 : stop]:
            if passages.paragraph(figure.start) != paragraph or passages.sentence(figure.start) > last_sentence:
                break
            part = partition.part_of(figure.indicator)
            if part is None or figure.unit != whole.unit or figure.period != whole.period:
                continue
            found.setdefault(part, []).append(figure)
        if len(found) != len(partition.parts) or any(len(group) != 1 for group in found.values()):
            continue  # not every part, or one of them twice: the relation is not certain
        parts = [found[i][0] for i in range(len(partition.parts))]
        finding = compare_parts(whole, parts)
        if finding is not None:
            yield finding


def compare_parts(whole: CheckFigure, parts: Sequence[CheckFigure]) -> Finding | None:
    """A finding where the parts' sum cannot meet the whole at their written precision."""
    total = interval(whole)
    summed = total_of(parts)
    if total is None or summed is None or not total.bounded or not summed.bounded:
        return None
    missing = gap(summed, total)
    if not missing:
        return None
    value_sum = sum((p.value for p in parts if p.value is not None), Decimal(0))
    shown_sum = written_like(value_sum, whole, _extra_places(whole, parts))
    fields = {"parts": " + ".join(named(p) for p in parts), "sum": shown_sum, "total": named(whole)}
    return gap_finding(
        RULE,
        missing <= rounding_slack([whole, *parts]),  # rounding apart: a note
        _(
            "{parts} = {sum}, a little off their total {total}: official statistics round each part "
            "and do not adjust them to add up",
            **fields,
        ),
        _("{parts} = {sum}, not their total {total}", **fields),
        (whole, *parts),
        {"sum": str(value_sum), "total": str(whole.value), "gap": str(missing)},
    )


def _extra_places(whole: CheckFigure, parts: Sequence[CheckFigure]) -> int:
    """Decimal places the parts write beyond the total's, so their sum is shown at theirs."""
    finest = min((half_step(p) for p in parts), default=half_step(whole))
    mine = half_step(whole)
    places = 0
    while finest and mine > finest * 5 and places < 4:
        mine /= 10
        places += 1
    return places
