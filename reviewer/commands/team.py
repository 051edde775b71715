"""`reviewer team init URL`, `reviewer team add URL NAME --role ROLE`: a team's shared project on a
PostgreSQL server (issue 15)."""

from __future__ import annotations

import sys

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
