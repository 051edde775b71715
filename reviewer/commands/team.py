"""`reviewer team init URL`: a team's shared project on a PostgreSQL server (issue 15)."""

from __future__ import annotations

import sys

from reviewer.i18n import _
from reviewer.store.locations import parse_server_url
from reviewer.store.server import init_project
from reviewer.store.upgrade import head_revision


def say(message: str) -> None:
    print(message, file=sys.stderr)


def run_team_init(url: str) -> int:
    location = parse_server_url(url)
    init_project(location)
    say(_("{url}: project {project} created (schema version {version})", url=location,
          project=location.project, version=head_revision()))
    return 0
