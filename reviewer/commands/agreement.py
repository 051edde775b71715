"""`reviewer agreement PROJECT [--json]`: how far the project's reviewers agree, per pair and
overall; and where the decisions come from today, each reviewer's own latest decision per figure
read from a SQLite project's event log.

The log is what keeps one reviewer's decision after another's replaced it on the figure. Its
limits on SQLite today (the shared store, with a row per reviewer, lifts them): a decision that
changes nothing, as a second reviewer confirming a figure the first confirmed, is not written, so
it is not counted; a decision without a reviewer's name cannot be told apart and is left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from reviewer.agreement import Agreement, Measures, agreement
from reviewer.decisions import Decision
from reviewer.display import shown
from reviewer.i18n import _
from reviewer.model import Kind, Status
from reviewer.store import Project
from reviewer.store.records import Event

STATUSES = {s.value: s for s in Status}


def reviewer_decisions(events: Iterable[Event], figures: set[int] | None = None) -> list[Decision]:
    """Each reviewer's latest decision per figure still in force: an undone decision is no
    decision (and one redone is again); a reset to pending withdraws the reviewer's decision;
    adding a figure by hand confirms it. `figures`: only these (the figures the project still has)."""
    decisive: dict[int, Event] = {}  # the events that decide, by id
    undone: set[int] = set()
    for event in events:
        if event.action in ("decide", "add") and event.figure_id is not None and event.reviewer:
            decisive[event.id] = event
        elif event.action == "undo" and event.reverts is not None:
            undone.add(event.reverts)
        elif event.action == "redo" and event.reverts is not None:
            undone.discard(event.reverts)
    latest: dict[tuple[int, str], Event] = {}
    for event_id, event in decisive.items():  # in the log's order: a later one replaces an earlier
        assert event.figure_id is not None and event.reviewer is not None
        if event_id not in undone and (figures is None or event.figure_id in figures):
            latest[(event.figure_id, event.reviewer)] = event
    out = []
    for (figure, reviewer), event in latest.items():
        decision = _decision(figure, reviewer, event)
        if decision is not None:
            out.append(decision)
    return out


def _decision(figure: int, reviewer: str, event: Event) -> Decision | None:
    if event.action == "add":
        return Decision(figure, reviewer, Status.CONFIRMED)
    new = event.new or {}
    status = STATUSES.get(new.get("status"), Status.PENDING)
    if status is Status.PENDING:
        return None
    if status is not Status.CORRECTED:
        return Decision(figure, reviewer, status)
    value = new.get("corrected_value")
    kind = new.get("corrected_kind")
    return Decision(
        figure,
        reviewer,
        status,
        value=None if value in (None, "") else Decimal(value),
        unit=new.get("corrected_unit"),
        kind=Kind(kind) if kind else None,
        indicator=new.get("corrected_indicator"),
    )


def project_decisions(project: Project) -> list[Decision]:
    return reviewer_decisions(project.events(), {f.id for f in project.figures()})


def project_agreement(project: Project) -> Agreement:
    return agreement(project_decisions(project))


def run_agreement(project_path: Path, as_json: bool = False) -> int:
    with Project.open(project_path, read_only=True) as project:
        result = project_agreement(project)
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    if len(result.reviewers) < 2:
        print(_("{count} reviewer decided figures: nothing to compare", count=len(result.reviewers)))
        return 0
    print(_("{count} reviewers: {names}", count=len(result.reviewers),
            names=_(", ").join(shown(r) for r in result.reviewers)))
    for pair in result.pairs:
        print(_("{first} / {second}: {measures}", first=shown(pair.first), second=shown(pair.second),
                measures=measures_line(pair.measures)))
    print(_("overall: {measures}", measures=measures_line(result.overall, overall=True)))
    return 0


def measures_line(m: Measures, overall: bool = False) -> str:
    text = (
        _(
            "{figures} figures decided by two reviewers or more, agreement {agreement}, kappa {kappa}, "
            "alpha {alpha}; {corrected} corrected by two or more, same value and unit {same}"
        )
        if overall
        else _(
            "{figures} figures decided by both, agreement {agreement}, kappa {kappa}, alpha {alpha}; "
            "{corrected} corrected by both, same value and unit {same}"
        )
    )
    return text.format(
        figures=m.figures,
        agreement=_share(m.agreement),
        kappa=_number(m.kappa),
        alpha=_number(m.alpha),
        corrected=m.corrected,
        same=_share(m.same_correction),
    )


def _share(value: float | None) -> str:
    return _("n/a") if value is None else f"{value:.1%}"


def _number(value: float | None) -> str:
    return _("n/a") if value is None else f"{value:.3f}"
