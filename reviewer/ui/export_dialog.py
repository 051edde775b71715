"""File > Export: which states, which documents, one sheet per document or one in all, and where;
the export itself runs on a worker thread behind a progress dialog that can be cancelled."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from reviewer.export import ExportOptions
from reviewer.model import Status
from reviewer.store.locations import FileLocation, Location
from reviewer.ui.counts import count_text
from reviewer.ui.dialogs import ok_cancel, show_error
from reviewer.ui.export_worker import ExportWorker, start_export
from reviewer.ui.file_dialogs import FileDialogs
from reviewer.ui.labels import status_label, tr


class ExportDialog(QDialog):
    exported = Signal(int)  # rows written
    stopped = Signal()      # cancelled or failed: the old file is as it was

    def __init__(self, project, files: FileDialogs | None = None, parent=None, current_document: int | None = None,
                 language: str = "zh", location: Location | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export"))
        self.project = project
        self.files = files
        # the worker opens the project again where it lives (a file, or the server)
        self.location = location or getattr(project, "location", None) or FileLocation(project.path)
        self.current_document = current_document
        self.states = {}
        states_box = QHBoxLayout()
        for status in Status:
            box = QCheckBox(status_label(status))
            box.setChecked(status in (Status.CONFIRMED, Status.CORRECTED))
            self.states[status] = box
            states_box.addWidget(box)
        self.scope = QComboBox()
        self.scope.addItem(tr("All documents"), "all")
        if current_document is not None:
            self.scope.addItem(tr("Only the document on screen"), "current")
        self.per_document = QCheckBox(tr("One sheet per document"))
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "zh" else 1)
        default = self._default_destination()
        self.destination = QLineEdit(str(default))
        self.destination.setObjectName("exportDestination")
        self._fit_destination()
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(tr("States"), _wrap(states_box))
        form.addRow(tr("Documents"), self.scope)
        form.addRow("", self.per_document)
        form.addRow(tr("Headers"), self.language)
        form.addRow(tr("Save as (.xlsx, .csv, .json)"), _wrap(where))
        self.buttons = ok_cancel(self, self.run, tr("Export"))
        form.addRow(self.buttons)
        self.exported_rows: int | None = None
        self.progress: QProgressDialog | None = None
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self._cancelled = threading.Event()
        self._output: Path | None = None
        self._failure: str | None = None  # after the worker: None went well, "" cancelled, else the message

    def _fit_destination(self) -> None:
        """Wide enough for the whole path (up to 90 characters); a longer one shows its end, the name."""
        metrics = self.destination.fontMetrics()
        wanted = metrics.horizontalAdvance(self.destination.text()) + 4 * metrics.averageCharWidth()
        self.destination.setMinimumWidth(min(wanted, 90 * metrics.averageCharWidth()))
        self.destination.setCursorPosition(len(self.destination.text()))

    def _choose(self) -> None:
        if self.files is None:
            return
        path = self.files.export_to(Path(self.destination.text().strip() or "figures.xlsx"))
        if path is not None:
            self.destination.setText(str(path))
            self._fit_destination()
            self.adjustSize()

    def options(self) -> ExportOptions:
        states = frozenset(s for s, box in self.states.items() if box.isChecked())
        documents = frozenset({self.current_document}) if self.scope.currentData() == "current" else None
        return ExportOptions(states=states, document_ids=documents, per_document=self.per_document.isChecked(),
                             language=self.language.currentData())

    def _default_destination(self) -> Path:
        """Beside the project file; a shared project's workbook in the folder the reviewer works in."""
        if isinstance(self.location, FileLocation):
            return self.location.path.with_name(self.location.path.stem + "-figures.xlsx")
        folder = self.files.start_folder() if self.files is not None else Path.home()
        return folder / (self.location.project + "-figures.xlsx")

    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(self) -> None:
        """OK: export on a worker; this dialog stays open (and waits) until it is done."""
        if self.running:
            return
        path = Path(self.destination.text().strip())
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        self._output = path
        self._cancelled = threading.Event()
        self._failure = None
        self.exported_rows = None
        progress = QProgressDialog(tr("Exporting to %1…").replace("%1", path.name), tr("Cancel"), 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setMinimumWidth(420)  # room for a file name
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self._cancelled.set)  # read by the worker directly, at once
        thread, worker = start_export(self.location, path, self.options(), self._cancelled)
        self.progress, self._thread, self._worker = progress, thread, worker
        worker.progress.connect(self._progress)
        worker.exported.connect(self._exported)
        worker.failed.connect(self._failed)
        worker.stopped.connect(self._stopped)
        worker.finished.connect(self._finished)
        self.buttons.setEnabled(False)
        thread.start()

    def cancel_export(self) -> None:
        self._cancelled.set()

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None and not self._cancelled.is_set():
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _exported(self, rows: int) -> None:
        self.exported_rows = rows

    def _failed(self, message: str) -> None:
        self._failure = message

    def _stopped(self) -> None:
        self._failure = ""

    def _finished(self) -> None:
        """The worker is done: clean up, then say how it went."""
        if self._thread is not None:
            self._thread.wait()
        self._thread = self._worker = None
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.buttons.setEnabled(True)
        failure, self._failure = self._failure, None
        if self.exported_rows is not None and failure is None:
            message = count_text(self.exported_rows, tr("1 figure exported to %2"), tr("%1 figures exported to %2"))
            self._status(message.replace("%2", str(self._output)))
            self.exported.emit(self.exported_rows)
            self.accept()
            return
        if failure:
            show_error(self, tr("Export"), failure)
        else:
            self._status(tr("Export cancelled; %1 was not changed").replace("%1", str(self._output)))
        self.stopped.emit()

    def _status(self, message: str) -> None:
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(message, 8000)

    def reject(self) -> None:
        """Closing the dialog while exporting cancels the export first."""
        if self.running:
            self._cancelled.set()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self._cancelled.set()
            event.ignore()
            return
        super().closeEvent(event)


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
