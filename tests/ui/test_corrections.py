"""Correcting a figure from the keyboard: E, a value written as in a report, Enter."""
from decimal import Decimal

from PySide6.QtCore import Qt

from reviewer import i18n
from reviewer.model import Kind, Status
from tests.conftest import translations_of
from tests.ui.conftest import stored

TEXT = "新签合同额121.6亿美元，同比增长20.5%。完成营业额80.6亿美元。\n"


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def start_correcting(qtbot, window, text):
    figure = next(f for f in window.visible_order() if f.text == text)
    window.select_figure(figure.id)
    window.table.setFocus()
    press(qtbot, window.table, Qt.Key.Key_E)
    assert window.inspector.value_edit.hasFocus()
    return figure


def test_e_then_enter_with_nothing_changed_records_no_correction(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = start_correcting(qtbot, window, "121.6亿美元")
    with stored(window.project.path) as p:
        events_before = len(p.events())
    press(qtbot, window.inspector.value_edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        assert len(p.events()) == events_before
        assert p.figure(figure.id).status is Status.PENDING
    assert "Nothing changed" in window.statusBar().currentMessage()
    assert window.view.hasFocus()  # back to reviewing, as after a correction


def test_the_value_field_shows_the_value_as_a_reviewer_writes_it(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    start_correcting(qtbot, window, "121.6亿美元")
    assert window.inspector.value_edit.text() == "121.6亿"
    assert window.inspector.unit_edit.text() == "美元"


def test_the_correction_field_reads_what_the_engine_reads(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = start_correcting(qtbot, window, "121.6亿美元")
    edit = window.inspector.value_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "650")   # Chinese characters come from an input method, not key codes
    edit.insert("亿")
    press(qtbot, edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        corrected = p.figure(figure.id)
        assert corrected.status is Status.CORRECTED
        assert corrected.corrected_value == Decimal("65000000000")
        assert corrected.final_unit == "美元"
    window.select_figure(figure.id)
    assert window.inspector.value_edit.text() == "650亿"


def test_a_unit_written_with_the_value_is_the_unit_of_the_correction(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = start_correcting(qtbot, window, "20.5%")
    edit = window.inspector.value_edit
    edit.selectAll()
    edit.insert("80.6亿美元")
    press(qtbot, edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        corrected = p.figure(figure.id)
        assert (corrected.corrected_value, corrected.final_unit, corrected.final_kind) == (
            Decimal("8060000000"), "美元", Kind.MONEY)


def test_a_value_that_cannot_be_read_is_refused_with_a_message(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = start_correcting(qtbot, window, "121.6亿美元")
    edit = window.inspector.value_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "12-13")
    press(qtbot, edit, Qt.Key.Key_Return)
    assert "12-13" in window.last_error and "650亿" in window.last_error
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.PENDING


def test_a_note_changed_alone_is_saved_as_a_note_not_a_correction(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = start_correcting(qtbot, window, "121.6亿美元")
    window.inspector.note_edit.setText("核对原文")
    press(qtbot, window.inspector.value_edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.PENDING
        assert p.figure(figure.id).note == "核对原文"


def test_confidence_reasons_are_shown_in_the_interface_language(qtbot, window_on, monkeypatch):
    window = window_on({"a.txt": TEXT})
    figure = next(f for f in window.visible_order() if f.reason)
    first = figure.reason.split("; ")[0]
    monkeypatch.setattr(i18n, "catalog", lambda language: translations_of({first: "译文"}))  # one known message
    monkeypatch.setattr(i18n, "_language", i18n.CHINESE)
    window.select_figure(figure.id)
    assert "译文" in window.inspector.details.text()
    column = list(window.table_model._titles).index("Confidence")
    row = window.table_model.row_of(figure.id)
    tip = window.table_model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("译文")
