"""Indicator, change phrase and period of each figure (placeholder filled in below)."""
from __future__ import annotations

from reviewer.extract.lexicon import Lexicon
from reviewer.model import Figure


def attach_context(text: str, found: list[Figure], lexicon: Lexicon) -> list[Figure]:
    return found
