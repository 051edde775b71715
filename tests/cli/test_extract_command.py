"""`reviewer extract` end to end, as a user runs it: real files in, real files out."""
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from tests.conftest import SEEDS

SEED = SEEDS / "001_c85b7cdc4e083cd4.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "reviewer", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_json_to_stdout_is_the_scorer_format():
    result = run("extract", SEED)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows, "a seed report has figures"
    text = SEED.read_text(encoding="utf-8")
    for key in ("start", "end", "text", "kind", "value", "value_high", "unit", "approx", "indicator",
                "change", "period", "confidence"):
        assert key in rows[0]
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["kind"] != "date"
    money = next(r for r in rows if r["text"] == "80.6亿美元")
    assert money["value"] == 8060000000 and money["unit"] == "美元"


def test_folder_output_writes_one_json_per_input(tmp_path):
    out = tmp_path / "preds"
    result = run("extract", *sorted(SEEDS.glob("*.txt")), "-o", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".json" for p in SEEDS.glob("*.txt"))


def test_csv_output_has_a_bom_and_every_figure(tmp_path):
    out = tmp_path / "figures.csv"
    assert run("extract", SEED, "-o", out).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "80.6亿美元" in raw.decode("utf-8-sig")


def test_xlsx_output_reads_back(tmp_path):
    out = tmp_path / "figures.xlsx"
    assert run("extract", SEED, "-o", out).returncode == 0
    ws = load_workbook(out).active
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    expected = json.loads(run("extract", SEED).stdout)
    assert len(rows) == len(expected)
    assert rows[0]["text"] == expected[0]["text"]


def test_bad_files_get_one_line_each_and_the_rest_is_done(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "preds"
    result = run("extract", empty, SEED, missing, "-o", out)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert any(str(empty) in line and "empty" in line for line in errors), errors
    assert any(str(missing) in line and "no such file" in line for line in errors), errors
    assert (out / (SEED.stem + ".json")).exists()


def test_dates_only_on_request(tmp_path):
    plain = json.loads(run("extract", SEED).stdout)
    with_dates = json.loads(run("extract", SEED, "--dates").stdout)
    assert not [r for r in plain if r["kind"] == "date"]
    assert [r for r in with_dates if r["kind"] == "date"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path, suffix):
    from reviewer.export.tables import write_rows

    out = tmp_path / ("rows" + suffix)
    write_rows([{"text": "=SUM(A1:A2)", "indicator": "+1", "value": 5}], out)
    if suffix == ".csv":
        body = out.read_text(encoding="utf-8-sig").splitlines()[1]
        assert body.startswith("'=SUM") and ",'+1," in body
    else:
        ws = load_workbook(out).active
        cell = ws["A2"]
        assert cell.data_type == "s" and cell.value == "=SUM(A1:A2)"
        assert ws["C2"].value == 5


def test_every_format_is_accepted(tmp_path):
    from tests.documents.fixtures import html_page, make_docx, make_pdf

    files = [
        make_docx(tmp_path / "a.docx"),
        make_pdf(tmp_path / "b.pdf", ["湖北对外工程承包完成额80.6亿美元。", "结案1310621件。"]),
        tmp_path / "c.html",
        tmp_path / "d.md",
    ]
    files[2].write_text(html_page("<p>新签合同额121.6亿美元</p>"), encoding="utf-8")
    files[3].write_text("# 标题\n受理案件1425918件\n", encoding="utf-8")
    out = tmp_path / "preds"
    result = run("extract", *files, "-o", out)
    assert result.returncode == 0, result.stderr
    texts = {p.stem: [r["text"] for r in json.loads(p.read_text(encoding="utf-8"))] for p in out.iterdir()}
    assert "80.6亿美元" in texts["a"]
    assert "1310621件" in texts["b"]
    assert "121.6亿美元" in texts["c"]
    assert "1425918件" in texts["d"]
    pdf_rows = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert {r["text"]: r["page"] for r in pdf_rows} == {"80.6亿美元": 1, "1310621件": 2}


def test_split_articles_gives_one_json_per_article(tmp_path):
    out = tmp_path / "preds"
    result = run("extract", SEEDS / "002_fbffba0dc127f8f7.txt", "--split-articles", "-o", out)
    assert result.returncode == 0, result.stderr
    assert len(list(out.iterdir())) == 10


def test_import_and_status_share_the_store(tmp_path):
    project = tmp_path / "review.frp"
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = run("import", project, *sorted(SEEDS.glob("*.txt")), bad)
    assert result.returncode == 1  # one file failed, the rest imported
    assert f"{bad}" in result.stderr and "not a valid .docx" in result.stderr
    assert result.stderr.count("imported ") == 5
    again = run("import", project, SEEDS / "000_71bace37cc241901.txt")
    assert again.returncode == 0 and "unchanged" in again.stderr
    status = run("status", project)
    assert status.returncode == 0, status.stderr
    lines = status.stdout.strip().splitlines()
    assert len(lines) == 7 and "湖北省高级人民法院工作报告" in status.stdout
    assert "0% reviewed" in lines[-1]


def test_status_of_something_that_is_not_a_project(tmp_path):
    fake = tmp_path / "fake.frp"
    fake.write_text("hello", encoding="utf-8")
    result = run("status", fake)
    assert result.returncode == 2
    assert "not a figure-reviewer project" in result.stderr and "Traceback" not in result.stderr


def test_import_refuses_files_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("受理案件1425918件。\n" * 20000, encoding="utf-8")
    result = run("import", tmp_path / "p.frp", big, "--max-size", "0.1")
    assert result.returncode == 1 and "over the limit" in result.stderr and str(big) in result.stderr
