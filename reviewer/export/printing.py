"""How a sheet goes on paper: A4 landscape, the columns a reader needs, at a scale that keeps the
11 pt text at 8 pt or more (fit-to-width of every column printed it at about 3 pt).

Column widths are in Excel's unit: characters of the default font's digit, 7 pixels for Calibri
11 at 96 pixels an inch, plus 5 pixels of padding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PAPER_WIDTH_IN = 11.69  # A4 landscape
MARGIN_IN = 0.4  # left and right, as the sheet's pageMargins say
PIXELS_PER_INCH = 96
FONT_PT = 11
SMALLEST_PRINTED_PT = 8
SAFETY = 1.04  # applications measure columns a little differently
MIN_SCALE = math.ceil(100 * SMALLEST_PRINTED_PT / FONT_PT) + 1  # 74%: 11 pt prints at 8.1 pt


def column_pixels(width: float) -> float:
    return width * 7 + 5


def printable_pixels() -> float:
    return (PAPER_WIDTH_IN - 2 * MARGIN_IN) * PIXELS_PER_INCH


def scale_for(widths: list[float]) -> int:
    """The largest print scale (percent, at most 100) at which these columns fit the page width."""
    needed = sum(column_pixels(w) for w in widths) * SAFETY
    return min(100, math.floor(100 * printable_pixels() / needed)) if needed else 100


@dataclass(frozen=True)
class PrintLayout:
    widths: list[float]  # every column's width (the printed ones possibly narrowed)
    columns: int  # the first `columns` columns are printed
    scale: int  # percent, >= MIN_SCALE


def print_layout(widths: list[float], printed: int, floors: list[float | None]) -> PrintLayout:
    """Narrow the printed columns that wrap their text (those with a floor), the one furthest
    above its floor first, until the printed columns fit the page at MIN_SCALE; when that is
    not enough, print fewer columns."""
    widths = list(widths)
    columns = max(1, min(printed, len(widths)))
    while scale_for(widths[:columns]) < MIN_SCALE:
        room = [
            (widths[i] - floor, i)
            for i in range(columns)
            if (floor := floors[i]) is not None and widths[i] > floor + 0.5
        ]
        if room:
            excess, i = max(room)
            widths[i] -= max(0.5, min(excess, widths[i] * 0.1))
        elif columns > 1:
            columns -= 1
        else:
            break
    return PrintLayout(widths, columns, max(MIN_SCALE, scale_for(widths[:columns])))
