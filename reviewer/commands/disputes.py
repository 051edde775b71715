"""What an adjudicator has before them: the project's figures settled by agreement, the disputes
still open (each reviewer's version side by side), and the figures waiting for more reviewers.

Each document needs its own number of reviewers (project.needed_reviewers()); the letters that
hide the names are given over the whole project, so one person is the same letter on every
figure. A dispute leaves the list once its final decision is an adjudicator's: the figure's final
(its review columns) was written by someone who is not one of its disputing reviewers. The
adjudicator's settlements are not a reviewer's decisions (project.settle() writes none).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.adjudication import Dispute, adjudicate, letters
from reviewer.decisions import Decision
from reviewer.model import Status
from reviewer.store import Project
from reviewer.store.records import StoredFigure


def reviewers_decisions(project: Project, figure_ids: set[int] | None = None) -> list[Decision]:
    """Each reviewer's standing decision per figure (of `figure_ids`, where given)."""
    decisions = project.reviewer_decisions()
    return decisions if figure_ids is None else [d for d in decisions if d.figure in figure_ids]


@dataclass(frozen=True)
class Docket:
    reviewers: tuple[str, ...]  # every reviewer of the project, as shown (names, or letters when hidden)
    agreed: int  # figures settled by agreement (every reviewer gave the same version)
    adjudicated: int  # disputes whose final decision an adjudicator wrote
    disputes: tuple[Dispute, ...]  # still open, in figure order
    waiting: int  # figures fewer reviewers decided than their document needs


def docket(
    project: Project,
    adjudicator: str | None,
    hide_names: bool = False,
    figures: dict[int, StoredFigure] | None = None,
) -> Docket:
    """The open disputes of the project for `adjudicator` (their own decisions left out);
    `figures`: the project's figures by id, where the caller has read them already."""
    if figures is None:
        figures = {f.id: f for f in project.figures()}
    decisions = [d for d in reviewers_decisions(project, set(figures)) if d.reviewer != adjudicator]
    needed = project.needed_reviewers()
    by_needed: dict[int, list[Decision]] = {}
    for d in decisions:
        figure = figures.get(d.figure)
        if figure is not None:
            by_needed.setdefault(needed.get(figure.document_id, 1), []).append(d)
    names = letters(sorted({d.reviewer for d in decisions}))
    agreed = adjudicated = waiting = 0
    disputes: list[Dispute] = []
    for count, group in by_needed.items():
        result = adjudicate(group, count)
        agreed += len(result.settled)
        waiting += len(result.waiting)
        for dispute in result.disputes:
            final = figures[dispute.figure]
            reviewers = {name for name, _ in dispute.versions}
            # settled by an adjudicator (v7 says so; before it, a final in nobody's name of theirs)
            by_someone_else = final.status is not Status.PENDING and final.reviewer not in reviewers
            if final.settled == "adjudicated" or by_someone_else:
                adjudicated += 1
                continue
            if hide_names:
                dispute = Dispute(dispute.figure, tuple((names[n], v) for n, v in dispute.versions))
            disputes.append(dispute)
    disputes.sort(key=lambda d: (figures[d.figure].document_id, figures[d.figure].start))
    shown = tuple(names[n] if hide_names else n for n in sorted(names))
    return Docket(shown, agreed, adjudicated, tuple(disputes), waiting)
