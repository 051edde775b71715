"""Runs the checks of resources/checks/rules.tsv over a document or a project. Each rule module
gives `DOCUMENT_RULES` (rule id -> function(CheckDocument) -> findings) or `PROJECT_RULES` (rule id
-> function(list of CheckDocument) -> findings); the table says which are on and how severe."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from reviewer.checks import across, pairs, reference, sums
from reviewer.checks.data_files import data_lines
from reviewer.checks.model import CheckDocument, Finding, Severity

DocumentRule = Callable[[CheckDocument], Iterable[Finding]]
ProjectRule = Callable[[Sequence[CheckDocument]], Iterable[Finding]]


@dataclass(frozen=True)
class RuleSetting:
    rule: str
    severity: Severity
    scope: str
    enabled: bool
    description: str


@cache
def settings() -> dict[str, RuleSetting]:
    table: dict[str, RuleSetting] = {}
    for line in data_lines("rules.tsv"):
        rule, severity, scope, enabled, description = (part.strip() for part in line.split("\t"))
        table[rule] = RuleSetting(rule, Severity(severity), scope, enabled == "yes", description)
    return table


def document_rules() -> dict[str, DocumentRule]:
    return {**pairs.DOCUMENT_RULES, **sums.DOCUMENT_RULES}


def project_rules() -> dict[str, ProjectRule]:
    return {**across.PROJECT_RULES}


def _with_setting(finding: Finding) -> Finding | None:
    setting = settings().get(finding.rule)
    if setting is None or not setting.enabled:
        return None
    # a rule may lower its own severity (comparable-basis growth is a note); never raise it
    order = [Severity.NOTE, Severity.WARNING, Severity.ERROR]
    severity = min(finding.severity, setting.severity, key=order.index)
    return replace(finding, severity=severity, document=finding.document or finding.figures[0].document)


def check_document(document: CheckDocument, reference_rows: Sequence[reference.ReferenceRow] = ()) -> list[Finding]:
    found: list[Finding] = []
    rules = list(document_rules().values())
    if reference_rows:
        rules.append(lambda doc: reference.reference_findings(doc, reference_rows))
    for function in rules:
        for finding in function(document):
            kept = _with_setting(finding)
            if kept is not None:
                found.append(kept)
    return ordered(found)


def check_project(
    documents: Sequence[CheckDocument], reference_rows: Sequence[reference.ReferenceRow] = ()
) -> list[Finding]:
    found = [finding for document in documents for finding in check_document(document, reference_rows)]
    return ordered(found + check_across(documents))


def check_across(documents: Sequence[CheckDocument]) -> list[Finding]:
    """The rules across a project's documents alone (a caller that keeps each document's findings
    between runs re-runs only these after a correction)."""
    found: list[Finding] = []
    for function in project_rules().values():
        for finding in function(documents):
            kept = _with_setting(finding)
            if kept is not None:
                found.append(kept)
    return found


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings de-duplicated by key, in the order of their documents and places."""
    unique = {finding.key: finding for finding in findings}
    return sorted(unique.values(), key=lambda f: (f.document, min(x.start for x in f.figures), f.rule))
