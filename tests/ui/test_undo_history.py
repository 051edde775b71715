"""Undo and redo say what they do, show the figure they changed, survive a reopen, and stay in
step with the store when a command fails."""
import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.model import Status
from tests.ui.conftest import ARTIFACTS, stored

FIRST = "新签合同额80.6亿美元，同比增长20.5%。\n完成营业额121.6亿美元，新签合同额80.6亿美元。\n"
SECOND = "全省受理案件1425918件，结案1310621件。\n"
CTRL = Qt.KeyboardModifier.ControlModifier


def figure_named(window, text):
    return next(f for f in window.visible_order() if f.text == text)


def confirm(qtbot, window, text):
    figure = figure_named(window, text)
    window.select_figure(figure.id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    return figure


def test_undo_names_the_step_it_would_take_back(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    assert not window.commands.undo.isEnabled()
    confirm(qtbot, window, "121.6亿美元")
    undo = window.commands.undo
    assert undo.isEnabled() and undo.text().split("\t")[0] == "&Undo confirm 121.6亿美元"
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    qtbot.waitExposed(menu)
    ARTIFACTS.mkdir(exist_ok=True)
    assert menu.grab().save(str(ARTIFACTS / "undo-menu.png"))
    menu.close()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert window.commands.redo.text().split("\t")[0] == "&Redo confirm 121.6亿美元"
    assert window.commands.undo.text().split("\t")[0] == "&Undo" and not window.commands.undo.isEnabled()


def test_undo_selects_and_shows_the_figure_it_changed_even_in_another_document(qtbot, window_on):
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    first_document = window.document_id
    figure = confirm(qtbot, window, "121.6亿美元")
    assert window.current_figure().id != figure.id          # moved on to the next pending
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)  # on to the other document
    assert window.document_id != first_document
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert window.document_id == first_document
    assert window.current_figure().id == figure.id and window.current_figure().status is Status.PENDING
    assert window.view.current() == figure.id
    assert window.doc_list.currentIndex().row() == window.doc_model.row_of(first_document)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)   # redo
    assert window.current_figure().id == figure.id and window.current_figure().status is Status.CONFIRMED


def test_undo_is_enabled_after_reopening_a_project_with_history(qtbot, window_on, settings):
    from reviewer.ui.main_window import MainWindow

    window = window_on({"a.txt": FIRST})
    path = window.project.path
    figure = confirm(qtbot, window, "121.6亿美元")
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.open_project(path)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    assert again.commands.undo.isEnabled()
    assert again.commands.undo.text().split("\t")[0] == "&Undo confirm 121.6亿美元"
    again.table.setFocus()
    qtbot.keyClick(again.table, Qt.Key.Key_Z, CTRL)
    with stored(path) as p:
        assert p.figure(figure.id).status is Status.PENDING
    again.close()


def test_a_command_failing_halfway_leaves_window_and_store_in_step(qtbot, window_on, monkeypatch):
    window = window_on({"a.txt": FIRST})
    earlier = confirm(qtbot, window, "121.6亿美元")
    project = window.project
    real_log, calls = project._log, []

    def log_then_fail(*args, **kwargs):  # the second figure of the command cannot be written
        calls.append(args)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real_log(*args, **kwargs)

    monkeypatch.setattr(project, "_log", log_then_fail)
    target = figure_named(window, "80.6亿美元")
    window.select_figure(target.id)
    window.table.setFocus()
    QTimer.singleShot(50, lambda: qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return))  # the list: OK
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    assert len(calls) == 2 and window.last_error
    monkeypatch.undo()
    with stored(project.path) as p:
        assert all(f.status is Status.PENDING for f in p.figures() if f.text == "80.6亿美元")
    assert all(f.status is Status.PENDING for f in window.table_model.figures() if f.text == "80.6亿美元")
    assert window.commands.undo.text().split("\t")[0] == "&Undo confirm 121.6亿美元"
    error = window.findChild(QMessageBox, "errorDialog")
    qtbot.keyClick(error, Qt.Key.Key_Return)            # the reviewer reads the message and closes it
    qtbot.waitUntil(lambda: not error.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)   # takes back the earlier step, nothing else
    with stored(project.path) as p:
        assert p.figure(earlier.id).status is Status.PENDING
        assert [f.text for f in p.figures() if f.status is not Status.PENDING] == []
    assert not window.commands.undo.isEnabled()
