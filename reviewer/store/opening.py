"""One way in to a project wherever it lives: a .frp file or a shared project on a PostgreSQL
server named by a URL (reviewer.store.locations). The window and every command open projects
through here, so a URL works wherever a .frp path does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reviewer.store.locations import FileLocation, Location, ServerLocation, is_server_url, parse_server_url
from reviewer.store.project import Project


def location_of(where: str | Path | Location) -> Location:
    """A location from what a caller holds: a path (any name: the store checks the file itself),
    a URL, or a location already made."""
    if isinstance(where, FileLocation | ServerLocation):
        return where
    if isinstance(where, str) and is_server_url(where):
        return parse_server_url(where)
    return FileLocation(Path(where))


def open_project(
    where: str | Path | Location, *, create: bool = False, read_only: bool = False, reviewer: str | None = None
) -> Project:
    """A project on a server must exist already (reviewer team init makes it): `create` is for files."""
    location = location_of(where)
    if isinstance(location, ServerLocation):
        if location.user is None and reviewer:  # a reviewer named and no user in the URL: connect as them
            location = replace(location, user=reviewer)
        return Project(location, read_only=read_only, reviewer=reviewer)
    return Project(location.path, create=create, read_only=read_only, reviewer=reviewer)
