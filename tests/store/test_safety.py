"""Nothing shown as saved is ever lost; bad project files are refused and left untouched."""
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.model import Status
from reviewer.store import (
    NotAProject,
    Project,
    ProjectDamaged,
    ProjectLocked,
    ReadOnlyProject,
    WriteFailed,
    schema,
    tables,
)

WRITER = r"""
import sys
from reviewer.model import Status
from reviewer.store import Project
project = Project.open(sys.argv[1], reviewer="writer")
figures = project.figures()
i = 0
while True:
    f = figures[i % len(figures)]
    event = project.decide(f.id, [Status.CONFIRMED, Status.REJECTED, Status.PENDING][i % 3], note=f"n{i}")
    if event is not None:  # None: the figure already held this decision (a later round), nothing written
        print(event.id, flush=True)  # shown as saved only after the commit returned
    i += 1
"""


def test_kill_minus_nine_mid_stream_loses_nothing_shown_as_saved(project):
    path = project.path
    project.close()
    rng = random.Random(7)
    for round_ in range(12):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        saved = [int(child.stdout.readline())]  # the writer is up and has saved once: now the clock runs
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            saved.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        with Project.open(path, reviewer="checker") as check:
            assert check.integrity_check() == "ok"
            ids = {e.id for e in check.events()}
            assert set(saved) <= ids, f"round {round_}: events reported saved are missing"
            last = check.event(saved[-1])
            figure = check.figure(last.figure_id)
            # the figure holds the last saved decision or a later one, never an older state
            later = [e for e in check.events(last.figure_id) if e.id >= last.id]
            assert figure.note == later[-1].new.get("note", figure.note)


def test_a_second_program_gets_a_clear_message_and_may_read(project):
    with pytest.raises(ProjectLocked, match="open in another program"):
        Project.open(project.path)
    with Project.open(project.path, read_only=True) as viewer:
        assert viewer.figures()
        with pytest.raises(ReadOnlyProject):
            viewer.decide(viewer.figures()[0].id, Status.CONFIRMED)


def test_the_lock_goes_with_the_program_that_held_it(project):
    path = project.path
    project.close()
    child = subprocess.Popen([sys.executable, "-c", "import sys,time; from reviewer.store import Project;"
                              " p = Project.open(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(path)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    with pytest.raises(ProjectLocked, match="process"):
        Project.open(path)
    child.kill()
    child.wait()
    child.stdout.close()
    with Project.open(path) as again:
        assert again.documents()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_not_a_project_is_refused_and_untouched(tmp_path):
    text = tmp_path / "notes.frp"
    text.write_text("just some notes, 受理案件1425918件\n" * 50, encoding="utf-8")
    before = digest(text)
    with pytest.raises(NotAProject, match="not a figure-reviewer project"):
        Project.open(text)
    assert digest(text) == before
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(NotAProject, match="another program"):
        Project.open(other)
    assert digest(other) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_a_damaged_project_gets_a_clear_error_and_is_left_as_it_is(project):
    path = project.path
    project.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):  # scribble over every page after the schema
        data[offset:offset + 200] = os.urandom(200)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(ProjectDamaged, match="damaged"):
        with Project.open(path, read_only=True) as damaged:
            damaged.figures()
            damaged.integrity_check()
            raise AssertionError("reading a scribbled file should have failed")
    assert digest(path) == before


def test_a_full_disk_fails_clearly_and_keeps_the_last_good_state(project):
    figures = project.figures()
    project.decide(figures[0].id, Status.CONFIRMED)
    conn = project._raw
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: as on a full disk
    with pytest.raises(WriteFailed, match="disk is full"):
        for f in figures[1:]:
            project.decide(f.id, Status.REJECTED, note="x" * 3000)
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert project.figure(figures[0].id).status is Status.CONFIRMED
    assert project.integrity_check() == "ok"
    saved = [e for e in project.events() if e.action == "decide"]
    assert all(project.figure(e.figure_id).status is not Status.PENDING for e in saved)


def test_a_read_only_location_fails_with_a_clear_message(tmp_path, monkeypatch):
    import reviewer.store.lock as lock

    real = lock.open_file

    def read_only_folder(where, flags, mode=0o644):
        if Path(where).parent == tmp_path and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(where))
        return real(where, flags, mode)

    monkeypatch.setattr(lock, "open_file", read_only_folder)  # the store's own file opening, nothing else
    with pytest.raises(ReadOnlyProject, match="read-only"):
        Project.open(tmp_path / "new.frp", create=True)
    assert list(tmp_path.iterdir()) == []


def test_an_older_project_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "old.frp"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    for statement in schema._statements(schema.V1):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents (source, title, format, size, sha256, text, imported_at)"
                 " VALUES ('a.txt', 'A', 'txt', 3, 'x', '12件', 'now')")
    conn.execute("INSERT INTO figures (document_id, start, end, text, kind, value, unit, engine_version, status)"
                 " VALUES (1, 0, 3, '12件', 'quantity', '12', '件', '0', 'confirmed')")
    conn.close()
    with Project.open(path) as project:
        assert project._raw.execute("PRAGMA user_version").fetchone()[0] == tables.SCHEMA_VERSION
        figure = project.figures()[0]
        assert figure.status is Status.CONFIRMED and not figure.orphaned


def test_a_project_from_a_newer_version_is_refused(project):
    path = project.path
    project._raw.execute(f"PRAGMA user_version = {tables.SCHEMA_VERSION + 1}")
    project.close()
    from reviewer.store import ProjectTooNew

    with pytest.raises(ProjectTooNew, match="newer"):
        Project.open(path)
