"""The window part of `reviewer --self-test`: open a project offscreen and count its figures."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def open_window_offscreen(project_path: Path, settings_file: Path) -> int:
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    window.show()
    if not window.open_project(project_path):
        raise RuntimeError(window.last_error or "the project did not open")
    app.processEvents()
    shown = window.table_model.rowCount()
    window.close()
    return shown
