"""A document's date and reporting period, changed by the reviewer: `reviewer set-date` and the
window's Document > Date and reporting period… do the same work through these functions.

Extracting is the slow part (a 300,000-character report takes about a second) and needs nothing
from the project: `extract_under` runs on the window's worker thread, `store_dates` on its
thread, so one SQLite connection serves the whole application."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from reviewer.commands.importing import figures_of, stored_tables
from reviewer.display import shown
from reviewer.documents.tables import Table
from reviewer.extract import ENGINE_VERSION
from reviewer.i18n import _
from reviewer.model import Figure, Period
from reviewer.store import Project, StoreError
from reviewer.store.dates import parse_date, parse_period
from reviewer.store.opening import open_project
from reviewer.store.records import StoredDocument


@dataclass(frozen=True)
class DatesRequest:
    """What the extraction under a new date needs: the document's text and tables, and the date."""

    doc_id: int
    text: str
    tables: tuple[Table, ...]
    tables_known: bool
    date: dt.date | None
    reporting: Period | None


def request(project: Project, doc_id: int, date: dt.date | None, reporting: Period | None) -> DatesRequest:
    doc: StoredDocument = project.document(doc_id)
    return DatesRequest(doc_id, doc.text or "", tuple(doc.tables), doc.tables_known, date, reporting)


def extract_under(req: DatesRequest) -> list[Figure]:
    """The document's figures under the new date and reporting period (no project needed)."""
    tables = stored_tables(req.text, req.tables, req.tables_known)
    return figures_of(req.text, req.date, tables, reporting=req.reporting)


def store_dates(project: Project, req: DatesRequest, figures: list[Figure]) -> dict | None:
    """One command: the new date and period and the figures found under them, decisions kept.
    None when they are as they were (nothing written, no undo step)."""
    return project.set_document_dates(req.doc_id, req.date, req.reporting, figures, ENGINE_VERSION)


def set_document_dates(project: Project, doc_id: int, date: dt.date | None, reporting: Period | None) -> dict | None:
    req = request(project, doc_id, date, reporting)
    return store_dates(project, req, extract_under(req))


# -- `reviewer set-date PROJECT DOCUMENT DATE [--reporting LABEL]` ------------------------------

INFER = ("", "auto")  # --reporting "" or auto: the engine infers the reporting period again


def find_document(project: Project, word: str) -> StoredDocument:
    """A document by its number (as `reviewer status` lists them, from 1), its title or its source file."""
    docs = project.documents()
    if word.strip().isdigit():
        number = int(word)
        for doc in docs:
            if doc.id == number:
                return doc
    matches = [d for d in docs if word in (d.title, d.source) or (d.source and Path(d.source).name == word)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise StoreError(_("{word}: names {count} documents in {project}; give its number instead",
                           word=shown(word), count=len(matches), project=project.where))
    raise StoreError(_("{word}: no such document in {project} (documents are numbered from 1 in the order "
                       "reviewer status lists them)", word=shown(word), project=project.where))


def run_set_date(project_path: str | Path, document: str, date_text: str, reporting_text: str | None,
                 reviewer: str | None) -> int:
    """The document's date (and reporting period, where given), its figures extracted again under them."""
    date = parse_date(date_text)  # a bad date or period: one line naming it (exit 2), nothing opened
    reporting: Period | None | bool = False  # False: keep the one stored
    if reporting_text is not None:
        reporting = None if reporting_text.strip().lower() in INFER else parse_period(reporting_text)
    with open_project(project_path, reviewer=reviewer) as project:
        doc = find_document(project, document)
        period = doc.reporting if reporting is False else reporting
        result = set_document_dates(project, doc.id, date, period)
    shown_period = period.label() if isinstance(period, Period) else _("inferred")
    if result is None:
        say(_("{title}: already dated {date}, reporting period {period}; nothing changed",
              title=shown(doc.title), date=date.isoformat(), period=shown_period))
    else:
        say(_("{title}: dated {date}, reporting period {period}: {kept} figures kept with their decisions, "
              "{periods} periods changed, {new} new, {flagged} decisions flagged", title=shown(doc.title),
              date=date.isoformat(), period=shown_period, kept=result["kept"], periods=result["periods"],
              new=result["new"], flagged=result["orphaned"]))
    return 0


def say(message: str) -> None:
    print(message, file=sys.stderr)
