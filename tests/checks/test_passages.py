"""Every edited passage of real text (tests/checks/passages_*.py) is flagged on the edited figure's
relation, and every unedited original is free of error-level findings: the product's rules."""

import importlib
from pathlib import Path

import pytest

from reviewer.checks import Severity, check_document
from tests.checks.engine_run import document

FOLDER = Path(__file__).parent


def _passages() -> list[dict]:
    found = []
    for path in sorted(FOLDER.glob("passages_*.py")):
        found.extend(importlib.import_module(f"tests.checks.{path.stem}").PASSAGES)
    return found


PASSAGES = _passages()
IDS = [f"{p['rule']}:{p['edited_figure']}" for p in PASSAGES]


@pytest.mark.parametrize("passage", PASSAGES, ids=IDS)
def test_edited_is_flagged(passage):
    edited = passage["edited"]
    start = edited.index(passage["edited_figure"])
    end = start + len(passage["edited_figure"])
    rules = {passage["rule"], "scale-slip"}
    hits = [
        f
        for f in check_document(document(edited))
        if f.rule in rules and any(x.start < end and start < x.end for x in f.figures)
    ]
    assert hits, edited


@pytest.mark.parametrize("passage", PASSAGES, ids=IDS)
def test_original_is_clean(passage):
    errors = [f.message for f in check_document(document(passage["original"])) if f.severity is Severity.ERROR]
    assert errors == [], passage["original"]
