"""The rules across the documents of a project: one figure stated with different values in two
documents (same-twice-across), and last year's base implied by this year's report (比上年增长Z%,
比上年增加D) against the figure last year's report states (base-vs-last-year, a note: statistics
are revised and growth is computed on a comparable basis, so a difference is worth a look, no more)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from reviewer.checks.intervals import Interval, interval, ratio
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.relations import leads, pattern, same_measure, sentences
from reviewer.checks.sides import LEVEL_KINDS, in_list, is_increment, side, stated_as_plan, statement
from reviewer.checks.twice import Key, stated_figures, value_groups
from reviewer.i18n import _
from reviewer.model import Kind

ONE = Decimal(1)
HUNDRED = ONE * 100
OTHER_YEAR = Decimal("0.05")  # revisions of a year's figure stay within a few percent


def _one_value(document: CheckDocument, dated: bool) -> dict[Key, CheckFigure]:
    """Each key the document states with one value (at its precision): its first figure. The
    words that state it are part of the key: 全市 and 全省 are two figures, not one."""
    found = {}
    for key, figures in stated_figures(document, dated=dated).items():
        groups = value_groups(figures)
        if len(groups) == 1:
            found[key] = groups[0][0]
    return found


def same_twice_across(documents: Sequence[CheckDocument]) -> Iterator[Finding]:
    seen: dict[Key, CheckFigure] = {}
    for document in documents:
        for key, figure in _one_value(document, dated=True).items():
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = figure
                continue
            if earlier.document == figure.document:
                continue
            a, b = interval(earlier), interval(figure)
            if a is None or b is None or a.meets(b):
                continue
            yield Finding(
                "same-twice-across",
                Severity.WARNING,
                _(
                    "{second} in {document} differs from {first} in {other}",
                    second=side(figure),
                    document=figure.document,
                    first=side(earlier),
                    other=earlier.document,
                ),
                (figure, earlier),
            )


def last_year(period: str) -> str:
    """The same stretch a year earlier: 2023 -> 2022, 2023-01/2023-11 -> 2022-01/2022-11."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)


def implied_bases(document: CheckDocument) -> Iterator[tuple[CheckFigure, CheckFigure, Interval, str]]:
    """(level, its growth or increment, last year's level they imply, the words stating the level)
    for 350万吨，比上年增加20万吨 and 1234亿元，比上年增长5.2%."""
    for sentence in sentences(document):
        if stated_as_plan(document, sentence):
            continue
        figures = sentence.figures
        for level, following in zip(figures, figures[1:], strict=False):
            if level.kind not in LEVEL_KINDS or not level.indicator or not level.period or level.approx:
                continue
            if is_increment(document, sentence, level) or in_list(document, sentence, level):
                continue
            verb = leads(document, sentence, level, following, "increment")
            if verb is None or following.approx:
                continue
            falls = bool(pattern("fall").fullmatch(verb.group(1)))
            now, step = interval(level), interval(following)
            if now is None or step is None or not step.bounded:
                continue
            words = statement(document, sentence, level)
            if same_measure(level, following):
                yield level, following, (now + step if falls else now - step), words
            elif following.kind is Kind.PERCENT:
                rate = step.scaled(ONE / HUNDRED)
                grown = (
                    Interval(ONE - rate.high, ONE - rate.low) if falls else Interval(ONE + rate.low, ONE + rate.high)
                )
                base = ratio(now, grown)
                if base is not None:
                    yield level, following, base, words


def base_vs_last_year(documents: Sequence[CheckDocument]) -> Iterator[Finding]:
    stated = [(document, _one_value(document, dated=False)) for document in documents]
    for document in documents:
        for level, growth, base, words in implied_bases(document):
            wanted = (
                level.indicator or "",
                last_year(level.period or ""),
                level.kind.value,
                level.unit or "",
                "",
                "done",
            )
            for other, figures in stated:
                earlier = None if other is document else _stated_like(figures, wanted, words)
                if earlier is None:
                    continue
                found, now = interval(earlier), interval(level)
                if found is None or now is None or found.meets(base) or _other_year(found, base, now):
                    continue
                yield Finding(
                    "base-vs-last-year",
                    Severity.NOTE,
                    _(
                        "{level} with {growth} implies last year's {base}, but {other} states {earlier} "
                        "(revisions and comparable-basis growth may explain it)",
                        level=side(level),
                        growth=growth.text,
                        base=_amount(base, level),
                        other=other.name,
                        earlier=side(earlier),
                    ),
                    (level, earlier, growth),
                )


def _other_year(found: Interval, base: Interval, now: Interval) -> bool:
    """Whether last year's figure is farther from the implied base than a whole year's change and
    by more than a revision moves a figure (OTHER_YEAR): then it is more likely another year's
    figure (a report's period read wrong) than a revision."""
    distance = abs(found.middle - base.middle)
    return distance > abs(now.middle - base.middle) and distance > abs(base.middle) * OTHER_YEAR


def _stated_like(figures: dict[Key, CheckFigure], wanted: Key, words: str) -> CheckFigure | None:
    """Last year's figure of the indicator: stated with the same words where the report has them,
    else the one figure of the indicator and period that report states."""
    if (*wanted, words) in figures:
        return figures[(*wanted, words)]
    alike = [figure for key, figure in figures.items() if key[: len(wanted)] == wanted]
    return alike[0] if len(alike) == 1 else None


def _amount(found: Interval, like: CheckFigure) -> str:
    """An implied level in the terms of the figure it comes from (about 1173亿元)."""
    value, written = like.value, re.search(r"\d[\d,]*(?:\.\d+)?", like.text)
    if value is None or not written or value == 0:
        return f"{found.middle:.0f}"
    number = Decimal(written.group().replace(",", ""))
    factor = number / value
    tail = like.text[written.end() :]
    return f"{found.middle * factor:.2f}".rstrip("0").rstrip(".") + tail


PROJECT_RULES = {
    "same-twice-across": same_twice_across,
    "base-vs-last-year": base_vs_last_year,
}
