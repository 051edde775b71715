"""Agreement of reviewers' decisions against textbook values, and its edge cases."""
import json
from decimal import Decimal

import pytest

from reviewer.agreement import agreement, agreement_of_labels
from reviewer.decisions import Decision
from reviewer.model import Status

C, X, R = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED


def from_table(table, categories):
    """Two reviewers' decisions from a contingency table: table[i][j] figures A decided
    categories[i] and B categories[j]."""
    out, figure = [], 0
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            for _ in range(count):
                out += [Decision(figure, "A", categories[i]), Decision(figure, "B", categories[j])]
                figure += 1
    return out


@pytest.mark.parametrize("table, categories, agreement_share, kappa", [
    # Wikipedia, Cohen's kappa, "Simple example": 50 applications, yes/no; p_o 0.7, p_e 0.5
    ([[20, 5], [10, 15]], (C, R), 0.7, 0.4),
    # Wikipedia, "Same percentages but different numbers": p_o 0.6 both, kappa 0.1304 and 0.2593
    ([[45, 15], [25, 15]], (C, R), 0.6, 0.06 / 0.46),
    ([[25, 35], [5, 35]], (C, R), 0.6, 0.14 / 0.54),
    # three decisions, by hand: p_o 24/30; margins 12, 8, 10 and 11, 8, 11; p_e 306/900
    ([[10, 2, 0], [1, 5, 2], [0, 1, 9]], (C, X, R), 0.8, (0.8 - 0.34) / 0.66),
])
def test_cohens_kappa_of_a_pair_is_the_textbooks(table, categories, agreement_share, kappa):
    result = agreement(from_table(table, categories))
    (pair,) = result.pairs
    assert (pair.first, pair.second) == ("A", "B")
    assert pair.measures.figures == sum(map(sum, table))
    assert pair.measures.agreement == pytest.approx(agreement_share)
    assert pair.measures.kappa == pytest.approx(kappa)
    assert result.overall.kappa == pytest.approx(kappa)  # one pair: Light's kappa is Cohen's


def rows(**observers):
    """{observer: {unit: label}} from rows written as in the papers, '.' where not rated."""
    return {name: {i: v for i, v in enumerate(row.split()) if v != "."} for name, row in observers.items()}


@pytest.mark.parametrize("ratings, pairable, alpha", [
    # Wikipedia, Krippendorff's alpha, worked example (3 coders, 15 units, missing values): nominal 0.691
    (rows(A=". . . . . 3 4 1 2 1 1 3 3 . 3",
          B="1 . 2 1 3 3 4 3 . . . . . . .",
          C=". . 2 1 3 4 4 . 2 1 1 3 3 . 4"), 12, 0.691),
    # Krippendorff (2011), Computing Krippendorff's alpha-reliability, example C (4 observers,
    # 12 units, missing values): nominal 0.743
    (rows(A="1 2 3 3 2 1 4 1 2 . . .",
          B="1 2 3 3 2 2 4 1 2 5 . 3",
          C=". 3 3 3 2 3 4 2 2 5 1 .",
          D="1 2 3 3 2 4 4 1 2 5 1 ."), 11, 0.743),
])
def test_krippendorffs_alpha_over_all_reviewers_is_the_textbooks(ratings, pairable, alpha):
    result = agreement_of_labels(ratings)
    assert result.overall.figures == pairable
    assert result.overall.alpha == pytest.approx(alpha, abs=0.0005)
    assert len(result.pairs) == len(ratings) * (len(ratings) - 1) // 2


def test_decisions_with_figures_not_every_reviewer_saw():
    # by hand: coincidences cc 2, cr 1, rc 1, rr 2, xx 2; n 8, n_c 3, n_r 3, n_x 2;
    # alpha = 1 - 7 * 2 / (2 * (9 + 6 + 6)) = 2/3; A/B: p_o 2/3, p_e 4/9, kappa 0.4
    decisions = [Decision(1, "A", C), Decision(2, "A", C), Decision(3, "A", R),
                 Decision(1, "B", C), Decision(2, "B", R), Decision(3, "B", R), Decision(4, "B", X, Decimal(5)),
                 Decision(4, "C", X, Decimal(5))]
    result = agreement(decisions)
    assert result.reviewers == ("A", "B", "C")
    pairs = {(p.first, p.second): p.measures for p in result.pairs}
    assert pairs["A", "B"].kappa == pytest.approx(0.4)
    assert pairs["A", "B"].figures == 3
    assert pairs["A", "C"].figures == 0
    assert (pairs["B", "C"].figures, pairs["B", "C"].agreement) == (1, 1.0)
    assert result.overall.alpha == pytest.approx(2 / 3)
    assert result.overall.figures == 4
    assert result.overall.agreement == pytest.approx(3 / 4)  # pooled: 2 of A/B's 3, B/C's 1


@pytest.mark.parametrize("decisions, figures, agreement_share, kappa, alpha", [
    # one reviewer: no pair, nothing to compare
    ([Decision(1, "A", C), Decision(2, "A", R)], 0, None, None, None),
    # no figure in common
    ([Decision(1, "A", C), Decision(2, "B", R)], 0, None, None, None),
    # all agree on one decision: chance explains it all, kappa and alpha are undefined (None),
    # the percent agreement says they agree
    ([Decision(f, r, C) for f in range(5) for r in "AB"], 5, 1.0, None, None),
    # all agree on two decisions: perfect agreement beyond chance
    ([Decision(f, r, C if f % 2 else R) for f in range(4) for r in "AB"], 4, 1.0, 1.0, 1.0),
    # pending is no decision
    ([Decision(1, "A", C), Decision(1, "B", Status.PENDING)], 0, None, None, None),
])
def test_edge_cases(decisions, figures, agreement_share, kappa, alpha):
    overall = agreement(decisions).overall
    assert (overall.figures, overall.agreement, overall.kappa, overall.alpha) == (figures, agreement_share,
                                                                                 kappa, alpha)


def test_no_decision_at_all():
    result = agreement([])
    assert (result.reviewers, result.pairs, result.overall.figures, result.overall.kappa) == ((), (), 0, None)


@pytest.mark.parametrize("a, b, corrected, same", [
    (Decision(1, "A", X, Decimal("1.50"), "亿元"), Decision(1, "B", X, Decimal("1.5"), "亿元"), 1, 1.0),
    (Decision(1, "A", X, Decimal("1.5"), "亿元"), Decision(1, "B", X, Decimal("1.5"), "万元"), 1, 0.0),
    (Decision(1, "A", X, Decimal("1.5"), "亿元"), Decision(1, "B", X, Decimal("1.6"), "亿元"), 1, 0.0),
    (Decision(1, "A", X, None, None), Decision(1, "B", X, None, None), 1, 1.0),  # both corrected the kind only
    (Decision(1, "A", X, Decimal("1.5"), "亿元"), Decision(1, "B", C), 0, None),  # only one corrected
])
def test_exact_agreement_of_corrected_value_and_unit(a, b, corrected, same):
    (pair,) = agreement([a, b]).pairs
    assert (pair.measures.corrected, pair.measures.same_correction) == (corrected, same)
    assert (agreement([a, b]).overall.corrected, agreement([a, b]).overall.same_correction) == (corrected, same)


def test_a_later_decision_of_the_same_reviewer_replaces_the_earlier():
    result = agreement([Decision(1, "A", R), Decision(1, "B", C), Decision(1, "A", C)])
    assert result.overall.agreement == 1.0


def test_the_json_has_the_same_numbers():
    result = agreement(from_table([[20, 5], [10, 15]], (C, R)))
    data = json.loads(json.dumps(result.to_json()))
    assert data["reviewers"] == ["A", "B"]
    assert data["pairs"][0]["first"] == "A"
    assert data["pairs"][0]["kappa"] == pytest.approx(0.4)
    assert data["overall"]["figures"] == 50
    assert data["overall"]["same_correction"] is None


def test_one_reviewer_needs_neither_numpy_nor_krippendorff():
    """The packaged application leaves numpy out: exporting a one-reviewer project must not need it."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys; sys.modules['numpy'] = None; sys.modules['krippendorff'] = None\n"
            "from reviewer.agreement import agreement\nfrom reviewer.decisions import Decision\n"
            "from reviewer.model import Status\n"
            "print(agreement([Decision(1, 'A', Status.CONFIRMED)]).overall.figures)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={"PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout.strip()) == (0, "0"), done.stderr


@pytest.mark.parametrize("seed", range(12))
def test_the_columns_give_the_same_statistics_as_the_records(seed):
    """agreement_of_ratings (what a project reads: columns) is agreement() without its records."""
    import random

    from reviewer.agreement import Ratings, agreement_of_ratings

    rng = random.Random(seed)
    names = ["ana", "ben", "cy", "dan"][: rng.randint(1, 4)]
    decisions = []
    for figure in range(rng.randint(0, 80)):
        for name in names:
            if rng.random() < 0.7:
                status = rng.choice([C, R, X])
                value = Decimal(rng.choice(["1.5", "1.50", "2"])) if status is X else None
                unit = rng.choice(["亿元", "%"]) if status is X else None
                decisions.append(Decision(figure * 7 + 3, name, status, value=value, unit=unit))
    ratings = Ratings(
        reviewers=[d.reviewer for d in decisions],
        figures=[d.figure for d in decisions],
        statuses=[d.status for d in decisions],
        corrections={i: (d.value, d.unit) for i, d in enumerate(decisions) if d.status is X},
    )
    assert agreement_of_ratings(ratings) == agreement(decisions)


def krippendorffs(codes, categories):
    """The krippendorff package's alpha (nominal), the reference ours is checked against; None
    where it is undefined (no item with two ratings, or one value only)."""
    import krippendorff
    import numpy as np

    from reviewer.agreement import MISSING

    pairable = (codes != MISSING).sum(axis=0) >= 2
    if not pairable.any():
        return None
    codes = codes[:, pairable]
    if len(np.unique(codes[codes != MISSING])) < 2:
        return None
    data = np.where(codes == MISSING, np.nan, codes.astype(float))
    return float(krippendorff.alpha(reliability_data=data, value_domain=list(range(categories)),
                                    level_of_measurement="nominal"))


@pytest.mark.parametrize("seed", range(20))
def test_alpha_of_two_reviewers_is_krippendorffs(seed):
    import numpy as np

    from reviewer.agreement import _alpha_of_two

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 80))
    x = rng.integers(0, 3, n)
    y = np.where(rng.random(n) < 0.6, x, rng.integers(0, 3, n))
    mine, theirs = _alpha_of_two(x, y, 3), krippendorffs(np.vstack([x, y]), 3)
    assert (mine is None and theirs is None) or mine == pytest.approx(theirs, abs=1e-12)


@pytest.mark.parametrize("seed", range(40))
def test_alpha_over_all_reviewers_is_krippendorffs_with_figures_not_all_saw(seed):
    import numpy as np

    from reviewer.agreement import MISSING, _alpha

    rng = np.random.default_rng(seed)
    raters, items = int(rng.integers(2, 7)), int(rng.integers(1, 60))
    truth = rng.integers(0, 3, items)
    codes = np.where(rng.random((raters, items)) < 0.7, truth, rng.integers(0, 3, (raters, items)))
    codes = np.where(rng.random((raters, items)) < 0.35, MISSING, codes)
    mine, theirs = _alpha(codes, 3), krippendorffs(codes, 3)
    assert (mine is None and theirs is None) or mine == pytest.approx(theirs, abs=1e-12)
