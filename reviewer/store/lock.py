"""One writer per project: an advisory lock on a sidecar file, released by the OS when the
holder exits or dies, so a crash never leaves a project locked."""
from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from reviewer.store.errors import ProjectLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows only
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


class ProjectLock:
    def __init__(self, project_path: Path):
        self.path = project_path.with_name(project_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = self._holder(fd)
            os.close(fd)
            raise ProjectLocked(
                f"{self.path.with_suffix('')}: the project is open in another program{holder}. "
                "Close it there, or open this project read-only.")
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock; the file may stay, it means nothing
            self._fd = None

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            data = json.loads(os.pread(fd, 4096, 0) or b"{}")
            return f" (process {data['pid']} on {data['host']})"
        except (OSError, ValueError, KeyError):
            return ""
