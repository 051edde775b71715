"""Running the command line as a user does: a real process, real files."""
import os
import subprocess
import sys
import tempfile

from tests.conftest import ROOT

LOGS = os.path.join(tempfile.gettempdir(), "reviewer-test-logs")  # never the user's own log


def run(*args, cwd=None, env=None, timeout=180):
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                   "REVIEWER_LOG_DIR": LOGS, **(env or {})}
    environment.pop("LANGUAGE", None)
    return subprocess.run([sys.executable, "-m", "reviewer", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout, env=environment)


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]
