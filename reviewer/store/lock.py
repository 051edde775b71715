"""One writer per project FILE, whatever name it is opened by.

SQLite keeps its locks and its write-ahead log beside the name it was given: a symlink or a hard
link to a project would be a second database as far as locking goes, and commits made through one
name vanish when the other name's log is replayed. So:

- a symlink is resolved to the real file before anything else;
- the lock is taken on the file's device and inode (a lock file named after them in a shared
  folder), so two names of one file get one lock; an advisory lock on a sidecar beside the real
  file is taken too, which also works between computers sharing a network folder;
- the inode's lock file records the name SQLite was opened by; when that name's log still holds
  commits (a program was killed), the next program opens the project through that same name.

Advisory locks are released by the OS when the holder exits or dies, so a crash never leaves a
project locked.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import tempfile
from pathlib import Path

from reviewer.display import shown_path
from reviewer.i18n import _
from reviewer.store.errors import ProjectLocked, ReadOnlyProject

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


LOCK_FOLDER = "figure-reviewer-locks"


def real_path(path: Path) -> Path:
    """The file a name leads to: symlinks resolved, so the log and the lock sit beside it."""
    return Path(os.path.realpath(path))


def inode_lock_folder() -> Path:
    return Path(tempfile.gettempdir()) / LOCK_FOLDER


def inode_lock_file(path: Path) -> Path | None:
    """The lock file of the file behind `path` (None when the file does not exist)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return inode_lock_folder() / f"{st.st_dev:x}-{st.st_ino:x}.lock"


def wal_name(path: Path) -> Path:
    """The name to open the project by: `path` itself, unless another name of the same file was
    used last and its write-ahead log still holds commits (its program was killed)."""
    lock_file = inode_lock_file(path)
    recorded = _read_record(lock_file).get("path") if lock_file else None
    if not isinstance(recorded, str) or recorded == str(path):
        return path
    other = Path(recorded)
    try:
        if not os.path.samefile(other, path) or os.path.getsize(f"{other}-wal") == 0:
            return path
    except OSError:
        return path
    return other


def _read_record(lock_file: Path | None) -> dict:
    if lock_file is None:
        return {}
    try:
        with open(lock_file, "rb") as fh:
            data = json.loads(fh.read(4096) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class ProjectLock:
    """Exclusive while held: acquire() raises ProjectLocked when another program (or window) holds it."""

    def __init__(self, project_path: Path):
        self.project = real_path(project_path)
        self.path = self.project.with_name(self.project.name + ".lock")  # the sidecar
        self._fds: list[int] = []

    def acquire(self) -> Path:
        """Take both locks; returns the name SQLite must open the project by."""
        inode_file = inode_lock_file(self.project)
        if inode_file is not None:
            fd = self._open_inode_lock(inode_file)
            if fd is not None:
                self._hold(fd, inode_file)
        self._hold(self._open_sidecar(), self.path)
        name = wal_name(self.project)
        record = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "path": str(name)}).encode()
        for fd in self._fds:
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, record)
            except OSError:
                pass  # who holds it is only for the message; the lock itself is what counts
        return name

    def _hold(self, fd: int, where: Path) -> None:
        if not _try_lock(fd):
            holder = _holder(fd)
            os.close(fd)
            self.release()
            raise ProjectLocked(
                _(
                    # most often another window of this app: the reviewer must not look for a program
                    "{path}: the project is open in another program or window{holder}. Close it "
                    "there, or open this project read-only.",
                    path=shown_path(self.project),
                    holder=holder,
                ),
                holder=holder,
            )
        self._fds.append(fd)

    def _open_sidecar(self) -> int:
        try:
            return open_file(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            pass
        try:  # a lock file we may not write (another user's): a read-only descriptor locks as well
            return open_file(self.path, os.O_RDONLY)
        except FileNotFoundError as exc:  # not there and cannot be made: the folder is read-only
            self.release()
            raise ReadOnlyProject(
                _(
                    "{path}: the folder is read-only, so the project cannot be opened for "
                    "writing; open it read-only or copy it somewhere writable",
                    path=shown_path(self.project),
                )
            ) from exc
        except OSError as exc:
            self.release()
            raise ReadOnlyProject(
                _(
                    "{path}: its lock file {lock} cannot be opened ({reason}); open the project "
                    "read-only, or remove the lock file if no program has the project open",
                    path=shown_path(self.project),
                    lock=shown_path(self.path),
                    reason=exc.strerror or exc,
                )
            ) from exc

    @staticmethod
    def _open_inode_lock(lock_file: Path) -> int | None:
        """The shared folder's lock file; None when that folder cannot be used (then the sidecar,
        beside the real file, still keeps a second program out through the same name)."""
        try:
            lock_file.parent.mkdir(mode=0o1777, exist_ok=True)
            if hasattr(os, "getuid") and lock_file.parent.stat().st_uid == os.getuid():
                os.chmod(lock_file.parent, 0o1777)  # every user's programs lock here
        except OSError:
            return None
        for flags in (os.O_RDWR, os.O_RDWR | os.O_CREAT | os.O_EXCL, os.O_RDONLY):
            try:
                fd = open_file(lock_file, flags, 0o666)
            except OSError:
                continue
            if flags & os.O_CREAT:
                try:
                    os.fchmod(fd, 0o666)  # the next holder may be another user
                except OSError:
                    pass
            return fd
        return None

    def release(self) -> None:
        while self._fds:
            os.close(self._fds.pop())  # closing releases the lock; the files may stay, they mean nothing


def open_file(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open, one place (tests replace this to play a read-only folder, even as root)."""
    return os.open(path, flags, mode)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096) or b"{}")
        return _(" (process {pid} on {host})", pid=int(data["pid"]), host=str(data["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return ""
