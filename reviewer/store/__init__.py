"""Review projects: one SQLite file per project (plain Python, no Qt)."""

from reviewer.store.errors import (
    NotAProject,
    ProjectDamaged,
    ProjectLocked,
    ProjectTooNew,
    ReadOnlyProject,
    StoreError,
    WriteFailed,
)
from reviewer.store.project import PROJECT_SUFFIX, Project
from reviewer.store.records import Event, Progress, ReviewerProgress, StoredDocument, StoredFigure

__all__ = [
    "Project",
    "PROJECT_SUFFIX",
    "StoreError",
    "NotAProject",
    "ProjectDamaged",
    "ProjectLocked",
    "ProjectTooNew",
    "ReadOnlyProject",
    "WriteFailed",
    "Event",
    "Progress",
    "ReviewerProgress",
    "StoredDocument",
    "StoredFigure",
]
