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
MAX_TITLE = 60  # an unnumbered line this short, no sentence in it, titles an article ("2026年全省…会议召开")
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
CLAUSE_MARKS = "，,：:"
INLINE_HEAD = 16  # how much of a heading run into a paragraph may name its period
INLINE = re.compile(
    rf"(?<=[。！？!?：:])[ \u3000\t]+(?P<h>(?:[{CN}]+、|[（(][{CN}]+[)）]|第[{CN}]+[章部篇编]).{{0,{INLINE_HEAD}}})"
)


class Sections:
    def __init__(self, text: str, marks: TimeMarks, words: PeriodWords, plan_year: int | None = None):
        """plan_year: the year a work report delivering the whole text plans for (the year after the
        one it reviews), else None."""
        self._starts: list[int] = []
        self._periods: list[Period | None] = []
        self._dates: list[int | None] = []  # the year a section's own relative words speak from
        open_sections: list[tuple[int, Period | None, bool]] = []  # level, period, label
        work_report = words.kinds.get("work_report", ())
        delivered_in: int | None = None  # the year the article's work report was delivered in
        for start, level, at, heading, separator in _headings(text):
            period, delivered = None, None
            longest = MAX_TITLE if level == UNNUMBERED else MAX_HEADING
            mark = marks.first_in(at, at + len(heading)) if len(heading) <= longest else None
            if mark is not None and mark.period.start != mark.period.end:  # a dateline is no section
                period = mark.period
                if any(w in heading for w in work_report) and not mark.stretch:
                    delivered = int(period.start[:4])  # "2018年…政府工作报告": 今年 in it is 2018
                    period = year_period(delivered - 1, delivered - 1, heading)  # and it reviews 2017
            sibling: Period | None = None
            while open_sections and open_sections[-1][0] >= level:
                if level == UNNUMBERED and period is None and open_sections[-1][2]:
                    break  # a subhead naming no period stays inside a label naming one ("数说江汉2026")
                if open_sections[-1][0] == level:
                    sibling = open_sections[-1][1]
                open_sections.pop()
            plans = delivered_in or plan_year
            if period is None and level < UNNUMBERED and sibling is not None and plans is not None:
                if sibling.start[:4] == sibling.end[:4] == str(plans):
                    period = sibling  # 三、建设服务型政府 after 二、2018年工作安排: still the plan's year
            if separator:
                open_sections.clear()  # "-", "***": the next article begins
                delivered_in = None
            delivered_in = delivered or delivered_in
            label = period is not None and len(heading) <= LABEL_LENGTH
            open_sections.append((level, period, label))
            self._starts.append(start)
            self._periods.append(next((p for _, p, _ in reversed(open_sections) if p is not None), None))
            self._dates.append(delivered_in)

    def period_at(self, pos: int) -> Period | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._periods[i] if i >= 0 else None

    def start_at(self, pos: int) -> int:
        """Where the heading of the section holding pos starts (0 before the first)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._starts[i] if i >= 0 else 0

    def year_at(self, pos: int) -> int | None:
        """The year a section's 今年, 去年 speak from where its heading names it (a work report of
        2018 printed in a page of 2025), else None."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._dates[i] if i >= 0 else None


def _level(line: str) -> int | None:
    for level, pattern in LEVELS:
        if pattern.match(line):
            return level
    return None


def _headings(text: str):
    """(start, level, heading's start, heading, separator) of every heading in document order: the
    lines that are headings, and the numbered headings a converter ran into the paragraph after a
    sentence ("…成效。 二、2018年工作安排2018年是…")."""
    found = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        level = _level(line)
        heading = stripped
        cut = min((i for i in (stripped.find(c) for c in SENTENCE_END) if i >= 0), default=-1)
        if level is None:
            told = len(stripped) > MAX_HEADING and any(c in stripped for c in CLAUSE_MARKS)
            if len(stripped) > MAX_TITLE or cut >= 0 or told:  # a long line with a comma is prose
                for m in INLINE.finditer(line):  # prose, with headings run into it
                    inline = _level(m.group("h"))
                    if inline is not None:
                        found.append(
                            (start + m.start("h"), inline, start + m.start("h"), m.group("h")[:INLINE_HEAD], False)
                        )
                continue
            level = UNNUMBERED
        elif cut >= 0:
            heading = stripped[:cut]  # "（一）坚持产业优先发展。三次产业比重由2007年…"
        separator = bool(SEPARATOR.fullmatch(stripped))
        found.append((start, level, start + line.find(heading), heading, separator))
    return found
