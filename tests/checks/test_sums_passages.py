"""The passages of real reports in passages_sums.py: each edited passage is flagged by its rule on
a finding that names the edited figure; its unedited original has no error-level finding."""

import pytest

from reviewer.checks import Severity, check_document
from tests.checks.passages_sums import PASSAGES
from tests.checks.sums_documents import document

RULES = {"parts-total", "shares-whole", "share-part-total", "cumulative-periods"}


def test_enough_passages_for_the_sum_rules():
    assert len(PASSAGES) >= 25
    assert {p["rule"] for p in PASSAGES} <= RULES


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: f"{p['rule']}:{p['source']}")
def test_the_edited_figure_is_flagged(passage):
    edited = passage["edited"]
    start = edited.find(passage["edited_figure"])
    assert start >= 0 and passage["original"] != edited
    end = start + len(passage["edited_figure"])
    named = [
        finding
        for finding in check_document(document(edited))
        if finding.rule == passage["rule"] and any(f.start < end and start < f.end for f in finding.figures)
    ]
    assert named, edited


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: f"{p['rule']}:{p['source']}")
def test_the_original_is_clean(passage):
    errors = [f.message for f in check_document(document(passage["original"])) if f.severity is Severity.ERROR]
    assert errors == []
