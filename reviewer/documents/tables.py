"""Tables as structure: every reader hands back the tables it found as cells whose offsets index
the document's text (`text[cell.start:cell.end] == cell.text`), with the table's caption, unit
line and notes where the source gives them.

Readers that build the text (.docx, .html) know their tables and pass `RawCell`s to
`build_table`; in plain text and Markdown `find_text_tables` finds pipe tables, tab-separated
blocks and the flattened form converters write (a caption 表N …, a unit line, then lines of a
label followed by numbers). Every builder is linear in the table's size and never invents a
cell: spans are clamped to the table, a ragged row is as long as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import overload

# the structure is shared vocabulary (the engine reads it too); named here as well for the readers
from reviewer.grid import Cell, Span, Table, table_at  # noqa: F401

# A table caption: 表1, 表 1-2, 附表3, 表一, 表112020年 (number glued to a year)
BLANK = "[ \t\u3000]*"
CAPTION = re.compile(
    "^"
    + BLANK
    + "(?:附|续)?表"
    + BLANK
    + r"(?:[0-9０-９]+(?:[-－.．][0-9０-９]+)?|[一二三四五六七八九十]+)(?![0-9０-９]*[%％])"
)
# A unit line: 单位：亿元, 金额单位：万元, 单位: %, （单位：万人）
UNIT_WORD = r"[^ \t\u3000\n，,。；;）)]+"
UNIT = re.compile(
    r"[（(]?[\u4e00-\u9fff]{0,6}单位"
    + BLANK
    + "[:：]"
    + BLANK
    + UNIT_WORD
    + "(?:"
    + BLANK
    + "[，,、]"
    + BLANK
    + UNIT_WORD
    + ")*[）)]?"
)
NOTE = re.compile(
    "^" + BLANK + r"(?:注" + BLANK + "[0-9０-９]*[:：]|注释|说明[:：]|备注[:：]|资料来源|数据来源|来源[:：]|[*＊※])"
)
ENUMERATED = re.compile(r"^[ \t\u3000]*(?:[0-9０-９]+[.．、)）]|[（(][0-9０-９]+[）)]|[①-⑳])")
# A cell that holds a number (or a placeholder for one): what body rows have and headers do not.
NUMBER = re.compile(r"[-+−–]?(?:\d[\d,，]*(?:\.\d+)?|\.\d+)[%％‰]?")
PLACEHOLDER = re.compile(r"[-—–…－─]+|…+|\.\.\.")
MAX_CAPTION_CHARS = 120
MAX_UNIT_LINE_CHARS = 60
MAX_NOTE_LINES = 12
MAX_SPAN = 1000  # HTML's own limit on colspan
MAX_HEADER_ROWS = 3


@dataclass
class RawCell:
    """A cell as a reader found it: its span in the text (untrimmed), its spans, and for formats
    that place cells on a grid (docx) the grid column."""

    start: int
    end: int
    colspan: int = 1
    rowspan: int = 1  # 0: to the end of the table
    is_header: bool = False
    grid_col: int | None = None


def build_table(
    text: str,
    rows: Sequence[Sequence[RawCell]],
    kind: str,
    header_rows: int | None = None,
    caption: Span | None = None,
    unit: Span | None = None,
    notes: Sequence[Span] = (),
    lift: bool = True,
    look_around: bool = False,
) -> Table | None:
    """A Table from rows of raw cells: each cell trimmed, placed on the grid (past the cells
    above that span down into its row), its spans clamped to the table; rows of one cell that
    are the caption, the unit line or a note are lifted out of the grid. None for a table
    without a single non-empty cell."""
    rows = [list(row) for row in rows]
    notes = list(notes)
    if lift:
        while rows and (only := _lone_cell(text, rows[0])) is not None:
            lone = _trimmed(text, only.start, only.end)
            if caption is None and CAPTION.match(lone.text) and len(lone.text) <= MAX_CAPTION_CHARS:
                caption = lone
                unit = unit or unit_in(text, lone)
            elif unit is None and UNIT.fullmatch(lone.text):
                unit = lone
            else:
                break
            rows.pop(0)
            if header_rows:
                header_rows = header_rows - 1 or None  # the marked header was the caption: guess
        tail: list[Span] = []
        while rows and (only := _lone_cell(text, rows[-1])) is not None:
            lone = _trimmed(text, only.start, only.end)
            if NOTE.match(lone.text):
                tail.insert(0, lone)
            elif unit is None and UNIT.fullmatch(lone.text):
                unit = lone
            else:
                break
            rows.pop()
        notes.extend(tail)
    n_rows = len(rows)
    if n_rows == 0:
        return None
    # no cell spans more columns than the longest row has cells, unless the source places cells on
    # a grid of its own (docx)
    gridded = any(cell.grid_col is not None for row in rows for cell in row)
    widest = MAX_SPAN if gridded else max(len(row) for row in rows)
    placed: list[tuple[int, int, RawCell, int, int]] = []  # (row, col, cell, colspan, rowspan)
    active: list[tuple[int, int, int]] = []  # spans from rows above: (first col, end col, last row)
    for r, row in enumerate(rows):
        if active:
            active = [span for span in active if span[2] >= r]
        taken = sorted((a, b) for a, b, _ in active) if active else []
        col = 0
        k = 0
        for cell in row:
            if cell.grid_col is not None:
                col = max(col, cell.grid_col)
            while k < len(taken) and taken[k][1] <= col:
                k += 1
            while k < len(taken) and taken[k][0] <= col:
                col = max(col, taken[k][1])
                k += 1
            colspan = 1 if cell.colspan == 1 else min(max(1, cell.colspan), MAX_SPAN, max(1, widest))
            rowspan = 1 if cell.rowspan == 1 else n_rows - r if cell.rowspan <= 0 else min(cell.rowspan, n_rows - r)
            placed.append((r, col, cell, colspan, rowspan))
            if rowspan > 1:
                active.append((col, col + colspan, r + rowspan - 1))
            col += colspan
    if not placed:
        return None  # rows without a cell ("<tr><tr>" and the unit line lifted out): no table
    n_cols = max(p[1] for p in placed) + 1
    if gridded:
        n_cols = max(p[1] + p[3] for p in placed)
    trimmed = []
    for _, _, cell, _, _ in placed:
        piece = text[cell.start : cell.end]
        lead = piece.lstrip()
        kept = lead.rstrip()
        start = cell.start + len(piece) - len(lead)
        trimmed.append((start, start + len(kept), kept))
    if not any(t[2] for t in trimmed):
        return None
    if header_rows is None:
        header_rows = _guess_header_rows([(p[0], p[1], t[2]) for p, t in zip(placed, trimmed, strict=True)], n_rows)
    header_rows = max(0, min(header_rows, n_rows))
    cells = [
        Cell(r, col, start, end, kept, rowspan, min(colspan, n_cols - col), cell.is_header or r < header_rows)
        for (r, col, cell, colspan, rowspan), (start, end, kept) in zip(placed, trimmed, strict=True)
    ]
    nonempty = [cell for cell in cells if cell.text] or cells
    start, end = min(c.start for c in nonempty), max(c.end for c in nonempty)
    if look_around:
        near_caption, near_unit, near_notes = around(text, start, end)
        if caption is None and near_caption is not None:
            caption = near_caption
        if unit is None:
            unit = near_unit if near_unit is not None else (unit_in(text, caption) if caption else None)
        if near_notes and not notes:
            notes = near_notes
    return Table(tuple(cells), n_rows, n_cols, header_rows, caption, unit, tuple(notes), start, end, kind)


def around(text: str, start: int, end: int) -> tuple[Span | None, Span | None, list[Span]]:
    """The caption and unit line above text[start:end] (a table built by a reader) and the unit
    line and notes below it, looking a few lines each way."""
    above: list[_Line] = []
    line_start = text.rfind("\n", 0, start) + 1
    k = line_start
    while k > 0 and len(above) < 4:
        prev = text.rfind("\n", 0, k - 1) + 1
        above.insert(0, _Line(prev, k - 1, text[prev : k - 1]))
        k = prev
    line_end = text.find("\n", end)
    below: list[_Line] = []
    k = line_end
    while k != -1 and len(below) < MAX_NOTE_LINES + 2:
        nxt = text.find("\n", k + 1)
        stop = len(text) if nxt == -1 else nxt
        below.append(_Line(k + 1, stop, text[k + 1 : stop]))
        k = nxt
    caption, unit = _above(text, above, len(above))
    below_unit, notes = _below(text, below, 0)
    return caption, unit or below_unit, notes


def guess_header_rows(cells: Sequence[Cell], n_rows: int) -> int:
    """Leading rows with no number past their first column are headers (at most three; a table
    without numbers has one header row when it has more than one row)."""
    return _guess_header_rows([(cell.row, cell.col, cell.text) for cell in cells], n_rows)


def _guess_header_rows(cells: Sequence[tuple[int, int, str]], n_rows: int) -> int:
    numeric = [False] * n_rows
    numbers: list[list[str]] = [[] for _ in range(n_rows)]
    for row, col, text in cells:
        if col > 0 and is_number(text):
            numeric[row] = True
            numbers[row].append(text.strip())
    for row in range(min(n_rows - 1, MAX_HEADER_ROWS)):
        if numeric[row] and are_years(numbers[row]):
            numeric[row] = False  # 指标 | 2019 | 2020 | 2021: a header of years, also under a merged one
        elif numeric[row]:
            break
    leading = next((r for r, has in enumerate(numeric) if has), n_rows)
    if leading == n_rows:
        return 1 if n_rows > 1 else 0
    return leading if leading <= MAX_HEADER_ROWS else 1


YEAR = re.compile(r"(?:19|20)\d\d")


def are_years(texts: Sequence[str]) -> bool:
    """Two or more bare years in order (2019 2020 2021, or the other way): a header's, not data."""
    if len(texts) < 2 or not all(YEAR.fullmatch(t) for t in texts):
        return False
    years = [int(t) for t in texts]
    steps = {b > a for a, b in zip(years, years[1:], strict=False) if a != b}
    return len(steps) == 1 and len(set(years)) == len(years)


def is_number(text: str) -> bool:
    text = text.strip()
    return bool(NUMBER.fullmatch(text) or PLACEHOLDER.fullmatch(text))


def unit_in(text: str, span: Span) -> Span | None:
    """The unit statement inside a caption or a line (表1 …（单位：亿元）)."""
    found = UNIT.search(span.text)
    if found is None:
        return None
    return _trimmed(text, span.start + found.start(), span.start + found.end())


def shifted(tables: Iterable[Table], start: int, end: int) -> tuple[Table, ...]:
    """The tables wholly inside text[start:end], with offsets into that piece."""
    out = []
    for table in tables:
        if table.start >= start and table.end <= end and all(c.start >= start and c.end <= end for c in table.cells):

            def move(span: Span | None) -> Span | None:
                if span is None:
                    return None
                if span.start < start or span.end > end:
                    return None
                return Span(span.start - start, span.end - start, span.text)

            out.append(
                replace(
                    table,
                    cells=tuple(replace(c, start=c.start - start, end=c.end - start) for c in table.cells),
                    caption=move(table.caption),
                    unit=move(table.unit),
                    notes=tuple(n for n in (move(note) for note in table.notes) if n is not None),
                    start=table.start - start,
                    end=table.end - start,
                )
            )
    return tuple(out)


def retexted(tables: Iterable[Table], text: str) -> tuple[Table, ...]:
    """The same tables with every text taken again from `text` (after a one-for-one change
    of characters, such as lone surrogates replaced)."""

    def again(span: Span | None) -> Span | None:
        return None if span is None else Span(span.start, span.end, text[span.start : span.end])

    return tuple(
        replace(
            table,
            cells=tuple(replace(c, text=text[c.start : c.end]) for c in table.cells),
            caption=again(table.caption),
            unit=again(table.unit),
            notes=tuple(Span(n.start, n.end, text[n.start : n.end]) for n in table.notes),
        )
        for table in tables
    )


def _lone_cell(text: str, row: Sequence[RawCell]) -> RawCell | None:
    """The one non-empty cell of a row, or None."""
    found = None
    for cell in row:
        if text[cell.start : cell.end].strip():
            if found is not None:
                return None
            found = cell
    return found


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


# ---------------------------------------------------------------- tables in plain text


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the newline
    text: str


def find_text_tables(text: str) -> tuple[Table, ...]:
    """The tables of a plain-text or Markdown document: pipe tables, tab-separated blocks and
    flattened tables under a caption or a unit line. Linear in the text."""
    lines = _Lines(text)
    tables: list[Table] = []
    n = len(lines)
    # only lines that may begin a table are looked at: a pipe row, a tab, a caption, a unit line
    candidates = [
        k for k, piece in enumerate(lines.pieces) if "|" in piece or "\t" in piece or "表" in piece or "单位" in piece
    ]
    i = 0
    for c in candidates:
        if c < i:
            continue
        i = c
        line = lines[i]
        kind = _row_kind(line.text)
        if kind:
            j = i
            while j < n and _row_kind(lines[j].text) == kind:
                j += 1
            if j - i >= 2:
                table = _block_table(text, lines, i, j, kind)
                if table is not None:
                    tables.append(table)
            i = max(j, i + 1)
            continue
        if _is_anchor(line.text):
            found = _flattened(text, lines, i)
            if found is not None:
                table, i = found
                tables.append(table)
    return tuple(tables)


class _Lines(Sequence[_Line]):
    """The lines of a text (without their newlines, none after a final newline), made on demand."""

    def __init__(self, text: str) -> None:
        pieces = text.split("\n")
        if pieces[-1] == "":
            pieces.pop()
        self.pieces = pieces
        self.starts = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0)) if pieces else []

    def __len__(self) -> int:
        return len(self.pieces)

    @overload
    def __getitem__(self, k: int) -> _Line: ...

    @overload
    def __getitem__(self, k: slice) -> list[_Line]: ...

    def __getitem__(self, k: int | slice) -> _Line | list[_Line]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self.pieces)
        if not 0 <= k < len(self.pieces):
            raise IndexError(k)
        start = self.starts[k]
        piece = self.pieces[k]
        return _Line(start, start + len(piece), piece)


def _row_kind(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith("|") and len(stripped) > 1:
        return "pipe"
    if "\t" in stripped:
        return "tabs"
    return ""


RULE_CELL = re.compile(r"[ \t]*:?-{1,}:?[ \t]*")


def _pipe_cells(line: _Line) -> list[tuple[int, int]]:
    """(start, end) of each cell of a pipe row, in absolute offsets; `\\|` is a pipe in a cell."""
    s = line.text
    first = s.index("|")
    bounds = [first]
    i = first + 1
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            i += 2
            continue
        if ch == "|":
            bounds.append(i)
        i += 1
    cells = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    tail = s[bounds[-1] + 1 :]
    if tail.strip():  # no closing pipe
        cells.append((bounds[-1] + 1, len(s)))
    return [(line.start + a, line.start + b) for a, b in cells]


def _block_table(text: str, lines: Sequence[_Line], i: int, j: int, kind: str) -> Table | None:
    rows: list[list[RawCell]] = []
    header_rows = None
    for line in lines[i:j]:
        if kind == "pipe":
            spans = _pipe_cells(line)
            if spans and all(RULE_CELL.fullmatch(text[a:b]) for a, b in spans):
                if header_rows is None:
                    header_rows = len(rows)
                continue
        else:
            spans = []
            start = line.start
            for m in re.finditer("\t", line.text):
                spans.append((start, line.start + m.start()))
                start = line.start + m.end()
            spans.append((start, line.end))
        rows.append([RawCell(a, b) for a, b in spans])
    caption, unit = _above(text, lines, i)
    below_unit, notes = _below(text, lines, j)
    return build_table(text, rows, kind, header_rows, caption, unit or below_unit, notes)


def _is_anchor(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= MAX_CAPTION_CHARS and bool(CAPTION.match(s) or UNIT.fullmatch(s))


def _above(text: str, lines: Sequence[_Line], i: int) -> tuple[Span | None, Span | None]:
    """The caption and the unit line just above line i (blank lines between allowed)."""
    caption = unit = None
    k = i - 1
    seen = 0
    while k >= 0 and seen < 2:
        s = lines[k].text
        if not s.strip():
            k -= 1
            continue
        span = _trimmed(text, lines[k].start, lines[k].end)
        if unit is None and caption is None and len(span.text) <= MAX_UNIT_LINE_CHARS and UNIT.fullmatch(span.text):
            unit = span
        elif caption is None and len(span.text) <= MAX_CAPTION_CHARS and CAPTION.match(span.text):
            caption = span
            if unit is None:
                unit = unit_in(text, span)
            break
        else:
            break
        seen += 1
        k -= 1
    return caption, unit


def _below(text: str, lines: Sequence[_Line], j: int) -> tuple[Span | None, list[Span]]:
    """A unit line and the note lines just below a table ending before line j."""
    unit = None
    notes: list[Span] = []
    k = j
    blanks = 0
    while k < len(lines) and len(notes) < MAX_NOTE_LINES:
        s = lines[k].text
        if not s.strip():
            blanks += 1
            if blanks > 1 or notes:
                break
            k += 1
            continue
        span = _trimmed(text, lines[k].start, lines[k].end)
        if unit is None and not notes and len(span.text) <= MAX_UNIT_LINE_CHARS and UNIT.fullmatch(span.text):
            if _starts_table(lines, k + 1):
                break  # the unit line of the table that follows
            unit = span
        elif NOTE.match(span.text) or (notes and ENUMERATED.match(span.text)):
            notes.append(span)
        else:
            break
        k += 1
    return unit, notes


def _starts_table(lines: Sequence[_Line], k: int) -> bool:
    """Whether the next non-blank line from k is a table row or a caption."""
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    return k < len(lines) and bool(_row_kind(lines[k].text) or CAPTION.match(lines[k].text.strip()))


TOKEN = re.compile(r"\S+")
LIST_MARK = re.compile(r"[ \t\u3000]*(?:[-*+•·][ \t\u3000]+)?")
MAX_LABEL_CHARS = 40
PROSE = re.compile(r"[。；;！？!?]")
MAX_HEADER_LINES = 3


def _flattened(text: str, lines: Sequence[_Line], i: int) -> tuple[Table, int] | None:
    """A table a converter flattened into lines (`- 衣 着 -0.2 -0.2 -0.3`) under a caption and
    or a unit line at line i: (table, the line after it), or None."""
    caption = unit = None
    k = i
    while k < len(lines) and k < i + 6:
        s = lines[k].text.strip()
        if not s:
            k += 1
            continue
        span = _trimmed(text, lines[k].start, lines[k].end)
        if caption is None and unit is None and CAPTION.match(s) and len(s) <= MAX_CAPTION_CHARS:
            caption = span
            unit = unit_in(text, span)
        elif unit is None and len(s) <= MAX_UNIT_LINE_CHARS and UNIT.fullmatch(s):
            unit = span
        else:
            break
        k += 1
    if _row_kind(lines[k].text if k < len(lines) else ""):
        return None  # a pipe or tab table follows: read as such
    headers: list[list[tuple[int, int]]] = []
    data: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []  # (label tokens, numbers)
    j = k
    while j < len(lines):
        line = lines[j]
        if not line.text.strip() or PROSE.search(line.text):
            break
        mark = LIST_MARK.match(line.text)
        offset = line.start + (mark.end() if mark else 0)
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text, offset, line.end)]
        split = len(tokens)
        while split > 0 and is_number(text[tokens[split - 1][0] : tokens[split - 1][1]]):
            split -= 1
        label, numbers = tokens[:split], tokens[split:]
        if numbers and not data and are_years([text[a:b] for a, b in numbers]):
            label, numbers = [], []  # 指标 2019 2020 2021: a header line of years
            split = 0
        if numbers and label:
            if label[-1][1] - label[0][0] > MAX_LABEL_CHARS:
                break
            data.append((label, numbers))
        elif not numbers and not data and len(headers) < MAX_HEADER_LINES and len(tokens) <= 30:
            headers.append(tokens)
        else:
            break
        j += 1
    if not data:
        return None
    # the words before the numbers are one label, or as many columns as every row has words
    # (原煤 亿吨 39.0 1.4 from a PDF) unless a label is a word spaced out letter by letter (衣 着)
    widths = {len(label) for label, _ in data}
    label_cols = widths.pop() if len(widths) == 1 else 1
    if label_cols > 1 and any(all(b - a < 2 for a, b in label) for label, _ in data):
        label_cols = 1
    n_cols = label_cols + max(len(numbers) for _, numbers in data)
    rows: list[list[RawCell]] = []
    total = sum(len(h) for h in headers)
    if headers and total == n_cols and len(headers) > 1:
        rows.append([RawCell(a, b) for h in headers for a, b in h])  # one header row split over lines
    else:
        for h in headers:
            if len(h) > n_cols:  # a letter-spaced first header (行 业): its pieces are one cell
                extra = len(h) - n_cols + 1
                h = [(h[0][0], h[extra - 1][1])] + h[extra:]
                rows.append([RawCell(a, b) for a, b in h])
            else:
                rows.append([RawCell(a, b, grid_col=n_cols - len(h) + c) for c, (a, b) in enumerate(h)])
    for label, numbers in data:
        words = [RawCell(a, b) for a, b in label] if label_cols > 1 else [RawCell(label[0][0], label[-1][1])]
        rows.append(words + [RawCell(a, b) for a, b in numbers])
    _, notes = _below(text, lines, j)
    table = build_table(text, rows, "flattened", len(rows) - len(data), caption, unit, notes, lift=False)
    if table is None:
        return None
    return table, j
