"""The window's glue for a shared project (ProjectSync) against a real PostgreSQL server that the
tests stop and start again mid-review: decisions made while it is away wait on disk, go when it is
back, each once and in order; the others' work arrives as `changed`.

Until the shared Project lands (issue 15's port, design.md), the tests marked "stand-in" drive
ProjectSync with StandInProject: the few members of the coming API it uses (shared, location,
reviewer, channel, connect_arguments, reconnect, decide(client_id=)) over a real table on the
real server. The tests marked xfail(strict) do the same with the real Project: they must pass,
and be unmarked, when the port lands.
"""

import json

import psycopg
import pytest

from reviewer.model import Status
from reviewer.store.errors import ServerRefused, ServerUnreachable
from reviewer.store.locations import parse_server_url
from reviewer.store.outbox import Outbox
from reviewer.ui.live import one_line
from reviewer.ui.sync import RETRY_FIRST_MS, RETRY_LONGEST_MS, ProjectSync, Queued, next_retry_ms
from tests.team.conftest import SUPERUSER, free_port, restart

CHANNEL = "budget"
WAIT_MS = 10_000  # the most a signal may take on a loaded machine: a hang fails, never a slow run




@pytest.fixture
def url(server):
    """A fresh database on the restartable server, with the stand-in's figures and decisions."""
    base = f"postgresql://{SUPERUSER}@127.0.0.1:{server.port}"
    name = f"sync_{free_port()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(f"{base}/{name}") as conn:
        conn.execute("CREATE TABLE figures (id int PRIMARY KEY)")
        conn.execute("INSERT INTO figures SELECT generate_series(1, 20)")
        conn.execute("CREATE TABLE decisions (id serial PRIMARY KEY, client_id text UNIQUE, "
                     "figure_id int NOT NULL REFERENCES figures, status text NOT NULL, value text, unit text, "
                     "kind text, indicator text, note text, reviewer text)")
    yield f"{base}/{name}"
    if server.running():
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            # roles belong to the whole server: a project's roles would block the next test's project
            made = conn.execute("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> %s",
                                (SUPERUSER,)).fetchall()
            for (role,) in made:
                conn.execute(f'DROP ROLE "{role}"')


class StandInProject:
    """The members of the coming shared Project that ProjectSync uses, on a real table."""

    shared = True

    def __init__(self, url: str, reviewer: str = "ann"):
        self.location = parse_server_url(f"{url}?project={CHANNEL}")
        self.reviewer = reviewer
        self.channel = CHANNEL
        self._conn: psycopg.Connection | None = None
        self.reconnect()

    def connect_arguments(self) -> dict:
        return self.location.connect_arguments()

    def reconnect(self) -> None:
        if self._conn is not None:
            self._conn.close()
        try:
            self._conn = psycopg.connect(**self.connect_arguments(), autocommit=True)
        except psycopg.OperationalError as exc:
            raise ServerUnreachable(one_line(exc)) from None

    def decide(self, figure_id, status, *, value=None, unit=None, kind=None, indicator=None, note=None,
               reviewer=None, client_id=None):
        try:
            with self._conn.transaction():
                row = self._conn.execute(
                    "INSERT INTO decisions (client_id, figure_id, status, value, unit, kind, indicator, note, "
                    "reviewer) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (client_id) DO NOTHING "
                    "RETURNING id", (client_id, figure_id, str(status), value, unit, kind, indicator, note,
                                     reviewer or self.reviewer)).fetchone()
                if row is not None:
                    self._conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, json.dumps(
                        {"event": row[0], "action": "decide", "figure": figure_id, "reviewer": self.reviewer})))
        except psycopg.OperationalError as exc:
            raise ServerUnreachable(one_line(exc)) from None
        except psycopg.Error as exc:
            raise ServerRefused(one_line(exc)) from None
        return row


def decisions(url):
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT figure_id, status, value, client_id FROM decisions ORDER BY id").fetchall()


@pytest.fixture
def errors():
    return []


@pytest.fixture
def sync(qtbot, tmp_path, errors):
    syncing = ProjectSync(lambda message, details=None: errors.append((message, details)),
                          outbox_folder=tmp_path / "outbox")
    qtbot.addWidget(syncing.label)
    yield syncing
    syncing.detach()


@pytest.mark.parametrize("previous, following", [(None, 1000), (1000, 2000), (2000, 4000), (16_000, 30_000),
                                                 (30_000, 30_000)])
def test_the_connection_is_tried_again_after_1_2_4_up_to_30_seconds(previous, following):
    assert next_retry_ms(previous) == following
    assert RETRY_FIRST_MS <= following <= RETRY_LONGEST_MS


def test_stand_in_online_a_decision_goes_to_the_server_at_once_with_a_client_id(qtbot, url, sync):
    project = StandInProject(url)
    sync.attach(project)
    assert sync.attached and sync.online and not sync.label.isHidden()
    event = sync.decide(project, 3, Status.CORRECTED, value="12.5", unit="亿元")
    assert not isinstance(event, Queued) and event is not None
    (row,) = decisions(url)
    assert row[:3] == (3, "corrected", "12.5") and len(row[3]) == 36
    assert sync.waiting == 0 and sync.label.text() == "Online"


def test_stand_in_the_others_work_arrives_as_one_change_per_burst(qtbot, url, sync):
    project, other = StandInProject(url), StandInProject(url, reviewer="bob")
    sync.attach(project)
    arrived = []
    sync.changed.connect(arrived.append)
    sync.decide(project, 4, Status.CONFIRMED)  # the window's own: on show already, no refresh
    other.decide(5, Status.CONFIRMED, client_id="b-1")
    other.decide(6, Status.REJECTED, client_id="b-2")
    qtbot.waitUntil(lambda: sum(map(len, arrived)) >= 2, timeout=WAIT_MS)
    assert [payload for burst in arrived for payload in burst] == [
        {"event": 2, "action": "decide", "figure": 5, "reviewer": "bob"},
        {"event": 3, "action": "decide", "figure": 6, "reviewer": "bob"}]
    with project._conn.transaction():  # several in one commit arrive together: one refresh
        for figure in (7, 8, 9):
            payload = json.dumps({"figure": figure, "reviewer": "bob"})
            project._conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
    qtbot.waitUntil(lambda: arrived[-1][-1:] == [{"figure": 9, "reviewer": "bob"}], timeout=WAIT_MS)
    assert [payload["figure"] for payload in arrived[-1]] == [7, 8, 9]


def test_stand_in_the_server_stopped_mid_review_loses_no_decision(qtbot, server, url, sync, errors):
    project = StandInProject(url)
    sync.attach(project)
    online = []
    sync.onlineChanged.connect(online.append)
    assert not isinstance(sync.decide(project, 1, Status.CONFIRMED), Queued)
    server.stop()
    try:
        first = sync.decide(project, 2, Status.REJECTED, note="不是数字")
        assert isinstance(first, Queued) and first.waiting == 1
        assert not sync.online and online == [False]
        assert sync.label.text() == "Offline — 1 decision waiting"
        second = sync.decide(project, 3, Status.CORRECTED, value="7", unit="%")
        assert isinstance(second, Queued) and second.waiting == 2
        assert sync.label.text() == "Offline — 2 decisions waiting"
        sync.retry()  # the server still away: offline, tried again later
        assert not sync.online and sync.waiting == 2
        # the decisions are on disk: a crash of the window now keeps them
        with Outbox.for_project(project.location, "ann", sync._outbox_folder) as kept:
            assert [d.figure_id for d in kept.pending()] == [2, 3]
    finally:
        restart(server)
    assert decisions(url)[1:] == []
    changed = []
    sync.changed.connect(changed.append)
    sync.retry()
    assert sync.online and online == [False, True] and sync.waiting == 0
    assert sync.label.text() == "Online" and changed  # the window refreshes: the others' work meanwhile
    assert [row[:3] for row in decisions(url)] == [(1, "confirmed", None), (2, "rejected", None), (3, "corrected", "7")]
    assert [row[3] for row in decisions(url)[1:]] == [first.client_id, second.client_id]
    assert errors == []
    with qtbot.waitSignal(sync.changed, timeout=WAIT_MS):  # and it listens again
        StandInProject(url, reviewer="bob").decide(4, Status.CONFIRMED, client_id="b-2")


def test_stand_in_a_lost_listener_alone_puts_the_window_offline_and_retrying(qtbot, url, sync):
    project = StandInProject(url)
    sync.attach(project)
    with qtbot.waitSignal(sync.onlineChanged, timeout=WAIT_MS) as said:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(%s)", (sync.listener.backend_pid(),))
    assert said.args == [False] and sync.label.text() == "Offline — 0 decisions waiting"
    assert sync._retry.isActive() and sync._retry.interval() == RETRY_FIRST_MS
    with qtbot.waitSignal(sync.onlineChanged, timeout=WAIT_MS) as said:  # the back-off timer's own retry
        pass
    assert said.args == [True] and sync.listener.is_listening()


def test_stand_in_queued_decisions_keep_their_order_behind_those_waiting(qtbot, server, url, sync):
    project = StandInProject(url)
    sync.attach(project)
    server.stop()
    try:
        ids = [sync.decide(project, figure, Status.CONFIRMED).client_id for figure in (5, 6)]
    finally:
        restart(server)
    project.reconnect()  # the project is back, the window has not retried yet: a new decision still waits
    later = sync.decide(project, 7, Status.REJECTED)
    assert isinstance(later, Queued) and later.waiting == 3
    sync.retry()
    assert [row[3] for row in decisions(url)] == [*ids, later.client_id]


def test_stand_in_a_refused_decision_is_told_and_does_not_block_the_rest(qtbot, server, url, sync, errors):
    project = StandInProject(url)
    sync.attach(project)
    server.stop()
    try:
        sync.decide(project, 99, Status.CONFIRMED)  # no such figure: the server will refuse it
        sync.decide(project, 8, Status.CONFIRMED)
    finally:
        restart(server)
    sync.retry()
    assert [row[0] for row in decisions(url)] == [8]
    ((message, details),) = errors
    assert "refused 1 decisions" in message and "Figure 99 (confirmed)" in details and "\n" not in details
    assert sync.waiting == 0 and sync._outbox.refused() == []  # told once, then gone


def test_stand_in_decisions_left_by_an_earlier_session_go_when_the_project_opens(qtbot, url, sync, tmp_path):
    project = StandInProject(url)
    with Outbox.for_project(project.location, "ann", tmp_path / "outbox") as left:
        left.put(9, Status.CONFIRMED, client_id="from-yesterday")
    sync.attach(project)
    assert [row[3] for row in decisions(url)] == ["from-yesterday"] and sync.waiting == 0


def test_a_project_file_is_left_alone(qtbot, tmp_path, sync):
    from reviewer.store.opening import open_project

    with open_project(tmp_path / "review.frp", create=True, reviewer="ann") as project:
        sync.attach(project)
        assert not sync.attached and sync.label.isHidden() and sync.listener is None
        assert not (tmp_path / "outbox").exists()


# -- with the real shared Project (issue 15's port) -------------------------------------------------

def shared_project(url):
    from reviewer.documents import read_document
    from reviewer.extract import ENGINE_VERSION, extract
    from reviewer.store.opening import open_project
    from reviewer.store.server import init_project
    from tests.conftest import SEEDS

    location = parse_server_url(f"{url}?project=desk")
    init_project(location)
    project = open_project(location, reviewer=SUPERUSER)
    doc = read_document(SEEDS / "001_c85b7cdc4e083cd4.txt")
    project.add_document(doc, extract(doc.text, doc.date), ENGINE_VERSION)
    return project


def test_shared_project_the_server_restarted_mid_review_loses_no_decision(qtbot, server, url, sync, errors):
    project = shared_project(url)
    sync.attach(project)
    figures = [f.id for f in project.figures(project.documents()[0].id)][:3]
    assert not isinstance(sync.decide(project, figures[0], Status.CONFIRMED), Queued)
    server.stop()
    try:
        queued = [sync.decide(project, f, Status.REJECTED) for f in figures[1:]]
        assert all(isinstance(q, Queued) for q in queued) and not sync.online
    finally:
        restart(server)
    sync.retry()
    assert sync.online and sync.waiting == 0 and errors == []
    # the superuser is the project's manager: its decisions are the finals
    assert [project.figure(f).status for f in figures] == [Status.CONFIRMED, Status.REJECTED, Status.REJECTED]


def test_shared_project_another_reviewers_decision_arrives_as_a_change(qtbot, url, sync):
    project = shared_project(url)
    sync.attach(project)
    from reviewer.store.opening import open_project
    from reviewer.store.server import add_person

    add_person(parse_server_url(f"{url}?project=desk"), "bob", "reviewer")
    bob = url.replace(f"{SUPERUSER}@", "bob@") + "?project=desk"
    with open_project(bob, reviewer="bob") as second:  # another reviewer, on a connection of their own
        figure = second.figures(second.documents()[0].id)[0].id
        with qtbot.waitSignal(sync.changed, timeout=WAIT_MS) as said:
            second.decide(figure, Status.CONFIRMED)
    assert said.args[0][0]["figure"] == figure and said.args[0][0]["action"] == "decide"


REVIEW_FIELDS = ("status", "corrected_value", "corrected_unit", "corrected_kind", "corrected_indicator", "note")


@pytest.mark.parametrize(
    "steps",
    [
        [(Status.CONFIRMED, {})],
        [(Status.REJECTED, {"note": "重复"})],
        [(Status.CORRECTED, {"value": "12.50", "unit": "亿元", "kind": "money", "indicator": "收入", "note": None})],
        [(Status.CORRECTED, {"value": "3", "unit": "%"}), (Status.CONFIRMED, {})],
        [(Status.CORRECTED, {"value": "3", "note": "看表"}), (Status.PENDING, {})],
        [(Status.REJECTED, {"note": "错"}), (Status.CONFIRMED, {"note": ""})],
    ],
)
def test_a_waiting_decision_shows_what_the_store_will_hold(tmp_path, steps):
    """Offline, the window shows a queued decision as the store writes it once the server has it."""
    from reviewer.documents import read_document
    from reviewer.extract import ENGINE_VERSION, extract
    from reviewer.store.opening import open_project
    from reviewer.ui.sync import as_waiting
    from tests.conftest import SEEDS

    with open_project(tmp_path / "review.frp", create=True, reviewer="ann") as project:
        doc = read_document(SEEDS / "001_c85b7cdc4e083cd4.txt")
        figure = project.figures(project.add_document(doc, extract(doc.text, doc.date), ENGINE_VERSION))[0]
        for status, fields in steps:
            shown = as_waiting(figure, status, fields)
            project.decide(figure.id, status, **fields)
            figure = project.figure(figure.id)
            assert {name: getattr(shown, name) for name in REVIEW_FIELDS} == \
                   {name: getattr(figure, name) for name in REVIEW_FIELDS}


def test_stand_in_a_damaged_outbox_is_said_once_and_decisions_still_go_online(qtbot, url, sync, errors, tmp_path):
    from reviewer.store.outbox import outbox_path

    project = StandInProject(url)
    damaged = outbox_path(project.location, "ann", tmp_path / "outbox")
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"not a queue\n" * 100)
    sync.attach(project)
    ((message, _details),) = errors
    assert damaged.name in message and "\n" not in message
    assert sync.online and not isinstance(sync.decide(project, 1, Status.CONFIRMED), Queued)
    assert [row[0] for row in decisions(url)] == [1]
    assert damaged.read_bytes() == b"not a queue\n" * 100
