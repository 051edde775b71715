"""What the table-driven engine cases share: a row of expected figures checked against what the
engine found, and a number that must be part of no figure.

An expected figure is (span text, kind, value, unit) with optional extras {"approx", "value_high"}.
"""
from decimal import Decimal

from reviewer.extract import extract, figures_only

CLOSE = Decimal("1e-9")


def assert_figures(got, expected, exact_approx=False):
    """got (the engine's figures, dates left out) are expected, in order. With exact_approx, a
    row without "approx" means the figure has none; else approx is checked where a row names it."""
    summary = [(f.text, f.kind.value, f.value, f.unit, f.approx) for f in got]
    assert len(got) == len(expected), summary
    for figure, row in zip(got, expected, strict=True):
        span, kind, value, unit = row[:4]
        extra = row[4] if len(row) > 4 else {}
        assert (figure.text, figure.kind.value, figure.unit) == (span, kind, unit), summary
        assert abs(figure.value - value) < CLOSE, (figure.text, figure.value, value)
        assert figure.text == figure.text.strip(), figure.text
        if exact_approx or "approx" in extra:
            assert figure.approx == extra.get("approx"), (figure.text, figure.approx)
        if "value_high" in extra:
            assert figure.value_high is not None and abs(figure.value_high - extra["value_high"]) < CLOSE


def assert_text_has_figures(text, expected, exact_approx=False, lexicon=None):
    assert_figures(figures_only(extract(text, lexicon=lexicon)), expected, exact_approx)


def figures_over(text, number, at=None):
    """The figures of text that overlap `number` (its first occurrence, or the one at `at`)."""
    at = text.index(number) if at is None else at
    return [f for f in figures_only(extract(text)) if f.start < at + len(number) and at < f.end]
