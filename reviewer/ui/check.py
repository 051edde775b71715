"""The window part of `reviewer --self-test`: open a project offscreen and count its figures, and
check that the Chinese interface has its catalogs (ours and Qt's own, which a bundle must ship)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSettings, QTranslator
from PySide6.QtWidgets import QApplication


def open_window_offscreen(project_path: Path, settings_file: Path) -> int:
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    missing_catalogs = missing_chinese_catalogs()
    if missing_catalogs:
        raise RuntimeError("the Chinese interface cannot be loaded: " + ", ".join(missing_catalogs))
    window = MainWindow(Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    window.show()
    if not window.open_project(project_path):
        raise RuntimeError(window.last_error or "the project did not open")
    app.processEvents()
    shown = window.table_model.rowCount()
    window.close()
    return shown


def missing_chinese_catalogs() -> list[str]:
    from reviewer.resources import resource

    missing = []
    if not QTranslator().load(str(resource("translations", "reviewer_zh_CN.qm"))):
        missing.append("reviewer_zh_CN.qm")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_zh_CN", folder):
        missing.append(f"qtbase_zh_CN.qm (looked in {folder})")
    return missing
