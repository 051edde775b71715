"""Exporting from the window: on a worker thread behind a progress dialog, so the window never
freezes, and its Cancel button leaves the file that was there untouched."""
import dataclasses
import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressDialog, QPushButton

from reviewer.documents.base import Document
from reviewer.extract import ENGINE_VERSION, extract, figures_only
from reviewer.store import Project
from tests.ui.conftest import ARTIFACTS, action

LINE = "全省法院受理案件1425918件，同比增长20.5%。\n"
LINES = 20_000  # 40,000 figures: an export of several seconds


@pytest.fixture
def big_project(tmp_path):
    """A project of 40,000 figures, made without running the engine 20,000 times."""
    pattern = figures_only(extract(LINE))
    figures = [dataclasses.replace(f, start=f.start + i * len(LINE), end=f.end + i * len(LINE))
               for i in range(LINES) for f in pattern]
    text = LINE * LINES
    doc = Document(text=text, title="全省法院工作报告", date=None, source=str(tmp_path / "big.txt"), size=len(text),
                   sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt")
    path = tmp_path / "big.frp"
    with Project.open(path, create=True, reviewer="setup") as project:
        project.add_document(doc, figures, ENGINE_VERSION)
    return path


@pytest.fixture
def big_window(qtbot, settings, big_project):
    from reviewer.ui.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_project(big_project)
    yield w
    w.close()


def _start_export(qtbot, window, destination) -> QDialog:
    action(window, "export").trigger()
    dialog = window.findChild(QDialog, "exportDialog")
    dialog.states[next(iter(dialog.states))].setChecked(True)  # pending too: every figure
    dialog.destination.setText(str(destination))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return dialog


def test_the_export_dialogs_cancel_button_stops_the_export_and_keeps_the_old_file(qtbot, big_window, tmp_path):
    out = tmp_path / "figures.xlsx"
    out.write_bytes(b"the export of last week")
    dialog = _start_export(qtbot, big_window, out)
    progress = dialog.findChild(QProgressDialog, "exportProgress")
    assert progress is not None and dialog.running  # the click returned while the worker exports
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=60000)
    ARTIFACTS.mkdir(exist_ok=True)
    assert progress.grab().save(str(ARTIFACTS / "export-progress.png"))
    with qtbot.waitSignal(dialog.stopped, timeout=60000):
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert out.read_bytes() == b"the export of last week"
    assert dialog.exported_rows is None and not dialog.running
    assert "was not changed" in big_window.statusBar().currentMessage()
    assert not [p for p in tmp_path.iterdir() if p.name not in {"figures.xlsx", "big.frp", "settings.ini"}
                and not p.name.startswith("big.frp")]  # no temporary file left behind


def test_a_finished_export_uses_its_own_connection_and_reports_the_rows(qtbot, big_window, tmp_path):
    out = tmp_path / "all.csv"
    dialog = _start_export(qtbot, big_window, out)
    with qtbot.waitSignal(dialog.exported, timeout=120000) as done:
        pass
    assert done.args == [2 * LINES]
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 1 + 2 * LINES  # a header and every figure
    assert big_window.project is not None and big_window.project.documents()  # the window's own connection works


def test_an_export_that_cannot_be_written_says_why_and_keeps_the_dialog(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    dialog = _start_export(qtbot, window, blocked / "figures.xlsx")
    with qtbot.waitSignal(dialog.stopped, timeout=60000):
        pass
    error = dialog.findChild(QMessageBox, "errorDialog")
    assert error is not None and "figures.xlsx" in error.text() and "\n" not in error.text()
    assert dialog.isVisible() and not dialog.running  # the reviewer can choose another place


def test_the_windows_export_has_the_agreement_sheet_as_the_command_lines(qtbot, window, tmp_path):
    """Where two reviewers decided, File > Export writes 一致性/Agreement, as `reviewer export` does."""
    from openpyxl import load_workbook

    from reviewer.model import Status

    figures = window.project.figures()[:4]
    for who, statuses in (("ana", "CCRC"), ("ben", "CRRC")):
        for figure, status in zip(figures, statuses, strict=True):
            window.project.decide(figure.id, Status.CONFIRMED if status == "C" else Status.REJECTED, reviewer=who)
    out = tmp_path / "figures.xlsx"
    dialog = _start_export(qtbot, window, out)
    with qtbot.waitSignal(dialog.exported, timeout=120000):
        pass
    assert {"一致性", "Agreement"} & set(load_workbook(out).sheetnames)
