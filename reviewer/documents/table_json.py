"""A document's tables as JSON, for the project file: compact, versioned, and read tolerantly.

A 5,000-row table has some 20,000 cells, so each cell is a short array, not an object with
repeated keys, and the cells are grouped by the row they start in:

    {"version": 1, "tables": [{"kind": "pipe", "n_rows": 2, "n_cols": 2, "header_rows": 1,
      "start": 10, "end": 30, "caption": [0, 8, "表1 …"], "unit": null, "notes": [],
      "rows": [[[0, 0, "指标"], [1, 3, "2024年"]], [[0, 3, "人口"], [1, 1, "140"]]]}]}

A cell is [col, gap, text]: `gap` is its start less the end of the cell before it (the table's
start for the first), and its end is start + len(text), which is what a reader makes
(`text[start:end] == cell.text`). A cell that is merged, a header, or whose end differs from
that carries more: [col, gap, text, rowspan, colspan, is_header, length]. Reading undoes this
exactly; text that cannot be read gives no tables and a log line, never an error.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from reviewer.documents.tables import Cell, Span, Table

log = logging.getLogger(__name__)
VERSION = 1
EMPTY = "[]"  # what a project holds for a document without tables


def tables_to_json(tables: Sequence[Table]) -> str:
    """The tables as one line of JSON (cells in the order given, grouped by the row they start in)."""
    if not tables:
        return EMPTY
    return json.dumps(
        {"version": VERSION, "tables": [_table(t) for t in tables]}, ensure_ascii=False, separators=(",", ":")
    )


def tables_from_json(text: str | None, source: str = "") -> tuple[Table, ...]:
    """The tables `tables_to_json` wrote. Anything unreadable (damaged JSON, a newer version, a
    wrong shape) gives no tables and one log line naming `source`: the document still opens."""
    if not text or text == EMPTY:
        return ()
    try:
        data = json.loads(text)
        if data.get("version") != VERSION:
            log.warning(
                "%s: tables stored in an unknown format (version %r); shown without them",
                source or "a document",
                data.get("version"),
            )
            return ()
        return tuple(_from_table(t) for t in data["tables"])
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        log.warning(
            "%s: its stored tables cannot be read (%s); shown without them",
            source or "a document",
            f"{type(exc).__name__}: {exc}",
        )
        return ()


def _table(table: Table) -> dict:
    cells = [c for c in table.cells if c.row >= 0]
    if not _in_row_order(cells):
        cells.sort(key=lambda c: c.row)  # Table's contract is row order; readers never break it
    rows: list[list[list]] = [[] for _ in range(max(table.n_rows, 1 + max((c.row for c in cells), default=-1)))]
    previous = table.start
    for cell in cells:
        rows[cell.row].append(_cell(cell, previous))
        previous = cell.end
    return {
        "kind": table.kind,
        "n_rows": table.n_rows,
        "n_cols": table.n_cols,
        "header_rows": table.header_rows,
        "start": table.start,
        "end": table.end,
        "caption": _span(table.caption),
        "unit": _span(table.unit),
        "notes": [_span(n) for n in table.notes],
        "rows": rows,
    }


def _in_row_order(cells: Sequence[Cell]) -> bool:
    return all(a.row <= b.row for a, b in zip(cells, cells[1:], strict=False))


def _cell(cell: Cell, previous: int) -> list:
    out: list = [cell.col, cell.start - previous, cell.text]
    length = cell.end - cell.start
    if cell.rowspan != 1 or cell.colspan != 1 or cell.is_header or length != len(cell.text):
        out += [cell.rowspan, cell.colspan, int(cell.is_header)]
        if length != len(cell.text):
            out.append(length)
    return out


def _span(span: Span | None) -> list | None:
    return None if span is None else [span.start, span.end, span.text]


def _from_table(data: dict) -> Table:
    cells = []
    previous = int(data["start"])
    for row, items in enumerate(data["rows"]):
        for item in items:
            col, gap, text = int(item[0]), int(item[1]), str(item[2])
            start = previous + gap
            rowspan, colspan, header = (int(item[3]), int(item[4]), bool(item[5])) if len(item) > 3 else (1, 1, False)
            end = start + (int(item[6]) if len(item) > 6 else len(text))
            cells.append(Cell(row, col, start, end, text, rowspan, colspan, header))
            previous = end
    return Table(
        cells=tuple(cells),
        n_rows=int(data["n_rows"]),
        n_cols=int(data["n_cols"]),
        header_rows=int(data["header_rows"]),
        caption=_from_span(data["caption"]),
        unit=_from_span(data["unit"]),
        notes=tuple(s for s in (_from_span(n) for n in data["notes"]) if s is not None),
        start=int(data["start"]),
        end=int(data["end"]),
        kind=str(data["kind"]),
    )


def _from_span(data) -> Span | None:
    return None if data is None else Span(int(data[0]), int(data[1]), str(data[2]))
