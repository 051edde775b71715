"""A document's date and reporting period as a reviewer types them, read strictly.

A date is 2024-01-15 (also 2024/1/15, 2024.1.15, 2024年1月15日); a reporting period is one of the
labels the project shows for a figure's period: 2025 (a year), 2008/2012 (years), 2025-03 (a
month), 2025-01/2025-11 (months), 2024-09-04 (a day), 2025-01-01/2025-06-30 (days). Anything else
is refused with one line naming it; nothing is guessed."""

from __future__ import annotations

import calendar
import re
from datetime import date

from reviewer.i18n import _
from reviewer.model import Period
from reviewer.store.errors import StoreError

_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$")
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # a report's date outside these is a typing mistake


class BadDate(StoreError):
    """A date or reporting period the reviewer typed that cannot be read."""


def parse_date(text: str) -> date:
    """'2024-01-15' -> date(2024, 1, 15); a BadDate naming the text otherwise."""
    match = _DATE.match(text or "")
    try:
        if not match:
            raise ValueError(text)
        year, month, day = (int(g) for g in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(text)
        return date(year, month, day)
    except ValueError:
        raise BadDate(_("{text}: not a date (write it as 2024-01-15)", text=(text or "").strip() or "“”")) from None


def parse_period(text: str) -> Period:
    """A reporting period from its label ('2025', '2025-01/2025-11', ...); BadDate otherwise."""
    label = (text or "").strip().replace("—", "/").replace("–", "/").replace(" ", "")
    parts = label.split("/")
    try:
        if len(parts) not in (1, 2) or not all(parts):
            raise ValueError(label)
        first, last = _bounds(parts[0]), _bounds(parts[-1])
        if len(parts) == 2 and _shape(parts[0]) != _shape(parts[1]):
            raise ValueError(label)
        start, end = first[0], last[1]
        if start > end:
            raise ValueError(label)
        return Period(start.isoformat(), end.isoformat(), label)
    except ValueError:
        raise BadDate(
            _(
                "{text}: not a reporting period (write it as 2025, 2025-01/2025-11 or 2025-01-01/2025-06-30)",
                text=(text or "").strip() or "“”",
            )
        ) from None


def checked_date(value: date | str | None) -> date | None:
    """A date as given, or read from its text (an empty text: no date)."""
    if isinstance(value, str):
        return parse_date(value) if value.strip() else None
    return value


def checked_period(value: Period | str | None) -> Period | None:
    """A reporting period as given (its dates checked), or read from its label (empty: None)."""
    if isinstance(value, str):
        return parse_period(value) if value.strip() else None
    if value is not None:
        try:
            start, end = date.fromisoformat(value.start), date.fromisoformat(value.end)
            if start > end or not FIRST_YEAR <= start.year <= LAST_YEAR or end.year > LAST_YEAR:
                raise ValueError(value)
        except (TypeError, ValueError):
            raise BadDate(
                _(
                    "{text}: not a reporting period (write it as 2025, 2025-01/2025-11 or 2025-01-01/2025-06-30)",
                    text=f"{value.start}/{value.end}",
                )
            ) from None
    return value


def period_of_label(label: str | None) -> Period | None:
    """A stored figure's period label as dates, where it is one (None otherwise, never an error)."""
    if not label:
        return None
    try:
        return parse_period(label)
    except BadDate:
        return None


def _shape(part: str) -> int:
    return part.count("-")


def _bounds(part: str) -> tuple[date, date]:
    """The first and last day a year, month or day label covers."""
    for pattern in (_YEAR, _MONTH, _DAY):
        match = pattern.match(part)
        if match:
            break
    else:
        raise ValueError(part)
    numbers = [int(g) for g in (match.groups() or (part,))]
    year = numbers[0]
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(part)
    if len(numbers) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    if len(numbers) == 2:
        month = numbers[1]
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(*numbers)
    return day, day
