"""`reviewer backup PROJECT -o COPY.frp`: a copy that opens and holds everything, also while the
window has the project open with decisions still in its write-ahead log."""
import os

from reviewer.commands.importing import import_documents
from reviewer.model import Status
from reviewer.store import Project
from tests.cli.helpers import one_line, run
from tests.conftest import SEEDS


def snapshot(project):
    return ([(d.source, d.article, d.title, d.sha256) for d in project.documents()],
            [(f.id, f.text, f.status, f.corrected_value, f.note) for f in project.figures()],
            [(e.id, e.action, e.figure_id) for e in project.events()])


def test_the_copy_holds_everything_while_the_original_is_open(tmp_path):
    original, copy = tmp_path / "review.frp", tmp_path / "copy.frp"
    with Project.open(original, create=True, reviewer="张三") as project:
        import_documents(project, sorted(SEEDS.glob("*.txt"))[:2], report=lambda m: None)
        figures = project.figures()
        project.decide(figures[0].id, Status.CONFIRMED)
        project.decide(figures[1].id, Status.CORRECTED, value="42")
        project.set_note(figures[2].id, "还没写进主文件")
        wal = tmp_path / "review.frp-wal"
        assert wal.exists() and wal.stat().st_size > 0  # the last decisions live in the log only
        result = run("backup", original, "-o", copy)
        assert result.returncode == 0, result.stderr
        assert "copied to" in one_line(result.stderr)
        expected = snapshot(project)
    assert not os.path.exists(f"{copy}-wal")
    with Project.open(copy, read_only=True) as backup:
        assert snapshot(backup) == expected
        assert backup.figure(figures[2].id).note == "还没写进主文件"
        assert backup.integrity_check() == "ok"


def test_a_backup_onto_the_project_itself_is_refused(tmp_path):
    original = tmp_path / "review.frp"
    with Project.open(original, create=True) as project:
        import_documents(project, [SEEDS / "001_c85b7cdc4e083cd4.txt"], report=lambda m: None)
    before = original.read_bytes()
    result = run("backup", original, "-o", original)
    assert result.returncode == 2 and "itself" in one_line(result.stderr)
    assert original.read_bytes() == before


def test_a_backup_of_something_that_is_no_project(tmp_path):
    fake = tmp_path / "fake.frp"
    fake.write_text("hello", encoding="utf-8")
    result = run("backup", fake, "-o", tmp_path / "copy.frp")
    assert result.returncode == 2 and "not a figure-reviewer project" in one_line(result.stderr)
    assert not (tmp_path / "copy.frp").exists()
