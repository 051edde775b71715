"""What each person of a shared project may do in the window: a reviewer reviews blind (no
agreement matrix, no disputes: they would show the others' decisions), only the manager brings
documents in (or takes them out) and assigns them; the adjudicator sees everyone's work. A project
file has one user, who may do everything. The database enforces the same; the window greys what
would be refused, and says why in one line."""
from __future__ import annotations

from reviewer.store import Project
from reviewer.ui.labels import tr

SEES_EVERYONE = ("adjudicator", "manager")


def role_label(role: str | None) -> str:
    return {"reviewer": tr("reviewer"), "adjudicator": tr("adjudicator"), "manager": tr("manager")}.get(
        role or "", role or "")


def sees_everyone(project: Project | None) -> bool:
    """The agreement matrix and the disputes: everyone's decisions."""
    return project is not None and (not project.shared or project.role in SEES_EVERYONE)


def manages(project: Project | None) -> bool:
    """Importing, checking the source files again (a new import), assigning."""
    return project is not None and (not project.shared or project.role == "manager")


def blind_review_tip() -> str:
    return tr("For the adjudicator and the manager: a reviewer's review is blind")


def manager_only_message() -> str:
    return tr("Only the project's manager adds documents to a shared project or assigns them")


def person_text(name: str | None, role: str | None) -> str:
    """The status bar's 'Reviewer: rita (reviewer)'; a file's 'Reviewer: 测试员'."""
    if role:
        return tr("Reviewer: %1 (%2)").replace("%1", name or "—").replace("%2", role_label(role))
    return tr("Reviewer: %1").replace("%1", name or "—")
