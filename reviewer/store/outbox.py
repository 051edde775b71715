"""Decisions that could not reach the server, kept on disk until they do (issue 15: a lost
connection never loses a decision).

One small SQLite file per shared project and reviewer in the user's data folder. SQLite rather
than a home-made journal of JSON lines: each put() is one transaction committed with
synchronous=FULL (written and fsync'ed before it returns); a crash in the middle of a write is
left out by SQLite's write-ahead log at the next open, so the earlier entries are always there and a
half-written entry never is; done() and refusing an entry are one DELETE or UPDATE, not a rewrite
of the file; and two windows of the same reviewer on the same project share the file safely
through SQLite's own locks, on every platform.

Each entry carries a client id (uuid4): the server writes an entry's decision at most once
however often it is sent (Project.decide(..., client_id=...)), so sending again after a crash
between the server's commit and done() is safe. An entry the server refuses (the figure is gone,
no right to it) is moved aside with its one-line reason, never dropped: the window tells the user.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reviewer.display import shown_path
from reviewer.i18n import _
from reviewer.model import Status
from reviewer.paths import user_data_dir
from reviewer.store.errors import ServerUnreachable, StoreError, WriteFailed
from reviewer.store.locations import ServerLocation

log = logging.getLogger(__name__)

OUTBOX_FOLDER = "outbox"
SUFFIX = ".outbox"
DECIDE = "decide"
# another window of the same reviewer may be writing: wait for it rather than fail
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS queue (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL,
    arguments TEXT NOT NULL,
    at TEXT NOT NULL,
    refused TEXT,
    refused_at TEXT
);
"""


class OutboxDamaged(StoreError):
    """The file of waiting decisions cannot be read; it is left as it is."""


@dataclass(frozen=True)
class QueuedDecision:
    """One decision waiting for the server, its arguments as JSON-safe values."""

    client_id: str
    figure_id: int
    status: str
    value: str | None = None
    unit: str | None = None
    kind: str | None = None
    indicator: str | None = None
    note: str | None = None
    reviewer: str | None = None
    at: str = ""

    def decide_arguments(self) -> dict[str, Any]:
        """Keywords for Project.decide after the figure id and status (client_id included)."""
        fields = self.arguments()
        del fields["figure_id"], fields["status"]
        return {**fields, "client_id": self.client_id}

    def arguments(self) -> dict[str, Any]:
        return {
            "figure_id": self.figure_id,
            "status": self.status,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "indicator": self.indicator,
            "note": self.note,
            "reviewer": self.reviewer,
        }


@dataclass(frozen=True)
class Refused:
    decision: QueuedDecision
    reason: str  # the server's refusal, one line
    at: str


@dataclass
class Flushed:
    """What one flush did: sent in order until the server was unreachable (then `unreachable`)."""

    sent: list[QueuedDecision] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    unreachable: ServerUnreachable | None = None
    waiting: int = 0


def outbox_path(location: ServerLocation, reviewer: str, folder: Path | None = None) -> Path:
    """The file for one project (its URL without password) and reviewer: readable names for a
    person who looks, and a digest of the whole URL so that two servers' projects of one name differ."""
    key = f"{location.url()}\n{reviewer}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    readable = re.sub(r"[^\w-]+", "_", f"{location.project}-{reviewer}").strip("_")[:60]
    return (folder or user_data_dir() / OUTBOX_FOLDER) / f"{readable}-{digest}{SUFFIX}"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Outbox:
    """The waiting decisions of one project and reviewer, in the order they were made."""

    def __init__(self, path: Path, *, project: str = "", reviewer: str = ""):
        self.path = path
        self._conn = self._open(project, reviewer)

    @classmethod
    def for_project(cls, location: ServerLocation, reviewer: str, folder: Path | None = None) -> Outbox:
        return cls(outbox_path(location, reviewer, folder), project=location.url(), reviewer=reviewer)

    def _open(self, project: str, reviewer: str) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as exc:
            raise self._write_failed(exc) from None
        try:
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")  # before the first table: then the file can shrink
            # one fsync of the log per commit, and readers never wait for the writer (a second window)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            # reading first: a file that is not an outbox is damaged, not something to write into
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            with self._transaction(conn):
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                for key, value in (("project", project), ("reviewer", reviewer)):
                    if value:
                        conn.execute("INSERT OR IGNORE INTO about VALUES (?, ?)", (key, value))
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) and not _is_damage(exc):
                raise self._write_failed(exc) from None
            raise self._damaged(exc) from None
        return conn

    class _transaction:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error (a write is all or nothing)."""

        def __init__(self, conn: sqlite3.Connection):
            self._conn = conn

        def __enter__(self) -> sqlite3.Connection:
            self._conn.execute("BEGIN IMMEDIATE")
            return self._conn

        def __exit__(self, kind, exc, _tb) -> None:  # noqa: ANN001 - the context protocol
            if kind is None:
                self._conn.execute("COMMIT")
            elif self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def _write(self, statement: str, parameters: tuple = ()) -> sqlite3.Cursor:
        try:
            with self._transaction(self._conn) as conn:
                return conn.execute(statement, parameters)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not _is_damage(exc):
                raise self._write_failed(exc) from None
            raise self._damaged(exc) from None

    def _read(self, statement: str, parameters: tuple = ()) -> list[tuple]:
        try:
            return self._conn.execute(statement, parameters).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def _damaged(self, exc: BaseException) -> OutboxDamaged:
        return OutboxDamaged(
            _(
                "{path}: the decisions waiting for the server cannot be read ({reason}); the file was left as it is",
                path=shown_path(self.path),
                reason=exc,
            )
        )

    def _write_failed(self, exc: BaseException) -> WriteFailed:
        return WriteFailed(
            _(
                "{path}: the decision cannot be kept for sending later ({reason})",
                path=shown_path(self.path),
                reason=exc,
            )
        )

    # -- the queue --------------------------------------------------------------------------

    def put(
        self,
        figure_id: int,
        status: Status | str,
        *,
        value: Decimal | str | None = None,
        unit: str | None = None,
        kind: str | None = None,
        indicator: str | None = None,
        note: str | None = None,
        reviewer: str | None = None,
        client_id: str | None = None,
    ) -> QueuedDecision:
        """Queue one decision; on disk (committed, fsync'ed) when this returns."""
        decision = QueuedDecision(
            client_id=client_id or str(uuid.uuid4()),
            figure_id=int(figure_id),
            status=str(Status(status)),
            value=_text(value),
            unit=_text(unit),
            kind=_text(kind),
            indicator=_text(indicator),
            note=_text(note),
            reviewer=_text(reviewer),
            at=_now(),
        )
        self._write(
            "INSERT INTO queue (client_id, action, arguments, at) VALUES (?, ?, ?, ?)",
            (decision.client_id, DECIDE, json.dumps(decision.arguments(), ensure_ascii=False), decision.at),
        )
        return decision

    def pending(self) -> list[QueuedDecision]:
        rows = self._read("SELECT client_id, action, arguments, at FROM queue WHERE refused IS NULL ORDER BY seq")
        return [self._decision(*row) for row in rows]

    def __len__(self) -> int:
        return self._read("SELECT count(*) FROM queue WHERE refused IS NULL")[0][0]

    def done(self, client_id: str) -> None:
        """The server has the entry: it goes (committed before this returns); the file shrinks
        back when nothing is left in it."""
        self._write("DELETE FROM queue WHERE client_id = ?", (client_id,))
        if not self._read("SELECT 1 FROM queue LIMIT 1"):
            self._compact()

    def _compact(self) -> None:
        try:
            self._conn.executescript("PRAGMA incremental_vacuum;")  # stepped to the end: every free page
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:  # another window is reading: it shrinks another time
            log.info("%s not compacted: %s", self.path, exc)

    def refuse(self, client_id: str, reason: str) -> None:
        """The server refused the entry: moved aside with the reason, out of the queue's way."""
        self._write(
            "UPDATE queue SET refused = ?, refused_at = ? WHERE client_id = ?",
            (" ".join(reason.split()) or "?", _now(), client_id),
        )

    def refused(self) -> list[Refused]:
        rows = self._read(
            "SELECT client_id, action, arguments, at, refused, refused_at FROM queue "
            "WHERE refused IS NOT NULL ORDER BY seq"
        )
        return [Refused(self._decision(*row[:4]), row[4], row[5]) for row in rows]

    def forget_refused(self, client_ids: Iterable[str]) -> None:
        """The user was told of these refusals: they go."""
        for client_id in client_ids:
            self._write("DELETE FROM queue WHERE client_id = ? AND refused IS NOT NULL", (client_id,))

    def flush(self, send: Callable[[QueuedDecision], object]) -> Flushed:
        """Send the waiting decisions in order; stop at the first ServerUnreachable, keeping it and
        the rest; a refused one (any other StoreError) is moved aside and the next is sent."""
        flushed = Flushed()
        for decision in self.pending():
            try:
                send(decision)
            except ServerUnreachable as exc:
                flushed.unreachable = exc
                break
            except StoreError as exc:
                self.refuse(decision.client_id, str(exc))
                flushed.refused.append(Refused(decision, " ".join(str(exc).split()), _now()))
                continue
            self.done(decision.client_id)
            flushed.sent.append(decision)
        flushed.waiting = len(self)
        return flushed

    def _decision(self, client_id: str, action: str, arguments: str, at: str) -> QueuedDecision:
        try:
            values = json.loads(arguments)
            if action != DECIDE or not isinstance(values, dict):
                raise ValueError(f"not a decision: {action}")
            return QueuedDecision(client_id=client_id, at=at, **values)
        except (ValueError, TypeError) as exc:
            raise self._damaged(exc) from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *_exc) -> None:  # noqa: ANN002 - the context protocol
        self.close()


def _is_damage(exc: sqlite3.OperationalError) -> bool:
    """Locked, read-only, full disk: a write that failed; anything else: the file is not sound."""
    text = str(exc).lower()
    return not any(word in text for word in ("locked", "readonly", "read-only", "disk", "unable to open", "busy"))
