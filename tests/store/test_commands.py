"""One review command is one transaction and one undo step, whatever number of figures it touches."""
import sqlite3

import pytest

from reviewer.model import Status
from reviewer.store import Project, StoreError


def test_decide_many_is_one_transaction_and_one_undo_step(project):
    figures = project.figures(project.seed_doc_id)[:5]
    events = project.decide_many([f.id for f in figures], Status.CONFIRMED)
    assert [e.figure_id for e in events] == [f.id for f in figures]
    assert len({e.command for e in events}) == 1
    assert all(project.figure(f.id).status is Status.CONFIRMED for f in figures)
    assert [e.id for e in project.peek_undo()] == [e.id for e in events]
    undone = project.undo()
    assert sorted(e.reverts for e in undone) == sorted(e.id for e in events)
    assert all(e.action == "undo" for e in undone) and len({e.command for e in undone}) == 1
    assert all(project.figure(f.id).status is Status.PENDING for f in figures)
    assert not project.can_undo() and project.can_redo()
    assert [e.id for e in project.peek_redo()] == [e.id for e in events]
    redone = project.redo()
    assert len(redone) == 5 and all(project.figure(f.id).status is Status.CONFIRMED for f in figures)
    assert project.peek_redo() == [] and project.redo() == []


def test_decide_many_changes_nothing_when_one_figure_fails(project):
    figures = project.figures(project.seed_doc_id)[:3]
    before = len(project.events())
    with pytest.raises(StoreError):
        project.decide_many([figures[0].id, 10**9, figures[1].id], Status.REJECTED)
    assert len(project.events()) == before
    assert all(project.figure(f.id).status is Status.PENDING for f in figures)


def test_a_failure_inside_the_transaction_rolls_back_every_figure(project):
    figures = project.figures(project.seed_doc_id)[:4]
    project._raw.execute("CREATE TEMP TRIGGER refuse_third BEFORE UPDATE ON figures WHEN NEW.id = "
                          f"{figures[2].id} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    with pytest.raises(StoreError):
        project.decide_many([f.id for f in figures], Status.CONFIRMED)
    project._raw.execute("DROP TRIGGER refuse_third")
    assert all(project.figure(f.id).status is Status.PENDING for f in figures)
    assert not project.can_undo()  # the window's stack and the file agree: nothing happened


def test_command_groups_survive_reopening(project):
    figures = project.figures(project.seed_doc_id)[:3]
    project.decide(figures[0].id, Status.REJECTED)
    project.decide_many([f.id for f in figures[1:]], Status.CONFIRMED)
    path = project.path
    project.close()
    with Project.open(path) as again:
        assert {e.figure_id for e in again.peek_undo()} == {figures[1].id, figures[2].id}
        again.undo()
        assert [e.figure_id for e in again.peek_undo()] == [figures[0].id]
        assert again.figure(figures[0].id).status is Status.REJECTED
        assert again.figure(figures[1].id).status is Status.PENDING


def test_undo_after_a_note_and_an_added_figure_each_one_step(project):
    f = project.figures(project.seed_doc_id)[0]
    project.set_note(f.id, "look again")
    assert [e.action for e in project.peek_undo()] == ["note"]
    assert len(project.undo()) == 1 and project.figure(f.id).note is None


def test_backup_is_a_whole_project_in_one_file_while_open(project, tmp_path):
    f = project.figures(project.seed_doc_id)[0]
    project.decide(f.id, Status.CONFIRMED)
    copy = tmp_path / "copy" / "saved.frp"
    copy.parent.mkdir()
    project.backup(copy)
    assert sorted(p.name for p in copy.parent.iterdir()) == ["saved.frp"]
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Project.open(copy, read_only=True) as saved:
        assert saved.figure(f.id).status is Status.CONFIRMED
        assert len(saved.events()) == len(project.events())


def test_backup_refuses_the_project_itself_and_its_other_names(project):
    with pytest.raises(StoreError, match="this project itself"):
        project.backup(project.path)
    link = project.path.with_name("other-name.frp")
    link.hardlink_to(project.path)
    with pytest.raises(StoreError, match="this project itself"):
        project.backup(link)


def test_a_closed_project_is_whole_without_its_wal(project):
    f = project.figures(project.seed_doc_id)[0]
    project.decide(f.id, Status.CONFIRMED)
    path = project.path
    project.close()
    assert not path.with_name(path.name + "-wal").exists() or path.with_name(path.name + "-wal").stat().st_size == 0
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    with Project.open(path, read_only=True) as again:
        assert again.figure(f.id).status is Status.CONFIRMED
