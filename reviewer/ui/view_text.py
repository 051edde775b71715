"""The text the document view shows, and the map between its offsets and the document's.

Outside tables the view shows the document's text as it is. A table's row is shown as its cells
with one separator (a space) before each cell but the first, so the view can place every cell at
its column by giving that one character the width it needs (the widths need the font, so they
are the view's business, not this module's); the pipes of a Markdown row, the tabs of a .docx
row and the spaces of a flattened row go, and so do ruler lines (| --- | --- |) between rows.
A row of cells that stand among other text is shown as written.

No Qt here: the map is plain offsets (code points on both sides), built in one pass over the text
and the tables' cells, and looked up by bisection, so a table of 5,000 rows lays out in linear time.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reviewer.documents.tables import NUMBER, PLACEHOLDER, Table

SEPARATOR = " "
# what may stand before a row's first cell and after its last: blanks, the pipes of a pipe table,
# and before it the list mark a converter puts before each row (- 居民消费价格 2.5 2.3 3.0)
_BLANKS = r"[ \t\u3000|｜│┃]*"
LEAD = re.compile(r"[ \t\u3000]*(?:[-*+•·][ \t\u3000]+)?" + _BLANKS)
TRAIL = re.compile(_BLANKS)
# between two cells of a row: the same, also over a line break (a header row a converter wrapped)
ROW_GAP = re.compile(_BLANKS + r"(?:\n" + LEAD.pattern + ")?")
# a ruler line between rows: | --- | :---: |, +----+----+, ======, ───── (dropped from the view)
RULER = re.compile(r"[ \t\u3000|｜:+\-=\u2500-\u257f]*[-=\u2500-\u257f][ \t\u3000|｜:+\-=\u2500-\u257f]*")


@dataclass(frozen=True)
class ViewCell:
    start: int  # view offsets of the cell's text
    end: int
    col: int
    colspan: int
    flush_right: bool  # a number or a placeholder (—), or the header over a column of them


@dataclass(frozen=True)
class ViewRow:
    start: int  # view offset of the row's line
    end: int  # the line's end (before its newline)
    table: int  # index into ViewText.tables
    header: bool
    aligned: bool  # laid out: one separator before each cell but a first one in the first column
    cells: tuple[ViewCell, ...]


@dataclass(frozen=True)
class ViewTable:
    n_cols: int
    rows: range  # indices into ViewText.rows
    caption: tuple[int, int] | None  # view offsets
    unit: tuple[int, int] | None


class OffsetMap:
    """Document offset <-> view offset. Runs of text copied as they are (`doc[ds:ds+n]` is
    `view[vs:vs+n]`) alternate with replaced stretches (a row's pipes become one separator, a
    ruler line becomes nothing). Where a position could map to either side of a replacement,
    a span's start goes to the text after it and a span's end to the text before it, so a
    figure at the edge of a cell stays in its cell."""

    def __init__(self, doc_starts: list[int], view_starts: list[int], lengths: list[int], doc_len: int,
                 view_len: int):
        self._ds = doc_starts
        self._vs = view_starts
        self._de = [s + n for s, n in zip(doc_starts, lengths, strict=True)]
        self._ve = [s + n for s, n in zip(view_starts, lengths, strict=True)]
        self._doc_len = doc_len
        self._view_len = view_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], [length], length, length)

    def is_identity(self) -> bool:
        return len(self._ds) == 1 and self._ds[0] == self._vs[0] == 0 and self._de[0] == self._doc_len

    def to_view(self, pos: int, end: bool = False) -> int:
        return _map(pos, end, self._ds, self._de, self._vs, self._ve, self._view_len)

    def to_document(self, pos: int, end: bool = False) -> int:
        return _map(pos, end, self._vs, self._ve, self._ds, self._de, self._doc_len)


def _map(pos: int, end: bool, starts: list[int], ends: list[int], to_starts: list[int], to_ends: list[int],
         to_len: int) -> int:
    if end:  # the run that ends at or after pos; before it, the replaced stretch's far side
        j = bisect.bisect_left(ends, pos)
        if j == len(ends):
            return to_len
        return to_starts[j] + pos - starts[j] if starts[j] <= pos else to_starts[j]
    i = bisect.bisect_right(starts, pos) - 1  # the run that starts at or before pos
    if i < 0:
        return 0
    return to_starts[i] + pos - starts[i] if pos <= ends[i] else to_ends[i]


@dataclass(frozen=True)
class ViewText:
    text: str
    offsets: OffsetMap
    rows: tuple[ViewRow, ...] = ()
    tables: tuple[ViewTable, ...] = ()

    def view_span(self, start: int, end: int) -> tuple[int, int]:
        """A document span in view offsets."""
        return self.offsets.to_view(start), self.offsets.to_view(end, end=True)

    def document_span(self, start: int, end: int) -> tuple[int, int]:
        """A view span in document offsets."""
        return self.offsets.to_document(start), self.offsets.to_document(end, end=True)


def lay_out(text: str, tables: Sequence[Table] = ()) -> ViewText:
    """The view's text for a document's text and its tables."""
    if not tables:
        return ViewText(text, OffsetMap.identity(len(text)))
    builder = _Builder(text)
    for table in sorted(tables, key=lambda t: t.start):
        builder.table(table)
    return builder.finish()


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.pieces: list[str] = []
        self.view_len = 0
        self.pos = 0  # how far the document's text is consumed
        self.ds: list[int] = []
        self.vs: list[int] = []
        self.ns: list[int] = []
        self.rows: list[ViewRow] = []
        self._row_count: list[int] = []
        # rows shown as written and the tables' captions and unit lines, in document offsets:
        # mapped once the map is complete (a unit line may stand below its table)
        self.unmapped_rows: list[tuple[int, int, int, int, bool, list]] = []
        self.unmapped_tables: list[tuple[int, Table]] = []

    # -- the pieces of the view and their map ---------------------------------------------------

    def copy(self, end: int, replace_blanks: bool = False, empty_cell: bool = False) -> None:
        """The document's text up to `end`, as it is (tabs and newlines inside a cell as spaces).
        An empty cell is a run of no text, so that it too maps to its place."""
        if end < self.pos or (end == self.pos and not empty_cell):
            return
        piece = self.text[self.pos:end]
        if replace_blanks:
            piece = piece.replace("\t", " ").replace("\n", " ")
        if self.ds and self.ds[-1] + self.ns[-1] == self.pos and self.vs[-1] + self.ns[-1] == self.view_len:
            self.ns[-1] += len(piece)  # continues the last run
        else:
            self.ds.append(self.pos)
            self.vs.append(self.view_len)
            self.ns.append(len(piece))
        self.pieces.append(piece)
        self.view_len += len(piece)
        self.pos = end

    def replace(self, end: int, shown: str) -> None:
        """The document's text up to `end` is shown as `shown` (a separator, or nothing)."""
        self.pieces.append(shown)
        self.view_len += len(shown)
        self.pos = max(self.pos, end)

    def finish(self) -> ViewText:
        self.copy(len(self.text))
        shown = "".join(self.pieces)
        offsets = OffsetMap(self.ds, self.vs, self.ns, len(self.text), len(shown))
        for i, start, end, index, header, cells in self.unmapped_rows:
            view_cells = tuple(ViewCell(offsets.to_view(c.start), offsets.to_view(c.end, end=True), c.col, c.colspan,
                                        _is_number(c.text, header)) for c in cells)
            self.rows[i] = ViewRow(offsets.to_view(start), offsets.to_view(end, end=True), index, header, False,
                                   view_cells)
        tables: list[ViewTable] = []
        for first_row, table in self.unmapped_tables:
            caption, unit = (None if span is None else (offsets.to_view(span.start), offsets.to_view(span.end, True))
                             for span in (table.caption, table.unit))
            tables.append(ViewTable(table.n_cols, range(first_row, first_row + self._row_count[len(tables)]),
                                    caption, unit))
        return ViewText(shown, offsets, tuple(self.rows), tuple(tables))

    # -- tables ---------------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        if table.start < self.pos or not table.cells:
            return  # overlaps a table already shown (readers never give one): shown as text
        index = len(self.unmapped_tables)
        first_row = len(self.rows)
        previous_end: int | None = None  # where the last row's line ends in the document
        for r, cells in enumerate(table.rows()):
            if not cells:
                continue  # every cell of the row is a merged cell from above
            if previous_end is not None:
                self._between_rows(previous_end, cells[0].start)
            header = r < table.header_rows or all(c.is_header for c in cells)
            previous_end = self._row(index, header, cells)
        self._align_headers(first_row, table.n_cols)
        self.unmapped_tables.append((first_row, table))
        self._row_count.append(len(self.rows) - first_row)

    def _align_headers(self, first_row: int, n_cols: int) -> None:
        """A header cell over a column of numbers stands flush right, like the numbers."""
        cells, numbers = [0] * n_cols, [0] * n_cols
        for row in self.rows[first_row:]:
            for cell in row.cells if row.aligned and not row.header else ():
                if cell.colspan == 1 and cell.end > cell.start and cell.col < n_cols:
                    cells[cell.col] += 1
                    numbers[cell.col] += cell.flush_right
        right = {col for col in range(n_cols) if numbers[col] * 2 > cells[col]}
        for i in range(first_row, len(self.rows)):
            row = self.rows[i]
            if row.aligned and row.header:
                self.rows[i] = replace(row, cells=tuple(replace(c, flush_right=c.colspan == 1 and c.col in right)
                                                        for c in row.cells))

    def _between_rows(self, line_end: int, next_start: int) -> None:
        """From the newline that ends a row to the next row's line: ruler lines go."""
        text = self.text
        line_start = text.rfind("\n", line_end, next_start) + 1
        if line_start <= line_end:
            return  # the next row is on the same line: the row shows it as written
        self.copy(line_end + 1)  # the row's newline
        pos = line_end + 1
        while pos < line_start:
            nl = text.find("\n", pos, line_start)
            if RULER.fullmatch(text, pos, nl):
                self.copy(pos)
                self.replace(nl + 1, "")
            pos = nl + 1

    def _row(self, table: int, header: bool, cells: list) -> int:
        """One row: laid out when nothing but blanks, pipes (and a list mark) stands around and
        between its cells, on its own line; as written otherwise. Returns where its line ends."""
        text = self.text
        first, last = cells[0], cells[-1]
        line_start = text.rfind("\n", 0, first.start) + 1
        line_end = text.find("\n", last.end)
        line_end = len(text) if line_end < 0 else line_end
        aligned = (line_start >= self.pos and not any("\n" in c.text for c in cells)
                   and LEAD.fullmatch(text, line_start, first.start) is not None
                   and all(ROW_GAP.fullmatch(text, a.end, b.start) for a, b in zip(cells, cells[1:], strict=False)))
        if not aligned:
            self.unmapped_rows.append((len(self.rows), line_start, line_end, table, header, cells))
            self.rows.append(ViewRow(0, 0, table, header, False, ()))  # mapped in finish()
            self.copy(line_end)
            return line_end
        self.copy(line_start)
        view_start = self.view_len
        view_cells = []
        for k, cell in enumerate(cells):
            self.replace(cell.start, SEPARATOR if k or cell.col > 0 else "")
            start = self.view_len
            self.copy(cell.end, replace_blanks=True, empty_cell=cell.start == cell.end)
            view_cells.append(ViewCell(start, self.view_len, cell.col, cell.colspan, _is_number(cell.text, header)))
        if TRAIL.fullmatch(text, last.end, line_end):
            self.replace(line_end, "")  # the closing pipe
        else:
            self.copy(line_end)  # something after the last cell (never seen): kept, shown as written
        self.rows.append(ViewRow(view_start, self.view_len, table, header, True, tuple(view_cells)))
        return line_end


def _is_number(text: str, header: bool) -> bool:
    return not header and bool(text) and (NUMBER.fullmatch(text) is not None or PLACEHOLDER.fullmatch(text) is not None)
