"""Verification against a source: a reference table (indicator, period, value, unit, and
optionally region and source) imported into the project; each figure whose indicator and period
match a row agrees or differs at the figure's precision (filled in by issue 14's work)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from reviewer.checks.model import CheckDocument, CheckFigure, Finding


class ReferenceError(Exception):
    """A one-line message naming the file and the problem, in the reviewer's language."""


@dataclass(frozen=True)
class ReferenceRow:
    indicator: str
    period: str | None  # a period label as the figures have them: 2023, 2025-01/2025-11
    value: Decimal
    unit: str | None
    region: str | None = None
    source: str | None = None  # where the row comes from (国家统计局 2024年统计公报)
    file: str = ""  # the file it was imported from
    line: int = 0  # its row in that file (1 = the first data row), for messages


@dataclass(frozen=True)
class ReferenceMatch:
    figure: CheckFigure
    row: ReferenceRow
    verdict: Literal["agrees", "differs"]


def read_reference(path: str | Path) -> list[ReferenceRow]:
    """The rows of a reference table (.xlsx or .csv); ReferenceError for a file that is not one."""
    raise ReferenceError(f"{path}: reference tables are not read yet")


def compare(document: CheckDocument, rows: Sequence[ReferenceRow]) -> list[ReferenceMatch]:
    """Every figure of the document that a row matches (indicator and period), with its verdict."""
    return []


def reference_findings(document: CheckDocument, rows: Sequence[ReferenceRow]) -> list[Finding]:
    """A finding (rule "reference") for each figure that differs from its row."""
    return []
