"""Take a project's schema to the newest version with Alembic, from the code (no alembic.ini).

The caller gives the connection and owns its transaction; on PostgreSQL the connection's
search_path already points at the project's schema, where Alembic keeps its version table too.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None, schema: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["schema"] = schema
    return config


def upgrade(connection: Connection, schema: str | None = None) -> None:
    command.upgrade(alembic_config(connection, schema), "head")


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection, schema: str | None = None) -> str | None:
    options = {"version_table_schema": schema} if schema else {}
    return MigrationContext.configure(connection, opts=options).get_current_revision()
