"""`reviewer --self-test`: prove that an installation works, without a screen.

Reads the bundled sample report, extracts its figures, records a decision in a temporary
project, exports it to .xlsx and reads the workbook back, and opens the window offscreen on that
project. Prints one line per step; exits 0 only when every step worked.
"""
from __future__ import annotations

import os
import tempfile
import time
import zipfile
from pathlib import Path

from reviewer.display import shown, shown_path
from reviewer.i18n import _
from reviewer.resources import resource

SAMPLE = "001_c85b7cdc4e083cd4.txt"


def sample_report() -> Path:
    bundled = resource("samples", SAMPLE)
    if bundled.exists():
        return bundled
    return Path(__file__).resolve().parent.parent / "seeds" / SAMPLE


def lexicon_works() -> bool:
    """The engine's word lists (shipped and the user's) load; when one does not, that is the
    cause of everything else and the self-test says so, naming the file."""
    from reviewer.extract.lexicon import LexiconError, default_lexicon, user_lexicon_dirs

    t0 = time.perf_counter()
    try:
        default_lexicon()
    except LexiconError as exc:
        print(f"FAIL {_('load the lexicons')}: {shown(str(exc), limit=1000)}")
        print("     " + _("the lexicon is the cause: fix or remove that file, then run the self-test again"))
        return False
    extra = ", ".join(shown_path(d) for d in user_lexicon_dirs())
    summary = ": " + _("with {folders}", folders=extra) if extra else ""
    print(f"ok   {_('load the lexicons')} ({time.perf_counter() - t0:.2f} s){summary}")
    return True


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps = []
    started = time.perf_counter()

    def step(name, action):
        t0 = time.perf_counter()
        try:
            result = action()
        except Exception as exc:  # noqa: BLE001 - every failure is reported; its trace goes to the log
            from reviewer.logs import log_to_file_only

            where = log_to_file_only(f"self-test step failed: {name}", exc_info=(type(exc), exc, exc.__traceback__))
            print(f"FAIL {name}: {shown(f'{type(exc).__name__}: {exc}', limit=1000)}")
            if where is not None:
                print("     " + _("details in {log}", log=shown_path(where)))
            steps.append(False)
            return None
        summary = result if isinstance(result, str) else \
            (_("{count} found", count=len(result)) if isinstance(result, list) else "")
        print(f"ok   {name} ({time.perf_counter() - t0:.2f} s){': ' + summary if summary else ''}")
        steps.append(True)
        return result

    if not lexicon_works():
        print(f"self-test FAILED in {time.perf_counter() - started:.1f} s")
        return 1
    steps.append(True)
    with tempfile.TemporaryDirectory(prefix="reviewer-self-test-") as folder:
        folder = Path(folder)
        from reviewer.documents import read_document
        from reviewer.extract import ENGINE_VERSION, extract, figures_only
        from reviewer.model import Status
        from reviewer.store import Project

        doc = step(_("read the sample report"), lambda: read_document(sample_report()))
        figures = step(_("extract its figures"), lambda: figures_only(extract(doc.text, doc.date))) if doc else None
        if figures is not None and len(figures) < 10:
            print(f"FAIL {_('extract its figures')}: {_('only {count} found', count=len(figures))}")
            steps.append(False)
        project_path = folder / "self-test.frp"

        def record():
            with Project.open(project_path, create=True, reviewer="self-test") as project:
                doc_id = project.add_document(doc, figures, ENGINE_VERSION)
                first = project.figures(doc_id)[0]
                project.decide(first.id, Status.CONFIRMED)
            with Project.open(project_path, read_only=True) as project:
                assert project.figure(first.id).status is Status.CONFIRMED
            return _("{figure} confirmed", figure=shown(first.text))

        if figures:
            step(_("record a decision in a project"), record)

        def export_it():
            from reviewer.export import export

            out = folder / "self-test.xlsx"
            with Project.open(project_path, read_only=True) as project:
                rows = export(project, out)
            with zipfile.ZipFile(out) as z:
                assert "xl/worksheets/sheet1.xml" in z.namelist()
            return _("1 approved figure") if rows == 1 else _("{count} approved figures", count=rows)

        step(_("export it to Excel"), export_it)

        def check_it():
            from reviewer.checks.reference import read_reference
            from reviewer.commands.checking import project_findings

            table = folder / "reference.csv"  # read through pandas, as a reviewer's table is
            table.write_text("指标,时期,数值,单位\n地区生产总值,2025,1,亿元\n", encoding="utf-8")
            rows = read_reference(table)
            with Project.open(project_path, reviewer="self-test") as project:
                project.import_reference(rows, str(table))
                found = project_findings(project)
            return _("{count} findings", count=len(found))

        if figures:
            step(_("check its figures against a reference table"), check_it)

        def load_server_driver():
            import psycopg
            from sqlalchemy import create_engine

            create_engine("postgresql+psycopg://").dispose()  # the dialect and the driver, no connection
            return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"

        step(_("load the driver for shared projects (PostgreSQL)"), load_server_driver)

        def open_window():
            from reviewer.ui.check import open_window_offscreen

            shown_figures = open_window_offscreen(project_path, folder / "settings.ini")
            assert shown_figures == len(figures)
            return _("{count} figures in the table", count=shown_figures)

        step(_("open the window offscreen"), open_window)
    ok = all(steps) and len(steps) >= 8  # the last line stays English: scripts look for it
    print(f"self-test {'passed' if ok else 'FAILED'} in {time.perf_counter() - started:.1f} s")
    return 0 if ok else 1
