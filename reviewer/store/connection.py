"""Opening a project file safely: check it is ours before touching it, lock the FILE (not the
name) for one writer, check its integrity before the first write, migrate it, and turn SQLite's
errors into one-line messages a reviewer can act on."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from reviewer.display import shown, shown_path
from reviewer.documents.base import without_lone_surrogates
from reviewer.i18n import _
from reviewer.store import lock as locks
from reviewer.store import schema, tables
from reviewer.store.errors import (
    NotAProject,
    ProjectDamaged,
    ProjectTooNew,
    ReadOnlyProject,
    StoreError,
    WriteFailed,
)
from reviewer.store.lock import ProjectLock, real_path, wal_name

SQLITE_MAGIC = b"SQLite format 3\x00"
# quick_check, not integrity_check: both read every page and catch a damaged b-tree, a bad
# record or a wrong page count; integrity_check also compares every index with its table, which
# costs more than the 1 s an open may take on a big project (see benchmarks/bench_store.py).
INTEGRITY_PRAGMA = "quick_check"


def check_header(path: Path) -> bool:
    """True for a project of ours, False for an empty new file; raises for anything else.
    Reads the 100-byte header only, so a file that is not a project is left untouched."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(
            _("{path}: cannot be read ({reason})", path=shown_path(path), reason=exc.strerror or exc)
        ) from exc
    if not header:
        return False
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotAProject(
            _(
                "{path}: is not a figure-reviewer project (not an SQLite database). It was left untouched.",
                path=shown_path(path),
            )
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != schema.APPLICATION_ID:
        raise NotAProject(
            _(
                "{path}: is an SQLite database of another program, not a figure-reviewer project. "
                "It was left untouched.",
                path=shown_path(path),
            )
        )
    return True


class StoreConnection(sqlite3.Connection):
    """A connection that never hands SQLite a lone surrogate (a file name's undecodable byte, an
    html page's broken escape): each becomes U+FFFD, one code point for one, so offsets hold."""

    def execute(self, sql, parameters=(), /):
        return super().execute(sql, _clean(parameters))

    def executemany(self, sql, seq_of_parameters, /):
        return super().executemany(sql, (_clean(p) for p in seq_of_parameters))


def _clean(parameters):
    if isinstance(parameters, dict):
        return {k: without_lone_surrogates(v) if isinstance(v, str) else v for k, v in parameters.items()}
    if any(isinstance(v, str) for v in parameters):
        return [without_lone_surrogates(v) if isinstance(v, str) else v for v in parameters]
    return parameters


def connect(path: Path, read_only: bool, immutable: bool = False) -> sqlite3.Connection:
    query = "mode=ro&immutable=1" if immutable else f"mode={'ro' if read_only else 'rw'}"
    uri = f"file:{_uri_path(path)}?{query}"
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=2.0, check_same_thread=False, factory=StoreConnection
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _uri_path(path: Path) -> str:
    # '#' and '?' would end the file name inside a URI; '%' would start an escape
    return path.absolute().as_posix().replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def use_wal(conn: sqlite3.Connection) -> None:
    # WAL + FULL: a commit is on disk when it returns; a kill at any moment loses nothing that
    # was reported as saved, and readers never block the writer.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def open_connection(path: Path, create: bool, read_only: bool) -> tuple[sqlite3.Connection, ProjectLock | None]:
    path = Path(path)
    real = real_path(path)  # a symlink's log and lock belong beside the file it leads to
    if real.is_dir():
        raise StoreError(_("{path}: is a folder, not a project file", path=shown_path(path)))
    exists = real.exists() and real.stat().st_size > 0
    if not exists:
        if not create or read_only:
            raise StoreError(_("{path}: no such project", path=shown_path(path)))
        create_project_file(real)
    check_header(real)
    lock = None
    try:
        if read_only:
            conn = open_read_only(wal_name(real), path)
        else:
            lock = ProjectLock(real)
            conn = connect(lock.acquire(), read_only=False)
        prepare(conn, path, read_only)
        return conn, lock
    except sqlite3.Error as exc:
        if lock:
            lock.release()
        raise translate(path, exc) from exc
    except BaseException:
        if lock:
            lock.release()
        raise


def open_read_only(name: Path, shown_as: Path) -> sqlite3.Connection:
    """A reader needs the -shm file beside the project; in a read-only folder it cannot be made.
    Then the project is read as an immutable file, which is safe when no write-ahead log holds
    commits (nothing can write there either); a log that does is never silently skipped."""
    conn = connect(name, read_only=True)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "unable to open" not in str(exc):
            raise
    wal = Path(f"{name}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ReadOnlyProject(
            _(
                "{path}: was not closed properly and its folder cannot be written, so the last "
                "changes (in {wal}) cannot be read; copy the project and that file to a writable "
                "folder",
                path=shown_path(shown_as),
                wal=shown_path(wal.name),
            )
        )
    return connect(name, read_only=True, immutable=True)


def prepare(conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
    """Version and integrity, checked before anything is written; then migrate and use WAL."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > tables.SCHEMA_VERSION:
        raise ProjectTooNew(
            _(
                "{path}: was made by a newer figure-reviewer (schema {version}, this version reads "
                "up to {supported}); update the application",
                path=shown_path(path),
                version=version,
                supported=tables.SCHEMA_VERSION,
            )
        )
    # an older version that stopped half-way through creating a project left our id and no tables:
    # nothing to lose, so it is made now; any other version below 1 is not one we ever wrote
    half_made = version == 0 and not conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    if version < 1 and not (half_made and not read_only):
        raise ProjectDamaged(
            _(
                "{path}: the project file is damaged (unknown schema version {version}). It was "
                "left as it is; restore a backup.",
                path=shown_path(path),
                version=version,
            )
        )
    check_integrity(conn, path)
    if version < tables.SCHEMA_VERSION:  # the versions after schema.py's are Alembic's: Project opens them
        if read_only:
            raise ReadOnlyProject(
                _(
                    "{path}: was made by an older version and must be upgraded; open it once for writing",
                    path=shown_path(path),
                )
            )
        if version < schema.SCHEMA_VERSION:
            schema.migrate(conn, version)
    if not read_only:
        use_wal(conn)


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    rows = conn.execute(f"PRAGMA {INTEGRITY_PRAGMA}").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise damaged(path)


def damaged(path: Path) -> ProjectDamaged:
    return ProjectDamaged(
        _(
            "{path}: the project file is damaged. It was left as it is; restore a backup or send the file to support.",
            path=shown_path(path),
        )
    )


def create_project_file(path: Path) -> None:
    """Make a new, empty project under a temporary name and move it into place, so a failure
    (a full disk, a read-only folder) leaves nothing behind and no half-made project."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        os.close(locks.open_file(temporary, os.O_RDWR | os.O_CREAT | os.O_TRUNC))  # can we write here at all?
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            schema.create(conn)  # before WAL, so the header on disk carries our application id
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        with open(temporary, "rb") as fh:
            os.fsync(fh.fileno())
        if path.exists():  # an empty file holds nothing: replace it
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # never over a project another program just made
            except FileExistsError:
                pass
            except OSError:
                os.replace(temporary, path)  # a file system without hard links
        fsync_folder(path.parent)
    except sqlite3.Error as exc:
        raise translate(path, exc) from exc
    except PermissionError as exc:
        raise ReadOnlyProject(
            _("{path}: the folder is read-only; the project cannot be created there", path=shown_path(path))
        ) from exc
    except OSError as exc:
        raise WriteFailed(
            _(
                "{path}: the project cannot be created ({reason}); nothing was made",
                path=shown_path(path),
                reason=exc.strerror or exc,
            )
        ) from exc
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm"), Path(f"{temporary}-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass


def fsync_folder(folder: Path) -> None:
    """Make a new name in `folder` durable (best effort: not every system can sync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
    where = shown_path(path)
    if "readonly" in message or "read-only" in message:
        return ReadOnlyProject(
            _(
                "{path}: cannot save here, the file or its folder is read-only. Nothing was "
                "changed; copy the project somewhere writable.",
                path=where,
            )
        )
    if "disk is full" in message or "database or disk is full" in message:
        return WriteFailed(
            _(
                "{path}: the disk is full. The last action was not saved; the project is as it was "
                "before it. Free some space and try again.",
                path=where,
            )
        )
    if "locked" in message or "busy" in message:
        return WriteFailed(
            _("{path}: the project is busy in another program; the last action was not saved. Try again.", path=where)
        )
    if any(word in message for word in ("malformed", "not a database", "corrupt", "could not decode")):
        return damaged(path)
    if "unable to open" in message:
        return WriteFailed(_("{path}: cannot be opened (the file or its folder cannot be read or written)", path=where))
    return WriteFailed(_("{path}: {reason}", path=where, reason=shown(str(exc))))


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
