"""The exported workbook, read back: it equals the project row for row, it is safe, it is styled."""
import json
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook

from reviewer.export import ExportError, ExportOptions, export
from reviewer.model import Kind, Status


def approved_in_project(p):
    return [f for f in p.figures() if f.status in (Status.CONFIRMED, Status.CORRECTED)]


def test_the_approved_sheet_equals_the_project_row_for_row(project, tmp_path):
    out = tmp_path / "out.xlsx"
    rows = export(project, out, ExportOptions(language="en"))
    sheet = pd.read_excel(out, sheet_name="Approved")
    expected = approved_in_project(project)
    assert rows == len(expected) == len(sheet)
    titles = {d.id: d.title for d in project.documents()}
    for (_, row), f in zip(sheet.iterrows(), expected, strict=True):
        assert row["Document"] == titles[f.document_id]
        assert row["Figure as written"] == f.text
        value = f.final_value / 100 if f.final_kind is Kind.PERCENT else f.final_value
        assert Decimal(str(row["Value"])) == pytest.approx(value)
        assert row["Unit"] == f.final_unit
        assert (row["Indicator"] if isinstance(row["Indicator"], str) else None) == f.final_indicator
        assert row["Reviewer"] == "张三"
        if f.status is Status.CORRECTED:
            original = f.value / 100 if f.final_kind is Kind.PERCENT else f.value
            assert Decimal(str(row["Original value"])) == pytest.approx(original)
        assert f.text in row["Sentence"]


def test_the_other_sheets_hold_everything(project, tmp_path):
    out = tmp_path / "out.xlsx"
    export(project, out)
    book = pd.read_excel(out, sheet_name=None)
    assert list(book) == ["已核定", "全部", "文档", "记录"]
    assert len(book["全部"]) == len(project.figures())
    states = book["全部"]["状态"].value_counts().to_dict()
    progress = project.progress()
    assert states == {k: v for k, v in {"已确认": progress.confirmed, "已更正": progress.corrected,
                                        "已否决": progress.rejected, "待核": progress.pending}.items() if v}
    docs = book["文档"]
    assert docs["数字总数"].sum() == progress.total
    assert len(book["记录"]) == len(project.events())
    assert list(book["记录"]["操作"][:2]) == ["导入", "导入"]  # oldest first, in the export's language


def test_document_text_never_becomes_a_formula(project, tmp_path):
    out = tmp_path / "out.xlsx"
    export(project, out, ExportOptions(states=frozenset(Status)))
    wb = load_workbook(out)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("=HYPERLINK") for t in texts)   # kept, as text
    assert "=1+1" in texts and "-指标" in texts


def test_csv_has_a_bom_and_guards_formulas(project, tmp_path):
    out = tmp_path / "out.csv"
    export(project, out, ExportOptions(states=frozenset(Status)))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert len(frame) == len(project.figures())
    for column in frame.columns:
        for value in frame[column].dropna().astype(str):
            assert not value.startswith(("=", "+", "-", "@", "\t")), (column, value)


def test_json_export(project, tmp_path):
    out = tmp_path / "out.json"
    rows = export(project, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["figures"]) == rows == len(approved_in_project(project))
    assert set(data) == {"figures", "documents", "log"}


def test_styling_header_frozen_filter_formats_widths_dates(project, tmp_path):
    out = tmp_path / "out.xlsx"
    export(project, out)
    ws = load_workbook(out)["已核定"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    header = ws[1]
    assert header[0].font.bold and header[0].fill.fgColor.rgb.endswith("1F4E79")
    formats = {}
    for row in ws.iter_rows(min_row=2):
        cells = {ws.cell(1, c.column).value: c for c in row}
        formats[cells["类型"].value] = cells["数值"].number_format
        assert cells["核定时间"].is_date
        assert cells["文档日期"].value is None or cells["文档日期"].is_date
    assert formats["百分比"].endswith("%") and "," in formats["金额"]
    widths = {ws.cell(1, i).value: ws.column_dimensions[ws.cell(1, i).column_letter].width for i in range(1, 17)}
    assert widths["所在句子"] >= 40  # Chinese text is two columns a character
    assert widths["单位"] < widths["文档"]


def test_options_states_documents_and_one_sheet_per_document(project, tmp_path):
    docs = project.documents()
    out = tmp_path / "per-doc.xlsx"
    export(project, out, ExportOptions(per_document=True, sheets=("approved",)))
    names = load_workbook(out).sheetnames
    assert len(names) == len(docs)
    only = tmp_path / "one.xlsx"
    rows = export(project, only, ExportOptions(states=frozenset({Status.REJECTED}),
                                               document_ids=frozenset({docs[0].id})))
    assert rows == len([f for f in project.figures(docs[0].id) if f.status is Status.REJECTED])


def test_an_interrupted_export_leaves_the_good_file(project, tmp_path, monkeypatch):
    out = tmp_path / "out.xlsx"
    export(project, out)
    before = out.read_bytes()
    import reviewer.export.writers as writers

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers, "_write_xlsx", boom)
    with pytest.raises(ExportError, match="disk is full"):
        export(project, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.xlsx")] == []


def test_a_destination_that_cannot_be_written(project, tmp_path, monkeypatch):
    import reviewer.export.tables as tables

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(tables.os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export(project, tmp_path / "locked.xlsx")
    with pytest.raises(ExportError, match="unknown export type"):
        export(project, tmp_path / "out.ods")


def test_export_command(project, tmp_path):
    import subprocess
    import sys

    path = project.path
    project.close()
    out = tmp_path / "cli.xlsx"
    result = subprocess.run([sys.executable, "-m", "reviewer", "export", str(path), "-o", str(out), "--language", "en"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames == ["Approved", "All figures", "Documents", "Checks", "Audit log"]
    bad = subprocess.run([sys.executable, "-m", "reviewer", "export", str(path), "-o", str(out), "--states", "maybe"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown state" in bad.stderr
