"""A table's rows against its 总计/合计 row (resources/checks/total_rows.tsv), column by column: the
rows on one side of the total row, all of them at one level (no 其中 row, resources/checks/
part_rows.tsv) and each with a figure in the column, add up to it. Statistical tables are not
adjusted to add up (数值修约误差，未作机械调整), so a small miss is a note; rows short of the total
by much are a warning (a table may leave rows out), rows beyond it an error."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from reviewer.checks.intervals import interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.sums_common import additive, gap, rounding_slack, total_of, word_list, written_like
from reviewer.grid import Table
from reviewer.i18n import _
from reviewer.model import Kind

RULE = "parts-total"
SHOWN_ROWS = 6  # rows named in the message before "…"
SHARE_WORDS = ("比重", "构成", "占")
_SPACES = re.compile(r"[\s\u3000]+")


def table_totals(document: CheckDocument) -> Iterator[Finding]:
    if not document.tables:
        return
    ordered = sorted(document.figures, key=lambda f: f.start)
    for table in document.tables:
        inside = [f for f in ordered if table.start <= f.start <= table.end and f.kind is not Kind.DATE]
        if inside:
            yield from _table_findings(table, inside)


def _table_findings(table: Table, figures: Sequence[CheckFigure]) -> Iterator[Finding]:
    in_cell: dict[tuple[int, int], list[CheckFigure]] = {}
    for figure in figures:
        cell = table.cell_at(figure.start)
        if cell is not None and cell.row >= table.header_rows:
            in_cell.setdefault((cell.row, cell.col), []).append(figure)
    for col in sorted({place[1] for place in in_cell}):
        finding = _column_finding(table, col, in_cell)
        if finding is not None:
            yield finding


def _label(table: Table, row: int, label_col: int) -> str:
    cell = table.cell(row, label_col)
    return _SPACES.sub("", cell.text) if cell is not None else ""


def is_total_label(label: str) -> bool:
    """总计, 合计, or one opened by a scope word (全市合计)."""
    for word in word_list("scope_words.tsv"):
        if label.startswith(word):
            label = label[len(word) :]
            break
    return label in word_list("total_rows.tsv")


def _column_finding(table: Table, col: int, in_cell: dict[tuple[int, int], list[CheckFigure]]) -> Finding | None:
    label_col = next((c for c in range(col - 1, 0, -1) if table.repeats_first_header(c)), 0)
    if label_col >= col:
        return None
    rows = list(range(table.header_rows, table.n_rows))
    totals = [r for r in rows if is_total_label(_label(table, r, label_col))]
    if len(totals) != 1:
        return None
    at = totals[0]
    if at == rows[0]:
        part_rows = rows[1:]
    elif at == rows[-1]:
        part_rows = rows[:-1]
    else:
        return None  # a total amid its rows: which side is its own is not certain
    if len(part_rows) < 2:
        return None
    markers = word_list("part_rows.tsv")
    labels = [_label(table, r, label_col) for r in part_rows]
    if any(not label or label.startswith(markers) for label in labels):
        return None  # a 其中 row or an unlabelled one: the rows are not one complete set
    whole = _only(in_cell.get((at, col)))
    parts = [_only(in_cell.get((r, col))) for r in part_rows]
    if whole is None or any(p is None for p in parts):
        return None
    found = [p for p in parts if p is not None]
    if not _summable(whole, found):
        return None
    return _compare(whole, found)


def _only(figures: list[CheckFigure] | None) -> CheckFigure | None:
    return figures[0] if figures and len(figures) == 1 else None


def _summable(whole: CheckFigure, parts: Sequence[CheckFigure]) -> bool:
    if any(p.unit != whole.unit or p.kind is not whole.kind for p in parts):
        return False
    if whole.kind is Kind.PERCENT:  # a share column: its total row is the whole, 100
        column = whole.column_label or ""
        return whole.value == 100 and any(word in column for word in SHARE_WORDS)
    return additive(whole) and all(additive(p) for p in parts)


def _compare(whole: CheckFigure, parts: Sequence[CheckFigure]) -> Finding | None:
    total, summed = interval(whole), total_of(parts)
    if total is None or summed is None or not total.bounded or not summed.bounded:
        return None
    missing = gap(summed, total)
    if not missing or whole.value is None:
        return None
    value_sum = sum((p.value for p in parts if p.value is not None), Decimal(0))
    rounding = rounding_slack([whole, *parts])
    shown = " + ".join(f"{p.row_label} {p.text}" for p in parts[:SHOWN_ROWS])
    if len(parts) > SHOWN_ROWS:
        shown += " + …"
    fields = {
        "column": whole.column_label or "",
        "rows": shown,
        "sum": written_like(value_sum, whole),
        "total": f"{whole.row_label} {whole.text}",
    }
    if missing <= rounding:
        severity = Severity.NOTE
        message = _(
            "table column {column}: {rows} = {sum}, a little off the row {total}: statistical tables "
            "are not adjusted to add up",
            **fields,
        )
    elif value_sum < whole.value:
        severity = Severity.WARNING
        message = _(
            "table column {column}: {rows} = {sum}, short of the row {total} beyond rounding "
            "(unless the table leaves rows out)",
            **fields,
        )
    else:
        severity = Severity.ERROR
        message = _("table column {column}: {rows} = {sum}, more than the row {total}", **fields)
    return Finding(
        RULE,
        severity,
        message,
        (whole, *parts),
        whole.document,
        {"sum": str(value_sum), "total": str(whole.value), "gap": str(missing)},
    )
