"""How far reviewers agree: per pair of reviewers and overall (plain Python and numpy).

For each pair: the figures both decided, the share of those on which their decisions
(confirm/correct/reject) are the same, Cohen's kappa on the decision, Krippendorff's alpha
(nominal), and, on the figures both corrected, the share with the same corrected value and unit.
Overall: the figures at least two reviewers decided, agreement pooled over every pair of decisions,
Light's kappa (the mean of the pairs' Cohen's kappas: Cohen's is defined for two raters only),
Krippendorff's alpha over all reviewers at once (it takes figures not every reviewer saw).

A statistic that is undefined is None, never a made-up number: no figure in common, or (kappa,
alpha) every decision the same one, where chance alone explains the agreement and 1.0 would claim
a reliability the figures cannot show; the percent agreement (1.0 there) still says they agree.

numpy is imported only where two reviewers or more decided: a one-reviewer project needs none of it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from itertools import combinations

from reviewer.decisions import DECISIONS, Decision
from reviewer.model import Status

MISSING = -1


@dataclass(frozen=True)
class Measures:
    figures: int  # decided by both (overall: by at least two reviewers)
    agreement: float | None  # share of those with the same decision (overall: of all pairs of decisions)
    kappa: float | None  # Cohen's (overall: Light's, the mean of the pairs')
    alpha: float | None  # Krippendorff's, nominal
    corrected: int  # corrected by both (overall: by at least two)
    same_correction: float | None  # share of those with the same corrected value and unit


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    measures: Measures


@dataclass(frozen=True)
class Agreement:
    reviewers: tuple[str, ...]
    pairs: tuple[Pair, ...]
    overall: Measures

    def to_json(self) -> dict:
        return {
            "reviewers": list(self.reviewers),
            "pairs": [{"first": p.first, "second": p.second, **asdict(p.measures)} for p in self.pairs],
            "overall": asdict(self.overall),
        }


def agreement(decisions: Iterable[Decision]) -> Agreement:
    """Agreement of the reviewers' decisions; one decision per reviewer and figure (a later record
    for the same reviewer and figure replaces an earlier one)."""
    code = {status: i for i, status in enumerate(DECISIONS)}
    latest: dict[tuple[str, int], Decision] = {}
    for d in decisions:
        if d.status is not Status.PENDING:
            latest[(d.reviewer, d.figure)] = d
    corrections: dict[tuple, int] = {}
    ratings: dict[tuple[str, Hashable], tuple[int, int]] = {
        key: (
            code[d.status],
            corrections.setdefault((_exact(d.value), d.unit), len(corrections))
            if d.status is Status.CORRECTED
            else MISSING,
        )
        for key, d in latest.items()
    }
    return _agreement(ratings, len(DECISIONS))


@dataclass(frozen=True)
class Ratings:
    """Standing decisions as columns, one entry per (reviewer, figure), each pair once (what a
    store reads, without a Decision made for each of 600,000 rows); `corrections[i]` is the
    corrected (value, unit) of entry i, for the corrected ones only (by position, else absent)."""

    reviewers: Sequence[str]
    figures: Sequence[int]
    statuses: Sequence[Status]
    corrections: Mapping[int, tuple[Decimal | None, str | None]]


def agreement_of_ratings(ratings: Ratings) -> Agreement:
    """agreement() over columns: the same statistics, at a fraction of the cost for many figures."""
    import numpy as np

    names: dict[str, int] = {}
    rows = np.fromiter(
        (names.setdefault(r, len(names)) for r in ratings.reviewers), dtype=np.intp, count=len(ratings.reviewers)
    )
    reviewers = tuple(sorted(names))
    if len(reviewers) < 2:
        return Agreement(reviewers, (), Measures(0, None, None, None, 0, None))
    order = np.array([reviewers.index(name) for name in names], dtype=np.intp)  # first-seen -> sorted
    rows = order[rows]
    _, columns = np.unique(np.asarray(ratings.figures, dtype=np.int64), return_inverse=True)
    code = {status: i for i, status in enumerate(DECISIONS)}
    decided = np.fromiter((code[s] for s in ratings.statuses), dtype=np.int64, count=len(ratings.statuses))
    kinds: dict[tuple, int] = {}
    corrected = np.full(len(decided), MISSING, dtype=np.int64)
    for i, (value, unit) in ratings.corrections.items():
        corrected[i] = kinds.setdefault((_exact(value), unit), len(kinds))
    return _agreement_arrays(reviewers, rows, columns.reshape(-1), decided, corrected)


def agreement_of_labels(ratings: Mapping[str, Mapping[Hashable, Hashable]]) -> Agreement:
    """The same statistics for any nominal labels, {reviewer: {item: label}} (no corrections)."""
    labels: dict[Hashable, int] = {}
    coded: dict[tuple[str, Hashable], tuple[int, int]] = {
        (reviewer, item): (labels.setdefault(label, len(labels)), MISSING)
        for reviewer, items in ratings.items()
        for item, label in items.items()
    }
    return _agreement(coded, max(1, len(labels)))


def _exact(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.normalize()  # 1.50 and 1.5 are the same value


def _agreement(ratings: Mapping[tuple[str, Hashable], tuple[int, int]], categories: int) -> Agreement:
    """ratings: {(reviewer, item): (decision code, correction code or MISSING)}."""
    reviewers = tuple(sorted({r for r, _ in ratings}))
    if len(reviewers) < 2:
        return Agreement(reviewers, (), Measures(0, None, None, None, 0, None))
    import numpy as np

    row = {r: i for i, r in enumerate(reviewers)}
    column: dict[Hashable, int] = {}
    rows = np.fromiter((row[r] for r, _ in ratings), dtype=np.intp, count=len(ratings))
    columns = np.fromiter(
        (column.setdefault(item, len(column)) for _, item in ratings), dtype=np.intp, count=len(ratings)
    )
    values = np.array(list(ratings.values()), dtype=np.int64).reshape(-1, 2)
    return _agreement_arrays(reviewers, rows, columns, values[:, 0], values[:, 1], categories)


def _agreement_arrays(reviewers, rows, columns, decisions, corrections, categories: int = len(DECISIONS)) -> Agreement:
    """The statistics of ratings given as arrays: entry i is reviewer rows[i]'s decision code on
    item columns[i], with its correction code (MISSING where none)."""
    import numpy as np

    items = int(columns.max()) + 1 if len(columns) else 0
    decided = np.full((len(reviewers), items), MISSING, dtype=np.int64)
    corrected = np.full_like(decided, MISSING)
    decided[rows, columns] = decisions
    corrected[rows, columns] = corrections

    pairs, counts = [], []
    for i, j in combinations(range(len(reviewers)), 2):
        measures, agreeing, same = _pair(decided[i], decided[j], corrected[i], corrected[j], categories)
        pairs.append(Pair(reviewers[i], reviewers[j], measures))
        counts.append((measures.figures, agreeing, measures.corrected, same))
    kappas = [p.measures.kappa for p in pairs if p.measures.kappa is not None]
    compared, agreeing, both_corrected, same = (sum(c) for c in zip(*counts, strict=True)) if counts else (0,) * 4
    overall = Measures(
        figures=int(((decided != MISSING).sum(axis=0) >= 2).sum()),
        agreement=agreeing / compared if compared else None,
        kappa=sum(kappas) / len(kappas) if kappas else None,
        alpha=_alpha(decided, categories),
        corrected=int(((corrected != MISSING).sum(axis=0) >= 2).sum()),
        same_correction=same / both_corrected if both_corrected else None,
    )
    return Agreement(reviewers, tuple(pairs), overall)


def _pair(a, b, fixed_a, fixed_b, categories: int) -> tuple[Measures, int, int]:
    """The measures of two reviewers' rows, with the counts the overall figures pool."""

    both = (a != MISSING) & (b != MISSING)
    x, y = a[both], b[both]
    n = len(x)
    agreeing = int((x == y).sum())
    fixed = (fixed_a != MISSING) & (fixed_b != MISSING)
    corrected = int(fixed.sum())
    same = int((fixed_a[fixed] == fixed_b[fixed]).sum())
    measures = Measures(
        figures=n,
        agreement=agreeing / n if n else None,
        kappa=_kappa(x, y, categories),
        alpha=_alpha_of_two(x, y, categories),
        corrected=corrected,
        same_correction=same / corrected if corrected else None,
    )
    return measures, agreeing, same


def _kappa(x, y, categories: int) -> float | None:
    """Cohen's kappa of two raters' codes on the same items; None where chance agreement is total."""
    import numpy as np

    n = len(x)
    if n == 0:
        return None
    table = np.bincount(x * categories + y, minlength=categories * categories).reshape(categories, categories)
    chance = int(table.sum(axis=1) @ table.sum(axis=0))  # n*n times the agreement expected by chance
    if chance == n * n:
        return None
    observed = int(np.trace(table))
    return (observed * n - chance) / (n * n - chance)


def _alpha_of_two(x, y, categories: int) -> float | None:
    """Krippendorff's alpha (nominal) of two raters who both rated every item: from their table
    of codes at once (the krippendorff package, one call per pair, took most of the time of 55
    pairs; tests/agreement check the two give the same number). None as _alpha says."""
    import numpy as np

    if len(x) == 0:
        return None
    table = np.bincount(x * categories + y, minlength=categories * categories).reshape(categories, categories)
    coincidences = table + table.T  # each item: one pair of values, counted both ways
    marginals = coincidences.sum(axis=1)
    total = int(marginals.sum())  # 2 values per item
    expected = total * total - int(marginals @ marginals)  # sum over c != k of n_c * n_k
    if expected == 0:  # one value only: no disagreement to expect, alpha undefined
        return None
    observed = total - int(np.trace(coincidences))  # sum over c != k of o_ck
    return 1.0 - (total - 1) * observed / expected


def _alpha(codes, categories: int) -> float | None:
    """Krippendorff's alpha (nominal) of a raters x items matrix of codes, MISSING where not rated;
    None where no item has two ratings or all ratings of such items are one value. From each item's
    counts of each code at once: the krippendorff package builds its coincidences item by item,
    0.64 s for 11 reviewers x 200,000 figures against 0.02 s here, of the 2 s agreement may take
    (benchmarks/bench_team.py); tests/agreement check the two give the same number."""
    import numpy as np

    rated = codes != MISSING
    counts = np.zeros((codes.shape[1], categories), dtype=np.int64)  # items x codes: raters who gave it
    for code in range(categories):
        counts[:, code] = ((codes == code) & rated).sum(axis=0)
    values = counts.sum(axis=1)
    pairable = values >= 2
    if not pairable.any():
        return None
    counts, values = counts[pairable], values[pairable]
    if np.count_nonzero(counts.sum(axis=0)) < 2:
        return None  # one value only: no disagreement to expect
    weights = 1.0 / (values - 1)
    coincidences = (counts * weights[:, None]).T @ counts - np.diag((counts * weights[:, None]).sum(axis=0))
    marginals = coincidences.sum(axis=1)
    total = marginals.sum()
    observed = coincidences.sum() - np.trace(coincidences)
    expected = total * total - float(marginals @ marginals)
    return float(1.0 - (total - 1) * observed / expected)
