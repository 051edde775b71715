"""Every file dialog of the window, each starting where the reviewer works: the open project's
folder, else the last folder a dialog was answered in, else home."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from reviewer.store import PROJECT_SUFFIX
from reviewer.ui.labels import tr
from reviewer.ui.settings import Settings

SUPPORTED = "*.txt *.md *.docx *.pdf *.html *.htm"


class FileDialogs:
    def __init__(self, parent: QWidget, settings: Settings, project_path: Callable[[], Path | None]):
        self._parent = parent
        self._settings = settings
        self._project_path = project_path  # the open project's file, or None

    def start_folder(self) -> Path:
        project = self._project_path()
        if project is not None and project.parent.is_dir():
            return project.parent
        last = Path(self._settings.last_folder) if self._settings.last_folder else None
        if last is not None and last.is_dir():
            return last
        return Path.home()

    def _remember(self, path: str) -> Path:
        chosen = Path(path)
        self._settings.last_folder = str(chosen.parent)
        return chosen

    def _projects_filter(self) -> str:
        return tr("Review projects (*%1)").replace("%1", PROJECT_SUFFIX)

    def _save_project(self, title: str, suggested: Path) -> Path | None:
        """A project file to write, with the project suffix added when the reviewer left it off."""
        path, _ = QFileDialog.getSaveFileName(self._parent, title, str(suggested), self._projects_filter())
        if not path:
            return None
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self._remember(path)

    def new_project(self) -> Path | None:
        return self._save_project(tr("New project"), self.start_folder() / ("review" + PROJECT_SUFFIX))

    def open_project(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self._parent, tr("Open project"), str(self.start_folder()),
                                              self._projects_filter())
        return self._remember(path) if path else None

    def documents(self) -> list[Path]:
        files, _ = QFileDialog.getOpenFileNames(self._parent, tr("Import documents"), str(self.start_folder()),
                                                tr("Documents (%1)").replace("%1", SUPPORTED))
        return [self._remember(f) for f in files]

    def save_copy(self, project: Path) -> Path | None:
        suggested = self.start_folder() / (project.stem + "-copy" + PROJECT_SUFFIX)
        return self._save_project(tr("Save a copy of the project"), suggested)

    def export_to(self, suggested: Path) -> Path | None:
        if not suggested.parent.is_dir():
            suggested = self.start_folder() / suggested.name
        path, _ = QFileDialog.getSaveFileName(self._parent, tr("Export to"), str(suggested),
                                              tr("Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"))
        return self._remember(path) if path else None

    def reference_table(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self._parent, tr("Import reference table"), str(self.start_folder()),
                                              tr("Reference tables (*.xlsx *.csv)"))
        return self._remember(path) if path else None
