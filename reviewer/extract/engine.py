"""The engine's entry points, tying scanner, context and periods together."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from reviewer.extract.lexicon import Lexicon, default_lexicon
from reviewer.extract.scanner import Scanner
from reviewer.grid import Table
from reviewer.model import Figure, Kind, Period

ENGINE_VERSION = "1"
log = logging.getLogger(__name__)


def scan(
    text: str,
    doc_date: date | None = None,
    lexicon: Lexicon | None = None,
    tables: Sequence[Table] | None = None,
    reporting: Period | None = None,
) -> list[Figure]:
    """Figures and dates with values and units, without indicators (the fast pass). `tables` are
    the document's own (Document.tables): their cells are read by the table rules; without them
    the engine finds the tables written as text itself. `reporting` is taken so both entry points
    read a document alike; the fast pass gives no periods."""
    if not isinstance(text, str) or not text:
        return []
    found = Scanner(lexicon or default_lexicon()).scan(text, doc_date, tables)
    return _clean(found, text)


def extract(
    text: str,
    doc_date: date | None = None,
    lexicon: Lexicon | None = None,
    tables: Sequence[Table] | None = None,
    reporting: Period | None = None,
) -> list[Figure]:
    """Figures and dates with indicator, change, period and confidence. `reporting` is the
    document's reporting period where the reviewer set it (else the engine infers it from the
    text and the date: a work report delivered early in a year reviews the year before)."""
    from reviewer.extract.context import attach_context

    found = scan(text, doc_date, lexicon, tables)
    if not found:
        return found
    return attach_context(text, found, lexicon or default_lexicon(), doc_date, reporting)


def figures_only(found: list[Figure]) -> list[Figure]:
    return [f for f in found if f.kind is not Kind.DATE]


def _clean(found: list[Figure], text: str) -> list[Figure]:
    """Sort, drop overlaps (first wins) and any span that does not match the text."""
    result: list[Figure] = []
    last_end = -1
    for figure in sorted(found, key=lambda f: (f.start, -f.end)):
        if figure.start < last_end or figure.end <= figure.start:
            continue
        if text[figure.start : figure.end] != figure.text:
            log.warning("dropped a figure whose span does not match the text: %r", figure)
            continue
        result.append(figure)
        last_end = figure.end
    return result
