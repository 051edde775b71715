"""Speed of the offline queue (reviewer/store/outbox.py) and of live notifications.

    .venv/bin/python benchmarks/bench_outbox.py [--decisions 500] [--folder DIR] [--url postgresql://...]

1. Outbox.put: one decision kept while the server is away, committed and fsync'ed before it
   returns (what a reviewer waits for after a key while offline), p50 and p95.
2. Outbox.flush of all of them through a send that does nothing: the queue's own cost per decision
   sent (the done() of each, committed), total and per decision.
3. With --url (a database on a running server): NOTIFY committed by another connection to the
   listener's Qt signal, p50 and p95 (the socket wakes the event loop; no polling interval).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reviewer.model import Status
from reviewer.store.outbox import Outbox


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"p50 {statistics.median(ms):.2f} ms, p95 {p95:.2f} ms, max {ms[-1]:.2f} ms ({len(ms)})"


def on_disk(path: Path) -> str:
    """The file and its write-ahead log together."""
    sizes = [p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    return f"{sum(sizes) / 1024:.0f} KiB"


def bench_outbox(count: int, folder: Path) -> None:
    path = folder / "bench.outbox"
    times = []
    with Outbox(path) as outbox:
        for figure in range(1, count + 1):
            t0 = time.perf_counter()
            outbox.put(figure, Status.CORRECTED, value="12.5", unit="亿元", note="offline")
            times.append(time.perf_counter() - t0)
        print(f"put (durable): {percentiles(times)}; on disk {on_disk(path)}")
        t0 = time.perf_counter()
        flushed = outbox.flush(lambda decision: None)
        took = time.perf_counter() - t0
        print(f"flush: {len(flushed.sent)} sent in {took * 1000:.0f} ms ({took / max(1, count) * 1000:.2f} ms each); "
              f"on disk after {on_disk(path)}")


def bench_listener(url: str, count: int) -> None:
    import psycopg
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from reviewer.ui.live import NotificationListener

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    listener = NotificationListener({"conninfo": url}, "bench")
    listener.start()
    times: list[float] = []
    loop = QEventLoop()
    sent: dict[int, float] = {}

    def arrived(payload: dict) -> None:
        times.append(time.perf_counter() - sent[payload["n"]])
        loop.quit()

    listener.notified.connect(arrived)
    with psycopg.connect(url, autocommit=True) as conn:
        for n in range(count):
            sent[n] = time.perf_counter()
            conn.execute("SELECT pg_notify('bench', %s)", (json.dumps({"n": n}),))
            QTimer.singleShot(10_000, loop.quit)  # a lost notification must not hang the benchmark
            loop.exec()
    listener.stop()
    print(f"NOTIFY to signal: {percentiles(times)}; {count - len(times)} lost")
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--decisions", type=int, default=500)
    parser.add_argument("--folder", type=Path, help="where the outbox file goes (default: a temporary folder)")
    parser.add_argument("--url", help="a database on a running PostgreSQL server, for the listener's latency")
    args = parser.parse_args()
    if args.folder:
        args.folder.mkdir(parents=True, exist_ok=True)
        bench_outbox(args.decisions, args.folder)
    else:
        with tempfile.TemporaryDirectory() as folder:
            bench_outbox(args.decisions, Path(folder))
    if args.url:
        bench_listener(args.url, min(args.decisions, 200))


if __name__ == "__main__":
    main()
