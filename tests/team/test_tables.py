"""reviewer/store/tables.py (through Alembic's revisions) is the schema a new project file has:
schema.py's v6 taken on by Alembic (v7 on), on a fresh SQLite file and on a real PostgreSQL server alike."""

import pytest
from sqlalchemy import create_engine, text

from reviewer.store import Project, schema
from reviewer.store.tables import SCHEMA_VERSION, metadata
from reviewer.store.upgrade import LAST_SQL_REVISION, current_revision, head_revision, upgrade
from tests.team.introspection import described


@pytest.fixture
def v6_by_schema_py(tmp_path):
    """What the SQLite store makes of a new project today: schema.py's v6, then Alembic's revisions."""
    path = tmp_path / "new.frp"
    Project(path, create=True).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        yield described(connection), connection
    engine.dispose()


def test_the_tables_are_the_newest_revision_after_schema_py_s():
    assert head_revision() == f"{SCHEMA_VERSION:04d}"
    assert LAST_SQL_REVISION == f"{schema.SCHEMA_VERSION:04d}" and SCHEMA_VERSION > schema.SCHEMA_VERSION


def test_a_new_project_file_is_at_the_newest_revision(v6_by_schema_py):
    _, connection = v6_by_schema_py
    assert current_revision(connection) == head_revision()
    assert connection.execute(text("PRAGMA user_version")).scalar() == SCHEMA_VERSION


def test_alembic_makes_schema_v6_on_a_fresh_sqlite_file(tmp_path, v6_by_schema_py):
    expected, _ = v6_by_schema_py
    engine = create_engine(f"sqlite:///{tmp_path / 'alembic.frp'}")
    with engine.begin() as connection:
        upgrade(connection)
    with engine.connect() as connection:
        assert described(connection) == expected
        assert current_revision(connection) == head_revision()
        # ids are never reused: the same tables say AUTOINCREMENT as schema.py's
        autoincrement = ("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' "
                         "ORDER BY name")
        assert connection.execute(text(autoincrement)).scalars().all() == [
            "decisions", "events", "figures", "reference_rows"]
    engine.dispose()


def test_the_metadata_itself_makes_schema_v6_on_sqlite(tmp_path, v6_by_schema_py):
    expected, _ = v6_by_schema_py
    engine = create_engine(f"sqlite:///{tmp_path / 'metadata.frp'}")
    metadata.create_all(engine)
    with engine.connect() as connection:
        assert described(connection) == expected
    engine.dispose()


def test_alembic_makes_schema_v6_in_a_project_schema_on_postgresql(postgresql_database, v6_by_schema_py):
    expected, _ = v6_by_schema_py
    engine = create_engine(postgresql_database.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        connection.execute(text("CREATE SCHEMA budget"))
        connection.execute(text("SET search_path TO budget"))
        upgrade(connection, schema="budget")
    with engine.connect() as connection:
        assert described(connection, schema="budget") == expected
        assert current_revision(connection, schema="budget") == head_revision()
        assert described(connection, schema="public") == {}  # nothing lands outside the project
    engine.dispose()
