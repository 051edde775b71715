"""Where each cell of a table's row stands in the document view, and the widths that put it there.

QPlainTextEdit lays every block out with the same tab stops, and a CJK font is not monospace
across Latin and Chinese, so neither tabs nor padding with spaces line columns up. Instead each
row carries one separator before each cell (ui/view_text.py) and the highlighter gives that one
character the letter spacing that moves the next cell to its column's edge (flush right for a
number). The column edges come from the font's own widths of each column's widest cell, measured
once per table and font; the view's text, and so every offset, never depends on the font.
A table wider than the view closes its gaps (down to half a character) before its rows wrap.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from reviewer.ui.offsets import ViewOffsets
from reviewer.ui.view_text import ViewText

GAP_EMS = 1.5  # between two columns, in widths of 一, when the view is wide enough
MIN_GAP_EMS = 0.5  # a table wider than the view closes up to this before its rows wrap


class TableColumns:
    def __init__(self, view: ViewText, offsets: ViewOffsets):
        self._view = view
        self._offsets = offsets
        self._rows_at = {offsets.view_to_qt(row.start): i for i, row in enumerate(view.rows)}
        self._edges: dict[int, list[float]] = {}  # table -> left edge of each column, and the right edge
        self._gaps: dict[int, float] = {}  # table -> the gap between its columns
        self._columns: dict[int, tuple[list[float], list[tuple[int, int, float]]]] = {}  # widest cells
        self._widths: dict[int, list[float]] = {}  # row -> width of each cell
        self._available: float | None = None  # the width a line has in the view
        self.set_font(QFont())

    def set_font(self, font: QFont) -> None:
        """The view's font changed: every width is measured again when next asked for."""
        bold = QFont(font)
        bold.setBold(True)
        self._metrics = QFontMetricsF(font)
        self._bold_metrics = QFontMetricsF(bold)
        self._edges.clear()
        self._gaps.clear()
        self._columns.clear()
        self._widths.clear()

    def set_width(self, available: float) -> list[int]:
        """The view's lines are `available` wide: the rows (Qt positions) of the tables whose
        gaps change, to be styled again."""
        self._available = available
        changed = []
        for table, (widths, _) in self._columns.items():
            if self._fit_gap(widths) != self._gaps.get(table):
                self._edges.pop(table, None)
                changed.append(table)
        rows = self._view.rows
        return [self._offsets.view_to_qt(rows[i].start) for t in changed for i in self._view.tables[t].rows]

    def row_at(self, qt_position: int) -> int | None:
        """The table row whose block starts at this position (an index into the view's rows)."""
        return self._rows_at.get(qt_position)

    def header(self, index: int) -> bool:
        return self._view.rows[index].header

    def aligned(self, index: int) -> bool:
        return self._view.rows[index].aligned

    def qt_positions(self) -> list[int]:
        """Where every table row starts, to re-style them when the font changes."""
        return list(self._rows_at)

    def separators(self, index: int) -> list[tuple[int, float]]:
        """(position in the row's block, in Qt units; letter spacing) of each separator of a
        laid-out row, so that every cell starts at its column."""
        row = self._view.rows[index]
        edges = self._table_edges(row.table)
        widths = self._widths[index]
        metrics = self._bold_metrics if row.header else self._metrics
        space = metrics.horizontalAdvance(" ")
        gap = self._gaps[row.table]
        block = self._offsets.view_to_qt(row.start)
        out = []
        x = 0.0
        for cell, width in zip(row.cells, widths, strict=True):
            col = min(cell.col, len(edges) - 2)
            left = edges[col]
            right = edges[min(col + cell.colspan, len(edges) - 1)] - gap
            if cell.flush_right:
                left = max(left, right - width)
            elif row.header and cell.colspan > 1:  # a header over several columns: centred over them
                left = max(left, left + (right - left - width) / 2)
            if cell.start > row.start:
                out.append((self._offsets.view_to_qt(cell.start - 1) - block, left - x - space))
                x = left + width
            else:
                x = width
        return out

    def _fit_gap(self, widths: list[float]) -> float:
        em = self._metrics.horizontalAdvance("一")
        if self._available is None or len(widths) < 2:
            return em * GAP_EMS
        room = (self._available - sum(widths)) / (len(widths) - 1)
        return max(em * MIN_GAP_EMS, min(em * GAP_EMS, room))

    def _table_edges(self, table: int) -> list[float]:
        if table in self._edges:
            return self._edges[table]
        widths, wide = self._columns.get(table) or self._measure(table)
        widths = list(widths)
        gap = self._fit_gap(widths)
        for col, span, width in wide:  # a merged cell wider than its columns widens the last of them
            short = width - (sum(widths[col:col + span]) + gap * (span - 1))
            if short > 0:
                widths[col + span - 1] += short
        edges = [0.0]
        for width in widths:
            edges.append(edges[-1] + width + gap)
        self._edges[table] = edges
        self._gaps[table] = gap
        return edges

    def _measure(self, table: int) -> tuple[list[float], list[tuple[int, int, float]]]:
        """Each column's widest cell, and the merged cells; every cell's width kept for its row."""
        view = self._view
        n_cols = max(1, view.tables[table].n_cols)
        widths = [0.0] * n_cols
        wide: list[tuple[int, int, float]] = []  # merged cells: (first col, colspan, width)
        for i in view.tables[table].rows:
            row = view.rows[i]
            if not row.aligned:
                continue
            metrics = self._bold_metrics if row.header else self._metrics
            measured = [metrics.horizontalAdvance(view.text[c.start:c.end]) for c in row.cells]
            self._widths[i] = measured
            for cell, width in zip(row.cells, measured, strict=True):
                col = min(cell.col, n_cols - 1)
                if cell.colspan > 1:
                    wide.append((col, min(cell.colspan, n_cols - col), width))
                else:
                    widths[col] = max(widths[col], width)
        self._columns[table] = (widths, wide)
        return widths, wide
