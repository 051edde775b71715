"""`reviewer decide PROJECT FIGURE_ID confirm|reject|correct [VALUE] --reviewer NAME`: one decision,
through the store's own Project.decide (as the window records it), committed before it returns.

A project file has one writer at a time (reviewer/store/lock.py). Scripts run several deciders at
once, so the command waits for the lock a few seconds (reviewer/commands/waiting.py), and then
says who holds it; it never hangs behind a window left open. A shared project (a URL) takes every
reviewer's decisions at once: the reviewer connects as their own database role (NAME@ in the URL,
or --reviewer NAME where the URL names no user)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reviewer.commands.waiting import open_when_free
from reviewer.display import shown, shown_path
from reviewer.i18n import N_, _
from reviewer.model import Kind, Status
from reviewer.store import Project, ReadOnlyProject, StoredFigure, StoreError
from reviewer.store.locations import is_server_url, shown_location
from reviewer.store.lock import real_path
from reviewer.store.opening import open_project

DECISIONS = {"confirm": Status.CONFIRMED, "reject": Status.REJECTED, "correct": Status.CORRECTED}
STATUS_WORDS = {Status.PENDING: N_("pending"), Status.CONFIRMED: N_("confirmed"),
                Status.CORRECTED: N_("corrected"), Status.REJECTED: N_("rejected")}
DEFAULT_WAIT = 5.0  # seconds a decision waits for another program's write to finish
FIRST_PAUSE, LONGEST_PAUSE = 0.002, 0.02


@dataclass(frozen=True)
class DecideRequest:
    project: str
    figure_id: int
    decision: str  # confirm | reject | correct
    value: str | None = None
    unit: str | None = None
    kind: str | None = None
    indicator: str | None = None
    note: str | None = None
    reviewer: str = ""
    wait: float = DEFAULT_WAIT


def run_decide(request: DecideRequest) -> int:
    check_request(request)
    if is_server_url(request.project):
        opened = open_project(request.project, reviewer=request.reviewer)
    else:
        path = Path(request.project)
        check_writable(path)
        opened = open_when_free(path, request.reviewer, request.wait)
    with opened as project:
        figure = existing_figure(project, request.figure_id)
        fields = correction(figure, request) if request.decision == "correct" else {}
        event = project.decide(figure.id, DECISIONS[request.decision], note=request.note,
                               reviewer=project.reviewer if project.shared else request.reviewer, **fields)
        after = project.figure(figure.id)
        where = project.where
    say(decided_line(where, after, event is not None))
    return 0


def check_request(request: DecideRequest) -> None:
    """Fields only a correction has, refused on confirm and reject (not silently dropped)."""
    if not request.reviewer.strip():
        raise StoreError(_("--reviewer: a decision needs the reviewer's name"))
    if request.decision == "correct":
        if request.value is None and not (request.unit or request.kind or request.indicator):
            raise StoreError(_("{path}: correct: give the corrected value (e.g. 650亿元), or --unit, --kind or "
                               "--indicator", path=shown_location(request.project)))
        return
    given = [name for name, value in (("VALUE", request.value), ("--unit", request.unit), ("--kind", request.kind),
                                      ("--indicator", request.indicator)) if value is not None]
    if given:
        raise StoreError(_("{path}: {fields}: only a correction takes these, not {decision}",
                           path=shown_location(request.project), fields=", ".join(given), decision=request.decision))


def check_writable(path: Path) -> None:
    """A project file marked read-only is not written, even by a user the system would let
    (root): the mark is the owner's word that it stays as it is."""
    real = real_path(path)
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return  # missing: the store says so, in its words
    if not os.access(real, os.W_OK) or not mode & 0o222:
        raise ReadOnlyProject(_("{path}: the project file is read-only; the decision was not saved",
                                path=shown_path(path)))


def existing_figure(project: Project, figure_id: int) -> StoredFigure:
    figure = project.figure(figure_id)  # raises "no figure N" for an id never given
    if figure.removed:  # a pending figure a re-extraction took away: not in the window either
        raise StoreError(_("{path}: no figure {id}", path=project.where, id=figure_id))
    return figure


def correction(figure: StoredFigure, request: DecideRequest) -> dict:
    """The corrected value, unit, kind and indicator, read as the window's inspector reads its
    fields: the figure's own where not given, VALUE read by the engine (650亿, 1.5万, 12.5%),
    and `5 --unit 亿元` the same as `5亿元`."""
    from reviewer.extract.lexicon import default_lexicon  # the engine's word lists: only a correction needs them
    from reviewer.extract.value_input import read_typed_value

    default_lexicon()
    value, unit = figure.final_value, request.unit or figure.final_unit
    kind = Kind(request.kind) if request.kind else figure.final_kind
    if request.value is not None:
        typed = read_typed_value(request.value)
        if typed is None:
            raise StoreError(_("{path}: figure {id}: {value} is not a number: write it as in a report, e.g. 650亿, "
                               "1.5万, 12.5% or 80.6亿美元", path=shown_location(request.project), id=figure.id,
                               value=shown(repr(request.value))))
        if typed.unit is None and request.unit:
            with_unit = read_typed_value(request.value + request.unit)  # '5' and '亿元': 500000000 元
            if with_unit is not None and with_unit.unit is not None:
                typed = with_unit
        value, unit = typed.value, typed.unit or unit
        written = typed.kind or scaled_amount(request.value, figure.final_kind)
        if request.kind is None and written is not None and written is not figure.final_kind:
            kind, unit = written, typed.unit  # the value says what it is ('650亿' on 11.06%)
    fields = {"value": value, "unit": unit, "kind": kind.value,
              "indicator": request.indicator or figure.final_indicator}
    check_unit(fields, figure)
    as_it_stands = (value == figure.final_value and unit == (figure.final_unit or None)
                    and kind is figure.final_kind and fields["indicator"] == (figure.final_indicator or None))
    if as_it_stands and figure.status is not Status.CORRECTED:
        raise StoreError(_("figure {id}: value, unit, kind and indicator are as it has them, so this is no "
                           "correction; use confirm", id=figure.id))
    return fields


def scaled_amount(text: str, kind: Kind) -> Kind | None:
    """'650亿' typed on a percent is an amount (the window's rule); None otherwise."""
    from reviewer.extract.value_input import RATIO_KINDS

    return Kind.QUANTITY if kind in RATIO_KINDS and any(word in text for word in "万亿") else None


def check_unit(fields: dict, figure: StoredFigure) -> None:
    """The window's inspector's rule: a unit that contradicts the kind is refused."""
    from reviewer.extract.value_input import unit_contradicts_kind

    if fields["kind"] == figure.final_kind.value and fields["unit"] == (figure.final_unit or None):
        return
    kind, unit = Kind(fields["kind"]), fields["unit"] or figure.unit
    if unit_contradicts_kind(kind, unit):
        raise StoreError(_("a {kind} cannot have the unit {unit}: write the value with its unit (e.g. 650亿元), "
                           "or give --kind", kind=kind.value, unit=shown(repr(unit))))


def decided_line(where: str, figure: StoredFigure, saved: bool) -> str:
    from reviewer.extract.value_input import written_value

    what = _("figure {id} ({text})", id=figure.id, text=shown(figure.text, 40))
    if not saved:
        return _("{path}: {figure} is already {status}; nothing was saved", path=where, figure=what,
                 status=_(STATUS_WORDS[figure.status]))
    if figure.status is Status.CORRECTED:
        value = written_value(figure.final_value) + (figure.final_unit or "")
        return _("{path}: {figure} corrected to {value} by {reviewer}", path=where, figure=what,
                 value=shown(value), reviewer=shown(figure.reviewer or ""))
    if figure.status is Status.REJECTED:
        return _("{path}: {figure} rejected by {reviewer}", path=where, figure=what,
                 reviewer=shown(figure.reviewer or ""))
    return _("{path}: {figure} confirmed by {reviewer}", path=where, figure=what,
             reviewer=shown(figure.reviewer or ""))


def say(message: str) -> None:
    print(message, file=sys.stderr)
