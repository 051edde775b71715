"""A symlink or a hard link is a second name for one project file: one lock, one write-ahead log.
Real processes write through both names; nothing committed may vanish."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.model import Status
from reviewer.store import Project, ProjectLocked

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

IMPORTER = r"""
import sys, time
from reviewer.documents.base import Document
from reviewer.model import Figure, Kind
from reviewer.store import Project, ProjectLocked
name, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(count):
    while True:
        try:
            project = Project.open(name, reviewer=tag)
            break
        except ProjectLocked:
            time.sleep(0.01)  # the other program has it: wait for our turn
    with project:
        text = f"{tag} 第{i}篇 受理案件{i}件。"
        doc = Document(text=text, title=f"{tag}{i}", date=None, source=f"/reports/{tag}{i}.txt",
                       size=len(text.encode()), sha256=f"{tag}{i}", format="txt")
        project.add_document(doc, [], "1")
    print(f"{tag}{i}", flush=True)  # reported as imported only once committed and closed
"""

DECIDER = r"""
import sys
from reviewer.model import Status
from reviewer.store import Project
project = Project.open(sys.argv[1], reviewer="killed")
for f in project.figures():
    event = project.decide(f.id, Status.CONFIRMED, note="through the first name")
    print(event.figure_id, flush=True)
print("done", flush=True)
import time; time.sleep(60)
"""


def second_name(path: Path, how: str) -> Path:
    other = path.with_name(f"other-{how}.frp")
    if how == "hardlink":
        other.hardlink_to(path)
    else:
        other.symlink_to(path)
    return other


@pytest.fixture(params=["hardlink", "symlink"])
def two_names(request, project):
    path = project.path
    project.close()
    return path, second_name(path, request.param)


def test_a_second_name_of_an_open_project_is_refused(two_names):
    first, second = two_names
    child = subprocess.Popen([sys.executable, "-c", "import sys,time; from reviewer.store import Project;"
                              " p = Project.open(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(first)],
                             stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(ProjectLocked, match="open in another program"):
            Project.open(second)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_writers_through_two_names_are_serialized_and_lose_nothing(two_names):
    first, second = two_names
    children = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(name), tag, "60"], stdout=subprocess.PIPE,
                                 text=True, env=ENV) for name, tag in ((first, "a"), (second, "b"))]
    reported = []
    for child in children:
        out, _ = child.communicate(timeout=300)
        assert child.returncode == 0
        reported += out.split()
    assert len(reported) == 120
    for name in (first, second):
        with Project.open(name, read_only=True) as check:
            assert check.integrity_check() == "ok"
            assert sorted(d.title for d in check.documents() if d.source.startswith("/reports/")) == sorted(reported)


def test_a_killed_writers_log_is_found_through_the_other_name(two_names):
    first, second = two_names
    child = subprocess.Popen([sys.executable, "-c", DECIDER, str(first)], stdout=subprocess.PIPE, text=True, env=ENV)
    saved = [int(line) for line in iter(child.stdout.readline, "done\n")]  # committed, not yet closed
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    with Project.open(second, reviewer="next") as project:  # the log of the first name holds the decisions
        assert all(project.figure(i).status is Status.CONFIRMED for i in saved)
        pending = project.figures(status=Status.PENDING)
        if pending:
            project.decide(pending[0].id, Status.REJECTED)
    for name in (first, second):
        with Project.open(name, read_only=True) as check:
            assert check.integrity_check() == "ok"
            assert all(check.figure(i).status is Status.CONFIRMED for i in saved)
            if pending:
                assert check.figure(pending[0].id).status is Status.REJECTED


def test_a_reader_through_the_other_name_sees_what_the_writer_committed(two_names):
    first, second = two_names
    child = subprocess.Popen([sys.executable, "-c", DECIDER, str(first)], stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        saved = [int(line) for line in iter(child.stdout.readline, "done\n")]  # in the writer's log, still open
        with Project.open(second, read_only=True) as viewer:
            assert all(viewer.figure(i).status is Status.CONFIRMED for i in saved)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
