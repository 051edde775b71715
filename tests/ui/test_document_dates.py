"""The document's date and reporting period in the real window (offscreen): shown above the text
and in the document list, changed from the keyboard in Document > Date and reporting period…, the
document extracted again off the window's thread, periods following the date, decisions kept; a
date that cannot be read is one line in the dialog and nothing typed or saved is lost."""
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.model import Status
from reviewer.ui.document_list import DOCUMENT_ROLE
from tests.ui.conftest import ARTIFACTS, stored

TEXT = "今年全市生产总值增长5.2%，去年完成投资300亿元。\n全年新增就业12万人。\n"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PERIOD = 7  # the figure table's 时期 / Period column


def periods(window):
    model = window.table_model
    return {model.figure_at(r).text: model.index(r, PERIOD).data() for r in range(model.rowCount())}


def open_dialog(qtbot, window):
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.dates.dialog is not None and window.dates.dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.dates.dialog.date_edit)
    return window.dates.dialog


def test_the_date_is_shown_and_changing_it_moves_the_periods_keeping_decisions(qtbot, window_on):
    window = window_on({"report.txt": TEXT})
    assert "report.txt" not in window.dates_bar.label.text()
    assert "Document date: none" in window.dates_bar.label.text()
    assert "Reporting period: inferred" in window.dates_bar.label.text()
    tip = window.doc_model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Document date: none" in tip
    decided = next(f for f in window.visible_order() if f.text == "300亿元")
    window.select_figure(decided.id)
    window.decide_current(Status.CONFIRMED)

    dialog = open_dialog(qtbot, window)  # the keyboard is in the date field
    qtbot.keyClicks(dialog.date_edit, "2024-03-01")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.reporting_edit, "2023")
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "document-dates-dialog.png"))
    qtbot.keyClick(dialog.reporting_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.dates.running and periods(window).get("300亿元") == "2023", timeout=20000)
    assert periods(window)["5.2%"] == "2024"
    assert "2024-03-01" in window.dates_bar.label.text() and "Reporting period: 2023" in window.dates_bar.label.text()
    assert "2024-03-01" in window.doc_model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    with stored(window.project.path) as project:
        assert project.document(1).date == dt.date(2024, 3, 1)
        assert project.figure(decided.id).status is Status.CONFIRMED and project.figure(decided.id).period == "2023"
    window.grab().save(str(ARTIFACTS / "document-dates-window.png"))

    # one undo step: the date, the period and the figures' periods back as they were
    assert window.commands.undo.text().split("\t")[0] == "&Undo document date 2024-03-01"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: periods(window).get("300亿元") in (None, ""))
    assert "Document date: none" in window.dates_bar.label.text()
    with stored(window.project.path) as project:
        assert project.document(1).date is None and project.figure(decided.id).status is Status.CONFIRMED


def test_a_bad_date_is_one_line_in_the_dialog_and_nothing_is_lost(qtbot, window_on):
    window = window_on({"report.txt": TEXT})
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.date_edit, "2024-13-01")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.isVisible()
    message = dialog.problem.text()
    assert "2024-13-01" in message and "\n" not in message and "not a date" in message
    assert dialog.date_edit.text() == "2024-13-01"  # the typing is kept, to be corrected
    qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height())  # the dialog grows to hold it
    assert dialog.width() <= max(dialog.minimumWidth(), 700)  # the line wraps rather than widen it
    dialog.grab().save(str(ARTIFACTS / "document-dates-bad-date.png"))
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "2024-01-20")
    qtbot.keyClicks(dialog.reporting_edit, "2025/2024")
    qtbot.keyClick(dialog.reporting_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "2025/2024" in dialog.problem.text()
    assert QApplication.focusWidget() is dialog.reporting_edit
    dialog.reject()
    assert not window.dates.running
    with stored(window.project.path) as project:
        assert project.document(1).date is None and project.document(1).reporting is None
        assert not [e for e in project.events() if e.action == "date"]


def test_the_menu_and_the_button_reach_the_same_dialog(qtbot, window_on):
    window = window_on({"report.txt": TEXT})
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Document" in titles
    qtbot.mouseClick(window.dates_bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.dates.dialog is not None and window.dates.dialog.isVisible())
    assert window.dates.dialog.doc_id == window.doc_list.currentIndex().data(DOCUMENT_ROLE).id
    window.dates.dialog.reject()


def test_a_read_only_window_shows_the_date_but_cannot_change_it(qtbot, window_on, settings):
    from reviewer.ui.main_window import MainWindow

    window = window_on({"report.txt": TEXT})
    other = MainWindow(settings)
    qtbot.addWidget(other)
    from reviewer.store import Project

    other.project = Project.open(window.project.path, read_only=True)
    other.reload_documents()
    other._update_enabled()
    assert "Document date" in other.dates_bar.label.text()
    assert not other.commands.document_dates.isEnabled() and not other.dates_bar.button.isEnabled()
    other.close()
