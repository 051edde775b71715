"""Size and start time of the desktop bundle (dist/figure-reviewer, built by packaging/build).

    .venv/bin/python benchmarks/bench_bundle.py [BUNDLE]

Cold start: the OS page cache is dropped first (needs root; otherwise it says so and measures
warm only), with a fresh HOME so no user cache exists.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def timed(command: list[str], home: str) -> float:
    env = dict(os.environ, HOME=home, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "REVIEWER_CACHE_DIR", "REVIEWER_CONFIG_DIR"):
        env.pop(name, None)
    t0 = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "figure-reviewer"
    program = bundle / "figure-reviewer"
    if not program.exists():
        sys.exit(f"{program}: not built; run packaging/build")
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"bundle {bundle}: {size / 1e6:.0f} MB in {sum(1 for _ in bundle.rglob('*'))} files")
    runs = (("--version", ["--version"]), ("--self-test (extract, decide, export, window)", ["--self-test"]))
    for label, args in runs:
        with tempfile.TemporaryDirectory() as home:
            cold = timed([str(program), *args], home) if drop_caches() else None
            warm = statistics.median(timed([str(program), *args], home) for _ in range(3))
        cold_text = f"cold {cold:.2f} s, " if cold is not None else "cold: not measured (needs root), "
        print(f"{label:<48} {cold_text}warm {warm:.2f} s")


if __name__ == "__main__":
    main()
