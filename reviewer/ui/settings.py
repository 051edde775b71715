"""What the window remembers between sessions (QSettings): the reviewer's name, recent projects,
the last folder used, layout, zoom, language and view options."""
from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

from reviewer.store.locations import is_server_url, parse_server_url

MAX_RECENT = 10


class _Setting:
    """One typed value in QSettings (which hands back strings from an .ini file)."""

    def __init__(self, key: str, default, kind=str):
        self.key, self.default, self.kind = key, default, kind

    def __get__(self, settings, owner=None):
        if settings is None:
            return self
        value = settings.q.value(self.key, self.default)
        if self.kind is bool:
            return value in (True, "true", "1", 1)
        if self.kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return self.default
        return value if value is not None else self.default

    def __set__(self, settings, value) -> None:
        settings.q.setValue(self.key, value)


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or QSettings("figure-reviewer", "figure-reviewer")

    reviewer = _Setting("reviewer", "")
    language = _Setting("language", "system")          # system, zh_CN or en
    font_size = _Setting("fontSize", 0, int)           # 0: the system's size
    show_dates = _Setting("showDates", False, bool)
    auto_advance = _Setting("autoAdvance", True, bool)  # after a decision, go to the next pending
    last_folder = _Setting("lastFolder", "")            # where the last file dialog was answered
    last_shared_project = _Setting("lastSharedProject", "")  # its URL, never a password: the dialog's prefill

    def recent_projects(self) -> list[str]:
        value = self.q.value("recentProjects", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def add_recent(self, path: str) -> None:
        """A project file's path or a shared project's URL; a URL holding a password is refused
        (PasswordInLocation), whoever asks: nothing the application saves holds one."""
        if is_server_url(path):
            path = parse_server_url(path).for_recent_projects()
        recent = [path] + [p for p in self.recent_projects() if p != path]
        self.q.setValue("recentProjects", recent[:MAX_RECENT])

    def last_position(self, project: str) -> tuple[int | None, int | None]:
        """Where the reviewer stopped in this project: (document id, figure id)."""
        value = self.q.value(_position_key(project))
        try:
            document, figure = str(value).split(",")
            return int(document), (int(figure) if figure else None)
        except (TypeError, ValueError):
            return None, None

    def set_last_position(self, project: str, document: int, figure: int | None) -> None:
        self.q.setValue(_position_key(project), f"{document},{'' if figure is None else figure}")

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.q.value("window/geometry"), self.q.value("window/state")

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def sync(self) -> None:
        self.q.sync()


def _position_key(project: str) -> str:
    # a path holds slashes, which QSettings reads as groups: one short key per project instead
    return "positions/" + hashlib.sha1(project.encode("utf-8")).hexdigest()[:16]
