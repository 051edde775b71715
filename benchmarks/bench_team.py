"""Speed of a shared project on a PostgreSQL server on loopback (issue 15's "Must reach").

    PYTHONPATH=. .venv/bin/python benchmarks/bench_team.py [--documents 1000] [--figures-per-document 200]
        [--reviewers 8] [--decisions 1000] [--paced-decisions 300] [--pause 0.1] [--command-decisions 100]
        [--no-window] [--dir FOLDER]

Starts a throwaway cluster of its own (tests/team/cluster.py, as the tests do; removed at the end,
also on Ctrl-C), builds one project as its manager imports it (Project.add_document, the corpus's
figures, or made-up ones without the corpus) and prints three numbers against their targets:

1. a decision commits in < 20 ms at the 95th percentile with 8 reviewers working: N reviewer
   processes, each its own database role, each opening the project once as the window does and
   deciding figures in a loop (Project.decide, confirm/reject/correct mixed), all at once; each
   document is assigned to 2 reviewers who go through its figures in the same order, so their
   decisions meet in the settle trigger. Twice: back to back (saturation: 8 processes and their
   8 server backends share the machine's cores, so the time is mostly the wait for one) and paced
   (--pause between decisions, still far faster than a person). Then `reviewer decide URL ...` per
   call (reviewer.cli.main in-process: Python's start not counted, connecting is).
2. a shared project of 1,000 documents and 200,000 figures opens in < 2 s: what the window reads
   on opening it, for a reviewer and for an adjudicator, step by step (headless), and the window's
   own MainWindow.open_project (offscreen Qt; --no-window to leave it out).
3. agreement over 200,000 figures in < 2 s: 3 reviewers' decisions on every figure (SETUP: written
   straight into the tables by the superuser with COPY, triggers off), then what `reviewer
   agreement URL` does, as the adjudicator: project.ratings() + agreement_of_ratings().
   Opening (2) is timed again with those 600,000 decisions in the project.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

PROJECT = "big"
ADJUDICATOR = "judge"
AGREEING = ("ana", "ben", "cy")  # the reviewers of part 3's setup

# one reviewer process: opens the project once as the window does, waits for the common start,
# decides its figures; prints its times as JSON
DECIDING = """
import json, sys, time
from decimal import Decimal
from reviewer.model import Status
from reviewer.store.opening import open_project
url, start_at, pause, *ids = sys.argv[1:]
t0 = time.perf_counter()
project = open_project(url)
opened = time.perf_counter() - t0
time.sleep(max(0.0, float(start_at) - time.time()))
times, failed = [], 0
me = project.reviewer
for figure in map(int, ids):
    pick = figure % 10 if (figure + len(me)) % 13 else 7  # mostly as the other reviewer of the document
    status = Status.CONFIRMED if pick < 7 else Status.REJECTED if pick == 7 else Status.CORRECTED
    t0 = time.perf_counter()
    try:
        project.decide(figure, status, value=Decimal("1.5") if status is Status.CORRECTED else None,
                       unit="亿元" if status is Status.CORRECTED else None)
    except Exception as exc:
        failed += 1
        print(exc, file=sys.stderr)
    times.append(time.perf_counter() - t0)
    time.sleep(float(pause))
project.close()
print(json.dumps({"times": times, "failed": failed, "opened": opened}))
"""

# one process calling `reviewer decide URL ...` in a loop, in-process (as bench_decide.py's WORKER)
COMMANDS = """
import contextlib, io, json, sys, time
from reviewer import cli
url, name, start_at, *ids = sys.argv[1:]
time.sleep(max(0.0, float(start_at) - time.time()))
times, failed = [], 0
for n, figure in enumerate(ids):
    decision = ("confirm", "reject", "correct")[n % 3]
    extra = ["1.5", "--unit", "亿元"] if decision == "correct" else []
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(["decide", url, figure, decision, *extra, "--reviewer", name])
    times.append(time.perf_counter() - t0)
    failed += code != 0
print(json.dumps({"times": times, "failed": failed}))
"""


def percentiles(seconds: list[float]) -> tuple[float, float, float]:
    ms = sorted(s * 1000 for s in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))], ms[-1]


def machine() -> str:
    """The numbers depend on how busy the machine is: said beside them."""
    return f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def person_url(server, name: str) -> str:
    return f"postgresql://{name}@{server.host}:{server.port}/bench?project={PROJECT}"


# -- building -----------------------------------------------------------------------------------


def corpus_figures(per_document: int) -> Callable[[int], tuple[str, str, list]]:
    """(name, text, figures) of document i: the corpus's reports (each scanned once; figures
    repeated to fill short ones), else made-up text."""
    from reviewer.extract import figures_only, scan

    try:
        from corpus import load_corpus

        corpus = load_corpus()
    except (OSError, ValueError) as exc:
        print(f"(no corpus: {exc}; made-up documents)")
        corpus = []
    scanned: dict[int, tuple[str, str, list]] = {}

    def made_up(i: int) -> tuple[str, str, list]:
        start = i * per_document + 1
        text = "".join(f"第{n}项收入{start + n}亿元，增长{n % 50}.5%。" for n in range(per_document // 2))
        return f"made-up-{i}", text, figures_only(scan(text))

    def document(i: int) -> tuple[str, str, list]:
        key = i % len(corpus) if corpus else i
        if key not in scanned or not corpus:
            name, text = corpus[key] if corpus else (None, None)
            scanned[key] = made_up(i) if not corpus else (name, text, figures_only(scan(text)))
        name, text, figures = scanned[key]
        while figures and len(figures) < per_document:
            figures = figures + figures
        return name, text, figures[:per_document]

    return document


def build(manager_url: str, documents: int, per_document: int) -> None:
    from reviewer.documents.base import Document
    from reviewer.extract import ENGINE_VERSION
    from reviewer.store.opening import open_project

    document = corpus_figures(per_document)
    with open_project(manager_url) as project:
        for i in range(documents):
            name, text, figures = document(i)
            doc = Document(text=text, title=name, date=None, source=f"{name}-{i}", size=len(text.encode()),
                           sha256=f"{i:064x}", format="txt")
            project.add_document(doc, figures, ENGINE_VERSION)


def work_lists(manager_url: str, reviewers: list[str], decisions: int, spare: int) -> dict[str, list[int]]:
    """Documents given to pairs of neighbours (reviewer k and k+1), 2 needed; each reviewer's
    figures: their two pairs' figures taken in turn, in the order both go through them."""
    from reviewer.store.opening import open_project

    half = (decisions + spare + 1) // 2
    lists: dict[str, list[int]] = {name: [] for name in reviewers}
    with open_project(manager_url) as project:
        docs = [d.id for d in project.documents()]
        pairs: dict[int, list[int]] = {}
        at = 0
        for k in range(len(reviewers)):
            pair = [reviewers[k], reviewers[(k + 1) % len(reviewers)]]
            figures: list[int] = []
            while len(figures) < half:
                if at >= len(docs):
                    sys.exit("too few documents for these reviewers and decisions")
                project.assign(docs[at], pair, 2)
                figures += [f.id for f in project.figures(docs[at])]
                at += 1
            pairs[k] = figures[:half]
        for k, name in enumerate(reviewers):
            mine, before = pairs[k], pairs[(k - 1) % len(reviewers)]
            lists[name] = [f for two in zip(mine, before, strict=True) for f in two]
    return lists


# -- 1. decisions -------------------------------------------------------------------------------


def run_workers(script: str, argvs: list[list[str]]) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REVIEWER_LOG_DIR": tempfile.gettempdir()}
    workers = [subprocess.Popen([sys.executable, "-c", script, *argv], stdout=subprocess.PIPE, text=True, env=env)
               for argv in argvs]
    try:
        results = []
        for worker in workers:
            out, _ = worker.communicate()
            if worker.returncode:
                sys.exit(f"a worker failed (exit {worker.returncode})")
            results.append(json.loads(out))
        return results
    finally:
        for worker in workers:  # Ctrl-C: no worker left deciding against a stopped server
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def bench_decisions(server, lists: dict[str, list[int]], decisions: int, paced: int, pause: float,
                    commands: int) -> None:
    """Deciding back to back (each process as fast as it can: a saturation test, where on a small
    machine the time is mostly the wait for a core), then at a pace (`pause` between decisions,
    still far faster than a person reads a figure), then `reviewer decide` per call."""
    rounds = (("back to back", 0.0, 0, decisions), (f"one every {pause * 1000:.0f} ms each", pause, decisions, paced))
    for label, wait, first, count in rounds:
        start_at = time.time() + 8  # after every worker's imports and opening
        results = run_workers(DECIDING, [[person_url(server, name), str(start_at), str(wait),
                                          *map(str, ids[first:first + count])] for name, ids in lists.items()])
        wall = time.time() - start_at
        times = [t for r in results for t in r["times"]]
        failed = sum(r["failed"] for r in results)
        p50, p95, top = percentiles(times)
        opened = max(r["opened"] for r in results)
        print(f"1. {len(lists)} reviewer processes at once, Project.decide, {label}: p50 {p50:.1f} ms, "
              f"p95 {p95:.1f} ms, max {top:.1f} ms over {len(times):,} decisions; {failed} failed; "
              f"{len(times) / wall:.0f} decisions/s overall (slowest open {opened * 1000:.0f} ms)"
              f"  target p95 < 20 ms: {verdict(p95 < 20 and not failed)}")
    first = decisions + paced
    start_at = time.time() + 4
    results = run_workers(COMMANDS, [[person_url(server, name), name, str(start_at),
                                      *map(str, ids[first:first + commands])] for name, ids in lists.items()])
    times = [t for r in results for t in r["times"]]
    failed = sum(r["failed"] for r in results)
    p50, p95, top = percentiles(times)
    print(f"   {len(lists)} processes at once, `reviewer decide URL` per call, back to back (connects, checks the "
          f"schema and the role, decides, closes): p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {top:.1f} ms over "
          f"{len(times):,}; {failed} failed")


# -- 2. opening ---------------------------------------------------------------------------------


def open_steps(url: str) -> dict[str, float]:
    """What the window reads on opening a shared project (main_window.open_project,
    reload_documents, review.show_document, the undo history), each step timed."""
    from reviewer.store.opening import open_project

    steps: dict[str, float] = {}

    def step(name: str, run: Callable):
        t0 = time.perf_counter()
        result = run()
        steps[name] = steps.get(name, 0.0) + time.perf_counter() - t0
        return result

    project = step("open_project", lambda: open_project(url))
    try:
        docs = step("documents", project.documents)
        per_document = step("progress_by_document", project.progress_by_document)
        step("progress_by_reviewer", project.progress_by_reviewer)
        step("document(first)", lambda: project.document(docs[0].id))
        step("figures(first)", lambda: project.figures(docs[0].id))
        step("can_undo/can_redo", lambda: (project.can_undo(), project.can_redo()))
        assert len(per_document) == len(docs)
    finally:
        project.close()
    return steps


def bench_open(server, reviewer: str, label: str, repeat: int = 3) -> bool:
    ok = True
    for who, url in ((f"reviewer {reviewer}", person_url(server, reviewer)),
                     (f"adjudicator {ADJUDICATOR}", person_url(server, ADJUDICATOR))):
        runs = [open_steps(url) for _ in range(repeat)]
        total = statistics.median(sum(r.values()) for r in runs)
        parts = ", ".join(f"{name} {statistics.median(r[name] for r in runs) * 1000:.0f}" for name in runs[0])
        print(f"2. opens ({label}) as {who}: {total * 1000:.0f} ms (median of {repeat}; ms: {parts})"
              f"  target < 2 s: {verdict(total < 2)}")
        ok = ok and total < 2
    return ok


def bench_window(server, reviewer: str, label: str) -> None:
    """The window itself (offscreen): MainWindow.open_project on the URL, every check included."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import Settings

    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's notes are not results
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-team-ui-") as folder:
        for who in (reviewer, ADJUDICATOR):
            settings = Settings(QSettings(str(Path(folder) / f"{who}.ini"), QSettings.Format.IniFormat))
            window = MainWindow(settings)
            window.resize(1200, 800)
            window.show()
            app.processEvents()
            t0 = time.perf_counter()
            opened = window.open_project(person_url(server, who))
            app.processEvents()
            seconds = time.perf_counter() - t0
            checks = window.checks.last_seconds if hasattr(window.checks, "last_seconds") else None
            window.close()
            app.processEvents()
            assert opened, window.last_error
            print(f"   the window (offscreen) opens it ({label}) as {who}: {seconds * 1000:.0f} ms"
                  + (f", of which the checks over every document {checks * 1000:.0f} ms" if checks else "")
                  + f"  target < 2 s: {verdict(seconds < 2)}")


# -- 3. agreement -------------------------------------------------------------------------------


def write_decisions(server, figures: list[int]) -> float:
    """SETUP, not timed as part of anything: 3 reviewers decide every figure (as bench_agreement.py
    makes them up: 80% as a hidden truth), written by the superuser with COPY, one event each; the
    triggers are off for it (session_replication_role), so no figure is settled by it."""
    import psycopg

    from reviewer.decisions import DECISIONS

    rng = random.Random(15)
    t0 = time.perf_counter()
    at = "2026-12-01T00:00:00.000+00:00"
    with psycopg.connect(server.url("bench")) as conn:
        conn.execute(f'SET search_path TO "{PROJECT}"')
        conn.execute("SET session_replication_role = replica")
        rows = []
        for figure in figures:
            truth = rng.choices(DECISIONS, weights=(7, 1, 2))[0]
            for name in AGREEING:
                status = truth if rng.random() < 0.8 else rng.choice(DECISIONS)
                value = str(figure % 1000 + (rng.random() < 0.1)) if status.value == "corrected" else None
                rows.append((figure, name, status.value, value, "亿元" if value else None))
        with conn.cursor().copy("COPY events (at, reviewer, action, figure_id, new) FROM STDIN") as copy:
            for figure, name, status, _value, _unit in rows:
                copy.write_row((at, name, "decide", figure, json.dumps({"status": status, "reviewer": name})))
        with conn.cursor().copy("COPY decisions (figure_id, reviewer, status, corrected_value, corrected_unit, at)"
                                " FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, at))
        conn.execute("ANALYZE")
    return time.perf_counter() - t0


def bench_agreement(server) -> bool:
    """What `reviewer agreement URL` does (reviewer.commands.agreement.project_agreement): the
    standing decisions read as columns (project.ratings()) and measured (agreement_of_ratings)."""
    from reviewer.agreement import agreement_of_ratings
    from reviewer.commands.agreement import run_agreement
    from reviewer.store.opening import open_project

    url = person_url(server, ADJUDICATOR)
    t0 = time.perf_counter()
    with open_project(url, read_only=True) as project:
        opened = time.perf_counter() - t0
        t0 = time.perf_counter()
        ratings = project.ratings()
        read = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = agreement_of_ratings(ratings)
        measured = time.perf_counter() - t0
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        run_agreement(url)
    command = time.perf_counter() - t0
    total = read + measured
    print(f"3. agreement as {ADJUDICATOR}: {len(ratings.figures):,} decisions of {len(result.reviewers)} reviewers: "
          f"ratings() {read * 1000:.0f} ms + agreement_of_ratings() {measured * 1000:.0f} ms = {total * 1000:.0f} ms"
          f"  target < 2 s: {verdict(total < 2)}")
    print(f"   `reviewer agreement URL` in-process (open {opened * 1000:.0f} ms, read, measure, print): "
          f"{command * 1000:.0f} ms")
    return total < 2


# -- the whole ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--figures-per-document", type=int, default=200)
    parser.add_argument("--reviewers", type=int, default=8, help="reviewer processes deciding at once")
    parser.add_argument("--decisions", type=int, default=1000, help="Project.decide calls per process")
    parser.add_argument("--paced-decisions", type=int, default=300, help="Project.decide calls per process, paced")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds between the paced decisions")
    parser.add_argument("--command-decisions", type=int, default=100, help="`reviewer decide` calls per process")
    parser.add_argument("--no-window", action="store_true", help="leave out the window's own open (needs PySide6)")
    parser.add_argument("--no-fsync", action="store_true",
                        help="the server as the tests start it (fsync off): commits not waiting for the disk")
    parser.add_argument("--dir", help="where the cluster lives (default: the system's temporary folder)")
    args = parser.parse_args()

    from tests.team.cluster import ClusterError, find_pg_ctl, running_cluster

    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        sys.exit("no PostgreSQL server binaries (pg_ctl, initdb): bash scripts/setup.sh --test")
    try:
        with running_cluster(pg_ctl, args.dir, durable=not args.no_fsync) as server:
            run(server, args)
    except ClusterError as exc:
        sys.exit(str(exc))
    except KeyboardInterrupt:
        sys.exit("interrupted; the cluster is stopped and removed")


def run(server, args) -> None:
    import psycopg

    from reviewer.store.locations import parse_server_url
    from reviewer.store.server import add_person, init_project

    with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench")
    manager_url = person_url(server, server.user)  # the superuser: the project's manager
    location = parse_server_url(manager_url)
    init_project(location)
    reviewers = [f"reviewer{n + 1}" for n in range(args.reviewers)]
    for name in reviewers + list(AGREEING):
        add_person(location, name, "reviewer")
    add_person(location, ADJUDICATOR, "adjudicator")
    with psycopg.connect(server.url("postgres")) as conn:
        fsync = conn.execute("SHOW fsync").fetchone()[0]
    print(f"PostgreSQL on 127.0.0.1:{server.port} (fsync {fsync}); machine: {machine()}")
    t0 = time.perf_counter()
    build(manager_url, args.documents, args.figures_per_document)
    figures = args.documents * args.figures_per_document
    print(f"built {args.documents:,} documents x {args.figures_per_document} figures ({figures:,}) as the manager "
          f"(add_document each) in {time.perf_counter() - t0:.0f} s")
    lists = work_lists(manager_url, reviewers, args.decisions, args.paced_decisions + args.command_decisions)
    with psycopg.connect(server.url("bench"), autocommit=True) as conn:
        conn.execute("ANALYZE")
    bench_decisions(server, lists, args.decisions, args.paced_decisions, args.pause, args.command_decisions)
    print(f"machine: {machine()}")
    label = f"{args.documents:,} documents, {figures:,} figures"
    bench_open(server, reviewers[0], label)
    if not args.no_window:
        bench_window(server, reviewers[0], label)
    with psycopg.connect(server.url("bench")) as conn:
        conn.execute(f'SET search_path TO "{PROJECT}"')
        ids = [row[0] for row in conn.execute("SELECT id FROM figures WHERE removed = 0 ORDER BY id")]
    setup = write_decisions(server, ids)
    print(f"setup: {len(ids) * len(AGREEING):,} decisions of {', '.join(AGREEING)} (and as many events) written "
          f"by the superuser with COPY in {setup:.0f} s")
    bench_agreement(server)
    print(f"machine: {machine()}")
    label += f", {len(ids) * len(AGREEING):,} more decisions"
    bench_open(server, AGREEING[0], label)
    if not args.no_window:
        bench_window(server, AGREEING[0], label)


if __name__ == "__main__":
    main()
