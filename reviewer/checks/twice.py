"""The figures a document states twice: the same indicator, period, kind, unit and change (a level
is not compared with an increment, nor 增长 with 下降), neither a part of a 其中 or 分别 list. A
key whose values fall into more than two groups is taken as too loose a name (one word for several
things) and left alone: a restatement is one figure written twice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reviewer.checks.intervals import Interval, interval
from reviewer.checks.model import CheckDocument, CheckFigure
from reviewer.checks.relations import Sentence, sentences
from reviewer.checks.sides import in_list, stated_as_plan, statement
from reviewer.model import Kind

Key = tuple[str, ...]
MIN_INDICATOR = 3  # a shorter name (项目, 企业) is too loose to say two figures are one


def stated_figures(document: CheckDocument, dated: bool = True, worded: bool = True) -> dict[Key, list[CheckFigure]]:
    """The document's figures by key (indicator, period, kind, unit, change, planned or done, and
    with `worded` the words that state it). `dated`: only figures whose sentence names their period;
    within one document two statements are one figure only where their words are the same."""
    groups: dict[Key, list[tuple[int, CheckFigure]]] = {}
    for sentence in sentences(document):
        plan = "plan" if stated_as_plan(document, sentence) else "done"
        for figure in sentence.figures:
            if not figure.indicator or not figure.period or figure.value_high is not None or figure.kind is Kind.RANK:
                continue
            if len(figure.indicator) < MIN_INDICATOR or figure.approx or in_list(document, sentence, figure):
                continue
            if dated and not _dated(sentence, figure):
                continue
            words = statement(document, sentence, figure)
            if figure.indicator not in words:
                continue  # the indicator is not in the figure's own clause: a name carried over
            key: Key = (
                figure.indicator,
                figure.period,
                figure.kind.value,
                figure.unit or "",
                figure.change or "",
                plan,
            )
            if worded:
                key = (*key, words)
            groups.setdefault(key, []).append((sentence.start, figure))
    return {key: _one_a_sentence(found) for key, found in groups.items()}


def _dated(sentence: Sentence, figure: CheckFigure) -> bool:
    """Whether the sentence states the figure's period in so many words (a date before it with its
    label): a period the engine carried over from elsewhere is not enough to say two are one."""
    dates = [d for d in sentence.dates if d.end <= figure.start]
    return bool(dates) and dates[-1].period == figure.period


def _one_a_sentence(found: list[tuple[int, CheckFigure]]) -> list[CheckFigure]:
    """Figures of the same key in one sentence are two things, not one stated twice."""
    starts = [start for start, _ in found]
    return [figure for start, figure in found if starts.count(start) == 1]


def value_groups(figures: Sequence[CheckFigure]) -> list[list[CheckFigure]]:
    """The figures grouped by intervals that meet (each group one value at its precision)."""
    groups: list[tuple[Interval, list[CheckFigure]]] = []
    for figure in figures:
        found = interval(figure)
        if found is None:
            continue
        for bounds, members in groups:
            if bounds.meets(found):
                members.append(figure)
                break
        else:
            groups.append((found, [figure]))
    return [members for _, members in groups]


def restatements(document: CheckDocument) -> Iterator[tuple[CheckFigure, CheckFigure]]:
    """(first, second) for each key stated with exactly two values, in text order."""
    for figures in stated_figures(document).values():
        if len(figures) < 2:
            continue
        groups = value_groups(figures)
        if len(groups) != 2:
            continue
        first, second = sorted((groups[0][0], groups[1][0]), key=lambda f: f.start)
        yield first, second
