"""A reviewer's own database role, even with raw SQL, cannot change another reviewer's decision or
the log, cannot become someone else, cannot switch off what guards the tables, cannot read the
others' decisions, and cannot use the settle trigger to write a final alone where a document needs
two reviewers (tests/team/test_roles.py has the rights of each role; this file is the attacks).
A URL with a password refused for recent projects: tests/team/test_locations.py and, for the
window, tests/ui/test_shared_project.py."""

import psycopg
import pytest
from psycopg import errors

from reviewer.store.locations import parse_server_url
from reviewer.store.server import add_person, init_project

PROJECT = "desk"
ONE, TWO = 1, 2  # a document one reviewer settles, one that needs two
SETTLE = "INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (%s, %s, 'rejected', '2026-01-03')"


@pytest.fixture
def team(postgresql_database):
    """rita and ben review, ada adjudicates; a figure in each document; ben decided both figures
    and holds a lease; `connect_as(person)` is a raw connection as their role."""
    location = parse_server_url(f"{postgresql_database}?project={PROJECT}")
    init_project(location)
    for person, role in (("rita", "reviewer"), ("ben", "reviewer"), ("ada", "adjudicator")):
        add_person(location, person, role)
    with psycopg.connect(postgresql_database, autocommit=True) as owner:
        owner.execute(f"SET search_path TO {PROJECT}")
        for doc, needed in ((ONE, 1), (TWO, 2)):
            owner.execute("INSERT INTO documents (id, source, title, format, size, sha256, text, imported_at, "
                          "reviewers_needed) VALUES (%s, 'a.txt', 'a', 'txt', 1, 'x', '一', '2026-01-01', %s)",
                          (doc, needed))
            owner.execute("INSERT INTO figures (id, document_id, start, \"end\", text, kind, engine_version) "
                          "VALUES (%s, %s, 0, 1, '一', 'number', 't')", (doc, doc))

    def connect_as(person):
        user_url = postgresql_database.replace("postgresql://postgres@", f"postgresql://{person}@")
        conn = psycopg.connect(user_url, autocommit=True)
        conn.execute(f"SET search_path TO {PROJECT}")
        return conn

    with connect_as("ben") as ben:
        for figure in (ONE, TWO):
            ben.execute("INSERT INTO events (at, reviewer, action, figure_id, new) "
                        "VALUES ('2026-01-02', 'ben', 'decide', %s, '{\"status\": \"confirmed\"}')", (figure,))
            ben.execute("INSERT INTO decisions (figure_id, reviewer, status, at) "
                        "VALUES (%s, 'ben', 'confirmed', '2026-01-02')", (figure,))
        ben.execute("INSERT INTO leases (document_id, reviewer, until) VALUES (%s, 'ben', '2999-01-01')", (TWO,))
    yield connect_as


def owner_reads(postgresql_database, sql, params=()):
    with psycopg.connect(postgresql_database) as owner:
        owner.execute(f"SET search_path TO {PROJECT}")
        return owner.execute(sql, params).fetchall()


REFUSED = [
    # ben's decisions and log, changed or made in his name
    "UPDATE decisions SET status = 'rejected' WHERE reviewer = 'ben'",
    "DELETE FROM decisions WHERE reviewer = 'ben'",
    "INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (2, 'ben', 'rejected', '2026-01-03')",
    "INSERT INTO decisions (figure_id, reviewer, status, at) VALUES (2, NULL, 'rejected', '2026-01-03')",
    "INSERT INTO events (at, reviewer, action, figure_id) VALUES ('2026-01-03', 'ben', 'decide', 2)",
    "UPDATE events SET new = NULL WHERE reviewer = 'ben'",
    "TRUNCATE decisions, events",
    # the finals on the figures
    "UPDATE figures SET status = 'rejected', settled = 'agreed' WHERE id = 2",
    # a lease in another's name
    "INSERT INTO leases (document_id, reviewer, until) VALUES (1, 'ben', '2999-01-01')",
    "UPDATE leases SET reviewer = 'ada' WHERE document_id = 2",
    # what guards the tables: triggers, row-level security, the settle function
    "ALTER TABLE decisions DISABLE TRIGGER ALL",
    "ALTER TABLE decisions DISABLE TRIGGER decisions_append_only",
    "ALTER TABLE events DISABLE TRIGGER USER",
    "DROP TRIGGER decisions_settle ON decisions",
    "ALTER TABLE decisions DISABLE ROW LEVEL SECURITY",
    "DROP POLICY add_own ON decisions",
    "CREATE POLICY mine ON decisions FOR ALL TO PUBLIC USING (true) WITH CHECK (true)",
    "CREATE OR REPLACE FUNCTION settle_by_agreement() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END $$",
    "ALTER FUNCTION settle_by_agreement() SECURITY INVOKER",
    # becoming someone else
    "SET ROLE ben",
    "SET ROLE desk_adjudicator",
    "SET ROLE desk_manager",
    "SET ROLE postgres",
    "SET SESSION AUTHORIZATION ben",
    "GRANT desk_adjudicator TO rita",
    "ALTER ROLE rita SUPERUSER",
]


@pytest.mark.parametrize("statement", REFUSED)
def test_a_reviewer_cannot_touch_anothers_work_even_with_raw_sql(team, statement, postgresql_database):
    with team("rita") as rita, pytest.raises(errors.InsufficientPrivilege):
        rita.execute(statement)
    assert owner_reads(postgresql_database, "SELECT figure_id, reviewer, status FROM decisions ORDER BY id") == [
        (ONE, "ben", "confirmed"), (TWO, "ben", "confirmed")]
    assert owner_reads(postgresql_database, "SELECT reviewer, new FROM events ORDER BY id") == [
        ("ben", '{"status": "confirmed"}')] * 2
    assert owner_reads(postgresql_database, "SELECT reviewer FROM leases") == [("ben",)]


def test_anothers_lease_is_not_given_back_by_deleting_it(team, postgresql_database):
    with team("rita") as rita:
        assert rita.execute("DELETE FROM leases WHERE reviewer = 'ben'").rowcount == 0
    assert owner_reads(postgresql_database, "SELECT document_id, reviewer FROM leases") == [(TWO, "ben")]


def test_a_reviewer_reads_nothing_of_anothers_decisions(team):
    with team("rita") as rita:
        assert rita.execute("SELECT * FROM decisions").fetchall() == []
        assert rita.execute("SELECT * FROM events WHERE reviewer = 'ben'").fetchall() == []
        # the finals are not a way round: nothing is settled before two decided alike
        assert rita.execute("SELECT status, settled FROM figures WHERE id = %s", (TWO,)).fetchone() == ("pending", None)


def test_the_settle_trigger_is_no_way_to_write_a_final_alone(team, postgresql_database):
    with team("rita") as rita:
        with pytest.raises(errors.FeatureNotSupported):  # a trigger function, never called by hand
            rita.execute("SELECT settle_by_agreement()")
        for _ in range(3):  # her own rows, again and again, are still one reviewer's decision
            rita.execute(SETTLE, (TWO, "rita"))
        # as the project's group role she would be a second reviewer, named after it
        rita.execute("SET ROLE desk_reviewer")
        with pytest.raises(errors.InsufficientPrivilege):
            rita.execute(SETTLE, (TWO, "desk_reviewer"))
        with pytest.raises(errors.InsufficientPrivilege):
            rita.execute("INSERT INTO events (at, reviewer, action, figure_id) "
                         "VALUES ('2026-01-03', 'desk_reviewer', 'decide', 2)")
        rita.execute("RESET ROLE")
        rita.execute(SETTLE, (ONE, "rita"))
    finals = dict((row[0], row[1:]) for row in owner_reads(
        postgresql_database, "SELECT id, status, settled, reviewer FROM figures"))
    # one reviewer's decision is the final of a document that needs one; two needed: ben and rita differ
    assert finals == {ONE: ("pending", None, None), TWO: ("pending", None, None)}


def test_a_single_reviewers_decision_is_the_final_of_a_document_that_needs_one(team, postgresql_database):
    with team("rita") as rita:
        rita.execute(SETTLE, (ONE, "rita"))  # ben confirmed, rita rejects: one needed, two differ
    with team("ben") as ben:
        ben.execute("INSERT INTO decisions (figure_id, reviewer, status, at) "
                    "VALUES (%s, 'ben', 'rejected', '2026-01-04')", (ONE,))
    assert owner_reads(postgresql_database, "SELECT status, settled, reviewer FROM figures WHERE id = %s", (ONE,)) == [
        ("rejected", "agreed", "ben, rita")]
