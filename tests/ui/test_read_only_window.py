"""A project opened read-only looks it: nothing offers to change it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reviewer.model import Status
from tests.ui.conftest import ARTIFACTS, stored

TEXT = "新签合同额80.6亿美元，同比增长20.5%。\n完成营业额121.6亿美元。\n"
REVIEW_ACTIONS = ("confirm", "reject", "correct", "skip", "confirm_same_doc", "confirm_same_all", "add_figure",
                  "undo", "redo", "import_files")


def test_a_read_only_window_offers_no_change(qtbot, window_on, settings, monkeypatch):
    from reviewer.ui.main_window import MainWindow

    writer = window_on({"a.txt": TEXT})           # holds the project: the second window gets it read-only
    writer.table.setFocus()
    qtbot.keyClick(writer.table, Qt.Key.Key_C)     # history to undo, had the window been writable
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    assert window.open_project(writer.project.path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.project.read_only and window.current_figure() is not None
    assert "read-only" in window.windowTitle()
    assert window.read_only_label.isVisible() and window.read_only_label.text() == "Read-only"
    for name in REVIEW_ACTIONS:
        assert not window.commands.by_name[name].isEnabled(), name
    inspector = window.inspector
    for edit in (inspector.value_edit, inspector.unit_edit, inspector.indicator_edit, inspector.note_edit):
        assert edit.isReadOnly()
    assert not inspector.kind_combo.isEnabled() and not inspector.apply_button.isEnabled()
    before = inspector.value_edit.text()
    inspector.value_edit.setFocus()
    qtbot.keyClicks(inspector.value_edit, "650")
    qtbot.keyClick(inspector.value_edit, Qt.Key.Key_Return)
    assert inspector.value_edit.text() == before
    window.table.setFocus()
    pending = window.current_figure()
    qtbot.keyClick(window.table, Qt.Key.Key_X)
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    assert window.table.hasFocus()
    with stored(writer.project.path) as p:
        assert p.figure(pending.id).status is pending.status
        assert sum(f.status is not Status.PENDING for f in p.figures()) == 1
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "read-only-window.png"))
    window.close()
