"""Bringing documents into the open project: reading and extraction on a worker thread behind a
progress dialog whose Cancel works at once, storing on the window's thread through the command
line's own loop (reviewer.commands.importing), and checking the source files again.

The window gives an Importer what it needs (its parent widget, the open project, how to report
an error, show a status line and refresh the document list) and keeps a reference to it."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reviewer.commands.importing import KnownDocuments, Prepared, known_documents, store_prepared
from reviewer.sources import changed_sources
from reviewer.store import Project, StoreError
from reviewer.ui.counts import count_text
from reviewer.ui.importer import ImportWorker, start_import
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)


class Importer(QObject):
    finished = Signal(int)  # documents stored (new or re-imported)

    def __init__(self, parent: QWidget, project: Callable[[], Project | None], report_error: Callable[[str], None],
                 show_status: Callable[[str], None], refresh: Callable[[], None]):
        super().__init__(parent)
        self._parent = parent
        self._project = project
        self._report_error = report_error
        self._show_status = show_status
        self._refresh = refresh
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._dialog: QProgressDialog | None = None
        self._cancelled = threading.Event()
        self._known: KnownDocuments | None = None
        self._stored = 0
        self._skipped: list[str] = []
        self._failed: list[str] = []

    @property
    def running(self) -> bool:
        return self._thread is not None

    def import_files(self, files: list[Path], split: bool = False) -> bool:
        """Start importing into the open project; False when nothing was started."""
        project = self._project()
        if project is None:
            self._report_error(tr("Open or create a project first (File > New project)."))
            return False
        if self.running:
            self._report_error(tr("An import is already running."))
            return False
        self._known = known_documents(project)
        self._stored = 0
        self._skipped, self._failed = [], []
        self._cancelled = threading.Event()
        dialog = QProgressDialog(tr("Importing documents…"), tr("Cancel"), 0, len(files), self._parent)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(tr("Import documents"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(420)  # room for a file name
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)  # a direct call on this thread: sets the flag at once
        thread, worker = start_import(files, split, self._cancelled)
        self._thread, self._worker, self._dialog = thread, worker, dialog
        worker.progress.connect(self._progress)
        worker.prepared.connect(self._store)
        worker.failed.connect(self._failure)
        worker.finished.connect(self._finished)
        thread.start()
        return True

    def cancel(self) -> None:
        """Stop after the file being read; what was stored stays stored."""
        self._cancelled.set()

    def stop(self) -> None:
        """Cancel and wait for the worker (the project is about to close)."""
        if self._thread is None:
            return
        self._cancelled.set()
        thread = self._thread
        self._thread = None
        self._worker = None  # what it already sent is ignored (see _from_current_worker)
        thread.quit()
        thread.wait()
        self._close_dialog()

    def _from_current_worker(self) -> bool:
        """Signals still queued from a stopped import must not reach the next one."""
        return self._worker is not None and self.sender() is self._worker

    def _progress(self, done: int, total: int, name: str) -> None:
        if self._dialog is None or self._cancelled.is_set() or not self._from_current_worker():
            return
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)
        if name:
            self._dialog.setLabelText(tr("Reading %1…").replace("%1", name))

    def _store(self, prepared: Prepared) -> None:
        project = self._project()
        if self._cancelled.is_set() or project is None or self._known is None or not self._from_current_worker():
            return  # read before Cancel reached the worker: not stored, as the reviewer asked
        try:
            outcome = store_prepared(project, prepared, self._known)
        except StoreError as exc:
            self._failed.append(str(exc))
            self.cancel()  # the project refuses writes: the next documents would fail alike
            return
        except Exception as exc:  # noqa: BLE001 - one document never ends the window
            log.exception("storing %s failed", prepared.path)
            self._failed.append(tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
                                .replace("%1", f"{type(exc).__name__}: {exc}"))
            return
        if outcome.stored:
            self._stored += 1
        else:
            self._skipped.append(outcome.message)

    def _failure(self, message: str) -> None:
        if self._from_current_worker():
            self._failed.append(message)

    def _finished(self) -> None:
        if self._thread is None or not self._from_current_worker():
            return  # stopped: the project was closed
        self._thread.wait()
        self._thread = None
        self._worker = None
        cancelled = self._cancelled.is_set()
        self._close_dialog()
        self._refresh()
        summary = self.summary(cancelled)
        self._show_status(summary)
        lines = self._failed + self._skipped
        if lines:
            intro = tr("Some files could not be imported; the others were:") if self._failed else summary
            self._report_error(intro + "\n\n" + "\n".join(lines))
        self.finished.emit(self._stored)

    def summary(self, cancelled: bool = False) -> str:
        parts = [count_text(self._stored, tr("1 document imported"), tr("%1 documents imported"))]
        if self._skipped:
            parts.append(count_text(len(self._skipped), tr("1 document skipped"), tr("%1 documents skipped")))
        if self._failed:
            parts.append(count_text(len(self._failed), tr("1 file could not be imported"),
                                    tr("%1 files could not be imported")))
        text = tr(", ").join(parts)
        return tr("Import cancelled: %1").replace("%1", text) if cancelled else text

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None

    # -- source files ------------------------------------------------------------------------

    def check_sources(self) -> None:
        """File > Check source files: list documents whose file changed or went missing, and
        offer to import the changed ones again (their decisions are carried over)."""
        project = self._project()
        if project is None:
            return
        changed = changed_sources(project)
        self._refresh()
        if not changed:
            self._show_status(tr("Every source file is as it was imported"))
            return
        lines = "\n".join(f"• {doc.title}: {reason}" for doc, reason in changed)
        files = sorted({Path(doc.source) for doc, _ in changed if Path(doc.source).exists()})
        if not files:
            self._report_error(tr("These source files changed or are missing:") + "\n\n" + lines)
            return
        answer = QMessageBox.question(self._parent, tr("Source files changed"),
                                      tr("These source files changed or are missing:") + "\n\n" + lines + "\n\n"
                                      + tr("Import the changed files again? Decisions are carried over where the "
                                           "figure is still there; the others are kept and flagged."))
        if answer == QMessageBox.StandardButton.Yes:
            split = any(doc.article is not None for doc, _ in changed)
            self.import_files(files, split=split)
