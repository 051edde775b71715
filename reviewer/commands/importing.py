"""The one import loop, shared by `reviewer import` and the window's import worker.

    for item in read_and_extract(files):          # reads and extracts; touches no project
        if isinstance(item, Failed): show(item.message)
        else: outcome = store_prepared(project, item, known)   # known = known_documents(project)

Reading and extraction are safe on a worker thread; storing is done where the project is open.
A document is identified by its file and, for a file split into articles, its article number.
Importing a text the project already holds under another name is skipped, with a message naming
the document it duplicates.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from reviewer.display import shown, shown_path
from reviewer.documents import Document, DocumentError, read_document
from reviewer.documents.base import DEFAULT_SIZE_LIMIT
from reviewer.documents.split import split_articles
from reviewer.documents.table_places import place_in_tables
from reviewer.documents.tables import Table, find_text_tables
from reviewer.extract import ENGINE_VERSION, extract
from reviewer.i18n import _
from reviewer.model import Figure, Period
from reviewer.store import Project
from reviewer.store.records import StoredDocument

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """A document read and extracted, ready to be stored."""

    path: Path
    document: Document
    figures: list[Figure]


@dataclass(frozen=True)
class Failed:
    """A file that could not be read; `message` is one translated line naming it."""

    path: Path
    message: str


class Result(Enum):
    NEW = "new"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    REIMPORTED = "reimported"


@dataclass(frozen=True)
class Outcome:
    result: Result
    message: str                 # one translated line naming the document
    document_id: int | None      # the stored document (or the one it duplicates)

    @property
    def stored(self) -> bool:
        return self.result in (Result.NEW, Result.REIMPORTED)


def article_of(doc: Document | StoredDocument | KnownDocument) -> int | None:
    """The article number of a document split from a file (None for a whole file)."""
    return doc.article


def place_of(doc: Document | StoredDocument | KnownDocument) -> tuple[str, int | None]:
    """What identifies a document in a project: its file and its article number."""
    return doc.source, article_of(doc)


@dataclass(frozen=True)
class KnownDocument:
    id: int
    source: str
    article: int | None
    title: str
    sha256: str


@dataclass
class KnownDocuments:
    """The documents of a project by place and by text, kept up to date while importing."""

    by_place: dict[tuple[str, int | None], KnownDocument] = field(default_factory=dict)
    by_text: dict[str, KnownDocument] = field(default_factory=dict)

    def add(self, doc_id: int, doc: Document | StoredDocument) -> None:
        entry = KnownDocument(doc_id, doc.source, article_of(doc), doc.title, doc.sha256)
        old = self.by_place.get(place_of(doc))
        if old is not None and self.by_text.get(old.sha256) == old:
            del self.by_text[old.sha256]  # a re-imported document no longer holds its old text
        self.by_place[place_of(doc)] = entry
        self.by_text.setdefault(doc.sha256, entry)


def known_documents(project: Project) -> KnownDocuments:
    known = KnownDocuments()
    for doc in project.documents():
        known.add(doc.id, doc)
    return known


def figures_of(text: str, date: dt.date | None, tables: Sequence[Table],
               engine: Callable[..., list[Figure]] = extract, reporting: Period | None = None) -> list[Figure]:
    """The figures of a document's text, its tables' cells read by the table rules and each
    figure in a cell placed in its table (caption, row, column): import and re-extraction alike.
    `reporting`: the document's reporting period where the reviewer set it."""
    return place_in_tables(engine(text, date, tables=tables, reporting=reporting), tables)


def stored_tables(text: str, tables: Sequence[Table], known: bool) -> tuple[Table, ...]:
    """A stored document's tables, or where the project does not know them (stored before it kept
    tables, or unreadable in the file) those found again in its text (re-importing gives the
    reader's own)."""
    return tuple(tables) if known else find_text_tables(text)


def read_and_extract(files: Iterable[Path | str], split: bool = False, size_limit: int = DEFAULT_SIZE_LIMIT,
                     cancelled: Callable[[], bool] = lambda: False,
                     engine: Callable[..., list[Figure]] = extract) -> Iterator[Prepared | Failed]:
    """Read each file (split into articles when asked) and extract its figures with `engine`
    (extract, or the fast scan). Touches no project. A file that cannot be read becomes a
    Failed; the other files are still done."""
    for name in files:
        if cancelled():
            return
        path = Path(name).absolute()  # stored absolute, so a changed source is found from anywhere
        try:
            doc = read_document(path, size_limit=size_limit)
        except DocumentError as exc:  # named here, so a name with a newline stays on one line
            yield Failed(path, _("{path}: {reason}", path=shown_path(exc.path), reason=shown(exc.reason, limit=1000)))
            continue
        except Exception as exc:  # noqa: BLE001 - one file never ends the batch; the trace goes to the log
            log.exception("reading %s failed", path)
            yield Failed(path, _("{path}: unexpected error ({error}); details in the log",
                                 path=shown_path(path), error=shown(f"{type(exc).__name__}: {exc}")))
            continue
        for part in split_articles(doc) if split else [doc]:
            if cancelled():
                return
            yield Prepared(path, part, figures_of(part.text, part.date, part.tables, engine))


def _name(doc: Document | StoredDocument | KnownDocument) -> str:
    article = article_of(doc)
    if article is None:
        return shown_path(doc.source)
    return _("{path}, article {number}", path=shown_path(doc.source), number=article)


def _figure_count(figures: list[Figure]) -> int:
    return sum(1 for f in figures if not f.is_date)


def store_prepared(project: Project, prepared: Prepared, known: KnownDocuments) -> Outcome:
    """Store one read and extracted document: new, unchanged (skipped), the same text as a
    document already imported (skipped) or changed (re-imported with its decisions carried
    over). `known` is updated."""
    doc, figures = prepared.document, prepared.figures
    previous = known.by_place.get(place_of(doc))
    name = _name(doc)
    if previous is not None and previous.sha256 == doc.sha256:
        if doc.tables and not project.document(previous.id).tables_known:
            # stored before the project kept tables: the reader's own now place its figures, decisions kept
            project.replace_figures(previous.id, figures, ENGINE_VERSION, tables=doc.tables)
            return Outcome(Result.UNCHANGED, _("unchanged {name}: its tables read again", name=name), previous.id)
        return Outcome(Result.UNCHANGED, _("unchanged {name}: already in the project", name=name), previous.id)
    if previous is None:
        twin = known.by_text.get(doc.sha256)
        if twin is not None:
            return Outcome(Result.DUPLICATE,
                           _("skipped {name}: the same text is already in the project as “{title}” ({other})",
                             name=name, title=shown(twin.title), other=_name(twin)), twin.id)
        doc_id = project.add_document(doc, figures, ENGINE_VERSION)
        known.add(doc_id, doc)
        count = _figure_count(figures)
        message = (_("imported {name}: {count} figure", name=name, count=count) if count == 1 else
                   _("imported {name}: {count} figures", name=name, count=count))
        return Outcome(Result.NEW, message, doc_id)
    if project.dates_set_by_reviewer(previous.id):
        # the reviewer corrected this document's date or reporting period: the new version keeps them,
        # its figures read under them (extracted again here: rare, and the reader's date was wrong)
        stored = project.document(previous.id, tables=False)
        doc = replace(doc, date=stored.date)
        figures = figures_of(doc.text, stored.date, doc.tables, reporting=stored.reporting)
    result = project.replace_figures(previous.id, figures, ENGINE_VERSION, document=doc)
    known.add(previous.id, doc)
    return Outcome(Result.REIMPORTED,
                   _("re-imported {name} (it changed on disk): {kept} figures kept with their decisions, "
                     "{new} new, {flagged} decisions flagged for review", name=name, kept=result["kept"],
                     new=result["new"], flagged=result["orphaned"]), previous.id)


@dataclass
class ImportSummary:
    imported: int = 0
    reimported: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0

    def count(self, outcome: Outcome) -> None:
        if outcome.result is Result.NEW:
            self.imported += 1
        elif outcome.result is Result.REIMPORTED:
            self.reimported += 1
        elif outcome.result is Result.UNCHANGED:
            self.unchanged += 1
        else:
            self.duplicates += 1

    @property
    def stored(self) -> int:
        return self.imported + self.reimported

    def message(self) -> str:
        """One line: what was done, with correct plurals."""
        parts = [_("1 document imported") if self.imported == 1 else
                 _("{count} documents imported", count=self.imported)]
        if self.reimported:
            parts.append(_("1 re-imported") if self.reimported == 1 else
                         _("{count} re-imported", count=self.reimported))
        if self.unchanged:
            parts.append(_("1 unchanged") if self.unchanged == 1 else _("{count} unchanged", count=self.unchanged))
        if self.duplicates:
            parts.append(_("1 duplicate skipped") if self.duplicates == 1 else
                         _("{count} duplicates skipped", count=self.duplicates))
        if self.failed:
            parts.append(_("1 file failed") if self.failed == 1 else _("{count} files failed", count=self.failed))
        return _("; ").join(parts)


def import_documents(project: Project, files: Iterable[Path | str], split: bool = False,
                     size_limit: int = DEFAULT_SIZE_LIMIT, report: Callable[[str], object] = print,
                     cancelled: Callable[[], bool] = lambda: False) -> ImportSummary:
    """Read, extract and store each file, reporting one line per document or failure."""
    known = known_documents(project)
    summary = ImportSummary()
    for item in read_and_extract(files, split=split, size_limit=size_limit, cancelled=cancelled):
        if isinstance(item, Failed):
            summary.failed += 1
            report(_("error: {message}", message=item.message))
            continue
        outcome = store_prepared(project, item, known)
        summary.count(outcome)
        report(outcome.message)
    return summary
