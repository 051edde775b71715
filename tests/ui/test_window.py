"""The window as a user meets it: filters, search, the links between table and text, models,
importing on a worker thread, dropping files, adding a missed figure, errors as dialogs."""
import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from reviewer.model import Kind, Status
from reviewer.sources import changed_sources
from reviewer.ui.document_list import DocumentListModel
from reviewer.ui.figure_model import FigureFilterProxy, FigureTableModel
from tests.conftest import SEEDS
from tests.ui.conftest import ARTIFACTS, action, stored


def test_filters_by_state_kind_and_confidence(qtbot, window):
    all_rows = window.proxy.rowCount()
    window.decide_current(Status.CONFIRMED)
    window.status_filter.setCurrentIndex(window.status_filter.findData("confirmed"))
    assert window.proxy.rowCount() == 1
    window.status_filter.setCurrentIndex(0)
    window.kind_filter.setCurrentIndex(window.kind_filter.findData("rank"))
    kinds = {f.final_kind for f in window.visible_order()}
    assert kinds == {Kind.RANK} and window.proxy.rowCount() < all_rows
    window.kind_filter.setCurrentIndex(0)
    window.doubtful.setChecked(True)
    assert all(f.confidence < 0.8 for f in window.visible_order())
    window.doubtful.setChecked(False)
    assert window.proxy.rowCount() == all_rows


def test_search_finds_figures_and_indicators(qtbot, window):
    window.search.setText("新签合同额")  # Chinese arrives through an input method, not key codes
    assert window.proxy.rowCount() > 0
    assert all("新签合同额" in (f.final_indicator or "") for f in window.visible_order())
    window.search.clear()
    window.search.setText("80.6亿")
    assert {f.text for f in window.visible_order()} == {"80.6亿美元"}


def test_selecting_a_row_scrolls_to_and_marks_the_figure(qtbot, window):
    target = window.visible_order()[5]
    index = window.proxy.index(5, 0)
    window.table.setCurrentIndex(index)
    assert window.view.current() == target.id
    selection = window.view.extraSelections()[0]
    assert QTextCursor(selection.cursor).selectedText() == target.text
    assert window.inspector.figure().id == target.id


def test_clicking_a_highlight_selects_its_row(qtbot, window):
    target = window.visible_order()[3]
    start, end = window.view.figure_span_qt(target.id)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start + 1)
    window.view.setTextCursor(cursor)
    window.view.centerCursor()
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_figure().id == target.id
    assert window.table.currentIndex().data(Qt.ItemDataRole.UserRole + 1).id == target.id


def test_a_figure_after_a_character_outside_the_bmp_highlights_at_the_right_place(qtbot, window, tmp_path):
    doc = tmp_path / "astral.txt"
    doc.write_text("𠀀😀湖北受理案件1425918件，结案1310621件。\n", encoding="utf-8")
    with qtbot.waitSignal(window.doc_model.modelReset, timeout=20000):
        window.import_files([doc])
    row = next(r for r in range(window.doc_model.rowCount()) if "astral" in window.doc_model.index(r).data(
        Qt.ItemDataRole.UserRole + 1).source)
    window.doc_list.setCurrentIndex(window.doc_model.index(row))
    for figure in window.table_model.figures():
        window.select_figure(figure.id)
        selection = window.view.extraSelections()[0]
        assert QTextCursor(selection.cursor).selectedText() == figure.text


@pytest.mark.parametrize("name", ["table_model", "proxy", "doc_model"])
def test_window_models_pass_the_model_tester(qtbot, window, qtmodeltester, name):
    model = getattr(window, name)
    qtmodeltester.check(model, force_py=True)
    window.decide_current(Status.CONFIRMED)          # changes while the tester watches
    window.status_filter.setCurrentIndex(window.status_filter.findData("pending"))
    window.search.setText("亿")
    window.reload_documents()


@pytest.mark.parametrize("factory", [FigureTableModel, DocumentListModel, lambda: _proxy_over(FigureTableModel())])
def test_empty_models_pass_the_model_tester(qtmodeltester, factory):
    qtmodeltester.check(factory(), force_py=True)


def _proxy_over(source):
    proxy = FigureFilterProxy()
    proxy.setSourceModel(source)
    proxy._source = source  # keep the source alive as long as the proxy
    return proxy


def test_import_runs_on_a_worker_and_reports_bad_files(qtbot, window, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 broken")
    good = SEEDS / "003_4560d328f1d36908.txt"
    before = window.doc_model.rowCount()
    with qtbot.waitSignal(window.doc_model.modelReset, timeout=20000):
        window.import_files([bad, good])
    assert window.doc_model.rowCount() == before + 1
    assert "broken.pdf" in window.last_error and "damaged" in window.last_error
    dialog = QApplication.activeModalWidget() or window.findChild(QMessageBox, "errorDialog")
    assert dialog is not None


def test_the_import_dialogs_cancel_button_stops_a_slow_import(qtbot, window, seeded_project, tmp_path, monkeypatch):
    from reviewer.commands import importing

    files = []
    for i in range(60):
        f = tmp_path / f"doc{i}.txt"
        f.write_text(f"受理案件{i + 1}件。\n" * 3000, encoding="utf-8")
        files.append(f)
    # the worker is held on the fourth file until Cancel has been pressed, whatever the machine's speed
    real_read, reads, gate = importing.read_document, [], threading.Event()

    def slow_read(path, **kwargs):
        reads.append(path)
        if len(reads) > 3:
            gate.wait(30)
        return real_read(path, **kwargs)

    monkeypatch.setattr(importing, "read_document", slow_read)
    before = len(window.project.documents())
    assert window.import_files(files)
    dialog = window.findChild(QProgressDialog, "importProgress")
    qtbot.waitUntil(lambda: len(window.project.documents()) == before + 3, timeout=30000)
    assert window.importer.running, window.last_error  # held on the fourth file
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    with qtbot.waitSignal(window.importer.finished, timeout=30000) as done:
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the real button, worker busy
        at_cancel = len(window.project.documents()) - before
        gate.set()
    imported = len(window.project.documents()) - before
    assert imported == at_cancel == 3 and done.args == [imported]  # nothing stored after Cancel
    assert len(reads) == 4  # the worker stopped reading at once
    assert window.statusBar().currentMessage().startswith("Import cancelled")
    with stored(seeded_project) as p:  # what was imported before Cancel is saved, figures and all
        docs = [d for d in p.documents() if d.source.startswith(str(tmp_path))]
        assert sorted(d.source for d in docs) == sorted(str(f) for f in files[:imported])  # in order, no gap
        assert all(len(p.figures(d.id)) == 3000 for d in docs)


def test_dropping_files_imports_them(qtbot, window):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SEEDS / "004_508182d40994e3ac.txt"))])
    before = window.doc_model.rowCount()
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.doc_model.modelReset, timeout=20000):
        window.dropEvent(event)
    assert window.doc_model.rowCount() == before + 1


def test_a_missed_figure_is_added_from_the_selection(qtbot, window, seeded_project, monkeypatch):
    from reviewer.ui import add_figure

    text = window.document_text
    at = text.index("一个个鲜活")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(at)
    cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    monkeypatch.setattr(add_figure.AddFigureDialog, "exec", lambda self: (self.value.setText("1"), True)[1])
    window.add_figure_from_selection()
    figure = window.current_figure()
    assert figure.manual and figure.text == "一" and figure.final_value == Decimal("1")
    with stored(seeded_project) as p:
        assert p.figure(figure.id).manual


def test_opening_something_that_is_not_a_project_shows_a_message(qtbot, window, tmp_path):
    fake = tmp_path / "notes.frp"
    fake.write_text("hello", encoding="utf-8")
    assert not window.open_project(fake)
    assert "not a figure-reviewer project" in window.last_error
    assert window.project is not None  # the project that was open stays open


def test_a_second_window_on_the_same_project_is_offered_read_only(qtbot, window, seeded_project, settings,
                                                                   monkeypatch):
    from reviewer.ui.main_window import MainWindow

    other = MainWindow(settings)
    qtbot.addWidget(other)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert other.open_project(seeded_project)
    assert other.project.read_only and "read-only" in other.windowTitle()
    assert not action(other, "confirm").isEnabled()
    other.close()


def test_export_from_the_window(qtbot, window, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    window.decide_current(Status.CONFIRMED)
    action(window, "export").trigger()
    dialog = window.findChild(QDialog, "exportDialog")
    dialog.destination.setText(str(tmp_path / "out.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.exported_rows == 1
    assert window.statusBar().currentMessage() == f"1 figure exported to {tmp_path / 'out.xlsx'}"
    assert set(load_workbook(tmp_path / "out.xlsx").sheetnames) == {"Approved", "All figures", "Documents", "Checks",
                                                                      "Audit log"}  # the interface's language


def test_settings_are_kept(qtbot, window, settings, seeded_project):
    window.zoom(+2)
    size = window.view.font().pointSize()
    window.close()
    assert settings.font_size == size
    assert settings.recent_projects()[0] == str(seeded_project)


def test_screenshot_of_the_window_on_a_seed_report(qtbot, window):
    window.decide_current(Status.CONFIRMED)
    window.decide_current(Status.REJECTED)
    window.next_pending()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "window-seed-report.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_the_interface_in_chinese(qtbot, settings, seeded_project):
    from reviewer.ui.app import install_translation
    from reviewer.ui.main_window import MainWindow

    app = QApplication.instance()
    assert install_translation(app, "zh_CN") == "zh_CN"
    try:
        w = MainWindow(settings)
        qtbot.addWidget(w)
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles[0] == "文件(&F)" and "核校(&R)" in titles
        assert w.table_model.headerData(0, Qt.Orientation.Horizontal) == "数字"
        w.close()
    finally:
        app.removeTranslator(app._reviewer_translator)
        if getattr(app, "_reviewer_qt_translator", None) is not None:
            app.removeTranslator(app._reviewer_qt_translator)


def test_changed_sources_are_found_and_imported_again(qtbot, window, tmp_path, monkeypatch):
    source = tmp_path / "changing.txt"
    source.write_text("湖北省外贸\n受理案件1425918件，结案1310621件。\n", encoding="utf-8")
    with qtbot.waitSignal(window.doc_model.modelReset, timeout=20000):
        window.import_files([source])
    doc = next(d for d in window.project.documents() if d.source == str(source))
    figure = next(f for f in window.project.figures(doc.id) if f.text == "1310621件")
    window.project.decide(figure.id, Status.CONFIRMED)
    source.write_text("湖北省外贸（修订）\n新的一段。\n受理案件1425918件，结案1310621件。\n", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.doc_model.modelReset, timeout=20000):
        window.check_sources()
    with qtbot.waitSignal(window.doc_model.modelReset, timeout=20000):
        pass  # the re-import finished and reloaded the list
    again = window.project.figure(figure.id)
    assert again.status is Status.CONFIRMED
    assert window.project.document(doc.id).text.startswith("湖北省外贸（修订）")
    assert changed_sources(window.project) == []


def test_closing_the_project_during_an_import_leaves_nothing_for_the_next_project(qtbot, window, tmp_path):
    from reviewer.store import Project

    files = []
    for i in range(40):
        f = tmp_path / f"doc{i}.txt"
        f.write_text(f"受理案件{i + 1}件。\n" * 3000, encoding="utf-8")
        files.append(f)
    assert window.import_files(files)
    qtbot.waitUntil(lambda: any(d.source.startswith(str(tmp_path / "doc")) for d in window.project.documents()),
                    timeout=30000)
    other = tmp_path / "other.frp"
    Project.open(other, create=True).close()
    assert window.open_project(other)  # closes the first project: its import stops there
    small = tmp_path / "small.txt"
    small.write_text("受理案件1425918件。\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=30000) as done:
        assert window.import_files([small])
    assert done.args == [1]
    assert [d.source for d in window.project.documents()] == [str(small)]
    assert window.statusBar().currentMessage() == "1 document imported"
