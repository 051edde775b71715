"""Print the figures whose indicator disagrees with the development set's (a tuning aid).

    .venv/bin/python benchmarks/indicator_errors.py [GOLD_DIR]
"""
import json
import sys
from collections import Counter
from pathlib import Path

from reviewer.documents import read_document
from reviewer.extract import extract, figures_only

gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared/gold/seeds"


def similar(a, b):
    if not a or not b:
        return False
    return sum((Counter(a) & Counter(b)).values()) / max(len(a), len(b)) >= 0.5


bad = total = 0
for gold_path in sorted(gold_dir.glob("*.gold.jsonl")):
    doc = read_document(gold_path.with_name(gold_path.name.replace(".gold.jsonl", ".txt")))
    preds = {(f.start, f.end): f for f in figures_only(extract(doc.text, doc.date))}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if not g.get("indicator"):
            continue
        p = next((f for (s, e), f in preds.items() if s < g["end"] and g["start"] < e), None)
        if p is None:
            continue
        total += 1
        if not similar(g["indicator"], p.indicator):
            bad += 1
            ctx = doc.text[max(0, g["start"] - 25):g["start"]].replace("\n", "⏎")
            print(f"{gold_path.name[:3]} gold={g['indicator']:<16} pred={p.indicator!s:<16} | {ctx}[{g['text']}]")
print(f"{total - bad}/{total} indicators agree")
