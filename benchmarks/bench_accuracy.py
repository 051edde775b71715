"""Accuracy on the development set, scored by the shared scorer.

    .venv/bin/python benchmarks/bench_accuracy.py [--gold DIR] [--errors]

Reads each NAME.txt of the gold folder as `reviewer extract` does (so the document's own date
resolves periods), writes NAME.json predictions to a temporary folder and runs score.py on it.
Targets: figure-F1 >= 0.95, value-F1 >= 0.97.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from reviewer.commands.extract import run_extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SHARED / "seeds")
    parser.add_argument("--errors", action="store_true", help="list every miss, false alarm and wrong value")
    args = parser.parse_args()
    scorer = args.gold.parent / "score.py"
    with tempfile.TemporaryDirectory() as out:
        status = run_extract(sorted(args.gold.glob("*.txt")), Path(out))
        if status:
            print("some documents could not be read", file=sys.stderr)
        command = [sys.executable, str(scorer), str(args.gold), out] + (["--errors"] if args.errors else [])
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
