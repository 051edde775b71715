"""What the reviewer's walk through the window found in reviewing: nothing typed is dropped,
a typed value's own kind wins, Escape cancels, a decision that changes nothing records nothing,
A moves on like C, a read-only window says why keys do nothing, the form does not move."""
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reviewer.model import Kind, Status
from tests.ui.conftest import stored
from tests.ui.test_confirm_identical import FIRST, answer_next_dialog
from tests.ui.test_confirm_identical import select as select_claim

TEXT = ("新签合同额121.6亿美元，同比增长20.5%。完成营业额80.6亿美元。\n"
        "全年受理案件1425918件，结案率11.06%。\n")
CTRL = Qt.KeyboardModifier.ControlModifier


def select(qtbot, window, text):
    figure = next(f for f in window.visible_order() if f.text == text)
    window.select_figure(figure.id)
    window.table.setFocus()
    return figure


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    ascii_part = text.rstrip("亿万美元件")
    qtbot.keyClicks(edit, ascii_part)   # Chinese characters come from an input method, not key codes
    edit.insert(text[len(ascii_part):])


def events(window):
    with stored(window.project.path) as p:
        return len(p.events())


def test_ctrl_enter_over_a_typed_indicator_saves_it_as_a_correction(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "1425918件")
    edit = window.inspector.indicator_edit
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, "check src")
    qtbot.keyClick(edit, Qt.Key.Key_Return, CTRL)
    with stored(window.project.path) as p:
        saved = p.figure(figure.id)
    assert saved.status is Status.CORRECTED
    assert saved.final_indicator.endswith("check src")
    assert "saved as a correction" in window.statusBar().currentMessage()
    assert window.current_figure().id != figure.id  # and on, as a confirm goes on


def test_ctrl_enter_over_a_typed_value_saves_the_value_and_the_note(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "121.6亿美元")
    type_into(qtbot, window.inspector.value_edit, "122亿")
    window.inspector.note_edit.setText("checked against table 3")
    qtbot.keyClick(window.inspector.value_edit, Qt.Key.Key_Return, CTRL)
    with stored(window.project.path) as p:
        saved = p.figure(figure.id)
    assert saved.status is Status.CORRECTED and saved.corrected_value == Decimal("12200000000")
    assert saved.note == "checked against table 3"


def test_j_after_typing_saves_the_edit_before_moving(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "80.6亿美元")
    window.inspector.unit_edit.setText("欧元")   # typed, then back to the table without Enter
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_figure().id != figure.id
    with stored(window.project.path) as p:
        assert p.figure(figure.id).final_unit == "欧元"
    assert "saved as a correction" in window.statusBar().currentMessage()


def test_a_typed_note_is_saved_when_the_reviewer_moves_on(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "80.6亿美元")
    window.inspector.note_edit.setText("ask the author")
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    with stored(window.project.path) as p:
        saved = p.figure(figure.id)
    assert saved.note == "ask the author" and saved.status is Status.PENDING


def test_leaving_with_a_value_that_is_not_one_stays_and_keeps_the_text(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "80.6亿美元")
    window.inspector.value_edit.setText("abc")
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_figure().id == figure.id
    assert window.inspector.value_edit.text() == "abc"
    assert "abc" in window.last_error
    assert window.table.currentIndex().data(Qt.ItemDataRole.DisplayRole) is not None
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.PENDING


def test_a_click_on_another_row_saves_the_edit(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "80.6亿美元")
    window.inspector.indicator_edit.setText("完成营业额（修订）")
    other = next(i for i, f in enumerate(window.visible_order()) if f.id != figure.id)
    index = window.proxy.index(other, 0)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_figure().id != figure.id
    with stored(window.project.path) as p:
        assert p.figure(figure.id).final_indicator == "完成营业额（修订）"


def test_another_document_saves_the_edit(qtbot, window_on):
    window = window_on({"a.txt": TEXT, "b.txt": "完成营业额80.6亿美元。\n"})
    figure = select(qtbot, window, "80.6亿美元")
    window.inspector.unit_edit.setText("欧元")
    first_document = window.document_id
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    assert window.document_id != first_document
    with stored(window.project.path) as p:
        assert p.figure(figure.id).final_unit == "欧元"


def test_a_scale_word_typed_on_a_percent_is_refused_not_stored_as_a_percent(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "11.06%")
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    type_into(qtbot, window.inspector.value_edit, "650亿")
    qtbot.keyClick(window.inspector.value_edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.PENDING   # not "65,000,000,000 %"
    assert "\n" not in window.last_error and "“%”" in window.last_error
    assert window.inspector.value_edit.hasFocus() and window.inspector.value_edit.text() == "650亿"


def test_an_amount_with_its_unit_on_a_percent_takes_its_own_kind_and_unit(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "11.06%")
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    type_into(qtbot, window.inspector.value_edit, "650亿元")
    qtbot.keyClick(window.inspector.value_edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        saved = p.figure(figure.id)
    assert saved.corrected_value == Decimal("65000000000")
    assert saved.final_kind is Kind.MONEY and saved.final_unit == "元"
    window.select_figure(figure.id)
    assert "%" not in window.inspector.parsed.text().split("=")[1]


def test_a_bare_number_on_a_percent_keeps_the_percent(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "11.06%")
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    type_into(qtbot, window.inspector.value_edit, "12")
    qtbot.keyClick(window.inspector.value_edit, Qt.Key.Key_Return)
    with stored(window.project.path) as p:
        saved = p.figure(figure.id)
    assert saved.corrected_value == Decimal("12") and saved.final_kind is Kind.PERCENT and saved.final_unit == "%"


def test_escape_in_a_correction_field_reverts_it_and_gives_the_keys_back(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "80.6亿美元")
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    edit = window.inspector.value_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "80.6亿"
    assert window.table.hasFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_J)   # the single keys are the review's again
    assert window.current_figure().id != figure.id
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.PENDING


def test_escape_goes_back_to_the_document_when_review_was_there(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    select(qtbot, window, "80.6亿美元")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    window.inspector.unit_edit.setFocus()
    qtbot.keyClicks(window.inspector.unit_edit, "EUR")
    qtbot.keyClick(window.inspector.unit_edit, Qt.Key.Key_Escape)
    assert window.inspector.unit_edit.text() == "美元"
    assert window.view.hasFocus()


def test_confirming_a_confirmed_figure_adds_no_undo_step(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    figure = select(qtbot, window, "1425918件")
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    window.select_figure(figure.id)
    window.table.setFocus()
    before = events(window)
    undo_text = window.commands.undo.text()
    qtbot.keyClick(window.table, Qt.Key.Key_Return, CTRL)
    assert events(window) == before
    assert window.commands.undo.text() == undo_text
    assert "Already confirmed" in window.statusBar().currentMessage()
    assert window.current_figure().id != figure.id   # still moves on, as C does


def test_confirm_identical_moves_on_to_the_next_pending_figure(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    figure = select_claim(window, "100%", "农村自来水普及率")
    seen = []
    answer_next_dialog(qtbot, Qt.Key.Key_Return, seen)
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    current = window.current_figure()
    assert current.id != figure.id and current.status is Status.PENDING


def read_only_window(qtbot, window_on, settings, monkeypatch):
    from reviewer.ui.main_window import MainWindow

    writer = window_on({"a.txt": TEXT})
    writer.table.setFocus()
    qtbot.keyClick(writer.table, Qt.Key.Key_C)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    assert window.open_project(writer.project.path) and window.project.read_only
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_a_read_only_window_says_so_on_every_change_key(qtbot, window_on, settings, monkeypatch):
    window = read_only_window(qtbot, window_on, settings, monkeypatch)
    window.table.setFocus()
    presses = [(Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier),
               (Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Return, CTRL)]
    for key, modifier in presses:
        window.statusBar().clearMessage()
        qtbot.keyClick(window.table, key, modifier)
        assert window.statusBar().currentMessage() == "This project is open read-only", key
    window.close()


def test_the_correction_form_stays_put_whatever_the_sentence(qtbot, window_on):
    long_sentence = "据统计，" + "各地区各部门认真贯彻落实决策部署，" * 12 + "全年受理案件25件。\n"
    window = window_on({"a.txt": "完成营业额80.6亿美元。\n" + long_sentence})
    select(qtbot, window, "80.6亿美元")
    qtbot.wait(10)
    short_at = window.inspector.note_edit.mapTo(window.inspector, window.inspector.note_edit.rect().topLeft())
    select(qtbot, window, "25件")
    qtbot.wait(10)
    long_at = window.inspector.note_edit.mapTo(window.inspector, window.inspector.note_edit.rect().topLeft())
    assert short_at == long_at


def test_the_inspector_placeholders_fit_their_fields(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    select(qtbot, window, "80.6亿美元")
    window.inspector.grab().save("/tmp/fix-review/inspector.png")
    for edit in (window.inspector.value_edit, window.inspector.note_edit):
        room = edit.width() - 2 * edit.style().pixelMetric(edit.style().PixelMetric.PM_DefaultFrameWidth) - 8
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room, edit.placeholderText()
        assert edit.toolTip()


def test_a_long_sentence_is_scrolled_to_the_figure(qtbot, window_on):
    long_sentence = "据统计，" + "各地区各部门认真贯彻落实决策部署，" * 20 + "全年受理案件25件，结案率11.06%。\n"
    window = window_on({"a.txt": long_sentence})
    select(qtbot, window, "11.06%")
    box = window.inspector.sentence
    assert box.verticalScrollBar().value() > 0
    cursor_rect = box.cursorRect()
    assert box.viewport().rect().contains(cursor_rect.center())


def test_ctrl_z_over_typed_edits_takes_back_the_typing_not_a_saved_decision(qtbot, window_on):
    window = window_on({"a.txt": TEXT})
    confirmed = select(qtbot, window, "121.6亿美元")
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    figure = window.current_figure()
    edit = window.inspector.unit_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "EUR")
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert edit.text() == (figure.final_unit or "")
    with stored(window.project.path) as p:
        assert p.figure(confirmed.id).status is Status.CONFIRMED   # the confirm is not undone
        assert p.figure(figure.id).status is Status.PENDING        # and nothing typed was saved
    assert window.current_figure().id == figure.id
