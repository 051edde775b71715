"""Exporting on a worker thread: 100,000 figures take seconds, the window must not freeze and
Cancel must work. The worker opens its own read-only connection to the project (its file or
its server), so the window's connection is never used from two threads; a cancelled export leaves the old file
as it was (the exporter writes under a temporary name)."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reviewer.commands.agreement import project_agreement
from reviewer.commands.checking import project_findings
from reviewer.export import ExportCancelled, ExportError, ExportOptions, export
from reviewer.store import StoreError
from reviewer.store.locations import Location
from reviewer.store.opening import open_project
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)


class ExportWorker(QObject):
    progress = Signal(int, int)  # rows written, rows in all
    exported = Signal(int)       # rows written
    failed = Signal(str)         # one line naming the file and the problem
    stopped = Signal()           # cancelled: nothing was written
    finished = Signal()          # after any of the three above

    def __init__(self, project: Path | Location, output: Path, options: ExportOptions, cancelled: threading.Event):
        super().__init__()
        self._project = project
        self._output = output
        self._options = options
        self._cancelled = cancelled

    def run(self) -> None:
        try:
            with open_project(self._project, read_only=True) as project:
                # the same sheets as `reviewer export`: the checks' findings and how far reviewers agree
                rows = export(project, self._output, self._options, progress=self.progress.emit,
                              cancelled=self._cancelled.is_set, checks=project_findings(project),
                              agreement=project_agreement(project))
        except ExportCancelled:
            self.stopped.emit()
        except (ExportError, StoreError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker never dies silently
            log.exception("export to %s failed", self._output)
            self.failed.emit(tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
                             .replace("%1", f"{type(exc).__name__}: {exc}"))
        else:
            self.exported.emit(rows)
        finally:
            self.finished.emit()


def start_export(project: Path | Location, output: Path, options: ExportOptions,
                 cancelled: threading.Event) -> tuple[QThread, ExportWorker]:
    thread = QThread()
    worker = ExportWorker(project, output, options, cancelled)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    return thread, worker
