"""Who may do what in a shared project, enforced by PostgreSQL itself rather than by the window.

Each project has three group roles that cannot log in (`<project>_reviewer`, `_adjudicator`,
`_manager`) holding the project's rights; each person logs in as their own role, a member of one
of them. The event log is append-only for every one of them: they may add to it and read it, never
change, delete or empty it. The application never sets a password: the server's administrator
does (psql's \\password, or certificates, or peer authentication).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

ROLES = ("reviewer", "adjudicator", "manager")
LOG = "events"
ALL = "SELECT, INSERT, UPDATE, DELETE"
# today a decision is an update of its figure's row; per-reviewer decision rows come with issue 15's
# next step, and with them the right of a reviewer to change only their own
DECIDING = {
    "documents": "SELECT",
    "figures": "SELECT, UPDATE",
    LOG: "SELECT, INSERT",
    "meta": "SELECT",
    "finding_decisions": "SELECT, INSERT, UPDATE",
    "reference_rows": "SELECT",
}
RIGHTS: dict[str, dict[str, str]] = {
    "reviewer": DECIDING,
    "adjudicator": DECIDING,
    "manager": {
        "documents": ALL,
        "figures": ALL,
        LOG: "SELECT, INSERT",
        "meta": ALL,
        "finding_decisions": ALL,
        "reference_rows": ALL,
    },
}
# the sequences a role needs to add rows to a table (its ids)
SEQUENCES = {
    "documents": "documents_id_seq",
    "figures": "figures_id_seq",
    LOG: "events_id_seq",
    "reference_rows": "reference_rows_id_seq",
}


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def group_role(project: str, role: str) -> str:
    return f"{project}_{role}"


def existing_roles(connection: Connection, names: list[str]) -> list[str]:
    found = connection.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": names})
    return sorted(found.scalars())


def create_group_roles(connection: Connection, project: str) -> None:
    """The project's three group roles and their rights (the caller checked none exists yet)."""
    schema = quoted(project)
    for role in ROLES:
        group = quoted(group_role(project, role))
        connection.execute(text(f"CREATE ROLE {group} NOLOGIN"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {group}"))
        for table, rights in RIGHTS[role].items():
            connection.execute(text(f"GRANT {rights} ON {schema}.{quoted(table)} TO {group}"))
            if "INSERT" in rights and table in SEQUENCES:
                connection.execute(text(f"GRANT USAGE ON SEQUENCE {schema}.{quoted(SEQUENCES[table])} TO {group}"))
        # said outright, so that a later GRANT ALL by hand is the only way to loosen it
        connection.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{LOG} FROM {group}"))
    connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC"))


def add_member(connection: Connection, project: str, person: str, role: str) -> bool:
    """Make `person` (a login role, created if new, without a password) a member of exactly one of
    the project's roles; returns whether the login role was created."""
    created = not existing_roles(connection, [person])
    if created:
        connection.execute(text(f"CREATE ROLE {quoted(person)} LOGIN"))
    for other in ROLES:
        if other != role:
            connection.execute(text(f"REVOKE {quoted(group_role(project, other))} FROM {quoted(person)}"))
    connection.execute(text(f"GRANT {quoted(group_role(project, role))} TO {quoted(person)}"))
    return created
