"""`reviewer agreement PROJECT [--json]`: how far the project's reviewers agree, per pair and
overall, over each reviewer's standing decision per figure (the project's decisions rows: a .frp
file or a shared project). A decision recorded without a reviewer's name cannot be told apart and
is left out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from reviewer.agreement import Agreement, Measures, agreement_of_ratings
from reviewer.decisions import Decision, standing_decisions_in_log
from reviewer.display import shown
from reviewer.i18n import _
from reviewer.store import Project, StoreError
from reviewer.store.opening import open_project
from reviewer.store.records import Event


def reviewer_decisions(events: Iterable[Event], figures: set[int] | None = None) -> list[Decision]:
    """Each reviewer's standing decision per figure as an event log tells it (reviewer.decisions)."""
    return [decision for decision, _at in standing_decisions_in_log(events, figures)]


def project_decisions(project: Project) -> list[Decision]:
    return project.reviewer_decisions()


def project_agreement(project: Project) -> Agreement:
    return agreement_of_ratings(project.ratings())


def run_agreement(project_path: str | Path, as_json: bool = False) -> int:
    with open_project(project_path, read_only=True) as project:
        if project.role == "reviewer":  # blind review: their own decisions are all they may read
            raise StoreError(
                _(
                    "{url}: {person} is a reviewer and sees only their own decisions; agreement is for "
                    "the project's adjudicator and manager",
                    url=project.where,
                    person=shown(project.reviewer or ""),
                )
            )
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
