"""Title and date of a document, found in its text where it gives them."""

from __future__ import annotations

import re
from datetime import date

FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|\.|-|/)\s*(\d{1,2})\s*(?:月|\.|-|/)\s*(\d{1,2})\s*日?(?!\d)")
DATE_ONLY_LINE = re.compile(r"[\s\d.\-/:：年月日星期一二三四五六天—>]+")
HEAD, TAIL = 600, 300


def find_date(text: str) -> date | None:
    """The document's own date: the first full date in its head ("2026年1月28日在...",
    "2025.12.25 星期四"), else the last one in its tail (a closing date line)."""
    head = _dates(text[:HEAD])
    if head:
        return head[0]
    tail = _dates(text[-TAIL:])
    return tail[-1] if tail else None


def leading_date(text: str) -> date | None:
    """The date `text` opens with ('2026-06-12', '2022-04-13T08:30:00+08:00', '2025年12月25日'),
    or None where it opens with none or one that is no day."""
    m = FULL_DATE.match(text.strip())
    found = _dates(m.group()) if m is not None else []
    return found[0] if found else None


def trailing_date_line(text: str) -> date | None:
    """The date of a closing line that holds nothing but a date ("2025-07-26")."""
    for line in reversed(text.strip().splitlines()[-3:]):
        line = line.strip()
        if line and DATE_ONLY_LINE.fullmatch(line):
            found = _dates(line)
            if found:
                return found[-1]
    return None


def _dates(chunk: str) -> list[date]:
    found = []
    for m in FULL_DATE.finditer(chunk):
        try:
            found.append(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            continue
    return found


def find_title(text: str) -> str | None:
    """The first line that reads as a heading: not a date, not a page number, not too long."""
    for line in text.splitlines()[:40]:
        line = line.strip().strip("-—").strip()
        if 2 <= len(line) <= 60 and not DATE_ONLY_LINE.fullmatch(line):
            return line
    return None
