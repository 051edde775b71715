"""'Confirm every identical figure' confirms the same claim only, shows the list first, and is
one undo step."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from reviewer.model import Status
from tests.ui.conftest import ARTIFACTS, stored

FIRST = ("全省农村自来水普及率达到100%。全年任务完成率100%。全省农村自来水普及率达到100%。"
         "新签合同额80.6亿美元。\n新签合同额80.6亿美元，全省农村自来水普及率达到100%。\n")
SECOND = "新签合同额80.6亿美元。全省农村自来水普及率达到100%。\n"


def answer_next_dialog(qtbot, key, seen):
    """Press `key` in the dialog that opens next, after noting what it lists."""
    def press():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog.objectName() == "confirmIdenticalDialog":
            seen.append(dialog.rows())
            ARTIFACTS.mkdir(exist_ok=True)
            dialog.grab().save(str(ARTIFACTS / "confirm-identical-dialog.png"))
        qtbot.keyClick(dialog.focusWidget() or dialog, key)
        if dialog.isVisible():  # never leave a modal dialog open: the run would hang
            dialog.reject()
    QTimer.singleShot(50, press)


def select(window, text, indicator):
    figure = next(f for f in window.visible_order() if f.text == text and f.final_indicator == indicator)
    window.select_figure(figure.id)
    window.table.setFocus()
    return figure


def test_identical_means_same_value_unit_kind_and_indicator(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    select(window, "100%", "农村自来水普及率")
    seen = []
    answer_next_dialog(qtbot, Qt.Key.Key_Return, seen)
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    with stored(window.project.path) as p:
        by_indicator = {(f.text, f.indicator, f.status) for f in p.figures()}
    assert ("100%", "农村自来水普及率", Status.CONFIRMED) in by_indicator
    assert ("100%", "任务完成率", Status.PENDING) in by_indicator       # another claim, same text
    assert ("100%", "农村自来水普及率", Status.PENDING) not in by_indicator
    assert all(s is Status.PENDING for t, _, s in by_indicator if t == "80.6亿美元")


def test_the_figures_are_listed_with_document_and_sentence_before_they_are_confirmed(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    select(window, "100%", "农村自来水普及率")
    seen = []
    answer_next_dialog(qtbot, Qt.Key.Key_Escape, seen)          # look, then cancel
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    rows = seen[1]
    assert len(rows) == 3
    assert all(title and figure == "100%" and "普及率达到100%" in sentence for title, figure, sentence in rows)
    with stored(window.project.path) as p:
        assert all(f.status is Status.PENDING for f in p.figures())   # cancelled: nothing changed


def test_in_all_documents_is_one_transaction_and_one_undo_step(qtbot, window_on):
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    select(window, "80.6亿美元", "新签合同额")
    seen = []
    answer_next_dialog(qtbot, Qt.Key.Key_Return, seen)
    qtbot.keyClick(window.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier)
    assert len(seen[1]) == 3 and len({title for title, _, _ in seen[1]}) == 2
    with stored(window.project.path) as p:
        same = [f for f in p.figures() if f.text == "80.6亿美元"]
        assert len(same) == 3 and all(f.status is Status.CONFIRMED for f in same)
        assert len({e.command for e in p.events() if e.action == "decide"}) == 1
    assert window.commands.undo.text().startswith("&Undo confirm 80.6亿美元 × 3")
    qtbot.waitUntil(window.isActiveWindow)  # the window is active again, the keys are its
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with stored(window.project.path) as p:
        assert [f.text for f in p.figures() if f.status is not Status.PENDING] == []
