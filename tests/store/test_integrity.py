"""A damaged project is refused the same way by every opening, before anything is written, and
said in one printable line; durability settings are what the README promises."""
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.display import shown
from reviewer.store import Project, ProjectDamaged, connection

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_page_headers(path: Path) -> None:
    """Flip bits in the b-tree header of pages after the first: SQLite can see this damage."""
    data = bytearray(path.read_bytes())
    for offset in range(PAGE * 2, len(data), PAGE * 3):
        data[offset + 3] ^= 0x5A  # the page's cell count
        data[offset + 5] ^= 0x21  # where its cell content starts
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(project):
    path = project.path
    project.close()
    damage_page_headers(path)
    return path


def test_opening_a_damaged_project_for_writing_refuses_and_never_writes_it(damaged):
    before = digest(damaged)
    with pytest.raises(ProjectDamaged, match="damaged") as caught:
        Project.open(damaged)
    assert digest(damaged) == before
    message = str(caught.value)
    assert "\n" not in message and shown(message) == message


def test_opening_a_damaged_project_read_only_says_so_in_one_line(damaged):
    with pytest.raises(ProjectDamaged, match="damaged") as caught:
        Project.open(damaged, read_only=True)
    assert shown(str(caught.value)) == str(caught.value)


@pytest.mark.parametrize("command", [["import", "{project}", "{source}"], ["reextract", "{project}"],
                                     ["status", "{project}"], ["export", "{project}", "-o", "{out}"]])
def test_every_command_refuses_a_damaged_project_and_leaves_it_byte_identical(damaged, tmp_path, command):
    source = tmp_path / "new.txt"
    source.write_text("湖北省外贸\n受理案件1425918件。\n", encoding="utf-8")
    before = digest(damaged)
    args = [a.format(project=damaged, source=source, out=tmp_path / "out.xlsx") for a in command]
    result = subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}, timeout=120)
    assert result.returncode != 0
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert shown(result.stderr.strip()) == result.stderr.strip()  # one printable line, no raw bytes
    assert digest(damaged) == before


def test_a_stored_value_that_cannot_be_read_is_reported_as_damage(project):
    f = project.figures()[0]
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE figures SET kind = ? WHERE id = ?", (b"\x8f\xff\x00\x9c".decode("latin-1"), f.id))
    conn.commit()
    conn.close()
    with Project.open(path, read_only=True) as opened:
        with pytest.raises(ProjectDamaged) as caught:
            opened.figures()
    assert shown(str(caught.value)) == str(caught.value) and "\x8f" not in str(caught.value)


def test_the_integrity_check_runs_before_any_write(project, monkeypatch):
    path = project.path
    project.close()
    seen = []
    real = connection.check_integrity

    def watch(conn, where):
        seen.append((conn.in_transaction, conn.total_changes))
        real(conn, where)

    monkeypatch.setattr(connection, "check_integrity", watch)
    with Project.open(path):
        pass
    assert seen == [(False, 0)]


def test_writes_are_durable_wal_and_synchronous_full_whatever_sqlite_defaults_to(project, monkeypatch):
    """This SQLite is built with DEFAULT_SYNCHRONOUS=2, so only a build whose default is weaker
    shows whether the project sets FULL itself: play one by lowering it on each new connection."""
    path = project.path
    project.close()
    real = connection.connect

    def weaker_default(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA synchronous = OFF")
        return conn

    monkeypatch.setattr(connection, "connect", weaker_default)
    with Project.open(path) as opened:
        conn = opened._raw
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: a commit is on disk when it returns
