"""Tables in the document view: a table imported from .md or .docx reads as a table (cells of a
column start at one edge, numbers flush right at one edge, the header bold), every figure is
highlighted exactly on its cell's number, a click on it selects it, a figure added from a
selection inside a table lands at the document's offsets, also after astral characters; the
inspector shows a table figure's table, row, column and unit source."""
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reviewer.commands.importing import import_documents
from reviewer.documents import read_document
from reviewer.store import Project
from tests.documents.test_tables import CAPTION, TABLE, UNIT, write_docx, write_pipe
from tests.ui.conftest import stored

ASTRAL_TABLE = [
    ["地区𠀀", "人口（万人）", "比重（%）"],
    ["𠀀𠀀县", "1360", "12.5"],
    ["😀北京", "2189", "-3.2"],
]


@pytest.fixture
def table_window(qtbot, settings, tmp_path):
    """A window on a project of one file with a table, showing it (its tables as the store keeps them)."""
    from reviewer.ui.main_window import MainWindow

    windows = []

    def make(path):
        project_path = tmp_path / "tables.frp"
        with Project.open(project_path, create=True, reviewer="setup") as project:
            import_documents(project, [path], report=lambda m: None)
        w = MainWindow(settings)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        assert w.open_project(project_path)
        w.show_document(w.project.documents()[0].id)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()


def cell_figures(window):
    """The figures of the document on show that stand in a table's cell."""
    doc = window.project.document(window.document_id)
    assert doc.tables
    cells = [c for t in doc.tables for c in t.cells]
    found = [f for f in window.project.figures(window.document_id)
             if any(c.start <= f.start and f.end <= c.end for c in cells)]
    assert found
    return found


def shown_text(window, start, end):
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def x_of(view, qt_position):
    block = view.document().findBlock(qt_position)
    line = block.layout().lineForTextPosition(qt_position - block.position())
    return line.cursorToX(qt_position - block.position())[0]


def blocks(view):
    block = view.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def row_blocks(view, rows):
    """The view's blocks that show the given rows (lists of cell texts), by their text."""
    texts = {" ".join(row): row for row in rows}
    found = {}
    block = view.document().begin()
    while block.isValid():
        if block.text() in texts:
            found[block.text()] = block
        block = block.next()
    assert len(found) == len(rows), sorted(found)
    return [found[" ".join(row)] for row in rows]


def check_columns(view, rows):
    """Each column's label cells start at one x, its numbers end at one x, further right than
    the column before; the header is bold."""
    blocks = row_blocks(view, rows)
    lefts, rights = {}, {}
    for block, cells in zip(blocks, rows, strict=True):
        layout = block.layout()
        assert layout.lineCount() == 1  # not wrapped
        at = 0
        for col, text in enumerate(cells):
            start = at
            end = start + len(text.encode("utf-16-le")) // 2
            lefts.setdefault(col, set()).add(round(layout.lineAt(0).cursorToX(start)[0], 1))
            rights.setdefault(col, set()).add(round(layout.lineAt(0).cursorToX(end)[0], 1))
            at = end + 1
    assert len(lefts[0]) == 1, lefts[0]  # the labels: flush left
    for col in range(1, len(rows[0])):
        assert len(rights[col]) == 1, (col, rights[col])  # numbers (and their header) flush right
        assert min(lefts[col]) > max(rights[col - 1]), col  # a gap between the columns
    header = blocks[0]
    formats = header.layout().formats()
    assert any(f.format.fontWeight() >= 700 for f in formats), "the header row is bold"


@pytest.mark.parametrize("write", [write_pipe, write_docx], ids=["md", "docx"])
def test_a_table_reads_as_a_table_with_every_figure_exact_in_its_cell(table_window, tmp_path, write):
    window = table_window(write(tmp_path / ("table.md" if write is write_pipe else "table.docx")))
    view = window.view
    assert "|" not in view.toPlainText() and "---" not in view.toPlainText()
    check_columns(view, TABLE)
    caption, unit = (next(b for b in blocks(view) if b.text() == line) for line in (CAPTION, UNIT))
    assert [(f.start, f.length, f.format.fontWeight()) for f in caption.layout().formats()] == [(0, len(CAPTION), 700)]
    assert [(f.start, f.length, f.format.fontItalic()) for f in unit.layout().formats()] == [(0, len(UNIT), True)]
    for figure in cell_figures(window):
        start, end = view.figure_span_qt(figure.id)
        assert shown_text(window, start, end) == figure.text == window.document_text[figure.start:figure.end]
        window.select_figure(figure.id)
        selections = view.extraSelections()
        assert len(selections) == 1 and selections[0].cursor.selectedText() == figure.text
    # the inspector shows a cell's figure in its row as the view lays it out, not with pipes or tabs
    window.select_figure(next(f for f in cell_figures(window) if f.text == "83137").id)
    assert window.inspector.sentence.toPlainText() == "其中：城镇   83137   59.58"  # (no-break spaces, as plain text)
    # the figures of the prose around the table too
    prose = [f for f in window.project.figures(window.document_id) if f not in cell_figures(window)]
    assert prose
    for figure in prose:
        assert shown_text(window, *view.figure_span_qt(figure.id)) == figure.text


def test_the_columns_follow_the_font(table_window, tmp_path):
    window = table_window(write_docx(tmp_path / "table.docx"))
    narrow = [round(x_of(window.view, p), 1) for p in [row_blocks(window.view, TABLE)[1].position() + 6]]
    window.zoom(+6)
    window.view.grab()  # laid out again in the new font
    check_columns(window.view, TABLE)
    assert [round(x_of(window.view, p), 1) for p in [row_blocks(window.view, TABLE)[1].position() + 6]] != narrow


def test_a_click_on_a_cell_figure_selects_it(table_window, tmp_path, qtbot):
    window = table_window(write_pipe(tmp_path / "table.md"))
    view = window.view
    figures = cell_figures(window)
    window.select_figure(figures[0].id)
    target = figures[-1]
    start, end = view.figure_span_qt(target.id)
    cursor = QTextCursor(view.document())
    cursor.setPosition((start + end) // 2)
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_figure().id == target.id


def add_from_selection(window, qtbot, start_qt, end_qt):
    """Select view positions, add a figure from them (the dialog accepted as prefilled)."""
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start_qt)
    cursor.setPosition(end_qt, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    prefilled = []

    def accept():  # never an assertion here: a dialog left open would hang the run
        dialog = QApplication.activeModalWidget()
        prefilled.append(dialog.value.text())
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
        if dialog.isVisible():
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(50, accept)
    window.add_figure_from_selection()
    return prefilled


def view_position(window, text_in_view):
    at = window.view.toPlainText().index(text_in_view)
    return at  # the view's text here has no astral characters before it


def test_a_figure_added_by_selection_inside_a_table_lands_on_the_document_offsets(table_window, tmp_path, qtbot):
    rows = [row[:] for row in TABLE]
    rows[2][0] = "其中：城镇16岁以上"  # digits inside a label: not a figure the engine takes
    path = write_pipe(tmp_path / "table.md", rows=rows)
    window = table_window(path)
    check_columns(window.view, rows)
    at = view_position(window, "16岁以上")
    prefilled = add_from_selection(window, qtbot, at, at + 2)
    assert prefilled == ["16"]
    figure = window.current_figure()
    assert figure is not None and figure.manual
    text = path.read_text(encoding="utf-8")
    with stored(window.project.path) as p:
        added = p.figure(figure.id)
        assert (added.start, added.end, added.text) == (text.index("16岁以上"), text.index("16岁以上") + 2, "16")
    assert window.view.figure_span_qt(figure.id) == (at, at + 2)
    assert shown_text(window, at, at + 2) == "16"


def test_a_table_with_astral_characters_keeps_highlights_and_selections_exact(table_window, tmp_path, qtbot):
    path = write_pipe(tmp_path / "astral.md", rows=ASTRAL_TABLE, before="前言𠀀😀全年受理案件1425918件。\n\n")
    window = table_window(path)
    view = window.view
    check_columns(view, ASTRAL_TABLE)
    for figure in cell_figures(window):
        assert shown_text(window, *view.figure_span_qt(figure.id)) == figure.text
    assert {f.text for f in cell_figures(window)} >= {"1360", "12.5", "2189", "-3.2"}
    # a selection after astral characters in the table: the 县 after 𠀀𠀀 (UTF-16: two units each)
    block = row_blocks(view, ASTRAL_TABLE)[1]
    at = block.position() + 4
    assert shown_text(window, at, at + 1) == "县"
    text = path.read_text(encoding="utf-8")
    cursor = QTextCursor(view.document())
    cursor.setPosition(at)
    cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_span() == (text.index("𠀀𠀀县") + 2, text.index("𠀀𠀀县") + 3)
    # the cell's number after them is highlighted where it stands
    number = block.position() + len("𠀀𠀀县 ".encode("utf-16-le")) // 2
    figure = next(f for f in cell_figures(window) if f.text == "1360")
    assert figure.start == text.index("1360")
    assert view.figure_span_qt(figure.id) == (number, number + 4)


def test_the_inspector_shows_where_a_table_figure_stands(table_window, tmp_path, chinese):
    window = table_window(write_docx(tmp_path / "table.docx"))
    inspector = window.inspector
    figure = next(f for f in cell_figures(window) if f.text == "83137")
    window.select_figure(figure.id)  # as the store placed it on import
    assert inspector.figure().id == figure.id and inspector.table_place.isVisibleTo(inspector)
    shown = inspector.table_place.text().split("<br>")
    assert shown == ["表格: <b>表1 2018年年末人口数及其构成</b>", "行: <b>其中：城镇</b>", "列: <b>年末数（万人）</b>",
                     f"单位来源: <b>{figure.unit_source}</b>"]
    assert figure.unit_source in ("年末数（万人）", "单位：万人")
    own = replace(figure, unit_source=None)
    inspector.show_figure(own, window.document_text)
    assert "单元格本身" in inspector.table_place.text()
    prose = next(f for f in window.project.figures(window.document_id) if f.text == "1425918件")
    inspector.show_figure(prose, window.document_text)
    assert not inspector.table_place.isVisibleTo(inspector)


def test_a_table_wider_than_the_view_closes_its_gaps_before_its_rows_wrap(qtbot, tmp_path):
    from reviewer.ui.document_view import DocumentView

    doc = read_document(write_docx(tmp_path / "table.docx"))
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(doc.text, [], (), doc.tables)
    QApplication.processEvents()  # the highlighter styles the text once the event loop runs
    view.grab()
    widest = max(x_of(view, b.position() + b.length() - 1) for b in row_blocks(view, TABLE))
    margin = view.document().documentMargin()
    em = view.fontMetrics().horizontalAdvance("一")
    line = widest - margin - em  # the table with full gaps does not fit; with closed ones it does
    view.resize(int(line + 2 * margin + view.cursorWidth() + 2 + 2 * view.frameWidth()), 400)

    def laid_out_in_one_line_each():
        view.grab()
        return all(b.layout().lineCount() == 1 for b in row_blocks(view, TABLE))

    qtbot.waitUntil(laid_out_in_one_line_each)
    check_columns(view, TABLE)
    closed = max(x_of(view, b.position() + b.length() - 1) for b in row_blocks(view, TABLE))
    assert closed < widest - em / 2 and closed <= margin + view._line_width()
