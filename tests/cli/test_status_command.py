"""`reviewer status PROJECT [--json]`: documents (id, title, figures, reviewed, share), the figures
overall and each reviewer's progress, as lines to read or JSON for a script."""
import json

import pytest

from reviewer import cli
from reviewer.model import Status
from reviewer.store import Project
from tests.cli.helpers import one_line, run
from tests.cli.projects import TEXT, project_of

OTHER = "全年新增就业12万人，城镇居民收入增长6%，粮食产量达到500万吨。\n"


def reviewed_project(tmp_path):
    """Two documents; alice confirms two figures, bob rejects one of hers and corrects another."""
    path = project_of(tmp_path, TEXT, OTHER)
    with Project.open(path) as project:
        first, second = project.figures(1), project.figures(2)
        project.decide(first[0].id, Status.CONFIRMED, reviewer="alice")
        project.decide(first[1].id, Status.CONFIRMED, reviewer="alice")
        project.decide(first[1].id, Status.REJECTED, reviewer="bob")
        project.decide(second[0].id, Status.CORRECTED, value="13", reviewer="bob")
    return path


def status_json(capsys, path) -> dict:
    assert cli.main(["status", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_status_as_json_has_documents_figures_and_reviewers(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REVIEWER_LOG_DIR", str(tmp_path / "logs"))
    report = status_json(capsys, reviewed_project(tmp_path))
    first, second = report["documents"]
    assert (first["id"], first["figures"], first["reviewed"], first["share"]) == (1, 2, 2, 1.0)
    assert (first["confirmed"], first["rejected"], first["pending"]) == (1, 1, 0)
    assert (second["id"], second["figures"], second["reviewed"], second["corrected"]) == (2, 3, 1, 1)
    assert second["share"] == pytest.approx(1 / 3, abs=1e-4) and second["title"].startswith("全年新增就业")
    assert report["figures"] == {"figures": 5, "reviewed": 3, "share": 0.6, "pending": 2, "confirmed": 1,
                                 "corrected": 1, "rejected": 1, "decisions_lost_their_figure": 0}
    # alice's second confirmation was overruled by bob: her standing decisions are 1, her decisions 2
    assert report["reviewers"] == [
        {"name": "alice", "decided": 1, "confirmed": 1, "corrected": 0, "rejected": 0, "decisions": 2},
        {"name": "bob", "decided": 2, "confirmed": 0, "corrected": 1, "rejected": 1, "decisions": 2},
    ]


def test_status_lines_show_ids_shares_and_reviewers(tmp_path):
    result = run("status", reviewed_project(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["id", "document"] and "share" in lines[0]
    assert lines[1].split()[0] == "1" and "2/2" in lines[1] and "100%" in lines[1]
    assert lines[2].split()[0] == "2" and "1/3" in lines[2] and "33%" in lines[2]
    assert "3/5" in lines[3] and lines[3].endswith("60% reviewed")
    reviewers = lines[lines.index("") + 1:]
    assert reviewers[0].split() == ["reviewer", "decided", "confirmed", "corrected", "rejected", "decisions"]
    assert [r.split() for r in reviewers[1:]] == [["alice", "1", "1", "0", "0", "2"],
                                                  ["bob", "2", "0", "1", "1", "2"]]


def test_a_project_nobody_reviewed_lists_no_reviewers(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REVIEWER_LOG_DIR", str(tmp_path / "logs"))
    report = status_json(capsys, project_of(tmp_path, TEXT))
    assert report["reviewers"] == [] and report["figures"]["share"] == 0.0


URL = "postgresql://ann:secret@127.0.0.1:1/reviews?project=x"  # a server that does not answer
BAD = [
    # (what is wrong, the PROJECT word, --json, a piece of the one-line message); the plain lines'
    # answers to a missing file, a file or folder that is no project are tested in test_command_line
    ("no such project", "{folder}/missing.frp", True, "missing.frp: no such project"),
    ("not a project", "{folder}/fake.frp", True, "is not a figure-reviewer project"),
    ("a folder", "{folder}", True, "is a folder, not a project file"),
    ("a shared project's server that does not answer", URL, True, "cannot connect to the server"),
    ("a shared project's server that does not answer, lines", URL, False, "cannot connect to the server"),
]


@pytest.mark.parametrize(("problem", "word", "as_json", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_and_exit_2(problem, word, as_json, message, tmp_path):
    (tmp_path / "fake.frp").write_text("hello", encoding="utf-8")
    result = run("status", word.format(folder=tmp_path), *(["--json"] if as_json else []))
    assert result.returncode == 2 and result.stdout == ""
    line = one_line(result.stderr)
    assert message in line and "secret" not in line
    assert not (tmp_path / "missing.frp").exists()


def test_status_json_with_figures_lists_the_ids_decide_takes(tmp_path):
    path = reviewed_project(tmp_path)
    result = run("status", path, "--json", "--figures")
    assert result.returncode == 0, result.stderr
    first, second = json.loads(result.stdout)["documents"]
    assert [(f["text"], f["status"], f["reviewer"]) for f in first["figure_list"]] == [
        ("5.2%", "confirmed", "alice"), ("300亿元", "rejected", "bob")]
    corrected = second["figure_list"][0]
    assert corrected["status"] == "corrected" and corrected["value"] == "13" and corrected["unit"] == "人"
    decided = run("decide", path, second["figure_list"][1]["id"], "confirm", "--reviewer", "carol")
    assert decided.returncode == 0 and second["figure_list"][1]["text"] in decided.stderr
    assert "figure_list" not in json.loads(run("status", path, "--json").stdout)["documents"][0]
