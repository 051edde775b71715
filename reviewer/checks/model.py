"""What the checks read (a document's text and its figures as the reviewer has them) and what
they give (findings). Neutral of the store: the commands build CheckFigures from StoredFigures
(final values: a correction counts, a rejected figure is left out) or from the engine's Figures."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from reviewer.grid import Table
from reviewer.model import Figure, Kind


class Severity(StrEnum):
    ERROR = "error"  # the figures cannot all be right at their written precision
    WARNING = "warning"  # very likely wrong, but a reading exists where they hold
    NOTE = "note"  # worth a look: revisions, comparable-basis growth, rounding of official tables


@dataclass(frozen=True)
class CheckFigure:
    ref: Hashable  # the caller's handle: a stored figure's id, or the index in the engine's list
    document: str  # the document's name as the reviewer knows it (file name or title)
    start: int  # offsets in the document's text, as `reviewer extract` gives them
    end: int
    text: str
    kind: Kind
    value: Decimal | None
    value_high: Decimal | None = None
    unit: str | None = None
    approx: str | None = None
    indicator: str | None = None
    change: str | None = None
    period: str | None = None  # the label: 2023, 2025-01/2025-11
    row_label: str | None = None  # for a figure in a table's cell
    column_label: str | None = None
    table_caption: str | None = None

    @classmethod
    def of_figure(cls, figure: Figure, ref: Hashable, document: str) -> CheckFigure:
        place = figure.table
        return cls(
            ref=ref,
            document=document,
            start=figure.start,
            end=figure.end,
            text=figure.text,
            kind=figure.kind,
            value=figure.value,
            value_high=figure.value_high,
            unit=figure.unit,
            approx=figure.approx,
            indicator=figure.indicator,
            change=figure.change,
            period=figure.period.label() if figure.period else None,
            row_label=place.row_label if place else None,
            column_label=place.column_label if place else None,
            table_caption=place.caption if place else None,
        )


@dataclass(frozen=True)
class CheckDocument:
    name: str
    text: str
    figures: tuple[CheckFigure, ...]  # in text order
    tables: tuple[Table, ...] = ()
    date: str | None = None  # the document's date, ISO (for the rules across a project's years)


@dataclass(frozen=True)
class Finding:
    rule: str  # the rule's id in resources/checks/rules.tsv: "parts-total", "growth-levels"
    severity: Severity
    message: str  # one line naming both sides, in the reviewer's language (reviewer.i18n._)
    figures: tuple[CheckFigure, ...]  # the figures of the relation, the suspect one first
    document: str = ""  # the document of the first figure
    details: dict = field(default_factory=dict, compare=False)  # computed sides, for JSON

    @property
    def key(self) -> str:
        """Stable over re-runs and corrections (offsets, not values): a decision on a finding
        (accepted with a reason) is kept by this key."""
        places = ",".join(f"{f.document}:{f.start}-{f.end}" for f in sorted(self.figures, key=_place))
        return f"{self.rule}|{places}"


def _place(figure: CheckFigure) -> tuple[str, int, int]:
    return (figure.document, figure.start, figure.end)
