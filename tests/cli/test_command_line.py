"""The command line never shows a traceback, never opens a window for a word that is no file, and
says what is wrong with an option in one line."""
import subprocess
import sys

import pytest

from tests.cli.helpers import LOGS, ROOT, one_line, run
from tests.conftest import SEEDS

SEED = SEEDS / "001_c85b7cdc4e083cd4.txt"


def test_an_unknown_word_is_no_command_and_opens_no_window(tmp_path):
    result = run("verify", "--help", cwd=tmp_path)  # not a command ("check" became one)
    line = one_line(result.stderr)
    assert result.returncode == 2
    assert "verify" in line and "no such command or file" in line
    assert list(tmp_path.iterdir()) == []  # no main.frp, nothing created


def test_a_missing_document_is_no_reason_to_open_a_window(tmp_path):
    result = run(tmp_path / "report.txt", cwd=tmp_path)
    assert result.returncode == 2 and "no such command or file" in one_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_existing_files_and_project_paths_go_to_the_window():
    from reviewer.cli import window_word_problem

    assert window_word_problem([str(SEED), "new-project.frp"]) is None
    assert window_word_problem([str(SEED), "chekc"]) == "chekc"


@pytest.mark.parametrize("word, problem", [
    ("postgresql://db.example.org/reviews?project=budget", None),
    ("postgresql+psycopg://wang@db.example.org:6543/reviews?project=budget", None),
    ("mysql://db.example.org/reviews?project=budget", "mysql://db.example.org/reviews?project=budget"),
])
def test_a_shared_projects_url_goes_to_the_window(word, problem):
    from reviewer.cli import window_word_problem

    assert window_word_problem([word]) == problem


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "-inf", "lots"])
def test_max_size_must_be_a_positive_finite_number(value, tmp_path):
    for command in (["extract", SEED], ["import", tmp_path / "p.frp", SEED]):
        result = run(*command, f"--max-size={value}")
        line = one_line(result.stderr)
        assert result.returncode == 2
        assert "--max-size" in line and "positive number of megabytes" in line
    assert not (tmp_path / "p.frp").exists()


def test_a_closed_pipe_on_stdout_is_no_traceback():
    command = [sys.executable, "-m", "reviewer", "extract", *sorted(SEEDS.glob("*.txt"))]
    env = {"PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "REVIEWER_LOG_DIR": LOGS}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # the reader is gone before the first byte, as with `| head -0`
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=180)
    assert stderr == "", stderr
    assert proc.returncode == 1


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path):
    odd = tmp_path / "report\nerror: fake.txt"
    odd.write_bytes(b"")
    result = run("extract", odd, "-o", tmp_path / "out.json")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == 2, lines  # the file's error, and "nothing written"
    assert "report\\nerror: fake.txt" in lines[0] and "empty" in lines[0]
    assert not any(line.startswith("error: fake.txt") for line in lines)


def test_a_file_name_with_a_newline_in_import(tmp_path):
    odd = tmp_path / "missing\nfile.txt"
    result = run("import", tmp_path / "p.frp", odd)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines  # the file's error and the summary
    assert "missing\\nfile.txt" in lines[0]


@pytest.fixture
def logs(own_log):
    """The log file in a folder of the test's own (tests/conftest.py removes the handlers after)."""
    return own_log


def test_an_unexpected_error_is_one_line_and_its_trace_is_in_the_log(logs, tmp_path, monkeypatch, capsys):
    from reviewer import cli
    from reviewer.commands import project as commands

    def broken(path):
        raise RuntimeError("a bug nobody expected")

    monkeypatch.setattr(commands, "run_status", broken)
    assert cli.main(["status", str(tmp_path / "p.frp")]) == 1
    err = capsys.readouterr().err
    line = one_line(err)
    assert "unexpected error" in line and "a bug nobody expected" in line and str(logs) in line
    trace = logs.read_text(encoding="utf-8")
    assert "Traceback" in trace and "RuntimeError: a bug nobody expected" in trace


@pytest.mark.parametrize("error", ["store", "document", "export", "os"])
def test_known_errors_of_every_layer_are_one_line(error, logs, tmp_path, monkeypatch, capsys):
    from reviewer import cli
    from reviewer.commands import project as commands
    from reviewer.documents import DocumentError
    from reviewer.export import ExportError
    from reviewer.store import StoreError

    raised = {"store": StoreError("p.frp: damaged"), "document": DocumentError("a.txt", "empty"),
              "export": ExportError("out.xlsx: cannot write"),
              "os": PermissionError(13, "Permission denied", "/root/p.frp")}[error]

    def failing(path):
        raise raised

    monkeypatch.setattr(commands, "run_status", failing)
    assert cli.main(["status", str(tmp_path / "p.frp")]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("error: ") and "unexpected" not in line
    if error == "os":
        assert "/root/p.frp" in line and "Permission denied" in line


def test_status_of_a_missing_project_is_one_line(tmp_path):
    result = run("status", tmp_path / "nothing.frp")
    assert result.returncode == 2
    one_line(result.stderr)
    assert not (tmp_path / "nothing.frp").exists()


def test_the_help_of_every_command_works():
    for command in ("extract", "import", "status", "reextract", "export", "backup"):
        result = run(command, "--help")
        assert result.returncode == 0 and "usage" in result.stdout, result.stderr
