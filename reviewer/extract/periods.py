"""Which period a figure speaks of: the latest date or period word before it in its sentence,
else one that opens its paragraph ("2025年，全省法院..."), resolved against the document date."""

from __future__ import annotations

import bisect
import re
from datetime import date

from reviewer.extract.lexicon import Lexicon
from reviewer.model import Figure, Kind, Period

SENTENCE_BREAKS = "。！？!?\n；;"
PARAGRAPH_HEAD = 12  # a period this close to a paragraph's start governs the paragraph


class PeriodFinder:
    def __init__(self, text: str, found: list[Figure], lexicon: Lexicon, doc_date: date | None = None):
        self.text = text
        marks: list[tuple[int, int, Period]] = [
            (f.start, f.end, f.period) for f in found if f.kind is Kind.DATE and f.period is not None
        ]
        marks.extend(self._period_words(lexicon, doc_date))
        marks.sort(key=lambda m: m[0])
        self._starts = [m[0] for m in marks]
        self._marks = marks
        # boundaries found once, so each look-up is a bisection, not a scan back through the text
        self._sentence_ends = [m.end() for m in re.finditer(f"[{re.escape(SENTENCE_BREAKS)}]", text)]
        self._paragraph_ends = [m.end() for m in re.finditer("\n", text)]

    def _period_words(self, lexicon: Lexicon, doc_date: date | None):
        if doc_date is None or not lexicon.period_words:
            return []
        pattern = re.compile("|".join(re.escape(w) for w in sorted(lexicon.period_words, key=len, reverse=True)))
        shift = {"this_year": 0, "last_year": -1, "next_year": 1}
        marks = []
        for m in pattern.finditer(self.text):
            year = doc_date.year + shift.get(lexicon.period_words[m.group()], 0)
            marks.append((m.start(), m.end(), Period(f"{year}-01-01", f"{year}-12-31", m.group())))
        return marks

    def period_for(self, figure: Figure) -> Period | None:
        """The latest mark before the figure in its sentence, else the latest one at the head of
        its paragraph, else None. Two bisections, whatever the number of marks before it."""
        i = bisect.bisect_left(self._starts, figure.start) - 1
        if i < 0:
            return None
        sentence_start = _last_before(self._sentence_ends, figure.start)
        paragraph_start = _last_before(self._paragraph_ends, figure.start)
        start = self._starts[i]
        if start < paragraph_start:
            return None
        if start >= sentence_start:
            return self._marks[i][2]
        head = min(i, bisect.bisect_right(self._starts, paragraph_start + PARAGRAPH_HEAD) - 1)
        if head >= 0 and self._starts[head] >= paragraph_start:
            return self._marks[head][2]
        return None


def _last_before(ends: list[int], pos: int) -> int:
    """The start of the stretch holding pos: the last boundary end at or before it, else 0."""
    i = bisect.bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0
