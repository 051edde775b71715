"""Reading and extracting many files on a worker thread, through the command line's own loop
(reviewer.commands.importing.read_and_extract); the window stores the results.

The worker does the slow part (reading, decoding, extracting); the project file is written by
the window's thread only, so one SQLite connection serves the whole application. Cancelling is
a threading.Event the loop reads between files: a queued call would wait for the busy thread."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reviewer.commands.importing import Failed, read_and_extract
from reviewer.display import shown

log = logging.getLogger(__name__)


class ImportWorker(QObject):
    progress = Signal(int, int, str)  # files done, files in all, file being read
    prepared = Signal(object)         # reviewer.commands.importing.Prepared
    failed = Signal(str)              # one line naming the file and the reason
    finished = Signal()

    def __init__(self, files: list[Path], split: bool, cancelled: threading.Event):
        super().__init__()
        self._files = [Path(f).absolute() for f in files]
        self._split = split
        self._cancelled = cancelled

    def run(self) -> None:
        total = len(self._files)
        seen: set[Path] = set()
        try:
            if self._files:
                self.progress.emit(0, total, shown(self._files[0].name))
            for item in read_and_extract(self._files, split=self._split, cancelled=self._cancelled.is_set):
                if item.path not in seen:
                    seen.add(item.path)
                    following = self._files[len(seen)] if len(seen) < total else None
                    self.progress.emit(len(seen), total, shown(following.name) if following else "")
                if isinstance(item, Failed):
                    self.failed.emit(item.message)
                else:
                    self.prepared.emit(item)
        except Exception as exc:  # noqa: BLE001 - the loop handles each file; this is the last guard
            log.exception("the import worker failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.finished.emit()


def start_import(files: list[Path], split: bool, cancelled: threading.Event) -> tuple[QThread, ImportWorker]:
    thread = QThread()
    worker = ImportWorker(files, split, cancelled)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    return thread, worker
