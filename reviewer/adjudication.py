"""Adjudication: which figures the reviewers settled between them and which an adjudicator must
decide (plain Python).

A figure every reviewer who decided it decided the same way (the same decision, and for a
correction the same value, unit, kind and indicator) is settled with that version; the others are
disputes, each with every reviewer's version side by side. A figure fewer than `needed` reviewers
decided waits for more. Names can be hidden: reviewer A, B, C... by the order of the names, the
same letter for the same person on every figure, so an adjudicator can follow one reviewer
without knowing who it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewer.decisions import Decision, Version
from reviewer.model import Status


@dataclass(frozen=True)
class Dispute:
    figure: int
    versions: tuple[tuple[str, Version], ...]  # (reviewer or letter, version), in reviewer order


@dataclass(frozen=True)
class Adjudication:
    settled: dict[int, Version]  # figure: the version all its reviewers gave
    disputes: tuple[Dispute, ...]  # in figure order
    waiting: tuple[int, ...]  # figures fewer than `needed` reviewers decided


def adjudicate(decisions: Iterable[Decision], needed: int = 1, hide_names: bool = False) -> Adjudication:
    """One decision per reviewer and figure (a later record replaces an earlier one)."""
    by_figure: dict[int, dict[str, Version]] = {}
    for d in decisions:
        if d.status is not Status.PENDING:
            by_figure.setdefault(d.figure, {})[d.reviewer] = d.version
    names = letters(sorted({r for versions in by_figure.values() for r in versions}))
    settled: dict[int, Version] = {}
    disputes: list[Dispute] = []
    waiting: list[int] = []
    for figure in sorted(by_figure):
        versions = by_figure[figure]
        if len(versions) < needed:
            waiting.append(figure)
        elif len(set(versions.values())) == 1:
            settled[figure] = next(iter(versions.values()))
        else:
            shown = ((names[r] if hide_names else r, versions[r]) for r in sorted(versions))
            disputes.append(Dispute(figure, tuple(shown)))
    return Adjudication(settled, tuple(disputes), tuple(waiting))


def letters(names: list[str]) -> dict[str, str]:
    """A, B, ..., Z, AA, AB, ... for the names in their order (as spreadsheet columns)."""
    out = {}
    for i, name in enumerate(names):
        label, n = "", i + 1
        while n:
            n, rest = divmod(n - 1, 26)
            label = chr(ord("A") + rest) + label
        out[name] = label
    return out
