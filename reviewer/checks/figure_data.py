"""A finding's figure as data, one shape for `reviewer check --json` and the JSON export: where it
stands (the offsets of `reviewer extract`), its text, value and unit."""

from __future__ import annotations

from reviewer.checks.model import CheckFigure
from reviewer.model import json_number


def figure_data(figure: CheckFigure) -> dict:
    return {
        "start": figure.start,
        "end": figure.end,
        "text": figure.text,
        "value": json_number(figure.value),
        "unit": figure.unit,
    }
