"""A project on a PostgreSQL server: the engine for its URL, the server's errors as one line,
creating a project (a PostgreSQL schema of its own, taken to the newest version by Alembic, with its
roles) and adding a person to it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from reviewer.display import shown
from reviewer.i18n import _
from reviewer.store import roles
from reviewer.store.errors import BadLocation, ProjectExists, ServerRefused, ServerUnreachable
from reviewer.store.locations import ServerLocation
from reviewer.store.upgrade import upgrade

# a person's database role: a plain lower-case identifier, as a project's name is
PERSON = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def quoted(identifier: str) -> str:
    """A project name (already checked: lower-case letters, digits, '_') as an SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def engine_for(location: ServerLocation) -> Engine:
    """Every connection sees the project's tables first: its schema is the search_path."""
    arguments = location.connect_arguments()
    # pre-ping: a connection the pool kept across a server restart is found dead before it is used
    engine = create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(**arguments), pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _into_the_project(dbapi_connection, _record):  # noqa: ANN001 - SQLAlchemy's hook
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET search_path TO {quoted(location.project)}")
        dbapi_connection.commit()

    return engine


def connect_engine(location: ServerLocation) -> tuple[Engine, Connection]:
    """The engine of a project's server and one connection of it, for a Project's life."""
    engine = engine_for(location)
    try:
        return engine, engine.connect()
    except DBAPIError as exc:
        engine.dispose()
        raise ServerUnreachable(
            _("{url}: cannot connect to the server: {reason}", url=location, reason=reason_of(exc))
        ) from None


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
    """Create the project's schema, tables and roles in one transaction: a failure leaves nothing behind."""
    project = location.project
    with connected(location) as connection, connection.begin():
        if project_exists(connection, project):
            raise _exists(location)
        # roles belong to the whole server: one left by an earlier project would carry its members over
        left = roles.existing_roles(connection, [roles.group_role(project, role) for role in roles.ROLES])
        if left:
            raise ProjectExists(
                _(
                    "{url}: the server already has the role {role} (left by an earlier project?): "
                    "drop it, or name another project with ?project=",
                    url=location,
                    role=left[0],
                )
            )
        connection.execute(text(f"CREATE SCHEMA {quoted(project)}"))
        upgrade(connection, schema=project)
        roles.create_group_roles(connection, project)


def add_person(location: ServerLocation, person: str, role: str) -> bool:
    """Give `person` the project `role` (their own login role, created without a password if new);
    returns whether the login role was created."""
    project = location.project
    if not PERSON.fullmatch(person) or person.startswith("pg_") or person.startswith(f"{project}_"):
        raise BadLocation(
            _(
                "{name}: not a name for a person's database role: lower-case letters, digits and '_', "
                "at most 63 (not pg_..., not {project}_...)",
                name=shown(repr(person)),
                project=project,
            )
        )
    if role not in roles.ROLES:
        raise BadLocation(_("{role}: not a role (reviewer, adjudicator or manager)", role=shown(repr(role))))
    with connected(location) as connection, connection.begin():
        if not project_exists(connection, project):
            raise ServerRefused(
                _(
                    "{url}: there is no project {project} on this server; create it with reviewer team init",
                    url=location,
                    project=project,
                )
            )
        return roles.add_member(connection, project, person, role)
