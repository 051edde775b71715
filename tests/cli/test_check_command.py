"""`reviewer check FILE_OR_PROJECT... [--json]` and `reviewer reference PROJECT FILE`: findings one
per line or as JSON in the offsets of `reviewer extract`, exit 1 for an error nobody accepted, 2
for input that cannot be used (one line naming it)."""
import json

import pytest

from reviewer.checks.reference import ReferenceError, ReferenceRow
from reviewer.cli import main
from reviewer.commands.checking import project_findings
from reviewer.store import Project
from tests.checks import fake_rules
from tests.cli.helpers import one_line, run


@pytest.fixture
def fake(monkeypatch):
    fake_rules.install(monkeypatch)


pytestmark = pytest.mark.usefixtures("own_log")  # tests/conftest.py: logs in the test's own folder


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_with_an_error_is_one_line_per_finding_and_exit_1(tmp_path, fake, capsys):
    source = write(tmp_path, "a.txt", fake_rules.TEXT)
    assert main(["check", str(source)]) == 1
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert len(lines) == 1
    severity, rule, document, message = lines[0].split("\t")
    assert (severity, rule, document) == ("error", "part-exceeds-total", str(source))
    assert "1200亿元" in message and "1000亿元" in message
    assert "1 finding" in out.err


def test_a_file_that_holds_exits_0(tmp_path, fake, capsys):
    assert main(["check", str(write(tmp_path, "a.txt", fake_rules.HOLDING))]) == 0
    assert capsys.readouterr().out == ""


def test_json_names_the_figures_in_the_offsets_of_extract(tmp_path, fake, capsys):
    source = write(tmp_path, "a.txt", fake_rules.TEXT)
    assert main(["check", str(source), "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert {k: finding[k] for k in ("rule", "severity", "document", "state")} == {
        "rule": "part-exceeds-total", "severity": "error", "document": str(source), "state": "open"}
    assert main(["extract", str(source)]) == 0
    extracted = {(f["start"], f["end"]): f for f in json.loads(capsys.readouterr().out)}
    for figure in finding["figures"]:
        same = extracted[(figure["start"], figure["end"])]
        assert (figure["text"], figure["value"], figure["unit"]) == (same["text"], same["value"], same["unit"])
        assert fake_rules.TEXT[figure["start"]:figure["end"]] == figure["text"]
    assert [f["text"] for f in finding["figures"]] == ["1200亿元", "1000亿元"]  # the suspect first


def test_a_project_is_checked_as_reviewed_and_an_accepted_error_does_not_fail(tmp_path, fake, capsys):
    project_path = tmp_path / "p.frp"
    assert main(["import", str(project_path), str(write(tmp_path, "a.txt", fake_rules.TEXT))]) == 0
    assert main(["check", str(project_path)]) == 1
    with Project.open(project_path, reviewer="张三") as project:
        (item,) = project_findings(project)
        project.accept_finding(item.key, item.rule, "高技术制造业口径含规模以下", message=item.message)
    capsys.readouterr()
    assert main(["check", str(project_path)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.endswith("accepted: 高技术制造业口径含规模以下")


def test_a_correction_in_the_project_resolves_the_finding(tmp_path, fake, capsys):
    from reviewer.model import Status

    project_path = tmp_path / "p.frp"
    assert main(["import", str(project_path), str(write(tmp_path, "a.txt", fake_rules.TEXT))]) == 0
    with Project.open(project_path, reviewer="张三") as project:
        part = next(f for f in project.figures() if f.text == "1200亿元")
        project.decide(part.id, Status.CORRECTED, value="12000000000")
    assert main(["check", str(project_path)]) == 0
    with Project.open(project_path, reviewer="张三") as project:
        project.decide(part.id, Status.REJECTED)
        assert project_findings(project) == []  # a rejected figure is left out


@pytest.mark.parametrize("word, problem", [("missing.txt", "no such file"), ("missing.frp", "no such project")])
def test_bad_input_is_one_line_and_exit_2(tmp_path, fake, capsys, word, problem):
    good = write(tmp_path, "a.txt", fake_rules.TEXT)
    assert main(["check", str(tmp_path / word), str(good)]) == 2
    out = capsys.readouterr()
    errors = [line for line in out.err.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and problem in errors[0] and word in errors[0]
    assert "part-exceeds-total" in out.out  # the other input is still checked


def test_a_file_that_is_not_a_project_is_refused_and_left_as_it_was(tmp_path, capsys):
    bogus = write(tmp_path, "bogus.frp", "not a project")
    assert main(["check", str(bogus)]) == 2
    assert "bogus.frp" in capsys.readouterr().err
    assert bogus.read_text(encoding="utf-8") == "not a project"


def test_reference_imports_rows_and_a_bad_table_is_one_line(tmp_path, monkeypatch, capsys):
    from decimal import Decimal

    import reviewer.commands.check as check

    project_path = tmp_path / "p.frp"
    assert main(["import", str(project_path), str(write(tmp_path, "a.txt", fake_rules.TEXT))]) == 0
    table = write(tmp_path, "ref.csv", "indicator,period,value,unit\n")
    monkeypatch.setattr(check, "read_reference", lambda path: [
        ReferenceRow("规模以上工业增加值", "2023", Decimal("1000"), "亿元", file=str(path), line=1)])
    assert main(["reference", str(project_path), str(table)]) == 0
    assert main(["reference", str(project_path), str(table)]) == 0  # again: replaced, not doubled
    with Project.open(project_path, read_only=True) as project:
        assert [r.indicator for r in project.reference_rows()] == ["规模以上工业增加值"]

    def refuse(path):
        raise ReferenceError(f"{path}: line 3: no value")

    monkeypatch.setattr(check, "read_reference", refuse)
    capsys.readouterr()
    assert main(["reference", str(project_path), str(table)]) == 2
    assert "ref.csv: line 3: no value" in one_line(capsys.readouterr().err)
    with Project.open(project_path, read_only=True) as project:
        assert len(project.reference_rows()) == 1  # nothing saved is lost


def test_end_to_end_a_part_larger_than_its_total(tmp_path):
    source = write(tmp_path, "a.txt", fake_rules.TEXT)
    result = run("check", source, "--json")
    assert result.returncode == 1, result.stderr
    assert "part-exceeds-total" in [f["rule"] for f in json.loads(result.stdout)]


def test_articles_of_one_file_are_documents_named_as_extract_names_them(tmp_path, fake, capsys):
    source = write(tmp_path, "two.txt", fake_rules.HOLDING + "\n-\n\n" + fake_rules.TEXT)
    assert main(["check", str(source), "--split-articles", "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding["document"] == f"{source}#2"


GROWTH_OVER_DATED_YEARS = "全市粮食产量由2020年的500万吨增加到2025年的600万吨，年均增长8.5%。"


def test_a_growth_read_against_the_years_its_levels_name_in_a_file_and_in_a_project(tmp_path):
    """The years between two levels come from the dates stated with them (2020年…2025年): the
    checks are given the dates, from a file as from a project."""
    source = write(tmp_path, "grain.txt", GROWTH_OVER_DATED_YEARS)
    project_path = tmp_path / "grain.frp"
    assert run("import", project_path, source).returncode == 0
    for target in (source, project_path):
        result = run("check", target, "--json")
        assert result.returncode == 1, result.stderr
        (finding,) = json.loads(result.stdout)
        assert (finding["rule"], finding["figures"][0]["text"]) == ("growth-levels", "8.5%")


def test_an_empty_project_has_no_findings(tmp_path):
    """A new project holds no document yet: its checks find nothing (they once ran each other
    without end)."""
    path = tmp_path / "new.frp"
    Project.open(path, create=True, reviewer="测试员").close()
    result = run("check", path)
    assert result.returncode == 0, result.stderr
    assert "no findings" in result.stderr + result.stdout


def test_an_accepted_finding_that_a_rejection_resolves_is_still_shown_whole(tmp_path):
    """Accepted, then one of its figures rejected: the finding is gone, and the resolved entry
    keeps the severity, document and figures it was accepted with (not blanks)."""
    from reviewer.commands.checking import RESOLVED, ProjectChecks, accept, finding_states
    from reviewer.commands.importing import import_documents
    from reviewer.model import Status

    source = write(tmp_path, "a.txt", fake_rules.TEXT)
    path = tmp_path / "a.frp"
    with Project.open(path, create=True, reviewer="审校") as project:
        import_documents(project, [source], report=lambda m: None)
        (open_item,) = finding_states(ProjectChecks(project).run(), project.finding_decisions())
        accept(project, open_item, "口径不同")
        part = next(f for f in project.figures() if f.text == open_item.figures[0].text)
        project.decide(part.id, Status.REJECTED)
        (item,) = project_findings(project)
    assert item.state == RESOLVED
    assert (item.severity, item.document) == (open_item.severity, open_item.document)
    assert [(f.start, f.end, f.text, f.value) for f in item.figures] == [
        (f.start, f.end, f.text, f.value) for f in open_item.figures
    ]


def test_nothing_checked_is_not_reported_as_no_findings(tmp_path):
    """A missing file gets its one line and exit 2, not a reassuring "no findings" after it."""
    result = run("check", tmp_path / "missing.txt")
    assert result.returncode == 2
    assert "missing.txt" in result.stderr and "no findings" not in result.stderr + result.stdout
