"""The rules between two or three figures of one document: a figure stated twice, a 其中 part
against its total, growth against its two levels, a point change against its two rates, a multiple
against its levels, and a scale slip (万 for 亿) between figures that must be alike. Each decides on
intervals (reviewer/checks/intervals.py): a violation only where the intervals cannot meet."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reviewer.checks import growth
from reviewer.checks.intervals import Interval, interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.relations import Sentence, changes, leads, pattern, same_measure, sentences, words
from reviewer.checks.sides import LEVEL_KINDS, clause_before, is_increment, side
from reviewer.checks.twice import restatements
from reviewer.i18n import _

SCALES = (Decimal(10) ** 3, Decimal(10) ** 4, Decimal(10) ** 8)


def same_twice(document: CheckDocument) -> Iterator[Finding]:
    for first, second in restatements(document):
        a, b = interval(first), interval(second)
        if a is None or b is None or a.meets(b):
            continue
        if scaled_alike(a, b):
            continue  # scale-slip names it
        yield Finding(
            "same-twice",
            Severity.ERROR,
            _("{second} is stated again with another value: {first}", second=side(second), first=side(first)),
            (second, first),
            details={"first": str(first.value), "second": str(second.value)},
        )


def scaled_alike(a: Interval, b: Interval) -> Decimal | None:
    """The power of ten (10^3, 10^4, 10^8) by which a and b differ, where one does."""
    for scale in SCALES:
        if a.scaled(scale).meets(b) or b.scaled(scale).meets(a):
            return scale
    return None


def part_exceeds_total(document: CheckDocument) -> Iterator[Finding]:
    for sentence in sentences(document):
        for total, part in parts_of(document, sentence):
            whole, piece = interval(total), interval(part)
            if whole is None or piece is None or piece.low <= whole.high:
                continue
            yield Finding(
                "part-exceeds-total",
                Severity.ERROR,
                _("其中 part {part} is larger than its total {total}", part=side(part), total=side(total)),
                (part, total),
            )


def parts_of(document: CheckDocument, sentence: Sentence) -> Iterator[tuple[CheckFigure, CheckFigure]]:
    """(total, part): the nearest level of its measure before 其中 and the parts of the list right
    after it (the first level after 其中 and those joined to it by 、)."""
    text = document.text
    for word in words()["part"]:
        position = text.find(word, sentence.start, sentence.end)
        if position < 0:
            continue
        before = [f for f in sentence.figures if f.end <= position]
        after = [f for f in sentence.figures if f.start >= position]
        if not before or not after:
            continue
        totals = [f for f in before if same_measure(f, after[0])]
        if not totals or not _additive(document, sentence, totals[-1]):
            continue
        total = totals[-1]
        for index, part in enumerate(after):
            if index and not text[after[index - 1].end : part.start].strip().startswith(words()["joint"]):
                break  # the list goes on only after 、 or 和
            if not same_measure(part, total) or not _additive(document, sentence, part):
                break
            if not _named_alone(document, sentence, part):
                break
            yield total, part


def _additive(document: CheckDocument, sentence: Sentence, figure: CheckFigure) -> bool:
    """A level that parts add up to: not a rate (每百人, 人均), not a threshold (10亿元以上项目),
    not an increment, not a range."""
    if figure.kind not in LEVEL_KINDS or figure.approx or figure.value_high is not None:
        return False
    if is_increment(document, sentence, figure):
        return False
    clause = clause_before(document, sentence, figure)
    return not any(word in clause for word in words()["rate"])


def _named_alone(document: CheckDocument, sentence: Sentence, part: CheckFigure) -> bool:
    """A part is named before it (出口600亿元) and is its clause's only figure (not 74个县排名第二),
    and its clause does not name a new whole (人才总量达到193万人)."""
    clause = clause_before(document, sentence, part)
    if not clause.strip() or any(word in clause for word in words()["whole"]):
        return False
    text = document.text
    end, depth = part.end, 0
    while end < sentence.end and (depth or text[end] not in "，,；;。、"):
        depth += {"（": 1, "(": 1, "）": -1, ")": -1}.get(text[end], 0)
        depth = max(depth, 0)
        end += 1
    others = [f for f in document.figures if f is not part and part.start <= f.start < end]
    return not others and not any(word in text[part.end : end] for word in words()["rank"])


def growth_levels(document: CheckDocument) -> Iterator[Finding]:
    for sentence in sentences(document):
        for change in changes(document, sentence):
            if change.first.kind in LEVEL_KINDS:
                yield from growth.from_levels(document, change)
        yield from growth.from_increment(document, sentence)


def points_rates(document: CheckDocument) -> Iterator[Finding]:
    for sentence in sentences(document):
        for change in changes(document, sentence):
            if change.first.kind.value != "percent" or not change.after:
                continue
            points = change.after[0]
            if points.kind.value != "pp":
                continue
            verb = leads(document, sentence, change.second, points, "points")
            if verb is None:
                continue
            a, b, n = interval(change.first), interval(change.second), interval(points)
            if a is None or b is None or n is None:
                continue
            stated = n.scaled(Decimal(-1)) if pattern("fall").fullmatch(verb.group(1)) else n
            if (b - a).meets(stated):
                continue
            difference = (change.second.value or Decimal(0)) - (change.first.value or Decimal(0))
            yield Finding(
                "points-rates",
                Severity.ERROR,
                _(
                    "{points} does not match the rates {first} and {second} (a difference of {difference} points)",
                    points=side(points),
                    first=change.first.text,
                    second=change.second.text,
                    difference=_plain(difference),
                ),
                (points, change.first, change.second),
                details={"difference": _plain(difference)},
            )


def multiples(document: CheckDocument) -> Iterator[Finding]:
    for sentence in sentences(document):
        for change in changes(document, sentence):
            if change.first.kind in LEVEL_KINDS and change.after:
                yield from growth.multiple_of_levels(document, change)
        yield from growth.times_and_growth(document, sentence)


def scale_slip(document: CheckDocument) -> Iterator[Finding]:
    for first, second in restatements(document):
        a, b = interval(first), interval(second)
        if a is None or b is None or a.meets(b):
            continue
        scale = scaled_alike(a, b)
        if scale is None:
            continue
        yield Finding(
            "scale-slip",
            Severity.WARNING,
            _(
                "{second} differs from {first} by a factor of {scale} (万/亿 slip?)",
                second=side(second),
                first=side(first),
                scale=_plain(scale),
            ),
            (second, first),
            details={"scale": _plain(scale)},
        )
    for sentence in sentences(document):
        for change in changes(document, sentence):
            if change.first.kind in LEVEL_KINDS:
                yield from growth.scale_slips(document, change)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


DOCUMENT_RULES = {
    "same-twice": same_twice,
    "part-exceeds-total": part_exceeds_total,
    "growth-levels": growth_levels,
    "points-rates": points_rates,
    "multiples": multiples,
    "scale-slip": scale_slip,
}
