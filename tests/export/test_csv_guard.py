"""CSV cells a spreadsheet would run or split get a leading apostrophe: = + - @ and also a
leading tab or carriage return (Excel and LibreOffice drop those and read what follows)."""
import csv

import pytest

from reviewer.export import ExportOptions, export
from reviewer.export.tables import safe_cell, write_rows
from reviewer.model import Status


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\tplain", "\rplain"])
def test_a_cell_starting_with_a_formula_character_is_guarded(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["受理案件", "1,000", " =1", "'=1", "", "a\t=1"])
def test_other_cells_are_left_as_they_are(text):
    assert safe_cell(text) == text


def test_safe_cell_leaves_numbers_alone():
    assert safe_cell(5) == 5 and safe_cell(None) is None


def test_tab_and_carriage_return_are_guarded_in_written_csv(tmp_path):
    out = tmp_path / "rows.csv"
    write_rows([{"text": "\t=HYPERLINK(1)", "note": "\r@SUM(A1)", "value": 3}], out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["text"] == "'\t=HYPERLINK(1)"
    assert row["note"] == "'\r@SUM(A1)"


def test_tab_and_carriage_return_are_guarded_in_the_export(project, tmp_path):
    figures = project.figures()
    project.set_note(figures[0].id, "\t=1+1")
    project.set_note(figures[1].id, "\r+2")
    out = tmp_path / "out.csv"
    export(project, out, ExportOptions(states=frozenset(Status), language="en"))
    with open(out, encoding="utf-8-sig", newline="") as fh:
        notes = [row["Note"] for row in csv.DictReader(fh)]
    assert "'\t=1+1" in notes and "'\r+2" in notes
    assert not [n for n in notes if n[:1] in ("\t", "\r", "=", "+", "-", "@")]
