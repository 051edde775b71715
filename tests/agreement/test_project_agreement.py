"""Each reviewer's own latest decision per figure, kept in a real project's decisions rows (undo
and redo honoured); `reviewer agreement PROJECT [--json]`; the export's sheet 一致性/Agreement."""
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from reviewer.commands.agreement import project_decisions
from reviewer.decisions import Decision
from reviewer.model import Kind, Status
from reviewer.store import Project
from tests.cli.helpers import one_line, run

C, X, R, P = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED, Status.PENDING


def play(path, ids, steps):
    """Steps as (reviewer, action, figure number, status, value, unit), each reviewer opening the
    project in turn as a reviewer on their own machine would (one writer at a time)."""
    for who, action, *rest in steps:
        with Project.open(path, reviewer=who) as project:
            if action == "decide":
                number, status, *correction = rest
                value, unit = (correction + [None, None])[:2]
                project.decide(ids[number], status, value=value, unit=unit)
            elif action == "decide_many":
                numbers, status = rest
                project.decide_many([ids[n] for n in numbers], status)
            elif action == "undo":
                project.undo()
            elif action == "redo":
                project.redo()


def decisions_of(path, ids):
    with Project.open(path, read_only=True) as project:
        found = project_decisions(project)
    number = {figure: n for n, figure in enumerate(ids)}
    return {(number[d.figure], d.reviewer, d.status, d.value, d.unit) for d in found}


@pytest.mark.parametrize("steps, expected", [
    # three reviewers, each one's own decision kept though the next replaced it on the figure
    ([("张三", "decide", 0, C), ("李四", "decide", 0, R), ("王五", "decide", 0, C)],
     {(0, "张三", C, None, None), (0, "李四", R, None, None), (0, "王五", C, None, None)}),
    # a second reviewer deciding a figure as it stands makes a decision of their own (it used to
    # write nothing, so agreement never saw two reviewers agree on a figure)
    ([("张三", "decide", 0, C), ("李四", "decide", 0, C)], {(0, "张三", C, None, None), (0, "李四", C, None, None)}),
    ([("张三", "decide", 0, X, "1300", "亿元"), ("李四", "decide", 0, X, "1300", "亿元")],
     {(0, "张三", X, Decimal("1300"), "亿元"), (0, "李四", X, Decimal("1300"), "亿元")}),
    # an undone decision is no decision
    ([("张三", "decide", 0, C), ("李四", "decide", 0, R), ("李四", "undo")], {(0, "张三", C, None, None)}),
    # undo takes back the last one only: the reviewer's correction before it stands
    ([("张三", "decide", 0, X, "1300", "亿元"), ("张三", "decide", 0, C), ("张三", "undo")],
     {(0, "张三", X, Decimal("1300"), "亿元")}),
    # undone and redone: a decision again
    ([("张三", "decide", 1, R), ("张三", "undo"), ("张三", "redo")], {(1, "张三", R, None, None)}),
    # two undos, one redo
    ([("张三", "decide", 1, R), ("李四", "decide", 1, C), ("李四", "undo"), ("李四", "undo"), ("李四", "redo")],
     {(1, "张三", R, None, None)}),
    # a reset to pending withdraws the reviewer's decision
    ([("张三", "decide", 2, C), ("张三", "decide", 2, P)], set()),
    # one command over several figures
    ([("张三", "decide_many", (0, 1, 2), C), ("李四", "decide_many", (1, 2), R)],
     {(0, "张三", C, None, None), (1, "张三", C, None, None), (2, "张三", C, None, None),
      (1, "李四", R, None, None), (2, "李四", R, None, None)}),
    # the latest of a reviewer's own decisions
    ([("张三", "decide", 3, R), ("李四", "decide", 3, C), ("张三", "decide", 3, X, "3.2", "%")],
     {(3, "李四", C, None, None), (3, "张三", X, Decimal("3.2"), "%")}),
])
def test_each_reviewers_latest_decision_from_the_log(shared, steps, expected):
    path, ids = shared
    play(path, ids, steps)
    assert decisions_of(path, ids) == expected


def test_a_correction_keeps_its_kind_and_indicator(shared):
    path, ids = shared
    with Project.open(path, reviewer="张三") as project:
        project.decide(ids[0], X, value="1300", unit="亿元", kind=Kind.MONEY, indicator="地区生产总值")
        (found,) = project_decisions(project)
    assert found == Decision(ids[0], "张三", X, Decimal("1300"), "亿元", Kind.MONEY, "地区生产总值")


def test_a_figure_added_by_hand_is_its_adders_confirmation(shared):
    path, ids = shared
    with Project.open(path, reviewer="张三") as project:
        doc = project.documents()[0].id
        added = project.add_manual_figure(doc, 0, 4, Kind.QUANTITY, "2024", None)
        assert project_decisions(project) == [Decision(added, "张三", C)]
        project.undo()
        assert project_decisions(project) == []


def test_a_decision_without_a_reviewers_name_is_left_out(shared):
    path, ids = shared
    with Project.open(path) as project:
        project.decide(ids[0], C)
        assert project_decisions(project) == []


TEAM = [("张三", "decide", 0, C), ("李四", "decide", 0, R), ("王五", "decide", 0, C),
        ("张三", "decide", 1, R), ("李四", "decide", 1, C), ("王五", "decide", 1, R),
        ("张三", "decide", 2, X, "310", "亿元"), ("李四", "decide", 2, C), ("王五", "decide", 2, X, "310", "亿元")]


def test_the_command_prints_one_line_per_pair_and_the_overall_figures(shared):
    path, ids = shared
    play(path, ids, TEAM)
    done = run("agreement", path, env={"LANGUAGE": "en"})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 5
    assert lines[0] == "3 reviewers: 张三, 李四, 王五"  # in the order of the names' code points
    assert lines[1].startswith("张三 / 李四: 3 figures decided by both, agreement 0.0%")
    assert lines[2] == ("张三 / 王五: 3 figures decided by both, agreement 100.0%, kappa 1.000, alpha 1.000; "
                        "1 corrected by both, same value and unit 100.0%")
    assert lines[3].startswith("李四 / 王五: 3 figures decided by both, agreement 0.0%")
    assert lines[3].endswith("0 corrected by both, same value and unit n/a")
    assert lines[4].startswith("overall: 3 figures decided by two reviewers or more, agreement 33.3%")


def test_the_json_has_the_same_numbers(shared):
    path, ids = shared
    play(path, ids, TEAM)
    done = run("agreement", path, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert sorted(data["reviewers"]) == sorted(["张三", "李四", "王五"])
    pairs = {frozenset((p["first"], p["second"])): p for p in data["pairs"]}
    agreeing = pairs[frozenset(("张三", "王五"))]
    assert (agreeing["figures"], agreeing["agreement"], agreeing["kappa"]) == (3, 1.0, 1.0)
    assert (agreeing["corrected"], agreeing["same_correction"]) == (1, 1.0)
    apart = pairs[frozenset(("张三", "李四"))]
    assert (apart["figures"], apart["agreement"]) == (3, 0.0)
    assert data["overall"]["figures"] == 3
    assert data["overall"]["agreement"] == pytest.approx(1 / 3)  # 3 of 9 pairs of decisions


@pytest.mark.parametrize("make", [
    lambda d: d / "没有.frp",
    lambda d: (d / "坏.frp").write_text("不是项目", encoding="utf-8") and d / "坏.frp",
])
def test_a_bad_project_is_one_line_and_exit_2(tmp_path, make):
    path = make(tmp_path)
    done = run("agreement", path, env={"LANGUAGE": "en"})
    assert done.returncode == 2
    assert path.name in one_line(done.stderr)


def agreement_sheet(path, name):
    book = load_workbook(path)
    if name not in book.sheetnames:
        return None
    return [[c.value for c in row] for row in book[name].iter_rows()]


@pytest.mark.parametrize("language, sheet, overall", [
    ("zh", "一致性", "全体（κ为各对平均）"), ("en", "Agreement", "All reviewers (kappa: mean of the pairs')")])
def test_the_export_has_an_agreement_sheet_where_several_reviewed(shared, tmp_path, language, sheet, overall):
    path, ids = shared
    play(path, ids, TEAM)
    out = tmp_path / "out.xlsx"
    done = run("export", path, "-o", out, "--language", language)
    assert done.returncode == 0, done.stderr
    rows = agreement_sheet(out, sheet)
    assert rows is not None and len(rows) == 1 + 3 + 1
    header, *pairs, last = rows
    assert len(header) == 8
    by_pair = {frozenset(r[:2]): r for r in pairs}
    assert by_pair[frozenset(("张三", "王五"))][2:] == [3, 1.0, 1.0, 1.0, 1, 1.0]
    assert by_pair[frozenset(("张三", "李四"))][2:4] == [3, 0.0]
    assert last[0] == overall and last[1] is None
    assert last[2] == 3 and last[3] == pytest.approx(1 / 3)


def test_no_agreement_sheet_for_one_reviewer(shared, tmp_path):
    path, ids = shared
    play(path, ids, [("张三", "decide", 0, C), ("张三", "decide", 1, R)])
    out = tmp_path / "out.xlsx"
    assert run("export", path, "-o", out).returncode == 0
    book = load_workbook(out)
    assert "一致性" not in book.sheetnames and "核对" in book.sheetnames
