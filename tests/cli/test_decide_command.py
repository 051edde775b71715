"""`reviewer decide PROJECT FIGURE_ID confirm|reject|correct [VALUE]`: one decision from a script,
recorded through Project.decide as the window records it, on a real project file."""
from decimal import Decimal

import pytest

from reviewer import cli
from reviewer.model import Kind, Status
from reviewer.store import Project
from tests.cli.helpers import one_line, run
from tests.cli.projects import TEXT, figure_ids, project_of


@pytest.fixture
def logs(own_log):
    """In-process runs log to a folder of the test's own (tests/conftest.py removes their handlers)."""
    return own_log


def decide(capsys, *args) -> tuple[int, str]:
    try:
        code = cli.main(["decide", *map(str, args)])
    except SystemExit as exit_:  # a usage error, as argparse ends it
        code = exit_.code
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("words", "status", "value", "unit", "kind"),
    [
        (["confirm"], Status.CONFIRMED, Decimal("30000000000"), "元", Kind.MONEY),
        (["reject"], Status.REJECTED, Decimal("30000000000"), "元", Kind.MONEY),
        (["correct", "5亿元"], Status.CORRECTED, Decimal("500000000"), "元", Kind.MONEY),
        (["correct", "5", "--unit", "亿元"], Status.CORRECTED, Decimal("500000000"), "元", Kind.MONEY),
        (["correct", "320亿"], Status.CORRECTED, Decimal("32000000000"), "元", Kind.MONEY),
        (["correct", "12.5%"], Status.CORRECTED, Decimal("12.5"), "%", Kind.PERCENT),
        (["correct", "--unit", "美元"], Status.CORRECTED, Decimal("30000000000"), "美元", Kind.MONEY),
    ],
)
def test_one_decision_is_saved_and_said_in_one_line(words, status, value, unit, kind, tmp_path, capsys, logs):
    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["300亿元"]
    code, err = decide(capsys, path, figure, *words, "--reviewer", "alice", "--note", "checked")
    assert code == 0, err
    line = one_line(err)
    assert str(path) in line and f"figure {figure}" in line and "alice" in line
    with Project.open(path, read_only=True) as project:
        stored = project.figure(figure)
        assert (stored.status, stored.final_value, stored.final_unit, stored.final_kind) == (status, value, unit, kind)
        assert stored.reviewer == "alice" and stored.note == "checked"
        (event,) = [e for e in project.events() if e.action == "decide"]
        assert event.figure_id == figure and event.reviewer == "alice" and event.new["status"] == status.value


def test_the_same_decision_again_saves_nothing_and_says_so(tmp_path, capsys, logs):
    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["5.2%"]
    for _attempt in range(2):
        code, err = decide(capsys, path, figure, "correct", "5.3%", "--reviewer", "bob")
        assert code == 0, err
    assert "already corrected; nothing was saved" in one_line(err)
    with Project.open(path, read_only=True) as project:
        assert len([e for e in project.events() if e.action == "decide"]) == 1


BAD = [
    # (what is wrong, the words after PROJECT, a piece of the one-line message)
    ("no such project", ["missing.frp", "1", "confirm"], "missing.frp: no such project"),
    ("no such figure", ["{project}", "99", "confirm"], "no figure 99"),
    ("a figure id that is no number", ["{project}", "x", "confirm"], "invalid int value: 'x'"),
    ("a value that is not a number", ["{project}", "{figure}", "correct", "很多"], "'很多' is not a number"),
    ("a range is not one value", ["{project}", "{figure}", "correct", "5-6亿元"], "is not a number"),
    ("a value on a confirm", ["{project}", "{figure}", "confirm", "5"], "only a correction takes these"),
    ("a unit on a reject", ["{project}", "{figure}", "reject", "--unit", "元"], "only a correction takes these"),
    ("a correction of nothing", ["{project}", "{figure}", "correct"], "give the corrected value"),
    ("a correction that changes nothing", ["{project}", "{figure}", "correct", "300亿元"], "use confirm"),
    ("a unit against the kind", ["{project}", "{figure}", "correct", "12%", "--kind", "money"],
     "cannot have the unit '%'"),
    # a shared project is taken as one (tests/team decide on a real server); this one is not there
    ("a shared project's server that does not answer",
     ["postgresql://ann:secret@127.0.0.1:1/reviews?project=x", "1", "confirm"], "cannot connect to the server"),
    ("no reviewer", ["{project}", "{figure}", "confirm", "--reviewer", " "], "needs the reviewer's name"),
    ("a wait without end", ["{project}", "{figure}", "confirm", "--wait", "nan"], "a number of seconds, 0 or more"),
    ("a wait of minus", ["{project}", "{figure}", "confirm", "--wait=-1"], "a number of seconds, 0 or more"),
]


@pytest.mark.parametrize(("problem", "words", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(problem, words, message, tmp_path, capsys, logs):
    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["300亿元"]
    before = path.read_bytes()
    args = [w.format(project=path, figure=figure) for w in words]
    args = [str(tmp_path / a) if a == "missing.frp" else a for a in args]
    if "--reviewer" not in args:
        args += ["--reviewer", "alice"]
    code, err = decide(capsys, *args)
    assert code == 2
    line = one_line(err)
    assert message in line, line
    assert "secret" not in line  # a URL's password is never shown
    assert path.read_bytes() == before
    assert not (tmp_path / "missing.frp").exists()


def test_a_project_another_program_is_writing_waits_then_says_who(tmp_path, capsys, logs):
    import os

    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["300亿元"]
    with Project.open(path, reviewer="window"):  # the window has it open: the lock is held
        code, err = decide(capsys, path, figure, "confirm", "--reviewer", "alice", "--wait", "0.2")
    assert code == 2
    line = one_line(err)
    assert "another program or window is writing the project" in line and f"process {os.getpid()}" in line
    assert "waited 0.2 s" in line
    with Project.open(path, read_only=True) as project:
        assert project.figure(figure).status is Status.PENDING


def test_a_read_only_project_file_is_not_written(tmp_path, capsys, logs):
    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["300亿元"]
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        code, err = decide(capsys, path, figure, "confirm", "--reviewer", "alice")
    finally:
        path.chmod(0o644)
    assert code == 2 and "the project file is read-only; the decision was not saved" in one_line(err)
    assert path.read_bytes() == before


def test_as_a_user_runs_it_and_in_chinese(tmp_path):
    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["5.2%"]
    result = run("decide", path, figure, "correct", "5.3", "--reviewer", "alice")
    assert result.returncode == 0, result.stderr
    assert "corrected to 5.3%" in one_line(result.stderr)
    chinese = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    result = run("decide", path, figure, "correct", "很多", "--reviewer", "alice", env=chinese)
    assert result.returncode == 2 and "不是数" in one_line(result.stderr)
    result = run("decide", "postgresql://127.0.0.1:1/reviews?project=x", figure, "confirm", "--reviewer", "alice",
                 env=chinese)
    assert result.returncode == 2 and "无法连接服务器" in one_line(result.stderr)
    with Project.open(path, read_only=True) as project:
        assert project.figure(figure).final_value == Decimal("5.3")


def test_a_decider_stuck_in_the_queue_holds_nobody_up_past_the_wait(tmp_path, capsys, logs):
    """The deciders' queue is for fairness only: past the wait, a free project is written anyway,
    and the timer signal the wait used is as it was before."""
    import fcntl
    import os
    import signal

    from reviewer.store.lock import inode_lock_file

    path = project_of(tmp_path, TEXT)
    figure = figure_ids(path)["300亿元"]
    before = signal.getsignal(signal.SIGALRM)
    stuck = os.open(inode_lock_file(path).with_suffix(".queue"), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(stuck, fcntl.LOCK_EX)
        code, err = decide(capsys, path, figure, "confirm", "--reviewer", "alice", "--wait", "0.3")
    finally:
        os.close(stuck)
    assert code == 0, err
    assert signal.getsignal(signal.SIGALRM) == before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with Project.open(path, read_only=True) as project:
        assert project.figure(figure).status is Status.CONFIRMED
