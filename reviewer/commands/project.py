"""`reviewer import PROJECT FILE...`, `reviewer status PROJECT`, `reviewer reextract PROJECT`."""
from __future__ import annotations

import sys
from pathlib import Path

from reviewer.documents import DocumentError, read_document
from reviewer.documents.base import DEFAULT_SIZE_LIMIT, Document
from reviewer.documents.split import split_articles
from reviewer.extract import ENGINE_VERSION, extract
from reviewer.sources import changed_sources
from reviewer.store import Project, StoreError
from reviewer.textwidth import pad


def import_documents(project: Project, files: list[Path], split: bool = False,
                     size_limit: int = DEFAULT_SIZE_LIMIT, report=print, cancelled=lambda: False) -> tuple[int, int]:
    """Read, extract and store each file; returns (documents imported or updated, files failed).
    A file already in the project is skipped when unchanged and re-imported (decisions carried
    over) when it changed. Shared by the command line and the window's import worker."""
    known = {doc.source: doc for doc in project.documents()}
    done = failed = 0
    for path in files:
        if cancelled():
            break
        path = Path(path).absolute()  # stored absolute, so a changed source is found from anywhere
        try:
            doc = read_document(path, size_limit=size_limit)
        except DocumentError as exc:
            report(f"error: {exc}")
            failed += 1
            continue
        for part in split_articles(doc) if split else [doc]:
            done += _import_one(project, part, known, report)
    return done, failed


def _import_one(project: Project, doc: Document, known: dict, report) -> int:
    return store_imported(project, doc, extract(doc.text, doc.date), known, report)


def store_imported(project: Project, doc: Document, figures: list, known: dict, report) -> int:
    """Store one read and extracted document: new, unchanged (skipped) or changed (re-imported
    with its decisions carried over). Returns 1 when something was stored."""
    previous = known.get(doc.source)
    if previous is None:
        project.add_document(doc, figures, ENGINE_VERSION)
        report(f"imported {doc.source}: {sum(1 for f in figures if not f.is_date)} figures")
        return 1
    if previous.sha256 == doc.sha256:
        report(f"unchanged {doc.source}: already in the project")
        return 0
    result = project.replace_figures(previous.id, figures, ENGINE_VERSION, document=doc)
    report(f"re-imported {doc.source} (it changed on disk): {result['kept']} figures kept with their decisions, "
           f"{result['new']} new, {result['orphaned']} decisions flagged for review")
    return 1


def run_import(project_path: Path, files: list[Path], split: bool, reviewer: str | None,
               size_limit: int = DEFAULT_SIZE_LIMIT) -> int:
    try:
        with Project.open(project_path, create=True, reviewer=reviewer) as project:
            _, failed = import_documents(project, files, split=split, size_limit=size_limit,
                                         report=lambda m: print(m, file=sys.stderr))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1 if failed else 0


def run_status(project_path: Path) -> int:
    try:
        with Project.open(project_path, read_only=True) as project:
            docs = project.documents()
            progress = project.progress_by_document()
            changed = {doc.id: reason for doc, reason in changed_sources(project)}
            overall = project.progress()
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{pad('document', 40)}{'reviewed':>12}{'confirmed':>10}{'corrected':>10}{'rejected':>9}{'pending':>8}  notes")
    for doc in docs:
        p = progress[doc.id]
        notes = []
        if p.orphaned:
            notes.append(f"{p.orphaned} decisions lost their figure")
        if doc.id in changed:
            notes.append(changed[doc.id])
        print(f"{pad(doc.title, 40)}{f'{p.reviewed}/{p.total}':>12}{p.confirmed:>10}{p.corrected:>10}{p.rejected:>9}"
              f"{p.pending:>8}  {'; '.join(notes)}")
    print(f"{pad('all ' + str(len(docs)) + ' documents', 40)}{f'{overall.reviewed}/{overall.total}':>12}{overall.confirmed:>10}"
          f"{overall.corrected:>10}{overall.rejected:>9}{overall.pending:>8}  {overall.share:.0%} reviewed")
    return 0


def run_reextract(project_path: Path, reviewer: str | None) -> int:
    """Run the current engine and lexicons again over every document, keeping decisions."""
    try:
        with Project.open(project_path, reviewer=reviewer) as project:
            for stored in project.documents():
                doc = project.document(stored.id)
                result = project.replace_figures(doc.id, extract(doc.text, doc.date), ENGINE_VERSION)
                print(f"{doc.title}: {result['kept']} kept, {result['new']} new, {result['removed_pending']} pending "
                      f"removed, {result['orphaned']} decisions flagged", file=sys.stderr)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
