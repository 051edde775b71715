"""`reviewer import PROJECT FILE...`, `reviewer status PROJECT`, `reviewer reextract PROJECT`,
`reviewer backup PROJECT -o COPY`."""
from __future__ import annotations

import sys
from pathlib import Path

from reviewer.commands.importing import figures_of, import_documents, stored_tables
from reviewer.commands.status import run_status  # noqa: F401 - `reviewer status` is called through here
from reviewer.display import shown, shown_path
from reviewer.documents.base import DEFAULT_SIZE_LIMIT
from reviewer.extract import ENGINE_VERSION
from reviewer.i18n import _
from reviewer.store.locations import is_server_url
from reviewer.store.opening import open_project


def say(message: str) -> None:
    print(message, file=sys.stderr)


def run_import(project_where: str | Path, files: list[Path], split: bool, reviewer: str | None,
               size_limit: int = DEFAULT_SIZE_LIMIT) -> int:
    """Into a .frp file (made if new) or a shared project (its manager imports)."""
    shared = is_server_url(str(project_where))
    project_path = Path(project_where)
    new = not shared and not project_path.exists()
    with open_project(project_where, create=True, reviewer=reviewer) as project:
        summary = import_documents(project, files, split=split, size_limit=size_limit, report=say)
        empty = new and not project.documents()
    message = summary.message()
    if empty:  # nothing could be imported: leave no project behind that the user did not have
        for suffix in ("", ".lock", "-wal", "-shm"):
            project_path.with_name(project_path.name + suffix).unlink(missing_ok=True)
        message += _("; ") + _("{path}: not created, since no document could be imported",
                               path=shown_path(project_path))
    say(message)
    return 1 if summary.failed else 0


def run_reextract(project_path: str | Path, reviewer: str | None) -> int:
    """Run the current engine and lexicons again over every document, keeping decisions."""
    with open_project(project_path, reviewer=reviewer) as project:
        for stored in project.documents():
            doc = project.document(stored.id)
            tables = stored_tables(doc.text or "", doc.tables, doc.tables_known)
            figures = figures_of(doc.text or "", doc.date, tables, reporting=doc.reporting)
            result = project.replace_figures(doc.id, figures, ENGINE_VERSION,
                                             tables=None if doc.tables_known else tables)
            say(_("{title}: {kept} kept, {new} new, {removed} pending removed, {flagged} decisions flagged",
                  title=shown(doc.title), kept=result["kept"], new=result["new"],
                  removed=result["removed_pending"], flagged=result["orphaned"]))
    return 0


def run_backup(project_path: str | Path, output: Path) -> int:
    """A consistent copy of a project, even while the window has it open."""
    with open_project(project_path, read_only=True) as project:
        project.backup(output)
    say(_("{project} copied to {copy}", project=shown_path(project_path), copy=shown_path(output)))
    return 0
