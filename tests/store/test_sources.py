"""reviewer.sources compares imported documents with their files; the store reads no source file."""
import os
import subprocess
import sys
import threading
from pathlib import Path

from reviewer.commands.importing import import_documents
from reviewer.sources import changed_sources
from reviewer.store import Project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "湖北省外贸\n受理案件1425918件，结案1310621件。\n"


def test_a_hash_sign_in_a_file_name_is_just_a_character(tmp_path):
    source = tmp_path / "report#1.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True) as project:
        import_documents(project, [source], report=lambda m: None)
        [doc] = project.documents()
        assert (doc.source, doc.article) == (str(source), None)
        assert changed_sources(project) == []
        source.write_text(TEXT + "新签合同额121.6亿美元。\n", encoding="utf-8")
        assert [d.id for d, _ in changed_sources(project)] == [doc.id]
        assert project.documents()[0].source_changed


def test_status_of_a_project_with_a_hash_sign_in_a_file_name(tmp_path):
    source = tmp_path / "a#2.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p#.frp", create=True) as project:
        import_documents(project, [source], report=lambda m: None)
    result = subprocess.run([sys.executable, "-m", "reviewer", "status", str(tmp_path / "p#.frp")],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "missing" not in result.stdout and "changed" not in result.stdout


def test_a_named_pipe_where_a_source_was_is_reported_not_waited_for(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True) as project:
        import_documents(project, [source], report=lambda m: None)
        source.unlink()
        os.mkfifo(source)
        found = []
        worker = threading.Thread(target=lambda: found.extend(changed_sources(project)), daemon=True)
        worker.start()
        worker.join(30)
        if worker.is_alive():  # let the blocked open() return before failing
            with open(source, "wb"):
                pass
            worker.join()
            raise AssertionError("changed_sources waited on a named pipe")
        assert [reason for _, reason in found] == ["is not a regular file"]


def test_the_store_reads_no_source_file():
    store = ROOT / "reviewer" / "store"
    code = "\n".join(p.read_text(encoding="utf-8") for p in store.glob("*.py"))
    assert "read_document" not in code and "read_bytes" not in code and "split_articles" not in code
    assert not hasattr(Project, "changed_sources")


def test_an_article_number_is_stored_in_its_own_column(project):
    import dataclasses

    from reviewer.documents.base import Document

    if "article" not in {f.name for f in dataclasses.fields(Document)}:
        import pytest

        pytest.skip("needs Document.article from the documents layer (branch documents)")
    doc = Document(text="第二篇 受理案件12件。", title="二", date=None, source="/data/paper#1.txt", size=1,
                   sha256="s", format="txt", article=2)  # type: ignore[call-arg]
    doc_id = project.add_document(doc, [], "1")
    stored = next(d for d in project.documents() if d.id == doc_id)
    assert (stored.source, stored.article) == ("/data/paper#1.txt", 2)
    assert project.document(doc_id).article == 2
