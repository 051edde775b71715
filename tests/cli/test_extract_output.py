"""`reviewer extract -o`: an output is never replaced by less, and two inputs never write one file."""
import json
import shutil

import pytest

from tests.cli.helpers import run
from tests.conftest import SEEDS

SEED = SEEDS / "001_c85b7cdc4e083cd4.txt"


@pytest.mark.parametrize("name", ["results.json", "results.csv", "results.xlsx"])
def test_a_failing_input_never_replaces_earlier_results(tmp_path, name):
    out = tmp_path / name
    assert run("extract", SEED, "-o", out).returncode == 0
    before = out.read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", empty, "-o", out)
    assert result.returncode == 1
    assert "nothing written" in result.stderr and "empty" in result.stderr
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["empty.txt", name])  # no temporary file left


def test_nothing_to_write_to_a_folder_creates_nothing(tmp_path):
    out = tmp_path / "preds"
    result = run("extract", tmp_path / "missing.txt", "-o", out)
    assert result.returncode == 1 and "nothing written" in result.stderr
    assert not out.exists()


def test_two_inputs_of_one_name_get_two_outputs_and_the_count_is_true(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    shutil.copy(SEED, first)
    second.write_text("受理案件1425918件。\n", encoding="utf-8")
    third = tmp_path / "X.txt"
    third.write_text("新签合同额121.6亿美元。\n", encoding="utf-8")
    out = tmp_path / "preds"
    result = run("extract", first, second, third, "-o", out)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3, names
    texts = {name: [r["text"] for r in json.loads((out / name).read_text(encoding="utf-8"))] for name in names}
    assert sum(texts.values(), []).count("1425918件") == 1
    assert any("80.6亿美元" in t for t in texts.values())
    assert any(t == ["121.6亿美元"] for t in texts.values())
    expected = sum(len(t) for t in texts.values())
    assert f"{expected} figures from 3 documents written" in result.stderr


def test_the_same_file_named_twice_is_one_document(tmp_path):
    out = tmp_path / "preds"
    result = run("extract", SEED, SEED, "-o", out)
    assert result.returncode == 0
    assert [p.name for p in out.iterdir()] == [SEED.stem + ".json"]
    assert "from 1 document written" in result.stderr


def test_a_partial_failure_writes_the_documents_that_were_read(tmp_path):
    out = tmp_path / "results.json"
    result = run("extract", SEED, tmp_path / "missing.txt", "-o", out)
    assert result.returncode == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data  # the one document read, as its own list


def test_an_unknown_output_type_is_refused_before_reading(tmp_path):
    out = tmp_path / "figures.ods"
    result = run("extract", SEED, "-o", out)
    assert result.returncode == 2 and "unknown output type" in result.stderr
    assert not out.exists()
