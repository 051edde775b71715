"""The project schema as version 2 wrote it (a verbatim copy of reviewer/store/schema.py at ccd3709),
kept to build real v2 files for the migration tests."""
from __future__ import annotations

import sqlite3

# "FRPJ": marks the SQLite file as ours (PRAGMA application_id), read from the header before any
# connection is made, so a file that is not a project is never touched.
APPLICATION_ID = 0x4652504A
SCHEMA_VERSION = 2

V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    doc_date TEXT,
    format TEXT NOT NULL,
    encoding TEXT,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    page_starts TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL
);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT,
    value_high TEXT,
    unit TEXT,
    approx TEXT,
    indicator TEXT,
    change TEXT,
    period TEXT,
    confidence REAL NOT NULL DEFAULT 1.0,
    reason TEXT,
    engine_version TEXT NOT NULL,
    manual INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'pending',
    corrected_value TEXT,
    corrected_unit TEXT,
    corrected_kind TEXT,
    corrected_indicator TEXT,
    note TEXT,
    reviewer TEXT,
    decided_at TEXT
);
CREATE INDEX figures_by_document ON figures(document_id, start);
CREATE INDEX figures_by_status ON figures(document_id, status);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    reviewer TEXT,
    action TEXT NOT NULL,
    document_id INTEGER,
    figure_id INTEGER,
    old TEXT,
    new TEXT,
    reverts INTEGER
);
CREATE INDEX events_by_figure ON events(figure_id);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

# v2: a decision whose figure disappeared on re-extraction is kept and flagged, not dropped.
V2 = """
ALTER TABLE figures ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE figures ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN source_changed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX figures_orphaned ON figures(orphaned) WHERE orphaned = 1;
"""

MIGRATIONS = {1: V1, 2: V2}


def create(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrate(conn, 0)


def migrate(conn: sqlite3.Connection, current: int) -> list[int]:
    """Take the file from `current` to SCHEMA_VERSION; returns the versions applied."""
    applied = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
