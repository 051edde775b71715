"""An adjudicated project exported: the Approved sheet holds each figure's final decision (the
adjudicator's settle()), the audit log still holds every reviewer's own decision."""
from decimal import Decimal

import pandas as pd
import pytest

from reviewer.commands.disputes import docket
from reviewer.decisions import Version
from reviewer.export import ExportOptions, export
from reviewer.model import Kind, Status
from reviewer.store import Project

C, X, R = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED
# figure numbers of tests/agreement/conftest.py's TEXT: 0 1200亿元, 1 5.2%, 2 300亿元, 3 3.1%, ...
DECISIONS = [("张三", 0, C), ("李四", 0, R),  # confirmed against rejected
             ("张三", 2, X, "310"), ("李四", 2, X, "320"),  # two corrections
             ("张三", 3, R), ("李四", 3, C)]  # rejected against confirmed
FINALS = {0: Version(C), 2: Version(X, Decimal("315"), "亿元", Kind.MONEY), 3: Version(R)}


@pytest.fixture
def adjudicated(shared):
    path, ids = shared
    for who, number, status, *value in DECISIONS:
        with Project.open(path, reviewer=who) as project:
            project.decide(ids[number], status, value=value[0] if value else None, unit="亿元" if value else None)
    with Project.open(path, reviewer="王裁定") as project:
        found = docket(project, "王裁定")
        assert [d.figure for d in found.disputes] == [ids[n] for n in FINALS]
        for number, version in FINALS.items():
            assert project.settle(ids[number], version, reviewer="王裁定") is not None
        assert docket(project, "王裁定").disputes == ()
    return path, ids


def test_the_approved_sheet_holds_the_final_decisions(adjudicated, tmp_path):
    path, ids = adjudicated
    out = tmp_path / "out.xlsx"
    with Project.open(path, read_only=True) as project:
        export(project, out, ExportOptions(language="en"))
    approved = pd.read_excel(out, sheet_name="Approved", dtype=str)
    rows = {(r["Figure as written"], r["Reviewer"], r["Value"], r["Unit"]) for _, r in approved.iterrows()}
    assert ("1200亿元", "王裁定", "120000000000", "元") in rows  # confirmed over 李四's rejection
    assert ("300亿元", "王裁定", "315", "亿元") in rows  # the adjudicator's own version
    assert not [r for r in rows if r[0] == "3.1%"]  # rejected over 李四's confirmation


def test_the_audit_log_keeps_every_reviewers_own_decision(adjudicated, tmp_path):
    path, _ids = adjudicated
    out = tmp_path / "out.xlsx"
    with Project.open(path, read_only=True) as project:
        export(project, out, ExportOptions(language="en"))
    log = pd.read_excel(out, sheet_name="Audit log", dtype=str)
    decided = log[log["Action"].notna()]
    reviewers = list(decided["Reviewer"])
    assert reviewers.count("张三") == 3 and reviewers.count("李四") == 3 and reviewers.count("王裁定") == 3


def test_a_confirmation_settled_over_a_correction_exports_the_value_as_extracted(shared, tmp_path):
    path, ids = shared
    with Project.open(path, reviewer="张三") as project:
        project.decide(ids[2], X, value="310", unit="亿元")  # 300亿元 corrected to 310亿元
    with Project.open(path, reviewer="王裁定") as project:
        project.settle(ids[2], Version(C), reviewer="王裁定")  # the figure as extracted is right
        out = tmp_path / "out.xlsx"
        export(project, out, ExportOptions(language="en"))
    approved = pd.read_excel(out, sheet_name="Approved", dtype=str)
    row = approved[approved["Figure as written"] == "300亿元"].iloc[0]
    assert (row["Value"], row["Unit"]) == ("30000000000", "元")
