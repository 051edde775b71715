"""Review > Adjudicate…: the adjudicator's list of the disputes only, each reviewer's version side
by side, one key per action. 1, 2, 3… take that reviewer's version as the final decision; C and
X confirm or reject the figure as the final; E writes a final version of one's own. Every final
goes through project.settle() with the adjudicator's name, and the list moves on to the next
dispute. Figures every reviewer decided alike need nothing and are only counted at the top."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.commands.disputes import Docket, docket
from reviewer.decisions import Version
from reviewer.model import Kind, Status
from reviewer.sentences import sentence_around
from reviewer.store import Project
from reviewer.store.records import StoredFigure
from reviewer.ui.add_figure import AddFigureDialog
from reviewer.ui.dispute_model import FIGURE_ID_ROLE, DisputeModel, DisputeRow
from reviewer.ui.errors import reports_errors
from reviewer.ui.labels import tr
from reviewer.ui.style import show_focus
from reviewer.ui.team_reader import BackgroundRead

CONTEXT = 16  # characters of context either side of the figure in the list


class FinalVersionDialog(AddFigureDialog):
    """The adjudicator's own version of a disputed figure: value, unit, kind, indicator, read as
    the figure's own text is read (the dialog a figure is added with, prefilled)."""

    def __init__(self, figure: StoredFigure, parent=None):
        super().__init__(figure.text, parent)
        self.setObjectName("finalVersionDialog")
        self.setWindowTitle(tr("Final version of %1").replace("%1", figure.text))
        self.indicator.setText(figure.final_indicator or "")

    def version(self) -> Version:
        values = self.values()
        value = values["value"]
        return Version(Status.CORRECTED, None if value is None else Decimal(str(value)), values["unit"],
                       Kind(values["kind"]), values["indicator"])


def read_disputes(project: Project, adjudicator: str | None, hide_names: bool) -> tuple[Docket, list[DisputeRow]]:
    """The docket and its rows as the list shows them (on the reader's thread: no Qt here)."""
    figures = {f.id: f for f in project.figures()}
    found = docket(project, adjudicator, hide_names, figures)
    return found, dispute_rows(project, figures, found.disputes)


def dispute_rows(project: Project, figures: dict[int, StoredFigure], disputes) -> list[DisputeRow]:
    titles = {d.id: d.title for d in project.documents()}
    texts: dict[int, str] = {}
    rows = []
    for dispute in disputes:
        figure = figures[dispute.figure]
        if figure.document_id not in texts:
            texts[figure.document_id] = project.document(figure.document_id, tables=False).text or ""
        before, marked, after = sentence_around(texts[figure.document_id], figure.start, figure.end)
        context = f"…{before[-CONTEXT:]}【{marked}】{after[:CONTEXT]}…"
        rows.append(DisputeRow(dispute, figure.text, titles.get(figure.document_id, ""), context))
    return rows


class AdjudicationPanel(QWidget):
    figureChosen = Signal(int)  # a dispute selected: show its figure in the document

    def __init__(self, project: Callable[[], Project | None], writable: Callable[[], Project | None],
                 changed: Callable[[list[int]], None], show_status: Callable[[str, int], None],
                 run_dialog: Callable[[object], bool], report_error: Callable[[str, str | None], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adjudicationPanel")
        self._project = project
        self._writable = writable  # the project with the adjudicator's name, or None (read-only, no name)
        self._changed = changed  # the window follows the figures a final decision changed
        self._show_status = show_status
        self._run_dialog = run_dialog
        self._report_error = report_error
        self.docket: Docket | None = None
        self._counts = [0, 0, 0]  # settled by agreement, settled by adjudication, waiting
        self._settling = False  # a final being written here: the window's refresh leaves the list alone
        self._reader = BackgroundRead(self)
        self._reader.finished.connect(self._filled)
        self._reader.failed.connect(lambda message: self._report_error(message, None))
        # a final that was already the figure's final writes nothing in a project file: kept here
        # for the session, so that the dispute leaves the list all the same
        self._already_final: set[int] = set()
        self.summary = QLabel()
        self.summary.setObjectName("adjudicationSummary")
        self.summary.setWordWrap(True)
        self.hide_names = QCheckBox(tr("Hide names"))
        self.hide_names.setObjectName("hideNames")
        self.hide_names.setToolTip(tr("Reviewer A, B, C… instead of their names: the same letter for one "
                                      "person throughout"))
        self.hint = QLabel(tr("1, 2, 3… take that reviewer's version; C confirms, X rejects, E writes your "
                              "own final version; Ctrl+Z undoes"))
        self.hint.setObjectName("adjudicationHint")
        self.hint.setWordWrap(True)
        self.model = DisputeModel(self)
        self.table = QTableView()
        self.table.setObjectName("disputeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        show_focus(self.table)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.hide_names)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self._keys()
        self.hide_names.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

    def report_error(self, message: str, details: str | None = None) -> None:  # for @reports_errors
        self._report_error(message, details)

    def _keys(self) -> None:
        """Single keys on the list only, as the review's are on the table: never while typing."""
        keys: list[tuple[str, Callable[[], None]]] = [
            (str(n), lambda _checked=False, n=n: self.take(n)) for n in range(1, 10)]
        keys += [("C", lambda: self.settle_as(Version(Status.CONFIRMED))),
                 ("X", lambda: self.settle_as(Version(Status.REJECTED))),
                 ("E", self.write_final)]
        for key, run in keys:
            action = QAction(self.table)
            action.setObjectName(f"adjudicate_{key}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(run)
            self.table.addAction(action)

    # -- the list ------------------------------------------------------------------------------

    def clear(self) -> None:
        self._reader.stop()
        self._already_final.clear()
        self.docket = None
        self._counts = [0, 0, 0]
        self.model.set_rows([], ())
        self.summary.clear()

    def refresh(self) -> None:
        """The disputes as the project holds them now, read off the window's thread; the same place
        in the list once they come (the next dispute where the one there was settled). Not while a
        final is written here: that row goes alone."""
        project = self._project()
        if project is None:
            self.clear()
            return
        if self._settling:
            return
        if self.docket is None:
            self.summary.setText(tr("Reading the reviewers' decisions…"))
        self._reader.request(project.location, partial(read_disputes, adjudicator=project.reviewer or None,
                                                   hide_names=self.hide_names.isChecked()))

    def reading(self) -> bool:
        return self._reader.reading()

    def _filled(self, result: tuple[Docket, list[DisputeRow]]) -> None:
        found, rows = result
        at = max(self.table.currentIndex().row(), 0)
        shown = [r for r in rows if r.figure not in self._already_final]
        self._counts = [found.agreed, found.adjudicated + len(rows) - len(shown), found.waiting]
        self.docket = found
        self.model.set_rows(shown, found.reviewers)
        self._show_counts()
        if self.model.rowCount():
            self._select(min(at, self.model.rowCount() - 1))

    def _show_counts(self) -> None:
        agreed, adjudicated, waiting = self._counts
        self.summary.setText(
            tr("%1 settled by agreement, %2 disputes, %3 waiting for more reviewers; %4 settled by adjudication")
            .replace("%1", str(agreed)).replace("%2", str(self.model.rowCount())).replace("%3", str(waiting))
            .replace("%4", str(adjudicated)))

    def _settled(self, row: int) -> None:
        """The dispute settled here leaves the list at once, the next one selected (nothing else
        changed: the project is not read again)."""
        self.model.remove_row(row)
        self._counts[1] += 1
        self._show_counts()
        if self.model.rowCount():
            self._select(min(row, self.model.rowCount() - 1))

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _row_chosen(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid():
            self.figureChosen.emit(current.data(FIGURE_ID_ROLE))

    def current(self) -> DisputeRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # -- the final decision -------------------------------------------------------------------

    def take(self, key: int) -> None:
        """Key 1, 2, 3…: the version of the reviewer in that column is the final."""
        row = self.current()
        if row is None or key > len(self.model.reviewers):
            return
        reviewer = self.model.reviewers[key - 1]
        version = row.version_of(reviewer)
        if version is None:
            self._show_status(tr("Reviewer %1 did not decide this figure").replace("%1", reviewer), 4000)
            return
        self.settle_as(version)

    @reports_errors
    def write_final(self) -> None:
        """E: a version of the adjudicator's own, entered as a figure is added."""
        row = self.current()
        project = self._project()
        if row is None or project is None:
            return
        dialog = FinalVersionDialog(project.figure(row.figure), self)
        if self._run_dialog(dialog):
            self.settle_as(dialog.version())

    @reports_errors
    def settle_as(self, version: Version) -> None:
        row = self.current()
        opened = self._project()
        if row is None or opened is None:
            return
        if opened.read_only:  # one line says why nothing happens, as the review's keys do
            self._show_status(tr("This project is open read-only"), 4000)
            return
        project = self._writable()
        if project is None:
            return
        at = self.table.currentIndex().row()
        self._settling = True
        try:
            event = project.settle(row.figure, version, reviewer=project.reviewer)
            if event is None:
                self._already_final.add(row.figure)
                self._show_status(tr("That version already is the final decision: nothing recorded"), 4000)
            self._changed([row.figure])  # table, text, progress and undo follow
        finally:
            self._settling = False
        self._settled(at)
        if self._reader.reading():
            self.refresh()  # the answer on its way was read before this final: read again
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
