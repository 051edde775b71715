"""A review project: documents, their figures, every decision and the append-only event log, in a
.frp file (SQLite) or shared on a PostgreSQL server, through one interface (reviewer.store.database).
Plain Python; the window and the command line use it alike.

Every review action is one transaction, committed (and on disk) before the call returns.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import RowMapping

from reviewer.agreement import Ratings
from reviewer.checks.reference import ReferenceRow
from reviewer.decisions import STATUSES, Decision, Version, stored_decision
from reviewer.display import shown_path
from reviewer.documents.base import Document
from reviewer.documents.table_json import EMPTY as EMPTY_TABLES
from reviewer.documents.table_json import tables_from_json, tables_to_json
from reviewer.documents.table_places import place_in_tables
from reviewer.documents.tables import Table
from reviewer.i18n import N_, _
from reviewer.model import Figure, Kind, Period, Status
from reviewer.store.connection import checkpoint, damaged, fsync_folder, open_connection, same_file, translate
from reviewer.store.database import file_database, server_database
from reviewer.store.dates import checked_date, checked_period
from reviewer.store.errors import DocumentLeased, ReadOnlyProject, ServerRefused, StoreError, WriteFailed
from reviewer.store.locations import FileLocation, Location, ServerLocation
from reviewer.store.matching import EXTRACTION_COLUMNS
from reviewer.store.membership import Team, team_for
from reviewer.store.records import (
    PLACE_COLUMNS,
    REVIEW_FIELDS,
    Event,
    FindingDecision,
    Progress,
    ReviewerProgress,
    StoredDocument,
    StoredFigure,
    decimal_or_none,
    decision_from_row,
    event_from_row,
    figure_from_row,
    figure_values,
    place_values,
)
from reviewer.store.upgrade import upgrade_file

T = TypeVar("T")
PROJECT_SUFFIX = ".frp"
UNDOABLE = ("decide", "settle", "note", "add", "date", "finding", "reference", "assign")
# a lease of a single-review document lasts this long without activity (the window renews it)
LEASE_MINUTES = 15
REPORTING_COLUMNS = ("reporting_start", "reporting_end", "reporting_text")
# what a change of a document's date or reporting period may set, and so what its undo sets back
DATE_DOCUMENT_FIELDS = ("doc_date", *REPORTING_COLUMNS)
DATE_FIGURE_FIELDS = (*EXTRACTION_COLUMNS, "engine_version", "orphaned", "removed")
MANUAL_REASON = N_("added by hand")
# what one reviewer decides of a figure: a row of the decisions table holds them
DECISION_COLUMNS = ("status", "corrected_value", "corrected_unit", "corrected_kind", "corrected_indicator", "note")
FIGURE_COLUMNS = ("document_id", *EXTRACTION_COLUMNS, "engine_version")  # what an import writes of each
INSERT_FIGURE = (
    f"INSERT INTO figures ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in FIGURE_COLUMNS)})"
    f" VALUES ({', '.join(':' + c for c in FIGURE_COLUMNS)})"
)
INSERT_DECISION = (
    f"INSERT INTO decisions (figure_id, reviewer, {', '.join(DECISION_COLUMNS)}, at, event_id, client_id)"
    f" VALUES (:figure_id, :reviewer, {', '.join(':' + c for c in DECISION_COLUMNS)}, :at, :event_id, :client_id)"
)
STANDING_IN_FILE = (
    "SELECT reviewer, status, COUNT(*) AS n FROM figures"
    " WHERE removed = 0 AND status IN ('confirmed', 'corrected', 'rejected') GROUP BY reviewer, status"
)
DECISIONS_MADE_IN_FILE = "SELECT reviewer, COUNT(*) AS n FROM events WHERE action = 'decide' GROUP BY reviewer"
DECISIONS_MADE_ON_SERVER = "SELECT reviewer, n FROM reviewer_activity"
# every reviewer's standing decisions by status (for those who may read them all)
STANDING_ON_SERVER = (
    "SELECT s.reviewer, s.status, COUNT(*) AS n FROM (SELECT DISTINCT ON (figure_id, reviewer) figure_id, reviewer,"
    " status FROM decisions WHERE reviewer IS NOT NULL ORDER BY figure_id, reviewer, id DESC) s"
    " JOIN figures f ON f.id = s.figure_id WHERE f.removed = 0 AND s.status <> 'pending' GROUP BY s.reviewer, s.status"
)
# a reviewer on a server sees the figures with their own standing decision (their newest row)
OWN_COLUMNS = """f.id, f.document_id, f.start, f."end", f.text, f.kind, f.value, f.value_high, f.unit,
 f.approx, f.indicator, f.change, f.period, f.confidence, f.reason, f.engine_version, f.manual,
 COALESCE(d.status, 'pending') AS status, d.corrected_value, d.corrected_unit, d.corrected_kind,
 d.corrected_indicator, d.note, CASE WHEN d.status <> 'pending' THEN d.reviewer END AS reviewer,
 CASE WHEN d.status <> 'pending' THEN d.at END AS decided_at, f.orphaned, f.removed, f.table_caption,
 f.row_label, f.column_label, f.unit_source, f.period_start, f.period_end, f.settled"""
# over the whole project: every one of the reviewer's rows read once, the newest kept
OWN_DECISIONS = f"""(SELECT {OWN_COLUMNS}
 FROM figures f LEFT JOIN (SELECT DISTINCT ON (figure_id) * FROM decisions WHERE reviewer = :me
 ORDER BY figure_id, id DESC) d ON d.figure_id = f.id) AS figures"""
# for a few figures (one, or one document's): each figure's newest row found through the index on
# (figure_id, reviewer, id), so the cost does not grow with how much the reviewer decided elsewhere
OWN_DECISIONS_OF_FEW = f"""(SELECT {OWN_COLUMNS}
 FROM figures f LEFT JOIN LATERAL (SELECT * FROM decisions WHERE figure_id = f.id AND reviewer = :me
 ORDER BY id DESC LIMIT 1) d ON true) AS figures"""


# each reviewer's newest row per figure, without pending ones, by figure and reviewer
REVIEWER_DECISIONS_IN_FILE = (
    "SELECT d.figure_id, d.reviewer, d.status, d.corrected_value, d.corrected_unit, d.corrected_kind,"
    " d.corrected_indicator FROM decisions d"
    " JOIN (SELECT MAX(id) AS last FROM decisions WHERE reviewer IS NOT NULL GROUP BY figure_id, reviewer) s"
    " ON d.id = s.last JOIN figures f ON f.id = d.figure_id"
    " WHERE f.removed = 0 AND d.status <> 'pending' ORDER BY d.figure_id, d.reviewer"
)
# the same on PostgreSQL in one walk of the index on (figure_id, reviewer, id), backwards, keeping
# the first row of each (figure, reviewer): the newest (the MAX join above sorts every row twice)
REVIEWER_DECISIONS_ON_SERVER = (
    "SELECT s.* FROM (SELECT DISTINCT ON (figure_id, reviewer) figure_id, reviewer, status, corrected_value,"
    " corrected_unit, corrected_kind, corrected_indicator FROM decisions WHERE reviewer IS NOT NULL"
    " ORDER BY figure_id DESC, reviewer DESC, id DESC) s JOIN figures f ON f.id = s.figure_id"
    " WHERE f.removed = 0 AND s.status <> 'pending' ORDER BY s.figure_id DESC, s.reviewer DESC"
)
CORRECTED = Status.CORRECTED.value


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Project:
    """A project in a .frp file, or (a ServerLocation, or its URL) on a PostgreSQL server."""

    def __init__(
        self,
        path: str | Path | ServerLocation,
        create: bool = False,
        read_only: bool = False,
        reviewer: str | None = None,
    ):
        self.read_only = read_only
        self.reviewer = reviewer
        self._closed = False
        self._undo: list[int] | None = None  # command ids, built from the log on first use
        self._redo: list[int] = []
        if isinstance(path, ServerLocation):
            self.location: Location = path
            self._db = server_database(path)
            self.team: Team | None = team_for(self._db, path, reviewer)
            self.reviewer = self.team.person
        else:
            self.location = FileLocation(Path(path))
            raw, self._lock = open_connection(Path(path), create, read_only)
            self._db = file_database(raw, Path(path))
            self.team = None
            if not read_only:
                try:
                    upgrade_file(self._db)
                except BaseException:
                    self.close()
                    raise

    @property
    def path(self) -> Path:
        """The project's file (a project on a server has none: see `location`)."""
        if isinstance(self.location, FileLocation):
            return self.location.path
        raise StoreError(_("{url}: a shared project is not a file", url=self.location))

    @property
    def shared(self) -> bool:
        return self._on_server

    @property
    def _on_server(self) -> bool:
        return self.team is not None

    @property
    def role(self) -> str | None:
        """On a server the person's role in the project; None for a file, where one may do anything."""
        return self.team.role if self.team else None

    @property
    def channel(self) -> str | None:
        """Where a server project announces each committed event (LISTEN it); None for a file."""
        return self.team.project if self.team else None

    def connect_arguments(self) -> dict:
        """psycopg.connect's keywords for a connection of one's own to a server project (a listener's)."""
        if not isinstance(self.location, ServerLocation):
            raise StoreError(_("{url}: a project file has no server to connect to", url=self.where))
        return {**self.location.connect_arguments(), "user": self.reviewer}

    def reconnect(self) -> None:
        """After the server was away: a fresh connection (ServerUnreachable while it is still away).
        A project file keeps its one connection: nothing to do."""
        if self.team is not None:
            self._db.reconnect()

    @property
    def where(self) -> str:
        """The project as messages name it: its file, or its URL without a password."""
        return self._db.where

    # -- lifetime ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | ServerLocation, **kwargs) -> Project:
        return cls(path, **kwargs)

    def close(self) -> None:
        """Checkpoint the write-ahead log into the file, so the closed .frp alone is the project."""
        if not self._closed:
            if not self.read_only and self._raw is not None:
                checkpoint(self._raw, truncate=True)
            self._db.close()
            self._closed = True
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def _raw(self) -> sqlite3.Connection | None:
        """The SQLite connection under a file project (its checkpoints and backups), else None."""
        return self._db.raw

    def _manager_only(self) -> None:
        """Documents come, change and go by the manager (a file's user is everything at once)."""
        if self.team is not None and self.team.role != "manager":
            raise StoreError(
                _(
                    "{url}: {person} is a project {role}; the project's manager imports and assigns documents",
                    url=self.where,
                    person=self.reviewer,
                    role=self.team.role,
                )
            )

    @property
    def _own_rows_only(self) -> bool:
        """A reviewer on a server: decisions go to their own rows, never onto the figure."""
        return self.team is not None and self.team.role == "reviewer"

    def _figures_seen(self, few: bool = False) -> str:
        """What a person sees as the figures; `few`: a query of one figure or one document's."""
        if not self._own_rows_only:
            return "figures"
        return OWN_DECISIONS_OF_FEW if few else OWN_DECISIONS

    def _seen_params(self) -> dict:
        return {"me": self.reviewer} if self._own_rows_only else {}

    def _write(self):
        self._writable()
        return self._db.write()

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyProject(_("{path}: opened read-only; nothing can be changed", path=self.where))

    def checkpoint(self) -> None:
        """Copy what the write-ahead log holds into the project file (the log stays, for readers)."""
        if not self.read_only and self._raw is not None:
            checkpoint(self._raw, truncate=False)

    def backup(self, destination: str | Path) -> None:
        """A consistent copy of the project, made through SQLite's backup API (safe while it is
        open here), written under a temporary name and moved into place."""
        destination = Path(destination)
        if self._raw is None:
            raise StoreError(
                _("{url}: a shared project is copied by the server's own backups (pg_dump)", url=self.where)
            )
        if same_file(destination, self.path):
            raise StoreError(
                _("{path}: is this project itself; choose another file for the copy", path=shown_path(destination))
            )
        for leftover in (Path(f"{destination}-wal"), Path(f"{destination}-shm")):
            if leftover.exists():  # the log of a project there would be replayed over the copy
                raise WriteFailed(
                    _(
                        "{path}: a project there is open or was not closed properly; choose another file for the copy",
                        path=shown_path(destination),
                    )
                )
        temporary = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
        try:
            target = sqlite3.connect(temporary, isolation_level=None)
            try:
                self._raw.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # the copy is one file, no log beside it
            finally:
                target.close()
            with open(temporary, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(temporary, destination)
            fsync_folder(destination.parent)
        except sqlite3.Error as exc:
            temporary.unlink(missing_ok=True)
            raise translate(destination, exc) from exc
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise WriteFailed(
                _(
                    "{path}: the copy could not be written ({reason}); the project is unchanged",
                    path=shown_path(destination),
                    reason=exc.strerror or exc,
                )
            ) from exc

    def _query(self, sql: str, params: dict | None = None) -> list[RowMapping]:
        return self._db.rows(sql, params)

    def _read(self, convert: Callable[[RowMapping], T], sql: str, params: dict | None = None) -> list[T]:
        """Rows made into records; a stored value that cannot be read means a damaged project, said
        in one line (never the raw bytes)."""
        rows = self._query(sql, params)
        try:
            return [convert(row) for row in rows]
        except (ValueError, ArithmeticError, TypeError, KeyError) as exc:
            raise self._damaged() from exc

    def _damaged(self) -> StoreError:
        if self._raw is not None:
            return damaged(self.path)
        return ServerRefused(
            _("{url}: the project holds a value this version cannot read; tell its manager", url=self.where)
        )

    # -- documents -----------------------------------------------------------------------------

    def add_document(self, doc: Document, figures: list[Figure], engine_version: str) -> int:
        """Import a document and its extracted figures (dates are not stored as figures)."""
        self._manager_only()
        article = getattr(doc, "article", None)
        with self._write() as conn:
            doc_id = conn.insert(
                "INSERT INTO documents (source, article, title, doc_date, format, encoding, size, sha256, text,"
                " page_starts, tables, imported_at) VALUES (:source, :article, :title, :doc_date, :format,"
                " :encoding, :size, :sha256, :text, :page_starts, :tables, :imported_at)",
                {
                    "source": doc.source,
                    "article": article,
                    "title": doc.title,
                    "doc_date": doc.date.isoformat() if doc.date else None,
                    "format": doc.format,
                    "encoding": doc.encoding,
                    "size": doc.size,
                    "sha256": doc.sha256,
                    "text": doc.text,
                    "page_starts": json.dumps(list(doc.page_starts)),
                    "tables": tables_to_json(doc.tables),
                    "imported_at": now(),
                },
            )
            self._insert_figures(conn, doc_id, figures, engine_version)
            self._log(
                conn,
                "import",
                document_id=doc_id,
                new={
                    "source": doc.source,
                    "article": article,
                    "sha256": doc.sha256,
                    "figures": sum(1 for f in figures if f.kind is not Kind.DATE),
                },
            )
        self.checkpoint()  # a crash, or a lost -wal file, then costs nothing already imported
        return doc_id

    def _insert_figures(self, conn, doc_id: int, figures: list[Figure], engine_version: str) -> None:
        rows = [
            {**figure_values(f), "document_id": doc_id, "engine_version": engine_version}
            for f in figures
            if f.kind is not Kind.DATE
        ]
        if rows:
            conn.execute(INSERT_FIGURE, rows)

    def documents(self) -> list[StoredDocument]:
        """In import order; on a server the documents assigned to the person come first."""
        mine = (
            "CASE WHEN EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = documents.id"
            " AND a.reviewer = :me) THEN 0 ELSE 1 END, "
            if self._on_server
            else ""
        )
        return self._read(
            _document,
            "SELECT id, source, article, title, doc_date, format, encoding, size, sha256, imported_at, source_changed,"
            f" reporting_start, reporting_end, reporting_text FROM documents ORDER BY {mine}id",
            {"me": self.reviewer},
        )

    def document(self, doc_id: int, tables: bool = True) -> StoredDocument:
        """A document with its text and page starts, and its tables unless `tables` is False (what
        needs only the text is spared reading them: a long table is thousands of cells)."""
        columns = "*" if tables else ", ".join(c for c in DOCUMENT_COLUMNS if c != "tables")
        found = self._read(
            lambda row: _document(row, with_text=True),
            f"SELECT {columns} FROM documents WHERE id = :id",
            {"id": doc_id},
        )
        if not found:
            raise StoreError(_("{path}: no document {id}", path=self.where, id=doc_id))
        return found[0]

    # -- figures -------------------------------------------------------------------------------

    def figures(
        self,
        doc_id: int | None = None,
        status: Status | None = None,
        kind: Kind | None = None,
        include_removed: bool = False,
    ) -> list[StoredFigure]:
        where: list[str] = []
        params: dict[str, object] = {}
        if doc_id is not None:
            where.append("document_id = :document_id")
            params["document_id"] = doc_id
        if status is not None:
            where.append("status = :status")
            params["status"] = Status(status).value
        if kind is not None:
            where.append("kind = :kind")
            params["kind"] = Kind(kind).value
        if not include_removed:
            where.append("removed = 0")
        sql = (
            f"SELECT * FROM {self._figures_seen(few=doc_id is not None)}"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY document_id, start"
        )
        return self._read(figure_from_row, sql, {**params, **self._seen_params()})

    def figure(self, figure_id: int) -> StoredFigure:
        found = self._read(
            figure_from_row,
            f"SELECT * FROM {self._figures_seen(few=True)} WHERE id = :id",
            {"id": figure_id, **self._seen_params()},
        )
        if not found:
            raise StoreError(_("{path}: no figure {id}", path=self.where, id=figure_id))
        return found[0]

    # -- review actions ------------------------------------------------------------------------

    def decide(
        self,
        figure_id: int,
        status: Status,
        *,
        value: Decimal | str | None = None,
        unit: str | None = None,
        kind: Kind | str | None = None,
        indicator: str | None = None,
        note: str | None = None,
        reviewer: str | None = None,
        client_id: str | None = None,
    ) -> Event | None:
        """Confirm, reject, correct (with corrected fields) or reset a figure to pending.
        Returns the event written, or None when the decision changes nothing (the same status,
        corrected fields and note): nothing is written and no undo step is added. A `client_id`
        (the window's offline queue gives one to each decision) makes it idempotent: a decision
        whose id is already stored is not written again (None)."""
        if self._on_server and not self._own_rows_only:  # an adjudicator's (or a manager's) decision is final
            return self.settle(
                figure_id, Version(Status(status), _decimal(value), unit, _kind(kind), indicator), reviewer, note
            )
        change = self._decision(status, value, unit, kind, indicator, note, reviewer)
        if client_id is not None:
            if self._query("SELECT 1 FROM decisions WHERE client_id = :c", {"c": client_id}):
                return None
            change["client_id"] = client_id
        before = self.figure(figure_id)
        if _changes_nothing(before, change) and not self._anothers_decision(before, change):
            return None
        return self._command("decide", [(before, change)])[0]

    def decide_many(
        self,
        figure_ids: list[int],
        status: Status,
        *,
        value: Decimal | str | None = None,
        unit: str | None = None,
        kind: Kind | str | None = None,
        indicator: str | None = None,
        note: str | None = None,
        reviewer: str | None = None,
    ) -> list[Event]:
        """The same decision for several figures: one transaction and one undo step, so a failure
        changes nothing and one undo takes it all back. Returns the events written: none for a
        figure the decision does not change, and an empty list (no undo step) when it changes none."""
        change = self._decision(status, value, unit, kind, indicator, note, reviewer)
        figures = [self.figure(i) for i in dict.fromkeys(figure_ids)]
        changes = [
            (f, dict(change)) for f in figures if not _changes_nothing(f, change) or self._anothers_decision(f, change)
        ]
        if not changes:
            return []
        return self._command("decide", changes)

    def _anothers_decision(self, before: StoredFigure, change: dict) -> bool:
        """In a file: a second reviewer deciding a figure as it already stands (confirming what
        another confirmed) makes a decision of their own, which agreement counts."""
        who = change.get("reviewer")
        if self._on_server or not who or who == before.reviewer or change["status"] == Status.PENDING.value:
            return False
        standing = self._decision_row(before.id, who)
        return any(standing.get(c) != change.get(c, standing.get(c)) for c in DECISION_COLUMNS)

    def _decision(self, status: Status | str, value, unit, kind, indicator, note, reviewer) -> dict:
        status = Status(status)
        if self._on_server and reviewer and reviewer != self.reviewer:
            raise StoreError(
                _(
                    "{url}: {person} cannot decide in the name of {name}; each person decides as themselves",
                    url=self.where,
                    person=self.reviewer,
                    name=reviewer,
                )
            )
        change = {"status": status.value, "reviewer": reviewer or self.reviewer, "decided_at": now()}
        corrected = {
            "corrected_value": None if value is None else str(Decimal(str(value))),
            "corrected_unit": unit,
            "corrected_kind": Kind(kind).value if kind else None,
            "corrected_indicator": indicator,
        }
        if status is Status.CORRECTED:
            change.update(corrected)
        elif status is not Status.PENDING:  # a confirmation is of the figure as read, not of an old correction
            change.update(dict.fromkeys(corrected))
        else:
            change.update(dict.fromkeys(corrected), reviewer=None, decided_at=None)
        if note is not None:
            change["note"] = note
        return change

    def set_note(self, figure_id: int, note: str, reviewer: str | None = None) -> Event:
        before = self.figure(figure_id)
        change = {"note": note or None, "reviewer": reviewer or self.reviewer or before.reviewer}
        return self._command("note", [(before, change)])[0]

    def add_manual_figure(
        self,
        doc_id: int,
        start: int,
        end: int,
        kind: Kind | str,
        value: Decimal | str | None,
        unit: str | None,
        indicator: str | None = None,
        reviewer: str | None = None,
    ) -> int:
        """A figure the engine missed, from a span the reviewer selected; confirmed by adding it. In
        a table's cell it is placed like the engine's figures (its table, row and column)."""
        doc = self.document(doc_id)
        text = doc.text or ""
        if not 0 <= start < end <= len(text):
            raise StoreError(
                _(
                    "{path}: the selection {start}-{end} is outside the document",
                    path=shown_path(self.path),
                    start=start,
                    end=end,
                )
            )
        overlapping = self._query(
            'SELECT id FROM figures WHERE document_id = :doc AND removed = 0 AND start < :end AND "end" > :start',
            {"doc": doc_id, "end": end, "start": start},
        )
        if overlapping:
            raise StoreError(_("The selection overlaps a figure that is already listed; correct that one instead."))
        who = reviewer or self.reviewer
        (placed,) = place_in_tables([Figure(start, end, text[start:end], Kind(kind))], doc.tables)
        place = place_values(placed)
        with self._write() as conn:
            figure_id = conn.insert(
                'INSERT INTO figures (document_id, start, "end", text, kind, value, unit, indicator, confidence,'
                " reason, engine_version, manual, status, reviewer, decided_at, table_caption, row_label,"
                " column_label, unit_source) VALUES (:document_id, :start, :end, :text, :kind, :value, :unit,"
                " :indicator, 1.0, :reason, 'manual', 1, :status, :reviewer, :decided_at, :table_caption,"
                " :row_label, :column_label, :unit_source)",
                {
                    "document_id": doc_id,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "kind": Kind(kind).value,
                    "value": None if value is None else str(Decimal(str(value))),
                    "unit": unit,
                    "indicator": indicator,
                    "reason": MANUAL_REASON,
                    "status": Status.CONFIRMED.value,
                    "reviewer": who,
                    "decided_at": now(),
                    **{c: place[c] for c in PLACE_COLUMNS},
                },
            )
            event_id = self._log(
                conn,
                "add",
                document_id=doc_id,
                figure_id=figure_id,
                old={"removed": 1},
                new={"removed": 0, "start": start, "end": end, "text": text[start:end]},
                reviewer=who,
            )
            self._record_decision(conn, figure_id, who, event_id)
        self._pushed(event_id)
        return figure_id

    def _command(self, action: str, changes: list[tuple[StoredFigure, dict]]) -> list[Event]:
        """One review command: every change in one transaction, its events sharing one command id.
        On a server the figures go in id order: the settle trigger locks each figure's row, and two
        commands taking the same rows in the same order wait for each other, never deadlock."""
        if self._on_server:
            changes = sorted(changes, key=lambda pair: pair[0].id)
        self._writable()
        command, events = self._db.transact(lambda conn: self._command_in(conn, action, changes))
        self._pushed(command)
        return events

    def _command_in(self, conn, action: str, changes: list[tuple[StoredFigure, dict]]) -> tuple[int, list[Event]]:
        """_command's transaction; run again from its start when the server rolled it back. Its
        events are read in it too: on a server a read of its own costs two more round trips."""
        command: int | None = None
        for before, change in changes:
            state = before.review_state()
            old = {k: state[k] for k in change if k in state}
            event_id = self._log(
                conn,
                action,
                document_id=before.document_id,
                figure_id=before.id,
                old=old,
                new=change,
                reviewer=change.get("reviewer"),
                command=command,
            )
            command = command or event_id
            self._apply(conn, before.id, change)
            if action != "settle" and any(c in DECISION_COLUMNS for c in change):
                who = change.get("reviewer") or self.reviewer
                self._record_decision(conn, before.id, who, event_id, change, change.get("client_id"))
        assert command is not None
        return command, self._command_events(command)

    def _apply(self, conn, figure_id: int | None, values: dict) -> None:
        """A review change of a figure as `values` say, on the figure itself: its final decision
        (not for a reviewer on a server, whose decisions are rows of their own only)."""
        columns = [k for k in values if k in REVIEW_FIELDS]
        if columns and figure_id is not None and not self._own_rows_only:
            conn.execute(
                f"UPDATE figures SET {', '.join(f'{c} = :{c}' for c in columns)} WHERE id = :figure_id",
                {**{c: values[c] for c in columns}, "figure_id": figure_id},
            )

    def _record_decision(
        self,
        conn,
        figure_id: int,
        reviewer: str | None,
        event_id: int,
        change: dict | None = None,
        client_id: str | None = None,
    ) -> None:
        """One row of `reviewer`'s decisions, made by the event `event_id`: in a file the figure's
        review state as it now stands (the one reviewer's is the final), for a reviewer on a server
        their standing decision changed by `change`; an adjudicator or a manager on a server sets
        finals only, which are not a reviewer's decisions."""
        if self._on_server and not self._own_rows_only:
            return
        if not self._on_server:
            conn.execute(
                f"INSERT INTO decisions (figure_id, reviewer, {', '.join(DECISION_COLUMNS)}, at, event_id, client_id)"
                f" SELECT id, :reviewer, {', '.join(DECISION_COLUMNS)}, :at, :event_id, :client_id FROM figures"
                " WHERE id = :figure_id",
                {
                    "figure_id": figure_id,
                    "reviewer": reviewer,
                    "at": now(),
                    "event_id": event_id,
                    "client_id": client_id,
                },
            )
            return
        standing = self._decision_row(figure_id, self.reviewer)
        state = {c: (change or {}).get(c, standing.get(c)) for c in DECISION_COLUMNS}
        self._insert_decision(conn, figure_id, self.reviewer, state, event_id, client_id)

    def _replay_decision(self, conn, target: Event, event_id: int, forward: bool) -> None:
        """Undo gives the reviewer of `target` back the decision they had before it (pending if
        none), redo the one `target` made: their own, whoever's is on the figure."""
        if target.figure_id is None or not (self._own_rows_only or not self._on_server):
            return
        if not any(c in DECISION_COLUMNS for c in (target.new or {})) and target.action != "add":
            return
        reviewer = self.reviewer if self._on_server else target.reviewer
        if forward:
            found = self._query(
                f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions WHERE event_id = :event AND figure_id = :figure",
                {"event": target.id, "figure": target.figure_id},
            )
            if not found:
                return
            state = dict(found[0])
        else:
            state = self._decision_row(target.figure_id, reviewer, before_event=target.id)
        self._insert_decision(conn, target.figure_id, reviewer, state, event_id)

    def _insert_decision(
        self, conn, figure_id: int, reviewer: str | None, state: dict, event_id: int, client_id: str | None = None
    ) -> None:
        conn.execute(
            INSERT_DECISION,
            {
                **{c: state.get(c) for c in DECISION_COLUMNS},
                "figure_id": figure_id,
                "reviewer": reviewer,
                "at": now(),
                "event_id": event_id,
                "client_id": client_id,
            },
        )

    def _decision_row(self, figure_id: int, reviewer: str | None, before_event: int | None = None) -> dict:
        """`reviewer`'s standing decision on the figure (before the event `before_event`, if given)."""
        earlier = " AND event_id < :before" if before_event is not None else ""
        rows = self._query(
            f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions WHERE figure_id = :figure_id"
            f" AND (reviewer = :reviewer OR (reviewer IS NULL AND :reviewer IS NULL)){earlier}"
            " ORDER BY id DESC LIMIT 1",
            {"figure_id": figure_id, "reviewer": reviewer, "before": before_event},
        )
        return dict(rows[0]) if rows else {"status": Status.PENDING.value}

    @staticmethod
    def _apply_date(conn, target: Event, values: dict) -> None:
        """Undo or redo of a date change: the document's date and period, or a figure's extraction."""
        allowed: tuple[str, ...]
        if target.figure_id is None:
            table, allowed, row = "documents", DATE_DOCUMENT_FIELDS, target.document_id
        else:
            table, allowed, row = "figures", DATE_FIGURE_FIELDS, target.figure_id
        columns = [k for k in values if k in allowed]
        if columns and row is not None:
            conn.execute(
                f"UPDATE {table} SET {', '.join(f'{_quoted(c)} = :{c}' for c in columns)} WHERE id = :row_id",
                {**{c: values[c] for c in columns}, "row_id": row},
            )

    def _log(
        self,
        conn,
        action: str,
        document_id=None,
        figure_id=None,
        old=None,
        new=None,
        reverts=None,
        reviewer=None,
        command: int | None = None,
    ) -> int:
        """Append one event; the first event of a command names the command by its own id (its
        command column empty: the log is append-only, so the id is not written in afterwards)."""
        return conn.insert(
            "INSERT INTO events (at, reviewer, action, document_id, figure_id, old, new, reverts, command)"
            " VALUES (:at, :reviewer, :action, :document_id, :figure_id, :old, :new, :reverts, :command)",
            {
                "at": now(),
                "reviewer": reviewer or self.reviewer,
                "action": action,
                "document_id": document_id,
                "figure_id": figure_id,
                "old": json.dumps(old, ensure_ascii=False) if old is not None else None,
                "new": json.dumps(new, ensure_ascii=False) if new is not None else None,
                "reverts": reverts,
                "command": command,
            },
        )

    # -- the checks: decisions on findings, reference tables ------------------------------------

    def finding_decisions(self) -> dict[str, FindingDecision]:
        """The reviewer's decisions on findings, by finding key."""
        return {d.key: d for d in self._read(decision_from_row, "SELECT * FROM finding_decisions ORDER BY at")}

    def accept_finding(
        self,
        key: str,
        rule: str,
        reason: str,
        message: str | None = None,
        reviewer: str | None = None,
        seen: dict | None = None,
    ) -> Event | None:
        """The figures of a finding are right as they are, for `reason` (required): one command,
        one undo step. None when the finding is already accepted for the same reason. `seen` is
        the finding as the reviewer saw it (severity, document, figures as JSON text), so a
        finding that a later decision resolves is still shown whole."""
        reason = (reason or "").strip()
        if not reason:
            raise StoreError(_("A finding is accepted with a reason; write why the figures are right."))
        before = self.finding_decisions().get(key)
        if before is not None and before.state == "accepted" and before.reason == reason:
            return None
        new = {
            "key": key,
            "rule": rule,
            "state": "accepted",
            "reason": reason,
            "message": message,
            "severity": (seen or {}).get("severity"),
            "document": (seen or {}).get("document"),
            "figures": (seen or {}).get("figures"),
            "reviewer": reviewer or self.reviewer,
            "at": now(),
        }
        return self._finding_command(_decision_values(key, rule, before), new, new["reviewer"])

    def reopen_finding(self, key: str, reviewer: str | None = None) -> Event | None:
        """Take back the decision on a finding: it is open again (None: there was none)."""
        before = self.finding_decisions().get(key)
        if before is None:
            return None
        who = reviewer or self.reviewer
        return self._finding_command(
            _decision_values(key, before.rule, before), _decision_values(key, before.rule), who
        )

    def _finding_command(self, old: dict, new: dict, reviewer: str | None) -> Event:
        with self._write() as conn:
            _apply_finding(conn, new)
            command = self._log(conn, "finding", old=old, new=new, reviewer=reviewer)
        self._pushed(command)
        return self._command_events(command)[0]

    def import_reference(self, rows: Sequence[ReferenceRow], file: str, reviewer: str | None = None) -> Event:
        """The rows of a reference table, from `file`: one command, one undo step. Importing the
        same file again replaces the rows it gave before."""
        old = {"file": file, "rows": [_reference_values(r) for r in self._reference_rows(file)]}
        new = {"file": file, "rows": [_reference_values(r) for r in rows]}
        with self._write() as conn:
            _apply_reference(conn, new)
            command = self._log(conn, "reference", old=old, new=new, reviewer=reviewer)
        self._pushed(command)
        return self._command_events(command)[0]

    def reference_stamp(self) -> tuple[int, int]:
        """How many reference rows there are and the last row's id: changes with every import and
        its undo or redo (a cheap look for the window, which re-runs the checks when it does)."""
        row = self._query("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last FROM reference_rows")[0]
        return int(row["n"]), int(row["last"])

    def reference_rows(self) -> list[ReferenceRow]:
        """Every reference row of the project, by file and line."""
        return self._reference_rows(None)

    def _reference_rows(self, file: str | None) -> list[ReferenceRow]:
        where, params = ("WHERE file = :file", {"file": file}) if file is not None else ("", {})
        return self._read(_reference_row, f"SELECT * FROM reference_rows {where} ORDER BY file, line, id", params)

    # -- undo and redo: walks of the event log, one command at a time ---------------------------

    def _stacks(self) -> list[int]:
        """The command ids that undo would take back, oldest first (redo's are in self._redo)."""
        if self._undo is None:
            undo: list[int] = []
            redo: list[int] = []
            previous = None
            actions = (*UNDOABLE, "undo", "redo")
            mine = " AND reviewer = :me" if self._on_server else ""  # on a server, one's own commands only
            for row in self._query(
                "SELECT action, COALESCE(command, id) AS command FROM events"
                f" WHERE action IN ({', '.join(f':a{i}' for i in range(len(actions)))}){mine} ORDER BY id",
                {**{f"a{i}": a for i, a in enumerate(actions)}, "me": self.reviewer},
            ):
                if row["command"] == previous:
                    continue  # the rest of a command already counted
                previous = row["command"]
                if row["action"] == "undo":
                    if undo:
                        redo.append(undo.pop())
                elif row["action"] == "redo":
                    if redo:
                        undo.append(redo.pop())
                else:
                    undo.append(row["command"])
                    redo.clear()
            self._undo, self._redo = undo, redo
        return self._undo

    def _pushed(self, command: int) -> None:
        if self._undo is None:
            self._stacks()  # built from the log, which already holds this command
            return
        self._undo.append(command)
        self._redo.clear()

    def _command_events(self, command: int) -> list[Event]:
        return self._read(
            event_from_row, "SELECT * FROM events WHERE id = :c OR command = :c ORDER BY id", {"c": command}
        )

    def can_undo(self) -> bool:
        return bool(self._stacks())

    def can_redo(self) -> bool:
        self._stacks()
        return bool(self._redo)

    def peek_undo(self) -> list[Event]:
        """The events of the command the next undo() takes back (empty: nothing to undo)."""
        stack = self._stacks()
        return self._command_events(stack[-1]) if stack else []

    def peek_redo(self) -> list[Event]:
        """The events of the command the next redo() applies again (empty: nothing to redo)."""
        self._stacks()
        return self._command_events(self._redo[-1]) if self._redo else []

    def undo(self) -> list[Event]:
        """Take back the last command as a whole; returns the events written (empty: nothing to do)."""
        stack = self._stacks()
        if not stack:
            return []
        written = self._replay("undo", list(reversed(self._command_events(stack[-1]))))
        self._redo.append(stack.pop())
        return written

    def redo(self) -> list[Event]:
        """Apply again the last command undone; returns the events written (empty: nothing to do)."""
        stack = self._stacks()
        if not self._redo:
            return []
        written = self._replay("redo", self._command_events(self._redo[-1]))
        stack.append(self._redo.pop())
        return written

    def _replay(self, action: str, targets: list[Event]) -> list[Event]:
        forward = action == "redo"
        with self._write() as conn:
            command: int | None = None
            for target in targets:
                values = (target.new if forward else target.old) or {}
                if target.action == "date":
                    self._apply_date(conn, target, values)
                elif target.action == "finding":
                    _apply_finding(conn, values)
                elif target.action == "reference":
                    _apply_reference(conn, values)
                elif target.action == "assign" and target.document_id is not None:
                    _apply_assignment(conn, target.document_id, values)
                else:
                    self._apply(conn, target.figure_id, values)
                event_id = self._log(
                    conn,
                    action,
                    target.document_id,
                    target.figure_id,
                    old=target.old if forward else target.new,
                    new=target.new if forward else target.old,
                    reverts=target.id,
                    command=command,
                )
                command = command or event_id
                if target.action in ("decide", "note", "add"):
                    self._replay_decision(conn, target, event_id, forward)
        return self._command_events(command) if command is not None else []

    # -- the log -------------------------------------------------------------------------------

    def event(self, event_id: int) -> Event:
        found = self._read(event_from_row, "SELECT * FROM events WHERE id = :id", {"id": event_id})
        if not found:
            raise StoreError(_("{path}: no event {id}", path=self.where, id=event_id))
        return found[0]

    def events(self, figure_id: int | None = None) -> list[Event]:
        if figure_id is None:
            return self._read(event_from_row, "SELECT * FROM events ORDER BY id")
        return self._read(event_from_row, "SELECT * FROM events WHERE figure_id = :id ORDER BY id", {"id": figure_id})

    # -- statistics ----------------------------------------------------------------------------

    def progress_by_document(self) -> dict[int, Progress]:
        counts: dict[int, dict[str, int]] = {}
        for row in self._query(
            f"SELECT document_id, status, COUNT(*) AS n, SUM(orphaned) AS o FROM {self._figures_seen()}"
            " WHERE removed = 0 GROUP BY document_id, status",
            self._seen_params(),
        ):
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

    def settle(
        self, figure_id: int, version: Version, reviewer: str | None = None, note: str | None = None
    ) -> Event | None:
        """The adjudicator's final decision on a figure, what the Approved sheet exports: one
        command, one undo step, logged as a settlement (not a reviewer's decision: agreement does
        not count it). None when the figure is already settled so."""
        if self._own_rows_only:
            raise StoreError(
                _(
                    "{url}: {person} is a reviewer; an adjudicator settles the final decision",
                    url=self.where,
                    person=self.reviewer,
                )
            )
        change = self._decision(
            version.status, version.value, version.unit, version.kind, version.indicator, note, reviewer
        )
        change["settled"] = None if version.status is Status.PENDING else "adjudicated"
        before = self.figure(figure_id)
        if _changes_nothing(before, change):
            return None
        return self._command("settle", [(before, change)])[0]

    def reviewer_decisions(self) -> list[Decision]:
        """Each reviewer's standing decision (their newest row) on each figure the project still
        shows; pending ones (a decision withdrawn) and decisions without a name are left out. On a
        server a reviewer reads only their own, an adjudicator or a manager everyone's."""
        rows = self._standing_rows()
        try:
            # most decisions are no correction: made here, without a call each (600,000 on a big project)
            decisions = [
                Decision(row[0], row[1], STATUSES[row[2]])
                if row[2] != CORRECTED
                else stored_decision(row[0], row[1], STATUSES[row[2]], *row[3:7])
                for row in rows
            ]
        except (ValueError, ArithmeticError, KeyError) as exc:
            raise self._damaged() from exc
        if self._on_server:
            decisions.reverse()  # read newest first (the index backwards): by figure and reviewer now
        return decisions

    def _standing_rows(self) -> list[tuple]:
        """Each reviewer's newest decision row per figure (REVIEWER_DECISIONS_*), read by position."""
        return self._db.plain_rows(REVIEWER_DECISIONS_ON_SERVER if self._on_server else REVIEWER_DECISIONS_IN_FILE)

    def ratings(self) -> Ratings:
        """The same standing decisions as reviewer_decisions(), as columns for agreement (no record
        made for each: agreement over 200,000 figures reads 600,000 of them)."""
        rows = self._standing_rows()
        try:
            return Ratings(
                reviewers=[row[1] for row in rows],
                figures=[row[0] for row in rows],
                statuses=[STATUSES[row[2]] for row in rows],
                corrections={i: (decimal_or_none(row[3]), row[4]) for i, row in enumerate(rows) if row[2] == CORRECTED},
            )
        except (ValueError, ArithmeticError, KeyError) as exc:
            raise self._damaged() from exc

    def needed_reviewers(self) -> dict[int, int]:
        """How many reviewers each document needs (by document id): 1 to 3 on a server, 1 in a file."""
        return {
            row["id"]: int(row["reviewers_needed"]) for row in self._query("SELECT id, reviewers_needed FROM documents")
        }

    def assignments(self) -> dict[int, list[str]]:
        """The reviewers a manager gave each document (documents given to nobody are left out)."""
        out: dict[int, list[str]] = {}
        for row in self._query("SELECT document_id, reviewer FROM assignments ORDER BY document_id, reviewer"):
            out.setdefault(row["document_id"], []).append(row["reviewer"])
        return out

    def assign(self, doc_id: int, reviewers: Sequence[str], needed: int) -> Event:
        """Give a document to `reviewers`, `needed` of whom (1 to 3) must decide each figure before
        it is settled by their agreement: a manager's command, logged (and undone) as one step."""
        self._manager_only()
        if not 1 <= needed <= 3:
            raise StoreError(
                _("{url}: a document needs 1, 2 or 3 reviewers, not {count}", url=self.where, count=needed)
            )
        names = sorted(dict.fromkeys(r for r in reviewers if r))
        document = self.document(doc_id, tables=False)
        old = {"reviewers": self.assignments().get(doc_id, []), "needed": self.needed_reviewers()[doc_id]}
        new = {"reviewers": names, "needed": needed}
        with self._write() as conn:
            _apply_assignment(conn, doc_id, new)
            command = self._log(conn, "assign", document_id=document.id, old=old, new=new)
        self._pushed(command)
        return self._command_events(command)[0]

    def members(self) -> dict[str, str]:
        """On a server the project's people and their roles (person: role); a file has none."""
        if self.team is None:
            return {}
        from reviewer.store.roles import ROLES, group_role

        groups = {group_role(self.team.project, role): role for role in ROLES}
        rows = self._query(
            "SELECT m.rolname AS person, g.rolname AS grp FROM pg_auth_members am"
            " JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member"
            " WHERE g.rolname = ANY(:groups) ORDER BY m.rolname",
            {"groups": list(groups)},
        )
        return {row["person"]: groups[row["grp"]] for row in rows}

    # -- leases: a single-review document someone is working on -----------------------------------

    def take_lease(self, doc_id: int, minutes: float = LEASE_MINUTES) -> None:
        """Hold the document for `minutes` (again: renewed). A lease another person holds and has not
        let expire is refused with DocumentLeased, naming them; an expired one is taken over."""
        until = (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat(timespec="milliseconds")
        with self._write() as conn:
            taken = conn.execute(
                "INSERT INTO leases (document_id, reviewer, until) VALUES (:doc, :me, :until)"
                " ON CONFLICT (document_id) DO UPDATE SET reviewer = excluded.reviewer, until = excluded.until"
                " WHERE leases.reviewer = excluded.reviewer OR leases.until < :now",
                {"doc": doc_id, "me": self.reviewer, "until": until, "now": now()},
            ).rowcount
        if not taken:
            holder = self.leases().get(doc_id)
            raise DocumentLeased(
                _(
                    "{url}: {person} is working on this document (until {until}); choose another",
                    url=self.where,
                    person=holder[0] if holder else "?",
                    until=holder[1][11:16] if holder else "?",
                ),
                holder=holder[0] if holder else "",
            )

    def release_lease(self, doc_id: int) -> None:
        with self._write() as conn:
            conn.execute(
                "DELETE FROM leases WHERE document_id = :doc AND reviewer = :me", {"doc": doc_id, "me": self.reviewer}
            )

    def leases(self) -> dict[int, tuple[str, str]]:
        """The documents held now: (who, until when, ISO UTC); expired leases are left out."""
        rows = self._query("SELECT document_id, reviewer, until FROM leases WHERE until >= :now", {"now": now()})
        return {row["document_id"]: (row["reviewer"], row["until"]) for row in rows}

    def progress_by_reviewer(self) -> list[ReviewerProgress]:
        """Each reviewer's standing decisions (the figures' reviewer column) and decisions made
        (decide events in the log), by name; reviewers with neither are not listed."""
        counts: dict[str | None, dict[str, int]] = {}
        # on a server counted by the database: a reviewer sees how far the others are, not how they
        # decided (the view says "decided" for theirs); an adjudicator or a manager sees it all
        if not self._on_server:
            standing, made = STANDING_IN_FILE, DECISIONS_MADE_IN_FILE
        elif self._own_rows_only:
            standing, made = "SELECT reviewer, status, n FROM reviewer_progress", DECISIONS_MADE_ON_SERVER
        else:
            standing, made = STANDING_ON_SERVER, DECISIONS_MADE_ON_SERVER
        for row in self._query(standing):
            status = "withheld" if row["status"] == "decided" else row["status"]
            counts.setdefault(row["reviewer"], {})[status] = int(row["n"])
        for row in self._query(made):
            counts.setdefault(row["reviewer"], {})["decisions"] = int(row["n"])
        return [ReviewerProgress(name, **c) for name, c in sorted(counts.items(), key=lambda kv: kv[0] or "")]

    def integrity_check(self) -> str:
        """SQLite's check of the whole file ("ok"); a server keeps its own data whole."""
        if self._raw is None:
            return "ok"
        return str(self._db.scalar("PRAGMA integrity_check"))

    def data_version(self) -> int:
        """A counter that changes when another program commits to the project: a cheap way for a
        reader to know that what it shows is out of date (SQLite's data_version; on a server the
        log's last event, as every change writes one)."""
        if self._raw is None:
            return int(self._db.scalar("SELECT COALESCE(MAX(id), 0) FROM events"))
        return int(self._db.scalar("PRAGMA data_version"))

    # -- maintenance (re-extraction, changed sources) live in matching.py ----------------------

    def replace_figures(
        self,
        doc_id: int,
        figures: list[Figure],
        engine_version: str,
        text: str | None = None,
        document: Document | None = None,
        tables: Sequence[Table] | None = None,
    ) -> dict:
        """New figures for a document, its decisions carried over (store.matching); with `document`
        the document's new version from its changed source (text, tables and all). `tables` stores
        tables found for a document whose tables were not known (stored before v4)."""
        self._manager_only()
        from reviewer.store.matching import replace_figures

        with self._write() as conn:
            report = replace_figures(conn, self, doc_id, figures, engine_version, document)
            if tables is not None and document is None:
                conn.execute(
                    "UPDATE documents SET tables = :tables WHERE id = :id",
                    {"tables": tables_to_json(tables), "id": doc_id},
                )
            self._log(conn, "reimport" if document else "reextract", document_id=doc_id, new=report)
        self._undo = None  # figures changed under the stacks: rebuild them from the log
        self.checkpoint()
        return report

    def set_document_dates(
        self,
        doc_id: int,
        doc_date: date | str | None,
        reporting: Period | str | None,
        figures: list[Figure],
        engine_version: str,
        reviewer: str | None = None,
    ) -> dict | None:
        """A document's date and reporting period as the reviewer set them (reporting None: the
        engine infers it), with `figures` extracted under them (reviewer.commands.dates): one
        command, one transaction and one undo step. Its figures are replaced through the matching
        of re-extraction, every decision kept; a figure the new extraction no longer finds is
        flagged or hidden (removed), never deleted, so that undo brings back the figures as they
        were. Returns the matching's report, or None when date and period are as they were. A date
        or period that cannot be read is refused (dates.BadDate, one line) and nothing is written."""
        self._manager_only()
        doc_date, reporting = checked_date(doc_date), checked_period(reporting)
        before = self.document(doc_id, tables=False)
        old = {"doc_date": before.date.isoformat() if before.date else None, **_reporting_values(before.reporting)}
        new = {"doc_date": doc_date.isoformat() if doc_date else None, **_reporting_values(reporting)}
        if old == new:
            return None
        from reviewer.store.matching import replace_figures

        who = reviewer or self.reviewer
        columns = ", ".join(("id", *DATE_FIGURE_FIELDS))
        with self._write() as conn:
            snapshot = {
                row["id"]: dict(row)
                for row in conn.execute(
                    f"SELECT {columns} FROM figures WHERE document_id = :id", {"id": doc_id}
                ).mappings()
            }
            report = replace_figures(conn, self, doc_id, figures, engine_version, keep_rows=True)
            conn.execute(
                f"UPDATE documents SET {', '.join(f'{c} = :{c}' for c in DATE_DOCUMENT_FIELDS)} WHERE id = :id",
                {**{c: new[c] for c in DATE_DOCUMENT_FIELDS}, "id": doc_id},
            )
            command = self._log(conn, "date", document_id=doc_id, old=old, new={**new, **report}, reviewer=who)
            periods = 0
            for row in conn.execute(
                f"SELECT {columns} FROM figures WHERE document_id = :id ORDER BY start", {"id": doc_id}
            ).mappings():
                after = dict(row)
                was = snapshot.get(after["id"])
                if was is None:  # found under the new date only: its undo hides it again
                    change_old, change_new = {"removed": 1}, {"removed": 0}
                else:
                    changed = [c for c in DATE_FIGURE_FIELDS if was[c] != after[c]]
                    if not changed:
                        continue
                    change_old = {c: was[c] for c in changed}
                    change_new = {c: after[c] for c in changed}
                    periods += "period" in changed or "period_start" in changed
                self._log(
                    conn,
                    "date",
                    document_id=doc_id,
                    figure_id=after["id"],
                    old=change_old,
                    new=change_new,
                    reviewer=who,
                    command=command,
                )
        self._pushed(command)
        self.checkpoint()
        return {**report, "periods": periods}

    def dates_set_by_reviewer(self, doc_id: int) -> bool:
        """Whether the reviewer ever changed this document's date or reporting period: a re-import
        of its changed source then keeps them (the reader's date is what was corrected)."""
        return bool(
            self._query(
                "SELECT 1 FROM events WHERE action = 'date' AND document_id = :id AND figure_id IS NULL LIMIT 1",
                {"id": doc_id},
            )
        )

    def mark_changed_sources(self, changed: set[int]) -> None:
        """Flag the documents whose source file changed or went missing (and clear the others);
        reviewer.sources finds them, the store never reads source files."""
        self._manager_only()
        with self._write() as conn:
            rows = [{"changed": int(doc.id in changed), "id": doc.id} for doc in self.documents()]
            if rows:
                conn.execute("UPDATE documents SET source_changed = :changed WHERE id = :id", rows)


DOCUMENT_COLUMNS = (
    "id",
    "source",
    "article",
    "title",
    "doc_date",
    "format",
    "encoding",
    "size",
    "sha256",
    "text",
    "page_starts",
    "tables",
    "imported_at",
    "source_changed",
    *REPORTING_COLUMNS,
)


def _document(row, with_text: bool = False) -> StoredDocument:
    keys = row.keys()
    return StoredDocument(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        date=date.fromisoformat(row["doc_date"]) if row["doc_date"] else None,
        format=row["format"],
        encoding=row["encoding"],
        size=row["size"],
        sha256=row["sha256"],
        imported_at=row["imported_at"],
        source_changed=bool(row["source_changed"]),
        article=row["article"],
        text=row["text"] if with_text and "text" in keys else None,
        page_starts=tuple(json.loads(row["page_starts"])) if with_text and "page_starts" in keys else (),
        reporting=_reporting(row),
        **(_tables(row) if with_text and "tables" in keys else {}),
    )


def _reporting(row) -> Period | None:
    start, end, text = (row[c] for c in REPORTING_COLUMNS)
    return Period(start, end, text or "") if start and end else None


def _reporting_values(reporting: Period | None) -> dict:
    if reporting is None:
        return dict.fromkeys(REPORTING_COLUMNS)
    return {"reporting_start": reporting.start, "reporting_end": reporting.end, "reporting_text": reporting.text}


def _tables(row) -> dict:
    """A document's tables, and whether they are known: not for one stored before v4 (NULL) nor
    where what is stored cannot be read (logged); re-extraction finds those again."""
    stored = row["tables"]
    tables = tables_from_json(stored, shown_path(row["source"]))
    return {"tables": tables, "tables_known": stored is not None and (bool(tables) or stored == EMPTY_TABLES)}


def _progress(counts: dict[str, int]) -> Progress:
    names = ("pending", "confirmed", "corrected", "rejected")
    values = {n: counts.get(n, 0) for n in names}
    return Progress(total=sum(values.values()), orphaned=counts.get("orphaned", 0), **values)


DECISION_FIELDS = ("key", "rule", "state", "reason", "message", "severity", "document", "figures", "reviewer", "at")
REFERENCE_FIELDS = ("line", "indicator", "period", "value", "unit", "region", "source")


def _apply_assignment(conn, doc_id: int, values: dict) -> None:
    conn.execute(
        "UPDATE documents SET reviewers_needed = :needed WHERE id = :doc", {"needed": values["needed"], "doc": doc_id}
    )
    conn.execute("DELETE FROM assignments WHERE document_id = :doc", {"doc": doc_id})
    rows = [{"doc": doc_id, "reviewer": name, "at": now()} for name in values["reviewers"]]
    if rows:
        conn.execute("INSERT INTO assignments (document_id, reviewer, assigned_at) VALUES (:doc, :reviewer, :at)", rows)


def _decimal(value: Decimal | str | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _kind(kind: Kind | str | None) -> Kind | None:
    return Kind(kind) if kind else None


def _quoted(column: str) -> str:
    return f'"{column}"'  # "end" is a reserved word in PostgreSQL


def _decision_values(key: str, rule: str, decision: FindingDecision | None = None) -> dict:
    """A decision as an event's values; without one: the finding open (state None)."""
    if decision is None:
        return {"key": key, "rule": rule, "state": None}
    return {name: getattr(decision, name) for name in DECISION_FIELDS}


def _apply_finding(conn, values: dict) -> None:
    """A finding's decision as `values` say (state None: no decision, the finding open)."""
    conn.execute("DELETE FROM finding_decisions WHERE key = :key", {"key": values["key"]})
    if values.get("state"):
        conn.execute(
            f"INSERT INTO finding_decisions ({', '.join(DECISION_FIELDS)})"
            f" VALUES ({', '.join(':' + name for name in DECISION_FIELDS)})",
            {name: values.get(name) or (now() if name == "at" else None) for name in DECISION_FIELDS},
        )


def _apply_reference(conn, values: dict) -> None:
    """The rows of one reference file as `values` hold them (replacing what it gave before)."""
    conn.execute("DELETE FROM reference_rows WHERE file = :file", {"file": values["file"]})
    rows = [
        {"file": values["file"], **{name: row.get(name) for name in REFERENCE_FIELDS}}
        for row in values.get("rows") or ()
    ]
    if rows:
        conn.execute(
            f"INSERT INTO reference_rows (file, {', '.join(REFERENCE_FIELDS)})"
            f" VALUES (:file, {', '.join(':' + name for name in REFERENCE_FIELDS)})",
            rows,
        )


def _reference_values(row: ReferenceRow) -> dict:
    return {
        "line": row.line,
        "indicator": row.indicator,
        "period": row.period,
        "value": str(row.value),
        "unit": row.unit,
        "region": row.region,
        "source": row.source,
    }


def _reference_row(row) -> ReferenceRow:
    return ReferenceRow(
        indicator=row["indicator"],
        period=row["period"],
        value=Decimal(row["value"]),
        unit=row["unit"],
        region=row["region"],
        source=row["source"],
        file=row["file"],
        line=row["line"],
    )


# who decided and when is not a change of the decision itself
_DECISION_STAMP = ("reviewer", "decided_at", "client_id")


def _changes_nothing(before: StoredFigure, change: dict) -> bool:
    """A decision that leaves the figure's review state as it is: re-confirming a confirmed figure."""
    state = before.review_state()
    return all(state.get(k) == v for k, v in change.items() if k not in _DECISION_STAMP)
