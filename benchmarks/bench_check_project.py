"""Speed of a project's checks: a project of real reports of at least 300,000 characters.

    .venv/bin/python benchmarks/bench_check_project.py [--characters 300000]

Target (issue 14): under 1 s on import (every document and every rule, as the window runs them
when a project opens or documents are imported) and after each correction (the corrected
document's rules again, with the rules across the project: reviewer.commands.checking
ProjectChecks.figures_changed, what the window runs after every decision). Extraction and storing are
set-up here, not measured. The rules in force are listed first: until they land, this measures
the reading of the project only.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import load_corpus  # noqa: E402

from reviewer.checks import runner  # noqa: E402
from reviewer.commands.checking import ProjectChecks, project_findings  # noqa: E402
from reviewer.commands.importing import figures_of  # noqa: E402
from reviewer.documents.base import Document  # noqa: E402
from reviewer.documents.tables import find_text_tables  # noqa: E402
from reviewer.extract import ENGINE_VERSION  # noqa: E402
from reviewer.model import Status  # noqa: E402
from reviewer.store import Project  # noqa: E402


def build(path: Path, characters: int) -> tuple[int, int, int]:
    """Reports of the corpus until `characters`, extracted as `reviewer import` does."""
    total = documents = figures = 0
    with Project.open(path, create=True, reviewer="bench") as project:
        for name, text in reversed(load_corpus()):  # the newest reports first: the densest in figures
            if total >= characters:
                break
            tables = find_text_tables(text)
            found = figures_of(text, None, tables)
            doc = Document(text=text, title=name, date=None, source=name, size=len(text.encode()),
                           sha256=f"{documents:064x}", format="txt", tables=tables)
            project.add_document(doc, found, ENGINE_VERSION)
            total += len(text)
            documents += 1
            figures += sum(1 for f in found if not f.is_date)
    return total, documents, figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--characters", type=int, default=300_000)
    parser.add_argument("--corrections", type=int, default=20)
    args = parser.parse_args()
    rules = sorted(runner.document_rules()) + sorted(runner.project_rules())
    print(f"rules in force: {', '.join(rules) if rules else 'none yet (the reading of the project only)'}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checks.frp"
        t0 = time.perf_counter()
        characters, documents, figures = build(path, args.characters)
        print(f"project: {documents} documents, {characters:,} characters, {figures:,} figures "
              f"(extracted and stored in {time.perf_counter() - t0:.1f} s, not measured)")
        with Project.open(path, reviewer="bench") as project:
            runs = []
            for _ in range(5):
                checks = ProjectChecks(project)
                t0 = time.perf_counter()
                findings = checks.run()
                runs.append(time.perf_counter() - t0)
            print(f"on import (every document, every rule): median {statistics.median(runs) * 1000:.0f} ms, "
                  f"worst {max(runs) * 1000:.0f} ms; {len(findings)} findings  [target < 1000 ms]")
            stored = [f for f in project.figures() if f.value is not None]
            step = max(1, len(stored) // args.corrections)
            chosen = stored[::step][: args.corrections]
            timings, rereads = [], []
            for figure in chosen:
                project.decide(figure.id, Status.CORRECTED, value=str(figure.value * 10))
                t0 = time.perf_counter()
                checks.figures_changed([project.figure(figure.id)])  # what the window runs
                timings.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                checks.recheck({figure.document_id})  # the document read from the store again
                rereads.append(time.perf_counter() - t0)
            print(f"after a correction (its document's rules again and the project's): median "
                  f"{statistics.median(timings) * 1000:.1f} ms, worst {max(timings) * 1000:.1f} ms over "
                  f"{len(timings)} corrections  [target < 1000 ms]")
            print(f"  the same with the document's figures read from the store again: median "
                  f"{statistics.median(rereads) * 1000:.1f} ms, worst {max(rereads) * 1000:.1f} ms")
            t0 = time.perf_counter()
            project_findings(project)
            print(f"for the export and `reviewer check PROJECT` (read, check, decisions): "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
