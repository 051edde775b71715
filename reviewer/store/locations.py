"""Where a project lives: a .frp file, or a project on a PostgreSQL server named by a URL
`postgresql://[user@]host[:port]/database?project=NAME` (also `postgresql+psycopg://`).

The application never keeps a password: a URL with one is refused for saving (recent projects),
and the server's password comes from libpq's own means (~/.pgpass, pg_service.conf with
`?service=`, PGPASSWORD), which pass through untouched, as do `sslmode` and libpq's other query
parameters. Messages never show a password either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from reviewer.display import shown, shown_path
from reviewer.i18n import _
from reviewer.store.errors import BadLocation, PasswordInLocation

FILE_SUFFIX = ".frp"
SCHEMES = ("postgresql", "postgresql+psycopg")
PROJECT_PARAMETER = "project"
# a project is a PostgreSQL schema of its own: a plain lower-case identifier needs no quoting
# anywhere (psql, pg_dump, grants), and "pg_" names belong to the server; at most 40 characters,
# so that its roles' names (budget_adjudicator) stay within PostgreSQL's 63
PROJECT_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
RESERVED_PROJECTS = ("public", "information_schema")
# a server that does not answer must not hang the window or a command: seconds, unless the URL says
DEFAULT_CONNECT_TIMEOUT = "10"


@dataclass(frozen=True)
class FileLocation:
    path: Path

    def for_recent_projects(self) -> str:
        return str(self.path.absolute())

    def __str__(self) -> str:
        return shown_path(self.path)


@dataclass(frozen=True)
class ServerLocation:
    """A project on a PostgreSQL server; `parameters` are libpq's, in the URL's order."""

    project: str
    database: str | None = None
    host: str | None = None
    port: int | None = None
    user: str | None = None
    password: str | None = None
    parameters: tuple[tuple[str, str], ...] = ()

    @property
    def has_password(self) -> bool:
        return self.password is not None or any(key == "password" for key, _ in self.parameters)

    def url(self) -> str:
        """The location as a URL without its password (for messages and for saving)."""
        netloc = quote(self.user, safe="") + "@" if self.user else ""
        if self.host:
            netloc += f"[{self.host}]" if ":" in self.host else quote(self.host, safe="")
        if self.port is not None:
            netloc += f":{self.port}"
        query = [(key, value) for key, value in self.parameters if key != "password"]
        query.append((PROJECT_PARAMETER, self.project))
        return f"postgresql://{netloc}/{quote(self.database or '', safe='')}?{urlencode(query)}"

    def for_recent_projects(self) -> str:
        """The URL to keep in recent projects; a URL holding a password is refused, never saved."""
        if self.has_password:
            raise PasswordInLocation(
                _(
                    "{url}: a project URL with a password is not saved; keep the password in ~/.pgpass, "
                    "pg_service.conf or PGPASSWORD instead",
                    url=shown(self.url(), limit=400),
                )
            )
        return self.url()

    def connect_arguments(self) -> dict[str, Any]:
        """Keywords for psycopg.connect (libpq's own names), with a connect timeout."""
        arguments: dict[str, Any] = {"connect_timeout": DEFAULT_CONNECT_TIMEOUT}
        for key, value in (
            ("user", self.user),
            ("password", self.password),
            ("host", self.host),
            ("port", self.port),
            ("dbname", self.database),
        ):
            if value is not None:
                arguments[key] = value
        arguments.update(self.parameters)
        return arguments

    def __str__(self) -> str:
        return shown(self.url(), limit=400)


Location = FileLocation | ServerLocation


def is_server_url(text: str) -> bool:
    return text.split("://", 1)[0].lower() in SCHEMES if "://" in text else False


def parse_location(text: str) -> Location:
    """A project's location from what a user typed: a .frp path or a server URL."""
    if "://" not in text:
        if not text.endswith(FILE_SUFFIX):
            raise BadLocation(
                _(
                    "{location}: not a project: name a .frp file or a postgresql://host/database?project=NAME URL",
                    location=shown_path(text),
                )
            )
        return FileLocation(Path(text))
    return parse_server_url(text)


def parse_server_url(text: str) -> ServerLocation:
    scheme = text.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        raise BadLocation(
            _("{location}: not a project URL: it starts with postgresql://", location=_without_password(text))
        )
    shown_url = _without_password(text)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise BadLocation(_("{location}: the port must be a number from 1 to 65535", location=shown_url)) from None
    if port == 0:
        raise BadLocation(_("{location}: the port must be a number from 1 to 65535", location=shown_url))
    if parts.fragment:
        raise BadLocation(_("{location}: a project URL has no '#' part", location=shown_url))
    path = unquote(parts.path).lstrip("/")
    if "/" in path:
        raise BadLocation(
            _("{location}: the URL names one database after the host: postgresql://host/database", location=shown_url)
        )
    try:
        query = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise BadLocation(
            _("{location}: the part after '?' must be name=value pairs joined by '&'", location=shown_url)
        ) from None
    projects = [value for key, value in query if key == PROJECT_PARAMETER]
    if not projects:
        raise BadLocation(_("{location}: the URL names no project: add ?project=NAME", location=shown_url))
    if len(projects) > 1:
        raise BadLocation(_("{location}: the URL names more than one project", location=shown_url))
    project = projects[0]
    if not PROJECT_NAME.fullmatch(project) or project.startswith("pg_") or project in RESERVED_PROJECTS:
        raise BadLocation(
            _(
                "{location}: {project} is not a project name: lower-case letters, digits and '_', "
                "starting with a letter, at most 40 (not public, not pg_...)",
                location=shown_url,
                project=shown(repr(project)),
            )
        )
    parameters = tuple((key, value) for key, value in query if key != PROJECT_PARAMETER)
    database = path or None
    if database is None and not any(key in ("service", "dbname") for key, _value in parameters):
        raise BadLocation(
            _(
                "{location}: the URL names no database: postgresql://host/database?project=NAME "
                "(or ?service=NAME from pg_service.conf)",
                location=shown_url,
            )
        )
    return ServerLocation(
        project=project,
        database=database,
        host=unquote(parts.hostname) if parts.hostname else None,
        port=port,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        parameters=parameters,
    )


def shown_location(text: str) -> str:
    """A PROJECT word as messages name it: a file's path, or a URL (of any scheme) without its password."""
    return _without_password(text) if "://" in text else shown_path(text)


def _without_password(text: str) -> str:
    """The URL as typed, for a message, with any password taken out (it may not even parse)."""
    text = re.sub(r"^([^:/?#]+://[^/?#@:]*):[^/?#@]*@", r"\1@", text)
    text = re.sub(r"([?&])password=[^&#]*&?", r"\1", text).rstrip("?&")
    return shown(text, limit=400)
