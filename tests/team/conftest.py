"""A real PostgreSQL server for the shared-project tests: one throwaway cluster per test session
(initdb + pg_ctl through pytest-postgresql's executor), a fresh database per test.

No server binaries on the machine: the tests that need one skip, saying so. Binaries present but
the server does not start: the tests fail (a broken setup is never hidden behind a skip). With
REVIEWER_TEST_POSTGRESQL=required (set by .ci/run) missing binaries fail too.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Debian keeps the server's programs off PATH, one folder per major version
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin/pg_ctl"
# initdb refuses to run as root: as root the cluster belongs to this account (Debian's package makes it)
CLUSTER_OWNER = "postgres"
SUPERUSER = "postgres"


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
        pytest.fail(f"running as root, and there is no {CLUSTER_OWNER!r} account to own the test cluster "
                    f"(initdb refuses root): add one or run the tests as another user")
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


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[Server]:
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        if os.environ.get("REVIEWER_TEST_POSTGRESQL") == "required":
            pytest.fail("REVIEWER_TEST_POSTGRESQL=required but no PostgreSQL server binaries (pg_ctl, initdb) found")
        pytest.skip("no PostgreSQL server binaries (pg_ctl, initdb): install Debian's postgresql "
                    "(bash scripts/setup.sh --test)")
    from pytest_postgresql.executors import PostgreSQLExecutor

    folder = Path(tempfile.mkdtemp(prefix="reviewer-pg-"))
    port = free_port()
    executor = PostgreSQLExecutor(
        executable=runnable_as_owner(pg_ctl, folder),
        host="127.0.0.1",
        port=port,
        datadir=str(folder / "data"),
        unixsocketdir=str(folder),
        logfile=str(folder / "server.log"),
        startparams="-w",
        dbname="tests",
        user=SUPERUSER,
        timeout=120,
    )
    try:
        executor.start()
    except Exception as exc:  # the binaries are there, so this is a broken setup: fail, never skip
        log = folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"PostgreSQL ({pg_ctl}) did not start: {exc}\n{tail}")
    try:
        yield Server("127.0.0.1", port, SUPERUSER)
    finally:
        executor.stop()
        shutil.rmtree(folder, ignore_errors=True)


_numbers = itertools.count(1)


@pytest.fixture
def postgresql_database(postgresql_server: Server) -> Iterator[str]:
    """A fresh, empty database of its own for one test (dropped after it, with the roles the test
    made: roles belong to the whole server): its URL, no project."""
    from pytest_postgresql.janitor import DatabaseJanitor

    name = f"test_{os.getpid()}_{next(_numbers)}"
    janitor = DatabaseJanitor(user=postgresql_server.user, host=postgresql_server.host,
                              port=postgresql_server.port, dbname=name)
    janitor.init()
    try:
        yield postgresql_server.url(name)
    finally:
        janitor.drop()
        import psycopg

        with psycopg.connect(postgresql_server.url("postgres"), autocommit=True) as conn:
            made = conn.execute("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> %s",
                                (postgresql_server.user,)).fetchall()
            for (role,) in made:
                conn.execute(f'DROP ROLE "{role}"')
