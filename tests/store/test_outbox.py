"""The outbox: decisions that could not reach the server, on disk until they do; real files."""

import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from reviewer.model import Kind, Status
from reviewer.store.errors import ServerRefused, ServerUnreachable, StoreError
from reviewer.store.locations import parse_server_url
from reviewer.store.outbox import Outbox, OutboxDamaged, QueuedDecision, outbox_path
from tests.conftest import ROOT

LOCATION = parse_server_url("postgresql://ann@db.example:5432/desk?project=budget")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "outbox" / "budget-ann.outbox"


def fill(path, count):
    with Outbox(path) as outbox:
        return [outbox.put(i, Status.CONFIRMED, reviewer="ann").client_id for i in range(1, count + 1)]


@pytest.mark.parametrize(
    "arguments, stored",
    [
        ({"status": Status.CONFIRMED}, {"status": "confirmed", "value": None, "unit": None, "kind": None}),
        ({"status": "rejected", "note": "不是数字"}, {"status": "rejected", "note": "不是数字"}),
        (
            {"status": Status.CORRECTED, "value": Decimal("12.50"), "unit": "亿元", "kind": Kind.MONEY,
             "indicator": "财政收入"},
            {"status": "corrected", "value": "12.50", "unit": "亿元", "kind": "money", "indicator": "财政收入"},
        ),
        ({"status": Status.CORRECTED, "value": "3e2"}, {"value": "3e2"}),
        ({"status": Status.PENDING, "reviewer": "ann"}, {"status": "pending", "reviewer": "ann"}),
    ],
)
def test_a_decision_is_kept_as_json_safe_values_across_opening_again(path, arguments, stored):
    with Outbox(path) as outbox:
        put = outbox.put(7, **arguments)
    with Outbox(path) as outbox:
        (again,) = outbox.pending()
    assert again == put
    assert again.figure_id == 7 and len(again.client_id) == 36 and again.at
    for key, value in stored.items():
        assert getattr(again, key) == value


def test_the_queue_keeps_the_order_decisions_were_made_in(path):
    ids = fill(path, 5)
    with Outbox(path) as outbox:
        assert [d.client_id for d in outbox.pending()] == ids
        assert [d.figure_id for d in outbox.pending()] == [1, 2, 3, 4, 5]


def test_decide_arguments_carry_the_client_id_for_an_idempotent_send(path):
    with Outbox(path) as outbox:
        put = outbox.put(3, Status.CORRECTED, value="5", unit="%", client_id="fixed-id")
    assert put.decide_arguments() == {"value": "5", "unit": "%", "kind": None, "indicator": None, "note": None,
                                      "reviewer": None, "client_id": "fixed-id"}


def test_done_is_on_disk_and_the_file_shrinks_when_all_are_done(path):
    ids = fill(path, 200)
    full = path.stat().st_size
    with Outbox(path) as outbox:
        outbox.done(ids[0])
    with Outbox(path) as outbox:
        assert [d.client_id for d in outbox.pending()] == ids[1:]
        for client_id in ids[1:]:
            outbox.done(client_id)
    with Outbox(path) as outbox:
        assert outbox.pending() == [] and len(outbox) == 0
    assert path.stat().st_size < full / 2  # the freed pages went back (WAL checkpointed, file truncated)


SENT, AWAY, REFUSED, FAULT = "sent", "away", "refused", "fault"


@pytest.mark.parametrize(
    "outcomes, sent, refused, waiting, stopped",
    [
        ([SENT, SENT, SENT], [1, 2, 3], [], [], False),
        ([AWAY, SENT, SENT], [], [], [1, 2, 3], True),
        ([SENT, AWAY, SENT], [1], [], [2, 3], True),
        ([REFUSED, SENT, SENT], [2, 3], [1], [], False),
        ([SENT, FAULT, SENT], [1, 3], [2], [], False),
        ([REFUSED, AWAY, SENT], [], [1], [2, 3], True),
        ([], [], [], [], False),
    ],
)
def test_flush_sends_in_order_stops_where_the_server_is_away_and_moves_refusals_aside(
        path, outcomes, sent, refused, waiting, stopped):
    fill(path, len(outcomes))
    tried = []

    def send(decision: QueuedDecision) -> None:
        tried.append(decision.figure_id)
        outcome = outcomes[decision.figure_id - 1]
        if outcome == AWAY:
            raise ServerUnreachable("postgresql://db.example/desk?project=budget: the connection was lost")
        if outcome == REFUSED:
            raise ServerRefused(f"figure {decision.figure_id}: no such figure")
        if outcome == FAULT:
            raise StoreError(f"figure {decision.figure_id}: the figure was removed\nby a re-extraction")

    with Outbox(path) as outbox:
        flushed = outbox.flush(send)
        assert [d.figure_id for d in flushed.sent] == sent
        assert [r.decision.figure_id for r in flushed.refused] == refused
        assert (flushed.unreachable is not None) == stopped
        assert flushed.waiting == len(waiting)
        assert tried == sent + refused + waiting[:1] if stopped else tried == list(range(1, len(outcomes) + 1))
    with Outbox(path) as outbox:  # what the flush decided is on disk
        assert [d.figure_id for d in outbox.pending()] == waiting
        kept = outbox.refused()
        assert [r.decision.figure_id for r in kept] == refused
        for refusal in kept:  # the reason is kept, one line
            assert refusal.reason.startswith(f"figure {refusal.decision.figure_id}:") and "\n" not in refusal.reason


def test_flush_after_the_server_is_back_sends_the_rest_once_each(path):
    ids = fill(path, 3)
    received = []
    away = True

    def send(decision):
        if away and decision.figure_id == 2:
            raise ServerUnreachable("lost")
        received.append(decision.client_id)

    with Outbox(path) as outbox:
        assert outbox.flush(send).waiting == 2
        away = False
        assert outbox.flush(send).waiting == 0
    assert received == ids


def test_refusals_are_kept_until_the_user_was_told(path):
    ids = fill(path, 2)
    with Outbox(path) as outbox:
        outbox.refuse(ids[0], "no right\n to this figure")
        assert [r.reason for r in outbox.refused()] == ["no right to this figure"]
        assert [d.client_id for d in outbox.pending()] == ids[1:]
        outbox.forget_refused([ids[0], ids[1]])  # only a refused entry can be forgotten
    with Outbox(path) as outbox:
        assert outbox.refused() == []
        assert [d.client_id for d in outbox.pending()] == ids[1:]


# a program writing its next decision when it is killed: the earlier ones are committed, the
# interrupted write is half in the file when the process dies (a big note: several pages)
CRASH = textwrap.dedent("""
    import sys
    from reviewer.store.outbox import Outbox
    outbox = Outbox(__import__("pathlib").Path(sys.argv[1]))
    for figure in (1, 2):
        outbox.put(figure, "confirmed")
    conn = outbox._conn
    conn.execute("PRAGMA cache_size=1")  # the half-done write goes to the file itself, not memory
    conn.execute("BEGIN IMMEDIATE")
    for n in range(50):
        conn.execute("INSERT INTO queue (client_id, action, arguments, at) VALUES (?, 'decide', ?, 'now')",
                     (f"torn-{n}", '{"figure_id": 3, "status": "confirmed", "note": "%s"}' % ("x" * 5000)))
    print("writing", flush=True)
    sys.stdin.read()
""")


def test_a_program_killed_in_the_middle_of_a_write_loses_nothing_committed(path):
    path.parent.mkdir(parents=True)
    process = subprocess.Popen([sys.executable, "-c", CRASH, str(path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert process.stdout.readline().strip() == "writing"
        assert path.with_name(path.name + "-wal").stat().st_size > 100_000  # the interrupted write is on disk
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    with Outbox(path) as outbox:
        assert [d.figure_id for d in outbox.pending()] == [1, 2]
        outbox.put(4, Status.REJECTED)  # and the queue goes on
    with Outbox(path) as outbox:
        assert [d.figure_id for d in outbox.pending()] == [1, 2, 4]


@pytest.mark.parametrize("content", [b"this is not a database, only text\n" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 600])
def test_a_damaged_file_is_one_line_naming_it_and_left_as_it_is(path, content):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(OutboxDamaged) as raised:
        Outbox(path).pending()
    message = str(raised.value)
    assert path.name in message and "\n" not in message and "left as it is" in message
    assert path.read_bytes() == content


def test_an_entry_that_is_not_a_decision_is_damage_not_a_traceback(path):
    fill(path, 1)
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE queue SET arguments = '{\"figure_id\": 1, \"colour\": \"red\"}'")
    with Outbox(path) as outbox, pytest.raises(OutboxDamaged, match=path.name):
        outbox.pending()


@pytest.mark.parametrize(
    "one, other, same",
    [
        ("postgresql://ann@db.example:5432/desk?project=budget",
         "postgresql://ann:secret@db.example:5432/desk?project=budget", True),
        ("postgresql://ann@db.example/desk?project=budget", "postgresql://ann@db.example/desk?project=health", False),
        ("postgresql://ann@db.example/desk?project=budget", "postgresql://ann@db2.example/desk?project=budget", False),
        ("postgresql://ann@db.example/desk?project=budget", "postgresql://ann@db.example/other?project=budget", False),
    ],
)
def test_one_file_per_project_url_without_its_password(tmp_path, one, other, same):
    first = outbox_path(parse_server_url(one), "ann", tmp_path)
    second = outbox_path(parse_server_url(other), "ann", tmp_path)
    assert (first == second) == same
    assert "secret" not in str(second) and second.parent == tmp_path


def test_one_file_per_reviewer_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    ann, bob = outbox_path(LOCATION, "ann"), outbox_path(LOCATION, "张三")
    assert ann != bob
    assert ann.parent == bob.parent == tmp_path / "data" / "outbox"
    assert ann.name.startswith("budget-ann-")
    with Outbox.for_project(LOCATION, "ann") as outbox:
        outbox.put(1, Status.CONFIRMED)
    assert ann.exists()
    import sqlite3

    with sqlite3.connect(ann) as conn:  # a person who looks can tell whose it is, never a password
        assert dict(conn.execute("SELECT key, value FROM about")) == {
            "project": "postgresql://ann@db.example:5432/desk?project=budget", "reviewer": "ann"}


def test_two_windows_of_one_reviewer_share_the_file(path):
    with Outbox(path) as one, Outbox(path) as other:
        first = one.put(1, Status.CONFIRMED)
        second = other.put(2, Status.REJECTED)
        assert [d.client_id for d in one.pending()] == [first.client_id, second.client_id]
        other.done(first.client_id)
        assert [d.client_id for d in one.pending()] == [second.client_id]


def test_a_folder_that_cannot_be_written_is_a_one_line_write_failure(tmp_path):
    blocker = tmp_path / "outbox"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreError) as raised:
        Outbox(blocker / "budget-ann.outbox")
    assert "budget-ann.outbox" in str(raised.value) and "\n" not in str(raised.value)
