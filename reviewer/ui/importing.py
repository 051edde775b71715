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

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reviewer.commands.importing import KnownDocuments, Prepared, known_documents, store_prepared
from reviewer.sources import changed_sources
from reviewer.store import Project, StoreError
from reviewer.ui.counts import count_text
from reviewer.ui.importer import start_import
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)


class ImportRun(QObject):
    """One import from start to summary. Its worker's results arrive at this object, on the
    window's thread; once stopped (the project closes) it ignores whatever is still queued."""

    done = Signal(object)  # this run, when its worker has finished

    def __init__(self, project: Project, files: list[Path], split: bool, parent: QWidget):
        super().__init__()
        self.project = project
        self.known: KnownDocuments = known_documents(project)
        self.cancelled = threading.Event()  # read by the worker directly: a queued call would wait for it
        self.stopped = False
        self.stored = 0
        self.skipped: list[str] = []
        self.failed: list[str] = []
        dialog = QProgressDialog(tr("Importing documents…"), tr("Cancel"), 0, len(files), parent)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(tr("Import documents"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(420)  # room for a file name
        dialog.setValue(0)
        dialog.canceled.connect(self.cancelled.set)  # a direct call on this thread: at once
        self.dialog: QProgressDialog | None = dialog
        self.thread, self.worker = start_import(files, split, self.cancelled)
        self.worker.progress.connect(self._progress)
        self.worker.prepared.connect(self._store)
        self.worker.failed.connect(self._failure)
        self.worker.finished.connect(self._finished)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Cancel and wait for the worker; nothing it already sent is stored."""
        self.stopped = True
        self.cancelled.set()
        self.thread.quit()
        self.thread.wait()
        self._close_dialog()

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.dialog
        if dialog is None or self.stopped or self.cancelled.is_set():
            return
        if name:
            dialog.setLabelText(tr("Reading %1…").replace("%1", name))
        dialog.setMaximum(total)
        dialog.setValue(done)  # last: a modal progress dialog handles pending events here

    def _store(self, prepared: Prepared) -> None:
        if self.stopped or self.cancelled.is_set():
            return  # read before Cancel reached the worker: not stored, as the reviewer asked
        try:
            outcome = store_prepared(self.project, prepared, self.known)
        except StoreError as exc:
            self.failed.append(str(exc))
            self.cancelled.set()  # the project refuses writes: the next documents would fail alike
            return
        except Exception as exc:  # noqa: BLE001 - one document never ends the window
            log.exception("storing %s failed", prepared.path)
            self.failed.append(tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
                               .replace("%1", f"{type(exc).__name__}: {exc}"))
            return
        if outcome.stored:
            self.stored += 1
        else:
            self.skipped.append(outcome.message)

    def _failure(self, message: str) -> None:
        if not self.stopped:
            self.failed.append(message)

    def _finished(self) -> None:
        if self.stopped:
            return
        self.thread.wait()
        self._close_dialog()
        self.done.emit(self)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancelled.set)
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def summary(self) -> str:
        parts = [count_text(self.stored, tr("1 document imported"), tr("%1 documents imported"))]
        if self.skipped:
            parts.append(count_text(len(self.skipped), tr("1 document skipped"), tr("%1 documents skipped")))
        if self.failed:
            parts.append(count_text(len(self.failed), tr("1 file could not be imported"),
                                    tr("%1 files could not be imported")))
        text = tr(", ").join(parts)
        return tr("Import cancelled: %1").replace("%1", text) if self.cancelled.is_set() else text


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
        self._run: ImportRun | None = None

    @property
    def running(self) -> bool:
        return self._run is not None

    def import_files(self, files: list[Path], split: bool = False) -> bool:
        """Start importing into the open project; False when nothing was started."""
        project = self._project()
        if project is None:
            self._report_error(tr("Open or create a project first (File > New project)."))
            return False
        if self.running:
            self._report_error(tr("An import is already running."))
            return False
        run = ImportRun(project, files, split, self._parent)
        run.done.connect(self._done)
        self._run = run
        run.start()
        return True

    def cancel(self) -> None:
        """Stop after the file being read; what was stored stays stored."""
        if self._run is not None:
            self._run.cancelled.set()

    def stop(self) -> None:
        """Cancel and wait for the worker (the project is about to close)."""
        run, self._run = self._run, None
        if run is not None:
            run.stop()

    def _done(self, run: ImportRun) -> None:
        if run is not self._run:
            return
        self._run = None
        self._refresh()
        summary = run.summary()
        self._show_status(summary)
        lines = run.failed + run.skipped
        if lines:
            intro = tr("Some files could not be imported; the others were:") if run.failed else summary
            self._report_error(intro + "\n\n" + "\n".join(lines))
        self.finished.emit(run.stored)

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
