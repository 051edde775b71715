"""Accuracy on the development sets, scored by the shared scorer.

    .venv/bin/python benchmarks/bench_accuracy.py [--gold DIR ...] [--errors]

Reads each NAME.txt of a gold folder as `reviewer extract` does (so the document's own date
resolves periods), writes NAME.json predictions to a temporary folder and runs score.py on it.
Without --gold it scores both development sets, the five sample reports (seeds) and the eleven
real reports of other kinds (dev2), and ends with one line a set: figure-F1, value-F1 and the
number of wrong values (a figure found whose value differs from the gold's).
Targets (issue 11): figure-F1 >= 0.98 and value-F1 >= 0.98 on each set, 0 wrong values on seeds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from reviewer.commands.extract import run_extract


def _shared_gold() -> Path:
    """../shared/gold beside the checkout, found from a clone or a git worktree alike."""
    for folder in Path(__file__).resolve().parents[1:]:
        if (folder / "shared" / "gold").is_dir():
            return folder / "shared" / "gold"
    return Path(__file__).resolve().parents[1].parent / "shared" / "gold"


SHARED = _shared_gold()
DEVELOPMENT_SETS = (SHARED / "seeds", SHARED / "dev2")


def score(gold: Path, errors: bool) -> dict | None:
    """Print score.py's table for one gold folder; return its totals, or None if it failed."""
    scorer = gold.parent / "score.py"
    with tempfile.TemporaryDirectory() as out:
        if run_extract(sorted(gold.glob("*.txt")), Path(out)):
            print(f"{gold}: some documents could not be read", file=sys.stderr)
        summary = Path(out) / "score.json"
        command = [sys.executable, str(scorer), str(gold), out, "--json", str(summary)]
        if subprocess.run(command + (["--errors"] if errors else [])).returncode:
            return None
        result = json.loads(summary.read_text(encoding="utf-8"))
    wrong = sum(e["type"] == "wrong_value" for doc in result["docs"].values() for e in doc["errors"])
    return {**result["total"]["metrics"], "wrong_values": wrong}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", help="a gold folder (default: seeds and dev2)")
    parser.add_argument("--errors", action="store_true", help="list every miss, false alarm and wrong value")
    args = parser.parse_args()
    totals = {}
    for gold in args.gold or DEVELOPMENT_SETS:
        print(f"\n# {gold.name}")
        totals[gold.name] = score(gold, args.errors)
    print(f"\n{'set':<10} {'figF1':>6} {'valF1':>6} {'figP':>6} {'figR':>6} {'wrong values':>13}")
    for name, m in totals.items():
        if m is None:
            print(f"{name:<10} scoring failed")
            continue
        print(
            f"{name:<10} {m['fig_f1']:>6.3f} {m['value_f1']:>6.3f} {m['fig_p']:>6.3f} {m['fig_r']:>6.3f}"
            f" {m['wrong_values']:>13}"
        )
    return 0 if all(totals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
