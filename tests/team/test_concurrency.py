"""Eight reviewers, each a process and a database role of their own, deciding the same figures of
one shared project at once (2,000 decisions each, single and several at once in shuffled orders,
so that the settle trigger's row locks are contended): every decision committed is there, nobody
is told of a deadlock, agreement counts what they did, and the database's finals are adjudicate()'s."""

import threading
import time
from collections import defaultdict
from decimal import Decimal

import psycopg
import pytest

from reviewer.adjudication import adjudicate
from reviewer.agreement import agreement
from reviewer.decisions import Decision
from reviewer.model import Status
from reviewer.store import database
from reviewer.store.errors import ServerRefused
from reviewer.store.opening import open_project
from tests.team.reviewers import PROJECT, as_person, make_team, said, start

REVIEWERS = [f"r{n}" for n in range(1, 9)]
DECISIONS = 2_000
CORRECTED = Status.CORRECTED


def test_eight_reviewers_at_once_lose_nothing_and_meet_no_deadlock(postgresql_database):
    figures = make_team(postgresql_database, REVIEWERS, needed=(2, 3, 1), per_document=8)
    pool = [f for ids in figures.values() for f in ids]
    workers = {r: start("race", as_person(postgresql_database, r), n, DECISIONS, pool) for n, r in enumerate(REVIEWERS)}
    told = {r: said(process)[-1] for r, process in workers.items()}

    assert {r: t["errors"] for r, t in told.items()} == {r: [] for r in REVIEWERS}
    with psycopg.connect(postgresql_database) as conn:
        conn.execute(f"SET search_path TO {PROJECT}")
        rows = conn.execute("SELECT reviewer, figure_id, status, corrected_value FROM decisions ORDER BY id").fetchall()
        finals = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, status, corrected_value, settled FROM figures WHERE id = ANY(%s)", (pool,))}
    stored = defaultdict(list)
    for reviewer, figure, status, value in rows:
        stored[reviewer].append([figure, status, value])
    # each reviewer's rows in the order they were told they were committed: none lost, none extra
    assert {r: stored[r] for r in REVIEWERS} == {r: t["committed"] for r, t in told.items()}
    assert sum(len(t["committed"]) for t in told.values()) > len(REVIEWERS) * DECISIONS / 2

    expected = [standing for r in REVIEWERS for standing in standing_of(r, told[r]["committed"])]
    with open_project(as_person(postgresql_database, "ada")) as adjudicator:
        decisions = adjudicator.reviewer_decisions()
        assert sorted(decisions, key=key) == sorted(expected, key=key)
        measured = agreement(decisions)
        needed = adjudicator.needed_reviewers()
    # agreement counts, pair by pair, what the workers themselves did
    versions = {(d.reviewer, d.figure): d.version for d in expected}
    assert len(measured.pairs) == len(REVIEWERS) * (len(REVIEWERS) - 1) // 2
    for pair in measured.pairs:
        both = [f for f in pool if (pair.first, f) in versions and (pair.second, f) in versions]
        same = sum(versions[pair.first, f].status == versions[pair.second, f].status for f in both)
        fixed = [f for f in both if versions[pair.first, f].status == versions[pair.second, f].status == CORRECTED]
        same_fix = sum(versions[pair.first, f].value == versions[pair.second, f].value for f in fixed)
        assert (pair.measures.figures, pair.measures.agreement, pair.measures.corrected) == (
            len(both), pytest.approx(same / len(both)), len(fixed))
        assert pair.measures.same_correction == (pytest.approx(same_fix / len(fixed)) if fixed else None)
    for doc_id, ids in figures.items():
        result = adjudicate([d for d in expected if d.figure in ids], needed=needed[doc_id])
        for figure in ids:
            status, value, settled = finals[figure]
            if figure in result.settled:
                version = result.settled[figure]
                assert (status, value, settled) == (version.status.value, version_value(version), "agreed"), figure
            else:
                assert (status, settled) == ("pending", None), figure


def standing_of(reviewer: str, committed: list[list]) -> list[Decision]:
    last = {figure: (status, value) for figure, status, value in committed}
    out = []
    for figure, (status, value) in last.items():
        if status == Status.CORRECTED.value:
            out.append(Decision(figure, reviewer, Status.CORRECTED, Decimal(value), "亿元", None, None))
        else:
            out.append(Decision(figure, reviewer, Status(status)))
    return out


def key(d: Decision) -> tuple:
    return (d.figure, d.reviewer)


def version_value(version) -> str | None:
    return None if version.value is None else str(version.value)



@pytest.mark.parametrize(("attempts", "told"), [(8, None), (1, ServerRefused)])
def test_the_victim_of_a_deadlock_is_run_again_and_nobody_is_told(postgresql_database, monkeypatch, attempts, told):
    """Database.transact: the server breaks a deadlock by rolling one transaction back; that one
    runs again from its start. When it may not (attempts=1) the user is told the server was busy,
    never that the connection was lost (psycopg files a deadlock under OperationalError)."""
    monkeypatch.setattr(database, "ATTEMPTS", attempts)
    (first, second, *_), = make_team(postgresql_database, ["rita"], needed=(1,), per_document=2).values()
    other = psycopg.connect(postgresql_database)
    other.execute(f"SET search_path TO {PROJECT}")
    other.execute("UPDATE figures SET note = 'other' WHERE id = %s", (second,))  # holds the second figure
    runs = []
    threads = []

    def work(db):
        runs.append(len(runs) + 1)
        db.execute("UPDATE figures SET note = 'mine' WHERE id = :id", {"id": first})
        if len(runs) == 1:  # the other transaction comes for the first figure once this one waits
            threads.append(threading.Thread(target=lambda: (time.sleep(0.3), other.execute(
                "UPDATE figures SET note = 'other' WHERE id = %s", (first,)), other.commit())))
            threads[0].start()
        db.execute("UPDATE figures SET note = 'mine' WHERE id = :id", {"id": second})
        return runs[-1]

    with open_project(as_person(postgresql_database, "max")) as manager:
        if told is None:
            assert manager._db.transact(work) == 2
            assert {manager.figure(f).note for f in (first, second)} == {"mine"}
        else:
            with pytest.raises(told, match="busy with other reviewers' work"):
                manager._db.transact(work)
    threads[0].join()
    other.close()
