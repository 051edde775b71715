"""Opening a project file safely: check it is ours before touching it, lock it for one writer,
migrate it, and turn SQLite's errors into messages a reviewer can act on."""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from reviewer.store import schema
from reviewer.store.errors import (
    NotAProject, ProjectDamaged, ProjectTooNew, ReadOnlyProject, StoreError, WriteFailed,
)
from reviewer.store.lock import ProjectLock

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_header(path: Path) -> bool:
    """True for a project of ours, False for an empty new file; raises for anything else.
    Reads the 100-byte header only, so a file that is not a project is left untouched."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not header:
        return False
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotAProject(f"{path}: is not a figure-reviewer project (not an SQLite database). "
                          "It was left untouched.")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != schema.APPLICATION_ID:
        raise NotAProject(f"{path}: is an SQLite database of another program, not a figure-reviewer project. "
                          "It was left untouched.")
    return True


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = f"file:{path.as_posix()}?mode={'ro' if read_only else 'rwc'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=2.0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def use_wal(conn: sqlite3.Connection) -> None:
    # WAL + FULL: a commit is on disk when it returns; a kill at any moment loses nothing that
    # was reported as saved, and readers never block the writer.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def open_connection(path: Path, create: bool, read_only: bool) -> tuple[sqlite3.Connection, ProjectLock | None]:
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a project file")
    if not exists and not create:
        raise StoreError(f"{path}: no such project")
    if exists:
        check_header(path)
    lock = None
    if not read_only:
        try:
            lock = ProjectLock(path)
            lock.acquire()
        except PermissionError as exc:
            raise ReadOnlyProject(f"{path}: the folder is read-only; open the project read-only "
                                  "or copy it somewhere writable") from exc
    try:
        conn = connect(path, read_only)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not exists:
            schema.create(conn)  # before WAL, so the header on disk carries our application id
        elif version > schema.SCHEMA_VERSION:
            raise ProjectTooNew(f"{path}: was made by a newer figure-reviewer (schema {version}, this version "
                                f"reads up to {schema.SCHEMA_VERSION}); update the application")
        elif version < schema.SCHEMA_VERSION:
            if read_only:
                raise ReadOnlyProject(f"{path}: was made by an older version and must be upgraded; "
                                      "open it once for writing")
            schema.migrate(conn, version)
        if not read_only:
            use_wal(conn)
        return conn, lock
    except sqlite3.DatabaseError as exc:
        if lock:
            lock.release()
        raise translate(path, exc) from exc
    except BaseException:
        if lock:
            lock.release()
        raise


def checkpoint(conn: sqlite3.Connection, truncate: bool) -> None:
    """Copy the write-ahead log into the database file (TRUNCATE also empties the log, waiting
    for readers up to the busy timeout). Best effort: the log stays valid if it cannot finish."""
    try:
        conn.execute(f"PRAGMA wal_checkpoint({'TRUNCATE' if truncate else 'PASSIVE'})").fetchall()
    except sqlite3.Error:
        pass  # a busy reader or a full disk: the log still holds every commit, nothing is lost


def same_file(a: Path, b: Path) -> bool:
    """True when two names lead to one file (the same name, a symlink or a hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).absolute() == Path(b).absolute()


def translate(path: Path, exc: sqlite3.Error) -> StoreError:
    message = str(exc).lower()
    if "readonly" in message or "read-only" in message:
        return ReadOnlyProject(f"{path}: cannot save here, the file or folder is read-only. Nothing was changed; "
                               "copy the project somewhere writable.")
    if "disk is full" in message or "database or disk is full" in message:
        return WriteFailed(f"{path}: the disk is full. The last action was not saved; the project is as it "
                           "was before it. Free some space and try again.")
    if "locked" in message or "busy" in message:
        return WriteFailed(f"{path}: the project is busy in another program; the last action was not saved. "
                           "Try again.")
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return ProjectDamaged(f"{path}: the project file is damaged ({exc}). It was left as it is; restore a "
                              "backup or send the file to support.")
    return WriteFailed(f"{path}: {exc}")


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path):
    """BEGIN IMMEDIATE ... COMMIT; any failure rolls back and surfaces as a StoreError."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(path, exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise translate(path, exc) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # already rolled back by SQLite itself (e.g. on a full disk)
