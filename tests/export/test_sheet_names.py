"""One approved sheet per document: sheet names legal and unique whatever the titles, so Excel
and LibreOffice open the file; cells longer than a spreadsheet holds are cut with a mark."""
import hashlib

import pytest
from openpyxl import load_workbook

from reviewer.documents import Document
from reviewer.export import ExportOptions, export
from reviewer.export.writers import fixed_sheet_names, sheet_name
from reviewer.extract import ENGINE_VERSION, extract
from reviewer.model import Status
from reviewer.store import Project
from tests.export.office import libreoffice, to_pdf

TITLES = ["文档", "Report", "report", "It's here", "'quoted'", "a[b]:c*?/\\d", "History",
          "湖北省高级人民法院工作报告——二〇二五年一月十二日在湖北省第十四届人民代表大会第三次会议上",
          "湖北省高级人民法院工作报告——二〇二五年一月十二日在湖北省第十四届人民代表大会第三次会议上（摘要）",
          "记录", "AUDIT LOG", "   ", "'"]


def add(project, title, text):
    doc = Document(text=text, title=title, date=None, source=f"/reports/{hashlib.md5(title.encode()).hexdigest()}.txt",
                   size=len(text.encode()), sha256=hashlib.sha256((title + text).encode()).hexdigest(), format="txt")
    doc_id = project.add_document(doc, extract(text), ENGINE_VERSION)
    for f in project.figures(doc_id):
        project.decide(f.id, Status.CONFIRMED)
    return doc_id


@pytest.fixture
def titled(tmp_path):
    with Project.open(tmp_path / "titles.frp", create=True, reviewer="张三") as p:
        for n, title in enumerate(TITLES):
            add(p, title, f"受理案件{1425918 + n}件，结案1310621件。")
        yield p


def legal(name):
    return (0 < len(name) <= 31 and not set(name) & set("[]:*?/\\") and not name.startswith("'")
            and not name.endswith("'"))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_sheet_names_are_legal_and_unique_and_office_opens_the_file(titled, tmp_path, language):
    out = tmp_path / f"per-document-{language}.xlsx"
    export(titled, out, ExportOptions(per_document=True, language=language))
    names = load_workbook(out).sheetnames
    assert len(names) == len(TITLES) + 3  # each document, and all figures, documents, audit log
    assert all(legal(n) for n in names), names
    assert len({n.casefold() for n in names}) == len(names), names
    fixed = [ExportOptions(language=language).sheet(k) for k in ("all", "documents", "log")]
    assert names[-3:] == fixed  # the workbook's own sheets keep their names
    if libreoffice():
        to_pdf(out, tmp_path / "pdf")


def test_sheet_name_rules():
    taken = fixed_sheet_names(ExportOptions())
    assert sheet_name("文档", taken) == "文档 (2)"  # the documents sheet has that name
    assert sheet_name("Report", taken) == "Report"
    assert sheet_name("REPORT", taken) == "REPORT (2)"
    assert sheet_name("'a'", taken) == "a"
    assert sheet_name("''", taken, fallback="#7") == "#7"
    long = sheet_name("x" * 40, taken)
    assert long == "x" * 31
    second = sheet_name("x" * 40, taken)
    assert second == "x" * 27 + " (2)" and len(second) == 31
    assert sheet_name("ab'" + "c" * 40, taken).startswith("ab'c")
    assert not sheet_name("abc" + " " * 27 + "'xyz", taken).endswith("'")
    assert sheet_name("😀" * 20, taken) == "😀" * 15  # 31 UTF-16 units at most


def test_a_cell_over_the_spreadsheet_limit_is_cut_with_a_mark(tmp_path):
    with Project.open(tmp_path / "long.frp", create=True, reviewer="张三") as p:
        doc_id = add(p, "长文", "受理案件1425918件。")
        figure = p.figures(doc_id)[0]
        p.set_note(figure.id, "注" * 40000)
        for language, mark in (("en", "…[cut]"), ("zh", "…[已截断]")):
            out = tmp_path / f"long-{language}.xlsx"
            export(p, out, ExportOptions(language=language))
            ws = load_workbook(out).worksheets[0]
            header = [c.value for c in ws[1]]
            note = ws.cell(2, header.index(ExportOptions(language=language).header("note")) + 1).value
            assert len(note) == 32767 and note.endswith(mark) and note.startswith("注注注")
        if libreoffice():
            to_pdf(out, tmp_path / "pdf")
