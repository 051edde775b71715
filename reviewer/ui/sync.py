"""A shared project in the window: the others' work shows as it happens, and a decision made
while the server is away waits on disk and goes when it is back.

ProjectSync is a collaborator of the main window: the window hands it the project it opened
(attach), sends the reviewer's decisions through decide(), shows its `label` in the status bar
and refreshes on `changed`. A project file needs none of it: attach() leaves it alone and
decide() is the project's own.

While online, the server's NOTIFY wakes a NotificationListener (no polling). When the server is
lost (a decision fails with ServerUnreachable, or the listener's connection drops) the window
says it is offline; decisions go to the Outbox (committed to disk) in the order they are made, and
the connection is tried again after 1, 2, 4 ... 30 seconds (a retry of a lost connection, not a
poll for updates). Back online, the outbox is sent in order, each decision with its client id (the
server writes it at most once), the window refreshes for what the others did meanwhile, and a
decision the server refused is told to the user, never dropped silently.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from reviewer.model import Kind, Status
from reviewer.store.errors import ServerUnreachable, StoreError
from reviewer.store.outbox import Outbox, QueuedDecision
from reviewer.store.records import StoredFigure
from reviewer.ui.labels import status_label, tr
from reviewer.ui.live import NotificationListener

log = logging.getLogger(__name__)

RETRY_FIRST_MS = 1000
RETRY_LONGEST_MS = 30_000


@dataclass(frozen=True)
class Queued:
    """What decide() returns for a decision kept in the outbox until the server is back."""

    client_id: str
    waiting: int


def as_waiting(figure: StoredFigure, status: Status, fields: dict[str, Any]) -> StoredFigure:
    """The figure as the window shows it while its decision waits in the outbox: what the store
    will hold once the server has it (the same rules as Project.decide), reviewer and time aside."""
    status = Status(status)
    review: dict[str, Any] = {"status": status}
    if status is Status.CORRECTED:
        value = fields.get("value")
        kind = fields.get("kind")
        review.update(corrected_value=None if value is None else Decimal(str(value)), corrected_unit=fields.get("unit"),
                      corrected_kind=Kind(kind) if kind else None, corrected_indicator=fields.get("indicator"))
    else:  # a confirmation or a rejection is of the figure as read; pending clears the correction too
        review.update(corrected_value=None, corrected_unit=None, corrected_kind=None, corrected_indicator=None)
    if fields.get("note") is not None:
        review["note"] = fields["note"]
    return replace(figure, **review)


def next_retry_ms(previous: int | None) -> int:
    """1, 2, 4, 8, 16, 30, 30 ... seconds."""
    return RETRY_FIRST_MS if previous is None else min(previous * 2, RETRY_LONGEST_MS)


class ProjectSync(QObject):
    changed = Signal(object)  # [payloads] the others' work since the last one (or [] after coming back)
    onlineChanged = Signal(bool)

    def __init__(self, report_error: Callable[[str, str | None], None], parent: QObject | None = None,
                 outbox_folder: Path | None = None):
        super().__init__(parent)
        self._report_error = report_error
        self._outbox_folder = outbox_folder  # the user's data folder unless a test says
        self.label = QLabel()
        self.label.setObjectName("syncLabel")
        self.label.setVisible(False)
        self._project: Any = None
        self._outbox: Outbox | None = None
        self._listener: NotificationListener | None = None
        self._online = True
        self._retry_ms: int | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.retry)
        self._arrived: list[dict] = []
        self._deliver = QTimer(self)  # the notifications of one burst become one refresh
        self._deliver.setSingleShot(True)
        self._deliver.setInterval(0)
        self._deliver.timeout.connect(self._deliver_changes)

    # -- the project -------------------------------------------------------------------------

    def attach(self, project: Any) -> None:
        """Follow `project` if it is shared (on a server); a project file is left alone."""
        self.detach()
        if not getattr(project, "shared", False):
            return
        self._project = project
        try:
            self._outbox = Outbox.for_project(project.location, project.reviewer or "", self._outbox_folder)
        except StoreError as exc:  # no queue on disk: decisions go straight to the server (and fail when it is away)
            self._report_error(str(exc), None)
        self._listener = NotificationListener(project.connect_arguments(), project.channel, self)
        self._listener.notified.connect(self._notified)
        self._listener.disconnected.connect(self._lost)
        self._online = True
        self.label.setVisible(True)
        try:
            self._listener.start()
        except ServerUnreachable as exc:
            self._lost(str(exc))
            return
        self._send_waiting()  # decisions left waiting by an earlier session
        self._show()

    def detach(self) -> None:
        self._retry.stop()
        self._deliver.stop()
        self._arrived.clear()
        if self._listener is not None:
            self._listener.stop()
            self._listener.deleteLater()
            self._listener = None
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
        self._project = None
        self._online = True
        self._retry_ms = None
        self.label.setVisible(False)

    @property
    def attached(self) -> bool:
        return self._project is not None

    @property
    def online(self) -> bool:
        return self._online

    @property
    def waiting(self) -> int:
        return len(self._outbox) if self._outbox is not None else 0

    @property
    def listener(self) -> NotificationListener | None:
        return self._listener

    # -- decisions ---------------------------------------------------------------------------

    def decide(self, project: Any, figure_id: int, status: Status, **fields: Any) -> Any:
        """project.decide, or for a shared project while the server is away: the decision kept
        in the outbox (Queued). Behind decisions already waiting it waits too: the server gets
        them in the order they were made."""
        if project is not self._project or self._outbox is None:
            return project.decide(figure_id, status, **fields)
        if not self._online or len(self._outbox):
            return self._queue(figure_id, status, fields, str(uuid.uuid4()))
        client_id = str(uuid.uuid4())
        try:
            return project.decide(figure_id, status, client_id=client_id, **fields)
        except ServerUnreachable as exc:
            # queued under the same client id: had the server committed it just before the loss,
            # sending it again writes nothing
            queued = self._queue(figure_id, status, fields, client_id)
            self._lost(str(exc))
            return queued

    def _queue(self, figure_id: int, status: Status, fields: dict[str, Any], client_id: str) -> Queued:
        assert self._outbox is not None
        self._outbox.put(figure_id, status, client_id=client_id, **fields)  # on disk when this returns
        self._show()
        return Queued(client_id, len(self._outbox))

    def _send(self, decision: QueuedDecision) -> None:
        self._project.decide(decision.figure_id, Status(decision.status), **decision.decide_arguments())

    # -- online and offline ------------------------------------------------------------------

    def _lost(self, reason: str) -> None:
        if self._project is None:
            return
        if self._online:
            log.info("offline: %s", reason)
            self._online = False
            self.onlineChanged.emit(False)
        self.label.setToolTip(reason)
        self._show()
        if not self._retry.isActive():
            self._retry_ms = next_retry_ms(self._retry_ms)
            self._retry.start(self._retry_ms)

    def retry(self) -> None:
        """Try the server again: a fresh connection for the project and the listener, then the waiting decisions."""
        self._retry.stop()  # called by hand (or by the timer): one attempt at a time
        if self._project is None or self._listener is None:
            return
        try:
            reconnect = getattr(self._project, "reconnect", None)
            if reconnect is not None:
                reconnect()
            self._listener.reconnect()
        except ServerUnreachable as exc:
            self._lost(str(exc))
            return
        if not self._send_waiting():
            return
        self._retry_ms = None
        was_offline = not self._online
        self._online = True
        self.label.setToolTip("")
        self._show()
        if was_offline:
            self.onlineChanged.emit(True)
            self.changed.emit([])  # what the others did meanwhile was not heard: all again

    def _send_waiting(self) -> bool:
        """Flush the outbox; False when the server went away again (then offline, retrying)."""
        if self._outbox is None:
            return True
        try:
            self._tell_refused(self._outbox.refused())  # those not told yet (the window closed first)
            flushed = self._outbox.flush(self._send)
        except StoreError as exc:  # the outbox file itself failed: said, and the window goes on
            self._report_error(str(exc), None)
            return True
        if flushed.sent or flushed.refused:
            self.changed.emit([])
        self._tell_refused(flushed.refused)
        if flushed.unreachable is not None:
            self._lost(str(flushed.unreachable))
            return False
        return True

    def _tell_refused(self, refused: list) -> None:
        if not refused or self._outbox is None:
            return
        lines = [tr("Figure %1 (%2): %3").replace("%1", str(r.decision.figure_id))
                 .replace("%2", status_label(Status(r.decision.status))).replace("%3", r.reason) for r in refused]
        self._report_error(tr("The server refused %1 decisions made while offline; they were not saved:")
                           .replace("%1", str(len(refused))), "\n".join(lines))
        self._outbox.forget_refused([r.decision.client_id for r in refused])  # told: no second dialog

    def _show(self) -> None:
        waiting = self.waiting
        if not self._online:
            text = tr("Offline — 1 decision waiting") if waiting == 1 else tr("Offline — %1 decisions waiting")
            self.label.setText(text.replace("%1", str(waiting)))
            self.label.setStyleSheet("QLabel { background: #F5B7B1; padding: 0 6px; font-weight: bold; }")
        elif waiting:
            text = tr("Online — sending 1 decision") if waiting == 1 else tr("Online — sending %1 decisions")
            self.label.setText(text.replace("%1", str(waiting)))
            self.label.setStyleSheet("")
        else:
            self.label.setText(tr("Online"))
            self.label.setStyleSheet("")

    # -- the others' work --------------------------------------------------------------------

    def _notified(self, payload: dict) -> None:
        # this reviewer's own work is on show already (a refresh per own decision would cost a
        # reload each time); a second window of the same person refreshes on F5
        if self._project is not None and payload.get("reviewer") == self._project.reviewer:
            return
        self._arrived.append(payload)
        self._deliver.start()

    def _deliver_changes(self) -> None:
        arrived, self._arrived = self._arrived, []
        if arrived and self._project is not None:
            self.changed.emit(arrived)
