"""Sections whose heading names a period (GUIDE.md, "Periods", 3): "一、2023年工作回顾",
"第一章 “十三五”时期", "过去五年工作回顾", a table's caption "表1 2018年…". The section runs to
the next heading of its level or a higher one; found once, looked up by bisection."""

from __future__ import annotations

import bisect
import re

from reviewer.extract.period_words import PeriodWords
from reviewer.extract.time_marks import TimeMarks, year_period
from reviewer.model import Period

MAX_HEADING = 40
CN = "一二三四五六七八九十"
LEVELS = (
    (1, re.compile(rf"\s*第[{CN}0-9]+[章部篇编]")),
    (2, re.compile(rf"\s*[{CN}]+\s*[、.．]")),
    (3, re.compile(rf"\s*[（(][{CN}]+[)）]")),
    (4, re.compile(r"\s*[0-9]{1,2}\s*[、.．](?![0-9])")),
    (4, re.compile(r"\s*表\s*[0-9]+")),
)
UNNUMBERED = 5
LABEL_LENGTH = 12  # a heading this short naming a period labels what follows ("2023年工作回顾")
SEPARATOR = re.compile(r"[-—=*_~·•]+")
SENTENCE_END = "。；;！!？?"


class Sections:
    def __init__(self, text: str, marks: TimeMarks, words: PeriodWords):
        self._starts: list[int] = []
        self._periods: list[Period | None] = []
        open_sections: list[tuple[int, Period | None, bool]] = []  # (level, period, label) of the headings around
        pos = 0
        work_report = words.kinds.get("work_report", ())
        for line in text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            level = _level(line)
            heading = stripped
            cut = min((i for i in (stripped.find(c) for c in SENTENCE_END) if i >= 0), default=-1)
            if level is None:
                if len(stripped) > MAX_HEADING or cut >= 0:
                    continue  # prose
                level = UNNUMBERED
            elif cut >= 0:
                heading = stripped[:cut]  # "（一）坚持产业优先发展。三次产业比重由2007年…"
            period = None
            at = start + line.find(heading)
            mark = marks.first_in(at, at + len(heading)) if len(heading) <= MAX_HEADING else None
            if mark is not None and mark.period.start != mark.period.end:  # a dateline is no section
                period = mark.period
                if any(w in heading for w in work_report) and not mark.stretch:
                    year = int(period.start[:4]) - 1  # "2018年…政府工作报告" reviews 2017
                    period = year_period(year, year, heading)
            while open_sections and open_sections[-1][0] >= level:
                if level == UNNUMBERED and period is None and open_sections[-1][2]:
                    break  # a subhead naming no period stays inside a label naming one ("数说江汉2026")
                open_sections.pop()
            if SEPARATOR.fullmatch(stripped):
                open_sections.clear()  # "-", "***": the next article begins
                level, period = UNNUMBERED, None
            label = period is not None and len(heading) <= LABEL_LENGTH
            open_sections.append((level, period, label))
            current = next((p for _, p, _ in reversed(open_sections) if p is not None), None)
            self._starts.append(start)
            self._periods.append(current)

    def period_at(self, pos: int) -> Period | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._periods[i] if i >= 0 else None


def _level(line: str) -> int | None:
    for level, pattern in LEVELS:
        if pattern.match(line):
            return level
    return None
