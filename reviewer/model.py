"""The shared vocabulary of every layer: plain frozen dataclasses, no behaviour, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):  # str() and f-strings give "money", not "Kind.MONEY"
    MONEY = "money"
    QUANTITY = "quantity"
    PERCENT = "percent"
    PP = "pp"
    MULTIPLE = "multiple"
    FRACTION = "fraction"
    RANK = "rank"
    DATE = "date"


class Status(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Period:
    """The stretch of time a figure refers to, as ISO dates (inclusive)."""

    start: str
    end: str
    text: str  # as written: "今年前11个月"

    def label(self) -> str:
        """'2025' for a whole year, '2025-01/2025-11' for months, '2025-12-16' for a day."""
        if self.start == self.end:
            return self.start
        if self.start[4:] == "-01-01" and self.end[4:] == "-12-31":
            return self.start[:4] if self.start[:4] == self.end[:4] else f"{self.start[:4]}/{self.end[:4]}"
        if self.start.endswith("-01") and _is_month_end(self.end):
            first, last = self.start[:7], self.end[:7]
            return first if first == last else f"{first}/{last}"
        return f"{self.start}/{self.end}"


def _is_month_end(iso: str) -> bool:
    import calendar

    year, month, day = (int(p) for p in iso.split("-"))
    return day == calendar.monthrange(year, month)[1]


@dataclass(frozen=True)
class TablePlace:
    """Where a figure read from a table cell stands (GUIDE.md, "Figures in tables"): what a clerk
    needs beside the value to find it again, and the statement its unit was taken from."""

    caption: str | None = None  # 表1 2018年年末人口数及其构成
    row_label: str | None = None  # 其中：城镇 (the row's first cell, as written)
    column_label: str | None = None  # 年末数（万人）; header rows over the column joined by " / "
    unit_source: str | None = None  # 单位：万人, 年末数（万人）, 亿人次 (the row's unit cell)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    kind: Kind
    value: Decimal | None = None
    value_high: Decimal | None = None
    unit: str | None = None
    approx: str | None = None
    indicator: str | None = None
    change: str | None = None
    period: Period | None = None
    confidence: float = 1.0
    reasons: tuple[str, ...] = field(default_factory=tuple)
    table: TablePlace | None = None  # set for a figure read from a table's cell

    @property
    def is_date(self) -> bool:
        return self.kind is Kind.DATE

    def to_json(self) -> dict:
        """The prediction format read by the gold scorer and written by `reviewer extract`."""
        row = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "value": json_number(self.value),
            "value_high": json_number(self.value_high),
            "value_exact": None if self.value is None else _plain(self.value),
            "unit": self.unit,
            "approx": self.approx,
            "indicator": self.indicator,
            "change": self.change,
            "period": self.period.label() if self.period else None,
            "confidence": round(self.confidence, 3),
            "reason": "; ".join(self.reasons) or None,
        }
        if self.table is not None:
            row["table"] = self.table.caption
            row["row_label"] = self.table.row_label
            row["column_label"] = self.table.column_label
            row["unit_source"] = self.table.unit_source
        return row


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def json_number(value: Decimal | None) -> float | int | None:
    """An exact value as JSON can hold it: an int where it is whole and safe, else a float."""
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return float(value)
