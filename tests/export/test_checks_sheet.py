"""The sheet 核对/Checks: each finding of the project's checks with its severity, rule, figures,
document and the reviewer's decision (open, accepted with a reason, resolved); the same in the
JSON export."""
import json

import pytest
from openpyxl import load_workbook

from reviewer.commands.checking import project_findings
from reviewer.commands.importing import import_documents
from reviewer.export import ExportOptions, export
from reviewer.model import Status
from reviewer.store import Project
from tests.checks import fake_rules

TWICE = fake_rules.TEXT + "全市社会消费品零售总额500亿元，其中，网上零售额600亿元。\n"


pytestmark = pytest.mark.usefixtures("own_log")  # tests/conftest.py: logs in the test's own folder


@pytest.fixture
def checked(tmp_path, monkeypatch):
    fake_rules.install(monkeypatch)
    source = tmp_path / "工业.txt"
    source.write_text(TWICE, encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True, reviewer="张三") as project:
        import_documents(project, [source], report=lambda m: None)
        first, second = project_findings(project)
        project.accept_finding(second.key, second.rule, "网上零售额含外地企业", message=second.message)
        yield project


def sheet_rows(path, name):
    ws = load_workbook(path)[name]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    return rows[0], rows[1:]


@pytest.mark.parametrize("language, sheet, open_word, accepted_word, error_word", [
    ("zh", "核对", "待处理", "已接受", "错误"), ("en", "Checks", "open", "accepted", "error")])
def test_the_checks_sheet_lists_each_finding_with_its_decision(checked, tmp_path, language, sheet, open_word,
                                                                accepted_word, error_word):
    out = tmp_path / "out.xlsx"
    export(checked, out, ExportOptions(language=language), checks=project_findings(checked))
    header, rows = sheet_rows(out, sheet)
    title = checked.documents()[0].title
    assert len(header) == 8
    assert [(r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows] == [
        (error_word, "part-exceeds-total", "1200亿元; 1000亿元", title, open_word, None, None),
        (error_word, "part-exceeds-total", "600亿元; 500亿元", title, accepted_word, "网上零售额含外地企业", "张三")]
    assert "1200亿元" in rows[0][0]
    assert load_workbook(out).sheetnames.index(sheet) == 3  # after the documents, before the log


def test_a_corrected_figure_leaves_its_accepted_finding_resolved(checked, tmp_path):
    part = next(f for f in checked.figures() if f.text == "600亿元")
    checked.decide(part.id, Status.CORRECTED, value="6000000000")
    out = tmp_path / "out.xlsx"
    export(checked, out, ExportOptions(language="en"), checks=project_findings(checked))
    _, rows = sheet_rows(out, "Checks")
    assert [(r[5], r[6]) for r in rows] == [("open", None), ("resolved", "网上零售额含外地企业")]
    assert "600亿元" in rows[1][0]  # the message it had when it was accepted


def test_the_json_export_carries_the_findings_as_data(checked, tmp_path):
    out = tmp_path / "out.json"
    export(checked, out, checks=project_findings(checked))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(c["rule"], c["severity"], c["state"], c["reason"]) for c in data["checks"]] == [
        ("part-exceeds-total", "error", "open", None),
        ("part-exceeds-total", "error", "accepted", "网上零售额含外地企业")]
    assert [f["text"] for f in data["checks"][0]["figures"]] == ["1200亿元", "1000亿元"]
    assert TWICE[data["checks"][0]["figures"][0]["start"]:data["checks"][0]["figures"][0]["end"]] == "1200亿元"
    assert any(line["action"] == "核对结论" for line in data["log"])


def test_the_export_command_writes_the_checks_sheet(checked, tmp_path):
    from reviewer.cli import main

    path = checked.path
    checked.close()
    out = tmp_path / "cli.xlsx"
    assert main(["export", str(path), "-o", str(out), "--language", "en"]) == 0
    _, rows = sheet_rows(out, "Checks")
    assert [r[5] for r in rows] == ["open", "accepted"]


def test_end_to_end_a_part_larger_than_its_total_in_the_sheet(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(fake_rules.TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True, reviewer="张三") as project:
        import_documents(project, [source], report=lambda m: None)
        out = tmp_path / "out.xlsx"
        export(project, out, ExportOptions(language="en"), checks=project_findings(project))
    _, rows = sheet_rows(out, "Checks")
    assert "part-exceeds-total" in [r[2] for r in rows]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_checks_sheet_prints_at_8_pt_or_more_on_a4_landscape(checked, tmp_path, language):
    from reviewer.export.printing import MARGIN_IN, PAPER_WIDTH_IN, column_pixels
    from tests.export.test_printing import SMALLEST_PT, TEXT_PT, printed_columns

    out = tmp_path / "print.xlsx"
    export(checked, out, ExportOptions(language=language), checks=project_findings(checked))
    ws = load_workbook(out)[ExportOptions(language=language).sheet("checks")]
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.scale * TEXT_PT / 100 >= SMALLEST_PT
    pixels = sum(column_pixels(ws.column_dimensions[ws.cell(1, c).column_letter].width) for c in printed_columns(ws))
    assert pixels / 96 * ws.page_setup.scale / 100 <= PAPER_WIDTH_IN - 2 * MARGIN_IN
    assert ws.cell(2, 1).alignment.wrap_text  # the message wraps in its column
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
