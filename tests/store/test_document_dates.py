"""A document's date and reporting period (schema v5): a v4 file migrated with everything kept,
and changing the date as one command (one transaction, one undo step) that re-extracts the
document under it, every decision kept; a date that cannot be read is refused."""
import datetime as dt
import sqlite3

import pytest

from reviewer.commands.dates import set_document_dates
from reviewer.commands.importing import import_documents
from reviewer.documents.table_json import tables_to_json
from reviewer.documents.tables import find_text_tables
from reviewer.model import Period, Status
from reviewer.store import Project, StoreError, tables
from reviewer.store.dates import BadDate, parse_date, parse_period
from tests.store import schema_v4

# 今年 and 去年 are read against the document's date: moving the date moves their periods
TEXT = "今年全市生产总值增长5.2%，去年完成投资300亿元。\n全年新增就业12万人。\n"


def imported(tmp_path, text=TEXT, name="report.txt"):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    project = Project.open(tmp_path / "p.frp", create=True, reviewer="张三")
    import_documents(project, [source], report=lambda m: None)
    return project


def by_text(project, doc_id=1):
    return {f.text: f for f in project.figures(doc_id)}


# ---------------------------------------------------------------- reading what a reviewer types

@pytest.mark.parametrize("text, expected", [
    ("2024-01-15", dt.date(2024, 1, 15)), ("2024/1/5", dt.date(2024, 1, 5)), ("2024.1.5", dt.date(2024, 1, 5)),
    ("2024年1月15日", dt.date(2024, 1, 15)), (" 2026-01-20 ", dt.date(2026, 1, 20)),
])
def test_dates_as_a_reviewer_writes_them(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2024-13-01", "2024-02-30", "20240115", "next week", "", "0024-01-01", "2024-01"])
def test_a_date_that_cannot_be_read_is_one_line_naming_it(text):
    with pytest.raises(BadDate) as caught:
        parse_date(text)
    message = str(caught.value)
    assert "\n" not in message and (text.strip() or "“”") in message


@pytest.mark.parametrize("label, start, end", [
    ("2025", "2025-01-01", "2025-12-31"), ("2025-01/2025-11", "2025-01-01", "2025-11-30"),
    ("2024-09-04", "2024-09-04", "2024-09-04"), ("2008/2012", "2008-01-01", "2012-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"), ("2025-01-01/2025-06-30", "2025-01-01", "2025-06-30"),
])
def test_reporting_periods_are_the_labels_the_table_shows(label, start, end):
    period = parse_period(label)
    assert (period.start, period.end) == (start, end) and period.label() == label.replace("-01-01/2025-06-30",
                                                                                          "-01/2025-06")


@pytest.mark.parametrize("label", ["2025-13", "2025/2024", "2025-01/2026", "二〇二五", "2025//2026", ""])
def test_a_reporting_period_that_cannot_be_read_is_refused(label):
    with pytest.raises(BadDate):
        parse_period(label)


# ---------------------------------------------------------------- the command

def test_a_new_date_moves_every_relative_period_and_keeps_every_decision(tmp_path):
    with imported(tmp_path) as project:
        figures = by_text(project)
        project.decide(figures["5.2%"].id, Status.CONFIRMED)
        project.decide(figures["300亿元"].id, Status.CORRECTED, value="310", note="核对原文")
        project.decide(figures["12万人"].id, Status.REJECTED)
        before = {f.id: f for f in project.figures(1)}
        report = set_document_dates(project, 1, dt.date(2024, 3, 1), None)
        assert report is not None and report["kept"] == 3 and report["orphaned"] == 0 and report["new"] == 0
        doc = project.document(1)
        assert doc.date == dt.date(2024, 3, 1) and doc.reporting is None
        after = by_text(project)
        assert (after["5.2%"].period, after["5.2%"].period_start, after["5.2%"].period_end) == (
            "2024", "2024-01-01", "2024-12-31")
        assert (after["300亿元"].period, after["300亿元"].period_start) == ("2023", "2023-01-01")
        for f in after.values():  # the same rows, ids and decisions
            old = before[f.id]
            assert (f.status, f.corrected_value, f.note, f.reviewer) == (
                old.status, old.corrected_value, old.note, old.reviewer)
        set_document_dates(project, 1, dt.date(2021, 12, 1), None)
        assert by_text(project)["300亿元"].period == "2020" and by_text(project)["5.2%"].status is Status.CONFIRMED


def test_the_change_is_one_undo_step_logged_with_old_and_new(tmp_path):
    with imported(tmp_path) as project:
        confirmed = by_text(project)["5.2%"]
        project.decide(confirmed.id, Status.CONFIRMED)
        events = len(project.events())
        set_document_dates(project, 1, dt.date(2024, 3, 1), Period("2023-01-01", "2023-12-31", "2023"))
        step = project.peek_undo()
        assert {e.action for e in step} == {"date"} and len({e.command for e in step}) == 1
        assert len(project.events()) == events + len(step)
        head = step[0]
        assert head.figure_id is None and head.document_id == 1
        assert head.old["doc_date"] is None and head.new["doc_date"] == "2024-03-01"
        assert head.new["reporting_start"] == "2023-01-01" and head.new["reporting_text"] == "2023"
        assert project.document(1).reporting == Period("2023-01-01", "2023-12-31", "2023")

        project.undo()  # one undo: the date, the period and every figure's period as they were
        doc = project.document(1)
        assert doc.date is None and doc.reporting is None
        assert all(f.period is None and f.period_start is None for f in project.figures(1))
        assert project.figure(confirmed.id).status is Status.CONFIRMED  # the decision before it stays
        assert project.peek_undo()[0].action == "decide"
        project.redo()
        assert project.document(1).date == dt.date(2024, 3, 1) and by_text(project)["5.2%"].period == "2024"


def test_the_undo_step_survives_reopening(tmp_path):
    with imported(tmp_path) as project:
        set_document_dates(project, 1, dt.date(2024, 3, 1), None)
    with Project.open(tmp_path / "p.frp") as project:
        assert project.peek_undo()[0].action == "date"
        project.undo()
        assert project.document(1).date is None


def test_the_same_date_again_writes_nothing(tmp_path):
    with imported(tmp_path) as project:
        set_document_dates(project, 1, dt.date(2024, 3, 1), None)
        events = len(project.events())
        assert set_document_dates(project, 1, dt.date(2024, 3, 1), None) is None
        assert len(project.events()) == events


def test_figures_found_only_under_one_date_come_and_go_with_undo(tmp_path):
    """A figure the new extraction finds no more is hidden, not deleted, so undo shows it again."""
    from reviewer.extract import ENGINE_VERSION

    with imported(tmp_path) as project:
        ids = {f.id for f in project.figures(1)}
        kept = [f for f in project.figures(1) if f.text != "12万人"]
        from reviewer.commands.dates import extract_under, request

        req = request(project, 1, dt.date(2024, 3, 1), None)
        fresh = [f for f in extract_under(req) if f.text != "12万人"]  # as if the engine no longer saw it
        report = project.set_document_dates(1, req.date, None, fresh, ENGINE_VERSION)
        assert report["removed_pending"] == 1 and {f.id for f in project.figures(1)} == {f.id for f in kept}
        project.undo()
        assert {f.id for f in project.figures(1)} == ids


@pytest.mark.parametrize("bad", ["2024-13-01", "soon"])
def test_a_bad_date_is_refused_and_nothing_changes(tmp_path, bad):
    from reviewer.extract import ENGINE_VERSION

    with imported(tmp_path) as project:
        figures = project.figures(1)
        events = project.events()
        with pytest.raises(StoreError, match=bad):
            project.set_document_dates(1, bad, None, [], ENGINE_VERSION)
        with pytest.raises(StoreError, match="2025/2024"):
            project.set_document_dates(1, "2024-03-01", "2025/2024", [], ENGINE_VERSION)
        with pytest.raises(StoreError):
            project.set_document_dates(1, None, Period("2025-12-31", "2025-01-01", "x"), [], ENGINE_VERSION)
        assert project.figures(1) == figures and project.events() == events and project.document(1).date is None


def test_reextraction_reads_the_reporting_period_the_reviewer_set(tmp_path, monkeypatch):
    """`reviewer reextract` hands the engine the stored date and reporting period."""
    import reviewer.commands.importing as importing
    from reviewer.commands.project import run_reextract

    with imported(tmp_path) as project:
        set_document_dates(project, 1, dt.date(2024, 1, 20), Period("2023-01-01", "2023-12-31", "2023"))
    seen = []
    engine = importing.extract
    monkeypatch.setattr(importing, "extract", lambda text, date, **kw: seen.append((date, kw.get("reporting")))
                        or engine(text, date, **kw))
    monkeypatch.setattr(importing.figures_of, "__defaults__", (importing.extract, None))
    assert run_reextract(tmp_path / "p.frp", "张三") == 0
    assert seen == [(dt.date(2024, 1, 20), Period("2023-01-01", "2023-12-31", "2023"))]


# ---------------------------------------------------------------- a file made by version 4

V4_TEXT = "全年受理案件1425918件。\n\n表1 人口\n\n单位：万人\n\n| 指标 | 年末数 |\n|---|---|\n| 全国总人口 | 139538 |\n"


def build_v4_file(path):
    """A project as version 4 wrote it: a document with its date and tables, figures with period
    labels and decisions of every kind, a note, a figure added by hand, and a log of commands."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema_v4.create(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("INSERT INTO documents (source, article, title, doc_date, format, size, sha256, text, page_starts,"
                 " tables, imported_at) VALUES ('/data/people.md', NULL, '人口', '2026-01-20', 'md', 99, 'sha', ?,"
                 " '[]', ?, '2026-01-21T00:00:00')", (V4_TEXT, tables_to_json(find_text_tables(V4_TEXT))))
    start = V4_TEXT.index("139538")
    rows = [(6, 14, "1425918件", "1425918", "件", "2025", "confirmed", None, None, 0, None),
            (start, start + 6, "139538", "1395380000", "人", "2025-01/2025-11", "corrected", "1395390000", "核对",
             0, "全国总人口"),
            (0, 2, "全年", None, None, "全年", "rejected", None, None, 0, None),
            (start, start + 3, "139", "139", None, None, "pending", None, "手工", 1, None)]
    for s, e, text, value, unit, period, status, corrected, note, manual, row_label in rows:
        conn.execute("INSERT INTO figures (document_id, start, end, text, kind, value, unit, period, engine_version,"
                     " status, corrected_value, note, manual, reviewer, decided_at, row_label) VALUES"
                     " (1, ?, ?, ?, 'quantity', ?, ?, ?, '8', ?, ?, ?, ?, '李四', '2026-01-22T00:00:00', ?)",
                     (s, e, text, value, unit, period, status, corrected, note, manual, row_label))
    for fid, action, command in ((1, "decide", None), (2, "decide", 2), (3, "decide", 2), (4, "add", None)):
        cursor = conn.execute("INSERT INTO events (at, reviewer, action, document_id, figure_id, old, new, command)"
                              " VALUES ('2026-01-22', '李四', ?, 1, ?, '{\"status\": \"pending\"}',"
                              " '{\"status\": \"confirmed\"}', ?)", (action, fid, command))
        if command is None:
            conn.execute("UPDATE events SET command = id WHERE id = ?", (cursor.lastrowid,))
    conn.close()


def snapshot(path, table):
    conn = sqlite3.connect(path)
    rows = [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    conn.close()
    return rows


def test_a_v4_project_opens_with_every_decision_and_event(tmp_path):
    path = tmp_path / "old.frp"
    build_v4_file(path)
    figures, events, documents = snapshot(path, "figures"), snapshot(path, "events"), snapshot(path, "documents")
    with Project.open(path, reviewer="张三") as project:
        assert project._raw.execute("PRAGMA user_version").fetchone()[0] == tables.SCHEMA_VERSION == 7
        assert project.integrity_check() == "ok"
        doc = project.document(1)
        assert doc.date == dt.date(2026, 1, 20) and doc.reporting is None and doc.text == V4_TEXT
        assert [(f.status, f.note, f.manual, f.period, f.period_start, f.period_end) for f in project.figures(1)] == [
            (Status.REJECTED, None, False, "全年", None, None),  # a label that is no period: no dates
            (Status.CONFIRMED, None, False, "2025", "2025-01-01", "2025-12-31"),
            (Status.CORRECTED, "核对", False, "2025-01/2025-11", "2025-01-01", "2025-11-30"),
            (Status.PENDING, "手工", True, None, None, None)]
        assert project.peek_undo()[0].action == "add"
        assert project.undo() and len(project.peek_undo()) == 2  # the v4 log still undoes, command by command
    width = len(figures[0])
    after = snapshot(path, "figures")
    assert [row[:width] for row in after][:3] == figures[:3]  # every v4 column as it was
    assert snapshot(path, "events")[:4] == events
    assert [row[:len(documents[0])] for row in snapshot(path, "documents")] == documents
    v4_width = len(documents[0])
    assert [row[v4_width:v4_width + 3] for row in snapshot(path, "documents")] == [(None, None, None)]


def test_a_migrated_v4_document_takes_a_new_date(tmp_path):
    path = tmp_path / "old.frp"
    build_v4_file(path)
    with Project.open(path, reviewer="张三") as project:
        set_document_dates(project, 1, dt.date(2025, 1, 15), None)
        statuses = {f.text: f.status for f in project.figures(1) if not f.orphaned}
        assert statuses["1425918件"] is Status.CONFIRMED and statuses["139538"] is Status.CORRECTED
        assert project.document(1).date == dt.date(2025, 1, 15)
        project.undo()
        assert project.document(1).date == dt.date(2026, 1, 20)
        assert [f.period for f in project.figures(1)][1:3] == ["2025", "2025-01/2025-11"]


def test_a_changed_source_imported_again_keeps_the_date_the_reviewer_set(tmp_path):
    with imported(tmp_path) as project:
        decided = by_text(project)["300亿元"]
        project.decide(decided.id, Status.CONFIRMED)
        set_document_dates(project, 1, dt.date(2024, 3, 1), Period("2023-01-01", "2023-12-31", "2023"))
        (tmp_path / "report.txt").write_text(TEXT + "今年新增企业500家。\n", encoding="utf-8")
        import_documents(project, [tmp_path / "report.txt"], report=lambda m: None)
        doc = project.document(1)
        assert doc.date == dt.date(2024, 3, 1) and doc.reporting.label() == "2023"
        after = by_text(project)
        assert after["500家"].period == "2024" and after["300亿元"].period == "2023"
        assert project.figure(decided.id).status is Status.CONFIRMED
