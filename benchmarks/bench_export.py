"""Speed and memory of the Excel export: 100,000 confirmed figures.

    .venv/bin/python benchmarks/bench_export.py [--figures 100000]

Target: under 10 s with bounded memory (peak resident memory is printed before and after; the
export streams rows, one document's text in memory at a time).
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import build  # noqa: E402

from reviewer.export import ExportOptions, export  # noqa: E402
from reviewer.store import Project  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--dir", default=".")
    args = parser.parse_args()
    per_document = 200
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench-export-") as folder:
        path = Path(folder) / "export.frp"
        build(path, args.figures // per_document, per_document)
        with Project.open(path, reviewer="bench") as project:
            # setup shortcut: confirm everything in one statement (the store's own path is measured
            # by bench_store.py); the export reads what any project would hold
            project._conn.execute("UPDATE figures SET status = 'confirmed', reviewer = 'bench',"
                                  " decided_at = '2026-01-01T08:00:00+00:00'")
        before = peak_mb()
        with Project.open(path, read_only=True) as project:
            for suffix, options in ((".xlsx", ExportOptions()), (".xlsx", ExportOptions(sheets=("approved",))),
                                    (".csv", ExportOptions()), (".json", ExportOptions())):
                out = Path(folder) / f"out{suffix}"
                t0 = time.perf_counter()
                rows = export(project, out, options)
                seconds = time.perf_counter() - t0
                label = f"{suffix} ({', '.join(options.sheets) if suffix == '.xlsx' else 'approved figures'})"
                print(f"{label:<44} {rows:>8,} rows  {seconds:6.2f} s  {out.stat().st_size / 1e6:6.1f} MB file  "
                      f"peak memory so far {peak_mb():.0f} MB  "
                      f"{'ok' if seconds < 10 or suffix != '.xlsx' else 'ABOVE target 10 s'}")
        print(f"peak resident memory before the exports: {before:.0f} MB")


if __name__ == "__main__":
    main()
