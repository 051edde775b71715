"""`reviewer --self-test`: prove that an installation works, without a screen.

Reads the bundled sample report, extracts its figures, records a decision in a temporary
project, exports it to .xlsx and reads the workbook back, and opens the window offscreen on that
project. Prints one line per step; exits 0 only when every step worked.
"""
from __future__ import annotations

import os
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

from reviewer.resources import resource

SAMPLE = "001_c85b7cdc4e083cd4.txt"


def sample_report() -> Path:
    bundled = resource("samples", SAMPLE)
    if bundled.exists():
        return bundled
    return Path(__file__).resolve().parent.parent / "seeds" / SAMPLE


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps = []
    started = time.perf_counter()

    def step(name, action):
        t0 = time.perf_counter()
        try:
            result = action()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, with its trace
            print(f"FAIL {name}: {type(exc).__name__}: {exc}")
            traceback.print_exc()
            steps.append(False)
            return None
        summary = result if isinstance(result, str) else (f"{len(result)} found" if isinstance(result, list) else "")
        print(f"ok   {name} ({time.perf_counter() - t0:.2f} s){': ' + summary if summary else ''}")
        steps.append(True)
        return result

    with tempfile.TemporaryDirectory(prefix="reviewer-self-test-") as folder:
        folder = Path(folder)
        from reviewer.documents import read_document
        from reviewer.extract import ENGINE_VERSION, extract, figures_only
        from reviewer.model import Status
        from reviewer.store import Project

        doc = step("read the sample report", lambda: read_document(sample_report()))
        figures = step("extract its figures", lambda: figures_only(extract(doc.text, doc.date))) if doc else None
        if figures is not None and len(figures) < 10:
            print(f"FAIL extract its figures: only {len(figures)} found")
            steps.append(False)
        project_path = folder / "self-test.frp"

        def record():
            with Project.open(project_path, create=True, reviewer="self-test") as project:
                doc_id = project.add_document(doc, figures, ENGINE_VERSION)
                first = project.figures(doc_id)[0]
                project.decide(first.id, Status.CONFIRMED)
            with Project.open(project_path, read_only=True) as project:
                assert project.figure(first.id).status is Status.CONFIRMED
            return f"{first.text} confirmed"

        if figures:
            step("record a decision in a project", record)

        def export_it():
            from reviewer.export import export

            out = folder / "self-test.xlsx"
            with Project.open(project_path, read_only=True) as project:
                rows = export(project, out)
            with zipfile.ZipFile(out) as z:
                assert "xl/worksheets/sheet1.xml" in z.namelist()
            return f"{rows} approved figure(s)"

        step("export it to Excel", export_it)

        def open_window():
            from reviewer.ui.check import open_window_offscreen

            shown = open_window_offscreen(project_path, folder / "settings.ini")
            assert shown == len(figures)
            return f"{shown} figures in the table"

        step("open the window offscreen", open_window)
    ok = all(steps) and len(steps) >= 5
    print(f"self-test {'passed' if ok else 'FAILED'} in {time.perf_counter() - started:.1f} s")
    return 0 if ok else 1
