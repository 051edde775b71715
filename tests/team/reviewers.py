"""A shared project with a team of reviewers for the concurrency and crash tests, and each reviewer
as a process of their own (tests/team/reviewer_worker.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reviewer.documents import read_document
from reviewer.extract import ENGINE_VERSION, extract
from reviewer.store.locations import parse_server_url
from reviewer.store.opening import open_project
from reviewer.store.server import add_person, init_project

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "desk"
REPORTS = ("seeds/000_71bace37cc241901.txt", "seeds/001_c85b7cdc4e083cd4.txt", "seeds/002_fbffba0dc127f8f7.txt")


def as_person(database_url: str, person: str) -> str:
    """The project's URL for `person` (the database's URL names the superuser)."""
    user = database_url.split("://", 1)[1].split("@", 1)[0]
    return f"{database_url}?project={PROJECT}".replace(f"://{user}@", f"://{person}@", 1)


def make_team(
    database_url: str, reviewers: list[str], needed: tuple[int, ...], per_document: int
) -> dict[int, list[int]]:
    """The project with `reviewers`, an adjudicator `ada` and a manager `max`; one report per entry
    of `needed` (how many reviewers it needs), assigned to all; returns `per_document` figures of each."""
    location = parse_server_url(f"{database_url}?project={PROJECT}")
    init_project(location)
    for person in reviewers:
        add_person(location, person, "reviewer")
    add_person(location, "ada", "adjudicator")
    add_person(location, "max", "manager")
    figures: dict[int, list[int]] = {}
    with open_project(as_person(database_url, "max")) as manager:
        for report, count in zip(REPORTS, needed, strict=False):
            doc = read_document(ROOT / report)
            doc_id = manager.add_document(doc, extract(doc.text, doc.date), ENGINE_VERSION)
            manager.assign(doc_id, reviewers, needed=count)
            figures[doc_id] = [f.id for f in manager.figures(doc_id)][:per_document]
    return figures


def start(mode: str, url: str, seed: int, count: int, figures: list[int], *rest: str) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.team.reviewer_worker", mode, url, str(seed), str(count), json.dumps(figures),
         *rest],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT,
    )


def said(process: subprocess.Popen, timeout: float = 600) -> list[dict]:
    """Every line the worker printed, once it has ended; nothing on its stderr (no traceback)."""
    out, err = process.communicate(timeout=timeout)
    assert err == "", err
    return [json.loads(line) for line in out.splitlines()]
