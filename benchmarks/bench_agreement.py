"""Agreement (issue 15) over 200,000 figures x 3 reviewers, printed as figures (target < 2 s).

    .venv/bin/python benchmarks/bench_agreement.py [--figures N] [--reviewers R]

The decisions are made up, with a seed: each reviewer decides 90% of the figures, agreeing with
a hidden true decision 80% of the time; a tenth of the decisions are corrections. The time is
reviewer.agreement.agreement() from the records to the pair matrix and the overall figures; the
records are built before the clock starts (the store reads them). Then, apart: the same
decisions as event-log records (reviewer.store.records.Event), read back into each reviewer's
latest decision per figure by reviewer.commands.agreement.reviewer_decisions (the SQLite query
itself not included).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reviewer.agreement import agreement  # noqa: E402
from reviewer.commands.agreement import reviewer_decisions  # noqa: E402
from reviewer.decisions import DECISIONS, Decision  # noqa: E402
from reviewer.model import Status  # noqa: E402
from reviewer.store.records import Event  # noqa: E402


def made_up(figures: int, reviewers: int, seed: int = 15) -> list[Decision]:
    rng = random.Random(seed)
    truth = [rng.choices(DECISIONS, weights=(7, 1, 2))[0] for _ in range(figures)]
    names = [f"reviewer{r + 1}" for r in range(reviewers)]
    out = []
    for f, true in enumerate(truth):
        for name in names:
            if rng.random() < 0.9:
                status = true if rng.random() < 0.8 else rng.choice(DECISIONS)
                value = Decimal(f % 1000 + (rng.random() < 0.1)) if status is Status.CORRECTED else None
                out.append(Decision(f, name, status, value, "亿元" if value is not None else None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=200_000)
    parser.add_argument("--reviewers", type=int, default=3)
    args = parser.parse_args()
    decisions = made_up(args.figures, args.reviewers)
    start = time.perf_counter()
    result = agreement(decisions)
    seconds = time.perf_counter() - start
    print(f"{len(decisions):,} decisions, {args.figures:,} figures x {args.reviewers} reviewers")
    for pair in result.pairs:
        m = pair.measures
        print(f"  {pair.first}/{pair.second}: {m.figures:,} both, agreement {m.agreement:.3f}, "
              f"kappa {m.kappa:.3f}, alpha {m.alpha:.3f}, {m.corrected:,} both corrected, "
              f"same value and unit {m.same_correction:.3f}")
    o = result.overall
    print(f"  overall: {o.figures:,} figures, agreement {o.agreement:.3f}, kappa {o.kappa:.3f}, alpha {o.alpha:.3f}")
    print(f"agreement(): {seconds:.2f} s (target < 2 s)")
    events = [as_event(i, d) for i, d in enumerate(decisions, 1)]
    start = time.perf_counter()
    read = reviewer_decisions(events)
    seconds = time.perf_counter() - start
    print(f"reviewer_decisions() of {len(events):,} events: {len(read):,} decisions in {seconds:.2f} s")


def as_event(event_id: int, d: Decision) -> Event:
    new = {"status": d.status.value, "reviewer": d.reviewer}
    if d.status is Status.CORRECTED:
        new.update(corrected_value=str(d.value), corrected_unit=d.unit)
    return Event(event_id, "", d.reviewer, "decide", 1, d.figure, {}, new, None, event_id)


if __name__ == "__main__":
    main()
