"""A throwaway PostgreSQL cluster (initdb + pg_ctl through pytest-postgresql's executor), for the
shared-project tests (tests/team/conftest.py) and the team benchmark (benchmarks/bench_team.py).
What goes wrong is a ClusterError with one message; the caller decides to fail, skip or exit."""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Debian keeps the server's programs off PATH, one folder per major version
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin/pg_ctl"
# initdb refuses to run as root: as root the cluster belongs to this account (Debian's package makes it)
CLUSTER_OWNER = "postgres"
SUPERUSER = "postgres"


class ClusterError(RuntimeError):
    """The cluster could not be made or started (the message says why)."""


def find_pg_ctl() -> Path | None:
    """pg_ctl with initdb beside it: PATH first, then Debian's newest version."""

    def major(path: str) -> int:
        found = re.search(r"/postgresql/(\d+)/", path)
        return int(found.group(1)) if found else 0

    candidates = [shutil.which("pg_ctl")] + sorted(glob.glob(DEBIAN_BINARIES), key=major, reverse=True)
    for candidate in candidates:
        if candidate:
            real = Path(candidate).resolve()
            if os.access(real, os.X_OK) and os.access(real.with_name("initdb"), os.X_OK):
                return real
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def runnable_as_owner(pg_ctl: Path, folder: Path) -> str:
    """The pg_ctl to call: itself, or as root a wrapper that runs it as CLUSTER_OWNER."""
    if os.geteuid() != 0:
        return str(pg_ctl)
    try:
        owner = pwd.getpwnam(CLUSTER_OWNER)
    except KeyError:
        raise ClusterError(f"running as root, and there is no {CLUSTER_OWNER!r} account to own the test cluster "
                           f"(initdb refuses root): add one or run the tests as another user") from None
    os.chown(folder, owner.pw_uid, owner.pw_gid)
    wrapper = folder / "pg_ctl"
    # cd: the owner may not be allowed into the caller's working folder
    wrapper.write_text(f'#!/bin/sh\ncd "{folder}" && exec runuser -u {CLUSTER_OWNER} -- "{pg_ctl}" "$@"\n')
    wrapper.chmod(stat.S_IRWXU)
    return str(wrapper)


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str

    def url(self, dbname: str, **query: str) -> str:
        tail = "&".join(f"{key}={value}" for key, value in query.items())
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}" + (f"?{tail}" if tail else "")


@contextmanager
def running_cluster(pg_ctl: Path, parent: str | None = None, durable: bool = False) -> Iterator[Server]:
    """A new cluster in a temporary folder (under `parent`, else the system's), on a free loopback
    port, its superuser SUPERUSER; stopped and removed when the block ends, however it ends.
    pytest-postgresql starts the server with -F (fsync off: fast tests); `durable` turns fsync
    back on, for a benchmark of commits that reach the disk as on a real server."""
    from pytest_postgresql.executors import PostgreSQLExecutor

    folder = Path(tempfile.mkdtemp(prefix="reviewer-pg-", dir=parent))
    try:
        port = free_port()
        executor = PostgreSQLExecutor(
            executable=runnable_as_owner(pg_ctl, folder),
            host="127.0.0.1",
            port=port,
            datadir=str(folder / "data"),
            unixsocketdir=str(folder),
            logfile=str(folder / "server.log"),
            startparams="-w",
            postgres_options="-c fsync=on" if durable else "",
            dbname="tests",
            user=SUPERUSER,
            timeout=120,
        )
        try:
            executor.start()
        except Exception as exc:  # the binaries are there, so this is a broken setup
            log = folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"
            raise ClusterError(f"PostgreSQL ({pg_ctl}) did not start: {exc}\n{tail}") from None
        try:
            yield Server("127.0.0.1", port, SUPERUSER)
        finally:
            executor.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
