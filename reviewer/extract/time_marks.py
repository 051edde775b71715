"""Every time expression of a text, found once and resolved: the dates the scanner found, the
words relative to the document's date (今年, 去年), the plan periods (“十四五”), the stretches of
years (过去五年, 5年来) and what runs from a date to the document's date (今年以来).

A mark that names the base of a comparison (比上年, 与2021年同期相比) is kept but flagged: it gives
the period of the change only, never of the figure (GUIDE.md, "Periods", 2)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from reviewer.extract import dates
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.numerals import FULLWIDTH, parse_chinese
from reviewer.extract.period_words import PeriodWords
from reviewer.model import Figure, Kind, Period

COUNT = r"(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
YEAR_SHIFT = {"this_year": 0, "last_year": -1, "next_year": 1}
BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
TITLE = re.compile(r"《[^《》\n]{1,80}》")
BASE_REACH = 3  # a base word this close before a date makes it the comparison's base
OCCASION_REACH = 40  # how far after a day its clause may name the meeting it was told at


DAY_YEAR_REACH = 400  # how far after a day without its year the text may name the year it is in
PLAN_YEAR_REACH = 8  # "“十四五”规划" + "收官之年": the words naming one year of a plan
WINDOW_REACH = 12  # "截至6月11日记者发稿，6月份以来": how far after a cut-off the window it closes opens
SENTENCE_END = "。!?！？\n"
DAYS_COUNTED = re.compile(COUNT + "个?(?:天|日)")
RANGE_JOINERS = ("至", "到", "-", "—", "–", "~", "～")  # between the two ends of a stretch
SENTENCE_STOP = re.compile("[。!?！？\n]")
WINDOW_SENTENCE = 1000  # how far a sentence is read for its end


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    period: Period
    base: bool = False  # the base of a comparison: the change's period, not the figure's
    stretch: bool = False  # several years named as a stretch (过去五年, 十四五, 2009年以来)
    shift: int | None = None  # a year named relative to the date (今年 0, 去年 -1): None if written out
    years: int | None = None  # the N years ending in the reporting year (过去五年: 5)
    since: bool = False  # runs from it to the document's date (今年以来, 2009年以来)
    until: bool = False  # what is counted up to it (截至5月底)
    ends: bool = False  # a stretch told by its two ends (2017年到2021年): its levels are the ends' years
    after_reported: bool = False  # 新的一年: the year after the reported one


def year_period(first: int, last: int, text: str) -> Period:
    return Period(f"{first:04d}-01-01", f"{last:04d}-12-31", text)


def count_of(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    value = parse_chinese(written)
    return int(value) if value is not None else None


def resolve_date(norm: str, figure: Figure, ref: date | None) -> Period | None:
    """A date figure's period, resolved again against ref where the scanner had no date to
    resolve it with ('6月11日' in an undated text), or read as the months it counts ('前11月')."""
    start = figure.start
    if start and norm[start - 1] == "前":
        year_word = None
        head = norm[max(0, start - 4) : start - 1]
        if head.endswith(("去年", "上年")):
            year_word = "last_year"
        span = dates.match_leading_period(norm, start - 1, ref, year_word)
        if span is not None and span.end == figure.end and span.period is not None:
            return span.period
    if figure.period is not None:
        return figure.period
    written = norm[figure.start : figure.end]
    if BARE_YEAR.fullmatch(written) and norm[figure.end : figure.end + 1] in ("", "\n"):
        year = int(written)
        return year_period(year, year, figure.text)  # "数说江汉2026": a year ending a line
    if ref is None:
        return None
    span = dates.match_arabic_date(norm, start, ref) or dates.match_chinese_date(norm, start, ref)
    return span.period if span is not None and span.end == figure.end else None


class TimeMarks:
    """The marks of one text, sorted by where they start, for bisection."""

    def __init__(
        self,
        text: str,
        found: list[Figure],
        lexicon: Lexicon,
        words: PeriodWords,
        ref: date | None,
        reporting_year: int | None,
        until: date | None = None,
        norm: str | None = None,
    ):
        self.text = text
        self.norm = text.translate(FULLWIDTH) if norm is None else norm
        self.words = words
        self.ref = ref
        self.reporting_year = reporting_year
        self.until = until or ref  # what runs 'since' a date runs up to
        marks: list[Mark] = []
        since = words.of("since")
        for f in found:
            if f.kind is not Kind.DATE:
                continue
            period = resolve_date(self.norm, f, ref)
            if period is None:
                continue
            stretch = period.start[:4] != period.end[:4]
            since_here = since and self.norm.startswith(since, f.end)
            since_here = since_here or self.norm[max(0, f.start - 1) : f.start] in self.words.of("since_before")
            period = self._month_part(period, f.end)
            counted_to = self._is_until(f.start)
            if since_here and self.until is not None:
                end = self.until.isoformat()
                if period.start[:4] < end[:4] and period.start[4:] == "-01-01":
                    end = end[:4] + "-12-31"  # 2009年以来 in a piece of 2025: 2009/2025
                period = Period(period.start, max(period.start, end), f.text)
                stretch = True
            elif period.start == period.end and counted_to and not self._closes_market(f.end):
                period = Period(period.start[:4] + "-01-01", period.end, f.text)  # 截至6月11日: the year to date
            base = self._is_base(f.start) or self.norm.startswith(self.words.of("base_after"), f.end)
            base = base or (period.start == period.end and self._tells_an_occasion(f.end))
            marks.append(Mark(f.start, f.end, period, base, stretch, since=bool(since_here), until=counted_to))
        self.period_words = lexicon.period_words
        marks.extend(self._year_parts({m.start for m in marks}))
        marks.extend(self._relative_words(lexicon))
        marks.extend(self._plans())
        marks.extend(self._stretches())
        marks.extend(self._years_after())
        titles = [(t.start(), t.end()) for t in TITLE.finditer(self.norm)]
        if titles:  # 《…行动计划（2023-2025年）》: a year in a title names no period of the text
            starts = [t[0] for t in titles]
            marks = [m for m in marks if not _inside(titles, starts, m.start)]
        marks.sort(key=lambda m: (m.start, -m.end))
        marks = _ranges(self._days_of_the_year(marks), self.norm)
        self.marks = _windows(marks, self.norm)
        self.starts = [m.start for m in marks]

    def _days_of_the_year(self, marks: list[Mark]) -> list[Mark]:
        """'2月8日上午，…。截至2026年2月，…' in a text dated 2026-01-28: a day written without its
        year, later in the calendar than the document's date, is of the document's year where the
        text just after it names a month of that year not before the day's (an article appended
        after the date), not of the year before."""
        ref = self.ref
        if ref is None:
            return marks
        starts = [m.start for m in marks]
        out = []
        for m in marks:
            day = m.period
            if (
                day.start == day.end
                and int(day.start[:4]) == ref.year - 1
                and "年" not in day.text
                and m.shift is None
                and day.start[4:] > ref.isoformat()[4:]
            ):
                i = bisect.bisect_right(starts, m.end)
                while i < len(marks) and marks[i].start < m.end + DAY_YEAR_REACH:
                    later = marks[i].period
                    month = later.start[:7] == later.end[:7] and "年" in later.text  # 2026年2月, not 2026年
                    if month and later.start[:4] == str(ref.year) and later.end[5:7] >= day.start[5:7]:
                        iso = f"{ref.year:04d}{day.start[4:]}"
                        m = replace(m, period=Period(iso, iso, day.text))
                        break
                    i += 1
            out.append(m)
        return out

    def _tells_an_occasion(self, end: int) -> bool:
        """'1月23日，武汉…推介会上，…': the day the figures were told on."""
        clause = self.norm[end : end + OCCASION_REACH]
        for i, c in enumerate(clause):
            if c in "。!?！？\n":
                clause = clause[:i]
                break
        return any(w in clause for w in self.words.of("occasion"))

    def _closes_market(self, end: int) -> bool:
        """截至6月11日收盘: the trading day itself."""
        return self.norm.startswith(self.words.kinds.get("day_report", ()), end)

    def _month_part(self, period: Period, end: int) -> Period:
        """2026年6月份上半月: days 1 to 15 of the month (month_parts.tsv)."""
        if period.start[:7] != period.end[:7] or not period.start.endswith("-01"):
            return period
        for word, (first, last) in self.words.month_parts.items():
            if self.norm.startswith(word, end):
                last_day = int(period.end[8:])
                first, last = min(first or last_day, last_day), min(last or last_day, last_day)
                return Period(f"{period.start[:8]}{first:02d}", f"{period.start[:8]}{last:02d}", period.text + word)
        return period

    def _is_until(self, start: int) -> bool:
        head = self.norm[max(0, start - 3) : start]
        return any(head.endswith(w) for w in self.words.of("until"))

    def _is_base(self, start: int) -> bool:
        head = self.norm[max(0, start - BASE_REACH) : start]
        return any(head.endswith(w) for w in self.words.of("base"))

    def _relative_words(self, lexicon: Lexicon) -> list[Mark]:
        if self.ref is None or not lexicon.period_words:
            return []
        context = set(self.words.of("context_year"))
        table = {w: m for w, m in lexicon.period_words.items() if w not in context}
        if not table:
            return []
        since = self.words.of("since")
        pattern = re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))
        out = []
        for m in pattern.finditer(self.norm):
            year = self.ref.year + YEAR_SHIFT.get(table[m.group()], 0)
            period = year_period(year, year, m.group())
            shift: int | None = YEAR_SHIFT.get(table[m.group()], 0)
            if since and self.norm.startswith(since, m.end()):
                until = self.until or self.ref
                period = Period(f"{year:04d}-01-01", max(f"{year:04d}-01-01", until.isoformat()), m.group())
                shift = None
            since_here = shift is None
            out.append(Mark(m.start(), m.end(), period, self._is_base(m.start()), False, shift, since=since_here))
        return out

    def _year_parts(self, taken: set[int]) -> list[Mark]:
        """上半年, 首季: the part of the year of the document's date begun by then, unless a year
        written just before names its own (2022年上半年 is a date the scanner read)."""
        parts = self.words.parts
        if self.ref is None or not parts:
            return []
        pattern = re.compile("|".join(re.escape(w) for w in sorted(parts, key=len, reverse=True)))
        out = []
        relative = {w: YEAR_SHIFT[m] for w, m in self.period_words.items() if m in YEAR_SHIFT}
        for m in pattern.finditer(self.norm):
            if m.start() in taken:
                continue
            first, last = parts[m.group()]
            year = self.ref.year - (1 if first > self.ref.month else 0)
            before = next((w for w in relative if self.norm.endswith(w, 0, m.start())), None)
            if before is not None:
                year = self.ref.year + relative[before]  # 今年1季度, 去年上半年
            elif m.start() and self.norm[m.start() - 1] in "年0123456789":
                continue  # 2022年上半年: a date the scanner read
            period = dates.month_span(year, first, last, m.group())
            if period is not None:
                out.append(Mark(m.start(), m.end(), period, self._is_base(m.start())))
        return out

    def _plans(self) -> list[Mark]:
        plans = self.words.plans
        if not plans:
            return []
        names = "|".join(re.escape(n) for n in sorted(plans, key=len, reverse=True))
        pattern = re.compile(
            rf"(?P<q>[“\"'‘「『]?)(?P<name>{names})(?P<close>[”\"'’」』]?)(?P<after>时期|期间|规划|计划|以来|末期|末|初期|初)?"
        )
        out = []
        for m in pattern.finditer(self.norm):
            name = m["name"]
            quoted = bool(m["q"]) and bool(m["close"])
            if not (quoted or m["after"]):
                continue
            if self.norm.startswith("五", m.end("name")) and not m["close"]:
                continue  # 十五五 read as 十五
            first, last = plans[name]
            tail = self.norm[m.end() : m.end() + PLAN_YEAR_REACH]
            if tail.startswith(self.words.of("plan_last")):
                out.append(Mark(m.start(), m.end(), year_period(last, last, m.group()), self._is_base(m.start())))
            elif tail.startswith(self.words.of("plan_first")):
                # “十四五”规划收官之年: 2025; “十三五”开局之年 2016, but 与“十三五”开局之年比: a base
                out.append(Mark(m.start(), m.end(), year_period(first, first, m.group()), self._is_base(m.start())))
            elif m["after"] in ("末", "末期"):
                out.append(Mark(m.start(), m.end(), year_period(last, last, m.group())))  # “九五”末期: 2000
            elif m["after"] in ("初", "初期"):
                out.append(Mark(m.start(), m.end(), year_period(first, first, m.group())))
            else:
                out.append(Mark(m.start(), m.end(), year_period(first, last, m.group()), stretch=True))
        return out

    def _stretches(self) -> list[Mark]:
        """过去五年, 近5年, 五年来: the N years ending in the reporting year."""
        if self.reporting_year is None:
            return []
        before = self.words.of("stretch_before")
        after = self.words.of("stretch_after")
        if not before and not after:
            return []
        alt_before = "|".join(re.escape(w) for w in before) or "(?!)"
        alt_after = "|".join(re.escape(w) for w in after) or "(?!)"
        pattern = re.compile(rf"(?P<pre>{alt_before})?的?{COUNT}个?年(?P<post>{alt_after})?")
        out = []
        for m in pattern.finditer(self.norm):
            if not (m["pre"] or m["post"]):
                continue
            if m["post"] is None and self.norm.startswith(("前", "后", "期"), m.end()):
                continue
            n = count_of(m["n"])
            if not n or n > 30:
                continue
            last = self.reporting_year
            out.append(Mark(m.start(), m.end(), year_period(last - n + 1, last, m.group()), stretch=True, years=n))
        return out

    def _years_after(self) -> list[Mark]:
        """新的一年: the year after the one the document reports on (a review of 2019 looks to 2020)."""
        words = self.words.of("year_after")
        if self.reporting_year is None or not words:
            return []
        year = self.reporting_year + 1
        pattern = re.compile("|".join(re.escape(w) for w in words))
        return [
            Mark(m.start(), m.end(), year_period(year, year, m.group()), after_reported=True)
            for m in pattern.finditer(self.norm)
        ]

    def last_before(self, pos: int, floor: int, allow_base: bool = False) -> Mark | None:
        """The nearest mark that ends at or before pos and starts at or after floor, not a base."""
        i = bisect.bisect_left(self.starts, pos) - 1
        steps = 0
        while i >= 0 and self.starts[i] >= floor and steps < 12:
            mark = self.marks[i]
            if mark.end <= pos and (allow_base or not mark.base):
                return mark
            i -= 1
            steps += 1
        return None

    def first_in(self, start: int, end: int) -> Mark | None:
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.marks) and self.starts[i] < end:
            if not self.marks[i].base:
                return self.marks[i]
            i += 1
        return None

    def in_range(self, start: int, end: int) -> list[Mark]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return self.marks[i:j]


def _ranges(marks: list[Mark], norm: str) -> list[Mark]:
    """ "从2013年至2018年", "2024年6月到2025年3月": two dates joined as the ends of one stretch."""
    out: list[Mark] = []
    for m in marks:
        last = out[-1] if out else None
        if (
            last is not None
            and (norm[last.end : m.start] in RANGE_JOINERS or _days_counted(last, m, norm))
            and last.shift is None is m.shift
            and not (last.since or m.since or last.until or m.base)
            and last.period.start <= m.period.end
        ):
            period = Period(last.period.start, m.period.end, norm[last.start : m.end])
            out[-1] = replace(last, end=m.end, period=period, stretch=period.start[:4] != period.end[:4], ends=True)
            continue
        out.append(m)
    return out


def _days_counted(first: Mark, last: Mark, norm: str) -> bool:
    """'6月9日、6月10日两天': two days listed, then counted as the days from one to the other."""
    if norm[first.end : last.start] != "、" or first.period.start != first.period.end:
        return False
    if last.period.start != last.period.end or last.period.start <= first.period.start:
        return False
    m = DAYS_COUNTED.match(norm, last.end)
    if m is None:
        return False
    days = (date.fromisoformat(last.period.start) - date.fromisoformat(first.period.start)).days + 1
    return count_of(m["n"]) == days


def _windows(marks: list[Mark], norm: str) -> list[Mark]:
    """ "截至6月11日记者发稿，6月份以来累计已有21家" sets the window the text counts in: a later
    "截至6月11日" counts from 6月 too, until another "…以来" up to that day is told ("今年以来")."""
    opened: dict[str, str] = {}  # the last day of a window -> its first
    out = []
    held = -1  # the end of the sentence whose cut-off opened a window: its other "…以来" are its parts
    for i, m in enumerate(marks):
        if m.since and not m.base:
            if m.start >= held:  # "今年以来" told again closes the windows up to its end
                opened = {day: first for day, first in opened.items() if day > m.period.end}
                opened[m.period.end] = m.period.start
        elif m.until and not m.base and m.period.start == m.period.start[:4] + "-01-01":
            j = i + 1
            while j < len(marks) and marks[j].start - m.end <= WINDOW_REACH and not marks[j].since:
                j += 1
            told = j < len(marks) and marks[j].start - m.end <= WINDOW_REACH
            told = told and not any(c in SENTENCE_END for c in norm[m.end : marks[j].start])
            if told and marks[j].period.start > m.period.start:
                opened[m.period.end] = marks[j].period.start  # the window it opens, told just after it
                stop = SENTENCE_STOP.search(norm, marks[j].end, marks[j].end + WINDOW_SENTENCE)
                held = stop.end() if stop else marks[j].end + WINDOW_SENTENCE
            elif opened.get(m.period.end, m.period.start) > m.period.start:
                m = replace(m, period=Period(opened[m.period.end], m.period.end, m.period.text))
        out.append(m)
    return out


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]
