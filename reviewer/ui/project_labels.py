"""How the window names a project wherever it lives: a .frp file by its name, a shared project on
a server by its name and server; and the key its per-project settings are kept under."""
from __future__ import annotations

from pathlib import Path

from reviewer.store.errors import BadLocation
from reviewer.store.locations import Location, ServerLocation, is_server_url, parse_server_url
from reviewer.ui.labels import tr


def remembered_as(location: Location) -> str:
    """The key of the project's own settings (where the reviewer stopped): the file's absolute
    path, or the URL without its password, so that the same project is found again either way."""
    if isinstance(location, ServerLocation):
        return location.url()
    return str(location.path.absolute())


def server_place(location: ServerLocation) -> str:
    """'db.example.org/reviews', 'this computer/reviews', 'service team' for a pg_service.conf entry."""
    host = location.host or tr("this computer")
    if location.port is not None:
        host += f":{location.port}"
    service = dict(location.parameters).get("service")
    database = location.database or (tr("service %1").replace("%1", service) if service else "")
    return f"{host}/{database}"


def shared_detail(location: ServerLocation) -> str:
    return tr("shared project on %1").replace("%1", server_place(location))


def project_title(location: Location) -> str:
    """The window's title: 'review.frp', or 'budget (shared project on db.example.org/reviews)'."""
    if isinstance(location, ServerLocation):
        return f"{location.project} ({shared_detail(location)})"
    return location.path.name


def recent_entry(entry: str) -> tuple[str, str]:
    """A recent project as (name, where): ('review.frp', '/home/me/work'), or
    ('budget', 'shared project on db.example.org/reviews')."""
    if is_server_url(entry):
        try:
            location = parse_server_url(entry)
        except BadLocation:
            return entry, ""
        return location.project, shared_detail(location)
    path = Path(entry)
    return path.name, str(path.parent)


def recent_menu_text(entry: str) -> str:
    """The recent menu shows a file's whole path, as before, and a shared project by name and server."""
    if not is_server_url(entry):
        return entry
    name, where = recent_entry(entry)
    return f"{name} — {where}" if where else name
