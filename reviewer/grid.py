"""A table as the shared vocabulary of every layer: cells on a grid whose offsets index a
document's text (`text[cell.start:cell.end] == cell.text`), its header rows, caption, unit line
and notes. Readers build them (reviewer/documents/tables.py), the engine reads figures from them,
the store keeps them and the window lays them out."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Span:
    """A piece of the document's text: text == document.text[start:end]."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cell:
    row: int  # 0-based, in the table's grid (header rows included)
    col: int  # 0-based grid column of the cell's left edge
    start: int  # offsets into Document.text: text[start:end] == text
    end: int
    text: str  # the cell's text, trimmed of surrounding whitespace ("" for an empty cell)
    rowspan: int = 1
    colspan: int = 1
    is_header: bool = False


@dataclass(frozen=True)
class Table:
    cells: tuple[Cell, ...]  # in reading order: by row, then column (also text order)
    n_rows: int
    n_cols: int
    header_rows: int = 0  # the first header_rows rows are headers
    caption: Span | None = None  # 表1 2018年年末人口数及其构成
    unit: Span | None = None  # 单位：万人 (above, below, in the caption or in the first row)
    notes: tuple[Span, ...] = ()  # 注：… lines under the table
    start: int = 0  # the table's extent in the text: its first cell to its last
    end: int = 0
    kind: str = ""  # where it came from: docx, html, pipe, tabs, flattened

    def rows(self) -> list[list[Cell]]:
        """The cells of each row (a merged cell only in the row it starts in)."""
        return [list(row) for row in self._rows]

    def cell(self, row: int, col: int) -> Cell | None:
        """The cell covering (row, col), also inside a merged cell."""
        if not 0 <= row < self.n_rows:
            return None
        for cell in self._rows[row]:
            if cell.col <= col < cell.col + cell.colspan:
                return cell
        for cell in self._tall:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        return None

    def cell_at(self, offset: int) -> Cell | None:
        """The cell whose text holds `offset` (its end included: a figure ending the cell)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            cell = self.cells[i]
            if cell.start <= offset <= cell.end and (cell.start < cell.end or offset == cell.start):
                return cell
            if cell.end < offset:
                return None
            i -= 1
        return None

    def column_header(self, col: int) -> list[Cell]:
        """The header cells above column `col`, top first (a cell merged over rows once)."""
        found: list[Cell] = []
        for row in range(self.header_rows):
            cell = self.cell(row, col)
            if cell is not None and (not found or found[-1] is not cell):
                found.append(cell)
        return found

    def repeats_first_header(self, col: int) -> bool:
        """Whether the headers over column `col` repeat the first column's: a second table set
        beside the first ('产品名称 产量 产品名称 产量'), whose rows are labelled in this column. The
        first header merged over this column too is no repeat."""
        over, first = self.column_header(col), self.column_header(0)
        if col <= 0 or not over or not first or over[0] is first[0]:
            return False
        return [cell.text for cell in over if cell.text] == [cell.text for cell in first if cell.text]

    @cached_property
    def _rows(self) -> tuple[tuple[Cell, ...], ...]:
        rows: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            rows[cell.row].append(cell)
        return tuple(tuple(row) for row in rows)

    @cached_property
    def _tall(self) -> tuple[Cell, ...]:
        return tuple(cell for cell in self.cells if cell.rowspan > 1)

    @cached_property
    def _starts(self) -> list[int]:
        return [cell.start for cell in self.cells]


def table_at(tables: Sequence[Table], offset: int) -> Table | None:
    """The table whose extent holds `offset` (tables are in text order and do not overlap)."""
    i = bisect.bisect_right([t.start for t in tables], offset) - 1
    if i >= 0 and tables[i].start <= offset <= tables[i].end:
        return tables[i]
    return None
