"""A document's date and reporting period, changed by the reviewer: `reviewer set-date` and the
window's Document > Date and reporting period… do the same work through these functions.

Extracting is the slow part (a 300,000-character report takes about a second) and needs nothing
from the project: `extract_under` runs on the window's worker thread, `store_dates` on its
thread, so one SQLite connection serves the whole application."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reviewer.commands.importing import figures_of
from reviewer.documents.tables import Table, find_text_tables
from reviewer.extract import ENGINE_VERSION
from reviewer.model import Figure, Period
from reviewer.store import Project
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
    # tables not known (a document stored before the project kept them) are found in the text, as
    # re-extraction does
    tables = req.tables if req.tables_known else tuple(find_text_tables(req.text))
    return figures_of(req.text, req.date, tables, reporting=req.reporting)


def store_dates(project: Project, req: DatesRequest, figures: list[Figure]) -> dict | None:
    """One command: the new date and period and the figures found under them, decisions kept.
    None when they are as they were (nothing written, no undo step)."""
    return project.set_document_dates(req.doc_id, req.date, req.reporting, figures, ENGINE_VERSION)


def set_document_dates(project: Project, doc_id: int, date: dt.date | None, reporting: Period | None) -> dict | None:
    req = request(project, doc_id, date, reporting)
    return store_dates(project, req, extract_under(req))
