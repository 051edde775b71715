"""A review project: one SQLite file holding documents, their figures, every decision and the
append-only event log. Plain Python; the window and the command line use it alike.

Every review action is one transaction, committed (and on disk) before the call returns.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

from reviewer.documents.base import Document
from reviewer.model import Figure, Kind, Status
from reviewer.store.connection import open_connection, transaction, translate
from reviewer.store.errors import ReadOnlyProject, StoreError
from reviewer.store.records import (
    REVIEW_FIELDS, Event, Progress, StoredDocument, StoredFigure, event_from_row, figure_from_row, figure_values,
)

PROJECT_SUFFIX = ".frp"
UNDOABLE = ("decide", "note", "add")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Project:
    def __init__(self, path: str | Path, create: bool = False, read_only: bool = False, reviewer: str | None = None):
        self.path = Path(path)
        self.read_only = read_only
        self.reviewer = reviewer
        self._conn, self._lock = open_connection(self.path, create, read_only)
        self._undo: list[int] | None = None  # event ids, built from the log on first use
        self._redo: list[int] = []

    # -- lifetime ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, **kwargs) -> "Project":
        return cls(path, **kwargs)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self):
        if self.read_only:
            raise ReadOnlyProject(f"{self.path}: opened read-only; nothing can be changed")
        return transaction(self._conn, self.path)

    def _query(self, sql: str, params=()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise translate(self.path, exc) from exc

    # -- documents -----------------------------------------------------------------------------

    def add_document(self, doc: Document, figures: list[Figure], engine_version: str) -> int:
        """Import a document and its extracted figures (dates are not stored as figures)."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO documents (source, title, doc_date, format, encoding, size, sha256, text, page_starts,"
                " imported_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.source, doc.title, doc.date.isoformat() if doc.date else None, doc.format, doc.encoding,
                 doc.size, doc.sha256, doc.text, json.dumps(list(doc.page_starts)), now()))
            doc_id = cursor.lastrowid
            self._insert_figures(conn, doc_id, figures, engine_version)
            self._log(conn, "import", document_id=doc_id,
                      new={"source": doc.source, "sha256": doc.sha256,
                           "figures": sum(1 for f in figures if f.kind is not Kind.DATE)})
        return doc_id

    def _insert_figures(self, conn, doc_id: int, figures: list[Figure], engine_version: str) -> None:
        rows = []
        for f in figures:
            if f.kind is Kind.DATE:
                continue
            v = figure_values(f)
            rows.append((doc_id, v["start"], v["end"], v["text"], v["kind"], v["value"], v["value_high"], v["unit"],
                         v["approx"], v["indicator"], v["change"], v["period"], v["confidence"], v["reason"],
                         engine_version))
        conn.executemany(
            "INSERT INTO figures (document_id, start, end, text, kind, value, value_high, unit, approx, indicator,"
            " change, period, confidence, reason, engine_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def documents(self) -> list[StoredDocument]:
        rows = self._query("SELECT id, source, title, doc_date, format, encoding, size, sha256, imported_at,"
                           " source_changed FROM documents ORDER BY id")
        return [_document(row) for row in rows]

    def document(self, doc_id: int) -> StoredDocument:
        rows = self._query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise StoreError(f"{self.path}: no document {doc_id}")
        return _document(rows[0], with_text=True)

    # -- figures -------------------------------------------------------------------------------

    def figures(self, doc_id: int | None = None, status: Status | None = None, kind: Kind | None = None,
                include_removed: bool = False) -> list[StoredFigure]:
        where, params = [], []
        if doc_id is not None:
            where.append("document_id = ?")
            params.append(doc_id)
        if status is not None:
            where.append("status = ?")
            params.append(Status(status).value)
        if kind is not None:
            where.append("kind = ?")
            params.append(Kind(kind).value)
        if not include_removed:
            where.append("removed = 0")
        sql = "SELECT * FROM figures" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY document_id, start"
        return [figure_from_row(row) for row in self._query(sql, params)]

    def figure(self, figure_id: int) -> StoredFigure:
        rows = self._query("SELECT * FROM figures WHERE id = ?", (figure_id,))
        if not rows:
            raise StoreError(f"{self.path}: no figure {figure_id}")
        return figure_from_row(rows[0])

    # -- review actions ------------------------------------------------------------------------

    def decide(self, figure_id: int, status: Status, *, value: Decimal | str | None = None, unit: str | None = None,
               kind: Kind | str | None = None, indicator: str | None = None, note: str | None = None,
               reviewer: str | None = None) -> Event:
        """Confirm, reject, correct (with corrected fields) or reset a figure to pending."""
        status = Status(status)
        before = self.figure(figure_id)
        change = {"status": status.value, "reviewer": reviewer or self.reviewer, "decided_at": now()}
        corrected = {"corrected_value": None if value is None else str(Decimal(str(value))),
                     "corrected_unit": unit, "corrected_kind": Kind(kind).value if kind else None,
                     "corrected_indicator": indicator}
        if status is Status.CORRECTED:
            change.update(corrected)
        elif status is Status.PENDING:
            change.update(dict.fromkeys(corrected), reviewer=None, decided_at=None)
        if note is not None:
            change["note"] = note
        return self._change(before, "decide", change)

    def set_note(self, figure_id: int, note: str, reviewer: str | None = None) -> Event:
        before = self.figure(figure_id)
        return self._change(before, "note", {"note": note or None, "reviewer": reviewer or self.reviewer or before.reviewer})

    def add_manual_figure(self, doc_id: int, start: int, end: int, kind: Kind | str, value: Decimal | str | None,
                          unit: str | None, indicator: str | None = None, reviewer: str | None = None) -> int:
        """A figure the engine missed, from a span the reviewer selected; confirmed by adding it."""
        text = self.document(doc_id).text
        if not 0 <= start < end <= len(text):
            raise StoreError(f"{self.path}: the selection {start}-{end} is outside the document")
        overlapping = self._query("SELECT id FROM figures WHERE document_id = ? AND removed = 0 AND start < ? AND end > ?",
                                  (doc_id, end, start))
        if overlapping:
            raise StoreError("the selection overlaps a figure that is already listed; correct that one instead")
        who = reviewer or self.reviewer
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO figures (document_id, start, end, text, kind, value, unit, indicator, confidence, reason,"
                " engine_version, manual, status, reviewer, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, start, end, text[start:end], Kind(kind).value, None if value is None else str(Decimal(str(value))),
                 unit, indicator, 1.0, "added by hand", "manual", 1, Status.CONFIRMED.value, who, now()))
            figure_id = cursor.lastrowid
            event_id = self._log(conn, "add", document_id=doc_id, figure_id=figure_id, old={"removed": 1},
                                 new={"removed": 0, "start": start, "end": end, "text": text[start:end]}, reviewer=who)
        self._pushed(event_id)
        return figure_id

    def _change(self, before: StoredFigure, action: str, change: dict) -> Event:
        old = {k: before.review_state()[k] for k in change}
        with self._write() as conn:
            self._apply(conn, before.id, change)
            event_id = self._log(conn, action, document_id=before.document_id, figure_id=before.id, old=old, new=change,
                                 reviewer=change.get("reviewer"))
        self._pushed(event_id)
        return self.event(event_id)

    @staticmethod
    def _apply(conn, figure_id: int, values: dict) -> None:
        columns = [k for k in values if k in REVIEW_FIELDS]
        if columns:
            conn.execute(f"UPDATE figures SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                         [values[c] for c in columns] + [figure_id])

    def _log(self, conn, action: str, document_id=None, figure_id=None, old=None, new=None, reverts=None,
             reviewer=None) -> int:
        cursor = conn.execute(
            "INSERT INTO events (at, reviewer, action, document_id, figure_id, old, new, reverts) VALUES (?,?,?,?,?,?,?,?)",
            (now(), reviewer or self.reviewer, action, document_id, figure_id,
             json.dumps(old, ensure_ascii=False) if old is not None else None,
             json.dumps(new, ensure_ascii=False) if new is not None else None, reverts))
        return cursor.lastrowid

    # -- undo and redo: walks of the event log ---------------------------------------------------

    def _stacks(self) -> list[int]:
        if self._undo is None:
            undo: list[int] = []
            redo: list[int] = []
            for row in self._query("SELECT id, action FROM events WHERE action IN (?,?,?,?,?) ORDER BY id",
                                   (*UNDOABLE, "undo", "redo")):
                if row["action"] == "undo":
                    if undo:
                        redo.append(undo.pop())
                elif row["action"] == "redo":
                    if redo:
                        undo.append(redo.pop())
                else:
                    undo.append(row["id"])
                    redo.clear()
            self._undo, self._redo = undo, redo
        return self._undo

    def _pushed(self, event_id: int) -> None:
        if self._undo is None:
            self._stacks()  # built from the log, which already holds this event
            return
        self._undo.append(event_id)
        self._redo.clear()

    def can_redo(self) -> bool:
        self._stacks()
        return bool(self._redo)

    def undo(self) -> Event | None:
        stack = self._stacks()
        if not stack:
            return None
        target = self.event(stack[-1])
        with self._write() as conn:
            self._apply(conn, target.figure_id, target.old or {})
            event_id = self._log(conn, "undo", target.document_id, target.figure_id, old=target.new, new=target.old,
                                 reverts=target.id)
        self._redo.append(stack.pop())
        return self.event(event_id)

    def redo(self) -> Event | None:
        self._stacks()
        if not self._redo:
            return None
        target = self.event(self._redo[-1])
        with self._write() as conn:
            self._apply(conn, target.figure_id, target.new or {})
            event_id = self._log(conn, "redo", target.document_id, target.figure_id, old=target.old, new=target.new,
                                 reverts=target.id)
        self._undo.append(self._redo.pop())
        return self.event(event_id)

    # -- the log -------------------------------------------------------------------------------

    def event(self, event_id: int) -> Event:
        return event_from_row(self._query("SELECT * FROM events WHERE id = ?", (event_id,))[0])

    def events(self, figure_id: int | None = None) -> list[Event]:
        if figure_id is None:
            rows = self._query("SELECT * FROM events ORDER BY id")
        else:
            rows = self._query("SELECT * FROM events WHERE figure_id = ? ORDER BY id", (figure_id,))
        return [event_from_row(row) for row in rows]

    # -- statistics ----------------------------------------------------------------------------

    def progress_by_document(self) -> dict[int, Progress]:
        counts: dict[int, dict[str, int]] = {}
        for row in self._query("SELECT document_id, status, COUNT(*) AS n, SUM(orphaned) AS o FROM figures"
                               " WHERE removed = 0 GROUP BY document_id, status"):
            slot = counts.setdefault(row["document_id"], {"orphaned": 0})
            slot[row["status"]] = row["n"]
            slot["orphaned"] += row["o"] or 0
        for doc in self._query("SELECT id FROM documents"):
            counts.setdefault(doc["id"], {"orphaned": 0})
        return {doc_id: _progress(c) for doc_id, c in counts.items()}

    def progress(self, per_document: dict[int, Progress] | None = None) -> Progress:
        """Overall progress; pass progress_by_document() if you have it, to save a query."""
        total: dict[str, int] = {"orphaned": 0}
        for p in (per_document or self.progress_by_document()).values():
            for name in ("pending", "confirmed", "corrected", "rejected", "orphaned"):
                total[name] = total.get(name, 0) + getattr(p, name)
        return _progress(total)

    def integrity_check(self) -> str:
        return self._query("PRAGMA integrity_check")[0][0]

    # -- maintenance (re-extraction, changed sources) live in matching.py ----------------------

    def replace_figures(self, doc_id: int, figures: list[Figure], engine_version: str, text: str | None = None,
                        document: Document | None = None) -> dict:
        from reviewer.store.matching import replace_figures

        with self._write() as conn:
            report = replace_figures(conn, self, doc_id, figures, engine_version, document)
            self._log(conn, "reimport" if document else "reextract", document_id=doc_id, new=report)
        self._undo = None  # figure ids changed: rebuild the stacks from the log
        return report

    def changed_sources(self) -> list[tuple[StoredDocument, str]]:
        """Documents whose source on disk differs from what was imported (sha256) or is gone.
        In a writable project the documents' flags are updated too (the window shows them)."""
        from reviewer.documents import DocumentError, read_document
        from reviewer.documents.split import split_articles

        changed: list[tuple[StoredDocument, str]] = []
        articles: dict[str, dict[str, str]] = {}  # file -> {article source: sha256}
        for doc in self.documents():
            path, _, part = doc.source.partition("#")
            try:
                if part:  # an article split from a file: compare the article's own text
                    if path not in articles:
                        articles[path] = {a.source: a.sha256 for a in split_articles(read_document(path))}
                    digest = articles[path].get(doc.source)
                else:
                    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except FileNotFoundError:
                changed.append((doc, "the file is missing"))
                continue
            except DocumentError as exc:
                changed.append((doc, exc.reason))
                continue
            except OSError as exc:
                changed.append((doc, f"the file cannot be read ({exc.strerror or exc})"))
                continue
            if digest != doc.sha256:
                changed.append((doc, "the file changed on disk since it was imported"))
        if not self.read_only:
            flagged = {doc.id for doc, _ in changed}
            with self._write() as conn:
                conn.executemany("UPDATE documents SET source_changed = ? WHERE id = ?",
                                 [(int(doc.id in flagged), doc.id) for doc in self.documents()])
        return changed


def _document(row, with_text: bool = False) -> StoredDocument:
    keys = row.keys()
    return StoredDocument(
        id=row["id"], source=row["source"], title=row["title"],
        date=date.fromisoformat(row["doc_date"]) if row["doc_date"] else None, format=row["format"],
        encoding=row["encoding"], size=row["size"], sha256=row["sha256"], imported_at=row["imported_at"],
        source_changed=bool(row["source_changed"]),
        text=row["text"] if with_text and "text" in keys else None,
        page_starts=tuple(json.loads(row["page_starts"])) if with_text and "page_starts" in keys else (),
    )


def _progress(counts: dict[str, int]) -> Progress:
    names = ("pending", "confirmed", "corrected", "rejected")
    values = {n: counts.get(n, 0) for n in names}
    return Progress(total=sum(values.values()), orphaned=counts.get("orphaned", 0), **values)
