"""A malformed user lexicon (REVIEWER_LEXICONS) stops every command with one line naming the
file, before any project is created or written; the self-test names it as the cause."""
import pytest

from reviewer.store import Project
from tests.cli.helpers import one_line, run
from tests.conftest import SEEDS

SEED = SEEDS / "001_c85b7cdc4e083cd4.txt"
BROKEN = {
    "wrong columns": ("units.tsv", "亿人次\n".encode()),
    "GBK bytes": ("units.tsv", "亿人次\tquantity\t人次\n".encode("gbk")),
    "a bad scale": ("scales.tsv", "兆\tmany\n".encode()),
}


@pytest.fixture(params=sorted(BROKEN))
def lexicons(request, tmp_path):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    name, content = BROKEN[request.param]
    (folder / name).write_bytes(content)
    return {"REVIEWER_LEXICONS": str(folder)}, folder / name


def test_import_stops_before_creating_the_project(lexicons, tmp_path):
    env, broken = lexicons
    project = tmp_path / "new.frp"
    result = run("import", project, SEED, env=env)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert str(broken) in line and "unexpected" not in line
    assert not project.exists()
    assert not list(tmp_path.glob("new.frp*"))


def test_reextract_stops_before_writing(lexicons, tmp_path):
    env, broken = lexicons
    project = tmp_path / "p.frp"
    assert run("import", project, SEED).returncode == 0
    before = project.read_bytes()
    result = run("reextract", project, env=env)
    assert result.returncode == 2 and str(broken) in one_line(result.stderr)
    assert project.read_bytes() == before
    with Project.open(project, read_only=True) as p:
        assert [e.action for e in p.events()] == ["import"]


def test_extract_is_one_line(lexicons, tmp_path):
    env, broken = lexicons
    out = tmp_path / "out.json"
    result = run("extract", SEED, "-o", out, env=env)
    assert result.returncode == 2 and str(broken) in one_line(result.stderr)
    assert not out.exists()


def test_the_self_test_blames_the_lexicon(lexicons, tmp_path):
    env, broken = lexicons
    result = run("--self-test", env={**env, "REVIEWER_CONFIG_DIR": str(tmp_path / "config")})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    failures = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failures) == 1, result.stdout
    assert "lexicon" in failures[0] and str(broken) in failures[0]
