"""Carrying decisions over to a new extraction, or to a new version of the source text.

Old figures keep their row (and so their id, which the event log refers to) when a new figure
with the same text stands at the same place, or near where the old text moved to. A decision
whose figure is gone is kept and flagged as orphaned, never dropped; so is any figure the log
names (decided and undone, a note written and cleared): only figures nobody ever touched and
without a match are removed. Ids are never reused (AUTOINCREMENT), so the log never mixes two.
"""

from __future__ import annotations

import bisect
import difflib
import json
from typing import TYPE_CHECKING

from reviewer.documents.base import Document
from reviewer.documents.table_json import tables_to_json
from reviewer.model import Figure, Kind, Status
from reviewer.store.records import PLACE_COLUMNS, StoredFigure, figure_values

if TYPE_CHECKING:
    from reviewer.store.database import Database

NEAR = 200  # how far (in characters) a figure may have moved and still be the same one
EXTRACTION_COLUMNS = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "value_high",
    "unit",
    "approx",
    "indicator",
    "change",
    "period",
    "period_start",
    "period_end",
    "confidence",
    "reason",
    *PLACE_COLUMNS,  # where a table figure stands: the new extraction's place is written too
)


class OffsetMap:
    """Old text offsets to new text offsets, through the lines the two texts share."""

    def __init__(self, old: str, new: str):
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_starts, new_starts = _starts(old_lines), _starts(new_lines)
        self._blocks: list[tuple[int, int, int]] = []  # (old_start, old_end, shift)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, _ in matcher.get_opcodes():
            if tag == "equal" and i2 > i1:
                self._blocks.append((old_starts[i1], old_starts[i2], new_starts[j1] - old_starts[i1]))
        self._keys = [b[0] for b in self._blocks]

    def exact(self, pos: int) -> int | None:
        i = bisect.bisect_right(self._keys, pos) - 1
        if i >= 0 and self._blocks[i][0] <= pos < self._blocks[i][1]:
            return pos + self._blocks[i][2]
        return None

    def approximate(self, pos: int) -> int:
        """Where pos probably went: shifted like the nearest shared block before it."""
        i = bisect.bisect_right(self._keys, pos) - 1
        return pos + (self._blocks[i][2] if i >= 0 else 0)


def _starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def has_decision(f: StoredFigure) -> bool:
    return f.status is not Status.PENDING or bool(f.note) or f.manual


def replace_figures(
    conn: Database,
    project,
    doc_id: int,
    figures: list[Figure],
    engine_version: str,
    document: Document | None = None,
    keep_rows: bool = False,
) -> dict:
    """`keep_rows`: a figure nobody touched that the new extraction no longer finds is hidden
    (removed = 1) instead of deleted, so that an undo can show it again."""
    old_figures = project.figures(doc_id)
    old_text = project.document(doc_id, tables=False).text
    new_text = document.text if document else old_text
    offsets = OffsetMap(old_text, new_text) if document else None
    fresh = [f for f in figures if f.kind is not Kind.DATE]
    by_text: dict[str, list[int]] = {}
    for index, f in enumerate(fresh):
        by_text.setdefault(f.text, []).append(index)
    taken: set[int] = set()
    with_history = {
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT e.figure_id FROM figures f JOIN events e ON e.figure_id = f.id WHERE f.document_id = :id",
            {"id": doc_id},
        )
    }
    report = {"kept": 0, "new": 0, "removed_pending": 0, "orphaned": 0, "manual_kept": 0}

    for old in sorted(old_figures, key=lambda f: (not has_decision(f), f.start)):  # decisions choose first
        target = offsets.exact(old.start) if offsets else old.start
        guess = target if target is not None else (offsets.approximate(old.start) if offsets else old.start)
        match = _closest(by_text.get(old.text, []), fresh, taken, guess, exact=target)
        if old.manual:
            _move_manual(conn, old, new_text, guess, report)
            continue
        if match is not None:
            taken.add(match)
            values = figure_values(fresh[match])
            assignments = ", ".join(f'"{c}" = :{c}' for c in EXTRACTION_COLUMNS)
            conn.execute(
                f"UPDATE figures SET {assignments}, engine_version = :engine_version, orphaned = 0 WHERE id = :id",
                {**{c: values[c] for c in EXTRACTION_COLUMNS}, "engine_version": engine_version, "id": old.id},
            )
            report["kept"] += 1
        elif has_decision(old) or old.id in with_history:
            conn.execute("UPDATE figures SET orphaned = 1 WHERE id = :id", {"id": old.id})
            report["orphaned"] += 1
        elif keep_rows:
            conn.execute("UPDATE figures SET removed = 1 WHERE id = :id", {"id": old.id})
            report["removed_pending"] += 1
        else:
            conn.execute("DELETE FROM figures WHERE id = :id", {"id": old.id})
            report["removed_pending"] += 1

    manual = [
        (row[0], row[1])
        for row in conn.execute(
            'SELECT start, "end" FROM figures WHERE document_id = :id AND manual = 1 AND orphaned = 0 AND removed = 0',
            {"id": doc_id},
        )
    ]
    remaining = [
        f for i, f in enumerate(fresh) if i not in taken and not any(s < f.end and f.start < e for s, e in manual)
    ]
    project._insert_figures(conn, doc_id, remaining, engine_version)
    report["new"] = len(remaining)
    if document is not None:
        conn.execute(
            "UPDATE documents SET text = :text, sha256 = :sha256, size = :size, title = :title, doc_date = :doc_date,"
            " format = :format, encoding = :encoding, page_starts = :page_starts, tables = :tables, source_changed = 0"
            " WHERE id = :id",
            {
                "text": document.text,
                "sha256": document.sha256,
                "size": document.size,
                "title": document.title,
                "doc_date": document.date.isoformat() if document.date else None,
                "format": document.format,
                "encoding": document.encoding,
                "page_starts": json.dumps(list(document.page_starts)),
                "tables": tables_to_json(document.tables),
                "id": doc_id,
            },
        )
    return report


def _closest(candidates: list[int], fresh: list[Figure], taken: set[int], guess: int, exact: int | None) -> int | None:
    best, best_distance = None, NEAR + 1
    for index in candidates:
        if index in taken:
            continue
        distance = abs(fresh[index].start - guess)
        if exact is not None and fresh[index].start == exact:
            return index
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def _move_manual(conn: Database, old: StoredFigure, new_text: str, guess: int, report: dict) -> None:
    """A figure added by hand has no extraction to match: find its text again near where it was."""
    lo = max(0, guess - NEAR)
    at = new_text.find(old.text, lo, guess + NEAR + len(old.text))
    if at >= 0:
        conn.execute(
            'UPDATE figures SET start = :start, "end" = :end, orphaned = 0 WHERE id = :id',
            {"start": at, "end": at + len(old.text), "id": old.id},
        )
        report["manual_kept"] += 1
    else:
        conn.execute("UPDATE figures SET orphaned = 1 WHERE id = :id", {"id": old.id})
        report["orphaned"] += 1
