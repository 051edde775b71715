"""`reviewer team init URL` creates project NAME on a real PostgreSQL server (a schema of its own,
schema v6), and says in one line what went wrong: a bad URL, a server that cannot be reached or
does not answer, a project that exists."""

import socket

import pytest
from sqlalchemy import create_engine, text

from reviewer.store.upgrade import current_revision, head_revision
from tests.cli.helpers import one_line, run
from tests.team.introspection import described


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def engine_of(database_url: str):
    return create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))


def test_init_creates_the_project_schema(postgresql_database):
    done = run("team", "init", postgresql_database + "?project=budget2025")
    assert done.returncode == 0, done.stderr
    assert "budget2025 created (schema version 0007)" in one_line(done.stderr)
    engine = engine_of(postgresql_database)
    with engine.connect() as connection:
        tables = described(connection, schema="budget2025")
        assert sorted(tables) == ["assignments", "decisions", "documents", "events", "figures", "finding_decisions",
                                  "leases", "meta", "reference_rows"]
        assert current_revision(connection, schema="budget2025") == head_revision()
    engine.dispose()


def test_two_projects_live_side_by_side_in_one_database(postgresql_database):
    for project in ("desk_a", "desk_b"):
        assert run("team", "init", f"{postgresql_database}?project={project}").returncode == 0
    engine = engine_of(postgresql_database)
    with engine.connect() as connection:
        assert described(connection, schema="desk_a") == described(connection, schema="desk_b")
    engine.dispose()


def test_an_existing_project_is_refused_and_left_as_it_is(postgresql_database):
    url = postgresql_database + "?project=budget"
    assert run("team", "init", url).returncode == 0
    engine = engine_of(postgresql_database)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO budget.meta (key, value) VALUES ('kept', 'yes')"))
    again = run("team", "init", url)
    assert again.returncode == 2
    assert "the project budget already exists on this server" in one_line(again.stderr)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM budget.meta WHERE key = 'kept'")).scalar() == "yes"
    engine.dispose()


REFUSED = [
    ("postgresql://127.0.0.1/newsroom", "names no project"),
    ("postgresql://127.0.0.1/newsroom?project=Bad-Name", "is not a project name"),
    ("mysql://127.0.0.1/newsroom?project=p1", "starts with postgresql://"),
    ("postgresql://alice:s3cret@127.0.0.1:99999/newsroom?project=p1", "the port must be a number"),
]


@pytest.mark.parametrize(("url", "problem"), REFUSED)
def test_a_bad_url_is_one_line(url, problem):
    done = run("team", "init", url)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert problem in line
    assert "s3cret" not in line


def test_a_server_that_is_not_there_is_one_line():
    done = run("team", "init", f"postgresql://127.0.0.1:{free_port()}/newsroom?project=p1")
    assert done.returncode == 2
    assert "cannot connect to the server" in one_line(done.stderr)


def test_a_server_that_never_answers_gives_up_after_the_connect_timeout():
    """A socket that accepts and stays silent: libpq waits for an answer until connect_timeout."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        done = run("team", "init", f"postgresql://127.0.0.1:{port}/newsroom?connect_timeout=2&project=p1",
                   timeout=60)
    assert done.returncode == 2
    assert "cannot connect to the server" in one_line(done.stderr)


def test_a_missing_database_is_one_line(postgresql_server):
    done = run("team", "init", postgresql_server.url("no_such_database", project="p1"))
    assert done.returncode == 2
    assert 'database "no_such_database" does not exist' in one_line(done.stderr)
