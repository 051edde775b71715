"""A read-only window follows the window that writes: it asks SQLite every few seconds whether
another connection committed (PRAGMA data_version, a cheap read of a counter) and says so."""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.store import Project, StoreError

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 2000


class ProjectWatch(QObject):
    """changed fires when another connection committed to the watched project since the last look."""

    changed = Signal()
    failed = Signal(str)  # the project can no longer be read: said once, then the watch stops

    def __init__(self, project: Callable[[], Project | None], parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._seen: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.look)

    def start(self) -> None:
        project = self._project()
        if project is None:
            return
        try:
            self._seen = project.data_version()
        except StoreError as exc:
            log.warning("cannot watch %s: %s", project.path, exc)
            return
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._seen = None

    def is_active(self) -> bool:
        return self._timer.isActive()

    def look(self) -> None:
        project = self._project()
        if project is None:
            self.stop()
            return
        try:
            version = project.data_version()
        except StoreError as exc:
            self.stop()
            self.failed.emit(str(exc))
            return
        if version != self._seen:
            self._seen = version
            self.changed.emit()
