"""The checks (issue 14), printed as figures (not a test: timings on shared machines are flaky).

    .venv/bin/python benchmarks/bench_checks.py [--corpus PATH] [--cache FILE] [--quiet]

(a) edited passages (tests/checks/passages_*.py: real text with one figure edited, and the
    unedited original): the share of edited passages flagged on the edited figure's relation
    (target >= 90%) and the error-level findings on the originals (target: none);
(b) the 400-report corpus, each report extracted by the engine and checked: error-level findings
    per 50,000 characters (target <= 1), each listed with its text so a reader can judge it;
(c) speed: check_project over a 300,000-character project of corpus reports, engine output
    precomputed (target < 1 s).
--cache keeps the engine's output of the corpus in FILE (pickle) so a second run skips extraction.
"""

from __future__ import annotations

import argparse
import importlib
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from corpus import load_corpus  # noqa: E402

from reviewer.checks import CheckDocument, CheckFigure, Severity, check_document, check_project  # noqa: E402
from reviewer.extract import extract  # noqa: E402

PER = 50_000
PROJECT_SIZE = 300_000


def document(name: str, text: str, figures=None) -> CheckDocument:
    found = extract(text) if figures is None else figures
    return CheckDocument(name, text, tuple(CheckFigure.of_figure(f, i, name) for i, f in enumerate(found)))


def passages() -> list[dict]:
    found = []
    for path in sorted((ROOT / "tests" / "checks").glob("passages_*.py")):
        module = importlib.import_module(f"tests.checks.{path.stem}")
        found.extend(module.PASSAGES)
        found.extend(getattr(module, "HARD_PASSAGES", []))  # not flagged yet: counted, not tested
    return found


def flagged_on_edit(passage: dict) -> bool:
    """Whether a finding of the passage's rule (or a scale slip) names the edited figure."""
    edited = passage["edited"]
    start = edited.find(passage["edited_figure"])
    end = start + len(passage["edited_figure"])
    for finding in check_document(document("edited", edited)):
        if finding.rule not in (passage["rule"], "scale-slip"):
            continue
        if any(f.start < end and start < f.end for f in finding.figures):
            return True
    return False


def bench_passages() -> None:
    rows = passages()
    flagged = Counter()
    total = Counter()
    originals_errors = []
    for passage in rows:
        total[passage["rule"]] += 1
        if flagged_on_edit(passage):
            flagged[passage["rule"]] += 1
        else:
            print(f"  missed ({passage['rule']}): {passage['edited']}")
        for finding in check_document(document("original", passage["original"])):
            if finding.severity is Severity.ERROR:
                originals_errors.append((passage["original"], finding))
    share = sum(flagged.values()) / max(1, len(rows))
    hits = sum(flagged.values())
    print(f"(a) edited passages flagged on the edited figure's relation: {hits}/{len(rows)} = {share:.1%}", end="")
    print(" (target >= 90%)")
    for rule in sorted(total):
        print(f"    {rule}: {flagged[rule]}/{total[rule]}")
    chars = sum(len(p["original"]) for p in rows)
    print(f"    error-level findings on the {len(rows)} originals ({chars} chars): {len(originals_errors)} (target 0)")
    for text, finding in originals_errors:
        print(f"    ! {finding.rule}: {finding.message} | {text}")


def corpus_documents(corpus: str | None, cache: str | None) -> list[CheckDocument]:
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            extracted = pickle.load(fh)
    else:
        extracted = [(name, text, extract(text)) for name, text in load_corpus(corpus)]
        if cache:
            with open(cache, "wb") as fh:
                pickle.dump(extracted, fh)
    return [document(name, text, figures) for name, text, figures in extracted]


def bench_corpus(documents: list[CheckDocument], quiet: bool) -> None:
    chars = sum(len(d.text) for d in documents)
    by_severity = Counter()
    errors = []
    by_rule = Counter()
    for doc in documents:
        for finding in check_document(doc):
            by_severity[finding.severity] += 1
            by_rule[(finding.rule, finding.severity.value)] += 1
            if finding.severity is Severity.ERROR:
                errors.append((doc, finding))
    rate = len(errors) / (chars / PER)
    counts = {s.value: n for s, n in by_severity.items()}
    print(f"(b) corpus: {len(documents)} reports, {chars} chars; findings {counts}")
    print(f"    error-level findings per {PER:,} chars: {rate:.2f} ({len(errors)} in all; target <= 1)")
    for (rule, severity), n in sorted(by_rule.items()):
        print(f"    {rule} ({severity}): {n}")
    if quiet:
        return
    for doc, finding in errors:
        low = min(f.start for f in finding.figures)
        high = max(f.end for f in finding.figures)
        context = doc.text[max(0, low - 30) : high + 10].replace("\n", " ")
        print(f"    ! {doc.name} {finding.rule}: {finding.message}\n      {context}")


def bench_regions(documents: list[CheckDocument], quiet: bool) -> None:
    """(b) across documents: each region's reports of several years as one project."""
    regions: dict[str, list[CheckDocument]] = {}
    for doc in documents:
        regions.setdefault(Path(doc.name).stem.partition("_")[2], []).append(doc)
    projects = [docs for docs in regions.values() if len(docs) > 1]
    across = Counter()
    listed = []
    for docs in projects:
        for finding in check_project(docs):
            if finding.rule in ("same-twice-across", "base-vs-last-year"):
                across[(finding.rule, finding.severity.value)] += 1
                listed.append(finding)
    chars = sum(len(d.text) for docs in projects for d in docs)
    print(f"    across documents: {len(projects)} projects (one region's reports of several years), {chars} chars")
    for (rule, severity), n in sorted(across.items()):
        print(f"    {rule} ({severity}): {n}")
    if not quiet:
        for finding in listed:
            print(f"    ~ {finding.rule}: {finding.message}")


def bench_speed(documents: list[CheckDocument]) -> None:
    project: list[CheckDocument] = []
    size = 0
    for doc in documents:
        if size >= PROJECT_SIZE:
            break
        project.append(doc)
        size += len(doc.text)
    check_project(project)  # warm the word tables
    best = min(_timed(project) for _ in range(3))
    findings = len(check_project(project))
    figures = sum(len(d.figures) for d in project)
    print(f"(c) check_project over {len(project)} documents, {size} chars, {figures} figures:")
    print(f"    {best:.3f} s best of 3 (target < 1 s), {findings} findings")


def _timed(project: list[CheckDocument]) -> float:
    start = time.perf_counter()
    check_project(project)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus")
    parser.add_argument("--cache", help="keep the engine's output of the corpus in this pickle")
    parser.add_argument("--quiet", action="store_true", help="do not list the corpus's error findings")
    args = parser.parse_args()
    bench_passages()
    documents = corpus_documents(args.corpus, args.cache)
    bench_corpus(documents, args.quiet)
    bench_regions(documents, args.quiet)
    bench_speed(documents)


if __name__ == "__main__":
    main()
