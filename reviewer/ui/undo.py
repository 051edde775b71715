"""Undo and redo in the window, driven straight from the project's own history.

The store keeps the undo and redo stacks (built from the event log, so they survive a reopen)
and undoes a whole command at a time; the window keeps no stack of its own that could count
differently. This module only names the next step ("Undo confirm 80.6亿美元") and says which
figures it touches."""
from __future__ import annotations

from collections.abc import Callable

from reviewer.model import Status
from reviewer.store import Project
from reviewer.store.records import Event
from reviewer.ui.labels import tr


class UndoHistory:
    def __init__(self, project: Callable[[], Project | None]):
        self._project = project

    def _writable(self) -> Project | None:
        project = self._project()
        return project if project is not None and not project.read_only else None

    def can_undo(self) -> bool:
        project = self._writable()
        return project is not None and project.can_undo()

    def can_redo(self) -> bool:
        project = self._writable()
        return project is not None and project.can_redo()

    def undo(self) -> list[Event]:
        project = self._writable()
        return project.undo() if project is not None else []

    def redo(self) -> list[Event]:
        project = self._writable()
        return project.redo() if project is not None else []

    def undo_text(self) -> str:
        """'&Undo confirm 80.6亿美元', or '&Undo' when there is nothing to undo."""
        project = self._writable()
        step = describe(project, project.peek_undo()) if project is not None else ""
        return tr("&Undo %1").replace("%1", step) if step else tr("&Undo")

    def redo_text(self) -> str:
        project = self._writable()
        step = describe(project, project.peek_redo()) if project is not None else ""
        return tr("&Redo %1").replace("%1", step) if step else tr("&Redo")


def figure_ids(events: list[Event]) -> list[int]:
    """The figures a command touched, in the order it touched them, each once."""
    return list(dict.fromkeys(e.figure_id for e in events if e.figure_id is not None))


def describe(project: Project, events: list[Event]) -> str:
    """What a command did, in a few words: 'confirm 80.6亿美元', 'confirm 100% × 4'."""
    first = events[0] if events else None
    if first is not None and first.action == "finding":  # a decision on a check's finding
        return tr("accepting a finding") if (first.new or {}).get("state") else tr("reopening a finding")
    if first is not None and first.action == "reference":
        return tr("reference table import")
    if first is not None and first.action == "assign" and first.document_id is not None:
        return tr("assignment of %1").replace("%1", project.document(first.document_id, tables=False).title)
    if first is not None and first.action == "date" and first.document_id is not None:
        return tr("document date %1").replace("%1", (first.new or {}).get("doc_date") or tr("none"))
    ids = figure_ids(events)
    if not ids:
        return ""
    assert first is not None
    text = (first.new or {}).get("text") or project.figure(ids[0]).text
    if first.action == "add":
        words = tr("adding %1")
    elif first.action == "note":
        words = tr("note on %1")
    else:
        words = {Status.CONFIRMED.value: tr("confirm %1"), Status.REJECTED.value: tr("reject %1"),
                 Status.CORRECTED.value: tr("correction of %1"),
                 Status.PENDING.value: tr("reset of %1")}.get((first.new or {}).get("status"), tr("change of %1"))
    words = words.replace("%1", text)
    return words if len(ids) == 1 else tr("%1 × %2").replace("%1", words).replace("%2", str(len(ids)))
