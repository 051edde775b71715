"""A document's date and reporting period in the window: shown on a line above the document (and
in the document list's tooltip), changed in Document > Date and reporting period… (Ctrl+Shift+D).

A wrong date moves every relative period (今年, 去年, 上半年), so the reviewer can correct it. The
dialog checks what was typed before anything is written (a date or period that cannot be read is
one line in the dialog, which stays open with the typing kept). The document is extracted again
under the new date on a worker thread (a 300,000-character report takes about a second), and the
result is stored on the window's thread by the command line's own function
(reviewer.commands.dates): one command, one undo step, every decision kept."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QToolButton,
    QWidget,
)

from reviewer.commands.dates import DatesRequest, extract_under, request, store_dates
from reviewer.model import Period
from reviewer.store import Project, StoreError
from reviewer.store.dates import BadDate, parse_date, parse_period
from reviewer.store.records import StoredDocument
from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)


def date_text(doc: StoredDocument) -> str:
    return doc.date.isoformat() if doc.date else tr("none")


def reporting_text(doc: StoredDocument) -> str:
    return doc.reporting.label() if doc.reporting else tr("inferred from the text")


def dates_line(doc: StoredDocument) -> str:
    """'Document date: 2024-01-20 · Reporting period: 2023' (the list's tooltip, the line above the text)."""
    return (tr("Document date: %1").replace("%1", date_text(doc)) + "  ·  "
            + tr("Reporting period: %1").replace("%1", reporting_text(doc)))


class DatesBar(QWidget):
    """The line above the document: its date and reporting period, and the button that changes them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentDates")
        self.label = QLabel()
        self.label.setObjectName("documentDatesLabel")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QToolButton()
        self.button.setObjectName("documentDatesButton")
        self.button.setText(tr("Change…"))
        self.button.setToolTip(tr("Change the document's date and reporting period (Ctrl+Shift+D)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)

    def show_document(self, doc: StoredDocument | None) -> None:
        self.label.setText(dates_line(doc) if doc is not None else "")


class DatesDialog(QDialog):
    """The date and the reporting period, checked when OK is pressed: a bad one is said in the
    dialog, in one line, and nothing is lost or written."""

    def __init__(self, doc: StoredDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentDatesDialog")
        self.setWindowTitle(tr("Date and reporting period"))
        self.doc_id = doc.id
        self.date_edit = QLineEdit(doc.date.isoformat() if doc.date else "")
        self.date_edit.setObjectName("documentDate")
        self.date_edit.setPlaceholderText(tr("e.g. 2024-01-20"))
        self.reporting_edit = QLineEdit(doc.reporting.label() if doc.reporting else "")
        self.reporting_edit.setObjectName("reportingPeriod")
        self.reporting_edit.setPlaceholderText(tr("empty: inferred from the text"))
        self.problem = QLabel()
        self.problem.setObjectName("documentDatesProblem")
        self.problem.setStyleSheet("QLabel { color: #B03A2E; }")
        self.problem.setWordWrap(True)  # a long message wraps, and the dialog grows to hold it
        self.problem.setVisible(False)
        hint = QLabel(tr("The periods of its figures (今年, 去年, 上半年 …) are read against these; "
                         "changing them extracts the document again and keeps every decision."))
        hint.setWordWrap(True)
        title = QLabel(doc.title)
        title.setWordWrap(True)
        self.buttons: QDialogButtonBox = ok_cancel(self, self._check)
        form = QFormLayout(self)
        form.addRow(tr("Document"), title)
        form.addRow(tr("Document &date (YYYY-MM-DD)"), self.date_edit)
        form.addRow(tr("&Reporting period (2023, 2025-01/2025-11)"), self.reporting_edit)
        form.addRow(self.problem)
        form.addRow(hint)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)
        self.date_edit.textChanged.connect(lambda _t: self.problem.setVisible(False))
        self.reporting_edit.textChanged.connect(lambda _t: self.problem.setVisible(False))
        self.date: object = None
        self.reporting: Period | None = None

    def _check(self) -> None:
        for field in (self.date_edit, self.reporting_edit):
            typed = field.text().strip()
            try:
                if field is self.date_edit:
                    self.date = parse_date(typed) if typed else None
                else:
                    self.reporting = parse_period(typed) if typed else None
            except BadDate as exc:
                self.problem.setText(str(exc))
                self.problem.setVisible(True)
                self.adjustSize()  # the title and the explanation stay whole under the new line
                field.setFocus()
                field.selectAll()
                return
        self.accept()


class DatesWorker(QObject):
    """Extracting the document again under the new date (no project: the text comes with the request)."""

    done = Signal(object)  # list[Figure]
    failed = Signal(str)
    finished = Signal()

    def __init__(self, req: DatesRequest):
        super().__init__()
        self._req = req

    def run(self) -> None:
        try:
            self.done.emit(extract_under(self._req))
        except Exception as exc:  # noqa: BLE001 - a worker never dies silently
            log.exception("extracting under a new date failed")
            self.failed.emit(tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
                             .replace("%1", f"{type(exc).__name__}: {exc}"))
        finally:
            self.finished.emit()


class DocumentDates(QObject):
    """Document > Date and reporting period…: the dialog, the worker, the store, the refresh."""

    changed = Signal(int)  # the document whose date was stored (its figures changed)

    def __init__(self, parent: QWidget, project: Callable[[], Project | None], report_error: Callable[[str], None],
                 show_status: Callable[[str, int], None]):
        super().__init__(parent)
        self._parent = parent
        self._project = project
        self._report_error = report_error
        self._show_status = show_status
        self._run: tuple[QThread, DatesWorker, QProgressDialog] | None = None
        self._cancelled = threading.Event()
        self.dialog: DatesDialog | None = None
        self._request: tuple[Project | None, DatesRequest | None] = (None, None)

    @property
    def running(self) -> bool:
        return self._run is not None

    def edit(self, doc_id: int | None) -> DatesDialog | None:
        """Open the dialog for a document (window-modal, not blocking)."""
        project = self._project()
        if project is None or doc_id is None:
            return None
        if project.read_only:
            self._report_error(tr("This project is open read-only: nothing can be changed."))
            return None
        if self.running:
            self._report_error(tr("The document is still being extracted under its new date."))
            return None
        dialog = DatesDialog(project.document(doc_id, tables=False), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply(dialog.doc_id, dialog.date, dialog.reporting))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        dialog.date_edit.setFocus()
        dialog.date_edit.selectAll()
        return dialog

    def apply(self, doc_id: int, date, reporting: Period | None) -> bool:
        """Extract the document under the new date on a worker thread; stored when it is done."""
        project = self._project()
        if project is None or self.running:
            return False
        doc = project.document(doc_id, tables=False)
        if doc.date == date and doc.reporting == reporting:
            self._show_status(tr("The date and reporting period are as they were"), 4000)
            return False
        req = request(project, doc_id, date, reporting)
        self._cancelled.clear()
        progress = QProgressDialog(tr("Extracting the document again under its new date…"), tr("Cancel"), 0, 0,
                                   self._parent)
        progress.setObjectName("documentDatesProgress")
        progress.setWindowTitle(tr("Date and reporting period"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(self._cancelled.set)
        thread = QThread()
        worker = DatesWorker(req)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(thread.quit)
        # bound methods of this object: called on the window's thread (a lambda would run on the worker's)
        worker.done.connect(self._store)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)
        self._run = (thread, worker, progress)
        self._request = (project, req)
        thread.start()
        return True

    @Slot(object)
    def _store(self, figures) -> None:
        project, req = self._request
        if self._cancelled.is_set() or project is not self._project():
            self._show_status(tr("Nothing changed: the new date was cancelled"), 6000)
            return
        try:
            result = store_dates(project, req, figures)
        except StoreError as exc:
            self._report_error(str(exc))
            return
        if result is not None:
            self._show_status(tr("New date stored: %1 periods changed, %2 figures kept with their decisions")
                              .replace("%1", str(result["periods"])).replace("%2", str(result["kept"])), 8000)
            self.changed.emit(req.doc_id)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._report_error(message)

    @Slot()
    def _finished(self) -> None:
        if self._run is None:
            return
        thread, _worker, progress = self._run
        thread.wait()
        progress.canceled.disconnect(self._cancelled.set)
        progress.reset()
        progress.deleteLater()
        self._run = None

    def wait(self) -> None:
        """Until the worker has finished (the project is about to close; tests)."""
        if self._run is not None:
            self._cancelled.set()
            self._run[0].wait()
