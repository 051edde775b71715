"""Speed of the engine, printed as figures (not a test: shared machines make timed tests flaky).

    .venv/bin/python benchmarks/bench_extract.py [--corpus PATH] [--repeat N]

- scan: figures, values and units, no indicators (target >= 1,000,000 chars/s on one core)
- full: the whole pipeline including indicators, change and periods (target >= 200,000 chars/s)
- first call: a fresh process importing the engine and extracting one report, warm jieba cache
  (target < 1.5 s)
- pathological input: 1,000,000 characters of one digit, of 一, of the notations of issue 11
  (spaces, signs, ratios, formal numerals, 半/折, points, rankings, URLs) and of other repeated patterns
  (a period mark before every figure of one paragraph, 分别 lists in one sentence) and a
  5,000,000-character line of report text stay linear (time per character, large vs small)
- tables (issue 12): a table of 1,000 and of 5,000 rows, read from its text alone and cell by
  cell from the document's tables, and 200 vs 1,000 small tables: extraction stays linear
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import load_corpus  # noqa: E402

from reviewer.documents.tables import find_text_tables  # noqa: E402
from reviewer.extract import extract, figures_only, scan  # noqa: E402

FIRST_CALL = r"""
import time, sys
t0 = time.perf_counter()
from reviewer.extract import extract
text = open(sys.argv[1], encoding="utf-8").read()
figures = extract(text)
print(f"{time.perf_counter() - t0:.3f} {len(figures)}")
"""


def rate(fn, docs, repeat):
    chars = sum(len(t) for _, t in docs)
    times = []
    count = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = sum(len(figures_only(fn(text))) for _, text in docs)
        times.append(time.perf_counter() - t0)
    best = min(times)
    return chars, count, best, chars / best


def first_call(sample: Path) -> list[float]:
    runs = []
    for _ in range(4):
        out = subprocess.run([sys.executable, "-c", FIRST_CALL, str(sample)], capture_output=True, text=True,
                             check=True)
        runs.append(float(out.stdout.split()[0]))
    return runs


def one_line(docs: list[tuple[str, str]], size: int) -> str:
    """Report text as one line with no sentence break: every figure in one sentence and one
    paragraph (what a PDF without line ends, or a pasted table, gives the engine)."""
    text = re.sub(r"[。！？!?；;\n]", "，", "".join(t for _, t in docs))
    return (text * (size // max(1, len(text)) + 1))[:size]


def pathological(docs: list[tuple[str, str]]):
    rows = []
    units = [(unit, unit) for unit in ("1", "一", "1,", "一万", "第一", "1.", "半", "12%、", "2025年",
                                        "2025年。增长1%。", "分别1%、2%和", "1" + "亿" * 9)]
    units[0] = ("digit 1", "1")
    # the notations of issue 11: spaces, signs, ratios, formal and traditional numerals, 半 and 折
    # after a unit, points, multiples, rankings, URLs
    notations = ("1 ", "-1%", "−1%、", "（-1", "1∶", "1：", "伍一", "壹", "萬億", "三米半", "八折", "85折", "第 1 位",
                 "前10", "俩", "翻1番", "1x", "报1点", "1-2%", "1%—", "%3A", "GDP1", "1元/")
    units += [(unit.replace(" ", "␠"), unit) for unit in notations]
    repeated = [(label, 100_000, 1_000_000, lambda size, unit=unit: (unit * (size // len(unit) + 1))[:size])
                for label, unit in units]
    repeated.append(("one line, 5M chars", 500_000, 5_000_000, lambda size: one_line(docs, size)))
    for label, small, large, make in repeated:
        per_char = []
        for size in (small, large):
            text = make(size)
            t0 = time.perf_counter()
            extract(text)
            per_char.append((time.perf_counter() - t0) / size)
        rows.append((label, small, large, per_char[0] * 1e6, per_char[1] * 1e6, per_char[1] / per_char[0]))
    return rows


def big_table(rows: int) -> str:
    """A statistical table of `rows` rows under its caption and unit line, as a pipe table."""
    lines = ["表1 主要工业产品产量及其增长速度", "", "单位：万吨", "", "| 产品名称 | 产量 | 比上年增长（%） | 2024年 |",
             "| --- | --- | --- | --- |"]
    lines += [f"| 产品{k} | {k * 7 % 9000 + 0.5} | {k % 23 - 11}.{k % 10} | {k % 500} |" for k in range(rows)]
    return "\n".join(lines) + "\n"


def many_tables(count: int) -> str:
    return "全年受理案件1425918件。\n\n".join(big_table(5) for _ in range(count))


def tables() -> list[tuple[str, int, int, float, float, int]]:
    """(case, small, large, seconds small, seconds large, figures large) for each form of table."""
    rows = []
    cases = [("pipe rows, text only", lambda n: big_table(n), False, 1000, 5000),
             ("pipe rows, cell by cell", lambda n: big_table(n), True, 1000, 5000),
             ("small tables, cell by cell", many_tables, True, 200, 1000)]
    for label, make, grid, small, large in cases:
        seconds = []
        count = 0
        for size in (small, large):
            text = make(size)
            t0 = time.perf_counter()
            found = extract(text, tables=find_text_tables(text) if grid else None)
            seconds.append(time.perf_counter() - t0)
            count = len(figures_only(found))
        rows.append((label, small, large, seconds[0], seconds[1], count))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-pathological", action="store_true")
    args = parser.parse_args()
    docs = load_corpus(args.corpus)
    extract(docs[0][1])  # warm up jieba and the lexicons outside the timings
    print(f"corpus: {len(docs)} documents, {sum(len(t) for _, t in docs):,} characters")
    print(f"{'pass':<26}{'chars':>12}{'figures':>10}{'seconds':>10}{'chars/s':>14}")
    for label, fn, target in (("scan (no indicators)", scan, 1_000_000), ("full pipeline", extract, 200_000)):
        chars, count, seconds, speed = rate(fn, docs, args.repeat)
        verdict = "ok" if speed >= target else f"BELOW target {target:,}"
        print(f"{label:<26}{chars:>12,}{count:>10,}{seconds:>10.2f}{speed:>14,.0f}  {verdict}")
    sample = Path(__file__).resolve().parents[1] / "seeds" / "000_71bace37cc241901.txt"
    runs = first_call(sample)
    warm = statistics.median(runs[1:])
    print(f"first call in a fresh process (warm cache): median {warm:.3f} s over {len(runs) - 1} runs "
          f"(the first of the runs {runs[0]:.3f} s)  {'ok' if warm < 1.5 else 'ABOVE target 1.5 s'}")
    if not args.skip_pathological:
        print(f"\n{'pathological input':<22}{'sizes':>12}{'us/char small':>15}{'us/char large':>15}{'ratio':>8}")
        for label, small, large, small_us, large_us, ratio in pathological(docs):
            sizes = f"{small // 1000}k/{large // 1000}k"
            verdict = "linear" if ratio < 2 else "SUPERLINEAR"
            print(f"{label:<22}{sizes:>12}{small_us:>15.3f}{large_us:>15.3f}{ratio:>8.2f}  {verdict}")
    print(f"\n{'tables':<28}{'sizes':>12}{'s small':>9}{'s large':>9}{'figures':>9}{'ratio':>8}")
    for label, small, large, t_small, t_large, count in tables():
        ratio = (t_large / large) / (t_small / small)
        verdict = "linear" if ratio < 2 else "SUPERLINEAR"
        print(f"{label:<28}{f'{small}/{large}':>12}{t_small:>9.2f}{t_large:>9.2f}{count:>9,}{ratio:>8.2f}  {verdict}")


if __name__ == "__main__":
    main()
