"""A real PostgreSQL server for the shared-project tests: one throwaway cluster per test session
(initdb + pg_ctl through pytest-postgresql's executor), a fresh database per test.

No server binaries on the machine: the tests that need one skip, saying so. Binaries present but
the server does not start: the tests fail (a broken setup is never hidden behind a skip). With
REVIEWER_TEST_POSTGRESQL=required (set by .ci/run) missing binaries fail too.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.team.cluster import (
    CLUSTER_OWNER,
    DEBIAN_BINARIES,
    SUPERUSER,
    ClusterError,
    Server,
    find_pg_ctl,
    free_port,
    running_cluster,
)
from tests.team.cluster import runnable_as_owner as _runnable_as_owner

__all__ = ["CLUSTER_OWNER", "DEBIAN_BINARIES", "SUPERUSER", "Server", "find_pg_ctl", "free_port", "runnable_as_owner"]


def runnable_as_owner(pg_ctl: Path, folder: Path) -> str:
    """The pg_ctl to call: itself, or as root a wrapper that runs it as CLUSTER_OWNER (else the test fails)."""
    try:
        return _runnable_as_owner(pg_ctl, folder)
    except ClusterError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[Server]:
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        if os.environ.get("REVIEWER_TEST_POSTGRESQL") == "required":
            pytest.fail("REVIEWER_TEST_POSTGRESQL=required but no PostgreSQL server binaries (pg_ctl, initdb) found")
        pytest.skip("no PostgreSQL server binaries (pg_ctl, initdb): install Debian's postgresql "
                    "(bash scripts/setup.sh --test)")
    cluster = running_cluster(pg_ctl)
    try:
        server = cluster.__enter__()
    except ClusterError as exc:  # the binaries are there, so this is a broken setup: fail, never skip
        pytest.fail(str(exc))
    try:
        yield server
    finally:
        cluster.__exit__(None, None, None)


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


def restart(server) -> None:
    server.start()
    until_ready(server)


def until_ready(server) -> None:
    """Return once the server takes connections: its start may return while it still says "the
    database system is starting up" (which the window itself meets as unreachable)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            psycopg.connect(host="127.0.0.1", port=server.port, user=SUPERUSER, dbname="postgres").close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="module")
def server():
    """A cluster of the test module's own, so that a test can stop it and start it again (restart)."""
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        pytest.skip("no PostgreSQL server binaries (pg_ctl, initdb)")
    from pytest_postgresql.executors import PostgreSQLExecutor

    folder = Path(tempfile.mkdtemp(prefix="reviewer-pg-own-"))
    executor = PostgreSQLExecutor(executable=runnable_as_owner(pg_ctl, folder), host="127.0.0.1", port=free_port(),
                                  datadir=str(folder / "data"), unixsocketdir=str(folder),
                                  logfile=str(folder / "server.log"), startparams="-w", dbname="tests",
                                  user=SUPERUSER, timeout=120)
    executor.start()
    try:
        until_ready(executor)
        yield executor
    finally:
        if executor.running():
            executor.stop()
        shutil.rmtree(folder, ignore_errors=True)
