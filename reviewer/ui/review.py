"""Reviewing in the window: the current figure, moving between figures, decisions, corrections,
notes, identical figures, figures added by hand, filters and zoom (a mixin of MainWindow)."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QApplication

from reviewer.model import Kind, Status
from reviewer.store.records import StoredFigure
from reviewer.ui.dialogs import ask_reviewer_name
from reviewer.ui.errors import reports_errors
from reviewer.ui.figure_model import FIGURE_ROLE
from reviewer.ui.labels import tr
from reviewer.ui.undo import StoreCommand


class ReviewMixin:
    # -- the current figure ------------------------------------------------------------------

    def current_figure(self) -> StoredFigure | None:
        return self.inspector.figure()

    def select_figure(self, figure_id: int | None) -> None:
        """Row, highlight and inspector all follow the same figure."""
        if figure_id is None:
            return
        row = self.table_model.row_of(figure_id)
        if row is None:
            return
        figure = self.table_model.figures()[row]
        proxy_index = self.proxy.mapFromSource(self.table_model.index(row, 0))
        if proxy_index.isValid() and self.table.currentIndex().row() != proxy_index.row():
            self.table.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(proxy_index)
        self.view.set_current(figure_id)
        self.inspector.show_figure(figure, self.document_text)
        self._update_enabled()

    def _row_chosen(self, current: QModelIndex, _previous=None) -> None:
        figure = current.data(FIGURE_ROLE) if current.isValid() else None
        if figure is not None and (self.current_figure() is None or self.current_figure().id != figure.id):
            self.select_figure(figure.id)

    def visible_order(self) -> list[StoredFigure]:
        return [self.proxy.index(r, 0).data(FIGURE_ROLE) for r in range(self.proxy.rowCount())]

    def _proxy_row(self, figure: StoredFigure | None) -> int | None:
        if figure is None:
            return None
        row = self.table_model.row_of(figure.id)
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.table_model.index(row, 0))
        return index.row() if index.isValid() else None

    def _figure_at_row(self, row: int) -> StoredFigure:
        return self.proxy.index(row, 0).data(FIGURE_ROLE)

    def move(self, step: int) -> None:
        rows = self.proxy.rowCount()
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
            self.statusBar().showMessage(tr("No pending figures left in this view"), 4000)

    def _first_pending(self, after: StoredFigure | None = None) -> int | None:
        """The first pending figure in table order after `after`, wrapping around; scans from the
        current row, so the usual case touches a handful of rows, not all of them."""
        rows = self.proxy.rowCount()
        at = self._proxy_row(after)
        start = 0 if at is None else at + 1
        for offset in range(rows):
            figure = self._figure_at_row((start + offset) % rows)
            if figure.status is Status.PENDING and (after is None or figure.id != after.id):
                return figure.id
        return None

    # -- review ------------------------------------------------------------------------------

    def _ensure_reviewer(self) -> bool:
        if not self.settings.reviewer:
            name = ask_reviewer_name(self)
            if not name:
                return False
            self.settings.reviewer = name
        if self.project is not None:
            self.project.reviewer = self.settings.reviewer
        self.reviewer_label.setText(tr("Reviewer: %1").replace("%1", self.settings.reviewer))
        return True

    @reports_errors
    def decide_current(self, status: Status, **fields) -> None:
        figure = self.current_figure()
        if figure is None or self.project is None or not self._ensure_reviewer():
            return
        if fields.get("note") is None:
            fields["note"] = self.inspector.pending_note()  # a note typed before Ctrl+Enter is kept
        self.project.decide(figure.id, status, **fields)
        text = {Status.CONFIRMED: tr("Confirm %1"), Status.REJECTED: tr("Reject %1"),
                Status.CORRECTED: tr("Correct %1")}.get(status, tr("Review %1")).replace("%1", figure.text)
        self.undo_stack.push(StoreCommand(text, [figure.id], lambda: self.project, self.figures_changed))
        if self.settings.auto_advance and status is not Status.CORRECTED:
            self.next_pending()

    def start_correction(self) -> None:
        if self.current_figure() is not None:
            self.inspector.focus_value()

    @reports_errors
    def apply_correction(self, fields: dict) -> None:
        figure = self.current_figure()
        if figure is None:
            return
        note = fields.pop("note", None)
        self.decide_current(Status.CORRECTED, note=note, **fields)
        self.view.setFocus()

    @reports_errors
    def save_note(self, note: str) -> None:
        figure = self.current_figure()
        if figure is None or not self._ensure_reviewer():
            return
        self.project.set_note(figure.id, note)
        self.undo_stack.push(StoreCommand(tr("Note on %1").replace("%1", figure.text), [figure.id],
                                          lambda: self.project, self.figures_changed))
        self.statusBar().showMessage(tr("Note saved"), 3000)

    @reports_errors
    def confirm_identical(self, everywhere: bool) -> None:
        figure = self.current_figure()
        if figure is None or not self._ensure_reviewer():
            return
        pool = self.project.figures(None if everywhere else self.document_id, status=Status.PENDING)
        same = [f for f in pool if f.text == figure.text and f.final_value == figure.final_value]
        if figure.status is Status.PENDING and figure.id not in {f.id for f in same}:
            same.insert(0, figure)
        done = []
        for f in same:
            self.project.decide(f.id, Status.CONFIRMED)
            done.append(f.id)
        if done:
            self.undo_stack.push(StoreCommand(tr("Confirm %1 × %2").replace("%1", figure.text).replace("%2", str(len(done))),
                                              done, lambda: self.project, self.figures_changed))
        self.statusBar().showMessage(tr("%1 identical figures confirmed").replace("%1", str(len(done))), 4000)

    @reports_errors
    def add_figure_from_selection(self) -> None:
        span = self.view.selected_span()
        if span is None or self.project is None or self.document_id is None:
            self.report_error(tr("Select the figure's text in the document first, then add it."))
            return
        if not self._ensure_reviewer():
            return
        from reviewer.ui.add_figure import AddFigureDialog

        start, end = span
        dialog = AddFigureDialog(self.document_text[start:end], self)
        if not dialog.exec():
            return
        values = dialog.values()
        figure_id = self.project.add_manual_figure(self.document_id, start, end, values["kind"], values["value"],
                                                   values["unit"], values["indicator"])
        self.table_model.add_figure(self.project.figure(figure_id))
        self.undo_stack.push(StoreCommand(tr("Add %1").replace("%1", self.document_text[start:end]), [figure_id],
                                          lambda: self.project, self.figures_changed))
        self.select_figure(figure_id)

    def figures_changed(self, figure_ids: list[int]) -> None:
        """After any change in the store: table row, highlight, inspector and progress follow."""
        if self.project is None:
            return
        documents = set()
        for figure_id in figure_ids:
            figure = self.project.figure(figure_id)
            documents.add(figure.document_id)
            if figure.document_id != self.document_id:
                continue
            self.table_model.update_figure(figure)
            self.view.update_figure(figure)
            current = self.current_figure()
            if current is not None and current.id == figure.id:
                self.inspector.show_figure(figure, self.document_text)
        progress = self.project.progress_by_document()
        for doc_id in documents:
            self.doc_model.set_progress(doc_id, progress[doc_id])
        self._update_progress(progress)

    # -- filters and view --------------------------------------------------------------------

    def _filters_changed(self) -> None:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        self.proxy.set_statuses({Status(status)} if status else None)
        self.proxy.set_kinds({Kind(kind)} if kind else None)
        self.proxy.set_max_confidence(0.7999 if self.doubtful.isChecked() else 1.0)

    def zoom(self, step: int) -> None:
        font = self.view.font()
        size = font.pointSize() if font.pointSize() > 0 else 11
        size = QApplication.font().pointSize() if step == 0 else max(6, min(48, size + step))
        font.setPointSize(size)
        self.view.setFont(font)
        self.settings.font_size = 0 if step == 0 else size

    def set_show_dates(self, show: bool) -> None:
        self.settings.show_dates = show
        if self.document_id is not None and self.project is not None:
            current = self.current_figure()
            self.show_document(self.document_id)
            if current is not None:
                self.select_figure(current.id)
