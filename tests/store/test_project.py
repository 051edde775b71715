"""A project file: documents, figures, decisions and the event log, read back from disk."""
from decimal import Decimal

import pytest

from reviewer.model import Kind, Status
from reviewer.store import Project, StoreError


def reopen(project):
    path = project.path
    project.close()
    return Project.open(path, reviewer="tester")


def test_import_stores_the_document_and_its_figures(project):
    docs = project.documents()
    assert len(docs) == 1 and docs[0].title == "软硬件升级链接全世界"
    figures = project.figures(project.seed_doc_id)
    assert figures and all(f.status is Status.PENDING for f in figures)
    doc = project.document(project.seed_doc_id)
    assert all(doc.text[f.start:f.end] == f.text for f in figures)
    money = next(f for f in figures if f.text == "80.6亿美元")
    assert money.value == Decimal("8060000000") and money.unit == "美元" and money.engine_version


def test_decisions_survive_reopening(project):
    figures = project.figures(project.seed_doc_id)
    a, b, c = figures[0], figures[1], figures[2]
    project.decide(a.id, Status.CONFIRMED)
    project.decide(b.id, Status.REJECTED, note="a title, not a figure")
    project.decide(c.id, Status.CORRECTED, value="81.6", unit="亿美元", kind="money", indicator="完成额")
    project = reopen(project)
    try:
        assert project.figure(a.id).status is Status.CONFIRMED
        assert project.figure(b.id).note == "a title, not a figure"
        corrected = project.figure(c.id)
        assert corrected.status is Status.CORRECTED
        assert corrected.final_value == Decimal("81.6") and corrected.final_unit == "亿美元"
        assert corrected.final_kind is Kind.MONEY and corrected.final_indicator == "完成额"
        assert corrected.value == c.value  # the original is kept beside the correction
        assert corrected.reviewer == "tester" and corrected.decided_at
        p = project.progress()
        assert (p.confirmed, p.rejected, p.corrected, p.reviewed) == (1, 1, 1, 3)
    finally:
        project.close()


def test_every_change_is_in_the_event_log_with_old_and_new(project):
    f = project.figures(project.seed_doc_id)[0]
    project.decide(f.id, Status.CONFIRMED)
    project.decide(f.id, Status.REJECTED)
    project.set_note(f.id, "checked against the source")
    log = [e for e in project.events() if e.figure_id == f.id]
    assert [e.action for e in log] == ["decide", "decide", "note"]
    assert log[0].old["status"] == "pending" and log[0].new["status"] == "confirmed"
    assert log[1].old["status"] == "confirmed" and log[1].new["status"] == "rejected"
    assert log[2].new["note"] == "checked against the source"
    assert all(e.reviewer == "tester" and e.at for e in log)


def test_undo_and_redo_walk_the_log_and_persist(project):
    f, g = project.figures(project.seed_doc_id)[:2]
    project.decide(f.id, Status.CONFIRMED)
    project.decide(g.id, Status.REJECTED)
    project.undo()
    assert project.figure(g.id).status is Status.PENDING
    project.undo()
    assert project.figure(f.id).status is Status.PENDING
    assert project.undo() == []
    project.redo()
    assert project.figure(f.id).status is Status.CONFIRMED
    project = reopen(project)  # the stacks are rebuilt from the log
    try:
        assert project.can_redo()
        project.redo()
        assert project.figure(g.id).status is Status.REJECTED
        assert not project.can_redo()
        project.undo()
        project.decide(f.id, Status.REJECTED)  # a new action clears what could be redone
        assert not project.can_redo()
        actions = [e.action for e in project.events()]
        assert actions.count("undo") == 3 and actions.count("redo") == 2
    finally:
        project.close()


def test_a_missed_figure_added_by_hand(project):
    doc = project.document(project.seed_doc_id)
    at = doc.text.index("一个个鲜活")
    fid = project.add_manual_figure(project.seed_doc_id, at, at + 1, "quantity", "1", "个", indicator="案例")
    added = project.figure(fid)
    assert added.manual and added.status is Status.CONFIRMED and added.text == "一"
    project.undo()
    assert project.figure(fid).removed
    assert fid not in [f.id for f in project.figures(project.seed_doc_id)]
    project.redo()
    assert not project.figure(fid).removed


def test_a_manual_figure_may_not_overlap_a_listed_one(project):
    f = project.figures(project.seed_doc_id)[0]
    with pytest.raises(StoreError, match="overlaps"):
        project.add_manual_figure(project.seed_doc_id, f.start, f.end, "quantity", "1", "个")


def test_progress_per_document(project):
    f = project.figures(project.seed_doc_id)[0]
    project.decide(f.id, Status.CONFIRMED)
    per_doc = project.progress_by_document()[project.seed_doc_id]
    assert per_doc.reviewed == 1 and per_doc.total == len(project.figures(project.seed_doc_id))
    assert 0 < per_doc.share < 1


def test_filters_by_status_and_kind(project):
    f = project.figures(project.seed_doc_id, kind=Kind.RANK)[0]
    project.decide(f.id, Status.REJECTED)
    assert [x.id for x in project.figures(status=Status.REJECTED)] == [f.id]
    assert all(x.kind is Kind.RANK for x in project.figures(kind="rank"))
