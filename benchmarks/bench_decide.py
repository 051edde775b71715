"""Speed of `reviewer decide` on a big project: 1,000 documents and 200,000 figures.

    REVIEWER_CORPUS=/work/shared/corpus/gov-reports.tar.gz \\
        .venv/bin/python benchmarks/bench_decide.py [--documents 1000] [--figures-per-document 200]
        [--decisions 300] [--command-decisions 40] [--processes 8] [--each 25] [--project FILE]

Three numbers, p50 and p95 per decision:
1. Project.decide on a project held open (what the window does): the decision itself, committed
   durably (synchronous=FULL) before it returns.
2. One `reviewer decide` in-process (reviewer.commands.decide.run_decide): open the project
   (lock, integrity check, migration check), decide, close (checkpoint) - what each call of the
   command costs besides starting Python.
3. N processes deciding at once on the one file, each decision through reviewer.cli.main as the
   command runs it, timed from the call to its return, the wait for the one-writer lock included.
   (Python's own start, ~0.3 s, is not in these: a script paying it per decision pays it alone.)
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_store import build  # noqa: E402

from reviewer.commands.decide import DecideRequest, run_decide  # noqa: E402
from reviewer.model import Status  # noqa: E402
from reviewer.store import Project  # noqa: E402

WORKER = """
import contextlib, io, json, sys, time
from reviewer import cli
project, name, start_at, *ids = sys.argv[1:]
time.sleep(max(0.0, float(start_at) - time.time()))
times, failed = [], 0
for figure in ids:
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(["decide", project, figure, "confirm", "--reviewer", name, "--wait", "30"])
    times.append(time.perf_counter() - t0)
    failed += code != 0
print(json.dumps({"times": times, "failed": failed}))
"""


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms ({len(ms)} decisions)"


def figure_ids(path: Path) -> list[int]:
    with Project.open(path, read_only=True) as project:
        return [row[0] for row in project._query("SELECT id FROM figures WHERE status = 'pending' ORDER BY id")]


def bench_in_process(path: Path, ids: list[int]) -> None:
    times = []
    with Project.open(path, reviewer="bench") as project:
        for i, figure in enumerate(ids):
            status = (Status.CONFIRMED, Status.REJECTED, Status.CORRECTED)[i % 3]
            t0 = time.perf_counter()
            project.decide(figure, status, value="1.5" if status is Status.CORRECTED else None, reviewer="bench")
            times.append(time.perf_counter() - t0)
    print(f"1. Project.decide, project open:           {percentiles(times)}")


def bench_command(path: Path, ids: list[int]) -> None:
    times = []
    with contextlib.redirect_stderr(io.StringIO()):
        for figure in ids:
            t0 = time.perf_counter()
            run_decide(DecideRequest(str(path), figure, "confirm", reviewer="bench"))
            times.append(time.perf_counter() - t0)
    print(f"2. reviewer decide (open, decide, close):  {percentiles(times)}")


def bench_processes(path: Path, ids: list[int], processes: int, each: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent), "REVIEWER_LOG_DIR": tempfile.gettempdir()}
    start_at = time.time() + 3  # after every worker's imports
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), f"bench{n}", str(start_at),
                                 *map(str, ids[n * each:(n + 1) * each])], stdout=subprocess.PIPE, text=True, env=env)
               for n in range(processes)]
    times, failed = [], 0
    for worker in workers:
        out, _ = worker.communicate()
        result = json.loads(out)
        times += result["times"]
        failed += result["failed"]
    wall = time.time() - start_at
    print(f"3. {processes} processes at once, reviewer decide: {percentiles(times)}; {failed} failed; "
          f"{len(times) / wall:.0f} decisions/s overall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--figures-per-document", type=int, default=200)
    parser.add_argument("--decisions", type=int, default=300)
    parser.add_argument("--command-decisions", type=int, default=40, help="for 2 (each opens the project)")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--each", type=int, default=25)
    parser.add_argument("--project", type=Path, help="an existing project to use (built here when missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.project or Path(folder) / "big.frp"
        if not path.exists():
            t0 = time.perf_counter()
            build(path, args.documents, args.figures_per_document)
            print(f"built {path.name}: {args.documents:,} documents x {args.figures_per_document} figures "
                  f"in {time.perf_counter() - t0:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
        ids = figure_ids(path)
        first, second = args.decisions, args.decisions + args.command_decisions
        need = second + args.processes * args.each
        if len(ids) < need:
            sys.exit(f"{path}: {len(ids)} pending figures, {need} needed")
        bench_in_process(path, ids[:first])
        bench_command(path, ids[first:second])
        bench_processes(path, ids[second:], args.processes, args.each)


if __name__ == "__main__":
    main()
