"""`reviewer check FILE_OR_PROJECT... [--json]` and `reviewer reference PROJECT FILE`.

Files are read and extracted like `reviewer extract` does and checked together (the rules across
documents among them); a project is checked as stored (its figures as the reviewer has them, its
reference rows, its decisions on findings). Exit status: 2 when an input cannot be used, else 1
where an error-level finding nobody accepted exists, else 0.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from reviewer.checks import runner
from reviewer.checks.figure_data import figure_data
from reviewer.checks.reference import ReferenceError, read_reference
from reviewer.commands.checking import (
    OPEN,
    CheckedFinding,
    engine_document,
    finding_states,
    project_findings,
)
from reviewer.commands.extract import _unique_inputs
from reviewer.commands.importing import Failed, article_of, read_and_extract
from reviewer.display import shown, shown_path
from reviewer.documents.base import DEFAULT_SIZE_LIMIT
from reviewer.i18n import _
from reviewer.store import PROJECT_SUFFIX, StoreError
from reviewer.store.locations import is_server_url
from reviewer.store.opening import open_project


def say(message: str) -> None:
    print(message, file=sys.stderr)


def run_check(inputs: list[str], as_json: bool = False, split: bool = False,
              size_limit: int = DEFAULT_SIZE_LIMIT) -> int:
    """Documents, project files and shared projects (URLs) alike."""
    projects = [w for w in inputs if is_server_url(w) or Path(w).suffix.lower() == PROJECT_SUFFIX]
    files = [Path(w) for w in inputs if w not in projects]
    checked: list[CheckedFinding] = []
    bad = False
    read_any = False  # "no findings" only says something where something was checked
    for word in projects:
        if not is_server_url(word) and not Path(word).is_file():
            say(_("error: {path}: no such project", path=shown_path(word)))
            bad = True
            continue
        try:
            with open_project(word, read_only=True) as project:
                checked += project_findings(project)
            read_any = True
        except StoreError as exc:
            say(_("error: {message}", message=shown(str(exc), limit=1000)))
            bad = True
    if files:
        documents = []
        given = {Path(p).absolute(): p for p in _unique_inputs(files)}
        for item in read_and_extract(list(given.values()), split=split, size_limit=size_limit):
            if isinstance(item, Failed):
                say(_("error: {message}", message=item.message))
                bad = True
                continue
            name = str(given.get(item.path, item.path))
            article = article_of(item.document)
            name = name if article is None else f"{name}#{article}"
            doc = item.document
            documents.append(engine_document(name, doc.text, item.figures, doc.tables, doc.date))
        if documents:
            checked += finding_states(runner.check_project(documents))
            read_any = True
    shown_findings = [c for c in checked if c.finding is not None]
    if as_json:
        sys.stdout.write(json.dumps([finding_json(c) for c in shown_findings], ensure_ascii=False, indent=1) + "\n")
    else:
        for item in shown_findings:
            print(finding_line(item))
    errors = sum(1 for c in shown_findings if c.blocking)
    if read_any:
        say(summary(len(shown_findings), errors))
    if bad:
        return 2
    return 1 if errors else 0


def finding_line(item: CheckedFinding) -> str:
    """severity, rule, document, message (tab-separated), and the decision where there is one."""
    finding = item.finding
    assert finding is not None
    cells = [finding.severity.value, finding.rule, shown(finding.document), shown(finding.message, limit=1000)]
    if item.state != OPEN:
        cells.append(_("accepted: {reason}", reason=shown(item.reason or "")))
    return "\t".join(cells)


def finding_json(item: CheckedFinding) -> dict:
    finding = item.finding
    assert finding is not None
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "document": finding.document,
        "figures": [figure_data(f) for f in finding.figures],
        "key": item.key,
        "state": item.state,
        "reason": item.reason,
    }


def summary(count: int, errors: int) -> str:
    found = _("1 finding") if count == 1 else _("{count} findings", count=count)
    if not count:
        return _("no findings")
    return _("{findings}, {errors} of them errors not accepted", findings=found, errors=errors)


def run_reference(project_path: str | Path, file: Path, reviewer: str | None) -> int:
    """Import a reference table into a project; importing the same file again replaces its rows."""
    if not is_server_url(str(project_path)) and not Path(project_path).is_file():
        say(_("error: {path}: no such project", path=shown_path(project_path)))
        return 2
    try:
        rows = read_reference(file)
    except ReferenceError as exc:
        say(_("error: {message}", message=shown(str(exc), limit=1000)))
        return 2
    with open_project(project_path, reviewer=reviewer) as project:
        project.import_reference(rows, os.path.abspath(file))
        where = project.where
    count = _("1 reference row") if len(rows) == 1 else _("{count} reference rows", count=len(rows))
    say(_("{rows} from {file} imported into {project}", rows=count, file=shown_path(file), project=where))
    return 0
