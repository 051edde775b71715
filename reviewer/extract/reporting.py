"""The document's reporting period (GUIDE.md, "Periods", 4), where the reviewer set none: what
its figures refer to when nothing nearer says.

- A work report delivered at a meeting early in a year (工作报告 with "在…会议上" or "各位代表",
  in its first half) reviews the year before; one without a date, the year it names most.
- A statistical communiqué covers its year; an annual report its fiscal year.
- A day report of the market (a day opens its first paragraph, market words) its trading day.
- Anything else, a news piece dated D, speaks of D's year; one of early in a year that names the
  year before more often than its own reports on the year before (a review of 2025 in January 2026).

A text without a date is dated from what it says: the year its dates name most often (the later
of two as often named; the year after where it tells that year's whole as done, "2025年全年"),
and within it the latest day it names (in the year after, where a month it tells of with its
year is later: "1月21日" beside "2025年12月"); no year named, no date."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from reviewer.extract.numerals import FULLWIDTH
from reviewer.extract.period_words import PeriodWords
from reviewer.extract.time_marks import resolve_date, year_period
from reviewer.model import Figure, Kind, Period

MIN_YEAR, MAX_YEAR = 1000, 9998  # a date whose years before and after are dates too
EARLY_MONTHS = 3  # a news piece of January to March may review the year before
HEAD = 600  # a document's kind is told by its title and first lines
WORK_REPORT_MONTHS = 6  # delivered in the first half of a year (most by March): it reviews the year before
MEETING = re.compile(r"在.{2,40}?会议上|会议(?:上|通过)")
YEAR_WRITTEN = re.compile(r"(?<![0-9])([12][0-9]{3})\s*年")
REVIEW_HEADING = re.compile(r"(?m)^[^\n。]{0,12}?(?:([12][0-9]{3})\s*年)?[^\n。]{0,12}回顾[^\n。]{0,8}$")
REVIEW_REACH = 200
FIRST_SECTION = re.compile(r"(?m)^\s*一\s*[、.．]\s*[^\n。]{0,6}?([12][0-9]{3})\s*年")
FIRST_HEADING = re.compile(r"(?m)^\s*一\s*[、.．]\s*([^\n。]{0,40})$")
QUOTES = "“”\"'‘’「」"
DAY_WRITTEN = re.compile(r"^\s*(?:[12][0-9]{3}年)?[01]?[0-9]月[0-3]?[0-9]日")


@dataclass(frozen=True)
class Reporting:
    ref: date | None  # the document's date, given or inferred: what relative words resolve against
    period: Period | None  # what its figures refer to where nothing nearer says
    inferred_date: bool = False
    kind: str = "news"  # work_report, communique, annual, day_report, news; "given" where set

    @property
    def year(self) -> int | None:
        if self.period is not None:
            return int(self.period.end[:4])
        return self.ref.year if self.ref else None

    @property
    def until(self) -> date | None:
        """What runs 'since' a date runs up to: the document's date, or the end of the period
        it reports on where that is earlier (2010年以来 in a report on 2012: 2010/2012)."""
        if self.period is None or self.ref is None:
            return self.ref
        return min(self.ref, date.fromisoformat(self.period.end))


def infer_reporting(
    text: str,
    found: list[Figure],
    words: PeriodWords,
    doc_date: date | None,
    given: Period | None,
    norm: str | None = None,
) -> Reporting:
    """norm: the text width-normalized (FULLWIDTH), where the caller has it."""
    norm = text.translate(FULLWIDTH) if norm is None else norm
    ref, inferred = doc_date, False
    if ref is None:
        ref = _head_date(found)  # "——二〇一六年一月二十四日在…会议上": the date it gives itself
    if ref is None:
        ref, inferred = _date_from_text(norm, found), True
    if given is not None:
        return Reporting(ref, given, inferred, "given")
    if ref is None:
        return Reporting(None, None, inferred)
    if not MIN_YEAR <= ref.year <= MAX_YEAR:
        return Reporting(ref, year_period(ref.year, ref.year, ref.isoformat()), inferred)  # no year around it
    head = norm[:HEAD]
    kinds = words.kinds
    if _has(head, kinds.get("work_report", ())) and (MEETING.search(head) or _has(head, kinds.get("address", ()))):
        if inferred:
            # no date: the year its review heading names ("一、2008年工作回顾"), else the year it
            # names most, is the year it reviews, delivered early in the next
            titled = _year_before(head, kinds.get("work_report", ()))  # "2001年政府工作报告"
            year = titled - 1 if titled else _reviewed_year(norm) or _plan_reviewed(norm, words) or _most_named(found)
            if year is not None:
                return Reporting(date(year + 1, 1, 1), year_period(year, year, "工作报告"), inferred, "work_report")
        elif ref.month <= WORK_REPORT_MONTHS:
            return Reporting(ref, year_period(ref.year - 1, ref.year - 1, "工作报告"), inferred, "work_report")
    for kind in ("communique", "annual"):
        if _has(head, kinds.get(kind, ())):
            year = _year_named_with(head, kinds[kind]) or (
                ref.year - 1 if ref.month <= 4 and not inferred else ref.year
            )
            if inferred and ref.year <= year:
                ref = date(year + 1, 1, 1)  # no date: a report on its year is published in the next
            return Reporting(ref, year_period(year, year, kind), inferred, kind)
    if _has(norm, kinds.get("day_report", ())):
        day = _opening_day(norm, found, ref)
        if day is not None:
            return Reporting(ref, day, inferred, "day_report")
    year = ref.year
    named = _years_named(norm, found)
    if ref.month <= EARLY_MONTHS and named[ref.year - 1] > named[ref.year]:
        year -= 1  # a piece of early 2026 that speaks of 2025 more than of 2026 reports on 2025
    return Reporting(ref, year_period(year, year, ref.isoformat()), inferred)


def _years_named(norm: str, found: list[Figure]) -> Counter[int]:
    """How often each year is written, datelines (a year with its day) left out."""
    years: Counter[int] = Counter()
    for f in found:
        if f.kind is Kind.DATE and f.period is not None and f.period.start != f.period.end:
            m = YEAR_WRITTEN.match(norm, f.start)
            if m:
                years[int(m.group(1))] += 1
    return years


def titled(reporting: Reporting, title_period: Period | None) -> Reporting:
    """A news piece whose title names a part of a year ('一季度外贸同比增长10.7%') reports on it."""
    if reporting.kind != "news" or title_period is None or title_period.start == title_period.end:
        return reporting
    if title_period.start[:4] != title_period.end[:4] or title_period.label() == title_period.start[:4]:
        return reporting  # several years, or the whole year: nothing more than the date says
    return Reporting(reporting.ref, title_period, reporting.inferred_date, "news")


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _year_named_with(head: str, words: tuple[str, ...]) -> int | None:
    """'2013年国民经济和社会发展统计公报', '2019年年度报告': the year its title names."""
    for line in head.split("\n"):
        if _has(line, words):
            m = YEAR_WRITTEN.search(line)
            if m:
                return int(m.group(1))
    return None


def _year_before(head: str, words: tuple[str, ...]) -> int | None:
    """The year written just before one of words in a line ('2001年政府工作报告')."""
    if not words:
        return None
    m = re.search(rf"([12][0-9]{{3}})\s*年[^\n。，,]{{0,20}}?(?:{'|'.join(map(re.escape, words))})", head)
    return int(m.group(1)) if m else None


def _opening_day(norm: str, found: list[Figure], ref: date) -> Period | None:
    """The day that opens one of the first paragraphs ('6月11日，A股市场出现调整')."""
    for paragraph in [p for p in norm.split("\n") if p.strip()][:4]:
        if DAY_WRITTEN.match(paragraph):
            start = norm.find(paragraph)
            at = start + len(paragraph) - len(paragraph.lstrip())
            for f in found:
                if f.kind is Kind.DATE and f.start == at:
                    period = resolve_date(norm, f, ref)
                    if period is not None and period.start == period.end:
                        return period
    return None


def _years_written(found: list[Figure]) -> Counter[int]:
    """How often each year is written out (2025年, 二〇二五年), as a year, a part of one or a day."""
    years: Counter[int] = Counter()
    for f in found:
        if f.kind is Kind.DATE and f.period is not None and "年" in f.text and f.period.start[:4] == f.period.end[:4]:
            year = int(f.period.start[:4])
            if 1900 <= year <= 2199:
                years[year] += 1
    return years


def _head_date(found: list[Figure]) -> date | None:
    """A day written with its year at the head of the text (2013年1月22日, 二〇一六年一月二十四日)."""
    head = [f for f in found if f.start < HEAD and f.kind is Kind.DATE]
    for f in head:
        if f.period is not None and f.period.start == f.period.end and "年" in f.text:
            return date.fromisoformat(f.period.start)
    for a, b in zip(head, head[1:], strict=False):
        if a.end == b.start and a.period is not None and a.period.label() == a.period.start[:4]:
            if "月" in b.text and "日" in b.text:  # 二〇一六年 | 一月二十四日: read as two dates
                at = date(int(a.period.start[:4]), 12, 31)
                period = resolve_date(b.text, Figure(0, len(b.text), b.text, Kind.DATE), at)
                if period is not None and period.start == period.end:
                    return date.fromisoformat(period.start)
    return None


def _reviewed_year(norm: str) -> int | None:
    """The year its first section's heading names ("一、2015年主要工作…"), a review heading's
    ("2008年工作回顾"), or the first one written just after a review heading ("一、过去一年工作的回顾
    \n\n2003年是极不平凡的一年")."""
    first = FIRST_SECTION.search(norm)  # 一、2015年主要工作和“十二五”发展成就: a report opens with its review
    if first is not None:
        return int(first.group(1))
    m = REVIEW_HEADING.search(norm)
    if m is None:
        return None
    if m.group(1):
        return int(m.group(1))
    after = YEAR_WRITTEN.search(norm, m.end(), m.end() + REVIEW_REACH)
    return int(after.group(1)) if after else None


def _plan_reviewed(norm: str, words: PeriodWords) -> int | None:
    """'一、“十一五”规划执行情况和政府主要工作': a report opening with a plan's review (plan_review words)
    is delivered as the plan ends, so it reviews the plan's last year."""
    first = FIRST_HEADING.search(norm)
    if first is None or not words.plans:
        return None
    heading = first.group(1)
    if not any(w in heading for w in words.of("plan_review")):
        return None  # "“十二五”发展开局良好": a plan begun, not reviewed
    for name in sorted(words.plans, key=len, reverse=True):
        at = heading.find(name)
        if at >= 0 and heading[at - 1 : at] in QUOTES and heading[at + len(name) : at + len(name) + 1] in QUOTES:
            return words.plans[name][1]
    return None


def _most_named(found: list[Figure]) -> int | None:
    years = _years_written(found)
    return max(years, key=lambda y: (years[y], y)) if years else None


def _date_from_text(norm: str, found: list[Figure]) -> date | None:
    years = _years_written(found)
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], y))
    if year == max(years) and re.search(rf"{year}\s*年全年", norm):
        year += 1  # "2025年全年…" told as done, and no later year named: the text is of 2026
    end = date(year, 12, 31)
    latest: date | None = None
    for f in found:
        if f.kind is Kind.DATE and f.period is None and "日" in f.text and "年" not in f.text:
            period = resolve_date(norm, f, end)
            if period is not None and period.start == period.end:
                day = date.fromisoformat(period.start)
                latest = day if latest is None or day > latest else latest
    told = [
        date.fromisoformat(f.period.start)
        for f in found
        if f.kind is Kind.DATE
        and f.period is not None
        and "年" in f.text
        and "月" in f.text
        and f.period.start[:7] == f.period.end[:7]
    ]
    if latest is not None and told and latest < max(told):
        # "1月21日，…举行2025年…发布会" beside "2025年12月": the days written without a year are the
        # text's own, after the months it tells of, so in the year after
        latest = date(latest.year + 1, latest.month, min(latest.day, 28 if latest.month == 2 else latest.day))
    return latest or end
