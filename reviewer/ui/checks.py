"""The checks in the window: run when a project opens or its documents change, run again on the
corrected document after every decision (the panel, the marks in the text and the table follow at
once), a finding accepted with a reason or reopened (one command of the event log: Edit > Undo
takes it back), and File > Import reference table….

ChecksController is a collaborator of the main window: it is given the project, the review
controller, the view, the table model, the inspector and the panel, and works through them."""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from reviewer.checks.reference import ReferenceError, read_reference, row_value_text
from reviewer.commands.checking import (
    OPEN,
    RESOLVED,
    CheckedFinding,
    ProjectChecks,
    accept,
    figure_marks,
    finding_states,
)
from reviewer.store import Project, StoreError
from reviewer.ui.checks_panel import AcceptFindingDialog, ChecksPanel, severity_icon, severity_label
from reviewer.ui.document_view import DocumentView
from reviewer.ui.errors import reports_errors
from reviewer.ui.figure_model import FigureTableModel
from reviewer.ui.inspector import Inspector
from reviewer.ui.labels import tr
from reviewer.ui.team_reader import BackgroundRead

log = logging.getLogger(__name__)
# from this many documents on, the checks of a whole project run on a thread of their own
IN_THE_BACKGROUND_FROM = 40


def _checked(project: Project, earlier: ProjectChecks | None) -> ProjectChecks:
    """The worker's part: every check of the project, on the worker's own connection to it."""
    checks = ProjectChecks(project)
    if earlier is not None:
        checks.carry_over(earlier)
    checks.run()
    return checks


class ChecksController(QObject):
    updated = Signal()  # the findings or their states changed (tests and the benchmark wait on it)

    def __init__(self, project: Callable[[], Project | None], review, view: DocumentView,
                 table_model: FigureTableModel, inspector: Inspector, panel: ChecksPanel,
                 report_error: Callable[[str, str | None], None], show_status: Callable[[str, int], None],
                 dialog_parent: QWidget):
        super().__init__(dialog_parent)
        self._project = project
        self._review = review
        self._view = view
        self._table_model = table_model
        self._inspector = inspector
        self._panel = panel
        self._report_error = report_error
        self._show_status = show_status
        self._dialog_parent = dialog_parent
        self._checks: ProjectChecks | None = None
        self._findings: list = []
        self._items: list[CheckedFinding] = []
        self._seen: dict[str, CheckedFinding] = {}  # listed this session: shown as resolved once gone
        self._reference_stamp = (0, 0)
        self._decisions: dict | None = None  # the decisions on findings last shown
        self.last_seconds = 0.0  # how long the last run took (the benchmark reads it)
        self._started = 0.0
        self._changed_meanwhile: set[int] = set()  # documents decided in while a run was under way
        self._background = BackgroundRead(self)
        self._background.finished.connect(self._checked)
        self._background.failed.connect(lambda message: report_error(message, None))
        review.figuresChanged.connect(self.figures_changed)
        review.historyChanged.connect(self._history_changed)
        review.documentShown.connect(lambda _doc: self._show_marks())
        review.stateChanged.connect(self._show_figure_checks)
        panel.findingChosen.connect(self.choose)
        panel.findingActivated.connect(self._to_figures)
        panel.acceptRequested.connect(self.accept)
        panel.reopenRequested.connect(self.reopen)

    def report_error(self, message: str, details: str | None = None) -> None:  # for @reports_errors
        self._report_error(message, details)

    # -- running ---------------------------------------------------------------------------

    @reports_errors
    def run(self) -> None:
        """Every document and every rule: on opening a project and after its documents changed.
        A big project is checked on a thread of its own (its first run reads every text: seconds
        for a thousand documents), the window usable meanwhile; the findings come when it ends."""
        project = self._project()
        if project is None:
            self.clear()
            return
        if self._checks is None or self._checks.project is not project:
            self._checks, self._seen = None, {}
        documents = len(project.documents())
        if documents >= IN_THE_BACKGROUND_FROM:
            self._run_in_background(project, documents)
            return
        if self._checks is None:
            self._checks = ProjectChecks(project)
        started = time.perf_counter()
        self._reference_stamp = project.reference_stamp()
        self._findings = self._checks.run()
        self.last_seconds = time.perf_counter() - started
        self._refresh()

    def running(self) -> bool:
        """Whether checks run on their own thread now (their findings not shown yet)."""
        return self._background.reading()

    def _run_in_background(self, project: Project, documents: int) -> None:
        self._started = time.perf_counter()
        self._show_status(tr("Checking the figures of %1 documents…").replace("%1", str(documents)), 0)
        self._background.request(project.location, partial(_checked, earlier=self._checks))

    def _checked(self, checks: ProjectChecks) -> None:
        project = self._project()
        if project is None or project.location != checks.project.location:
            return  # another project opened meanwhile
        checks.rebind(project)
        self._checks = checks
        self._reference_stamp = project.reference_stamp()
        changed, self._changed_meanwhile = self._changed_meanwhile, set()
        # what was decided while it ran is read again now (the run may have read it before)
        self._findings = checks.recheck(changed) if changed else checks.findings()
        self.last_seconds = time.perf_counter() - self._started
        self._show_status("", 0)
        self._refresh()

    @reports_errors
    def recheck(self, documents) -> None:
        """After a decision: the documents it touched and the rules across the project."""
        if self.running():  # checked again once the run under way has ended
            self._changed_meanwhile.update(documents)
            return
        if self._checks is None or self._project() is None:
            return
        started = time.perf_counter()
        self._findings = self._checks.recheck(documents)
        self.last_seconds = time.perf_counter() - started
        self._refresh()

    @reports_errors
    def figures_changed(self, figures) -> None:
        """After a decision, its undo or redo: where what the checks read changed (a correction, a
        rejection; not a confirmation), that document's checks again and the project's rules."""
        if self.running():
            self._changed_meanwhile.update(f.document_id for f in figures)
            return
        if self._checks is None or self._project() is None:
            return
        started = time.perf_counter()
        found = self._checks.figures_changed(figures)
        self.last_seconds = time.perf_counter() - started
        if found is not None:
            self._findings = found
            self._refresh()

    def clear(self) -> None:
        self._background.stop()
        self._changed_meanwhile = set()
        self._checks, self._findings, self._items, self._seen, self._decisions = None, [], [], {}, None
        self._panel.set_items([], writable=False)
        self._show_marks()

    def items(self) -> list[CheckedFinding]:
        return list(self._items)

    def _history_changed(self) -> None:
        """A decision on a finding, its undo or redo, or a reference table's: the states again
        (the reference rows changed: the checks again)."""
        project = self._project()
        if project is None or self._checks is None:
            return
        if project.reference_stamp() != self._reference_stamp:
            self.run()
        elif project.finding_decisions() != self._decisions:
            self._refresh()

    def _refresh(self) -> None:
        project = self._project()
        if project is None:
            return
        self._decisions = project.finding_decisions()
        items = finding_states(self._findings, self._decisions)
        present = {item.key for item in items}
        # a finding open earlier in this session and gone now was resolved (its figures corrected):
        # it stays listed as such until it appears again
        gone = [CheckedFinding(key, was.rule, RESOLVED, was.finding, was.decision)
                for key, was in self._seen.items() if key not in present]
        known = {item.key for item in gone}
        items = [i for i in items if not (i.state == RESOLVED and i.key in known)] + gone
        self._seen.update((i.key, i) for i in items if i.state != RESOLVED)
        self._items = items
        self._panel.set_items(items, writable=not project.read_only)
        self._show_marks()
        self._show_figure_checks()
        self.updated.emit()

    # -- marks in the text, the table and the inspector ----------------------------------------

    def _show_marks(self) -> None:
        marks = figure_marks(self._items)
        messages: dict[int, list[str]] = {}
        for item in self._items:
            if item.state == OPEN:
                for figure in item.figures:
                    messages.setdefault(figure.ref, []).append(item.message)  # type: ignore[arg-type]
        self._view.set_marked(set(marks))
        self._table_model.set_marks({figure_id: (severity_icon(severity), "\n".join(messages.get(figure_id, [])))
                                     for figure_id, severity in marks.items()})

    def _show_figure_checks(self) -> None:
        figure = self._review.current_figure()
        if figure is None or self._checks is None:
            self._inspector.show_checks([])
            return
        lines = [tr("%1: %2").replace("%1", severity_label(item.severity)).replace("%2", item.message)
                 for item in self._items
                 if item.state == OPEN and any(f.ref == figure.id for f in item.figures)]
        match = self._checks.reference_matches(figure.document_id).get(figure.id)
        if match is not None:
            row = match.row
            side = " ".join(part for part in (row.indicator, row.period or "", row_value_text(row),
                                              row.source or "") if part)
            verdict = tr("Reference agrees: %1") if match.verdict == "agrees" else tr("Reference differs: %1")
            lines.append(verdict.replace("%1", side))
        self._inspector.show_checks(lines)

    # -- choosing, accepting, reopening ----------------------------------------------------

    @reports_errors
    def choose(self, item: CheckedFinding | None) -> None:
        """A finding chosen in the panel: its document on show, its first figure current and all
        its figures highlighted together."""
        if item is None or not item.figures:
            self._view.set_finding([])
            return
        ids = [f.ref for f in item.figures if isinstance(f.ref, int)]
        if not ids:
            return
        self._review.open_figure(ids[0])
        self._view.set_finding(ids)

    def _to_figures(self, item: CheckedFinding) -> None:
        self.choose(item)
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    @reports_errors
    def accept(self, item: CheckedFinding | None = None) -> bool:
        """Accept a finding with a reason (a small dialog); one command of the event log."""
        item = item or self._panel.current()
        project = self._project()
        if item is None or project is None or item.state != OPEN:
            return False
        if project.read_only:
            self._show_status(tr("This project is open read-only"), 4000)
            return False
        dialog = AcceptFindingDialog(item, self._dialog_parent)
        if not self._review.run_dialog(dialog) or self._review.writable() is None:  # asks a name if none
            return False
        accept(project, item, dialog.reason_text())
        self._review.historyChanged.emit()
        self._show_status(tr("Finding accepted: %1").replace("%1", dialog.reason_text()), 4000)
        return True

    @reports_errors
    def reopen(self, item: CheckedFinding | None = None) -> None:
        item = item or self._panel.current()
        project = self._project()
        if item is None or project is None or project.read_only:
            return
        if project.reopen_finding(item.key) is not None:
            self._review.historyChanged.emit()

    # -- reference tables ------------------------------------------------------------------

    def import_reference(self, path: Path) -> bool:
        """A reference table into the project (the same file again replaces its rows), and the
        checks again; a table that cannot be read is one line, and nothing is changed."""
        project = self._project()
        if project is None or project.read_only:
            return False
        try:
            rows = read_reference(path)
        except ReferenceError as exc:
            self._report_error(str(exc), None)
            return False
        try:
            project.import_reference(rows, os.path.abspath(path))
        except StoreError as exc:  # a read-only place, a full disk: one line, nothing changed
            self._report_error(str(exc), None)
            return False
        self._review.historyChanged.emit()
        self._show_status(tr("%1 reference rows imported from %2").replace("%1", str(len(rows)))
                          .replace("%2", str(path)), 6000)
        return True


