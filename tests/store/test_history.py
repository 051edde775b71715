"""What the log names stays: figure ids are never reused, a figure with any history is never
deleted, anything a person wrote survives re-import, and a v2 file migrates with all of it."""
import sqlite3

from reviewer.extract import extract
from reviewer.model import Status
from reviewer.store import Project, schema, tables
from tests.store import schema_v2


def last_figure(project):
    return max(project.figures(project.seed_doc_id), key=lambda f: f.id)


def reextract_without(project, gone):
    doc = project.document(project.seed_doc_id)
    fresh = [f for f in extract(doc.text, doc.date) if (f.start, f.text) != (gone.start, gone.text)]
    return project.replace_figures(project.seed_doc_id, fresh, "2"), fresh


def test_figure_ids_are_never_reused_after_reextraction_deletes_one(project):
    gone = last_figure(project)  # the highest id: SQLite without AUTOINCREMENT hands it out again
    report, _ = reextract_without(project, gone)
    assert report["removed_pending"] == 1
    doc = project.document(project.seed_doc_id)
    project.replace_figures(project.seed_doc_id, extract(doc.text, doc.date), "3")  # it comes back: a new figure
    back = next(f for f in project.figures(project.seed_doc_id) if (f.start, f.text) == (gone.start, gone.text))
    assert back.id > gone.id


def test_redo_never_confirms_a_figure_nobody_reviewed(project):
    target = last_figure(project)
    project.decide(target.id, Status.CONFIRMED)
    project.undo()  # pending again, but the log names it
    report, _ = reextract_without(project, target)
    assert report["removed_pending"] == 0 and report["orphaned"] == 1
    kept = project.figure(target.id)
    assert kept.orphaned and kept.status is Status.PENDING
    doc = project.document(project.seed_doc_id)
    project.replace_figures(project.seed_doc_id, extract(doc.text, doc.date), "3")
    redone = project.redo()
    assert [e.figure_id for e in redone] == [target.id]
    others = [f for f in project.figures(project.seed_doc_id) if f.id != target.id]
    assert all(f.status is Status.PENDING for f in others)  # the redo reached no other figure
    assert all(e.figure_id in (None, target.id) for e in project.events() if e.action in ("decide", "undo", "redo"))


def test_a_note_on_a_pending_figure_survives_reimport(project):
    target = last_figure(project)
    project.set_note(target.id, "ask the author about this one")
    reextract_without(project, target)
    kept = project.figure(target.id)
    assert kept.note == "ask the author about this one" and kept.status is Status.PENDING and kept.orphaned


def test_a_note_written_and_cleared_keeps_the_figure_the_log_names(project):
    target = last_figure(project)
    project.set_note(target.id, "first thought")
    project.set_note(target.id, "")
    reextract_without(project, target)
    assert project.figure(target.id).orphaned
    assert [e.new["note"] for e in project.events(target.id)] == ["first thought", None]


def build_v2_file(path):
    """A real version-2 project, made by the version-2 schema code, with what v3 must carry over."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema_v2.create(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    rows = [("/data/paper.txt#1", "one"), ("/data/paper.txt#2", "two"), ("/data/report#3.txt", "hash in name")]
    for source, title in rows:
        conn.execute("INSERT INTO documents (source, title, format, size, sha256, text, imported_at)"
                     " VALUES (?, ?, 'txt', 3, 'x', '12件 13件 14件', 'now')", (source, title))
    for fid, start in ((1, 0), (2, 4), (3, 0)):
        conn.execute("INSERT INTO figures (id, document_id, start, end, text, kind, value, unit, engine_version,"
                     " status) VALUES (?, 1, ?, ?, '12件', 'quantity', '12', '件', '0', 'pending')",
                     (fid, start, start + 3))
    conn.execute("UPDATE figures SET status = 'confirmed' WHERE id = 1")
    for fid, action in ((1, "decide"), (3, "decide"), (3, "undo")):  # figure 3 was then deleted by v2
        conn.execute("INSERT INTO events (at, action, document_id, figure_id, old, new) VALUES ('now', ?, 1, ?,"
                     " '{\"status\": \"pending\"}', '{\"status\": \"confirmed\"}')", (action, fid))
    conn.execute("DELETE FROM figures WHERE id = 3")
    conn.close()


def test_a_v2_project_opens_and_migrates_with_its_data(tmp_path):
    path = tmp_path / "old.frp"
    build_v2_file(path)
    with Project.open(path) as project:
        assert project._raw.execute("PRAGMA user_version").fetchone()[0] == tables.SCHEMA_VERSION == 7
        assert [(d.source, d.article) for d in project.documents()] == [
            ("/data/paper.txt", 1), ("/data/paper.txt", 2), ("/data/report#3.txt", None)]
        assert project.figure(1).status is Status.CONFIRMED
        assert [e.command for e in project.events()] == [e.id for e in project.events()]
        doc = project.document(1)
        added = project.add_manual_figure(1, 8, 11, "quantity", "14", "件")
        assert added > 3  # 3 was deleted by v2 but the log names it: never handed out again
        assert project.undo() and project.figure(added).removed
        assert project.integrity_check() == "ok" and doc.text


def test_a_failed_migration_leaves_the_v2_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.frp"
    build_v2_file(path)

    def broken(conn):
        conn.execute("ALTER TABLE documents ADD COLUMN article INTEGER")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setitem(schema.MIGRATIONS, 3, broken)
    try:
        Project.open(path)
    except Exception as exc:
        assert "disk is full" in str(exc)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "article" not in [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
