"""`reviewer team add URL NAME --role ROLE`: each person logs in as their own database role, and
the server itself refuses what their project role does not allow, even as raw SQL: nobody of the
team can change, delete or empty the event log."""

import psycopg
import pytest
from psycopg import errors

from reviewer.store.locations import parse_server_url
from reviewer.store.server import add_person, init_project
from tests.cli.helpers import one_line, run

PROJECT = "desk"


@pytest.fixture
def team(postgresql_database):
    """A project with one person in each role; a function that connects as one of them."""
    location = parse_server_url(f"{postgresql_database}?project={PROJECT}")
    init_project(location)  # in the process: the command line's own tests are below
    for person, role in (("rita", "reviewer"), ("ada", "adjudicator"), ("max", "manager")):
        add_person(location, person, role)
    superuser = psycopg.connect(postgresql_database, autocommit=True)
    superuser.execute(f"SET search_path TO {PROJECT}")
    superuser.execute("INSERT INTO documents (source, title, format, size, sha256, text, imported_at) "
                      "VALUES ('a.txt', 'a', 'txt', 1, 'x', '一', '2026-01-01')")
    superuser.execute("INSERT INTO figures (document_id, start, \"end\", text, kind, engine_version) "
                      "VALUES (1, 0, 1, '一', 'number', 't')")
    superuser.execute("INSERT INTO events (at, action) VALUES ('2026-01-01', 'import')")

    def connect_as(person):
        user_url = postgresql_database.replace("postgresql://postgres@", f"postgresql://{person}@")
        conn = psycopg.connect(user_url, autocommit=True)
        conn.execute(f"SET search_path TO {PROJECT}")
        return conn

    yield connect_as
    superuser.close()


REFUSED = [
    (person, statement)
    for person in ("rita", "ada", "max")
    for statement in ("UPDATE events SET action = 'forged'", "DELETE FROM events", "TRUNCATE events")
] + [
    ("rita", "DELETE FROM figures"),
    ("rita", "DELETE FROM documents"),
    ("rita", "INSERT INTO documents (source, title, format, size, sha256, text, imported_at) "
             "VALUES ('b', 'b', 'txt', 1, 'y', '二', '2026-01-02')"),
    ("ada", "UPDATE documents SET title = 'renamed'"),
    # a reviewer decides in rows of their own: never on the figure, never in another's name
    ("rita", "UPDATE figures SET status = 'confirmed', reviewer = 'rita' WHERE id = 1"),
    ("rita", "INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (1, 'ada', 'rejected', '2026-01-02')"),
    ("rita", "INSERT INTO events (at, reviewer, action, figure_id) VALUES ('2026-01-02', 'ada', 'decide', 1)"),
    # an adjudicator sets the final decision, not what the figure says
    ("ada", "UPDATE figures SET text = '二', value = '2' WHERE id = 1"),
] + [
    (person, statement)
    for person in ("rita", "ada", "max")
    for statement in ("UPDATE decisions SET status = 'rejected'", "DELETE FROM decisions", "TRUNCATE decisions")
] + [
    ("rita", "CREATE TABLE mine (x int)"),
    ("rita", "DROP TABLE events"),
]


@pytest.mark.parametrize(("person", "statement"), REFUSED)
def test_the_server_refuses_what_the_role_does_not_allow(team, person, statement):
    with team(person) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(statement)


ALLOWED = [
    ("rita", "INSERT INTO events (at, reviewer, action, figure_id) VALUES ('2026-01-02', 'rita', 'confirm', 1)"),
    ("rita", "INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (1, 'rita', 'confirmed', '2026-01-02')"),
    ("rita", "SELECT count(*) FROM events"),
    ("ada", "UPDATE figures SET status = 'rejected', reviewer = 'ada', settled = 'adjudicated' WHERE id = 1"),
    ("ada", "INSERT INTO events (at, reviewer, action, figure_id) VALUES ('2026-01-02', 'ada', 'correct', 1)"),
    ("max", "INSERT INTO documents (source, title, format, size, sha256, text, imported_at) "
            "VALUES ('b', 'b', 'txt', 1, 'y', '二', '2026-01-02')"),
    ("max", "DELETE FROM figures WHERE id = 1"),
]


@pytest.mark.parametrize(("person", "statement"), ALLOWED)
def test_each_role_can_do_its_work(team, person, statement):
    with team(person) as conn:
        conn.execute(statement)


def test_the_log_is_untouched_by_the_refused_statements(team):
    with team("rita") as conn:
        for statement in ("UPDATE events SET action = 'forged'", "DELETE FROM events"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT action FROM events").fetchall() == [("import",)]


def test_the_log_and_the_decisions_are_append_only_for_their_owner_too(team, postgresql_database):
    """The owner (here the superuser who made the project) is bound by no right, but by the triggers."""
    with psycopg.connect(postgresql_database, autocommit=True) as owner:
        owner.execute(f"SET search_path TO {PROJECT}")
        owner.execute("INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (1, 'rita', 'confirmed', 'x')")
        for statement in ("UPDATE events SET action = 'forged'", "DELETE FROM events", "TRUNCATE events",
                          "UPDATE decisions SET status = 'rejected'", "DELETE FROM decisions", "TRUNCATE decisions"):
            with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
                owner.execute(statement)
        assert owner.execute("SELECT action FROM events").fetchall() == [("import",)]
        assert owner.execute("SELECT status FROM decisions").fetchall() == [("confirmed",)]


def test_a_reviewer_reads_only_their_own_decisions_and_the_others_read_all(team):
    for person, status in (("rita", "confirmed"), ("ada", "rejected")):
        with team(person) as conn:
            conn.execute("INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (1, %s, %s, 'x')",
                         (person, status))
    with team("rita") as conn:
        assert conn.execute("SELECT reviewer FROM decisions").fetchall() == [("rita",)]
        # how far everyone is stays in sight, without their decisions
        assert sorted(conn.execute("SELECT reviewer, n FROM reviewer_progress").fetchall()) == [("ada", 1), ("rita", 1)]
    with team("max") as conn:
        assert sorted(conn.execute("SELECT reviewer FROM decisions").fetchall()) == [("ada",), ("rita",)]


def test_a_person_of_one_project_cannot_read_another(team, postgresql_database):
    init_project(parse_server_url(f"{postgresql_database}?project=other"))
    with team("rita") as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM other.events")


def test_a_new_role_is_exactly_one_project_role(team, postgresql_database):
    url = f"{postgresql_database}?project={PROJECT}"
    assert run("team", "add", url, "rita", "--role", "manager").returncode == 0
    with team("rita") as conn:
        groups = conn.execute("SELECT b.rolname FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.member "
                              "JOIN pg_roles b ON b.oid = m.roleid WHERE a.rolname = 'rita'").fetchall()
        assert groups == [(f"{PROJECT}_manager",)]


def test_a_new_role_has_no_password(postgresql_database):
    url = f"{postgresql_database}?project={PROJECT}"
    assert run("team", "init", url).returncode == 0
    done = run("team", "add", url, "newbie", "--role", "reviewer")
    assert done.returncode == 0
    assert "without a password" in done.stderr
    with psycopg.connect(postgresql_database) as conn:
        assert conn.execute("SELECT rolcanlogin, rolpassword IS NULL FROM pg_authid "
                            "WHERE rolname = 'newbie'").fetchone() == (True, True)


ADD_REFUSED = [
    ("Rita", "reviewer", "not a name for a person's database role"),
    ("pg_monitor", "reviewer", "not a name for a person's database role"),
    ("desk_manager", "reviewer", "not a name for a person's database role"),
]


@pytest.mark.parametrize(("person", "role", "problem"), ADD_REFUSED)
def test_a_bad_person_is_one_line(postgresql_database, person, role, problem):
    url = f"{postgresql_database}?project={PROJECT}"
    assert run("team", "init", url).returncode == 0
    done = run("team", "add", url, person, "--role", role)
    assert done.returncode == 2
    assert problem in one_line(done.stderr)


def test_adding_to_a_project_that_is_not_there_is_one_line(postgresql_database):
    done = run("team", "add", f"{postgresql_database}?project=nowhere", "rita", "--role", "reviewer")
    assert done.returncode == 2
    assert "there is no project nowhere on this server" in one_line(done.stderr)


def test_a_role_left_by_an_earlier_project_stops_init(postgresql_database):
    with psycopg.connect(postgresql_database, autocommit=True) as conn:
        conn.execute("CREATE ROLE again_reviewer NOLOGIN")
    done = run("team", "init", f"{postgresql_database}?project=again")
    assert done.returncode == 2
    assert "already has the role again_reviewer" in one_line(done.stderr)
    with psycopg.connect(postgresql_database) as conn:  # nothing was made: one transaction
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'again'").fetchone() == (0,)
