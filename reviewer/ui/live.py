"""What the others do on a shared project, as it happens: PostgreSQL's LISTEN/NOTIFY on a
connection of its own.

The connection's socket is watched by a QSocketNotifier, so the event loop wakes only when the
server sends something (no polling loop, no thread): then what arrived is read without blocking
and each notification's JSON payload becomes a `notified` signal. When the server goes away the
socket becomes readable and reading fails: `disconnected` says so once and the listener stops
until `reconnect()`.
"""
from __future__ import annotations

import json
import logging
from typing import Any

import psycopg
from psycopg import sql
from PySide6.QtCore import QObject, QSocketNotifier, Signal

from reviewer.store.errors import ServerUnreachable
from reviewer.ui.labels import tr

log = logging.getLogger(__name__)

# a server that vanishes without closing the connection (a cable, a sleeping laptop) is noticed
# in about a minute rather than TCP's two hours; the caller's own settings win
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "30", "keepalives_interval": "10", "keepalives_count": "3"}


def one_line(exc: BaseException) -> str:
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip()) or type(exc).__name__


class NotificationListener(QObject):
    """LISTEN on `channel` with a connection opened from `connect_arguments` (psycopg.connect's
    keywords, no password: libpq finds it)."""

    notified = Signal(object)  # the payload of one notification: a dict
    disconnected = Signal(str)  # the connection was lost (why, one line); said once per connection

    def __init__(self, connect_arguments: dict[str, Any], channel: str, parent: QObject | None = None):
        super().__init__(parent)
        self._arguments = {**KEEPALIVES, **connect_arguments}
        self._channel = channel
        self._conn: psycopg.Connection | None = None
        self._notifier: QSocketNotifier | None = None

    @property
    def channel(self) -> str:
        return self._channel

    def is_listening(self) -> bool:
        return self._conn is not None

    def backend_pid(self) -> int | None:
        """The server process of the listening connection (for a test that takes it away)."""
        return self._conn.info.backend_pid if self._conn is not None else None

    def start(self) -> None:
        """Connect and LISTEN; ServerUnreachable (one line) when the server cannot be reached."""
        if self._conn is not None:
            return
        try:
            conn = psycopg.connect(**self._arguments, autocommit=True)
        except psycopg.Error as exc:
            raise ServerUnreachable(tr("Cannot listen for the others' work: %1").replace("%1", one_line(exc))) from None
        try:
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        except psycopg.Error as exc:
            conn.close()
            raise ServerUnreachable(tr("Cannot listen for the others' work: %1").replace("%1", one_line(exc))) from None
        self._conn = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        # what came with LISTEN's answer was read into libpq's buffer already: the socket will not say so
        self._readable()

    def stop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)  # before the socket closes under it
            self._notifier.activated.disconnect(self._readable)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                conn.close()
            except psycopg.Error:  # closing a connection already lost
                pass

    def reconnect(self) -> None:
        """A fresh connection after a loss (ServerUnreachable while the server is still away)."""
        self.stop()
        self.start()

    def _readable(self, *_args: object) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            # timeout=0: takes what the socket holds now (and what psycopg kept aside), never waits
            arrived = list(conn.notifies(timeout=0))
        except psycopg.Error as exc:
            self._lost(one_line(exc))
            return
        if conn.closed or conn.pgconn.status != psycopg.pq.ConnStatus.OK:
            self._lost(tr("the server closed the connection"))
            return
        for notify in arrived:
            if self._conn is not conn:  # a receiver stopped or reconnected the listener
                return
            payload = self._payload(notify.payload)
            if payload is not None:
                self.notified.emit(payload)

    def _payload(self, text: str) -> dict | None:
        try:
            payload = json.loads(text)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            log.warning("a notification on %s that is not a JSON object was skipped: %.200r", self._channel, text)
            return None
        return payload

    def _lost(self, reason: str) -> None:
        log.info("listening on %s stopped: %s", self._channel, reason)
        self.stop()
        self.disconnected.emit(reason)
