"""Dates and referred periods: recognized so they are kept apart from figures, and resolved
against the document's date so a figure knows the period it speaks of.

All patterns run on the width-normalized text (ASCII digits) and are anchored at a position, so
their cost is bounded by the length of a date, whatever the input. They match ASCII digits only
([0-9], not \\d, which also matches ٣ and 𝟏), the digits the scanner reads.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from reviewer.extract.numerals import parse_chinese
from reviewer.model import Period

SEP = r"[-/.]"
ARABIC_DATE = re.compile(
    r"(?P<iso>(?P<iy>[12][0-9]{3})" + SEP + r"(?P<im>[01]?[0-9])" + SEP + r"(?P<id>[0-3]?[0-9]))(?![0-9])"
    r"|(?P<yrange>(?P<ry1>[12][0-9]{3})\s*[-—–~～至到]\s*(?P<ry2>[12][0-9]{3})年?)(?![0-9])"
    r"|(?P<ymd>(?P<y>[12][0-9]{3})[ \u3000]?年"  # PDF text spaces dates: "2024 年 12 月 31 日"
    r"(?:[ \u3000]?(?P<m>[01]?[0-9])[ \u3000]?月(?:份)?(?:[ \u3000]?(?P<d>[0-3]?[0-9])[ \u3000]?[日号])?)?"
    r"(?P<ypart>[上下]半年|[一二三四1-4]季度|前[一二三1-3]季度|底|初|末)?)"
    r"|(?P<mrange>(?P<rm1>[01]?[0-9])\s*[-—–~～至到]\s*(?P<rm2>[01]?[0-9])[ \u3000]?月(?:份)?)"
    r"|(?P<md>(?P<m2>[01]?[0-9])[ \u3000]?月(?:份)?(?:[ \u3000]?(?P<d2>[0-3]?[0-9])[ \u3000]?[日号])?)(?![0-9])"
    r"|(?P<day>(?P<d3>[0-3]?[0-9])[日号])(?![0-9])"
    r"|(?P<hm>(?P<hh>[0-2]?[0-9])[:：](?P<mm>[0-5][0-9]))(?![0-9])"
)
CN_NUM = "零〇一二两三四五六七八九十"
CHINESE_DATE = re.compile(
    rf"(?P<cyear>[{CN_NUM}]{{4}})年"
    rf"|(?P<cmonth>[{CN_NUM}]{{1,3}})月(?:份)?(?:(?P<cday>[{CN_NUM}]{{1,3}})[日号])?"
    rf"|(?P<cquarter>[一二三四])季度"
)
# "前11个月", "前三季度": a period counted from the start of the year.
LEADING_PERIOD = re.compile(rf"前(?P<n>[0-9]{{1,2}}|[{CN_NUM}]{{1,2}})(?P<u>个月|月|季度)")


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    period: Period | None


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    value = parse_chinese(text)
    return None if value is None else int(value)


def _month_span(year: int, first: int, last: int, text: str) -> Period | None:
    if not (1 <= first <= last <= 12 and 1000 <= year <= 9999):
        return None
    end_day = calendar.monthrange(year, last)[1]
    return Period(f"{year:04d}-{first:02d}-01", f"{year:04d}-{last:02d}-{end_day:02d}", text)


month_span = _month_span  # for the period rules (periods.py and its collaborators)


def _day(year: int, month: int, day: int, text: str) -> Period | None:
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    return Period(iso, iso, text)


def _quarter_span(year: int, part: str, text: str) -> Period | None:
    if part in ("上半年",):
        return _month_span(year, 1, 6, text)
    if part in ("下半年",):
        return _month_span(year, 7, 12, text)
    if part.startswith("前"):
        n = _int(part[1]) or 0
        return _month_span(year, 1, 3 * n, text) if 1 <= n <= 3 else None
    if part.endswith("季度"):
        n = _int(part[0]) or 0
        return _month_span(year, 3 * n - 2, 3 * n, text) if 1 <= n <= 4 else None
    if part == "底" or part == "末":
        return _month_span(year, 1, 12, text)  # a year-end balance (年末, 年底) is the year's
    if part == "初":
        return _month_span(year, 1, 1, text)
    return None


def _year_before(doc_date: date | None, month: int, day: int = 1) -> int | None:
    """The year of a month or day written without one: the latest not after the document."""
    if doc_date is None:
        return None
    year = doc_date.year
    if (month, day) > (doc_date.month, doc_date.day):
        year -= 1
    return year


def match_arabic_date(norm: str, pos: int, doc_date: date | None) -> DateSpan | None:
    m = ARABIC_DATE.match(norm, pos)
    if not m:
        return None
    text = m.group()
    if m.group("iso"):
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        period = _day(y, mo, d, text)
        if period is None:
            return None
        return DateSpan(pos, m.end(), period)
    if m.group("yrange"):
        y1, y2 = int(m["ry1"]), int(m["ry2"])
        if not 1900 <= y1 < y2 <= 2199:
            return None
        return DateSpan(pos, m.end(), Period(f"{y1}-01-01", f"{y2}-12-31", text))
    if m.group("ymd"):
        y = int(m["y"])
        if not 1000 <= y <= 2999:
            return None
        if m["m"]:
            mo = int(m["m"])
            if not 1 <= mo <= 12:
                return None
            if m["d"]:
                return DateSpan(pos, m.end(), _day(y, mo, int(m["d"]), text))
            return DateSpan(pos, m.end(), _month_span(y, mo, mo, text))
        if m["ypart"]:
            return DateSpan(pos, m.end(), _quarter_span(y, m["ypart"], text))
        return DateSpan(pos, m.end(), _month_span(y, 1, 12, text))
    if m.group("mrange"):
        a, b = int(m["rm1"]), int(m["rm2"])
        if not 1 <= a < b <= 12:
            return None
        year = _year_before(doc_date, b)
        period = _month_span(year, a, b, text) if year else None
        return DateSpan(pos, m.end(), period)
    if m.group("md"):
        mo = int(m["m2"])
        if not 1 <= mo <= 12:
            return None
        day = int(m["d2"]) if m["d2"] else None
        if day is not None and not 1 <= day <= 31:
            return None
        year = _year_before(doc_date, mo, day or 1)
        if year is None:
            return DateSpan(pos, m.end(), None)
        period = _day(year, mo, day, text) if day else _month_span(year, mo, mo, text)
        return DateSpan(pos, m.end(), period)
    if m.group("day"):
        day = int(m["d3"])
        return DateSpan(pos, m.end(), None) if 1 <= day <= 31 else None
    if m.group("hm"):
        return DateSpan(pos, m.end(), None) if int(m["hh"]) <= 24 else None
    return None


def match_chinese_date(text: str, pos: int, doc_date: date | None) -> DateSpan | None:
    m = CHINESE_DATE.match(text, pos)
    if not m:
        return None
    if m["cyear"]:
        if any(c in "十" for c in m["cyear"]):
            return None
        y = _int(m["cyear"])
        return DateSpan(pos, m.end(), _month_span(y, 1, 12, m.group())) if y and y >= 1000 else None
    if m["cmonth"]:
        mo = _int(m["cmonth"])
        if mo is None or not 1 <= mo <= 12:
            return None
        day = _int(m["cday"]) if m["cday"] else None
        year = _year_before(doc_date, mo, day or 1)
        period = None
        if year:
            period = _day(year, mo, day, m.group()) if day else _month_span(year, mo, mo, m.group())
        return DateSpan(pos, m.end(), period)
    if m["cquarter"]:
        year = doc_date.year if doc_date else None
        period = _quarter_span(year, m.group(), m.group()) if year else None
        return DateSpan(pos, m.end(), period)
    return None


def match_leading_period(norm: str, pos: int, doc_date: date | None, year_word: str | None) -> DateSpan | None:
    """'前11个月' at pos (pos points at 前): January up to month N of the year meant."""
    m = LEADING_PERIOD.match(norm, pos)
    if not m:
        return None
    n = _int(m["n"])
    if not n:
        return None
    months = n * 3 if m["u"] == "季度" else n
    if not 1 <= months <= 12:
        return None
    period = None
    if doc_date:
        year = doc_date.year
        if year_word == "last_year":
            year -= 1
        elif year_word is None and months >= doc_date.month and doc_date.month < 12:
            # "前11个月" in a January report speaks of last year
            year -= 1 if months > doc_date.month else 0
        period = _month_span(year, 1, months, m.group())
    return DateSpan(pos, m.end(), period)


# Years in shapes a scanner would otherwise read as counts
MARKER_BEFORE_YEAR = re.compile(r"[0-9]{1,2}\.(?:19|20)[0-9]{2}")  # "7.2022年": item 7, then a year
CHINESE_DIGITS = "〇零一二三四五六七八九"


def year_after_marker(norm: str, s: int, end: int, written: str, doc_date: date | None) -> DateSpan | None:
    """'7.2022年十件民生实事': list marker 7. glued to the year its item begins with."""
    if not norm.startswith("年", end) or not MARKER_BEFORE_YEAR.fullmatch(written):
        return None
    return match_arabic_date(norm, s + written.index(".") + 1, doc_date)


def decade(norm: str, s: int, end: int) -> DateSpan | None:
    """'80年代', '1990年代': a decade is a date, not a count of years."""
    if not norm.startswith("年代", end) or end - s not in (2, 4) or norm[end - 1] != "0":
        return None
    return DateSpan(s, end + 2, None)


def year_half_in_chinese(norm: str, s: int, end: int) -> DateSpan | None:
    """'一九九0年': a year begun in Chinese digits and ended in Arabic ones is a date."""
    at = s
    while at > 0 and norm[at - 1] in CHINESE_DIGITS and s - at < 3:
        at -= 1
    if at == s or (s - at) + (end - s) != 4 or not norm.startswith("年", end):
        return None
    return DateSpan(at, end + 1, None)
