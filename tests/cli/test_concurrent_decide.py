"""Eight scripts deciding figures of one project at the same time: each decision that reported
success is in the project afterwards, and the event log holds exactly those decisions. The
project has one writer at a time; a decision waits for it (or says so, and the script retries)."""
import json
import os
import subprocess
import sys
import time
from decimal import Decimal

from reviewer.model import Status
from reviewer.store import Project
from tests.cli.helpers import LOGS, ROOT
from tests.cli.projects import many_figures, project_of

WORKERS = 8
EACH = 25
LOCKED = "another program or window is writing the project"


def environment() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "REVIEWER_LOG_DIR": LOGS}


def expected_state(figure: int, words: list[str]) -> tuple[Status, Decimal | None]:
    status = {"confirm": Status.CONFIRMED, "reject": Status.REJECTED, "correct": Status.CORRECTED}[words[0]]
    return status, Decimal(words[1]) if len(words) > 1 else None


def check_project(path, successes: dict[int, tuple[str, list[str]]]) -> None:
    """Every reported decision stands, by its reviewer; the log has exactly those, once each."""
    with Project.open(path, read_only=True) as project:
        for figure, (name, words) in successes.items():
            stored = project.figure(figure)
            status, value = expected_state(figure, words)
            assert (stored.status, stored.reviewer) == (status, name), figure
            if value is not None:
                assert stored.final_value == value
        decided = [(e.figure_id, e.reviewer) for e in project.events() if e.action == "decide"]
        assert sorted(decided) == sorted((figure, name) for figure, (name, _words) in successes.items())
        assert project.integrity_check() == "ok"


def test_eight_scripts_deciding_at_once_lose_nothing(tmp_path):
    path = project_of(tmp_path, many_figures(WORKERS * EACH))
    with Project.open(path, read_only=True) as project:
        ids = [f.id for f in project.figures()]
    assert len(ids) == WORKERS * EACH
    start_at = time.time() + 3  # the workers start deciding together, after their imports
    workers = [
        subprocess.Popen([sys.executable, "-m", "tests.cli.decide_worker", str(path), f"reviewer{n}", str(start_at),
                          *map(str, ids[n::WORKERS])], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=environment(), cwd=ROOT)
        for n in range(WORKERS)
    ]
    successes: dict[int, tuple[str, list[str]]] = {}
    for n, worker in enumerate(workers):
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
        for result in json.loads(out):
            assert result["code"] == 0, result  # after its retries, every decision was saved
            assert result["message"].count("\n") == 0 and "Traceback" not in result["message"]
            successes[result["figure"]] = (f"reviewer{n}", result["words"])
    assert len(successes) == WORKERS * EACH
    check_project(path, successes)


def test_eight_reviewer_decide_processes_started_together(tmp_path):
    """The command itself, as eight scripts run it at the same moment: each waits its turn."""
    path = project_of(tmp_path, many_figures(2 * WORKERS))
    with Project.open(path, read_only=True) as project:
        ids = [f.id for f in project.figures()][:WORKERS]
    pending = {figure: (f"reviewer{n}", ["correct", f"{figure}.5"] if n % 2 else ["confirm"])
               for n, figure in enumerate(ids)}
    successes = {}
    for _round in range(5):  # a decision told the project was busy is run again, as a script would
        running = {figure: subprocess.Popen([sys.executable, "-m", "reviewer", "decide", str(path), str(figure),
                                             *words, "--reviewer", name], stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, text=True, env=environment())
                   for figure, (name, words) in pending.items()}
        for figure, process in running.items():
            _out, err = process.communicate(timeout=120)
            lines = err.strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in err, err
            if process.returncode == 0:
                successes[figure] = pending[figure]
            else:
                assert process.returncode == 2 and LOCKED in lines[0], err
        pending = {f: p for f, p in pending.items() if f not in successes}
        if not pending:
            break
    assert not pending
    check_project(path, successes)
