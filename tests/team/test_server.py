"""The test cluster is a real server that answers SQL (tests/team/conftest.py)."""

import psycopg


def test_the_test_server_answers(postgresql_database):
    with psycopg.connect(postgresql_database, connect_timeout=10) as conn:
        assert conn.execute("SELECT current_database(), 6 * 7").fetchone()[1] == 42
        assert conn.info.server_version >= 120000
