"""Reading and extracting many files on a worker thread; the window stores the results.

The worker does the slow part (reading, decoding, extracting); the project file is written by
the window's thread only, so one SQLite connection serves the whole application."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reviewer.documents import DocumentError, read_document
from reviewer.documents.split import split_articles
from reviewer.extract import extract

log = logging.getLogger(__name__)


class ImportWorker(QObject):
    progress = Signal(int, int, str)        # files done, files in all, current file
    documentReady = Signal(object, object)  # Document, list[Figure]
    failed = Signal(str)                    # one line naming the file and the reason
    finished = Signal(int)                  # files done

    def __init__(self, files: list[Path], split: bool = False):
        super().__init__()
        self._files = [Path(f).absolute() for f in files]
        self._split = split
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        done = 0
        for done, path in enumerate(self._files):
            if self._cancelled:
                break
            self.progress.emit(done, len(self._files), path.name)
            try:
                doc = read_document(path)
                parts = split_articles(doc) if self._split else [doc]
                for part in parts:
                    if self._cancelled:
                        break
                    self.documentReady.emit(part, extract(part.text, part.date))
            except DocumentError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # never let one file end the batch, never lose the reason
                log.exception("import of %s failed", path)
                self.failed.emit(f"{path}: unexpected error ({type(exc).__name__}: {exc}); details in the log")
        else:
            done = len(self._files)
        self.progress.emit(done, len(self._files), "")
        self.finished.emit(done)


def start_import(files: list[Path], split: bool = False) -> tuple[QThread, ImportWorker]:
    thread = QThread()
    worker = ImportWorker(files, split)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    return thread, worker
