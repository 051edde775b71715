"""The cells of a reference table read as the figures have them: a period as its label (2023,
2025-01/2025-11, 2024-09-04), a value with its unit in the engine's base (15.82 亿元 ->
1582000000 元, by the engine's own scanner and lexicons), a text cell on one line."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from reviewer.display import shown
from reviewer.extract import dates
from reviewer.extract.numerals import FULLWIDTH
from reviewer.extract.value_input import TypedValue, read_typed_value
from reviewer.i18n import _
from reviewer.model import Period

MONTH = re.compile(r"(?P<y>[12][0-9]{3})\s*[-./年]\s*(?P<m>[01]?[0-9])\s*月?(?:份)?")
MONTHS = re.compile(r"(?P<y>[12][0-9]{3})\s*年\s*(?P<a>[01]?[0-9])\s*月?\s*[-—–~至到]\s*(?P<b>[01]?[0-9])\s*月(?:份)?")
DAY = re.compile(r"(?P<y>[12][0-9]{3})\s*[-./年]\s*(?P<m>[01]?[0-9])\s*[-./月]\s*(?P<d>[0-3]?[0-9])\s*[日号]?")
STRETCH = "/"  # 2025-01/2025-11, 2008/2012: the two ends of a period, as the labels write them


class CellError(Exception):
    """What is wrong with one cell, in the reviewer's language (the caller names file and row)."""


def is_empty(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return isinstance(cell, str) and not cell.strip()


def cell_text(cell: object) -> str:
    """A text cell as one stripped line; a number as written (2023, not 2023.0)."""
    if is_empty(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def period_label(cell: object) -> str | None:
    """The label of the period a cell names; None for an empty cell. An Excel date on the first of
    a month is that month (Excel turns a typed "2025-01" into 2025-01-01); another day is the day."""
    if is_empty(cell):
        return None
    if isinstance(cell, datetime | date):
        day = cell.date() if isinstance(cell, datetime) else cell
        return day.strftime("%Y-%m") if day.day == 1 else day.isoformat()
    if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
        if 1000 <= cell <= 9999:
            return str(int(cell))
    text = cell_text(cell).translate(FULLWIDTH)
    period = _period(text)
    if period is None and text.count(STRETCH) == 1:
        first, last = (_period(part.strip()) for part in text.split(STRETCH))
        if first is not None and last is not None and first.start <= last.end:
            period = Period(first.start, last.end, text)
    if period is None:
        raise CellError(_("“{period}” is not a period (2023, 2025-01/2025-11, 2024-09-04)", period=shown(text, 40)))
    return period.label()


def _period(text: str) -> Period | None:
    """One period written out: 2023, 2023年, 2025-01, 2025年1-11月, 2024-09-04, 2022年一季度, 2008-2012年."""
    if not text:
        return None
    if text.isdigit() and len(text) == 4:
        text += "年"
    m = DAY.fullmatch(text)
    if m:
        try:
            iso = date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            return None
        return Period(iso, iso, text)
    m = MONTHS.fullmatch(text)
    if m:
        return dates.month_span(int(m["y"]), int(m["a"]), int(m["b"]), text)
    m = MONTH.fullmatch(text)
    if m:
        return dates.month_span(int(m["y"]), int(m["m"]), int(m["m"]), text)
    span = dates.match_arabic_date(text, 0, None)
    if span is not None and span.end == len(text) and span.period is not None:
        return span.period
    return None


def reference_value(cell: object, unit: str) -> TypedValue:
    """The value of a cell and its unit cell (15.82 and 亿元, or "15.82亿元" and nothing) in the
    engine's base: what a figure written the same way would hold."""
    if is_empty(cell):
        raise CellError(_("no value"))
    if isinstance(cell, bool):
        raise CellError(_("“{value}” is not a number", value=str(cell)))
    if isinstance(cell, int | float):
        try:
            number = format(Decimal(repr(cell) if isinstance(cell, float) else cell).normalize(), "f")
        except InvalidOperation:
            raise CellError(_("“{value}” is not a number", value=str(cell))) from None
    else:
        number = cell_text(cell)
    typed = read_typed_value(number + unit) if unit else read_typed_value(number)
    if typed is None and unit:
        alone = read_typed_value(number)
        if alone is None:
            raise CellError(_("“{value}” is not a number", value=shown(number, 40)))
        stated = read_typed_value("1" + unit)
        if alone.unit is None or stated is None:
            raise CellError(_("“{unit}” is not a unit the engine knows", unit=shown(unit, 20)))
        if stated.unit != alone.unit:
            raise CellError(_("“{value}” is not in “{unit}”", value=shown(number, 40), unit=shown(unit, 20)))
        typed = alone  # "15.82亿元" under a unit column that says it again
    if typed is None:
        raise CellError(_("“{value}” is not a number", value=shown(number, 40)))
    return typed
