"""The table and the inspector show the same figure whatever the filters do; the search finds
figures in every document."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.model import Status
from reviewer.ui.figure_model import FIGURE_ROLE

FIRST = "新签合同额80.6亿美元，同比增长20.5%。\n完成营业额121.6亿美元，新签合同额80.6亿美元。\n"
SECOND = "全省受理案件1425918件，结案1310621件，新签合同额9.5亿美元。\n"


def selected_row_figure(window):
    rows = window.table.selectionModel().selectedRows()
    return rows[0].data(FIGURE_ROLE) if rows else None


def in_step(window):
    """The inspector shows the selected row's figure, or nothing when no row is selected."""
    shown = window.inspector.figure()
    row = selected_row_figure(window)
    return (shown.id if shown else None) == (row.id if row else None) and window.view.current() == (
        shown.id if shown else None)


def test_a_filter_that_hides_the_figure_shown_leaves_table_and_inspector_in_step(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    window.select_figure(next(f for f in window.visible_order() if f.text == "121.6亿美元").id)
    window.search.setText("80.6")                      # hides the figure shown
    assert in_step(window)
    window.search.setText("")
    window.status_filter.setCurrentIndex(window.status_filter.findData("confirmed"))   # no row at all
    assert window.proxy.rowCount() == 0
    assert in_step(window) and window.inspector.figure() is None


def test_a_decision_that_filters_its_row_out_leaves_them_in_step(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    window.settings.auto_advance = False
    window.status_filter.setCurrentIndex(window.status_filter.findData("pending"))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C)          # confirmed: no longer a pending row
    assert in_step(window)


def test_a_filter_that_keeps_the_figure_shown_keeps_it_selected(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    target = next(f for f in window.visible_order() if f.text == "121.6亿美元")
    window.select_figure(target.id)
    window.search.setText("亿美元")
    assert window.inspector.figure().id == target.id and in_step(window)


def test_search_in_all_documents_opens_the_document_of_the_hit(qtbot, window_on):
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    first = window.document_id
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search_scope.setCurrentIndex(window.search_scope.findData(True))
    window.search.setFocus()
    qtbot.keyClicks(window.search, "9.5")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)   # to the list of hits
    results = window.search_results
    assert results.isVisible() and QApplication.focusWidget() is results
    assert results.count() == 1 and "9.5亿美元" in results.item(0).text()
    qtbot.keyClick(results, Qt.Key.Key_Return)          # open it
    assert window.document_id != first
    assert window.current_figure().text == "9.5亿美元" and in_step(window)
    assert window.doc_list.currentIndex().row() == window.doc_model.row_of(window.document_id)


def test_search_in_all_documents_lists_hits_of_every_document(qtbot, window_on):
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    window.search_scope.setCurrentIndex(window.search_scope.findData(True))
    window.search.setText("亿美元")
    qtbot.waitUntil(lambda: window.search_results.count() == 4)
    documents = {window.project.figure(i).document_id for i in window.search_results.figure_ids()}
    assert len(documents) == 2
    window.project.decide(window.search_results.figure_ids()[0], Status.CONFIRMED)
