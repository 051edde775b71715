"""The project's schema as SQLAlchemy Core tables: one schema for SQLite and PostgreSQL.

It is schema v6 of reviewer/store/schema.py column for column (tests/team/test_tables.py compares
the two by introspection), so the store can move onto SQLAlchemy without changing a file. The
types stay v6's: flags are INTEGER 0/1 and dates ISO text, as the store reads and writes them
today. Ids are never reused (AUTOINCREMENT on SQLite, a sequence on PostgreSQL): undo, redo and
the log name one figure forever. On PostgreSQL a project is a schema of its own; these tables carry
no schema name and are placed by the connection's search_path.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeEngine

SCHEMA_VERSION = 7  # the SQLite file's PRAGMA user_version these tables equal (Alembic revision 0007)

metadata = MetaData()

# SQLite's REAL is an 8-byte float: PostgreSQL's equal is DOUBLE PRECISION (its REAL has 4 bytes)
Real: TypeEngine[float] = Double().with_variant(sqlite.REAL(), "sqlite")


def _flag(name: str) -> Column:
    return Column(name, Integer, nullable=False, server_default=text("0"))


documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("doc_date", Text),
    Column("format", Text, nullable=False),
    Column("encoding", Text),
    Column("size", Integer, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("page_starts", Text, nullable=False, server_default=text("'[]'")),
    Column("imported_at", Text, nullable=False),
    _flag("source_changed"),
    Column("article", Integer),
    Column("tables", Text),
    Column("reporting_start", Text),
    Column("reporting_end", Text),
    Column("reporting_text", Text),
    # v7: how many reviewers each document needs (a shared project; a file has one reviewer)
    Column("reviewers_needed", Integer, nullable=False, server_default=text("1")),
)
Index("documents_by_source", documents.c.source, documents.c.article)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("value", Text),
    Column("value_high", Text),
    Column("unit", Text),
    Column("approx", Text),
    Column("indicator", Text),
    Column("change", Text),
    Column("period", Text),
    Column("confidence", Real, nullable=False, server_default=text("1.0")),
    Column("reason", Text),
    Column("engine_version", Text, nullable=False),
    _flag("manual"),
    Column("status", Text, nullable=False, server_default=text("'pending'")),
    Column("corrected_value", Text),
    Column("corrected_unit", Text),
    Column("corrected_kind", Text),
    Column("corrected_indicator", Text),
    Column("note", Text),
    Column("reviewer", Text),
    Column("decided_at", Text),
    _flag("orphaned"),
    _flag("removed"),
    Column("table_caption", Text),
    Column("row_label", Text),
    Column("column_label", Text),
    Column("unit_source", Text),
    Column("period_start", Text),
    Column("period_end", Text),
    # v7: how the final decision came: "agreed" (its reviewers gave one version) or "adjudicated"
    Column("settled", Text),
    sqlite_autoincrement=True,
)
Index("figures_by_document", figures.c.document_id, figures.c.start)
Index("figures_by_status", figures.c.document_id, figures.c.status)
Index(
    "figures_orphaned",
    figures.c.orphaned,
    sqlite_where=figures.c.orphaned == 1,
    postgresql_where=figures.c.orphaned == 1,
)

# the audit log: append-only (on PostgreSQL the roles may insert and read it, never change it)
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("reviewer", Text),
    Column("action", Text, nullable=False),
    Column("document_id", Integer),
    Column("figure_id", Integer),
    Column("old", Text),
    Column("new", Text),
    Column("reverts", Integer),
    Column("command", Integer),
    sqlite_autoincrement=True,
)
Index("events_by_figure", events.c.figure_id)
Index("events_by_command", events.c.command)

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text),
)

finding_decisions = Table(
    "finding_decisions",
    metadata,
    Column("key", Text, primary_key=True),
    Column("rule", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("reason", Text),
    Column("message", Text),
    Column("severity", Text),
    Column("document", Text),
    Column("figures", Text),
    Column("reviewer", Text),
    Column("at", Text, nullable=False),
)

reference_rows = Table(
    "reference_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("period", Text),
    Column("value", Text, nullable=False),
    Column("unit", Text),
    Column("region", Text),
    Column("source", Text),
    sqlite_autoincrement=True,
)
Index("reference_rows_by_file", reference_rows.c.file, reference_rows.c.line)

# v7: every decision a reviewer makes, one row each, never changed nor deleted (as the log): a
# reviewer's standing decision on a figure is their newest row. No foreign key to figures, as the
# log has none: a decision outlives the figure it was about.
decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("figure_id", Integer, nullable=False),
    Column("reviewer", Text),
    Column("status", Text, nullable=False),
    Column("corrected_value", Text),
    Column("corrected_unit", Text),
    Column("corrected_kind", Text),
    Column("corrected_indicator", Text),
    Column("note", Text),
    Column("at", Text, nullable=False),
    Column("event_id", Integer),  # the event that made it: undo and redo find a reviewer's own history by it
    Column("client_id", Text),  # the offline queue's id of the decision: sent twice, stored once
    sqlite_autoincrement=True,
)
Index("decisions_by_figure", decisions.c.figure_id, decisions.c.reviewer, decisions.c.id)
Index("decisions_by_reviewer", decisions.c.reviewer)
Index("decisions_by_client", decisions.c.client_id, unique=True)

# v7: which reviewers a manager gave each document to
assignments = Table(
    "assignments",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("assigned_at", Text, nullable=False),
    PrimaryKeyConstraint("document_id", "reviewer"),
)

# v7: a document someone is working on, until `until` (ISO time, UTC): taken again after idle time
leases = Table(
    "leases",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("reviewer", Text, nullable=False),
    Column("until", Text, nullable=False),
)
