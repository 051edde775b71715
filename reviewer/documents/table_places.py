"""Where each figure of a table stands: the engine reads a cell's value and unit from the text; the
document's tables (from the reader's own structure: .docx grid, .html th/td, pipe rows) name the
cell's table, row and column. `place_in_tables` joins the two into `Figure.table`."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from reviewer.documents.tables import YEAR, Cell, Table, is_number
from reviewer.model import Figure, TablePlace

HEADER_JOIN = " / "  # header rows over a column: '2024年 / 金额（亿元）'


def place_in_tables(figures: Sequence[Figure], tables: Sequence[Table]) -> list[Figure]:
    """`figures` with `table` set for each one in a body cell of one of `tables` (kept from the
    engine where it stated the unit's source); figures elsewhere are returned as they are. Linear
    in figures and cells: the figures and the tables are both in text order."""
    if not tables:
        return list(figures)
    ordered = sorted(tables, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    placed = []
    for figure in figures:
        at = bisect.bisect_right(starts, figure.start) - 1
        table = ordered[at] if at >= 0 and figure.start <= ordered[at].end else None
        cell = table.cell_at(figure.start) if table is not None else None
        if table is None or cell is None or cell.is_header or cell.row < table.header_rows or figure.is_date:
            placed.append(figure)
            continue
        placed.append(replace(figure, table=place_of(table, cell, figure.table)))
    return placed


def place_of(table: Table, cell: Cell, engine: TablePlace | None = None) -> TablePlace:
    """The place of a body cell: its table's caption, its row's label and its column's headers."""
    return TablePlace(
        caption=table.caption.text if table.caption is not None else None,
        row_label=row_label(table, cell),
        column_label=column_label(table, cell),
        unit_source=engine.unit_source if engine is not None else None,
    )


def row_label(table: Table, cell: Cell) -> str | None:
    """The row's label as written: its first cell, or in tables set side by side under a
    repeated first header ('产品名称 产量 产品名称 产量') the nearest label to the cell's left;
    None where that is the cell itself or a number (a year is a label: '| 2019 | 986515 |')."""
    label_col = next((col for col in range(cell.col - 1, 0, -1) if table.repeats_first_header(col)), 0)
    first = table.cell(cell.row, label_col)
    if first is None or first is cell or not first.text or is_number(first.text) and not YEAR.fullmatch(first.text):
        return None
    return first.text


def column_label(table: Table, cell: Cell) -> str | None:
    """The header cells over the cell's column, top first (a merged header cell once)."""
    heads = [head.text for head in table.column_header(cell.col) if head.text and head is not cell]
    return HEADER_JOIN.join(heads) or None
