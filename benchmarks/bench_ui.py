"""Speed of the window (offscreen): opening, showing a big document, reviewing.

    .venv/bin/python benchmarks/bench_ui.py

Targets: the window opens in under 1.5 s (fresh process, to first paint, on a project of the
seed reports); a document of 300,000 characters with 10,000 figures shows with all highlights
in under 1 s; moving to the next figure and confirming takes under 50 ms; a table of 5,000 rows
(20,000 cells, every number a highlighted figure) shows laid out in columns in under 1 s, and
showing it takes about five times as long as a table of 1,000 rows (linear, not quadratic).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]

OPEN = r"""
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QSettings
app = QApplication([])
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
w = MainWindow(settings)
w.show()
w.open_project(sys.argv[1])
app.processEvents()
w.grab()
print(f"{time.perf_counter() - t0:.3f}")
"""


def big_text(chars: int, figures: int) -> str:
    pieces = []
    i = 0
    while sum(len(p) for p in pieces) < chars:
        if i < figures // 2:
            pieces.append(f"全省法院受理案件{1000 + i}件，同比增长{i % 90 + 1}.{i % 10}%。")
        else:
            pieces.append("坚持以人民为中心的发展思想，推动高质量发展取得新成效。")
        if i % 8 == 7:
            pieces.append("\n")
        i += 1
    return "".join(pieces)[:chars]


def table_text(rows: int) -> str:
    """A report with one table as a .docx gives it: a caption, a unit line, tab-separated rows."""
    body = "\n".join(f"{'其中：' if i % 5 else ''}地区{i}\t{1000 + i}\t{i % 97}.{i % 10}\t{(i % 13) - 6}.5"
                     for i in range(rows))
    return (f"全省常住人口8500万人，比上年增长0.5%。\n表1 {rows}个地区主要指标\n单位：万人\n"
            f"地区\t年末人口\t比重（%）\t比上年增长（%）\n{body}\n注：数据来源于抽样调查。\n")


def bench_tables(window, app, folder: Path) -> None:
    """A document with a table of 1,000 and of 5,000 rows shown in the window from its project:
    laid out in columns, every figure highlighted (the first paint and a scroll to the table's end)."""
    from reviewer.documents.tables import find_text_tables
    from reviewer.extract import extract, figures_only
    from reviewer.ui.view_text import lay_out

    times = {}
    for rows in (1000, 5000):
        text = table_text(rows)
        tables = find_text_tables(text)
        figures = figures_only(extract(text))
        path = folder / f"table{rows}.frp"
        from reviewer.documents.base import Document
        from reviewer.extract import ENGINE_VERSION
        from reviewer.store import Project

        with Project.open(path, create=True, reviewer="bench") as project:
            doc = Document(text=text, title="table", date=None, source="table.txt", size=len(text), sha256="1" * 64,
                           format="txt", tables=tables)
            doc_id = project.add_document(doc, figures, ENGINE_VERSION)
        t0 = time.perf_counter()
        view_text = lay_out(text, tables)
        layout = time.perf_counter() - t0
        assert sum(r.aligned for r in view_text.rows) == rows + 1
        window.open_project(path)
        app.processEvents()
        shows = []
        for _ in range(3):
            t0 = time.perf_counter()
            window.show_document(doc_id)  # from the project: text, tables, figures; the view and the figure table
            app.processEvents()
            window.grab()
            bar = window.view.verticalScrollBar()
            bar.setValue(bar.maximum())
            app.processEvents()
            window.grab()
            shows.append(time.perf_counter() - t0)
        stored = window.project.figures(doc_id)
        assert window.view.toPlainText().count("\t") == 0  # laid out in columns, not tab-separated
        times[rows] = statistics.median(shows)
        print(f"table of {rows:,} rows ({rows * 4:,} cells, {len(stored):,} figures): view text and offset map "
              f"{layout * 1000:.0f} ms; shown in columns with highlights, painted at its top and its end: median "
              f"{times[rows]:.2f} s" + (f"  {'ok' if times[rows] < 1 else 'ABOVE target 1 s'}" if rows == 5000 else ""))
    ratio = times[5000] / times[1000]
    print(f"5,000 rows / 1,000 rows: {ratio:.1f} times as long  {'linear' if ratio < 7.5 else 'NOT linear'}")


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer.commands.importing import import_documents
    from reviewer.documents.base import Document
    from reviewer.extract import ENGINE_VERSION, extract, figures_only
    from reviewer.model import Status
    from reviewer.store import Project

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        seeds = folder / "seeds.frp"
        with Project.open(seeds, create=True, reviewer="bench") as project:
            import_documents(project, sorted((ROOT / "seeds").glob("*.txt")), report=lambda m: None)
        runs = []
        for _ in range(4):
            out = subprocess.run([sys.executable, "-c", OPEN, str(seeds), str(folder / "s.ini")], capture_output=True,
                                 text=True, check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
            runs.append(float(out.stdout.strip().splitlines()[-1]))
        print(f"window opens (fresh process, project of 5 reports, to first paint): median "
              f"{statistics.median(runs[1:]):.2f} s (first run {runs[0]:.2f} s)  "
              f"{'ok' if statistics.median(runs[1:]) < 1.5 else 'ABOVE target 1.5 s'}")

        text = big_text(300_000, 10_000)
        figures = figures_only(extract(text))
        big = folder / "big.frp"
        with Project.open(big, create=True, reviewer="bench") as project:
            doc = Document(text=text, title="big", date=None, source="big.txt", size=len(text), sha256="0" * 64,
                           format="txt")
            doc_id = project.add_document(doc, figures, ENGINE_VERSION)

        app = QApplication.instance() or QApplication([])
        from reviewer.ui.main_window import MainWindow
        from reviewer.ui.settings import Settings

        settings = Settings(QSettings(str(folder / "b.ini"), QSettings.Format.IniFormat))
        settings.reviewer = "bench"
        window = MainWindow(settings)
        window.resize(1400, 900)
        window.show()
        window.open_project(big)
        app.processEvents()
        shows = []
        for _ in range(3):
            t0 = time.perf_counter()
            window.show_document(doc_id)
            app.processEvents()
            window.grab()
            shows.append(time.perf_counter() - t0)
        print(f"document of {len(text):,} characters with {len(figures):,} figures shown with highlights: median "
              f"{statistics.median(shows):.2f} s  {'ok' if statistics.median(shows) < 1 else 'ABOVE target 1 s'}")
        steps = []
        for _ in range(60):
            t0 = time.perf_counter()
            window.decide_current(Status.CONFIRMED)  # confirm, then move to the next pending figure
            app.processEvents()
            steps.append(time.perf_counter() - t0)
        median, worst = statistics.median(steps), max(steps)
        print(f"confirm and move to the next figure: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms over "
              f"{len(steps)}  {'ok' if median < 0.05 else 'ABOVE target 50 ms'}")
        bench_tables(window, app, folder)
        window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
