"""A document's tables are kept in the project (schema v4), and so is where each table figure stands:
through a real .frp, a v3 file migrated, re-extraction and re-import, and a damaged tables column."""
import logging
import sqlite3

import pytest

from reviewer.commands.importing import import_documents
from reviewer.commands.project import run_reextract
from reviewer.documents import read_document
from reviewer.documents.table_json import tables_from_json, tables_to_json
from reviewer.documents.tables import Cell, Span, Table, find_text_tables
from reviewer.model import Status
from reviewer.store import Project, tables
from tests.documents.test_tables import CAPTION, TABLE, write_docx, write_html, write_pipe
from tests.store import schema_v3


def imported(path, *files):
    project = Project.open(path, create=True, reviewer="张三")
    import_documents(project, files, report=lambda m: None)
    return project


def in_table(project, doc_id=None):
    return [f for f in project.figures(doc_id) if f.row_label is not None]


def places(figures):
    return {(f.start, f.text): (f.table_caption, f.row_label, f.column_label, f.unit_source) for f in figures}


# ---------------------------------------------------------------- the JSON

def test_every_part_of_a_table_round_trips_exactly():
    text = "表9 合并\n单位：亿元\n甲\t乙\n1\t2\n注：说明"
    table = Table(
        cells=(Cell(0, 0, 12, 13, "甲", rowspan=2, is_header=True), Cell(0, 1, 14, 15, "乙", colspan=3),
               Cell(1, 1, 16, 17, "1"), Cell(1, 2, 18, 18, ""), Cell(1, 3, 20, 25, "2")),  # its end is not start+len
        n_rows=2, n_cols=4, header_rows=1, caption=Span(0, 5, "表9 合并"), unit=Span(6, 11, "单位：亿元"),
        notes=(Span(20, 25, "注：说明"), Span(26, 27, "x")), start=12, end=25, kind="docx")
    assert text  # the offsets above index it
    again = tables_from_json(tables_to_json([table, Table((), 0, 0)]))
    assert again == (table, Table((), 0, 0))


def test_a_5000_row_table_is_stored_compactly():
    rows = "\n".join(f"| 项目{i} | {i * 3}.5 | {i} | {i % 7}.1 |" for i in range(5000))
    text = "表2 大表\n单位：亿元\n| 项目 | 甲 | 乙 | 丙 |\n|---|---|---|---|\n" + rows + "\n"
    tables = find_text_tables(text)
    stored = tables_to_json(tables)
    assert len(tables[0].cells) == 20004 and tables_from_json(stored) == tables
    assert len(stored) < 2 * len(text)  # rows of short arrays: no key repeated per cell


@pytest.mark.parametrize("damaged", ['{"version": 1, "tables": [{"kind": "pipe"', "[1, 2]", '{"version": 99}',
                                     '{"version": 1, "tables": [{"rows": [[["x"]]]}]}', "null"])
def test_unreadable_tables_json_gives_no_tables_and_a_log_line(damaged, caplog):
    with caplog.at_level(logging.WARNING):
        assert tables_from_json(damaged, "a.docx") == ()
    assert "a.docx" in caplog.text


# ---------------------------------------------------------------- through a real project file

@pytest.mark.parametrize("writer", [write_pipe, write_docx, write_html])
def test_tables_and_places_round_trip_through_a_real_frp(tmp_path, writer):
    source = writer(tmp_path / f"people{ {write_pipe: '.md', write_docx: '.docx', write_html: '.html'}[writer]}")
    read = read_document(source)
    assert read.tables
    path = tmp_path / "p.frp"
    imported(path, source).close()
    with Project.open(path) as project:
        (listed,) = project.documents()
        assert listed.tables == ()  # the list of documents does not read any table
        doc = project.document(listed.id)
        assert doc.tables == read.tables and doc.tables_known
        figures = in_table(project)
        assert {(f.text, f.row_label, f.column_label) for f in figures} >= {("83137", "其中：城镇", "年末数（万人）")}
        assert all(f.table_caption == CAPTION for f in figures)
        prose = next(f for f in project.figures() if f.text == "1425918件")
        assert (prose.table_caption, prose.row_label, prose.column_label, prose.unit_source) == (None,) * 4


def test_a_document_without_tables_stores_none(tmp_path):
    source = tmp_path / "prose.txt"
    source.write_text("全年受理案件1425918件。\n", encoding="utf-8")
    with imported(tmp_path / "p.frp", source) as project:
        assert project._raw.execute("SELECT tables FROM documents").fetchone()[0] == "[]"
        assert project.document(1).tables == () and project.document(1).tables_known


def test_corrupted_tables_json_in_the_file_still_opens_the_document(tmp_path, caplog):
    source = write_pipe(tmp_path / "people.md")
    path = tmp_path / "p.frp"
    with imported(path, source) as project:
        figure = in_table(project)[0]
        project.decide(figure.id, Status.CONFIRMED)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE documents SET tables = '{\"version\": 1, \"tables\": [{\"rows\": [[[0, '")
    conn.commit()
    conn.close()
    with caplog.at_level(logging.WARNING), Project.open(path) as project:
        doc = project.document(1)
        assert doc.tables == () and doc.text and "people.md" in caplog.text
        assert project.figure(figure.id).status is Status.CONFIRMED
        assert project.figure(figure.id).row_label == figure.row_label  # the figure keeps its place
        assert not doc.tables_known
    assert run_reextract(path, "张三") == 0  # finds them again in the text, and keeps every place
    with Project.open(path) as project:
        assert project.document(1).tables == read_document(source).tables
        assert project.figure(figure.id).row_label == figure.row_label


# ---------------------------------------------------------------- re-extraction and re-import

def test_reextraction_keeps_decisions_and_writes_places(tmp_path):
    source = write_pipe(tmp_path / "people.md")
    path = tmp_path / "p.frp"
    with imported(path, source) as project:
        before = places(in_table(project))
        decided = in_table(project)[0]
        project.decide(decided.id, Status.CORRECTED, value="1", unit="人", note="核对")
        # as if extracted without places (by code before v4): re-extraction must write them
        project._raw.execute("UPDATE figures SET table_caption = NULL, row_label = NULL, column_label = NULL")
    assert run_reextract(path, "张三") == 0
    with Project.open(path) as project:
        assert places(in_table(project)) == before
        kept = project.figure(decided.id)
        assert (kept.status, kept.note, kept.row_label) == (Status.CORRECTED, "核对", decided.row_label)


def test_reimport_of_a_changed_file_updates_its_tables(tmp_path):
    source = write_pipe(tmp_path / "people.md")
    path = tmp_path / "p.frp"
    with imported(path, source) as project:
        decided = next(f for f in in_table(project) if f.text == "83137")
        project.decide(decided.id, Status.CONFIRMED)
    write_pipe(source, rows=[*TABLE, ["外来人口", "2000", "1.4"]])
    with imported(path, source) as project:
        doc = project.document(1)
        assert doc.tables == read_document(source).tables and doc.tables[0].n_rows == len(TABLE) + 1
        assert "外来人口" in {f.row_label for f in in_table(project)}
        assert project.figure(decided.id).status is Status.CONFIRMED


# ---------------------------------------------------------------- a file made by version 3

V3_TEXT = "全年受理案件1425918件。\n\n表1 人口\n\n单位：万人\n\n| 指标 | 年末数 |\n|---|---|\n| 全国总人口 | 139538 |\n"


def build_v3_file(path):
    """A project as version 3 wrote it: two documents, decisions of every kind, a note, a figure
    added by hand, and the log with a command of two events."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema_v3.create(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    for source, article in (("/data/people.md", None), ("/data/split.txt", 2)):
        conn.execute("INSERT INTO documents (source, article, title, format, size, sha256, text, page_starts,"
                     " imported_at) VALUES (?, ?, '人口', 'md', 99, ?, ?, '[]', '2026-01-01T00:00:00')",
                     (source, article, f"sha-{source}", V3_TEXT))
    start = V3_TEXT.index("139538")
    rows = [(1, 6, 14, "1425918件", "1425918", "件", "confirmed", None, None, 0),
            (1, start, start + 6, "139538", "1395380000", "人", "corrected", "1395390000", "核对", 0),
            (2, 6, 14, "1425918件", "1425918", "件", "rejected", None, None, 0),
            (2, start, start + 6, "139538", "139538", None, "confirmed", None, None, 1)]
    for doc_id, s, e, text, value, unit, status, corrected, note, manual in rows:
        conn.execute("INSERT INTO figures (document_id, start, end, text, kind, value, unit, engine_version,"
                     " status, corrected_value, note, manual, reviewer, decided_at) VALUES"
                     " (?, ?, ?, ?, 'quantity', ?, ?, '7', ?, ?, ?, ?, '李四', '2026-01-02T00:00:00')",
                     (doc_id, s, e, text, value, unit, status, corrected, note, manual))
    for fid, action, command in ((1, "decide", None), (2, "decide", 2), (3, "decide", 2), (4, "add", None)):
        cursor = conn.execute("INSERT INTO events (at, reviewer, action, document_id, figure_id, old, new, command)"
                              " VALUES ('2026-01-02', '李四', ?, 1, ?, '{\"status\": \"pending\"}',"
                              " '{\"status\": \"confirmed\"}', ?)", (action, fid, command))
        if command is None:
            conn.execute("UPDATE events SET command = id WHERE id = ?", (cursor.lastrowid,))
    conn.close()


def snapshot(path, table, columns="*"):
    conn = sqlite3.connect(path)
    rows = [tuple(r) for r in conn.execute(f"SELECT {columns} FROM {table} ORDER BY id")]
    conn.close()
    return rows


def test_a_v3_project_opens_with_every_decision_and_event(tmp_path):
    path = tmp_path / "old.frp"
    build_v3_file(path)
    figures, events = snapshot(path, "figures"), snapshot(path, "events")
    documents = snapshot(path, "documents")
    with Project.open(path, reviewer="张三") as project:
        assert project._raw.execute("PRAGMA user_version").fetchone()[0] == tables.SCHEMA_VERSION == 7
        assert project.integrity_check() == "ok"
        doc = project.document(1)
        assert doc.tables == () and not doc.tables_known and doc.text == V3_TEXT
        assert [(f.status, f.note, f.manual, f.row_label) for f in project.figures(1)] == [
            (Status.CONFIRMED, None, False, None), (Status.CORRECTED, "核对", False, None)]
        assert project.peek_undo() and project.peek_undo()[0].action == "add"
    # every v3 column of every row is as it was; the new ones are empty
    assert [row[:27] for row in snapshot(path, "figures")] == figures
    assert all(row[27:31] == (None,) * 4 for row in snapshot(path, "figures"))
    assert snapshot(path, "events") == events
    assert [row[:len(documents[0])] for row in snapshot(path, "documents")] == documents
    assert {row[len(documents[0])] for row in snapshot(path, "documents")} == {None}  # its tables: not known


def test_reextracting_a_v3_project_finds_its_tables_and_places_its_figures(tmp_path):
    path = tmp_path / "old.frp"
    build_v3_file(path)
    assert run_reextract(path, "张三") == 0
    with Project.open(path) as project:
        doc = project.document(1)
        assert doc.tables_known and doc.tables == find_text_tables(V3_TEXT)
        corrected = project.figure(2)  # kept with its decision, now placed in its table
        assert (corrected.status, corrected.corrected_value, corrected.note) == (Status.CORRECTED, 1395390000, "核对")
        place = (corrected.table_caption, corrected.row_label, corrected.column_label)
        assert place == ("表1 人口", "全国总人口", "年末数")
        assert len(project.events()) == 4 + 2  # the log as it was, and a re-extraction of each document


def test_a_project_newer_than_this_version_is_still_refused(tmp_path):
    path = tmp_path / "new.frp"
    Project.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {tables.SCHEMA_VERSION + 1}")
    conn.close()
    from reviewer.store import ProjectTooNew

    with pytest.raises(ProjectTooNew, match=f"schema {tables.SCHEMA_VERSION + 1}"):
        Project.open(path)


def test_a_figure_added_by_hand_in_a_cell_is_placed_in_its_table(tmp_path):
    source = write_pipe(tmp_path / "people.md", rows=[*TABLE, ["外来人口", "两千", "约一半"]])
    with imported(tmp_path / "p.frp", source) as project:
        doc = project.document(1)
        start = doc.text.index("两千")
        assert not [f for f in project.figures() if f.start < start + 2 and start < f.end]  # the engine left it
        added = project.figure(project.add_manual_figure(1, start, start + 2, "quantity", "2000", "万人"))
        assert (added.table_caption, added.row_label, added.column_label) == (CAPTION, "外来人口", "年末数（万人）")
        outside = project.figure(project.add_manual_figure(1, 0, 2, "quantity", "1", None))  # 前言: prose
        assert (outside.table_caption, outside.row_label, outside.column_label) == (None, None, None)


def test_importing_an_unchanged_docx_again_gives_a_project_from_before_v4_its_tables(tmp_path):
    """A project stored before it kept tables (their column NULL, as the v4 migration leaves it):
    importing the unchanged .docx again stores the reader's own tables (merged cells and all) and
    places the figures, every decision kept."""
    source = write_docx(tmp_path / "people.docx")
    path = tmp_path / "p.frp"
    with imported(path, source) as project:
        figure = next(f for f in project.figures(1) if f.text == "83137")
        project.decide(figure.id, Status.CORRECTED, value="831380000")
        project.set_note(figure.id, "核对")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE documents SET tables = NULL")
    conn.execute("UPDATE figures SET table_caption = NULL, row_label = NULL, column_label = NULL, unit_source = NULL")
    conn.commit()
    conn.close()
    messages = []
    with Project.open(path, reviewer="张三") as project:
        assert not project.document(1).tables_known
        import_documents(project, [source], report=messages.append)
        doc = project.document(1)
        assert doc.tables_known and doc.tables == read_document(source).tables
        again = next(f for f in project.figures(1) if f.text == "83137")
        assert (again.status, again.corrected_value, again.note) == (Status.CORRECTED, 831380000, "核对")
        assert (again.table_caption, again.row_label, again.column_label) == (CAPTION, "其中：城镇", "年末数（万人）")
        assert any("tables read again" in m for m in messages), messages
        events = len(project.events())
        later = []
        import_documents(project, [source], report=later.append)  # known now: nothing more to do
        assert len(project.events()) == events and any("already in the project" in m for m in later), later
