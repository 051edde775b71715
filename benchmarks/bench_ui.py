"""Speed of the window (offscreen): opening, showing a big document, reviewing.

    .venv/bin/python benchmarks/bench_ui.py

Targets: the window opens in under 1.5 s (fresh process, to first paint, on a project of the
seed reports); a document of 300,000 characters with 10,000 figures shows with all highlights
in under 1 s; moving to the next figure and confirming takes under 50 ms.
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
        window.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
