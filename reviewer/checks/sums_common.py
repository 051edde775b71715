"""What the sum checks share: the word lists of resources/checks/, which figures are levels that add
up, the passage a figure stands in, how a computed sum is written beside the figures, and the finding
of a sum or a quotient that misses what is stated."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from reviewer.checks.data_files import data_lines
from reviewer.checks.intervals import Interval, half_step, interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.model import Kind

_WRITTEN = re.compile(r"\d[\d,，]*(?:\.\d+)?")
SENTENCE_ENDS = "。！？!?"
_LINE = re.compile("\n")
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}\n]")
_KEPT: list[tuple[str, Passages]] = []  # the last document's passages, shared by the rules


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The lines of resources/checks/NAME (comments and blank lines left out)."""
    return tuple(line.strip() for line in data_lines(name))


@dataclass(frozen=True)
class Partition:
    """A whole and the complete set of its parts (resources/checks/partitions.tsv)."""

    whole: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]

    def is_whole(self, indicator: str | None) -> bool:
        """Whether the indicator names the whole and none of its parts (进出口总额, not 出口)."""
        if not indicator or not any(w in indicator for w in self.whole):
            return False
        rest = indicator
        for word in self.whole:
            rest = rest.replace(word, "\0")
        return not any(w in rest for words in self.parts for w in words)

    def part_of(self, indicator: str | None) -> int | None:
        """The index of the one part the indicator names (None for none, several, or the whole)."""
        if not indicator or any(w in indicator for w in self.whole):
            return None
        matched = {i: [w for w in words if w in indicator] for i, words in enumerate(self.parts)}
        longest = [word for words in matched.values() for word in words]
        # 非税收入 holds 税收: a part's word inside another part's longer word does not count
        found = [i for i, words in matched.items() if any(not _inside(w, longest) for w in words)]
        return found[0] if len(found) == 1 else None


def _inside(word: str, others: list[str]) -> bool:
    return any(word != other and word in other for other in others)


@cache
def partitions() -> tuple[Partition, ...]:
    found = []
    for line in word_list("partitions.tsv"):
        whole, _, parts = line.partition("\t")
        found.append(
            Partition(
                tuple(w for w in whole.strip().split("|") if w),
                tuple(tuple(w for w in part.split("|") if w) for part in parts.strip().split(",")),
            )
        )
    return tuple(found)


def additive(figure: CheckFigure) -> bool:
    """A level that parts add up to: an amount or a count, not a change, an average or a rate."""
    if figure.kind not in (Kind.MONEY, Kind.QUANTITY) or figure.value is None or figure.value_high is not None:
        return False
    if figure.change:
        return False
    indicator = figure.indicator or ""
    return not any(word in indicator for word in word_list("not_additive.tsv"))


def total_of(figures: Sequence[CheckFigure]) -> Interval | None:
    """The sum of the figures' intervals (None where one has none)."""
    total = Interval.exact(Decimal(0))
    for figure in figures:
        part = interval(figure)
        if part is None:
            return None
        total = total + part
    return total


def rounding_slack(figures: Sequence[CheckFigure]) -> Decimal:
    """How far beyond their intervals figures rounded apart may still miss (each figure one unit
    of its last digit, beside the half unit its interval allows): official statistics round each
    part and do not adjust them to add up (数值修约误差，未作机械调整)."""
    return Decimal(2) * max((half_step(f) for f in figures), default=Decimal(0)) * len(figures)


def gap_finding(
    rule: str,
    within_rounding: bool,
    rounding_message: str,
    error_message: str,
    figures: tuple[CheckFigure, ...],
    details: dict,
) -> Finding:
    """A sum or a quotient that misses what is stated: a note with its message where rounding apart
    explains the gap, else an error; the document is the first figure's."""
    return Finding(
        rule,
        Severity.NOTE if within_rounding else Severity.ERROR,
        rounding_message if within_rounding else error_message,
        figures,
        figures[0].document,
        details,
    )


def gap(first: Interval, second: Interval) -> Decimal:
    """How far apart two intervals are (0 where they meet)."""
    if first.meets(second):
        return Decimal(0)
    return max(first.low - second.high, second.low - first.high)


def named(figure: CheckFigure) -> str:
    """The figure as a message names it: its indicator and its text as written."""
    where = figure.row_label or figure.indicator
    return f"{where} {figure.text}" if where else figure.text


def written_like(value: Decimal, figure: CheckFigure, extra_places: int = 0) -> str:
    """`value` (in the figure's value's terms) written as the figure is: 5000.13亿元 beside 5000.12亿元."""
    written = _WRITTEN.search(figure.text)
    if figure.value is None or not written:
        return format(value.normalize(), "f")
    digits = written.group().replace(",", "").replace("，", "")
    number = Decimal(digits)
    factor = figure.value / number if number else Decimal(1)
    places = len(digits.partition(".")[2]) + extra_places
    try:
        shown = (value / factor).quantize(Decimal(1).scaleb(-places)) if factor else value
    except InvalidOperation:  # more digits than the context holds: shown as computed
        shown = value / factor if factor else value
    text = figure.text
    return text[: written.start()] + format(shown, "f") + text[written.end() :]


def bare(name: str) -> str:
    """A name without the scope words that open it and the verbs at its ends (全市生产总值预计完成
    -> 生产总值), so a share's part and total are found by the names the figures carry."""
    for word in word_list("scope_words.tsv"):
        if name.startswith(word) and len(name) > len(word) + 1:
            name = name[len(word) :]
            break
    for word in word_list("name_verbs.tsv"):
        if name.endswith(word) and len(name) > len(word) + 1:
            name = name[: -len(word)]
            break
    for word in word_list("name_verbs.tsv"):
        if name.startswith(word) and len(name) > len(word) + 1:
            name = name[len(word) :]
            break
    return name


class Passages:
    """Where a document's paragraphs and sentences begin, to tell which figures stand together."""

    def __init__(self, document: CheckDocument) -> None:
        text = document.text
        self.paragraphs = [0] + [m.end() for m in _LINE.finditer(text)]
        self.sentences = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset) - 1

    def sentence(self, offset: int) -> int:
        return bisect.bisect_right(self.sentences, offset) - 1


def passages_of(document: CheckDocument) -> Passages:
    """The document's passages, found once for all the sum rules run over it."""
    kept = _KEPT[-1] if _KEPT else None  # one read: another thread may replace it meanwhile
    if kept is not None and kept[0] is document.text:
        return kept[1]
    found = Passages(document)
    _KEPT[:] = [(document.text, found)]
    return found


def clause_before(text: str, start: int, limit: int = 60) -> str:
    """The text before `start` back to the clause's opening (a comma, a stop or a line)."""
    begin = max(0, start - limit)
    piece = text[begin:start]
    cut = max(piece.rfind(mark) for mark in "，,。；;！？\n")
    return piece[cut + 1 :]
