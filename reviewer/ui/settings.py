"""What the window remembers between sessions (QSettings): the reviewer's name, recent projects,
layout, zoom, language and view options."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or QSettings("figure-reviewer", "figure-reviewer")

    def _get(self, key: str, default, kind=str):
        value = self.q.value(key, default)
        if kind is bool:
            return value in (True, "true", "1", 1)
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value if value is not None else default

    @property
    def reviewer(self) -> str:
        return self._get("reviewer", "") or ""

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self.q.setValue("reviewer", name)

    def recent_projects(self) -> list[str]:
        value = self.q.value("recentProjects", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def add_recent(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_projects() if p != path]
        self.q.setValue("recentProjects", recent[:MAX_RECENT])

    @property
    def language(self) -> str:
        return self._get("language", "system")

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("language", value)

    @property
    def font_size(self) -> int:
        return self._get("fontSize", 0, int)

    @font_size.setter
    def font_size(self, value: int) -> None:
        self.q.setValue("fontSize", value)

    @property
    def show_dates(self) -> bool:
        return self._get("showDates", False, bool)

    @show_dates.setter
    def show_dates(self, value: bool) -> None:
        self.q.setValue("showDates", value)

    @property
    def auto_advance(self) -> bool:
        return self._get("autoAdvance", True, bool)

    @auto_advance.setter
    def auto_advance(self, value: bool) -> None:
        self.q.setValue("autoAdvance", value)

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.q.value("window/geometry"), self.q.value("window/state")

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def sync(self) -> None:
        self.q.sync()
