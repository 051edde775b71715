"""Reading a project off the window's thread (a team's decisions, a big project's checks): too long
to freeze the window for at 200,000 figures or a thousand documents. The worker opens its own
read-only connection to the project (its file, or its server), as the export does, so the window's
connection is never used from two threads.

One read at a time per view; asking again while one runs reads once more after it, and only the
newest answer is shown (an older one could miss a decision made meanwhile)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reviewer.documents import DocumentError
from reviewer.store import Project, StoreError
from reviewer.store.locations import Location
from reviewer.store.opening import open_project
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)


class _Job(QObject):
    done = Signal(int, object)  # request number, the work's result
    failed = Signal(int, str)  # request number, one line naming the file and the problem

    def __init__(self, number: int, path: Path | Location, work: Callable[[Project], object]):
        super().__init__()
        self._number = number
        self._path = path
        self._work = work

    def run(self) -> None:
        try:
            with open_project(self._path, read_only=True) as project:
                result = self._work(project)
        except (StoreError, DocumentError) as exc:
            self.failed.emit(self._number, str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker's last line of defence: a message, not a crash
            log.exception("a read on a thread of its own failed")
            message = tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
            self.failed.emit(self._number, message.replace("%1", f"{type(exc).__name__}: {exc}"))
        else:
            self.done.emit(self._number, result)


class BackgroundRead(QObject):
    finished = Signal(object)  # the newest request's result
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._number = 0
        self._thread: QThread | None = None
        self._job: _Job | None = None
        self._next: tuple[Path | Location, Callable[[Project], object]] | None = None

    def reading(self) -> bool:
        return self._thread is not None or self._next is not None

    def request(self, path: Path | Location, work: Callable[[Project], object]) -> None:
        self._number += 1
        if self._thread is not None:
            self._next = (path, work)  # after the read under way, whose answer is then stale
            return
        self._start(path, work)

    def _start(self, path: Path | Location, work: Callable[[Project], object]) -> None:
        thread = QThread(self)
        job = _Job(self._number, path, work)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.done.connect(self._done)
        job.failed.connect(self._failed)
        job.done.connect(thread.quit)
        job.failed.connect(thread.quit)
        thread.finished.connect(self._thread_ended)
        self._thread, self._job = thread, job
        thread.start()

    def _done(self, number: int, result: object) -> None:
        if number == self._number and self._next is None:
            self.finished.emit(result)

    def _failed(self, number: int, message: str) -> None:
        if number == self._number and self._next is None:
            self.failed.emit(message)

    def _thread_ended(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        if self._job is not None:
            self._job.deleteLater()
        self._thread = self._job = None
        if self._next is not None:
            path, work = self._next
            self._next = None
            self._start(path, work)

    def stop(self) -> None:
        """The project closes: no answer is shown any more; the read under way is waited for."""
        self._number += 1
        self._next = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread_ended()
