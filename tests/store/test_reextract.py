"""Re-extraction and changed sources keep every decision; lost figures are flagged, not dropped."""
import dataclasses

import pytest

from reviewer.commands.importing import import_documents
from reviewer.documents.base import Document
from reviewer.extract import extract
from reviewer.model import Status
from reviewer.sources import changed_sources
from reviewer.store import Project


def test_reextraction_keeps_decisions_and_flags_lost_ones(project):
    doc_id = project.seed_doc_id
    figures = project.figures(doc_id)
    kept, lost = figures[0], figures[1]
    project.decide(kept.id, Status.CONFIRMED)
    project.decide(lost.id, Status.CORRECTED, value="1", unit="个")
    doc = project.document(doc_id)
    fresh = [f for f in extract(doc.text, doc.date) if f.text != lost.text or f.start != lost.start]
    report = project.replace_figures(doc_id, fresh, "2")
    assert report["orphaned"] == 1
    again = project.figure(kept.id)
    assert again.status is Status.CONFIRMED and again.engine_version == "2" and not again.orphaned
    flagged = project.figure(lost.id)
    assert flagged.orphaned and flagged.status is Status.CORRECTED  # kept, flagged
    assert project.progress_by_document()[doc_id].orphaned == 1


def test_a_changed_source_is_detected_and_reimport_carries_decisions(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("湖北省外贸\n受理案件1425918件，结案1310621件。\n新签合同额121.6亿美元。\n", encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True, reviewer="t") as project:
        import_documents(project, [source], report=lambda m: None)
        doc = project.documents()[0]
        by_text = {f.text: f for f in project.figures()}
        project.decide(by_text["1310621件"].id, Status.CONFIRMED)
        project.decide(by_text["121.6亿美元"].id, Status.REJECTED)
        assert changed_sources(project) == []
        source.write_text("湖北省外贸（修订）\n前言一段新的文字。\n受理案件1425918件，结案1310621件。\n",
                          encoding="utf-8")
        changed = changed_sources(project)
        assert [(d.id, reason) for d, reason in changed] == [(doc.id, "the file changed on disk since it was imported")]
        import_documents(project, [source], report=lambda m: None)
        assert changed_sources(project) == []
        moved = project.figure(by_text["1310621件"].id)
        new_text = project.document(doc.id).text
        assert moved.status is Status.CONFIRMED and new_text[moved.start:moved.end] == "1310621件"
        gone = project.figure(by_text["121.6亿美元"].id)
        assert gone.orphaned and gone.status is Status.REJECTED
        source.unlink()
        assert changed_sources(project)[0][1] == "the file is missing"


NEEDS_ARTICLES = pytest.mark.skipif(not any(f.name == "article" for f in dataclasses.fields(Document)),
                                    reason="needs Document.article from the documents layer (branch documents)")


@NEEDS_ARTICLES
def test_a_changed_article_of_a_split_file_is_detected(tmp_path):
    from reviewer.store import Project

    source = tmp_path / "paper.txt"
    first = "第一篇文章的标题\n受理案件1425918件，结案1310621件。\n2025-07-26\n"
    second = "第二篇文章的标题\n新签合同额121.6亿美元，同比增长25.1%。\n2025-07-26\n"
    source.write_text(f"-\n{first}-\n{second}", encoding="utf-8")
    with Project.open(tmp_path / "p.frp", create=True) as project:
        import_documents(project, [source], split=True, report=lambda m: None)
        assert len(project.documents()) == 2 and changed_sources(project) == []
        source.write_text(f"-\n{first}-\n{second.replace('121.6', '131.6')}", encoding="utf-8")
        changed = changed_sources(project)
        assert [d.title for d, _ in changed] == ["第二篇文章的标题"]
        assert [d.source_changed for d in project.documents()] == [False, True]
        assert {(d.source, d.article) for d in project.documents()} == {(str(source), 1), (str(source), 2)}
