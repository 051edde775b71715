"""Which period a figure refers to (GUIDE.md, "Periods"), nearest first:

1. its own clause or sentence: the nearest time expression before it (2023年, 今年前11个月, 去年,
   截至6月末), a comparison's base (比上年) left out; or the paragraph's head ("2025年，全省…");
   目前/现有 the year of the document's date; 连续三年 the stretch ending in the reporting year;
   年均 the stretch between the sentence's two years (由2007年…到2012年…: 2008/2012);
2. the section it stands in, where the heading names a period (sections.py);
3. the document's reporting period, given or inferred (reporting.py).
None where the figure refers to no time: an area, a specification, a capacity, a threshold that
defines a group, a conditional or habitual statement (the cues of period_cues.tsv).

Every boundary and mark is found once (time_marks.py); each figure costs a few bisections."""

from __future__ import annotations

import bisect
import re
from datetime import date

from reviewer.extract.lexicon import Lexicon
from reviewer.extract.numerals import FULLWIDTH
from reviewer.extract.period_words import period_words
from reviewer.extract.reporting import infer_reporting
from reviewer.extract.sections import Sections
from reviewer.extract.time_marks import COUNT, Mark, TimeMarks, count_of, year_period
from reviewer.model import Figure, Period

SENTENCE_BREAKS = "。！？!?\n；;"
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,：:"
PARAGRAPH_HEAD = 12  # a period this close to a paragraph's start governs the paragraph
NO_TIME_REACH = 6  # a no-time word this close before a figure makes it timeless
PUNCTUATION = set("，。；！？,;!?、：:）)」』”\"' \t\n")


class PeriodFinder:
    def __init__(
        self,
        text: str,
        found: list[Figure],
        lexicon: Lexicon,
        doc_date: date | None = None,
        reporting: Period | None = None,
    ):
        self.text = text
        self.norm = text.translate(FULLWIDTH)
        self.words = period_words(lexicon)
        self.reporting = infer_reporting(text, found, self.words, doc_date, reporting)
        self.marks = TimeMarks(text, found, lexicon, self.words, self.reporting.ref, self.reporting.year)
        self.sections = Sections(text, self.marks, self.words)
        # boundaries found once, so each look-up is a bisection, not a scan back through the text
        self._sentence_ends = [m.end() for m in re.finditer(f"[{re.escape(SENTENCE_BREAKS)}]", text)]
        self._clause_ends = [m.end() for m in re.finditer(f"[{re.escape(CLAUSE_BREAKS)}]", text)]
        self._paragraph_ends = [m.end() for m in re.finditer("\n", text)]
        self._cues = {role: _positions(self.norm, self.words.of(role)) for role in ("current", "average")}
        self._conditions = _positions(self.norm, self.words.of("no_time_clause"))
        self._runs = self._find_runs()

    def _find_runs(self) -> tuple[list[int], list[tuple[int, int, int]]]:
        run = self.words.of("run")
        if not run:
            return [], []
        pattern = re.compile(rf"(?:{'|'.join(re.escape(w) for w in run)}){COUNT}个?年")
        found = []
        for m in pattern.finditer(self.norm):
            n = count_of(m["n"])
            if n and n <= 50:
                found.append((m.start(), m.end(), n))
        return [f[0] for f in found], found

    # -- one figure ------------------------------------------------------------------------------

    def period_for(self, figure: Figure) -> Period | None:
        pos = figure.start
        sentence = _last_before(self._sentence_ends, pos)
        clause = _last_before(self._clause_ends, pos)
        if self._refers_to_no_time(figure, clause, sentence):
            return None
        mark = self.marks.last_before(pos, sentence)
        after_mark = mark.end if mark is not None else sentence
        ref = self.reporting.ref
        if ref is not None and _any_between(self._cues["current"], after_mark, pos):
            return year_period(ref.year, ref.year, "目前")
        run = self._run_for(figure, clause)
        if run is not None:
            return run
        if mark is not None:
            if _any_between(self._cues["average"], max(clause, mark.start), pos):
                stretch = self._average_stretch(sentence, pos, mark)
                if stretch is not None:
                    return stretch
            return mark.period
        head = self._paragraph_head(pos)
        if head is not None:
            return head
        section = self.sections.period_at(pos)
        if section is not None:
            return section
        return self.reporting.period

    def _refers_to_no_time(self, figure: Figure, clause: int, sentence: int) -> bool:
        if figure.unit and figure.unit in self.words.of("no_time_unit"):
            return True
        before = self.norm[max(clause, figure.start - NO_TIME_REACH - 4) : figure.start]
        if figure.approx and before.endswith(figure.approx):
            before = before[: -len(figure.approx)]
        if any(w in before[-NO_TIME_REACH - max(len(w), 1) :] for w in self.words.of("no_time_before")):
            return True
        after = self.norm[figure.end : figure.end + 6]
        for suffix in ("及以上", "以上", "以下", "以内"):
            if after.startswith(suffix):
                rest = after[len(suffix) :]
                if rest[:1] and rest[0] not in PUNCTUATION and not rest.startswith(("的速度", "的增长")):
                    return True  # "500万元以上工业项目": the threshold that defines the group
                after = rest
                break
        if after.startswith(self.words.of("no_time_after")):
            return True
        return _any_between(self._conditions, sentence, figure.start)

    def _run_for(self, figure: Figure, clause: int) -> Period | None:
        starts, runs = self._runs
        year = self.reporting.year
        if not runs or year is None:
            return None
        i = bisect.bisect_right(starts, figure.start) - 1
        if i < 0:
            return None
        start, end, n = runs[i]
        if start < clause and not (start <= figure.start < end):
            return None
        return year_period(year - n + 1, year, self.text[start:end])

    def _average_stretch(self, sentence: int, pos: int, mark: Mark) -> Period | None:
        """由2007年X增加到2012年Y，年均增长Z%: the years after the first up to the last."""
        if mark.stretch:
            return mark.period
        years = [
            int(m.period.start[:4])
            for m in self.marks.in_range(sentence, pos)
            if not m.stretch and m.period.start[:4] == m.period.end[:4]
        ]
        if len(set(years)) >= 2 and min(years) < years[-1]:
            return year_period(min(years) + 1, years[-1], "年均")
        return None

    def _paragraph_head(self, pos: int) -> Period | None:
        paragraph = _last_before(self._paragraph_ends, pos)
        mark = self.marks.first_in(paragraph, min(pos, paragraph + PARAGRAPH_HEAD))
        return mark.period if mark is not None else None


def _positions(norm: str, words: tuple[str, ...]) -> list[int]:
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return [m.start() for m in pattern.finditer(norm)]


def _any_between(positions: list[int], low: int, high: int) -> bool:
    i = bisect.bisect_left(positions, low)
    return i < len(positions) and positions[i] < high


def _last_before(ends: list[int], pos: int) -> int:
    """The start of the stretch holding pos: the last boundary end at or before it, else 0."""
    i = bisect.bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0
