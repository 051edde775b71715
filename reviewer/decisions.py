"""One reviewer's decision on one figure, as agreement and adjudication read it (plain Python).

The store keeps them as rows of its decisions table (reviewer.store.Project.reviewer_decisions);
standing_decisions_in_log reads them from an event log, for the projects made before that table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reviewer.model import Kind, Status

DECISIONS = (Status.CONFIRMED, Status.CORRECTED, Status.REJECTED)  # what a reviewer can decide
STATUSES = {s.value: s for s in Status}


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


def standing_decisions_in_log(events: Iterable[Any], figures: set[int] | None = None) -> list[tuple[Decision, Any]]:
    """Each reviewer's latest decision per figure still in force, as a project's event log
    (reviewer.store.records.Event, in order) tells it, with when it was made: an undone decision is
    no decision (and one redone is again); a reset to pending withdraws the reviewer's decision;
    adding a figure by hand confirms it. `figures`: only these (the figures the project still has).
    Each with the event that made it. What schema v7 carries over into the decisions table from a project's log."""
    decisive: dict[int, Any] = {}  # the events that decide, by id
    undone: set[int] = set()
    for event in events:
        if event.action in ("decide", "add") and event.figure_id is not None and event.reviewer:
            decisive[event.id] = event
        elif event.action == "undo" and event.reverts is not None:
            undone.add(event.reverts)
        elif event.action == "redo" and event.reverts is not None:
            undone.discard(event.reverts)
    latest: dict[tuple[int, str], Any] = {}
    for event_id, event in decisive.items():  # in the log's order: a later one replaces an earlier
        if event_id not in undone and (figures is None or event.figure_id in figures):
            latest[(event.figure_id, event.reviewer)] = event
    out = []
    for (figure, reviewer), event in latest.items():
        decision = _decision_of_event(figure, reviewer, event)
        if decision is not None:
            out.append((decision, event))
    return out


def _decision_of_event(figure: int, reviewer: str, event: Any) -> Decision | None:
    if event.action == "add":
        return Decision(figure, reviewer, Status.CONFIRMED)
    new = event.new or {}
    status = STATUSES.get(str(new.get("status")), Status.PENDING)
    if status is Status.PENDING:
        return None
    return stored_decision(
        figure,
        reviewer,
        status,
        new.get("corrected_value"),
        new.get("corrected_unit"),
        new.get("corrected_kind"),
        new.get("corrected_indicator"),
    )


def stored_decision(
    figure: int,
    reviewer: str,
    status: Status,
    value: str | None,
    unit: str | None,
    kind: str | None,
    indicator: str | None,
) -> Decision:
    """A decision from the texts a store keeps (its decisions rows, its log): the corrected fields
    for a correction only."""
    if status is not Status.CORRECTED:
        return Decision(figure, reviewer, status)
    return Decision(
        figure,
        reviewer,
        status,
        value=None if value in (None, "") else Decimal(value),
        unit=unit,
        kind=Kind(kind) if kind else None,
        indicator=indicator,
    )
