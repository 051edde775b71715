"""The live listener against a real PostgreSQL server: NOTIFY from another connection arrives as
a Qt signal, woken by the socket (no polling); the server taking the connection away is said once."""

import json
import logging

import psycopg
import pytest

from reviewer.store.errors import ServerUnreachable
from reviewer.store.locations import parse_server_url
from reviewer.ui.live import NotificationListener
from tests.team.conftest import free_port

CHANNEL = "budget"
WAIT_MS = 10_000  # what a signal may take at most on a loaded machine: a hang fails, never a slow run


@pytest.fixture
def url(postgresql_database):
    return postgresql_database


@pytest.fixture
def listener(qtbot, url):
    arguments = parse_server_url(f"{url}?project={CHANNEL}").connect_arguments()
    listening = NotificationListener(arguments, CHANNEL)
    listening.start()
    yield listening
    listening.stop()


def notify(url, *payloads, channel=CHANNEL):
    """NOTIFY from another connection, all in one transaction: delivered together at its commit."""
    with psycopg.connect(url) as conn:
        for payload in payloads:
            conn.execute("SELECT pg_notify(%s, %s)", (channel, payload))


def collected(listener):
    got = []
    listener.notified.connect(got.append)
    return got


EVENT = {"event": 12, "action": "decide", "document": 3, "figure": 40, "reviewer": "bob"}


@pytest.mark.parametrize(
    "payloads, expected",
    [
        ([json.dumps(EVENT)], [EVENT]),
        ([json.dumps({"event": 1}), json.dumps({"event": 2})], [{"event": 1}, {"event": 2}]),  # one packet
        ([json.dumps({"event": n}) for n in range(1, 21)], [{"event": n} for n in range(1, 21)]),
        (["not json", "[1, 2]", "", json.dumps({"event": 5, "reviewer": "张三"})], [{"event": 5, "reviewer": "张三"}]),
    ],
)
def test_notifications_from_another_connection_arrive_as_signals(qtbot, url, listener, payloads, expected):
    got = collected(listener)
    notify(url, *payloads)
    qtbot.waitUntil(lambda: len(got) >= len(expected), timeout=WAIT_MS)
    notify(url, json.dumps({"event": "last"}))  # everything before it came (and nothing more)
    qtbot.waitUntil(lambda: got[-1:] == [{"event": "last"}], timeout=WAIT_MS)
    assert got[:-1] == expected


def test_the_socket_wakes_the_listener_no_timer_polls(listener):
    from PySide6.QtCore import QSocketNotifier, QTimer

    assert listener.findChildren(QTimer) == []
    (notifier,) = listener.findChildren(QSocketNotifier)
    assert notifier.isEnabled() and notifier.socket() == listener._conn.fileno()


def test_a_payload_that_is_not_a_json_object_is_logged_and_skipped(qtbot, url, listener, caplog):
    got = collected(listener)
    with caplog.at_level(logging.WARNING, logger="reviewer.ui.live"):
        with qtbot.waitSignal(listener.notified, timeout=WAIT_MS):
            notify(url, "{broken", json.dumps({"event": 9}))
    assert got == [{"event": 9}]
    assert "{broken" in caplog.text and "skipped" in caplog.text


def test_another_channel_is_not_heard(qtbot, url, listener):
    got = collected(listener)
    notify(url, json.dumps({"event": "elsewhere"}), channel="health")
    notify(url, json.dumps({"event": "here"}))
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT_MS)
    assert got == [{"event": "here"}]


def test_the_server_ending_the_connection_is_said_once_and_reconnect_listens_again(qtbot, url, listener):
    lost = []
    listener.disconnected.connect(lost.append)
    got = collected(listener)
    pid = listener.backend_pid()
    with qtbot.waitSignal(listener.disconnected, timeout=WAIT_MS):
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)
    notify(url, json.dumps({"event": "while away"}))
    qtbot.wait(300)  # a second readable socket or notification would be handled here: none is
    assert len(lost) == 1 and lost[0] and "\n" not in lost[0]
    assert not listener.is_listening() and got == []
    listener.reconnect()
    assert listener.backend_pid() not in (None, pid)
    with qtbot.waitSignal(listener.notified, timeout=WAIT_MS):
        notify(url, json.dumps({"event": "back"}))
    assert got == [{"event": "back"}] and len(lost) == 1


def test_a_server_that_is_not_there_is_one_line_at_start(qtbot, postgresql_server):
    arguments = parse_server_url(f"postgresql://tester@127.0.0.1:{free_port()}/none?project={CHANNEL}").connect_arguments()
    listening = NotificationListener(arguments, CHANNEL)
    with pytest.raises(ServerUnreachable) as raised:
        listening.start()
    assert "\n" not in str(raised.value) and str(raised.value)
    assert not listening.is_listening()
