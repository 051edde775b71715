"""The period of each figure in every export: the label, and in the workbook its start and end as
real Excel dates (a date number format), in the Approved and All sheets; CSV and JSON too; the
document's reporting period on the Documents sheet. Headers in Chinese and English."""
import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from reviewer.commands.dates import set_document_dates
from reviewer.commands.importing import import_documents
from reviewer.export import ExportOptions, export
from reviewer.model import Period, Status
from reviewer.store import Project

TEXT = "今年全市生产总值增长5.2%，去年完成投资300亿元。\n全年新增就业12万人。\n"
EXPECTED = {"5.2%": ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
            "300亿元": ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31))}


@pytest.fixture
def project(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True, reviewer="张三") as p:
        import_documents(p, [source], report=lambda m: None)
        set_document_dates(p, 1, dt.date(2024, 3, 1), Period("2023-01-01", "2023-12-31", "2023"))
        for f in p.figures():
            p.decide(f.id, Status.CONFIRMED)
        yield p


def sheet_rows(ws):
    rows = list(ws.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:]]


@pytest.mark.parametrize("language, names", [
    ("zh", ("已核定", "全部", "原文数字", "时期", "时期起", "时期止", "文档", "报告期")),
    ("en", ("Approved", "All figures", "Figure as written", "Period", "Period start", "Period end", "Documents",
            "Reporting period")),
])
def test_the_workbook_has_the_period_label_and_its_dates_as_dates(project, tmp_path, language, names):
    approved, every, text, label, start, end, documents, reporting = names
    out = tmp_path / "out.xlsx"
    export(project, out, ExportOptions(language=language))
    book = load_workbook(out)
    for name in (approved, every):
        found = {}
        for row in sheet_rows(book[name]):
            first, last = row[start], row[end]
            if row[text].value in EXPECTED:
                assert first.is_date and last.is_date, (name, first.number_format)
                assert "yy" in first.number_format.lower()
                found[row[text].value] = (row[label].value, first.value.date(), last.value.date())
        assert found == EXPECTED
    (doc,) = sheet_rows(book[documents])
    assert doc[reporting].value == "2023"


def test_csv_and_json_carry_the_period_and_its_dates(project, tmp_path):
    export(project, tmp_path / "out.csv", ExportOptions(language="en"))
    with open(tmp_path / "out.csv", encoding="utf-8-sig") as fh:
        rows = {r["Figure as written"]: r for r in csv.DictReader(fh)}
    for text, (label, start, end) in EXPECTED.items():
        assert (rows[text]["Period"], rows[text]["Period start"], rows[text]["Period end"]) == (
            label, start.isoformat(), end.isoformat())
    export(project, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    figures = {f["text"]: f for f in data["figures"]}
    for text, (label, start, end) in EXPECTED.items():
        assert (figures[text]["period"], figures[text]["period_start"], figures[text]["period_end"]) == (
            label, start.isoformat(), end.isoformat())
    assert data["documents"][0]["reporting"] == "2023"


def test_the_audit_log_names_the_date_change(project, tmp_path):
    out = tmp_path / "out.xlsx"
    export(project, out)
    log = sheet_rows(load_workbook(out)["记录"])
    change = next(r for r in log if r["操作"].value == "更改文档日期")
    assert "文档日期=2024-03-01" in change["新值"].value and "报告期=2023" in change["新值"].value
