"""One reviewer's decision on one figure, as agreement and adjudication read it (plain Python).

Where the decisions come from is not this module's business: today the commands read them from a
SQLite project's event log (reviewer.commands.agreement); a shared store can give the same records.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reviewer.model import Kind, Status

DECISIONS = (Status.CONFIRMED, Status.CORRECTED, Status.REJECTED)  # what a reviewer can decide


@dataclass(frozen=True)
class Version:
    """What a reviewer made of a figure; the corrected fields are set for a correction only."""

    status: Status
    value: Decimal | None = None
    unit: str | None = None
    kind: Kind | None = None
    indicator: str | None = None


@dataclass(frozen=True)
class Decision:
    figure: int
    reviewer: str
    status: Status  # one of DECISIONS
    value: Decimal | None = None  # the corrected value, unit, kind and indicator (a correction only)
    unit: str | None = None
    kind: Kind | None = None
    indicator: str | None = None

    @property
    def version(self) -> Version:
        if self.status is not Status.CORRECTED:
            return Version(self.status)
        return Version(self.status, self.value, self.unit, self.kind, self.indicator)
