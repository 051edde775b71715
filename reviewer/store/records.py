"""Rows of a project as plain frozen dataclasses (what the window, CLI and exporters read)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reviewer.documents.tables import Table
from reviewer.model import Figure, Kind, Period, Status

REVIEW_FIELDS = (
    "status",
    "corrected_value",
    "corrected_unit",
    "corrected_kind",
    "corrected_indicator",
    "note",
    "reviewer",
    "decided_at",
    "removed",
    "orphaned",
    "settled",
)


@dataclass(frozen=True)
class StoredDocument:
    id: int
    source: str
    title: str
    date: date | None
    format: str
    encoding: str | None
    size: int
    sha256: str
    imported_at: str
    source_changed: bool
    text: str | None = None  # loaded on request: documents can be large
    page_starts: tuple[int, ...] = ()
    article: int | None = None  # the article's number in a split file (source is the file)
    tables: tuple[Table, ...] = ()  # loaded with the text: the document's tables as structure
    tables_known: bool = True  # False where they are not: stored before v4, or unreadable in the file
    reporting: Period | None = None  # the reporting period the reviewer set; None: the engine infers it

    def page_at(self, offset: int) -> int | None:
        import bisect

        return max(1, bisect.bisect_right(self.page_starts, offset)) if self.page_starts else None


@dataclass(frozen=True)
class StoredFigure:
    id: int
    document_id: int
    start: int
    end: int
    text: str
    kind: Kind
    value: Decimal | None
    value_high: Decimal | None
    unit: str | None
    approx: str | None
    indicator: str | None
    change: str | None
    period: str | None
    confidence: float
    reason: str | None
    engine_version: str
    manual: bool
    status: Status
    corrected_value: Decimal | None
    corrected_unit: str | None
    corrected_kind: Kind | None
    corrected_indicator: str | None
    note: str | None
    reviewer: str | None
    decided_at: str | None
    orphaned: bool
    removed: bool
    # where a figure read from a table cell stands (model.TablePlace); None for prose
    table_caption: str | None = None
    row_label: str | None = None
    column_label: str | None = None
    unit_source: str | None = None
    # the period as ISO dates (inclusive) beside its label `period`; None where it has none
    period_start: str | None = None
    period_end: str | None = None
    # on a server, how the final decision came: "agreed" by its reviewers, or "adjudicated"
    settled: str | None = None

    @property
    def final_value(self) -> Decimal | None:
        return self.corrected_value if self.corrected_value is not None else self.value

    @property
    def final_unit(self) -> str | None:
        return self.corrected_unit or self.unit

    @property
    def final_kind(self) -> Kind:
        return self.corrected_kind or self.kind

    @property
    def final_indicator(self) -> str | None:
        return self.corrected_indicator or self.indicator

    def review_state(self) -> dict:
        return {name: _plain(getattr(self, name)) for name in REVIEW_FIELDS}


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    reviewer: str | None
    action: str
    document_id: int | None
    figure_id: int | None
    old: dict | None
    new: dict | None
    reverts: int | None
    command: int | None = None  # the events of one review command share it: one undo step


@dataclass(frozen=True)
class Progress:
    total: int
    pending: int
    confirmed: int
    corrected: int
    rejected: int
    orphaned: int = 0

    @property
    def reviewed(self) -> int:
        return self.total - self.pending

    @property
    def share(self) -> float:
        return self.reviewed / self.total if self.total else 1.0


@dataclass(frozen=True)
class ReviewerProgress:
    """One reviewer's part: the figures whose decision stands in their name, and how many
    decisions they made in all (the log's decide events, so changed minds count too)."""

    name: str | None  # None: decisions recorded without a name
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    decisions: int = 0
    # decided, but how is not shown: another reviewer's decisions on a shared project (blind review)
    withheld: int = 0

    @property
    def decided(self) -> int:
        return self.confirmed + self.corrected + self.rejected + self.withheld


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (Kind, Status)):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def decimal_or_none(text: str | None) -> Decimal | None:
    return None if text is None or text == "" else Decimal(text)


def figure_from_row(row) -> StoredFigure:
    return StoredFigure(
        id=row["id"],
        document_id=row["document_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        kind=Kind(row["kind"]),
        value=decimal_or_none(row["value"]),
        value_high=decimal_or_none(row["value_high"]),
        unit=row["unit"],
        approx=row["approx"],
        indicator=row["indicator"],
        change=row["change"],
        period=row["period"],
        confidence=row["confidence"],
        reason=row["reason"],
        engine_version=row["engine_version"],
        manual=bool(row["manual"]),
        status=Status(row["status"]),
        corrected_value=decimal_or_none(row["corrected_value"]),
        corrected_unit=row["corrected_unit"],
        corrected_kind=Kind(row["corrected_kind"]) if row["corrected_kind"] else None,
        corrected_indicator=row["corrected_indicator"],
        note=row["note"],
        reviewer=row["reviewer"],
        decided_at=row["decided_at"],
        orphaned=bool(row["orphaned"]),
        removed=bool(row["removed"]),
        table_caption=row["table_caption"],
        row_label=row["row_label"],
        column_label=row["column_label"],
        unit_source=row["unit_source"],
        period_start=row["period_start"],
        period_end=row["period_end"],
        settled=row["settled"],
    )


def event_from_row(row) -> Event:
    return Event(
        id=row["id"],
        at=row["at"],
        reviewer=row["reviewer"],
        action=row["action"],
        document_id=row["document_id"],
        figure_id=row["figure_id"],
        old=json.loads(row["old"]) if row["old"] else None,
        new=json.loads(row["new"]) if row["new"] else None,
        reverts=row["reverts"],
        # the first event of a command is named by its own id (its command column empty since v7)
        command=row["command"] if row["command"] is not None else row["id"],
    )


def figure_values(figure: Figure) -> dict:
    """A freshly extracted figure as column values."""
    return {
        "start": figure.start,
        "end": figure.end,
        "text": figure.text,
        "kind": figure.kind.value,
        "value": None if figure.value is None else str(figure.value),
        "value_high": None if figure.value_high is None else str(figure.value_high),
        "unit": figure.unit,
        "approx": figure.approx,
        "indicator": figure.indicator,
        "change": figure.change,
        "period": figure.period.label() if figure.period else None,
        "period_start": figure.period.start if figure.period else None,
        "period_end": figure.period.end if figure.period else None,
        "confidence": figure.confidence,
        "reason": "; ".join(figure.reasons) or None,
        **place_values(figure),
    }


PLACE_COLUMNS = ("table_caption", "row_label", "column_label", "unit_source")


def place_values(figure: Figure) -> dict:
    """Where a figure read from a table cell stands, as column values (all None for prose)."""
    place = figure.table
    if place is None:
        return dict.fromkeys(PLACE_COLUMNS)
    return {
        "table_caption": place.caption,
        "row_label": place.row_label,
        "column_label": place.column_label,
        "unit_source": place.unit_source,
    }


@dataclass(frozen=True)
class FindingDecision:
    """A reviewer's decision on a check's finding, kept by the finding's key (reviewer.checks
    Finding.key: its rule and its figures' places, stable over corrections)."""

    key: str
    rule: str
    state: str  # "accepted": the figures are right as they are, for `reason`
    reason: str | None
    message: str | None  # the finding's message when it was decided, for a finding since gone
    reviewer: str | None
    at: str
    # the rest of the finding as it was decided on, so a finding since gone is still shown whole
    severity: str | None = None
    document: str | None = None  # its document's name
    figures: str | None = None  # JSON [{start, end, text, kind, value, unit}]


def decision_from_row(row) -> FindingDecision:
    return FindingDecision(
        key=row["key"],
        rule=row["rule"],
        state=row["state"],
        reason=row["reason"],
        message=row["message"],
        reviewer=row["reviewer"],
        at=row["at"],
        severity=row["severity"],
        document=row["document"],
        figures=row["figures"],
    )
