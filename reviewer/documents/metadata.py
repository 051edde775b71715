"""Title and date of a document, found in its text."""
from __future__ import annotations

import re
from datetime import date

DATE_PATTERNS = (
    re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?(?!\d)"),
)


def find_date(text: str) -> date | None:
    """The document's own date: the first full date in its head, else the last in its tail."""
    head, tail = text[:600], text[-300:]
    for chunk, pick_last in ((head, False), (tail, True)):
        found = []
        for pattern in DATE_PATTERNS:
            for m in pattern.finditer(chunk):
                try:
                    found.append((m.start(), date(int(m[1]), int(m[2]), int(m[3]))))
                except ValueError:
                    continue
        if found:
            found.sort()
            return found[-1][1] if pick_last else found[0][1]
    return None


def find_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().strip("-—").strip()
        if 2 <= len(line) <= 80 and not re.fullmatch(r"[\d\s.\-/:年月日]+", line):
            return line
    return None
