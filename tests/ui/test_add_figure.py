"""Adding a missed figure: the dialog is prefilled from the selection, and the figure is stored
at the selection's place, also after characters outside the Basic Multilingual Plane."""
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reviewer.model import Kind
from reviewer.ui.add_figure import AddFigureDialog
from tests.ui.conftest import stored


def test_the_dialog_is_prefilled_with_what_the_selection_says(qtbot):
    for selected, value, unit, kind in (("1.5万吨", "1.5万", "吨", Kind.QUANTITY),
                                        ("三成", "0.3", "成", Kind.FRACTION),
                                        ("650亿", "650亿", "", Kind.QUANTITY),
                                        ("80.6亿美元", "80.6亿", "美元", Kind.MONEY)):
        dialog = AddFigureDialog(selected)
        qtbot.addWidget(dialog)
        assert (dialog.value.text(), dialog.unit.text(), dialog.kind.currentData()) == (value, unit, kind.value)


def test_a_value_the_engine_cannot_read_is_refused_in_the_dialog(qtbot):
    dialog = AddFigureDialog("若干")
    qtbot.addWidget(dialog)
    assert dialog.value.text() == ""
    dialog.value.setText("若干")
    dialog._check()
    assert "若干" in dialog.error.text() and not dialog.result()


def test_a_figure_after_astral_characters_is_stored_at_the_selected_place(qtbot, window_on):
    text = "𠀀😀第十五届运动会开幕，𠀀参赛者十五万人次。\n"
    window = window_on({"astral.txt": text})
    at = text.index("十五届")
    cursor = QTextCursor(window.view.document())
    start_qt = at + 2  # two astral characters before it, each two UTF-16 units
    cursor.setPosition(start_qt)
    cursor.setPosition(start_qt + 2, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    assert cursor.selectedText() == "十五"

    prefilled = []

    def accept():  # never an assertion here: a dialog left open would hang the run
        dialog = QApplication.activeModalWidget()
        prefilled.append(dialog.value.text())
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
        if dialog.isVisible():  # refused what it was given: close it, the assertions below tell why
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(50, accept)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert prefilled == ["15"]
    figure = window.current_figure()
    assert figure is not None and figure.manual
    with stored(window.project.path) as p:
        added = p.figure(figure.id)
        assert (added.start, added.end, added.text) == (at, at + 2, "十五")
        assert added.final_value == Decimal("15")
    start, end = window.view.figure_span_qt(figure.id)
    assert (start, end) == (start_qt, start_qt + 2)
