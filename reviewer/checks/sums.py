"""The sum rules of the checks (issue 14): parts against their total (running text and tables),
shares of one whole against 100%, a share against its part and total, and cumulative periods.
Each rule id is a line of resources/checks/rules.tsv."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reviewer.checks.model import CheckDocument, Finding
from reviewer.checks.shares import share_part_total, shares_whole
from reviewer.checks.sums_complements import complement_totals
from reviewer.checks.sums_parts import parts_total
from reviewer.checks.sums_periods import cumulative_periods
from reviewer.checks.sums_tables import table_totals


def _parts_and_tables(document: CheckDocument) -> Iterator[Finding]:
    yield from parts_total(document)
    yield from complement_totals(document)
    yield from table_totals(document)


DOCUMENT_RULES: dict[str, Callable[[CheckDocument], Iterable[Finding]]] = {
    "parts-total": _parts_and_tables,
    "shares-whole": shares_whole,
    "share-part-total": share_part_total,
    "cumulative-periods": cumulative_periods,
}
PROJECT_RULES: dict = {}
