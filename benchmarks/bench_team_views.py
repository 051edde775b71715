"""The window's agreement matrix and adjudicator's list on a big project file (issue 15).

    .venv/bin/python benchmarks/bench_team_views.py [--documents 200] [--figures-per-document 1000]

Builds a project of made-up documents (figures as the engine finds them), three reviewers deciding
in turn as on one shared PC: the first confirms every figure, the second rejects one in five,
the third corrects one in ten; so every other decision is a real change (a file records no
decision that changes nothing). Then times what the views do: on the reader's thread, each reviewer's
decisions read from the log, agreement() over them, the adjudicator's docket and rows; on the
window's thread, the two views filled (offscreen) and one key that settles a dispute.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reviewer.agreement import agreement  # noqa: E402
from reviewer.commands.disputes import reviewers_decisions  # noqa: E402
from reviewer.documents.base import Document  # noqa: E402
from reviewer.extract import ENGINE_VERSION, figures_only, scan  # noqa: E402
from reviewer.model import Status  # noqa: E402
from reviewer.store import Project  # noqa: E402


def build(path: Path, documents: int, per_document: int) -> None:
    with Project.open(path, create=True, reviewer="bench") as project:
        for d in range(documents):
            text = "".join(f"第{i}项收入{d * per_document + i + 1}亿元，增长{i % 50}.5%。"
                           for i in range(per_document // 2))
            figures = figures_only(scan(text))
            doc = Document(text=text, title=f"报告{d}", date=None, source=f"r{d}.txt", size=len(text.encode()),
                           sha256=f"{d:064x}", format="txt")
            project.add_document(doc, figures, ENGINE_VERSION)
        ids = [f.id for f in project.figures()]
    with Project.open(path, reviewer="ana") as project:
        project.decide_many(ids, Status.CONFIRMED)
    with Project.open(path, reviewer="ben") as project:
        project.decide_many(ids[::5], Status.REJECTED)
    with Project.open(path, reviewer="cy") as project:
        for figure_id in ids[1::10]:
            project.decide(figure_id, Status.CORRECTED, value="1", unit="亿元")


def timed(label: str, run):
    start = time.perf_counter()
    result = run()
    print(f"  {label}: {time.perf_counter() - start:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--figures-per-document", type=int, default=1000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.adjudication_panel import AdjudicationPanel, read_disputes
    from reviewer.ui.agreement_view import AgreementDialog, project_agreement

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-team-") as folder:
        path = Path(folder) / "team.frp"
        start = time.perf_counter()
        build(path, args.documents, args.figures_per_document)
        with Project.open(path, reviewer="adjudicator") as project:
            figures = len(project.figures())
            events = len(project.events())
            print(f"built {figures:,} figures, {events:,} events in {time.perf_counter() - start:.1f} s")
            decisions = timed("each reviewer's decisions from the log", lambda: reviewers_decisions(project))
            timed(f"agreement() of {len(decisions):,} decisions", lambda: agreement(decisions))
            print(" on the reader's thread (the window goes on):")
            result = timed("  the matrix's read", lambda: project_agreement(project))
            found = timed("  the adjudicator's list read", lambda: read_disputes(project, "adjudicator", False))
            print(f"  {len(found[0].disputes):,} disputes, {found[0].agreed:,} settled by agreement")
            print(" on the window's thread:")
            dialog = AgreementDialog(lambda: project)
            timed("  the matrix filled", lambda: dialog._filled(result))
            panel = AdjudicationPanel(lambda: project, lambda: project, lambda ids: None, lambda t, ms: None,
                                      lambda d: False, lambda m, d=None: print(m))
            timed("  the list filled", lambda: panel._filled(found))
            timed("  a key that takes a reviewer's version (settle, its row removed)", lambda: panel.take(2))
            print(f"  {panel.model.rowCount():,} disputes left")
    del app


if __name__ == "__main__":
    main()
