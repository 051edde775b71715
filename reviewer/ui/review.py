"""Reviewing in the window: the document on show, the current figure, moving between figures,
decisions, corrections, notes, identical figures, figures added by hand, undo and redo.

ReviewController is a collaborator of the main window, not a mixin: everything it works on is
given to its constructor (the project, the table, the document view, the inspector, the
settings, and where to send messages), and the window hears back through its signals."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from reviewer.extract import scan
from reviewer.model import Status
from reviewer.store import Project
from reviewer.store.records import Event, StoredFigure
from reviewer.ui.dialogs import ask_reviewer_name
from reviewer.ui.document_view import DocumentView
from reviewer.ui.errors import reports_errors
from reviewer.ui.figure_model import FIGURE_ROLE, FigureFilterProxy, FigureTableModel
from reviewer.ui.identical import ConfirmIdenticalDialog, identical_pending
from reviewer.ui.inspector import Inspector, InvalidValue
from reviewer.ui.labels import tr
from reviewer.ui.settings import Settings
from reviewer.ui.sync import Queued, as_waiting
from reviewer.ui.undo import UndoHistory, figure_ids


@dataclass(frozen=True)
class FigureTable:
    """The table of the current document's figures: the view, its model and the filter proxy."""

    view: QTableView
    model: FigureTableModel
    proxy: FigureFilterProxy


# what the status bar says when a decision changes nothing (tr() at the time it is shown)
_ALREADY = {Status.CONFIRMED: lambda: tr("Already confirmed: nothing recorded"),
            Status.REJECTED: lambda: tr("Already rejected: nothing recorded"),
            Status.PENDING: lambda: tr("Already pending: nothing recorded")}


class ReviewController(QObject):
    documentShown = Signal(int)      # a document is on show (chosen in the list, or opened at a figure)
    progressChanged = Signal(object, object)  # documents changed, {document id: Progress} of all
    stateChanged = Signal()          # the current figure changed
    historyChanged = Signal()        # what undo and redo would do changed
    documentDatesChanged = Signal(int)  # undo or redo changed a document's date: its figures were replaced
    figuresChanged = Signal(object)  # [StoredFigure] as now stored, after any decision, undo or redo

    def __init__(self, project: Callable[[], Project | None], table: FigureTable, view: DocumentView,
                 inspector: Inspector, settings: Settings, report_error: Callable[[str, str | None], None],
                 show_status: Callable[[str, int], None], dialog_parent: QWidget):
        super().__init__(dialog_parent)
        self._project = project
        self._table = table
        self._view = view
        self._inspector = inspector
        self._settings = settings
        self._report_error = report_error
        self._show_status = show_status
        self._dialog_parent = dialog_parent
        self.history = UndoHistory(project)
        self.document_id: int | None = None
        self.document_text = ""
        self._keeping_edits = False  # saving typed edits on the way out: not a second time inside
        self._review_widget: QWidget = view  # where the reviewer works (table or text): Escape goes back
        self._decide: Callable[..., object] = lambda project, figure_id, status, **fields: project.decide(
            figure_id, status, **fields)
        self._refusal: Callable[[], str | None] = lambda: None
        QApplication.instance().focusChanged.connect(self._focus_moved)
        table.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        # a filter, a search or a decision that hides rows: the inspector follows the table
        for signal in (table.proxy.rowsRemoved, table.proxy.rowsInserted, table.proxy.layoutChanged,
                       table.proxy.modelReset):
            signal.connect(self._follow_table)
        view.figureClicked.connect(self.select_figure)
        inspector.correctionRequested.connect(self.apply_correction)
        inspector.noteRequested.connect(self.save_note)
        inspector.invalidInput.connect(lambda message: report_error(message, None))
        inspector.nothingChanged.connect(self._nothing_changed)
        inspector.editCancelled.connect(self._edit_cancelled)

    def send_decisions_through(self, decide: Callable[..., object]) -> None:
        """decide(project, figure_id, status, **fields): the window's ProjectSync, through which a
        shared project's decision waits on disk while the server is away (and comes back Queued)."""
        self._decide = decide

    def refuse_changes_with(self, refusal: Callable[[], str | None]) -> None:
        """refusal(): asked before any change in the document on show; a line saying why not (a
        shared project's document another reviewer is working on), or None to go on."""
        self._refusal = refusal

    def refused(self) -> bool:
        """A change refused for the document on show: its one line in the status bar."""
        message = self._refusal() if self._project() is not None and self.document_id is not None else None
        if message:
            self._show_status(message, 6000)
        return bool(message)

    def report_error(self, message: str, details: str | None = None) -> None:  # for @reports_errors
        self._report_error(message, details)

    # -- the document on show ----------------------------------------------------------------

    @reports_errors
    def show_document(self, doc_id: int) -> None:
        project = self._project()
        if project is None:
            return
        if not self.keep_typed_edits():
            if self.document_id is not None:
                self.documentShown.emit(self.document_id)  # the list marks the document still on show
            return
        doc = project.document(doc_id)
        self.document_id = doc_id
        self.document_text = doc.text or ""
        figures = project.figures(doc_id)
        dates = ([(f.start, f.end) for f in scan(self.document_text, doc.date) if f.is_date]
                 if self._settings.show_dates else [])
        self._view.set_document(self.document_text, figures, dates, doc.tables)
        self._view.set_show_dates(self._settings.show_dates)
        self._table.model.set_figures(figures)
        first = self._first_pending() or (figures[0].id if figures else None)
        if first is not None:
            self.select_figure(first)
        else:
            self._show_nothing()
        if doc.source_changed:
            self._show_status(tr("The source file of this document changed since it was imported"), 0)
        self.documentShown.emit(doc_id)

    def clear(self) -> None:
        self.document_id = None
        self.document_text = ""
        self._table.model.set_figures([])
        self._view.set_document("", [])
        self._show_nothing()

    def set_show_dates(self, show: bool) -> None:
        self._settings.show_dates = show
        if self.document_id is not None and self._project() is not None:
            current = self.current_figure()
            self.show_document(self.document_id)
            if current is not None:
                self.select_figure(current.id)

    # -- the current figure ------------------------------------------------------------------

    def current_figure(self) -> StoredFigure | None:
        return self._inspector.figure()

    def select_figure(self, figure_id: int | None) -> None:
        """Row, highlight and inspector all follow the same figure of the document on show."""
        if figure_id is None:
            return
        row = self._table.model.row_of(figure_id)
        if row is None:
            return
        current = self.current_figure()
        if current is not None and current.id != figure_id and not self.keep_typed_edits():
            self._mark(current.id)  # the typed value is not a value: stay on the figure, edits kept
            return
        row = self._table.model.row_of(figure_id)
        if row is None:
            return
        self._mark(figure_id)
        figure = self._table.model.figure_at(row)
        self._inspector.show_figure(figure, self.document_text, self._view.row_around(figure.start, figure.end))
        self.stateChanged.emit()

    def _mark(self, figure_id: int) -> None:
        """The figure's row selected and its highlight current, the inspector left as it is."""
        model, proxy, view = self._table.model, self._table.proxy, self._table.view
        row = model.row_of(figure_id)
        if row is None:
            return
        proxy_index = proxy.mapFromSource(model.index(row, 0))
        if proxy_index.isValid() and view.currentIndex().row() != proxy_index.row():
            view.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(proxy_index)
        self._view.set_current(figure_id)

    def keep_typed_edits(self) -> bool:
        """Leaving a figure (J, K, N, a click, another document, Ctrl+Enter): what was typed in its
        fields and not saved is saved as Enter would save it, and the status bar says so; nothing
        typed is dropped. False when it cannot be saved (not a value, no name given): stay."""
        figure = self.current_figure()
        if figure is None or self._keeping_edits or self._inspector.is_read_only() or self._project() is None:
            return True
        try:
            fields = self._inspector.typed_correction()
        except InvalidValue as exc:
            self._report_error(str(exc), None)
            self._inspector.focus_value()
            return False
        note = self._inspector.pending_note()
        if fields is None and note is None:
            return True
        project = self._writable()
        if project is None:
            return False
        self._keeping_edits = True
        try:
            queued = False
            if fields is not None:
                fields["note"] = note
                queued = isinstance(self._decide(project, figure.id, Status.CORRECTED, **fields), Queued)
                if queued:
                    self._show_waiting(as_waiting(figure, Status.CORRECTED, fields))
                message = (tr("Your edits of %1 wait on this computer: they go when the server is back") if queued
                           else tr("Your edits of %1 were saved as a correction"))
            else:
                project.set_note(figure.id, note or "")
                message = tr("Your note on %1 was saved")
            if not queued:  # a queued decision is not on the server yet: nothing to read back
                self.figures_changed([figure.id])
        finally:
            self._keeping_edits = False
        self._show_status(message.replace("%1", figure.text), 5000)
        return True

    @reports_errors
    def open_figure(self, figure_id: int) -> None:
        """Any figure of the project: its document is shown first when it is not on show."""
        project = self._project()
        if project is None:
            return
        figure = project.figure(figure_id)
        if figure.document_id != self.document_id:
            self.show_document(figure.document_id)
        if self._table.model.row_of(figure_id) is not None and self._proxy_row(figure) is None:
            self._show_status(tr("The figure is hidden by the filters; showing it in the text"), 4000)
        self.select_figure(figure_id)

    def _focus_moved(self, _old, new) -> None:
        if new is self._table.view or new is self._view:
            self._review_widget = new

    def _edit_cancelled(self) -> None:
        self._review_widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_nothing(self) -> None:
        self._view.set_current(None)
        self._inspector.show_figure(None, "")
        self.stateChanged.emit()

    def _row_chosen(self, current: QModelIndex, _previous=None) -> None:
        figure = current.data(FIGURE_ROLE) if current.isValid() else None
        if figure is not None and (self.current_figure() is None or self.current_figure().id != figure.id):
            self.select_figure(figure.id)

    def _follow_table(self, *_args) -> None:
        """After the rows changed: the figure shown is the row selected, or none at all."""
        current = self.current_figure()
        if current is None:
            return
        if self._proxy_row(current) is not None:
            self.select_figure(current.id)  # still listed: make sure its row is the selected one
            return
        index = self._table.view.currentIndex()
        figure = index.data(FIGURE_ROLE) if index.isValid() else None
        if figure is not None:
            self.select_figure(figure.id)
        else:
            self._table.view.selectionModel().clearSelection()
            self._show_nothing()

    def visible_order(self) -> list[StoredFigure]:
        proxy = self._table.proxy
        return [proxy.index(r, 0).data(FIGURE_ROLE) for r in range(proxy.rowCount())]

    def _proxy_row(self, figure: StoredFigure | None) -> int | None:
        if figure is None:
            return None
        model, proxy = self._table.model, self._table.proxy
        row = model.row_of(figure.id)
        if row is None:
            return None
        index = proxy.mapFromSource(model.index(row, 0))
        return index.row() if index.isValid() else None

    def _figure_at_row(self, row: int) -> StoredFigure:
        return self._table.proxy.index(row, 0).data(FIGURE_ROLE)

    def select_first_row(self) -> bool:
        if not self._table.proxy.rowCount():
            return False
        self.select_figure(self._figure_at_row(0).id)
        return True

    def move(self, step: int) -> None:
        rows = self._table.proxy.rowCount()
        if not rows:
            return
        at = self._proxy_row(self.current_figure())
        target = 0 if at is None else max(0, min(rows - 1, at + step))
        self.select_figure(self._figure_at_row(target).id)

    def skip(self) -> None:
        self.next_pending()

    def next_pending(self) -> None:
        target = self._first_pending(after=self.current_figure())
        if target is not None:
            self.select_figure(target)
        else:
            self._show_status(tr("No pending figures left in this view"), 4000)

    def _first_pending(self, after: StoredFigure | None = None) -> int | None:
        """The first pending figure in table order after `after`, wrapping around; scans from the
        current row, so the usual case touches a handful of rows, not all of them."""
        rows = self._table.proxy.rowCount()
        at = self._proxy_row(after)
        start = 0 if at is None else at + 1
        for offset in range(rows):
            figure = self._figure_at_row((start + offset) % rows)
            if figure.status is Status.PENDING and (after is None or figure.id != after.id):
                return figure.id
        return None

    # -- decisions ---------------------------------------------------------------------------

    def writable(self) -> Project | None:
        """The project to write to, with the reviewer's name (asked once where there is none)."""
        return self._writable()

    def _writable(self) -> Project | None:
        project = self._project()
        if project is None or project.read_only:
            return None
        if self.refused():
            return None
        if getattr(project, "shared", False):
            return project  # on a server the reviewer is who connected (their database role), never renamed
        if not self._settings.reviewer:
            name = ask_reviewer_name(self._dialog_parent)
            if not name:
                return None
            self._settings.reviewer = name
        project.reviewer = self._settings.reviewer
        return project

    @reports_errors
    def decide_current(self, status: Status, **fields) -> None:
        figure = self.current_figure()
        if figure is not None and self.refuse_read_only():
            return
        project = self._writable() if figure is not None else None
        if figure is None or project is None:
            return
        if status is Status.CONFIRMED and not fields:
            # C or Ctrl+Enter over typed edits: the reviewer means the figure as they typed it
            try:
                typed = self._inspector.typed_correction()
            except InvalidValue as exc:
                self._report_error(str(exc), None)
                self._inspector.focus_value()
                return
            if typed is not None:
                if self.keep_typed_edits() and self._settings.auto_advance:
                    self.next_pending()
                return
        dropped = status is Status.REJECTED and self._has_typed_correction()
        if fields.get("note") is None:
            fields["note"] = self._inspector.pending_note()  # a note typed before Ctrl+Enter is kept
        self._keeping_edits = True  # the decision is what the reviewer meant: leaving does not save again
        try:
            event = self._decide(project, figure.id, status, **fields)
            if isinstance(event, Queued):
                self._show_waiting(as_waiting(figure, status, fields))
                self._show_status(tr("Offline: the decision waits on this computer and goes when the server is back"),
                                  5000)
            elif event is not None:
                self.figures_changed([figure.id])
            else:
                self._show_status(_ALREADY.get(status, tr("Nothing changed: nothing recorded"))(), 4000)
            if dropped:  # a rejected figure needs no correction, but the reviewer hears it went
                self._show_status(tr("Rejected; the correction typed for it was not saved"), 5000)
            if self._settings.auto_advance and status is not Status.CORRECTED:
                self.next_pending()
        finally:
            self._keeping_edits = False

    def _has_typed_correction(self) -> bool:
        try:
            return self._inspector.typed_correction() is not None
        except InvalidValue:
            return True

    def refuse_read_only(self) -> bool:
        """A change asked of a read-only project: one line in the status bar says why nothing happens."""
        project = self._project()
        if project is None or not project.read_only:
            return False
        self._show_status(tr("This project is open read-only"), 4000)
        return True

    def start_correction(self) -> None:
        if self.current_figure() is not None and (self.refuse_read_only() or self.refused()):
            return
        if self.current_figure() is not None and not self._inspector.is_read_only():
            self._inspector.focus_value()

    @reports_errors
    def apply_correction(self, fields: dict) -> None:
        if self.current_figure() is None:
            return
        note = fields.pop("note", None)
        self.decide_current(Status.CORRECTED, note=note, **fields)
        self._view.setFocus()

    def _nothing_changed(self) -> None:
        self._show_status(tr("Nothing changed: no correction recorded"), 4000)
        self._view.setFocus()

    @reports_errors
    def save_note(self, note: str) -> None:
        figure = self.current_figure()
        project = self._writable() if figure is not None else None
        if figure is None or project is None:
            return
        project.set_note(figure.id, note)
        self.figures_changed([figure.id])
        self._show_status(tr("Note saved"), 3000)

    @reports_errors
    def confirm_identical(self, everywhere: bool) -> None:
        """Every pending figure making the same claim (value, unit, kind, indicator), listed
        first, then confirmed in one command: one transaction, one undo step."""
        figure = self.current_figure()
        project = self._writable() if figure is not None else None
        if figure is None or project is None:
            return
        same = identical_pending(project, figure, None if everywhere else self.document_id)
        if not same:
            self._show_status(tr("No pending figure is identical to this one"), 4000)
            return
        dialog = ConfirmIdenticalDialog(project, same, self._dialog_parent)
        if not self.run_dialog(dialog):
            return
        project.decide_many([f.id for f in same], Status.CONFIRMED)
        self.figures_changed([f.id for f in same])
        self._show_status(tr("%1 identical figures confirmed").replace("%1", str(len(same))), 4000)
        if self._settings.auto_advance:
            self.next_pending()  # on to the next pending figure, as C does

    def run_dialog(self, dialog) -> bool:
        """A modal dialog; afterwards the keyboard is back where it was, in an active window."""
        before = QApplication.focusWidget()
        accepted = bool(dialog.exec())
        self._dialog_parent.activateWindow()
        if before is not None:
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        return accepted

    @reports_errors
    def add_figure_from_selection(self) -> None:
        span = self._view.selected_span()
        if span is None or self._project() is None or self.document_id is None:
            self._report_error(tr("Select the figure's text in the document first, then add it."), None)
            return
        project = self._writable()
        if project is None:
            return
        from reviewer.ui.add_figure import AddFigureDialog

        start, end = span
        dialog = AddFigureDialog(self.document_text[start:end], self._dialog_parent)
        if not dialog.exec():
            return
        values = dialog.values()
        figure_id = project.add_manual_figure(self.document_id, start, end, values["kind"], values["value"],
                                              values["unit"], values["indicator"])
        self._table.model.add_figure(project.figure(figure_id))
        self.figures_changed([figure_id])
        self.select_figure(figure_id)

    # -- undo and redo -----------------------------------------------------------------------

    @reports_errors
    def undo(self) -> None:
        if self.refuse_read_only():
            return
        if self._has_typed_edits():
            self._inspector.cancel_edit()  # first Ctrl+Z takes back the typing, not a saved decision
            self._show_status(tr("Typed edits undone"), 4000)
            return
        self._after_history(self.history.undo())

    def _has_typed_edits(self) -> bool:
        return self._has_typed_correction() or self._inspector.pending_note() is not None

    @reports_errors
    def redo(self) -> None:
        if not self.refuse_read_only():
            self._after_history(self.history.redo())

    def _after_history(self, events: list[Event]) -> None:
        """Show what undo or redo changed: the figure it touched, selected, in its document; a
        document's date changed back or again: that document as now stored."""
        project = self._project()
        if events and project is not None and events[0].reverts is not None \
                and project.event(events[0].reverts).action == "date":
            self.documentDatesChanged.emit(events[0].document_id)
            self.historyChanged.emit()
            return
        ids = figure_ids(events)
        if not ids:
            self.historyChanged.emit()
            return
        self.figures_changed(ids)
        self.open_figure(ids[0])

    # -- after any change in the store ---------------------------------------------------------

    def _show_waiting(self, figure: StoredFigure) -> None:
        """A decision kept on disk while offline: the table, highlight and inspector show it as
        made (the server has it when it is back; the refresh then shows the store's own)."""
        self._table.model.update_figure(figure)
        self._view.update_figure(figure)
        if self.current_figure() is not None and self.current_figure().id == figure.id:
            self._inspector.show_figure(figure, self.document_text, self._view.row_around(figure.start, figure.end))

    def figures_changed(self, ids: list[int]) -> None:
        """Table row, highlight, inspector and progress follow the store."""
        project = self._project()
        if project is None:
            return
        documents = set()
        current = self.current_figure()
        changed = []
        for figure_id in ids:
            figure = project.figure(figure_id)
            changed.append(figure)
            documents.add(figure.document_id)
            if figure.document_id != self.document_id:
                continue
            self._table.model.update_figure(figure)
            self._view.update_figure(figure)
            if current is not None and current.id == figure.id and self.current_figure() is current:
                self._inspector.show_figure(figure, self.document_text,
                                            self._view.row_around(figure.start, figure.end))
        self.figuresChanged.emit(changed)
        self.progressChanged.emit(sorted(documents), project.progress_by_document())
        self.historyChanged.emit()
