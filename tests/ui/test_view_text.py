"""The document view's text (ui/view_text.py, plain Python): tables laid out as cells with one
separator each, nothing of the document lost, and offsets that map both ways exactly."""
import re

import pytest

from reviewer.documents import read_document
from reviewer.documents.tables import find_text_tables
from reviewer.ui.offsets import ViewOffsets
from reviewer.ui.view_text import lay_out
from tests.documents.test_tables import DEV, TABLE, needs_gold, write_docx, write_html, write_pipe, write_tabs

PROSE = "全年受理案件1425918件，同比增长3.5%。\n结案1310621件。\n"


def check_cells(doc_text, tables, view):
    """Every cell's text stands in the view at the mapped place, and maps back to its own."""
    for table in tables:
        for cell in table.cells:
            start, end = view.view_span(cell.start, cell.end)
            assert view.text[start:end] == cell.text.replace("\t", " "), cell
            if cell.start < cell.end:
                assert view.document_span(start, end) == (cell.start, cell.end), cell


def letters(text):
    """What a reader reads: the text without blanks, pipes, list marks and ruler lines."""
    lines = (re.sub(r"^- ", "", line) for line in text.splitlines() if not re.fullmatch(r"[\s|:\-]*-[\s|:\-]*", line))
    return re.sub(r"[\s|]", "", "\n".join(lines))


def test_text_without_tables_is_shown_as_it_is():
    view = lay_out(PROSE, ())
    assert view.text == PROSE and view.offsets.is_identity() and not view.rows
    assert [view.offsets.to_view(i) for i in range(len(PROSE) + 1)] == list(range(len(PROSE) + 1))


@pytest.mark.parametrize("write", [write_pipe, write_tabs, write_docx, write_html])
def test_a_table_is_shown_as_its_cells_one_separator_apart(tmp_path, write):
    doc = read_document(write(tmp_path / f"table.{'md' if write is write_pipe else write.__name__[6:]}"
                              .replace(".tabs", ".txt")))
    assert doc.tables
    view = lay_out(doc.text, doc.tables)
    check_cells(doc.text, doc.tables, view)
    assert letters(view.text) == letters(doc.text)  # nothing a reader reads is lost
    rows = [r for r in view.rows if r.aligned]
    assert len(rows) == len(TABLE)
    for row, cells in zip(rows, TABLE, strict=True):
        assert view.text[row.start:row.end] == " ".join(cells)
    assert rows[0].header and not any(r.header for r in rows[1:])
    assert [c.flush_right for c in rows[1].cells] == [False, True, True]
    assert [c.flush_right for c in rows[0].cells] == [False, True, True]  # the headers over numbers too
    assert "|" not in view.text and "---" not in view.text
    table = view.tables[0]
    assert view.text[slice(*table.caption)] == "表1 2018年年末人口数及其构成"
    assert view.text[slice(*table.unit)] == "单位：万人"
    prose = doc.text.index("结案1310621件")
    assert view.text[view.offsets.to_view(prose):].startswith("结案1310621件")


@needs_gold
@pytest.mark.parametrize("path", DEV, ids=lambda p: p.name)
def test_the_dev_tables_map_both_ways(path):
    doc = read_document(path)
    view = lay_out(doc.text, doc.tables)
    check_cells(doc.text, doc.tables, view)
    assert letters(view.text) == letters(doc.text)
    assert sum(r.aligned for r in view.rows) == len(view.rows)  # every row of the dev tables is laid out


def test_offsets_at_a_replaced_stretch_keep_a_span_in_its_cell():
    text = "| 地区 | 数值 |\n| --- | --- |\n| 北京 | 12.5 |\n"
    tables = find_text_tables(text)
    view = lay_out(text, tables)
    assert view.text == "地区 数值\n北京 12.5\n"
    at = text.index("12.5")
    assert view.view_span(at, at + 4) == (view.text.index("12.5"), view.text.index("12.5") + 4)
    # the separator before 12.5: a start there is 12.5's start, an end there is 北京's end
    sep = view.text.index(" 12.5")
    assert view.offsets.to_document(sep + 1) == at
    assert view.offsets.to_document(sep, end=True) == text.index("北京") + 2
    # a selection across the separator covers the document's text between the cells
    assert view.document_span(view.text.index("北京"), sep + 5) == (text.index("北京"), at + 4)
    # the ruler line maps into the gap, never into another cell
    ruler = text.index("---")
    assert view.offsets.to_view(ruler) == view.offsets.to_view(ruler, end=True) == view.text.index("北京")


def test_astral_characters_in_cells_keep_every_offset_exact():
    text = "前言𠀀。\n| 𠀀𠀀地区 | 数值 |\n| --- | --- |\n| 😀北京𠀀 | 12.5 |\n| 上海 | 3.2𠀀 |\n结案𠀀15件。\n"
    tables = find_text_tables(text)
    view = lay_out(text, tables)
    check_cells(text, tables, view)
    offsets = ViewOffsets(view)
    for figure in ("12.5", "3.2", "15件"):
        at = text.index(figure)
        start, end = offsets.to_qt(at), offsets.to_qt(at + len(figure), end=True)
        utf16 = view.text.encode("utf-16-le")
        assert utf16[2 * start:2 * end].decode("utf-16-le") == figure
        assert (offsets.to_document(start), offsets.to_document(end, end=True)) == (at, at + len(figure))


def test_a_row_that_does_not_stand_alone_on_its_line_is_shown_as_written():
    text = "表1 测试\n甲\t1\t2\n乙\t3\t4\n"
    tables = find_text_tables(text)
    assert tables
    table = tables[0]
    # a row whose cells are not separated by blanks alone (as no reader makes): kept as written
    from dataclasses import replace

    first = table.cells[0]
    odd = replace(table, cells=(replace(first, end=first.end - 1, text=first.text[:-1]) if first.text else first,
                                *table.cells[1:]))
    view = lay_out(text, (odd,))
    assert not view.rows[0].aligned and all(row.aligned for row in view.rows[1:])
    assert view.text.startswith("表1 测试\n甲\t1\t2\n")  # as written, tabs and all
    assert letters(view.text) == letters(text)


def test_a_table_of_5000_rows_lays_out_in_one_pass():
    rows = "\n".join(f"地区{i}\t{i}\t{i * 3}.5\t{i % 7}.1" for i in range(5000))
    text = f"表1 大表\n单位：万人\n指标\t数值\t金额\t增长\n{rows}\n结束。"
    tables = find_text_tables(text)
    view = lay_out(text, tables)
    assert len([r for r in view.rows if r.aligned]) == 5001
    check_cells(text, tables, view)
