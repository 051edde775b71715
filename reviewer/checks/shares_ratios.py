"""Ratio sequences (三次产业结构 21.3∶41.6∶37.1) as the text writes them: three or more terms under a
structure word (resources/checks/structure_words.tsv) are the shares of one whole and add up to
100. Read from the text, not only from the engine's figures: the engine reads a ratio as shares
only where it adds up to about 100, so a slip would leave some of its terms unread; the finding
names the terms the engine did read."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal

from reviewer.checks.intervals import Interval, approximate, bounds, interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding
from reviewer.checks.shares import hundred_finding
from reviewer.checks.sums_common import clause_before, word_list
from reviewer.i18n import _

MARKS = "∶:："
_RATIO = re.compile(r"(?<![\d.∶:：])\d+(?:\.\d+)?(?:[ \t]*[∶:：][ \t]*\d+(?:\.\d+)?){2,}")
_TERM = re.compile(r"\d+(?:\.\d+)?")
_GLUED = re.compile(r"[\d.∶:：%％A-Za-z]")  # a ratio that goes on, a percent, a code: no sequence


def ratio_sequences(document: CheckDocument) -> Iterator[Finding]:
    text, figures = document.text, document.figures
    if not any(mark in text for mark in MARKS):
        return
    starts = [f.start for f in figures]
    for found in _RATIO.finditer(text):
        if _GLUED.match(text, found.end()):
            continue
        begin, end = found.span()
        inside = figures[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]
        if not inside or any(approximate(f) for f in inside):
            continue
        before = clause_before(text, begin)
        said = (inside[0].indicator or "") + before
        if not any(word in said for word in word_list("structure_words.tsv")) or _said_roughly(before, text, end):
            continue
        read = {(f.start, f.end): f for f in inside}
        terms, summed, written = [], Interval.exact(Decimal(0)), Decimal(0)
        for term in _TERM.finditer(found.group()):
            figure = read.get((begin + term.start(), begin + term.end()))
            value, bound = _term(term.group(), figure)
            terms.append(term.group() if value == Decimal(term.group()) else format(value.normalize(), "f"))
            summed, written = summed + bound, written + value
        places = max(len(term.partition(".")[2]) for term in terms)
        whole = inside[0].indicator or _("the ratio")
        finding = hundred_finding(inside, terms, summed, written, places, whole)
        if finding is not None:
            yield finding


def _term(written: str, figure: CheckFigure | None) -> tuple[Decimal, Interval]:
    """A term's value and interval: the figure's where the engine read it (a reviewer's correction
    counts), else the written digits'."""
    if figure is not None and figure.value is not None:
        bound = interval(figure)
        if bound is not None:
            return figure.value, bound
    half = Decimal(5).scaleb(-len(written.partition(".")[2]) - 1)
    return Decimal(written), Interval(Decimal(written) - half, Decimal(written) + half)


def _said_roughly(before: str, text: str, end: int) -> bool:
    """约为6∶40∶54, 6∶40∶54左右: a qualifier over the whole ratio (the engine gives it to none of
    its figures), so its shares need not add up to 100."""
    widening = [word for word, bound in bounds().items() if bound != "exact"]
    after = text[end : end + 3]
    return any(before.endswith(w) or before.endswith(w + "为") or after.startswith(w) for w in widening)
