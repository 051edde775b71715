"""What can go wrong with a project file, each with a message a reviewer can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base: str() names the project file and says what happened and what to do."""


class NotAProject(StoreError):
    pass


class ProjectLocked(StoreError):
    """Another program holds the project for writing; `holder` names it (" (process 12 on host)"),
    empty when unknown, so a command that waits for the lock can say who it waited for."""

    def __init__(self, message: str, holder: str = ""):
        super().__init__(message)
        self.holder = holder


class ProjectDamaged(StoreError):
    pass


class ProjectTooNew(StoreError):
    pass


class WriteFailed(StoreError):
    """A write was refused (read-only place, full disk, locked): nothing of it was saved, and
    the project is as it was before the action."""


class ReadOnlyProject(WriteFailed):
    pass


class BadLocation(StoreError):
    """A project location that is neither a .frp file nor a usable postgresql:// URL."""


class PasswordInLocation(BadLocation):
    """A URL holding a password, refused for saving: the application never keeps a password."""


class DocumentLeased(StoreError):
    """Another person holds the document (a lease, until it expires); `holder` names them."""

    def __init__(self, message: str, holder: str = ""):
        super().__init__(message)
        self.holder = holder


class ServerUnreachable(StoreError):
    """No connection to the PostgreSQL server (down, wrong address, refused login, timed out)."""


class ServerRefused(StoreError):
    """The server answered but refused the work (no right to it, or another database error)."""


class ProjectExists(StoreError):
    pass
