"""Print the figures whose indicator disagrees with the development sets' (a tuning aid).

    .venv/bin/python benchmarks/indicator_errors.py [GOLD_DIR ...] [--class CLASS] [--quiet]

Without GOLD_DIR it reads both development sets (seeds and dev2). Each disagreement is put in a
class, and each set ends with its agreement and the count of each class:
  missing    no indicator where the gold names one
  carried    the same indicator as the figure before, where the gold's differs
  opener     begins with a preposition that opens a phrase (从, 比, 由, 对 ...)
  part       a part of the gold's phrase (too short: 集体 for 获省部级以上表彰)
  whole      the gold's phrase and more (too long: 光伏、电动车…产品出口 for 产品出口)
  other      anything else
Agreement is score.py's: the two share at least half the characters of the longer one.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from reviewer.documents import read_document
from reviewer.extract import extract, figures_only
from reviewer.extract.clauses import clause_rules
from reviewer.extract.lexicon import default_lexicon

CLASSES = ("missing", "carried", "opener", "part", "whole", "other")


def _shared_gold() -> Path:
    for folder in Path(__file__).resolve().parents[1:]:
        if (folder / "shared" / "gold").is_dir():
            return folder / "shared" / "gold"
    return Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def similar(a, b):
    if not a or not b:
        return False
    return sum((Counter(a) & Counter(b)).values()) / max(len(a), len(b)) >= 0.5


def error_class(gold: str, pred: str | None, before: str | None) -> str:
    if not pred:
        return "missing"
    if before and pred == before:
        return "carried"
    rules = clause_rules(default_lexicon())
    if any(pred.startswith(w) and "opener" in roles for w, roles in rules.words.items()):
        return "opener"
    if pred in gold:
        return "part"
    if gold in pred:
        return "whole"
    return "other"


def errors_of(gold_dir: Path):
    """(agreeing, total, [(class, line)]) for one gold folder."""
    found: list[tuple[str, str]] = []
    total = 0
    for gold_path in sorted(gold_dir.glob("*.gold.jsonl")):
        doc = read_document(gold_path.with_name(gold_path.name.replace(".gold.jsonl", ".txt")))
        preds = figures_only(extract(doc.text, doc.date))
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if not g.get("indicator"):
                continue
            k = next((k for k, f in enumerate(preds) if f.start < g["end"] and g["start"] < f.end), None)
            if k is None:
                continue
            p = preds[k]
            total += 1
            if similar(g["indicator"], p.indicator):
                continue
            before = preds[k - 1].indicator if k else None
            ctx = doc.text[max(0, g["start"] - 25) : g["start"]].replace("\n", "⏎")
            after = doc.text[g["end"] : g["end"] + 8].replace("\n", "⏎")
            kind = error_class(g["indicator"], p.indicator, before)
            shown = f"gold={g['indicator']:<16} pred={p.indicator!s:<16} | {ctx}[{g['text']}]{after}"
            found.append((kind, f"{kind:<8} {gold_path.name[:3]} {shown}"))
    return total - len(found), total, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, help="gold folders (default: seeds and dev2)")
    parser.add_argument("--class", dest="only", choices=CLASSES, help="list only this class")
    parser.add_argument("--quiet", action="store_true", help="counts only")
    args = parser.parse_args()
    shared = _shared_gold()
    summary = []
    for gold_dir in args.gold or [shared / "seeds", shared / "dev2"]:
        ok, total, found = errors_of(gold_dir)
        if not args.quiet:
            print(f"# {gold_dir.name}")
            for kind, line in found:
                if args.only in (None, kind):
                    print(line)
        counts = Counter(kind for kind, _ in found)
        summary.append(
            f"{gold_dir.name:<8} {ok}/{total} agree ({ok / max(total, 1):.3f}); "
            + ", ".join(f"{c} {counts[c]}" for c in CLASSES)
        )
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
