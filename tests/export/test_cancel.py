"""The window's export worker: progress now and then, and a cancel that leaves an existing
output file byte for byte as it was and no temporary file behind."""
import pytest

from reviewer.export import ExportCancelled, ExportError, ExportOptions, export, writers
from reviewer.model import Status


@pytest.fixture
def small_ticks(monkeypatch):
    monkeypatch.setattr(writers, "TICK", 5)  # the fixture project is small: look at cancel often


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json"])
def test_cancelling_leaves_the_old_file_and_no_temporary_file(project, tmp_path, suffix, small_ticks):
    out = tmp_path / ("out" + suffix)
    export(project, out, ExportOptions(language="en"))
    before = out.read_bytes()
    calls = []

    def progress(done, total):
        calls.append((done, total))

    with pytest.raises(ExportCancelled) as raised:
        export(project, out, ExportOptions(states=frozenset(Status)), progress=progress,
               cancelled=lambda: len(calls) >= 2)
    assert isinstance(raised.value, ExportError) and str(out) in str(raised.value)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # temporary files start with .
    assert len(calls) == 2


def test_progress_reaches_the_total(project, tmp_path, small_ticks):
    calls = []
    rows = export(project, tmp_path / "out.xlsx", progress=lambda done, total: calls.append((done, total)))
    assert rows > 0 and calls
    assert calls[-1][0] == calls[-1][1]
    assert all(done <= total for done, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_cancelled_before_the_first_row_writes_nothing(project, tmp_path):
    out = tmp_path / "new.xlsx"
    with pytest.raises(ExportCancelled):
        export(project, out, cancelled=lambda: True)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
