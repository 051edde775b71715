"""A reviewer's program killed (kill -9) in the middle of a write, and the server stopped and started
again (pg_ctl stop -m fast) while reviewers decide: nothing committed is lost, nothing half-written
stays, no lock is left behind, and a reviewer goes on after Project.reconnect()."""

import json
import os
import signal
import threading
import time

import psycopg
import pytest

from reviewer.agreement import agreement
from reviewer.model import Status
from reviewer.store.opening import open_project
from tests.team.conftest import SUPERUSER, free_port, until_ready
from tests.team.reviewers import PROJECT, as_person, make_team, start

WAIT = 120  # the most anything here may take on a loaded machine: a hang fails, never a slow run


def decisions_of(database_url: str, reviewer: str) -> list[tuple]:
    with psycopg.connect(database_url) as conn:
        conn.execute(f"SET search_path TO {PROJECT}")
        return conn.execute("SELECT figure_id, status, corrected_value, client_id FROM decisions "
                            "WHERE reviewer = %s ORDER BY id", (reviewer,)).fetchall()


def until(condition, what, about=lambda: "") -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"still not: {what} {about()}"
        time.sleep(0.1)


def backends_of(database_url: str, person: str) -> list[tuple]:
    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT pid, state FROM pg_stat_activity WHERE usename = %s", (person,)).fetchall()


def test_a_reviewer_killed_mid_transaction_leaves_nothing_of_it_and_no_lock(postgresql_database):
    (doc, ids), = make_team(postgresql_database, ["rita", "ben"], needed=(2,), per_document=12).items()
    worker = start("hold", as_person(postgresql_database, "rita"), 7, 10, ids)
    committed = [tuple(c) for c in json.loads(worker.stdout.readline())["committed"]]
    assert worker.stdout.readline().strip() == '{"holding": true}', worker.stderr.read()
    ((pid, state),) = backends_of(postgresql_database, "rita")
    assert state == "idle in transaction"
    with psycopg.connect(postgresql_database, autocommit=True) as conn:
        # the worker's one transaction holds every figure's row (the settle trigger locked them) ...
        for figure in ids:
            with pytest.raises(psycopg.errors.LockNotAvailable):
                conn.execute(f"SELECT id FROM {PROJECT}.figures WHERE id = %s FOR UPDATE NOWAIT", (figure,))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(WAIT)
        # ... until the server rolls the dead session back: then nothing of it holds anything
        until(lambda: not backends_of(postgresql_database, "rita"), "the killed session is gone")
        assert conn.execute("SELECT count(*) FROM pg_locks WHERE pid = %s", (pid,)).fetchone() == (0,)
        conn.execute(f"SELECT id FROM {PROJECT}.figures WHERE id = ANY(%s) FOR UPDATE NOWAIT", (ids,))
    # every decision committed before is there, nothing of the killed one
    assert [row[:3] for row in decisions_of(postgresql_database, "rita")] == committed
    with psycopg.connect(postgresql_database) as conn:
        logged = conn.execute(f"SELECT count(*) FROM {PROJECT}.events WHERE reviewer = 'rita'").fetchone()[0]
    assert logged == len(committed)
    # another reviewer decides the same figures at once, and the project opens and measures agreement
    with open_project(as_person(postgresql_database, "ben")) as ben:
        assert len(ben.decide_many(ids, Status.CONFIRMED)) == len(ids)
    with open_project(as_person(postgresql_database, "ada")) as ada:
        (pair,) = agreement(ada.reviewer_decisions()).pairs
    assert (pair.first, pair.second, pair.measures.figures) == ("ben", "rita", len({c[0] for c in committed}))




class Lines:
    """A worker's output, read as it comes (so the test knows how far each one is)."""

    def __init__(self, process):
        self.process, self.lines = process, []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(json.loads(line))

    def last_words(self) -> tuple:
        """For a failure's message: whether it ended, its last lines, the end of its stderr."""
        ended = self.process.poll()
        return ended, self.lines[-3:], self.process.stderr.read()[-1500:] if ended is not None else ""

    def committed(self) -> list[str]:
        return [line["committed"] for line in self.lines if "committed" in line]


def test_a_server_restart_mid_review_loses_nothing_a_reviewer_was_told_was_saved(server, tmp_path):
    base = f"postgresql://{SUPERUSER}@127.0.0.1:{server.port}"
    name = f"crash_{free_port()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{base}/{name}"
    reviewers = ["r1", "r2", "r3"]
    (doc, ids), = make_team(url, reviewers, needed=(2,), per_document=10).items()
    stop = tmp_path / "stop"
    workers = {r: Lines(start("loop", as_person(url, r), n, 0, ids, str(stop))) for n, r in enumerate(reviewers)}
    until(lambda: all(len(w.committed()) >= 20 for w in workers.values()), "every reviewer is at work")
    server.stop()
    before = {r: len(w.committed()) for r, w in workers.items()}
    server.start()
    until_ready(server)
    until(lambda: all(len(w.committed()) >= before[r] + 20 for r, w in workers.items()), "they go on",
          lambda: {r: w.last_words() for r, w in workers.items()})
    stop.touch()
    for r, worker in workers.items():
        assert worker.process.wait(WAIT) == 0
        worker.thread.join(WAIT)
        assert worker.process.stderr.read() == ""  # no traceback
        lines = worker.lines
        assert lines[-1] == {"stopped": len(worker.committed())}
        # the restart reached each of them as one line naming the project, and after reconnect() they went on
        lost = [line["message"] for line in lines if "unreachable" in line]
        assert lost and all("\n" not in m and f"{r}@127.0.0.1" in m for m in lost), lost
        # every decision told committed is there, each once, in order: none lost, none doubled
        stored = decisions_of(url, r)
        assert [row[3] for row in stored] == worker.committed()
        told = [(line["figure"], line["status"]) for line in lines if "committed" in line]
        assert [row[:2] for row in stored] == told
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> %s",
                                    (SUPERUSER,)).fetchall():
            conn.execute(f'DROP ROLE "{role}"')
