"""Who is working on a shared project: the person (their database role) and their role in the
project (reviewer, adjudicator or manager), read from the server's own role memberships, so that
what the window offers and what the database allows are the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.display import shown
from reviewer.i18n import _
from reviewer.store import roles
from reviewer.store.database import Database
from reviewer.store.errors import ProjectTooNew, ServerRefused, StoreError
from reviewer.store.locations import ServerLocation


@dataclass(frozen=True)
class Team:
    project: str  # the project's schema on the server
    person: str  # the database role the person logged in as
    role: str  # "reviewer", "adjudicator" or "manager" (the project's owner is its manager)


def team_for(db: Database, location: ServerLocation, reviewer: str | None) -> Team:
    project = location.project
    person = str(db.scalar("SELECT current_user"))
    if reviewer and reviewer != person:
        raise StoreError(
            _(
                "{url}: connected as {person}, not {name}: on a shared project each person connects as "
                "their own database role (put {name}@ in the URL)",
                url=location,
                person=shown(person),
                name=shown(reviewer),
            )
        )
    owner = db.scalar(
        "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = :project", {"project": project}
    )
    if owner is None:
        raise ServerRefused(
            _(
                "{url}: there is no project {project} on this server; create it with reviewer team init",
                url=location,
                project=project,
            )
        )
    superuser = bool(db.scalar("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    check_version(db, location, may_upgrade=person == owner or superuser)
    if person == owner or superuser:
        return Team(project, person, "manager")
    groups = {roles.group_role(project, role): role for role in roles.ROLES}
    member_of = {
        row["rolname"]
        for row in db.rows(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(:groups) AND pg_has_role(current_user, oid, 'MEMBER')",
            {"groups": list(groups)},
        )
    }
    for role in ("manager", "adjudicator", "reviewer"):  # the strongest role one holds counts
        if roles.group_role(project, role) in member_of:
            return Team(project, person, role)
    raise ServerRefused(
        _(
            "{url}: {person} is not a member of the project {project}; its manager adds people with reviewer team add",
            url=location,
            person=shown(person),
            project=project,
        )
    )


def check_version(db: Database, location: ServerLocation, may_upgrade: bool) -> None:
    """A project made by a newer version is refused, as a newer .frp file is; an older one is taken
    to this version's schema by its owner (who may change tables), and refused to everyone else."""
    from reviewer.store.upgrade import head_revision, known_revisions, upgrade

    current = db.scalar("SELECT version_num FROM alembic_version")
    if current is not None and current not in known_revisions():
        raise ProjectTooNew(
            _(
                "{url}: was made by a newer figure-reviewer (schema {version}); update the application",
                url=location,
                version=shown(str(current)),
            )
        )
    if current == head_revision():
        return
    if not may_upgrade:
        raise ServerRefused(
            _(
                "{url}: the project was made by an older figure-reviewer; its owner opens it once to upgrade it",
                url=location,
            )
        )
    with db.write():
        upgrade(db.connection, schema=location.project)
        roles.grant_rights(db.connection, location.project)
