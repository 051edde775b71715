"""The figure-extraction engine: plain Python, no Qt.

    extract(text, doc_date=None) -> list[Figure]

Deterministic; never raises on any string (only a malformed user lexicon raises, a
`lexicon.LexiconError` of one line, before any text is read); spans sorted, non-overlapping, and
text[f.start:f.end] == f.text for every figure. Dates are returned too (kind DATE) so callers
can show them on request; `figures_only` drops them.
"""

from __future__ import annotations

from datetime import date

from reviewer.extract.engine import ENGINE_VERSION, extract, figures_only, scan

__all__ = ["ENGINE_VERSION", "extract", "figures_only", "scan", "date"]
