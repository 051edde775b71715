"""The project's database behind one interface for both engines, through SQLAlchemy Core: a .frp
file (SQLite, opened safely by reviewer.store.connection: header, lock, integrity, WAL) or a project
on a PostgreSQL server (reviewer.store.server: its schema as the search_path).

Every read is a short transaction of its own, so a reader never holds a stale snapshot (nor, on
SQLite, keeps the log from being checkpointed); every write is one transaction, on SQLite taken
with BEGIN IMMEDIATE so that it never fails half-way on a lock. Errors leave here as StoreError
with one line naming the project. On a server a write given as a function (transact) is run again
when the server picked it as the victim of a deadlock or a serialization conflict: the server rolled
all of it back, so the next attempt doubles nothing, and no reviewer is told of a conflict.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, TextClause, create_engine, event, text
from sqlalchemy.engine import Connection, CursorResult, RowMapping
from sqlalchemy.exc import DBAPIError, PendingRollbackError, ResourceClosedError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from reviewer.display import shown, shown_path
from reviewer.documents.base import without_lone_surrogates
from reviewer.i18n import _
from reviewer.store.connection import translate
from reviewer.store.errors import ServerRefused, ServerUnreachable, StoreError
from reviewer.store.locations import ServerLocation

Params = Mapping[str, Any] | None
T = TypeVar("T")
# deadlock_detected, serialization_failure: the server rolled the whole transaction back
CONFLICTS = ("40P01", "40001")
ATTEMPTS = 8


class Database:
    """One connection for the project's life; `dialect` is "sqlite" or "postgresql"."""

    def __init__(
        self,
        engine: Engine,
        connection: Connection,
        where: str,
        path: Path | None = None,
        raw: sqlite3.Connection | None = None,
    ):
        self.engine = engine
        self.connection = connection
        self.dialect = engine.dialect.name
        self.where = where  # the project as messages name it: its file, or its URL without password
        self.path = path  # a file project's file
        self.raw = raw  # a file project's SQLite connection (checkpoints, backups), under `connection`

    # -- reading and writing ---------------------------------------------------------------------

    def rows(self, sql: str, params: Params = None) -> list[RowMapping]:
        with self._reading():
            return list(self._run(sql, params).mappings().all())  # fetchall: one call, not one per row

    def plain_rows(self, sql: str) -> list[tuple]:
        """The rows of a statement without parameters, as the driver gives them: for hundreds of
        thousands of rows (SQLAlchemy's own rows cost more than the query and its transfer)."""
        with self._reading():
            with self._translated():
                cursor = self.connection.connection.cursor()
                try:
                    cursor.execute(sql)
                    return list(cursor.fetchall())
                except Exception as exc:  # the driver's own error, not wrapped by SQLAlchemy here
                    raise self._from_driver(exc) from exc
                finally:
                    cursor.close()

    def _from_driver(self, exc: Exception) -> Exception:
        """The driver's own error (not wrapped by SQLAlchemy) as translate() says it."""
        import psycopg

        if isinstance(exc, sqlite3.Error | psycopg.Error):
            return self._said(exc, invalidated=False)
        return exc

    def scalar(self, sql: str, params: Params = None) -> Any:
        with self._reading():
            return self._run(sql, params).scalar()

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction: committed when the block ends, rolled back (and a StoreError) when it fails."""
        connection = self.connection
        with self._translated():
            nested = bool(connection.info.get("write"))
        if nested:  # inside a write already: one transaction, the outer one's
            yield self
            return
        # all of it translated: on a connection the server dropped even `info` connects again
        with self._translated():
            if connection.in_transaction():
                connection.rollback()  # a read left open by a failure: nothing of it is worth keeping
            connection.info["write"] = True
            try:
                transaction = connection.begin()
                try:
                    yield self
                    transaction.commit()
                except BaseException:
                    if transaction.is_active:
                        transaction.rollback()
                    raise
            finally:
                if not connection.invalidated:
                    connection.info["write"] = False

    def transact(self, work: Callable[[Database], T]) -> T:
        """`work(self)` in one write transaction, run again from its start (after a short random
        pause) when it lost a deadlock or a serialization conflict to another writer."""
        attempt = 1
        while True:
            try:
                with self.write():
                    return work(self)
            except StoreError as exc:
                if attempt >= ATTEMPTS or not _conflict(exc.__cause__):
                    raise
            time.sleep(random.uniform(0, 0.005 * 2**attempt))
            attempt += 1

    def execute(self, sql: str, params: Params | Sequence[Mapping[str, Any]] = None) -> CursorResult:
        """A statement inside write() (a list of parameter sets runs it for each)."""
        return self._run(sql, params)

    def insert(self, sql: str, params: Params) -> int:
        """An INSERT inside write(); returns the new row's id."""
        return int(self._run(f"{sql} RETURNING id", params).scalar_one())

    # -- lifetime --------------------------------------------------------------------------------

    def reconnect(self) -> None:
        """A new connection in place of one the server dropped (a server's database only)."""
        try:
            self.connection.invalidate()
        except SQLAlchemyError:
            pass
        try:
            self.connection = self.engine.connect()
        except DBAPIError as exc:
            raise self.translate(exc) from exc

    def close(self) -> None:
        try:
            self.connection.close()
        except SQLAlchemyError:
            pass  # a connection the server already dropped: nothing to close
        self.engine.dispose()

    # -- inside ----------------------------------------------------------------------------------

    def _run(self, sql: str, params) -> CursorResult:
        with self._translated():
            if isinstance(params, list):
                return self.connection.execute(_statement(sql), [_clean(p) for p in params])
            return self.connection.execute(_statement(sql), _clean(params or {}))

    @contextmanager
    def _reading(self) -> Iterator[None]:
        if self.connection.in_transaction():
            yield  # inside a write, or a read of one
            return
        with self._translated():
            with self.connection.begin():
                yield

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            raise self.translate(exc) from exc
        except (PendingRollbackError, ResourceClosedError) as exc:  # a connection lost earlier, not reconnected
            raise ServerUnreachable(
                _("{url}: the connection to the server was lost: {reason}", url=self.where, reason=shown(str(exc), 200))
            ) from exc

    def translate(self, exc: DBAPIError) -> StoreError:
        return self._said(exc.orig, invalidated=exc.connection_invalidated)

    def _said(self, original: BaseException | None, invalidated: bool) -> StoreError:
        """A database error as one line naming the project (the driver's own error `original`)."""
        if isinstance(original, sqlite3.Error) and self.path is not None:
            return translate(self.path, original)
        import psycopg  # a file project never needs it

        from reviewer.store.server import reason_of

        reason = reason_of(original) if original is not None else ""
        if _conflict(original):
            return ServerRefused(
                _("{url}: the server is busy with other reviewers' work: {reason}", url=self.where, reason=reason)
            )
        if isinstance(original, psycopg.OperationalError) or invalidated:
            return ServerUnreachable(
                _("{url}: the connection to the server was lost: {reason}", url=self.where, reason=reason)
            )
        return ServerRefused(_("{url}: the server refused: {reason}", url=self.where, reason=reason))


def _conflict(exc: BaseException | None) -> bool:
    """A deadlock or serialization failure (psycopg files them under OperationalError: the
    connection is fine, only the transaction was lost); `exc` SQLAlchemy's error or the driver's."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    return getattr(original, "sqlstate", None) in CONFLICTS


@lru_cache(maxsize=1024)
def _statement(sql: str) -> TextClause:
    """A statement made once per text: text() parses its parameters each time it is made."""
    return text(sql)


def _clean(parameters: Mapping[str, Any]) -> dict[str, Any]:
    """Never a lone surrogate to the database (a file name's undecodable byte, an html page's broken
    escape): each becomes U+FFFD, one code point for one, so offsets hold."""
    return {k: without_lone_surrogates(v) if isinstance(v, str) else v for k, v in parameters.items()}


def file_database(raw: sqlite3.Connection, path: Path) -> Database:
    """The Database over a connection reviewer.store.connection opened (and checked) for `path`."""
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock at the start, so a write waits (the busy timeout) rather than
        # failing half-way; a read's BEGIN (deferred) takes no lock at all
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info.get("write") else "BEGIN")

    return Database(engine, engine.connect(), shown_path(path), path, raw)


def server_database(location: ServerLocation) -> Database:
    from reviewer.store.server import connect_engine

    engine, connection = connect_engine(location)
    return Database(engine, connection, str(location))
