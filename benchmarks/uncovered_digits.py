"""Arabic digit runs of the corpus that no figure or date covers, grouped by what follows them.

GUIDE.md: every Arabic-digit run is a figure, a date or none. This lists the runs the engine
left as none, with their context, so that a reader can find the figures it misses:

    PYTHONPATH=$PWD python benchmarks/uncovered_digits.py [--after N] [--samples K] [--grep TEXT]
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import load_corpus  # noqa: E402
from reviewer.extract import scan  # noqa: E402
from reviewer.extract.numerals import FULLWIDTH  # noqa: E402

DIGITS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def uncovered(text: str) -> list[tuple[int, int]]:
    norm = text.translate(FULLWIDTH)
    covered = bytearray(len(text))
    for figure in scan(text):
        covered[figure.start : figure.end] = b"\x01" * (figure.end - figure.start)
    return [(m.start(), m.end()) for m in DIGITS.finditer(norm) if not any(covered[m.start() : m.end()])]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--after", type=int, default=2, help="characters after the run that make its group")
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--top", type=int, default=80)
    ap.add_argument("--grep", default=None, help="only runs whose context holds this text")
    args = ap.parse_args()
    groups: dict[str, list[str]] = collections.defaultdict(list)
    total = 0
    for _name, text in load_corpus():
        norm = text.translate(FULLWIDTH)
        for s, e in uncovered(text):
            context = norm[max(0, s - 12) : s] + "[" + norm[s:e] + "]" + norm[e : e + 12]
            context = context.replace("\n", "⏎")
            if args.grep and args.grep not in context:
                continue
            total += 1
            groups[norm[e : e + args.after].replace("\n", "⏎")].append(context)
    print(f"uncovered digit runs: {total}")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[: args.top]:
        print(f"{len(items):6d}  {key!r}")
        for sample in items[: args.samples]:
            print(f"          {sample}")


if __name__ == "__main__":
    main()
