"""The lease of the document on show, so that two reviewers do not take the same single-review
document of a shared project.

A reviewer showing a document that needs one reviewer takes its lease; it is renewed before each
decision in it and, while the document is on show and the window active, every LEASE_MINUTES/3 (a
renewal, not a poll for updates: it reads nothing); it is given back when they move to another
document or close the project. A lease held by someone else leaves the document read-only here: a
change is refused with one line naming them, after asking the server once more (they may have
moved on meanwhile). Documents needing two or three reviewers are never leased, and neither is
anything of a project file."""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reviewer.store import Project
from reviewer.store.errors import DocumentLeased, StoreError
from reviewer.store.project import LEASE_MINUTES
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)

RENEW_EVERY_MS = int(LEASE_MINUTES * 60_000 / 3)


def taken_message(holder: str) -> str:
    return tr("%1 is working on this document; choose another").replace("%1", holder or "?")


class DocumentLease(QObject):
    changed = Signal()  # the document on show became taken by another, or free again

    def __init__(self, project: Callable[[], Project | None], window: QWidget):
        super().__init__(window)
        self._project = project
        self._window = window
        self.held: int | None = None               # the document whose lease this window holds
        self.taken: tuple[int, str] | None = None  # the document on show and who else holds it
        self.timer = QTimer(self)
        self.timer.setInterval(RENEW_EVERY_MS)
        self.timer.timeout.connect(self._renew_if_active)

    def _leasing(self, project: Project | None) -> bool:
        # a reviewer's work is what collides; the adjudicator and the manager settle, they do not take work
        return project is not None and project.shared and project.role == "reviewer" and not project.read_only

    @property
    def holder(self) -> str | None:
        """Who else is working on the document on show (None: nobody, or it is not leased)."""
        return self.taken[1] if self.taken is not None else None

    def document_shown(self, doc_id: int) -> None:
        if doc_id == self.held:
            return
        if self.taken is not None and self.taken[0] == doc_id:
            self._take(doc_id)  # shown again (a refresh): perhaps free by now
            return
        self.release()
        project = self._project()
        if self._leasing(project) and project is not None and project.needed_reviewers().get(doc_id, 1) == 1:
            self._take(doc_id)

    def refusal(self) -> str | None:
        """Before a change in the document on show: the lease renewed (or taken, if its holder has
        moved on); the line to show when someone else holds it."""
        if self.held is not None:
            self._take(self.held)
        elif self.taken is not None:
            self._take(self.taken[0])
        return taken_message(self.taken[1]) if self.taken is not None else None

    def release(self) -> None:
        """Give the lease back (another document on show, the project closing)."""
        held, self.held = self.held, None
        was_taken, self.taken = self.taken, None
        self.timer.stop()
        project = self._project()
        if held is not None and project is not None:
            try:
                project.release_lease(held)
            except StoreError as exc:  # offline: it expires by itself; nothing of the review is lost
                log.info("lease of document %s not given back: %s", held, exc)
        if was_taken is not None:
            self.changed.emit()

    def _take(self, doc_id: int) -> None:
        project = self._project()
        if project is None:
            return
        was_taken = self.taken
        try:
            project.take_lease(doc_id)
        except DocumentLeased as exc:
            self.held, self.taken = None, (doc_id, exc.holder)
            self.timer.stop()
        except StoreError as exc:  # the server away: the review goes on, its decisions wait in the outbox
            log.info("lease of document %s not taken: %s", doc_id, exc)
            self.held, self.taken = None, None
        else:
            self.held, self.taken = doc_id, None
            if not self.timer.isActive():
                self.timer.start()
        if self.taken != was_taken:
            self.changed.emit()

    def _renew_if_active(self) -> None:
        if self.held is not None and self._window.isActiveWindow():
            self._take(self.held)
