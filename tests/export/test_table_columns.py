"""A figure read from a table carries its table, row and column into every export (its unit's source
too, in the All sheet, CSV and JSON); a prose figure leaves them empty. Real files, read back."""
import csv
import json
import re

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from reviewer.commands.importing import import_documents
from reviewer.export import ExportOptions, export
from reviewer.model import Status
from reviewer.store import Project
from tests.conftest import SEEDS
from tests.documents.test_tables import CAPTION, write_docx, write_pipe

TABLE_FIGURE = ("83137", CAPTION, "其中：城镇", "年末数（万人）")
UNIT_SOURCE = "年末数（万人）"


@pytest.fixture(params=["docx", "md"])
def tables_project(request, tmp_path):
    source = (write_docx if request.param == "docx" else write_pipe)(tmp_path / f"people.{request.param}")
    with Project.open(tmp_path / "tables.frp", create=True, reviewer="张三") as p:
        import_documents(p, [source], report=lambda m: None)
        for f in p.figures():
            p.decide(f.id, Status.CONFIRMED)
        # the engine states a unit's source where it took the unit from a header (the store keeps
        # whatever it is given): set here, so the export is tested whatever the engine says today
        p._raw.execute("UPDATE figures SET unit_source = ? WHERE text = ?", (UNIT_SOURCE, TABLE_FIGURE[0]))
        yield p


def sheet_rows(ws):
    headers = [c.value for c in ws[1]]
    return headers, [dict(zip(headers, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


def printed_headers(ws):
    area = ws.print_area
    area = area[0] if isinstance(area, (list, tuple)) else area
    first, last = (column_index_from_string(c) for c in re.findall(r"\$([A-Z]+)\$\d+", area))
    return [ws.cell(1, c).value for c in range(first, last + 1)]


@pytest.mark.parametrize("language, headers", [("zh", ("表格", "行", "列", "单位来源", "原文数字")),
                                               ("en", ("Table", "Row", "Column", "Unit taken from",
                                                       "Figure as written"))])
def test_the_approved_and_all_sheets_have_the_table_columns(tables_project, tmp_path, language, headers):
    table, row, column, unit_source, written = headers
    out = tmp_path / "out.xlsx"
    export(tables_project, out, ExportOptions(language=language))
    book = load_workbook(out)
    options = ExportOptions(language=language)
    for key in ("approved", "all"):
        names, rows = sheet_rows(book[options.sheet(key)])
        assert {table, row, column, unit_source} <= set(names)
        placed = next(r for r in rows if r[written] == TABLE_FIGURE[0])
        assert (placed[written], placed[table], placed[row], placed[column]) == TABLE_FIGURE
        assert placed[unit_source] == UNIT_SOURCE
        prose = next(r for r in rows if r[written] == "1425918件")
        assert (prose[table], prose[row], prose[column], prose[unit_source]) == (None,) * 4
    # on paper: the columns up to the note as before, then the table's three if they all fit (as
    # the Chinese headers do here; the English ones are wider)
    printed = printed_headers(book[options.sheet("approved")])
    with_table = printed[-4:] == [options.header("note"), table, row, column]
    assert with_table or printed[-1] == options.header("note")
    assert with_table or language == "en"
    assert options.header("sentence") in printed


def test_a_prose_only_export_prints_as_before(tmp_path):
    with Project.open(tmp_path / "prose.frp", create=True, reviewer="张三") as p:
        import_documents(p, [SEEDS / "001_c85b7cdc4e083cd4.txt"], report=lambda m: None)
        for f in p.figures():
            p.decide(f.id, Status.CONFIRMED)
        export(p, tmp_path / "out.xlsx")
    ws = load_workbook(tmp_path / "out.xlsx")["已核定"]
    names, rows = sheet_rows(ws)
    assert {"表格", "行", "列"} <= set(names) and all(r["表格"] is None for r in rows)  # the same columns, empty
    assert printed_headers(ws)[-1] == "备注"  # empty table columns take no room on paper


def test_csv_and_json_carry_the_table_columns(tables_project, tmp_path):
    export(tables_project, tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    placed = next(r for r in rows if r["原文数字"] == TABLE_FIGURE[0])
    assert (placed["原文数字"], placed["表格"], placed["行"], placed["列"]) == TABLE_FIGURE
    assert placed["单位来源"] == UNIT_SOURCE
    prose = next(r for r in rows if r["原文数字"] == "1425918件")
    assert (prose["表格"], prose["行"], prose["列"], prose["单位来源"]) == ("",) * 4

    export(tables_project, tmp_path / "out.json")
    figures = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["figures"]
    placed = next(f for f in figures if f["text"] == TABLE_FIGURE[0])
    assert (placed["text"], placed["table"], placed["row_label"], placed["column_label"]) == TABLE_FIGURE
    assert placed["unit_source"] == UNIT_SOURCE
    prose = next(f for f in figures if f["text"] == "1425918件")
    assert (prose["table"], prose["row_label"], prose["column_label"], prose["unit_source"]) == (None,) * 4
