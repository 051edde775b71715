"""Speed of a big review project: 1,000 documents and 200,000 figures.

    .venv/bin/python benchmarks/bench_store.py [--documents 1000] [--figures-per-document 200]

Targets: open (connect, integrity check, list documents, progress per document) under 1 s; a
single decision committed (durably, synchronous=FULL) in under 5 ms. Also shown: what the
integrity check on open costs (quick_check, which the store uses, against integrity_check), a
read-only open, and one command of 200 figures (decide_many) with its undo. Last, a document
with a table of 5,000 rows (20,000 cells): storing it with its tables, the size of the stored
tables, loading it with its text (and tables), and that listing documents reads no table. And a
300,000-character report given a new date: extracting it again (the window's worker thread),
storing the figures with their decisions (the window's thread: one command), and its undo.
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import load_corpus  # noqa: E402

from reviewer.documents.base import Document  # noqa: E402
from reviewer.documents.table_places import place_in_tables  # noqa: E402
from reviewer.documents.tables import find_text_tables  # noqa: E402
from reviewer.extract import ENGINE_VERSION, extract, figures_only, scan  # noqa: E402
from reviewer.model import Status  # noqa: E402
from reviewer.store import Project  # noqa: E402
from reviewer.store.connection import INTEGRITY_PRAGMA  # noqa: E402


def build(path: Path, documents: int, per_document: int) -> None:
    corpus = load_corpus()
    with Project.open(path, create=True, reviewer="bench") as project:
        for i in range(documents):
            name, text = corpus[i % len(corpus)]
            figures = figures_only(scan(text))
            while len(figures) < per_document:  # pad short reports by repeating their figures
                figures = figures + figures
            doc = Document(text=text, title=name, date=None, source=f"{name}-{i}", size=len(text.encode()),
                           sha256=f"{i:064x}", format="txt")
            project.add_document(doc, figures[:per_document], ENGINE_VERSION)


def long_table(rows: int = 5000) -> Document:
    body = "\n".join(f"| 项目{i} | {i * 3}.5 | {i} | {i % 7}.1 |" for i in range(rows))
    text = f"表2 {rows}行的表\n单位：亿元\n| 项目 | 收入 | 支出 | 比上年增长（%） |\n|---|---|---|---|\n{body}\n"
    return Document(text=text, title="long table", date=None, source="long-table.md", size=len(text.encode()),
                    sha256="f" * 64, format="md", tables=find_text_tables(text))


def bench_tables(path: Path) -> None:
    doc = long_table()
    figures = place_in_tables(extract(doc.text), doc.tables)
    with Project.open(path, reviewer="bench") as project:
        t0 = time.perf_counter()
        doc_id = project.add_document(doc, figures, ENGINE_VERSION)
        store = time.perf_counter() - t0
        stored = project._conn.execute("SELECT LENGTH(tables), LENGTH(text) FROM documents WHERE id = ?",
                                       (doc_id,)).fetchone()
        loads = []
        for _ in range(5):
            t0 = time.perf_counter()
            loaded = project.document(doc_id)
            loads.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        project.document(doc_id, tables=False)
        text_only = time.perf_counter() - t0
        assert loaded.tables == doc.tables
        t0 = time.perf_counter()
        listed = project.documents()
        listing = time.perf_counter() - t0
        assert all(d.tables == () for d in listed)
    cells = sum(len(t.cells) for t in doc.tables)
    placed = sum(1 for f in figures if f.table is not None)
    print(f"a 5,000-row table ({cells:,} cells, {placed:,} figures placed): stored in {store * 1000:.0f} ms; "
          f"its tables {stored[0] / 1e3:.0f} k characters (its text {stored[1] / 1e3:.0f} k)")
    print(f"  load with text and tables: median {statistics.median(loads) * 1000:.1f} ms; text only "
          f"{text_only * 1000:.1f} ms; list {len(listed):,} documents: {listing * 1000:.0f} ms (no table read)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--figures-per-document", type=int, default=200)
    parser.add_argument("--dir", default=".", help="where to build the project (a real disk: /tmp may be RAM)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench-store-") as folder:
        path = Path(folder) / "big.frp"
        t0 = time.perf_counter()
        build(path, args.documents, args.figures_per_document)
        print(f"built {args.documents:,} documents, {args.documents * args.figures_per_document:,} figures "
              f"in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            project = Project.open(path, reviewer="bench")
            docs = project.documents()
            progress = project.progress_by_document()
            opens.append(time.perf_counter() - t0)
            project.close()
        assert len(progress) == len(docs)
        print(f"open + list {len(docs):,} documents + progress of each: median {statistics.median(opens) * 1000:.0f} ms"
              f"  {'ok' if statistics.median(opens) < 1 else 'ABOVE target 1 s'}")
        read_only = []
        for _ in range(3):
            t0 = time.perf_counter()
            with Project.open(path, read_only=True) as viewer:
                viewer.documents()
                viewer.progress_by_document()
            read_only.append(time.perf_counter() - t0)
        print(f"open read-only + list + progress: median {statistics.median(read_only) * 1000:.0f} ms")
        checks = sqlite3.connect(path)
        for pragma in ("quick_check", "integrity_check"):
            t0 = time.perf_counter()
            checks.execute(f"PRAGMA {pragma}").fetchall()
            print(f"PRAGMA {pragma}: {(time.perf_counter() - t0) * 1000:.0f} ms"
                  f"{'  (run by every open)' if pragma == INTEGRITY_PRAGMA else ''}")
        checks.close()
        with Project.open(path, reviewer="bench") as project:
            t0 = time.perf_counter()
            figures = project.figures(docs[500 % len(docs)].id)
            load = time.perf_counter() - t0
            t0 = time.perf_counter()
            pending = project.figures(status=Status.PENDING)
            all_pending = time.perf_counter() - t0
            commits = []
            for i, f in enumerate(figures):
                t0 = time.perf_counter()
                project.decide(f.id, Status.CONFIRMED if i % 2 else Status.REJECTED)
                commits.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            project.undo()
            undo = time.perf_counter() - t0
            t0 = time.perf_counter()
            project.decide_many([f.id for f in figures], Status.CONFIRMED)
            many = time.perf_counter() - t0
            t0 = time.perf_counter()
            undone = project.undo()
            many_undo = time.perf_counter() - t0
        print(f"figures of one document ({len(figures)}): {load * 1000:.1f} ms; all {len(pending):,} pending: "
              f"{all_pending * 1000:.0f} ms")
        median, p95 = statistics.median(commits), sorted(commits)[int(len(commits) * 0.95)]
        print(f"one decision committed: median {median * 1000:.2f} ms, 95th percentile {p95 * 1000:.2f} ms over "
              f"{len(commits)}  {'ok' if median < 0.005 else 'ABOVE target 5 ms'}")
        print(f"first undo (rebuilds the undo stack from the log): {undo * 1000:.1f} ms")
        print(f"decide_many of {len(figures)} figures (one transaction): {many * 1000:.1f} ms; its undo "
              f"({len(undone)} events, one transaction): {many_undo * 1000:.1f} ms")
        bench_tables(path)
        bench_new_date(path)


def bench_new_date(path: Path, size: int = 300_000) -> None:
    import datetime as dt

    from reviewer.commands.dates import extract_under, request
    from reviewer.commands.importing import figures_of

    corpus = load_corpus()
    text = ""
    for _, part in corpus:
        text += part + "\n"
        if len(text) >= size:
            break
    text = text[:size]
    doc = Document(text=text, title="long report", date=dt.date(2025, 1, 20), source="long-report.txt",
                   size=len(text.encode()), sha256="e" * 64, format="txt")
    with Project.open(path, reviewer="bench") as project:
        doc_id = project.add_document(doc, figures_of(text, doc.date, ()), ENGINE_VERSION)
        figures = project.figures(doc_id)
        project.decide_many([f.id for f in figures[::3]], Status.CONFIRMED)
        t0 = time.perf_counter()
        req = request(project, doc_id, dt.date(2026, 1, 20), None)
        fresh = extract_under(req)
        extraction = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = project.set_document_dates(doc_id, req.date, None, fresh, ENGINE_VERSION)
        store = time.perf_counter() - t0
        t0 = time.perf_counter()
        project.undo()
        undo = time.perf_counter() - t0
    assert report is not None
    print(f"a {len(text):,}-character report ({len(figures):,} figures) given a new date: extracted again in "
          f"{extraction * 1000:.0f} ms (worker thread), stored in {store * 1000:.0f} ms ({report['periods']:,} "
          f"periods changed, {report['kept']:,} kept with their decisions); its undo {undo * 1000:.0f} ms")


if __name__ == "__main__":
    main()
