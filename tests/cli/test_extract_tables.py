"""`reviewer extract` to .csv and .xlsx: every row has the table's columns (table, row, column and
unit source), filled for a figure from a table, empty for prose, also when a prose figure or a
document without tables comes first."""
import csv
import json

import pytest
from openpyxl import load_workbook

from tests.cli.helpers import run
from tests.conftest import SEEDS
from tests.documents.test_tables import CAPTION, write_docx, write_pipe

TABLE_KEYS = ["table", "row_label", "column_label", "unit_source"]


def read_rows(out):
    if out.suffix == ".csv":
        with open(out, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            return list(reader.fieldnames or []), [{k: v or None for k, v in row.items()} for row in reader]
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    return header, [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("writer", [write_pipe, write_docx])
def test_every_row_has_the_table_columns(tmp_path, suffix, writer):
    prose_only = tmp_path / "prose.txt"
    prose_only.write_text("全年新签合同额121.6亿美元。\n", encoding="utf-8")
    tables = writer(tmp_path / ("people.md" if writer is write_pipe else "people.docx"))
    out = tmp_path / f"figures{suffix}"
    result = run("extract", prose_only, tables, "-o", out)
    assert result.returncode == 0, result.stderr
    header, rows = read_rows(out)
    assert header[-len(TABLE_KEYS):] == TABLE_KEYS  # the same place for every row, after the figure's own
    assert rows[0]["text"] == "121.6亿美元" and all(rows[0][k] is None for k in TABLE_KEYS)
    placed = next(r for r in rows if r["text"] == "83137")
    assert (placed["table"], placed["row_label"], placed["column_label"]) == (CAPTION, "其中：城镇", "年末数（万人）")
    prose = next(r for r in rows if r["text"] == "1425918件")
    assert all(prose[k] is None for k in TABLE_KEYS)


def test_a_document_without_tables_still_gets_the_columns(tmp_path):
    out = tmp_path / "figures.csv"
    assert run("extract", SEEDS / "001_c85b7cdc4e083cd4.txt", "-o", out).returncode == 0
    header, rows = read_rows(out)
    assert header[-len(TABLE_KEYS):] == TABLE_KEYS and rows and all(r["table"] is None for r in rows)


def test_json_keeps_the_scorer_format(tmp_path):
    """JSON is Figure.to_json as it is: the table's keys only on a figure from a table."""
    result = run("extract", write_pipe(tmp_path / "people.md"))
    rows = json.loads(result.stdout)
    placed = next(r for r in rows if r["text"] == "83137")
    assert placed["row_label"] == "其中：城镇" and "row_label" not in next(r for r in rows if r["text"] == "1425918件")
