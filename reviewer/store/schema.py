"""The project file's schema, versioned with PRAGMA user_version, and its migrations.

A project made by an older version opens in a newer one: each migration takes the file one
version up inside a transaction. A file from a newer version is refused, not damaged.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

# "FRPJ": marks the SQLite file as ours (PRAGMA application_id), read from the header before any
# connection is made, so a file that is not a project is never touched.
APPLICATION_ID = 0x4652504A
SCHEMA_VERSION = 6

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

# v3: figure ids are never reused (AUTOINCREMENT: undo, redo and the log name one figure forever);
# a split file's article number in its own column (a '#' in a file name is just a character);
# the events of one review command share a command id (one undo step).
FIGURES_V3 = """
CREATE TABLE figures_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    decided_at TEXT,
    orphaned INTEGER NOT NULL DEFAULT 0,
    removed INTEGER NOT NULL DEFAULT 0
)
"""
FIGURE_COLUMNS = (
    "id, document_id, start, end, text, kind, value, value_high, unit, approx, indicator, change, "
    "period, confidence, reason, engine_version, manual, status, corrected_value, corrected_unit, "
    "corrected_kind, corrected_indicator, note, reviewer, decided_at, orphaned, removed"
)
OLD_ARTICLE = re.compile(r"^(.+)#([1-9][0-9]*)$")  # how v2 named an article of a split file: "path#n"


def _v3(conn: sqlite3.Connection) -> None:
    conn.execute(FIGURES_V3)
    conn.execute(f"INSERT INTO figures_v3 ({FIGURE_COLUMNS}) SELECT {FIGURE_COLUMNS} FROM figures")
    # ids deleted before v3 may still be named by the log: never hand them out again either
    highest = conn.execute(
        "SELECT MAX(COALESCE((SELECT MAX(id) FROM figures), 0), COALESCE((SELECT MAX(figure_id) FROM events), 0))"
    ).fetchone()[0]
    conn.execute("DROP TABLE figures")
    conn.execute("ALTER TABLE figures_v3 RENAME TO figures")
    conn.execute("CREATE INDEX figures_by_document ON figures(document_id, start)")
    conn.execute("CREATE INDEX figures_by_status ON figures(document_id, status)")
    conn.execute("CREATE INDEX figures_orphaned ON figures(orphaned) WHERE orphaned = 1")
    if (
        highest
        and not conn.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'figures'", (highest,)).rowcount
    ):
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('figures', ?)", (highest,))
    conn.execute("ALTER TABLE documents ADD COLUMN article INTEGER")
    # only a file of a known type could be imported, and a known suffix never ends in "#n": so a
    # source ending in "#n" is an article of a split file, never a file name of its own
    for doc_id, source in conn.execute("SELECT id, source FROM documents").fetchall():
        match = OLD_ARTICLE.match(source)
        if match:
            conn.execute(
                "UPDATE documents SET source = ?, article = ? WHERE id = ?",
                (match.group(1), int(match.group(2)), doc_id),
            )
    conn.execute("CREATE INDEX documents_by_source ON documents(source, article)")
    conn.execute("ALTER TABLE events ADD COLUMN command INTEGER")
    conn.execute("UPDATE events SET command = id")  # before v3 every event was its own undo step
    conn.execute("CREATE INDEX events_by_command ON events(command)")


# v4: figures in tables. A document keeps its tables as structure (reviewer.documents.table_json:
# '[]' for a document without), and a figure read from a table cell keeps where it stands. The
# documents stored before v4 hold NULL there, "not known": re-import or re-extraction finds them.
# Adding columns rewrites no row.
V4 = """
ALTER TABLE documents ADD COLUMN tables TEXT;
ALTER TABLE figures ADD COLUMN table_caption TEXT;
ALTER TABLE figures ADD COLUMN row_label TEXT;
ALTER TABLE figures ADD COLUMN column_label TEXT;
ALTER TABLE figures ADD COLUMN unit_source TEXT;
"""


# v5: when each figure is. A document keeps the reporting period the reviewer set (NULL: the engine
# infers it; its date was kept since v1), and a figure its period as dates beside the label. The
# figures stored before v5 get their dates from the label where it is one (2025, 2025-01/2025-11);
# every other row and column is left as it was.
V5 = """
ALTER TABLE documents ADD COLUMN reporting_start TEXT;
ALTER TABLE documents ADD COLUMN reporting_end TEXT;
ALTER TABLE documents ADD COLUMN reporting_text TEXT;
ALTER TABLE figures ADD COLUMN period_start TEXT;
ALTER TABLE figures ADD COLUMN period_end TEXT;
"""


def _v5(conn: sqlite3.Connection) -> None:
    from reviewer.store.dates import period_of_label

    for statement in _statements(V5):
        conn.execute(statement)
    labels = [row[0] for row in conn.execute("SELECT DISTINCT period FROM figures WHERE period IS NOT NULL")]
    for label in labels:
        period = period_of_label(label)
        if period is not None:
            conn.execute(
                "UPDATE figures SET period_start = ?, period_end = ? WHERE period = ?",
                (period.start, period.end, label),
            )


# v6: the checks (issue 14). A reviewer's decision on a finding (accepted, with a reason) kept by the
# finding's key (its rule and its figures' offsets: stable over corrections); the rows of the
# reference tables imported into the project, by file and line. New tables: no row is rewritten.
V6 = """
CREATE TABLE finding_decisions (
    key TEXT PRIMARY KEY,
    rule TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    message TEXT,
    severity TEXT,
    document TEXT,
    figures TEXT,
    reviewer TEXT,
    at TEXT NOT NULL
);
CREATE TABLE reference_rows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    indicator TEXT NOT NULL,
    period TEXT,
    value TEXT NOT NULL,
    unit TEXT,
    region TEXT,
    source TEXT
);
CREATE INDEX reference_rows_by_file ON reference_rows(file, line);
"""

MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {1: V1, 2: V2, 3: _v3, 4: V4, 5: _v5, 6: V6}


def create(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrate(conn, 0)


def migrate(conn: sqlite3.Connection, current: int) -> list[int]:
    """Take the file from `current` to SCHEMA_VERSION; returns the versions applied. Each step is
    one transaction: a failure leaves the file at the last version completed."""
    applied = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        step = MIGRATIONS[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
