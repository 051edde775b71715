"""`reviewer team init URL`, `reviewer team add URL NAME --role ROLE`, `reviewer team assign URL
DOCUMENT --to NAMES [--needs N]`: a team's shared project on a PostgreSQL server."""

from __future__ import annotations

import sys

from reviewer.display import shown
from reviewer.i18n import _
from reviewer.store.locations import parse_server_url
from reviewer.store.server import add_person, init_project
from reviewer.store.upgrade import head_revision


def say(message: str) -> None:
    print(message, file=sys.stderr)


def run_team_init(url: str) -> int:
    location = parse_server_url(url)
    init_project(location)
    say(_("{url}: project {project} created (schema version {version})", url=location,
          project=location.project, version=head_revision()))
    return 0


def run_team_add(url: str, person: str, role: str) -> int:
    location = parse_server_url(url)
    created = add_person(location, person, role)
    say(_("{url}: {person} is now {role} of project {project}", url=location, person=person,
          role=role, project=location.project))
    if created:
        say(_("{person}: a new database role without a password: its password is set on the server "
              "(psql: \\password {person}), never by this program", person=person))
    return 0


def run_team_assign(url: str, document: str, to: str, needs: int | None) -> int:
    """The manager gives a document to reviewers; `needs` of them (all, at most 3, by default)
    decide each figure before the database settles it by their agreement."""
    from reviewer.commands.dates import find_document
    from reviewer.store.errors import StoreError
    from reviewer.store.opening import open_project

    names = sorted({name.strip() for name in to.split(",") if name.strip()})
    if not names:
        raise StoreError(_("--to: name at least one reviewer"))
    needed = needs if needs is not None else min(len(names), 3)
    if needed > len(names):
        raise StoreError(_("--needs {count}: more reviewers than the {given} named", count=needed, given=len(names)))
    with open_project(url) as project:
        doc = find_document(project, document)
        project.assign(doc.id, names, needed)
        where = project.where
    say(_("{url}: {title} given to {names}; {count} of them decide each figure", url=where, title=shown(doc.title),
          names=", ".join(names), count=needed))
    return 0
