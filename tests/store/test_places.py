"""Where a project lives and what is in its text: a full disk or a crafted file while creating or
opening, a folder where the -shm file cannot be made, lock files that cannot be opened, lone
surrogates in stored text, a crash that leaves the log behind."""
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.display import shown
from reviewer.documents.base import Document
from reviewer.model import Figure, Kind, Status
from reviewer.store import (
    Project,
    ProjectDamaged,
    ProjectLocked,
    ReadOnlyProject,
    StoreError,
    WriteFailed,
    lock,
    schema,
    tables,
)

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_a_full_disk_while_creating_leaves_no_project_behind(tmp_path, monkeypatch):
    real = schema.create

    def on_a_full_disk(conn):
        conn.execute("PRAGMA max_page_count = 2")  # SQLite itself then runs out of room mid-schema
        real(conn)

    monkeypatch.setattr(schema, "create", on_a_full_disk)
    with pytest.raises(WriteFailed, match="disk is full") as caught:
        Project.open(tmp_path / "new.frp", create=True)
    assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    with Project.open(tmp_path / "new.frp", create=True) as made:  # and it can be made once there is room
        assert made.documents() == []


def test_a_crafted_negative_schema_version_is_refused_in_one_line(tmp_path):
    path = tmp_path / "crafted.frp"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = -1")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(ProjectDamaged, match="schema version -1") as caught:
            Project.open(path, read_only=read_only)
        assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def closed(project) -> Path:
    path = project.path
    project.close()
    return path


def test_a_project_whose_shm_file_cannot_be_made_can_still_be_read(project):
    """As in a read-only folder: SQLite cannot create the -shm file (here, root included, because
    the name is a symlink into a folder that does not exist)."""
    figures = len(project.figures())
    path = closed(project)
    Path(f"{path}-shm").symlink_to("/nonexistent-folder/shm")
    with Project.open(path, read_only=True) as viewer:
        assert len(viewer.figures()) == figures and viewer.documents()


def test_an_unreadable_log_in_such_a_place_is_named_not_skipped(project):
    path = project.path
    project.decide(project.figures()[0].id, Status.CONFIRMED)
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; from reviewer.store import Project; from "
                              "reviewer.model import Status; p = Project.open(sys.argv[1]); "
                              "p.decide(p.figures()[1].id, Status.REJECTED); print('saved', flush=True); "
                              "time.sleep(60)",
                              str(closed(project))], stdout=subprocess.PIPE, text=True, env=ENV)
    assert child.stdout.readline().strip() == "saved"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert Path(f"{path}-wal").stat().st_size > 0
    Path(f"{path}-shm").unlink()
    Path(f"{path}-shm").symlink_to("/nonexistent-folder/shm")
    with pytest.raises(ReadOnlyProject, match="-wal") as caught:
        Project.open(path, read_only=True)
    assert "\n" not in str(caught.value)


def test_a_lock_file_that_cannot_be_opened_is_named_not_the_folder(project):
    path = closed(project)
    sidecar = Path(f"{path}.lock")
    sidecar.unlink(missing_ok=True)
    server = socket.socket(socket.AF_UNIX)  # open() of a socket fails for root too
    server.bind(str(sidecar))
    try:
        with pytest.raises(ReadOnlyProject) as caught:
            Project.open(path)
        assert "lock file" in str(caught.value) and "folder" not in str(caught.value)
    finally:
        server.close()
    sidecar.unlink()
    with Project.open(path, read_only=True) as viewer:
        assert viewer.documents()


def test_a_read_only_folder_is_named_as_such(project, monkeypatch):
    path = closed(project)
    Path(f"{path}.lock").unlink(missing_ok=True)
    real = lock.open_file

    def read_only_folder(where, flags, mode=0o644):
        if Path(where).parent == path.parent and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(where))
        return real(where, flags, mode)

    monkeypatch.setattr(lock, "open_file", read_only_folder)  # only this module's way of opening lock files
    with pytest.raises(ReadOnlyProject, match="folder is read-only"):
        Project.open(path)


def test_lone_surrogates_in_stored_text_become_replacement_characters_offsets_kept(project):
    text = "标题\udc8f\n受理案件1425918件\ud800，结案1310621件。"
    start = text.index("1310621件")
    figure = Figure(start=start, end=start + 8, text="1310621件", kind=Kind.QUANTITY, value=None, unit="件",
                    indicator="结案\udcff")
    doc = Document(text=text, title="标题\udc8f", date=None, source="/data/bad\udcffname.txt", size=10,
                   sha256="s", format="txt", encoding="gb18030")
    doc_id = project.add_document(doc, [figure], "1")
    stored = project.document(doc_id)
    assert stored.text == text.replace("\udc8f", "\ufffd").replace("\ud800", "\ufffd")
    assert len(stored.text) == len(text)
    saved = project.figures(doc_id)[0]
    assert stored.text[saved.start:saved.end] == "1310621件" and saved.indicator == "结案\ufffd"
    assert stored.source == "/data/bad\ufffdname.txt" and stored.title == "标题\ufffd"
    project.set_note(saved.id, "看\udc80这里", reviewer="王\udc81")
    assert project.figure(saved.id).note == "看\ufffd这里"
    project.decide(saved.id, Status.CORRECTED, unit="件\udc90", indicator="x\udc91")
    assert project.figure(saved.id).corrected_unit == "件\ufffd"


def test_a_killed_import_loses_nothing_even_without_its_log(project):
    path = closed(project)
    importer = r"""
import sys, time
from reviewer.documents.base import Document
from reviewer.store import Project
project = Project.open(sys.argv[1])
for i in range(17):
    text = f"第{i}篇 受理案件{i}件。"
    project.add_document(Document(text=text, title=f"d{i}", date=None, source=f"/r/{i}.txt", size=1,
                                  sha256=str(i), format="txt"), [], "1")
    print(i, flush=True)
time.sleep(60)
"""
    child = subprocess.Popen([sys.executable, "-c", importer, str(path)], stdout=subprocess.PIPE, text=True, env=ENV)
    done = [child.stdout.readline() for _ in range(17)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert len(done) == 17
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # what a person copying the .frp alone gets
        leftover.unlink(missing_ok=True)
    with Project.open(path, read_only=True) as after:
        assert sum(d.source.startswith("/r/") for d in after.documents()) == 17
        assert after.integrity_check() == "ok"


def test_messages_of_a_failed_open_are_one_printable_line(tmp_path):
    name = tmp_path / "bad\nname\udcff.frp"
    with pytest.raises(StoreError) as caught:
        Project.open(name)
    assert shown(str(caught.value)) == str(caught.value)


def test_a_read_only_lock_file_still_locks_and_is_not_called_a_read_only_folder(project, monkeypatch):
    """Another user's lock file (0644): a read-only descriptor locks as well as a writable one."""
    path = closed(project)
    sidecar = Path(f"{path}.lock")
    sidecar.touch()
    real = lock.open_file

    def not_ours(where, flags, mode=0o644):
        if Path(where) == sidecar and flags & (os.O_RDWR | os.O_WRONLY):
            raise PermissionError(13, "Permission denied", str(where))
        return real(where, flags, mode)

    monkeypatch.setattr(lock, "open_file", not_ours)
    with Project.open(path) as opened:
        assert opened.documents()
        with pytest.raises(ProjectLocked, match="open in another program"):
            Project.open(path)


def test_a_project_an_older_version_left_half_made_is_completed(tmp_path):
    path = tmp_path / "half.frp"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")  # then the old code was killed
    conn.close()
    with Project.open(path) as made:
        assert made.documents() == []
        assert made._raw.execute("PRAGMA user_version").fetchone()[0] == tables.SCHEMA_VERSION
