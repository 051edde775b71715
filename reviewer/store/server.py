"""A project on a PostgreSQL server: the engine for its URL, the server's errors as one line, and
creating a project (a PostgreSQL schema of its own, taken to the newest version by Alembic)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from reviewer.display import shown
from reviewer.i18n import _
from reviewer.store.errors import ProjectExists, ServerRefused, ServerUnreachable
from reviewer.store.locations import ServerLocation
from reviewer.store.upgrade import upgrade


def quoted(identifier: str) -> str:
    """A project name (already checked: lower-case letters, digits, '_') as an SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def engine_for(location: ServerLocation) -> Engine:
    """Every connection sees the project's tables first: its schema is the search_path."""
    arguments = location.connect_arguments()
    engine = create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(**arguments))

    @event.listens_for(engine, "connect")
    def _into_the_project(dbapi_connection, _record):  # noqa: ANN001 - SQLAlchemy's hook
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET search_path TO {quoted(location.project)}")
        dbapi_connection.commit()

    return engine


def reason_of(exc: BaseException) -> str:
    """libpq's message (often two lines with a hint) as one line."""
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    return shown(" ".join(line.strip() for line in str(original).splitlines() if line.strip()), limit=400)


@contextmanager
def connected(location: ServerLocation) -> Iterator[Connection]:
    """A connection to the project's server; what goes wrong is a StoreError naming the URL."""
    engine = engine_for(location)
    try:
        try:
            connection = engine.connect()
        except DBAPIError as exc:
            raise ServerUnreachable(
                _("{url}: cannot connect to the server: {reason}", url=location, reason=reason_of(exc))
            ) from None
        with connection:
            try:
                yield connection
            except DBAPIError as exc:
                if isinstance(exc.orig, psycopg.errors.DuplicateSchema):
                    raise _exists(location) from None
                if isinstance(exc.orig, psycopg.OperationalError):
                    raise ServerUnreachable(
                        _("{url}: the connection to the server was lost: {reason}", url=location, reason=reason_of(exc))
                    ) from None
                raise ServerRefused(
                    _("{url}: the server refused: {reason}", url=location, reason=reason_of(exc))
                ) from None
    finally:
        engine.dispose()


def _exists(location: ServerLocation) -> ProjectExists:
    return ProjectExists(
        _(
            "{url}: the project {project} already exists on this server; open it, or name another with ?project=",
            url=location,
            project=location.project,
        )
    )


def project_exists(connection: Connection, project: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :name"), {"name": project})
    return found.first() is not None


def init_project(location: ServerLocation) -> None:
    """Create the project's schema and tables in one transaction: a failure leaves nothing behind."""
    with connected(location) as connection, connection.begin():
        if project_exists(connection, location.project):
            raise _exists(location)
        connection.execute(text(f"CREATE SCHEMA {quoted(location.project)}"))
        upgrade(connection, schema=location.project)
