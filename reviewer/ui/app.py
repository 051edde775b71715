"""Starting the window: the application object, its language, the crash guard, and which
project to open."""
from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reviewer import i18n
from reviewer.resources import resource
from reviewer.store import PROJECT_SUFFIX
from reviewer.store.locations import is_server_url
from reviewer.ui.labels import tr
from reviewer.ui.qt_fallback import MnemonicFallback

log = logging.getLogger(__name__)


def interface_language(language: str) -> str:
    """'system' follows the system: Chinese (simplified) when it is Chinese, English otherwise."""
    if language == "system":
        return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"
    return language


def install_translation(app: QApplication, language: str) -> str:
    """The window's strings, Qt's own dialogs and the messages of the plain-Python layers (store,
    readers, engine) all in one language; returns it ('zh_CN' or 'en')."""
    language = interface_language(language)
    i18n.set_language(language)
    if language == "zh_CN":
        qt_own = QTranslator(app)  # Qt's standard buttons and dialogs (确定, 取消, 查找范围 ...)
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            fallback = MnemonicFallback(qt_own, app)
            app.installTranslator(fallback)  # installed first: asked last
            app.installTranslator(qt_own)
            app._reviewer_qt_translators = [fallback, qt_own]
        else:
            log.warning("Qt's own Chinese translation (qtbase_zh_CN.qm) could not be loaded")
        translator = QTranslator(app)
        if translator.load(str(resource("translations", "reviewer_zh_CN.qm"))):
            app.installTranslator(translator)
            app._reviewer_translator = translator  # keep it alive
        else:
            log.warning("the Chinese translation could not be loaded")
    return language


def remove_translation(app: QApplication) -> None:
    """Back to English everywhere (tests; the window itself switches language at a restart)."""
    for translator in [getattr(app, "_reviewer_translator", None), *getattr(app, "_reviewer_qt_translators", [])]:
        if translator is not None:
            app.removeTranslator(translator)
    app._reviewer_translator = None
    app._reviewer_qt_translators = []
    i18n.set_language("en")


def _excepthook(kind, value, tb) -> None:
    """An exception nobody caught: logged with its trace, shown as a dialog, never a crash."""
    log.error("unhandled exception", exc_info=(kind, value, tb))
    app = QApplication.instance()
    window = getattr(app, "_reviewer_window", None)
    if window is not None:
        window.report_error(tr("Something went wrong: %1. The details are in the log (Help > Open log folder).")
                            .replace("%1", f"{kind.__name__}: {value}"),
                            "".join(traceback.format_exception(kind, value, tb)))


def default_project_for(files: list[Path]) -> Path:
    """Files opened without a project get one beside them (named after the file, or the folder
    of several); where that folder is read-only, in the user's data folder."""
    from reviewer.paths import user_data_dir

    first = files[0].absolute()
    name = first.stem if len(files) == 1 else first.parent.name or "review"
    beside = first.parent / (name + PROJECT_SUFFIX)
    try:
        probe = first.parent / ".figure-reviewer-write-test"
        probe.touch()
        probe.unlink()
        return beside
    except OSError:
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return folder / (name + PROJECT_SUFFIX)


def display_problem() -> str | None:
    """Why no window can open here, or None. Without this, Qt aborts with a cryptic message."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return ("no display: the window needs a desktop session (or run it under xvfb-run). "
                    "Without a screen, use `reviewer extract FILE...` or `reviewer import PROJECT FILE...`.")
    return None


def run_gui(paths: list[str]) -> int:
    from reviewer.logs import setup_logging

    problem = display_problem()
    if problem:
        print(f"figure-reviewer: {problem}", file=sys.stderr)
        return 2
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("figure-reviewer")
    app.setOrganizationName("figure-reviewer")
    app.setDesktopFileName("figure-reviewer")
    app.setWindowIcon(QIcon(str(resource("icons", "figure-reviewer.svg"))))
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import Settings

    settings = Settings()
    install_translation(app, settings.language)
    sys.excepthook = _excepthook
    threading.excepthook = lambda args: _excepthook(args.exc_type, args.exc_value, args.exc_traceback)
    window = MainWindow(settings)
    app._reviewer_window = window
    window.show()
    warm_up_engine()
    open_from_command_line(window, paths)
    return app.exec()


def is_project_word(word: str) -> bool:
    """A project on the command line: a .frp path or a shared project's postgresql:// URL."""
    return word.endswith(PROJECT_SUFFIX) or is_server_url(word)


def open_from_command_line(window, words: list[str]) -> None:
    """`reviewer PROJECT`, `reviewer URL`, `reviewer FILE...`, or the last project again. A URL
    reaches the window as typed (the store reads it); a new .frp path is created."""
    projects = [word for word in words if is_project_word(word)]
    files = [Path(word) for word in words if not is_project_word(word)]
    recent = window.settings.recent_projects()
    if projects and is_server_url(projects[0]):
        window.open_project(projects[0])
    elif projects:
        window.open_project(Path(projects[0]), create=not Path(projects[0]).exists())
    elif files:
        window.open_project(default_project_for(files), create=True)
    elif recent and not is_server_url(recent[0]) and Path(recent[0]).exists():
        # a shared project is not reopened at start: a server away would hold the window for its
        # connect timeout; the welcome lists it one click away
        window.open_project(recent[0])
    if files and window.project is not None:
        window.import_files(files)


def warm_up_engine() -> None:
    """Load the word segmenter on a worker thread so the window opens at once."""
    def warm():
        try:
            from reviewer.extract.segmenter import get_segmenter

            get_segmenter()
        except Exception:  # noqa: BLE001 - a failure here shows again, with its message, on first use
            log.exception("warming up the segmenter failed")

    threading.Thread(target=warm, name="segmenter-warm-up", daemon=True).start()
