"""Opening a project for one short write from a script, waiting a bounded time for its one-writer
lock (reviewer/store/lock.py) instead of failing at once or hanging behind an open window.

Scripts deciding at once queue on a lock of their own, one per project file (beside the store's
inode lock): the kernel wakes a waiter the moment the lock is free, where polling would leave
some waiting far longer than others. The project's own lock is then taken as usual, polling
briefly while a window or another command holds it. Where the queue cannot be used (not POSIX,
not the main thread, the folder cannot be written) the polling alone still keeps one writer."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewer.display import shown_path
from reviewer.i18n import _
from reviewer.store import Project, ProjectLocked
from reviewer.store.lock import inode_lock_file, real_path

FIRST_PAUSE, LONGEST_PAUSE = 0.002, 0.02


class _Late(Exception):
    """The deadline passed while waiting in the queue."""


@contextmanager
def open_when_free(path: Path, reviewer: str, wait: float) -> Iterator[Project]:
    """The project opened for writing within `wait` seconds, or ProjectLocked naming who holds it."""
    deadline = time.monotonic() + max(0.0, wait)
    with in_line(path, deadline), open_polling(path, reviewer, wait, deadline) as project:
        yield project  # the queue is left with the project: the next in line finds both free


@contextmanager
def in_line(path: Path, deadline: float) -> Iterator[None]:
    fd = _queue_file(path)
    try:
        if fd is not None:
            _lock_until(fd, deadline)
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing releases the queue lock


def _queue_file(path: Path) -> int | None:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return None  # the deadline is kept by a timer signal, which only the main thread receives
    lock_file = inode_lock_file(real_path(path))
    if lock_file is None:
        return None  # no such file: the store says so when it opens it
    try:
        fd = os.open(lock_file.with_suffix(".queue"), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        return None
    return fd


def _lock_until(fd: int, deadline: float) -> None:
    import fcntl

    left = deadline - time.monotonic()
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except OSError:
        if left <= 0:
            return  # late already: the project's lock decides, and says who holds it

    def late(signum, frame):
        raise _Late

    previous = signal.signal(signal.SIGALRM, late) or signal.SIG_DFL
    try:
        signal.setitimer(signal.ITIMER_REAL, left)
        fcntl.flock(fd, fcntl.LOCK_EX)
    except (_Late, OSError):
        pass  # not first in line by the deadline: the project's lock is tried once more, then refused
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def open_polling(path: Path, reviewer: str, wait: float, deadline: float) -> Project:
    """The project's own lock, retried with short pauses (jittered, so waiters do not retry in step)."""
    pause = FIRST_PAUSE
    while True:
        try:
            return Project.open(path, reviewer=reviewer)
        except ProjectLocked as exc:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProjectLocked(
                    _(
                        "{path}: another program or window is writing the project{holder}; waited {seconds} s, "
                        "the decision was not saved. Try again, or close the project there.",
                        path=shown_path(path),
                        holder=exc.holder,
                        seconds=f"{wait:g}",
                    ),
                    holder=exc.holder,
                ) from exc
            time.sleep(min(left, pause * random.uniform(0.5, 1.5)))
            pause = min(LONGEST_PAUSE, pause * 2)
