"""What the reviewer's walk through the real window found in the shell: a read-only window that
never followed the writer, an empty name that dropped a decision, panes without visible focus,
mnemonics in the Chinese toolbar and shortcut list, clipped text, the in-use message, live
navigation on the welcome, reopening at document 1, and a progress of 0% that was not zero."""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolBar, QToolButton

from reviewer.model import Status
from reviewer.store import Project, ProjectLocked
from tests.ui.conftest import ARTIFACTS, stored

SHOTS = ARTIFACTS  # screenshots to look at, beside the other tests' ones


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


@pytest.fixture
def read_only_window(qtbot, settings, seeded_project, monkeypatch):
    """A window that found the project held by another Project (as by another window) and opened
    it read-only; yields (window, the writing Project, where the window stood before)."""
    from reviewer.ui.main_window import MainWindow

    writer = Project.open(seeded_project, reviewer="另一位")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.move(100, 100)
    window.show()
    qtbot.waitExposed(window)
    before = window.pos()
    assert window.open_project(seeded_project)
    assert window.project.read_only
    yield window, writer, before
    window.close()
    writer.close()


def _state_shown(window, figure_id: int) -> str:
    """The State cell of a figure's row, as the table shows it."""
    model = window.table_model
    row = model.row_of(figure_id)
    return window.proxy.mapFromSource(model.index(row, 1)).data()


# -- 1. the read-only window follows the writer ---------------------------------------------------


def test_a_read_only_window_shows_what_another_window_decided(qtbot, read_only_window):
    window, writer, _before = read_only_window
    current = window.current_figure()
    assert current is not None and current.status is Status.PENDING
    progress = window.progress_label.text()
    writer.decide(current.id, Status.CONFIRMED)
    qtbot.waitUntil(lambda: window.current_figure().status is Status.CONFIRMED, timeout=8000)
    assert window.current_figure().id == current.id            # the selection is kept
    assert _state_shown(window, current.id) == "confirmed"
    assert window.progress_label.text() != progress
    assert window.doc_model.index(window.doc_list.currentIndex().row()).data() is not None
    _shot(window, "read-only-follows.png")


def test_f5_reloads_a_read_only_window_at_once(qtbot, read_only_window):
    window, writer, _before = read_only_window
    window.watch.stop()  # F5 alone, not the watch
    current = window.current_figure()
    other = next(f for f in writer.figures(window.document_id) if f.id != current.id)
    writer.decide(other.id, Status.REJECTED)
    assert _state_shown(window, other.id) == "pending"
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert _state_shown(window, other.id) == "rejected"
    assert window.current_figure().id == current.id
    assert "F5" in window.commands.by_name["reload"].text()


# -- 2. an empty name is refused, and no decision goes without a word ----------------------------


def _answer_name_dialog(qtbot, typed: str, seen: dict, tries: int = 100) -> None:
    """Runs inside the name dialog's own loop: Return with an empty name, then type, then Return."""
    from reviewer.ui.dialogs import NameDialog

    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, NameDialog):
        if tries and dialog is None:  # not on screen yet: look again
            QTimer.singleShot(10, lambda: _answer_name_dialog(qtbot, typed, seen, tries - 1))
            return
        for other in QApplication.allWidgets():  # another dialog: closed, the test fails on what it saw
            if isinstance(other, QDialog) and other.isVisible():
                seen["other dialog"] = type(other).__name__
                other.reject()
        return
    seen["ok_enabled_empty"] = dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.name, "   ")
    seen["ok_enabled_blank"] = dialog.ok.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    seen["still_open"] = dialog.isVisible()
    if typed:
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, typed)
        seen["ok_enabled_named"] = dialog.ok.isEnabled()
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)


def test_the_name_dialog_refuses_an_empty_name(qtbot, window, settings):
    settings.reviewer = ""
    figure = window.current_figure()
    seen: dict = {}
    QTimer.singleShot(0, lambda: _answer_name_dialog(qtbot, "", seen))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    assert seen == {"ok_enabled_empty": False, "ok_enabled_blank": False, "still_open": True}
    assert window.statusBar().currentMessage() == "Nothing recorded: a decision needs your name"
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.PENDING
    seen.clear()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTimer.singleShot(0, lambda: _answer_name_dialog(qtbot, "Wang Fang", seen))
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    assert seen["ok_enabled_named"] and seen["still_open"]
    assert settings.reviewer == "Wang Fang"
    with stored(window.project.path) as p:
        assert p.figure(figure.id).status is Status.CONFIRMED


# -- 3. the pane with the keyboard shows it ------------------------------------------------------


def _frame_colour(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_focused_pane_shows_a_frame(qtbot, window, dark):
    if dark:
        palette = QPalette(QColor("#2b2b2b"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d8ee8"))
        window.setPalette(palette)
    for pane in (window.doc_list, window.view, window.table):
        highlight = pane.palette().color(QPalette.ColorRole.Highlight)
        window.search.setFocus()
        qtbot.waitUntil(window.search.hasFocus)
        assert _frame_colour(pane) != highlight, pane.objectName()
        pane.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(pane.hasFocus)
        assert _frame_colour(pane) == highlight, pane.objectName()
    _shot(window, f"focus-frame-{'dark' if dark else 'light'}.png")


# -- 4. Chinese: no mnemonics where they mean nothing, one word for one thing ---------------------


def test_chinese_toolbar_and_shortcut_list_carry_no_mnemonics(qtbot, chinese, settings, seeded_project):
    from reviewer.ui.dialogs import ShortcutOverlay
    from reviewer.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    assert window.open_project(seeded_project)
    toolbar = window.findChild(QToolBar, "reviewToolbar")
    texts = [b.text() for b in toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
    assert "导入文档" in texts and "撤销" in texts and "重做" in texts, texts
    assert not [t for t in texts if "(" in t or "&" in t], texts
    overlay = ShortcutOverlay(window.commands.review_actions(), window.commands.single_keys, window)
    qtbot.addWidget(overlay)
    shown = overlay.findChild(type(window.progress_label)).text()
    for name in ("撤销", "放大", "键盘快捷键"):
        assert f"<td>{name}</td>" in shown, name
    assert "(U)" not in shown and "(I)" not in shown and "(K)" not in shown
    # one word for the reviewer (the export's 核定人) and one name for the app
    assert window.reviewer_label.text().startswith("核定人")
    assert window.windowTitle().endswith("figure-reviewer")
    from reviewer.ui.labels import tr

    assert tr("figure-reviewer") == "figure-reviewer"
    overlay.show()
    _shot(overlay, "shortcuts-zh.png")
    _shot(toolbar, "toolbar-zh.png")
    window.close()


# -- 5. clipped text -----------------------------------------------------------------------------


def test_the_chinese_export_dialog_shows_the_whole_path(qtbot, chinese, window):
    from reviewer.ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.project, window.files, window, current_document=window.document_id, language="zh")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.destination
    assert field.width() >= field.fontMetrics().horizontalAdvance(field.text()) + 8
    _shot(dialog, "export-zh.png")
    dialog.reject()


def test_the_period_column_fits_its_values(qtbot, window):
    from reviewer.ui.figure_model import COLUMNS

    column = COLUMNS.index("period")
    table = window.table
    metrics = table.fontMetrics()
    periods = [window.proxy.index(r, column).data() or "" for r in range(window.proxy.rowCount())]
    assert any(periods)
    header = window.proxy.headerData(column, Qt.Orientation.Horizontal)
    assert table.columnWidth(column) >= max(metrics.horizontalAdvance(p) for p in periods) + 8
    assert table.columnWidth(column) >= metrics.horizontalAdvance(header) + 8
    right = table.horizontalHeader().sectionViewportPosition(column) + table.columnWidth(column)
    assert right <= table.viewport().width()  # not cut at the edge either
    _shot(table, "table-columns.png")


# -- 6. the in-use message, and a second window beside the first ---------------------------------


def test_in_use_says_window_or_program_and_the_second_window_is_offset(read_only_window, seeded_project):
    window, _writer, before = read_only_window
    with pytest.raises(ProjectLocked, match=r"open in another program or window \(process \d+ on "):
        Project.open(seeded_project)
    assert window.pos() != before
    assert window.pos() == before + QPoint(48, 48)


# -- 7. nothing to move between on the welcome ---------------------------------------------------


def test_navigation_is_greyed_on_the_welcome(qtbot, settings, seeded_project):
    from reviewer.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    names = ("next", "previous", "next_pending", "next_document", "previous_document", "reload")
    assert not [n for n in names if window.commands.by_name[n].isEnabled()]
    assert window.open_project(seeded_project)
    assert all(window.commands.by_name[n].isEnabled() for n in names)
    window.close()


# -- 8. reopening returns where the reviewer stopped ---------------------------------------------


def test_reopening_returns_to_the_last_document_and_figure(qtbot, window, settings, seeded_project):
    from reviewer.ui.main_window import MainWindow

    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # document 2
    second = window.document_id
    assert second != window.doc_model.index(0).data(Qt.ItemDataRole.UserRole + 1).id
    for _ in range(3):
        qtbot.keyClick(window.table, Qt.Key.Key_J)
    figure = window.current_figure().id
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.open_project(seeded_project)
    assert again.document_id == second
    assert again.current_figure().id == figure
    again.close()


# -- 9. progress that is not zero does not say 0% ------------------------------------------------


def test_progress_never_rounds_to_0_or_100(qtbot, window):
    from reviewer.ui.main_window import share_text

    assert (share_text(0), share_text(1 / 564), share_text(0.37), share_text(563 / 564), share_text(1)) == (
        "0%", "<1%", "37%", ">99%", "100%")
    total = window.project.progress().total
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C)
    assert window.progress_label.text() == f"Reviewed 1 of {total} ({share_text(1 / total)})"
    if total > 200:
        assert window.progress_label.text().endswith("(<1%)")
