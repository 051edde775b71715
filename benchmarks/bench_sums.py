"""The sum rules of the checks (reviewer/checks/sums.py), printed as figures (not a test):

    .venv/bin/python benchmarks/bench_sums.py [--corpus PATH] [--cache FILE]

(a) the 400-report corpus, each report extracted by the engine (with the tables found in its
    text) and checked by the sum rules: findings by rule and severity, error-level ones per
    50,000 characters (target <= 1), each listed with its text so a reader can judge it;
(b) speed: the sum rules over a 300,000-character project of corpus reports, engine output
    precomputed (target well under 0.5 s), best and median of 5 runs.
--cache keeps the engine's output in FILE (pickle) so a second run skips extraction.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from corpus import load_corpus  # noqa: E402

from reviewer.checks import CheckDocument, CheckFigure, Severity  # noqa: E402
from reviewer.checks.sums import DOCUMENT_RULES  # noqa: E402
from reviewer.documents.table_places import place_in_tables  # noqa: E402
from reviewer.documents.tables import find_text_tables  # noqa: E402
from reviewer.extract import extract  # noqa: E402

PER = 50_000
PROJECT_SIZE = 300_000


def documents(corpus: str | None, cache: str | None) -> list[CheckDocument]:
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    found = []
    for name, text in load_corpus(corpus):
        tables = find_text_tables(text)
        figures = place_in_tables(extract(text, tables=tables), tables) if tables else extract(text)
        checked = tuple(CheckFigure.of_figure(f, i, name) for i, f in enumerate(figures))
        found.append(CheckDocument(name, text, checked, tables))
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(found, fh)
    return found


def run(document: CheckDocument) -> list:
    return [finding for rule in DOCUMENT_RULES.values() for finding in rule(document)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus")
    parser.add_argument("--cache")
    args = parser.parse_args()
    docs = documents(args.corpus, args.cache)
    chars = sum(len(d.text) for d in docs)
    counts: Counter = Counter()
    errors = []
    for doc in docs:
        for finding in run(doc):
            counts[(finding.rule, finding.severity.value)] += 1
            if finding.severity is Severity.ERROR:
                errors.append((doc, finding))
    print(f"(a) corpus: {len(docs)} reports, {chars:,} characters")
    for (rule, severity), n in sorted(counts.items()):
        print(f"    {rule} {severity}: {n}")
    rate = len(errors) / (chars / PER)
    print(f"    error-level findings: {len(errors)} = {rate:.3f} per {PER:,} characters (target <= 1)")
    for doc, finding in errors:
        start = min(f.start for f in finding.figures)
        end = max(f.end for f in finding.figures)
        print(f"    - {doc.name}: {finding.message}")
        print(f"      {doc.text[max(0, start - 40) : end + 10]}".replace("\n", "/"))
    project, size = [], 0
    for doc in docs:
        if size >= PROJECT_SIZE:
            break
        project.append(doc)
        size += len(doc.text)
    times = []
    for _ in range(5):
        began = time.perf_counter()
        for doc in project:
            run(doc)
        times.append(time.perf_counter() - began)
    print(
        f"(b) speed: the sum rules over {len(project)} reports, {size:,} characters: "
        f"best {min(times):.3f} s, median {statistics.median(times):.3f} s (target well under 0.5 s)"
    )


if __name__ == "__main__":
    main()
