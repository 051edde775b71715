"""The window around the review: the welcome when no project is open, Preferences and the
reviewer's name, where file dialogs start, Save a copy, messages with correct plurals, the
import's duplicate notice, and the Chinese interface down to Qt's own dialogs."""
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)

from reviewer import i18n
from reviewer.model import Status
from tests.conftest import SEEDS
from tests.ui.conftest import ARTIFACTS, action, stored

SEED = SEEDS / "003_4560d328f1d36908.txt"


def _ok(dialog: QDialog) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _screenshot(widget, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(ARTIFACTS / name))


# -- the welcome -----------------------------------------------------------------------------


def test_without_a_project_the_window_welcomes_with_ways_to_start(qtbot, bare_window, settings, seeded_project):
    w = bare_window
    assert w.central.currentWidget() is w.welcome and w.welcome.isVisible()
    assert not any(dock.isVisible() for dock in w.docks)  # no blank panes
    assert action(w, "import_files").isEnabled()
    for name in ("import", "new", "open"):
        assert w.welcome.buttons[name].isVisible()
    settings.add_recent(str(seeded_project))
    w._fill_recent_menu()
    QApplication.processEvents()
    _screenshot(w, "welcome.png")
    recent = w.welcome.recent_buttons
    assert [b.text() for b in recent] == [seeded_project.name]
    qtbot.mouseClick(recent[0], Qt.MouseButton.LeftButton)
    assert w.project is not None and w.project.path == seeded_project
    assert w.central.currentWidget() is w.splitter and all(dock.isVisible() for dock in w.docks)
    w.close_project()
    assert w.central.currentWidget() is w.welcome


def test_importing_from_the_welcome_creates_a_project_beside_the_files(qtbot, bare_window, tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "hubei.txt"
    shutil.copy(SEED, report)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(report)], ""))
    with qtbot.waitSignal(bare_window.importer.finished, timeout=30000):
        qtbot.mouseClick(bare_window.welcome.buttons["import"], Qt.MouseButton.LeftButton)
    assert bare_window.project.path == folder / "hubei.frp"
    assert [d.source for d in bare_window.project.documents()] == [str(report)]
    assert bare_window.central.currentWidget() is bare_window.splitter


# -- the reviewer's name ---------------------------------------------------------------------


def test_the_reviewers_name_is_changed_in_preferences(qtbot, window, settings, seeded_project):
    action(window, "preferences").trigger()
    dialog = window.findChild(QDialog, "preferences")
    assert dialog is not None and dialog.isVisible()
    _screenshot(dialog, "preferences.png")
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Li Si")  # typed key by key (Chinese would come through an input method)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert settings.reviewer == "Li Si"
    assert "Li Si" in window.reviewer_label.text()
    figure = window.current_figure()
    window.decide_current(Status.CONFIRMED)
    with stored(seeded_project) as p:
        assert p.figure(figure.id).reviewer == "Li Si"


def test_a_click_on_the_name_in_the_status_bar_opens_preferences(qtbot, window, settings):
    assert "测试员" in window.reviewer_label.text()
    qtbot.mouseClick(window.reviewer_label, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "preferences")
    assert dialog is not None and dialog.isVisible() and dialog.name.text() == "测试员"
    dialog.name.setText("王五")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert settings.reviewer == "王五" and window.project.reviewer == "王五"
    assert "王五" in window.reviewer_label.text()


# -- where dialogs start ---------------------------------------------------------------------


def test_file_dialogs_start_in_the_projects_folder(qtbot, window, seeded_project, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda parent, title, folder, *a: asked.append(folder) or
                        ([], ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, folder, *a: asked.append(folder) or
                        ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, folder, *a: asked.append(folder) or
                        ("", ""))
    action(window, "import_files").trigger()
    action(window, "open_project").trigger()
    action(window, "new_project").trigger()
    action(window, "save_copy").trigger()
    action(window, "export").trigger()
    export = window.findChild(QDialog, "exportDialog")
    qtbot.mouseClick(next(b for b in export.findChildren(QPushButton) if b.text() == "Choose…"),
                     Qt.MouseButton.LeftButton)
    export.reject()
    folder = str(seeded_project.parent)
    assert asked[:2] == [folder, folder]
    assert all(a.startswith(folder) for a in asked) and len(asked) == 5


def test_without_a_project_file_dialogs_start_in_the_last_folder_used(qtbot, bare_window, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    asked = []

    def choose(parent, title, folder, *a):
        asked.append(folder)
        return (str(elsewhere / "nothing.frp"), "") if len(asked) == 1 else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(bare_window, "open_project", lambda *a, **k: False)  # only where the dialog starts
    action(bare_window, "open_project").trigger()
    action(bare_window, "open_project").trigger()
    assert asked[1] == str(elsewhere)


# -- messages --------------------------------------------------------------------------------


def test_importing_one_document_says_so_in_the_singular(qtbot, window, tmp_path):
    report = tmp_path / "one.txt"
    report.write_text("湖北省外贸\n受理案件1425918件。\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        window.import_files([report])
    assert window.statusBar().currentMessage() == "1 document imported"


def test_importing_the_same_text_again_is_skipped_with_a_message(qtbot, window, tmp_path):
    twin = tmp_path / "copy-of-001.txt"
    shutil.copy(SEEDS / "001_c85b7cdc4e083cd4.txt", twin)
    before = len(window.project.documents())
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        window.import_files([twin])
    assert len(window.project.documents()) == before
    assert "copy-of-001.txt" in window.last_error and "same text" in window.last_error
    assert window.statusBar().currentMessage() == "0 documents imported, 1 document skipped"


# -- the Chinese interface -------------------------------------------------------------------


def test_qt_own_file_dialog_speaks_chinese(qtbot, chinese):
    dialog = QFileDialog(None, "导入文档")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QLabel, "lookInLabel").text() == "查找范围(&L)："
    assert dialog.findChild(QLabel, "fileTypeLabel").text() == "文件类型(&T)："
    _screenshot(dialog, "file-dialog-zh.png")
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, "t", "m", yes_no)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"是(&Y)", "否(&N)"}


def test_the_plain_python_layers_speak_the_interface_language(qtbot, chinese, window, tmp_path):
    assert i18n.current_language() == i18n.CHINESE
    broken = tmp_path / "报告.docx"
    broken.write_bytes(b"not a zip at all")
    with qtbot.waitSignal(window.importer.finished, timeout=30000):
        window.import_files([broken])
    assert "报告.docx" in window.last_error and "不是有效的 .docx" in window.last_error  # the reader's message


def test_changing_the_language_in_preferences_changes_the_messages(qtbot, window, settings):
    action(window, "preferences").trigger()
    dialog = window.findChild(QDialog, "preferences")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    try:
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        assert settings.language == "zh_CN" and i18n.current_language() == i18n.CHINESE
    finally:
        i18n.set_language("en")


# -- a copy, a project in use ----------------------------------------------------------------


def test_save_a_copy_writes_a_whole_project_elsewhere(qtbot, window, tmp_path, monkeypatch):
    figure = window.current_figure()
    window.decide_current(Status.CONFIRMED)
    copy = tmp_path / "sent" / "review-copy.frp"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    action(window, "save_copy").trigger()
    assert str(copy) in window.statusBar().currentMessage()
    with stored(copy) as p:
        assert p.figure(figure.id).status is Status.CONFIRMED
        assert len(p.documents()) == len(window.project.documents())


def test_save_a_copy_over_the_project_itself_is_refused_with_a_message(qtbot, window, seeded_project, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(seeded_project), ""))
    action(window, "save_copy").trigger()
    assert "this project itself" in window.last_error
    assert window.project is not None and len(window.project.documents()) == 2


def test_a_project_in_use_elsewhere_says_so_once_in_the_windows_language(qtbot, window, seeded_project, settings,
                                                                           chinese, monkeypatch):
    from reviewer.store import Project, ProjectLocked
    from reviewer.ui.main_window import MainWindow

    with pytest.raises(ProjectLocked) as refused:
        Project.open(seeded_project)  # what the store says, in Chinese: the window shows exactly that
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append((title, text))
                        or QMessageBox.StandardButton.Yes)
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert other.open_project(seeded_project)
    assert len(asked) == 1 and asked[0][1].startswith(str(refused.value))
    assert "项目已在其他程序或窗口中打开" in asked[0][1] and asked[0][1].endswith("以只读方式打开？")
    assert i18n.current_language() == i18n.CHINESE and asked[0][0] == "项目正被使用"
    assert other.project.read_only and other.last_error is None
    other.close()
