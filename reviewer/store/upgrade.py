"""Take a project's schema to the newest version with Alembic, from the code (no alembic.ini).

The caller gives the connection and owns its transaction; on PostgreSQL the connection's
search_path already points at the project's schema, where Alembic keeps its version table too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from reviewer.display import shown
from reviewer.i18n import _
from reviewer.store.errors import StoreError, WriteFailed

if TYPE_CHECKING:
    from reviewer.store.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None, schema: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["schema"] = schema
    return config


def upgrade(connection: Connection, schema: str | None = None) -> None:
    command.upgrade(alembic_config(connection, schema), "head")


# the last version reviewer/store/schema.py makes of a .frp file with SQL of its own; the versions
# after it are Alembic revisions, numbered as the file's PRAGMA user_version, which keeps in step
LAST_SQL_REVISION = "0006"


def upgrade_file(db: Database) -> None:
    """Take a .frp file that schema.py brought to v6 on to the newest revision, in one transaction
    with its user_version: a failure leaves it as it was."""
    newest = int(head_revision())
    if int(db.scalar("PRAGMA user_version")) >= newest:
        return
    try:
        with db.write():
            if current_revision(db.connection) is None:
                command.stamp(alembic_config(db.connection), LAST_SQL_REVISION)
            upgrade(db.connection)
            db.execute(f"PRAGMA user_version = {newest}")
    except StoreError:
        raise
    except Exception as exc:  # a revision that cannot run on this file: say so, keep the file
        raise WriteFailed(
            _(
                "{path}: the project could not be upgraded to this version ({reason}); it was left as it was",
                path=db.where,
                reason=shown(str(exc)),
            )
        ) from exc


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection, schema: str | None = None) -> str | None:
    options = {"version_table_schema": schema} if schema else {}
    return MigrationContext.configure(connection, opts=options).get_current_revision()


def known_revisions() -> set[str]:
    """Every schema revision this version knows (a project at another one was made by a newer version)."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
