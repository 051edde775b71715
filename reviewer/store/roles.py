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
# a figure's final decision: what an adjudicator (and a manager) may set on it, nothing else
FINAL_COLUMNS = (
    "status, corrected_value, corrected_unit, corrected_kind, corrected_indicator, reviewer, decided_at, settled"
)
# a reviewer decides in rows of their own (the decisions table), never on the figure itself
REVIEWING = {
    "documents": "SELECT",
    "figures": "SELECT",
    LOG: "SELECT, INSERT",
    "decisions": "SELECT, INSERT",
    "meta": "SELECT",
    "finding_decisions": ALL,
    "reference_rows": "SELECT",
    "assignments": "SELECT",
    "leases": ALL,
    "reviewer_progress": "SELECT",
    "reviewer_activity": "SELECT",
    "alembic_version": "SELECT",  # which schema the project is at: read on opening it
}
RIGHTS: dict[str, dict[str, str]] = {
    "reviewer": REVIEWING,
    "adjudicator": {**REVIEWING, "figures": f"SELECT, UPDATE ({FINAL_COLUMNS})"},
    "manager": {
        **REVIEWING,
        "documents": ALL,
        "figures": ALL,
        "meta": ALL,
        "reference_rows": ALL,
        "assignments": ALL,
    },
}
# the sequences a role needs to add rows to a table (its ids)
SEQUENCES = {
    "documents": "documents_id_seq",
    "figures": "figures_id_seq",
    LOG: "events_id_seq",
    "decisions": "decisions_id_seq",
    "reference_rows": "reference_rows_id_seq",
}
# a row in one's own name, as the person who logged in: after SET ROLE to the project's group role a
# reviewer would otherwise decide as a second reviewer named after it, and settle a figure alone
OWN_NAME = "reviewer = current_user AND current_user = session_user"
# row-level security: (table, policy, command, roles, USING, WITH CHECK). A person adds rows only in
# their own name; a reviewer reads only their own decisions and their own part of the log (review is
# blind), an adjudicator and a manager read everyone's; a lease is changed only by its holder (or a
# manager). The tables' owner is not bound by them: the triggers keep the log append-only for it.
POLICIES = (
    ("decisions", "add_own", "INSERT", ROLES, None, OWN_NAME),
    ("decisions", "read_own", "SELECT", ("reviewer",), "reviewer = current_user", None),
    ("decisions", "read_all", "SELECT", ("adjudicator", "manager"), "true", None),
    (LOG, "add_own", "INSERT", ROLES, None, OWN_NAME),
    (LOG, "read_own", "SELECT", ("reviewer",), "reviewer = current_user OR figure_id IS NULL", None),
    (LOG, "read_all", "SELECT", ("adjudicator", "manager"), "true", None),
    ("leases", "read_all", "SELECT", ROLES, "true", None),
    ("leases", "take", "INSERT", ("reviewer", "adjudicator"), None, OWN_NAME),
    # a lease is taken over in one's own name only; whether it has expired the application asks
    # (a lease coordinates work, it guards no data)
    ("leases", "take_over", "UPDATE", ("reviewer", "adjudicator"), "true", OWN_NAME),
    ("leases", "give_back", "DELETE", ("reviewer", "adjudicator"), "reviewer = current_user", None),
    ("leases", "manage", "ALL", ("manager",), "true", "true"),
)


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def group_role(project: str, role: str) -> str:
    return f"{project}_{role}"


def existing_roles(connection: Connection, names: list[str]) -> list[str]:
    found = connection.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": names})
    return sorted(found.scalars())


def create_group_roles(connection: Connection, project: str) -> None:
    """The project's three group roles and their rights (the caller checked none exists yet)."""
    for role in ROLES:
        connection.execute(text(f"CREATE ROLE {quoted(group_role(project, role))} NOLOGIN"))
    grant_rights(connection, project)


def grant_rights(connection: Connection, project: str) -> None:
    """Every right of the project's roles and its row-level security, as this version wants them
    (again after an upgrade: a new table has none until it is granted)."""
    schema = quoted(project)
    connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC"))
    for role in ROLES:
        group = quoted(group_role(project, role))
        connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {group}"))
        connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {group}"))
        for table, rights in RIGHTS[role].items():
            connection.execute(text(f"GRANT {rights} ON {schema}.{quoted(table)} TO {group}"))
            if "INSERT" in rights and table in SEQUENCES:
                connection.execute(text(f"GRANT USAGE ON SEQUENCE {schema}.{quoted(SEQUENCES[table])} TO {group}"))
        # said outright, so that a later GRANT ALL by hand is the only way to loosen it
        connection.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{LOG} FROM {group}"))
        connection.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.decisions FROM {group}"))
    tables = sorted({policy[0] for policy in POLICIES})
    for table in tables:
        connection.execute(text(f"ALTER TABLE {schema}.{quoted(table)} ENABLE ROW LEVEL SECURITY"))
    for table, name, command, who, using, check in POLICIES:
        connection.execute(text(f"DROP POLICY IF EXISTS {quoted(name)} ON {schema}.{quoted(table)}"))
        groups = ", ".join(quoted(group_role(project, role)) for role in who)
        clauses = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
        connection.execute(
            text(f"CREATE POLICY {quoted(name)} ON {schema}.{quoted(table)} FOR {command} TO {groups}{clauses}")
        )


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
