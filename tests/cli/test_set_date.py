"""`reviewer set-date PROJECT DOCUMENT DATE [--reporting PERIOD]`: the store's own date command
from the command line, as a user runs it (a real process, a real project)."""
import datetime as dt

from reviewer.model import Period, Status
from reviewer.store import Project
from tests.cli.helpers import one_line, run

TEXT = "今年全市生产总值增长5.2%，去年完成投资300亿元。\n"


def project_with_a_decision(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run("import", tmp_path / "p.frp", source).returncode == 0
    with Project.open(tmp_path / "p.frp") as project:
        figure = project.figures(1)[0]
        project.decide(figure.id, Status.CONFIRMED)
    return tmp_path / "p.frp", figure.id


def test_set_date_moves_the_periods_and_keeps_decisions(tmp_path):
    path, decided = project_with_a_decision(tmp_path)
    result = run("set-date", path, "1", "2024-03-01", "--reporting", "2023")
    assert result.returncode == 0, result.stderr
    line = one_line(result.stderr)
    assert "2024-03-01" in line and "2023" in line and "2 figures kept" in line
    with Project.open(path) as project:
        doc = project.document(1)
        assert doc.date == dt.date(2024, 3, 1) and doc.reporting == Period("2023-01-01", "2023-12-31", "2023")
        periods = {f.text: f.period for f in project.figures(1)}
        assert periods == {"5.2%": "2024", "300亿元": "2023"}
        assert project.figure(decided).status is Status.CONFIRMED
        assert project.peek_undo()[0].action == "date"


def test_the_document_by_its_file_name_and_the_reporting_period_kept_or_cleared(tmp_path):
    path, _ = project_with_a_decision(tmp_path)
    assert run("set-date", path, "1", "2024-03-01", "--reporting", "2023").returncode == 0
    assert run("set-date", path, "report.txt", "2022-02-01").returncode == 0  # no --reporting: kept
    with Project.open(path) as project:
        assert project.document(1).reporting.label() == "2023"
        assert {f.text: f.period for f in project.figures(1)}["300亿元"] == "2021"
    assert run("set-date", path, "1", "2022-02-01", "--reporting", "auto").returncode == 0
    with Project.open(path) as project:
        assert project.document(1).reporting is None


def test_a_bad_date_is_one_line_naming_it_and_exit_2(tmp_path):
    path, _ = project_with_a_decision(tmp_path)
    before = path.read_bytes()
    for args in (("1", "2024-13-01"), ("1", "2024-03-01", "--reporting", "2025/2024"), ("7", "2024-03-01")):
        result = run("set-date", path, *args)
        assert result.returncode == 2
        line = one_line(result.stderr)
        assert (args[3] if len(args) > 2 else args[1] if args[0] == "1" else "7") in line
    assert path.read_bytes() == before
    with Project.open(path) as project:
        assert project.document(1).date is None


def test_a_bad_date_in_chinese(tmp_path):
    path, _ = project_with_a_decision(tmp_path)
    result = run("set-date", path, "1", "2024-13-01", env={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"})
    assert result.returncode == 2 and "不是日期" in one_line(result.stderr)
