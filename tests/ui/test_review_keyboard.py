"""Reviewing a seed report from the keyboard alone, then reading the project file."""
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from reviewer.model import Status
from tests.ui.conftest import stored


def key(qtbot, widget, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, k, modifier)


def test_confirm_reject_correct_undo_redo_from_the_keyboard(qtbot, window, seeded_project):
    table = window.table
    table.setFocus()
    order = [f.id for f in window.visible_order()]
    first, second, third = order[0], order[1], order[2]
    assert window.current_figure().id == first

    key(qtbot, table, Qt.Key.Key_C)                      # confirm, moves on to the next pending
    assert window.current_figure().id == second
    key(qtbot, table, Qt.Key.Key_X)                      # reject
    assert window.current_figure().id == third
    key(qtbot, table, Qt.Key.Key_E)                      # correct: jumps to the value field
    assert window.inspector.value_edit.hasFocus()
    window.inspector.value_edit.selectAll()
    qtbot.keyClicks(window.inspector.value_edit, "8160000000")
    key(qtbot, window.inspector.value_edit, Qt.Key.Key_Return)

    with stored(seeded_project) as p:
        assert p.figure(first).status is Status.CONFIRMED
        assert p.figure(second).status is Status.REJECTED
        corrected = p.figure(third)
        assert corrected.status is Status.CORRECTED and corrected.corrected_value == Decimal("8160000000")
        assert corrected.reviewer == "测试员"

    table.setFocus()
    key(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # undo the correction
    key(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # undo the rejection
    with stored(seeded_project) as p:
        assert p.figure(third).status is Status.PENDING
        assert p.figure(second).status is Status.PENDING
        assert p.figure(first).status is Status.CONFIRMED
    key(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo
    with stored(seeded_project) as p:
        assert p.figure(second).status is Status.REJECTED
        actions = [e.action for e in p.events()]
        assert actions.count("undo") == 2 and actions.count("redo") == 1
    # the table and the inspector show what the file holds
    row = window.table_model.row_of(second)
    assert window.table_model.figures()[row].status is Status.REJECTED


def test_modified_keys_work_while_typing_and_single_keys_do_not_fire(qtbot, window, seeded_project):
    figure = window.current_figure()
    note = window.inspector.note_edit
    note.setFocus()
    qtbot.keyClicks(note, "cx")                          # plain letters are typed, not actions
    assert note.text() == "cx"
    with stored(seeded_project) as p:
        assert p.figure(figure.id).status is Status.PENDING
    key(qtbot, note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)     # Ctrl+Enter confirms
    with stored(seeded_project) as p:
        assert p.figure(figure.id).status is Status.CONFIRMED
        assert p.figure(figure.id).note == "cx"  # with the note typed before it
    nxt = window.current_figure()
    window.inspector.value_edit.setFocus()
    key(qtbot, window.inspector.value_edit, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)  # rejects
    with stored(seeded_project) as p:
        assert p.figure(nxt.id).status is Status.REJECTED


def test_navigation_and_next_pending(qtbot, window):
    window.view.setFocus()
    order = [f.id for f in window.visible_order()]
    key(qtbot, window.view, Qt.Key.Key_J)
    assert window.current_figure().id == order[1]
    key(qtbot, window.view, Qt.Key.Key_K)
    assert window.current_figure().id == order[0]
    key(qtbot, window.view, Qt.Key.Key_C)
    window.select_figure(order[0])
    key(qtbot, window.view, Qt.Key.Key_N)                # next pending skips the confirmed one
    assert window.current_figure().id == order[1]


def test_confirm_every_identical_figure_in_one_action(qtbot, window, seeded_project):
    target = next(f for f in window.visible_order() if f.text == "80.6亿美元")
    window.select_figure(target.id)
    window.table.setFocus()
    QTimer.singleShot(50, lambda: key(qtbot, QApplication.activeModalWidget(), Qt.Key.Key_Return))  # the list: OK
    key(qtbot, window.table, Qt.Key.Key_A)
    with stored(seeded_project) as p:
        same = [f for f in p.figures() if f.text == "80.6亿美元" and f.indicator == target.indicator]
        other = [f for f in p.figures() if f.text == "80.6亿美元" and f.indicator != target.indicator]
        assert len(same) > 1 and all(f.status is Status.CONFIRMED for f in same)
        assert other and all(f.status is Status.PENDING for f in other)  # same text, another claim
    qtbot.waitUntil(window.isActiveWindow)
    key(qtbot, window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # one action, one undo
    with stored(seeded_project) as p:
        assert all(f.status is Status.PENDING for f in p.figures() if f.text == "80.6亿美元")


def test_help_overlay_lists_the_shortcuts(qtbot, window):
    window.view.setFocus()
    key(qtbot, window.view, Qt.Key.Key_F1)
    overlay = window.findChild(QDialog, "shortcutOverlay")
    assert overlay is not None and overlay.isVisible()
    text = " ".join(label.text() for label in overlay.findChildren(QLabel))
    assert "Ctrl+Return" in text or "Ctrl+Enter" in text
    assert "Confirm" in text
