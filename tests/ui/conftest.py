import pytest
from PySide6.QtCore import QSettings

from reviewer.commands.importing import import_documents
from reviewer.store import Project
from tests.conftest import ROOT, SEEDS

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture
def settings(tmp_path):
    from reviewer.ui.settings import Settings

    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.reviewer = "测试员"
    return s


@pytest.fixture
def seeded_project(tmp_path):
    path = tmp_path / "review.frp"
    with Project.open(path, create=True, reviewer="setup") as project:
        import_documents(project, [SEEDS / "001_c85b7cdc4e083cd4.txt", SEEDS / "000_71bace37cc241901.txt"],
                         report=lambda m: None)
    return path


@pytest.fixture
def window(qtbot, settings, seeded_project):
    from reviewer.ui.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_project(seeded_project)
    w.activateWindow()
    yield w
    w.close()


def action(window, name):
    """One of the window's commands by name (the QAction's object name), as menus and keys reach it."""
    from PySide6.QtGui import QAction

    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def stored(path):
    """A fresh look at the project file, as another program would see it."""
    return Project.open(path, read_only=True)


@pytest.fixture
def window_on(qtbot, settings, tmp_path):
    """A window on a new project made of the given texts ({file name: text}), in that order."""
    from reviewer.ui.main_window import MainWindow

    windows = []

    def make(texts: dict[str, str]) -> MainWindow:
        path = tmp_path / "texts.frp"
        files = []
        for name, text in texts.items():
            files.append(tmp_path / name)
            files[-1].write_text(text, encoding="utf-8")
        with Project.open(path, create=True, reviewer="setup") as project:
            import_documents(project, files, report=lambda m: None)
        w = MainWindow(settings)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        assert w.open_project(path)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)  # keys go to the focus widget of the active window
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()


@pytest.fixture
def chinese(qtbot):
    """The interface in Chinese (Qt's and the lower layers' messages), English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from reviewer import i18n
    from reviewer.ui.app import install_translation, remove_translation

    app = QApplication.instance()
    assert install_translation(app, "zh_CN") == "zh_CN"
    yield app
    remove_translation(app)
    assert i18n.current_language() == "en"


@pytest.fixture
def bare_window(qtbot, settings):
    """The window as it opens the very first time: no project."""
    from reviewer.ui.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.close()
