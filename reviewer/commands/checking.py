"""The checks of a project (or of files read and extracted like `reviewer extract` does): the
documents as the checks read them, their findings, and each finding's state.

    checks = ProjectChecks(project)
    findings = checks.run()                 # every document, and the rules across the project
    findings = checks.recheck({doc_id})     # after a correction: that document and the project rules
    for item in finding_states(project, findings): item.state   # open / accepted / resolved

The checks see what the reviewer has: a correction counts, rejected figures and figures removed
or gone from the text are left out, figures added by hand are in.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from reviewer.checks import runner
from reviewer.checks.figure_data import figure_data
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.reference import ReferenceMatch, ReferenceRow, compare
from reviewer.extract import scan
from reviewer.model import Figure, Kind, Status
from reviewer.store import Project, StoredDocument, StoredFigure
from reviewer.store.records import FindingDecision

OPEN, ACCEPTED, RESOLVED = "open", "accepted", "resolved"


def document_names(documents: Sequence[StoredDocument]) -> dict[int, str]:
    """Each document's name in the findings (part of their keys, so it must not move): its
    title, and for a later document of a title already taken, the title with its number."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for doc in sorted(documents, key=lambda d: d.id):
        name = doc.title if doc.title not in taken else f"{doc.title} #{doc.id}"
        taken.add(doc.title)
        names[doc.id] = name
    return names


def check_figure(figure: StoredFigure, document: str) -> CheckFigure | None:
    """A stored figure as the checks read it (its final values), or None where the reviewer
    rejected it or its text is gone."""
    if figure.status is Status.REJECTED or figure.removed or figure.orphaned:
        return None
    corrected = figure.corrected_value is not None
    return CheckFigure(
        ref=figure.id,
        document=document,
        start=figure.start,
        end=figure.end,
        text=figure.text,
        kind=figure.final_kind,
        value=figure.final_value,
        value_high=None if corrected else figure.value_high,  # a corrected value is one value
        unit=figure.final_unit,
        approx=figure.approx,
        indicator=figure.final_indicator,
        change=figure.change,
        period=figure.period,
        row_label=figure.row_label,
        column_label=figure.column_label,
        table_caption=figure.table_caption,
    )


def text_dates(text: str, doc_date, tables=()) -> list[Figure]:
    """The dates of a stored document's text (the project keeps no dates: they are not reviewed),
    read by the engine's fast pass: the checks take the years between two levels from them."""
    return [f for f in scan(text, doc_date, tables=tables) if f.is_date]


def engine_document(name: str, text: str, figures: Iterable[Figure], tables=(), date=None) -> CheckDocument:
    """A document read from a file, with the engine's figures; a figure's ref is its index in the
    engine's list. Dates stay in: the checks read the years between two levels from them."""
    found = tuple(CheckFigure.of_figure(f, ref=i, document=name) for i, f in enumerate(figures))
    return CheckDocument(name, text, found, tuple(tables), date.isoformat() if date else None)


class ProjectChecks:
    """A project's checks, kept between runs: a document's text and tables are read once, and
    after a correction only that document's figures are read and checked again (with the rules
    across the project), so the checks keep up with every decision."""

    def __init__(self, project: Project):
        self.project = project
        self._texts: dict[int, tuple[str, tuple, str | None]] = {}  # doc id -> text, tables, date
        # doc id -> (the text and date they were read for, the dates of its text): kept over run(),
        # so checking again after an import reads only the documents whose text or date changed
        self._dates: dict[int, tuple[tuple, list[Figure]]] = {}
        self._documents: dict[int, CheckDocument] = {}
        self._found: dict[int, list[Finding]] = {}
        self._names: dict[int, str] = {}
        self._reference: list[ReferenceRow] = []
        self._ran = False  # whether run() has read the project (an empty one has no names to tell)
        self._matches: dict[int, dict[int, ReferenceMatch]] = {}  # by document: the reference's verdicts

    def carry_over(self, earlier: ProjectChecks) -> None:
        """Keep the dates an earlier run read (by text and date): a run of its own elsewhere (the
        window's worker thread) then scans only what changed. A copy: the earlier one goes on."""
        self._dates = dict(earlier._dates)

    def rebind(self, project: Project) -> None:
        """Go on with `project` (the window's), after a run on a connection of its own was closed."""
        self.project = project

    def run(self) -> list[Finding]:
        """Everything again: the documents as stored now, the reference rows, every rule."""
        self._texts.clear()
        self._documents.clear()
        self._found.clear()
        self._matches.clear()
        self._reference = self.project.reference_rows()
        stored = self.project.documents()
        self._names = document_names(stored)
        self._ran = True
        return self._check({doc.id for doc in stored})

    def recheck(self, doc_ids: Iterable[int]) -> list[Finding]:
        """The named documents' figures read and checked again, then the rules across the project."""
        if not self._ran:
            return self.run()
        return self._check(doc_ids)

    def _check(self, doc_ids: Iterable[int]) -> list[Finding]:
        for doc_id in doc_ids:
            if doc_id not in self._names:  # a document imported since: everything again
                return self.run()
            document = self._document(doc_id)
            self._documents[doc_id] = document
            self._found[doc_id] = runner.check_document(document, self._reference)
            self._matches.pop(doc_id, None)
        return self.findings()

    def figures_changed(self, figures: Iterable[StoredFigure]) -> list[Finding] | None:
        """Figures a decision changed, as now stored: where what the checks read of them changed
        (a correction, a rejection, its undo; not a confirmation) their document is checked
        again, with the rules across the project. None where nothing the checks read changed."""
        changed: set[int] = set()
        for stored in figures:
            document = self._documents.get(stored.document_id)
            if document is None:
                continue
            new = check_figure(stored, document.name)
            kept = [f for f in document.figures if f.ref != stored.id]
            if new is not None:
                kept.append(new)
            if len(kept) == len(document.figures) and new in document.figures:
                continue  # the same as the checks had it
            kept.sort(key=lambda f: (f.start, f.end))
            self._documents[stored.document_id] = replace(document, figures=tuple(kept))
            changed.add(stored.document_id)
        if not changed:
            return None
        for doc_id in changed:
            self._found[doc_id] = runner.check_document(self._documents[doc_id], self._reference)
            self._matches.pop(doc_id, None)
        return self.findings()

    def forget(self, doc_id: int) -> None:
        """A document whose text changed (imported again): read it again at the next run."""
        self._texts.pop(doc_id, None)

    def findings(self) -> list[Finding]:
        documents = [self._documents[i] for i in sorted(self._documents)]
        found = [f for doc_id in sorted(self._found) for f in self._found[doc_id]]
        return runner.ordered(found + runner.check_across(documents))

    def documents(self) -> list[CheckDocument]:
        return [self._documents[i] for i in sorted(self._documents)]

    @property
    def reference(self) -> list[ReferenceRow]:
        """The project's reference rows as the last run read them."""
        return list(self._reference)

    def document(self, doc_id: int) -> CheckDocument | None:
        return self._documents.get(doc_id)

    def reference_matches(self, doc_id: int) -> dict[int, ReferenceMatch]:
        """The figures of a document that a reference row matches, by figure id, with the verdict."""
        document = self._documents.get(doc_id)
        if document is None or not self._reference:
            return {}
        if doc_id not in self._matches:
            self._matches[doc_id] = {m.figure.ref: m for m in compare(document, self._reference)}  # type: ignore[misc]
        return self._matches[doc_id]

    def _document(self, doc_id: int) -> CheckDocument:
        name = self._names[doc_id]
        if doc_id not in self._texts:
            stored = self.project.document(doc_id)
            self._texts[doc_id] = (stored.text or "", stored.tables, stored.date.isoformat() if stored.date else None)
            read_for = (stored.sha256, stored.date, len(stored.tables))
            if self._dates.get(doc_id, ((), []))[0] != read_for:
                self._dates[doc_id] = (read_for, text_dates(stored.text or "", stored.date, stored.tables))
        text, tables, date = self._texts[doc_id]
        figures = [f for f in (check_figure(s, name) for s in self.project.figures(doc_id)) if f is not None]
        figures += [CheckFigure.of_figure(f, ref=("date", f.start), document=name) for f in self._dates[doc_id][1]]
        figures.sort(key=lambda f: (f.start, f.end))
        return CheckDocument(name, text, tuple(figures), tables, date)


@dataclass(frozen=True)
class CheckedFinding:
    """A finding with the reviewer's decision: open, accepted (with a reason), or resolved (a
    finding decided on that no longer appears: its figures were corrected)."""

    key: str
    rule: str
    state: str
    finding: Finding | None  # None for a resolved finding
    decision: FindingDecision | None

    @property
    def severity(self) -> Severity | None:
        if self.finding is not None:
            return self.finding.severity
        seen = self.decision.severity if self.decision else None
        return Severity(seen) if seen in set(Severity) else None

    @property
    def message(self) -> str:
        if self.finding is not None:
            return self.finding.message
        return (self.decision.message if self.decision else None) or ""

    @property
    def document(self) -> str:
        if self.finding is not None:
            return self.finding.document
        return (self.decision.document if self.decision else None) or ""

    @property
    def figures(self) -> tuple[CheckFigure, ...]:
        if self.finding is not None:
            return self.finding.figures
        return seen_figures(self.decision.figures, self.document) if self.decision else ()

    @property
    def reason(self) -> str | None:
        return self.decision.reason if self.decision is not None else None

    @property
    def reviewer(self) -> str | None:
        return self.decision.reviewer if self.decision is not None else None

    @property
    def blocking(self) -> bool:
        """An error nobody accepted: what makes `reviewer check` exit with 1."""
        return self.state == OPEN and self.severity is Severity.ERROR


def seen(finding: Finding) -> dict:
    """What a decision keeps of the finding it was taken on (Project.accept_finding's `seen`)."""
    figures = [
        figure_data(f) | {"kind": str(f.kind), "value": None if f.value is None else str(f.value)}  # exact
        for f in finding.figures
    ]
    return {
        "severity": str(finding.severity),
        "document": finding.document,
        "figures": json.dumps(figures, ensure_ascii=False),
    }


def seen_figures(text: str | None, document: str) -> tuple[CheckFigure, ...]:
    """The figures a decision kept of its finding (ref None: the finding is gone, nothing to mark)."""
    try:
        kept = json.loads(text or "[]")
        return tuple(
            CheckFigure(
                ref=None,
                document=document,
                start=int(f["start"]),
                end=int(f["end"]),
                text=str(f["text"]),
                kind=Kind(f.get("kind") or Kind.QUANTITY),
                value=None if f.get("value") is None else Decimal(str(f["value"])),
                unit=f.get("unit"),
            )
            for f in kept
        )
    except (ValueError, TypeError, KeyError):  # a decision written before figures were kept
        return ()


def accept(project: Project, item: CheckedFinding, reason: str):
    """Accept an open finding for `reason`, keeping what it was (the window's Accept finding…)."""
    snapshot = seen(item.finding) if item.finding is not None else None
    return project.accept_finding(item.key, item.rule, reason, message=item.message, seen=snapshot)


def finding_states(
    findings: Sequence[Finding], decisions: dict[str, FindingDecision] | None = None
) -> list[CheckedFinding]:
    """Each finding with its state; then the decided findings that no longer appear (resolved)."""
    decisions = decisions or {}
    states = [
        CheckedFinding(f.key, f.rule, ACCEPTED if f.key in decisions else OPEN, f, decisions.get(f.key))
        for f in findings
    ]
    present = {f.key for f in findings}
    states += [CheckedFinding(key, d.rule, RESOLVED, None, d) for key, d in decisions.items() if key not in present]
    return states


def project_findings(project: Project) -> list[CheckedFinding]:
    """A project's findings with their states, checked now (for the export and the command line)."""
    return finding_states(ProjectChecks(project).run(), project.finding_decisions())


def figure_marks(findings: Iterable[CheckedFinding]) -> dict[int, Severity]:
    """The figures of open findings (by stored id) with the gravest severity among them."""
    order = [Severity.NOTE, Severity.WARNING, Severity.ERROR]
    marks: dict[int, Severity] = {}
    for item in findings:
        if item.state != OPEN or item.finding is None:
            continue
        for figure in item.finding.figures:
            if isinstance(figure.ref, int):
                was = marks.get(figure.ref)
                if was is None or order.index(item.finding.severity) > order.index(was):
                    marks[figure.ref] = item.finding.severity
    return marks
