"""Schema v6: the reviewer's decisions on the checks' findings and the project's reference rows,
each change one command of the event log (undone and redone like a decision on a figure), and a
v5 file migrated with everything kept."""
import sqlite3
from decimal import Decimal

import pytest

from reviewer.checks.reference import ReferenceRow
from reviewer.model import Status
from reviewer.store import Project, StoreError, tables
from tests.store import schema_v5

KEY = "part-exceeds-total|a.txt:3-10,a.txt:20-27"


def rows(*values, file="ref.csv"):
    return [ReferenceRow(indicator, period, Decimal(value), unit, source="统计公报", file=file, line=n)
            for n, (indicator, period, value, unit) in enumerate(values, start=1)]


def test_accepting_a_finding_is_one_undoable_command(project):
    event = project.accept_finding(KEY, "part-exceeds-total", "口径不同", message="其中 part … total")
    assert event.action == "finding" and event.new["state"] == "accepted"
    decision = project.finding_decisions()[KEY]
    assert (decision.state, decision.reason, decision.reviewer, decision.rule) == (
        "accepted", "口径不同", "tester", "part-exceeds-total")
    assert project.peek_undo()[0].action == "finding"
    project.undo()
    assert project.finding_decisions() == {}
    project.redo()
    assert project.finding_decisions()[KEY].reason == "口径不同"


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_finding_is_accepted_only_with_a_reason(project, reason):
    before = len(project.events())
    with pytest.raises(StoreError):
        project.accept_finding(KEY, "part-exceeds-total", reason)
    assert len(project.events()) == before and project.finding_decisions() == {}


def test_accepting_again_for_the_same_reason_records_nothing(project):
    project.accept_finding(KEY, "part-exceeds-total", "口径不同")
    before = len(project.events())
    assert project.accept_finding(KEY, "part-exceeds-total", "口径不同") is None
    assert len(project.events()) == before
    project.accept_finding(KEY, "part-exceeds-total", "修约")
    assert project.finding_decisions()[KEY].reason == "修约"
    project.undo()
    assert project.finding_decisions()[KEY].reason == "口径不同"


def test_reopening_takes_the_decision_back_and_undo_restores_it(project):
    assert project.reopen_finding(KEY) is None
    project.accept_finding(KEY, "part-exceeds-total", "口径不同")
    project.reopen_finding(KEY)
    assert project.finding_decisions() == {}
    project.undo()
    assert project.finding_decisions()[KEY].reason == "口径不同"


def test_decisions_on_findings_and_figures_share_one_history(project):
    figure = project.figures(project.seed_doc_id)[0]
    project.decide(figure.id, Status.CONFIRMED)
    project.accept_finding(KEY, "part-exceeds-total", "口径不同")
    project.undo()
    assert project.finding_decisions() == {} and project.figure(figure.id).status is Status.CONFIRMED
    project.undo()
    assert project.figure(figure.id).status is Status.PENDING


def test_decisions_survive_a_reopen_and_undo_still_walks_them(project_path, project):
    project.accept_finding(KEY, "part-exceeds-total", "口径不同")
    project.close()
    with Project.open(project_path, reviewer="tester") as again:
        assert again.finding_decisions()[KEY].reason == "口径不同"
        again.undo()
        assert again.finding_decisions() == {}


def test_a_reference_table_is_one_command_and_reimporting_its_file_replaces_its_rows(project):
    project.import_reference(rows(("地区生产总值", "2023", "1000", "亿元"), ("常住人口", "2023", "12.5", "万人")),
                             "ref.csv")
    project.import_reference(rows(("进出口总额", "2023", "80.6", "亿美元"), file="other.xlsx"), "other.xlsx")
    assert [(r.file, r.line, r.indicator, r.value) for r in project.reference_rows()] == [
        ("other.xlsx", 1, "进出口总额", Decimal("80.6")),
        ("ref.csv", 1, "地区生产总值", Decimal("1000")),
        ("ref.csv", 2, "常住人口", Decimal("12.5"))]
    project.import_reference(rows(("地区生产总值", "2023", "1001", "亿元")), "ref.csv")
    assert [(r.file, r.value, r.source) for r in project.reference_rows()] == [
        ("other.xlsx", Decimal("80.6"), "统计公报"), ("ref.csv", Decimal("1001"), "统计公报")]
    project.undo()
    assert [r.value for r in project.reference_rows()] == [Decimal("80.6"), Decimal("1000"), Decimal("12.5")]
    project.undo()
    project.undo()
    assert project.reference_rows() == []
    project.redo()
    assert [r.file for r in project.reference_rows()] == ["ref.csv", "ref.csv"]


def test_a_read_only_project_refuses_decisions_on_findings(project_path, project):
    project.close()
    with Project.open(project_path, read_only=True) as reader, pytest.raises(StoreError):
        reader.accept_finding(KEY, "part-exceeds-total", "口径不同")


# ---------------------------------------------------------------- a file made by version 5

V5_TEXT = "全市规模以上工业增加值1000亿元，其中，高技术制造业增加值1200亿元。\n"


def build_v5_file(path):
    """A project as version 5 wrote it: a document with its reporting period, figures with
    period dates and decisions, a log of commands."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema_v5.create(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("INSERT INTO documents (source, article, title, doc_date, format, size, sha256, text, page_starts,"
                 " tables, imported_at, reporting_start, reporting_end, reporting_text) VALUES ('/data/a.txt', NULL,"
                 " '工业', '2024-01-20', 'txt', 99, 'sha', ?, '[]', '[]', '2024-01-21T00:00:00', '2023-01-01',"
                 " '2023-12-31', '2023')", (V5_TEXT,))
    figures = ((11, 17, "1000亿元", "100000000000", "confirmed", None),
               (30, 36, "1200亿元", "120000000000", "corrected", "12000000000"))
    for start, end, text, value, status, corrected in figures:
        conn.execute("INSERT INTO figures (document_id, start, end, text, kind, value, unit, period, period_start,"
                     " period_end, engine_version, status, corrected_value, reviewer, decided_at) VALUES"
                     " (1, ?, ?, ?, 'money', ?, '元', '2023', '2023-01-01', '2023-12-31', '9', ?, ?, '李四',"
                     " '2024-01-22T00:00:00')", (start, end, text, value, status, corrected))
    for fid in (1, 2):
        cursor = conn.execute("INSERT INTO events (at, reviewer, action, document_id, figure_id, old, new) VALUES"
                              " ('2024-01-22', '李四', 'decide', 1, ?, '{\"status\": \"pending\"}',"
                              " '{\"status\": \"confirmed\"}')", (fid,))
        conn.execute("UPDATE events SET command = id WHERE id = ?", (cursor.lastrowid,))
    conn.close()


def snapshot(path, table):
    conn = sqlite3.connect(path)
    found = [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    conn.close()
    return found


def test_a_v5_project_opens_with_everything_kept_and_takes_decisions_on_findings(tmp_path):
    path = tmp_path / "old.frp"
    build_v5_file(path)
    before = {table: snapshot(path, table) for table in ("documents", "figures", "events")}
    with Project.open(path, reviewer="张三") as project:
        assert project._raw.execute("PRAGMA user_version").fetchone()[0] == tables.SCHEMA_VERSION == 7
        assert project.integrity_check() == "ok"
        assert project.finding_decisions() == {} and project.reference_rows() == []
        assert [f.final_value for f in project.figures(1)] == [Decimal("100000000000"), Decimal("12000000000")]
        project.accept_finding(KEY, "part-exceeds-total", "口径不同")
        project.import_reference(rows(("规模以上工业增加值", "2023", "1000", "亿元")), "ref.csv")
    # every v5 column as it was (v7 adds columns after them)
    for table in ("documents", "figures"):
        assert [row[: len(before[table][0])] for row in snapshot(path, table)] == before[table]
    assert snapshot(path, "events")[:2] == before["events"]
    with Project.open(path, reviewer="张三") as project:
        assert project.finding_decisions()[KEY].reason == "口径不同"
        assert [r.indicator for r in project.reference_rows()] == ["规模以上工业增加值"]
        project.undo()
        project.undo()
        assert project.finding_decisions() == {} and project.reference_rows() == []
        project.undo()
        assert project.figure(2).status is Status.PENDING  # the v5 log still undoes
