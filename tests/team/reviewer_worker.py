"""One reviewer in a process of their own, for the concurrency and crash tests: it opens a shared
project once and decides as it is told, printing one JSON line per thing the tests must know (what
it was told was committed, every error as the one line a user would see).

    python -m tests.team.reviewer_worker MODE URL SEED COUNT FIGURES_JSON [STOP_FILE]

MODE is "race" (COUNT decisions, single and several at once, in shuffled orders), "hold" (COUNT
decisions, then one decide_many over FIGURES paused inside its transaction until killed) or
"loop" (decisions with a client id until STOP_FILE exists; after a lost server it reconnects and
sends the same decision again, as the window's outbox does).
"""

from __future__ import annotations

import json
import random
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from reviewer.model import Status
from reviewer.store.errors import ServerUnreachable, StoreError
from reviewer.store.opening import open_project

CHOICES = (Status.CONFIRMED, Status.REJECTED, Status.CORRECTED)


def say(**what) -> None:
    print(json.dumps(what, ensure_ascii=False), flush=True)


def one_line(exc: StoreError) -> str:
    return str(exc) if "\n" not in str(exc) else "MORE THAN ONE LINE: " + repr(str(exc))


def told(events) -> list[list]:
    """What the project said it committed: (figure, status, corrected value) per event."""
    out = []
    for event in events:
        new = event.new or {}
        out.append([event.figure_id, new["status"], new.get("corrected_value")])
    return out


def decision(rng: random.Random) -> tuple[Status, dict]:
    status = rng.choice(CHOICES)
    fields = {"value": str(rng.choice((1, 2, 3))), "unit": "亿元"} if status is Status.CORRECTED else {}
    return status, fields


def race(project, rng: random.Random, count: int, figures: list[int]) -> None:
    committed: list[list] = []
    errors: list[str] = []
    done = 0
    while done < count:
        status, fields = decision(rng)
        try:
            if rng.random() < 0.25:  # several at once, each time in another order
                chosen = rng.sample(figures, rng.randint(2, 6))
                committed += told(project.decide_many(chosen, status, **fields))
                done += len(chosen)
            else:
                event = project.decide(rng.choice(figures), status, **fields)
                committed += told([event] if event else [])
                done += 1
        except StoreError as exc:
            errors.append(one_line(exc))
            done += 1
    say(committed=committed, errors=errors)


def hold(project, rng: random.Random, count: int, figures: list[int]) -> None:
    committed: list[list] = []
    for _ in range(count):
        status, fields = decision(rng)
        event = project.decide(rng.choice(figures), status, **fields)
        committed += told([event] if event else [])
    say(committed=committed)
    database = type(project._db)
    original = database.write

    @contextmanager
    def paused(self):
        with original(self) as db:
            yield db
            say(holding=True)  # every statement ran, the commit has not: wait to be killed
            time.sleep(600)

    database.write = paused
    # a correction never made before: it changes every figure, so the transaction holds them all
    project.decide_many(figures, Status.CORRECTED, value="99", unit="亿元")
    say(error="the transaction was not killed")


def loop(project, rng: random.Random, name: str, figures: list[int], stop: Path) -> None:
    standing: dict[int, str] = {}
    number = 0
    while not stop.exists():
        figure = rng.choice(figures)
        # always a change of the reviewer's own decision, so that each one is written
        status = rng.choice([s for s in (Status.CONFIRMED, Status.REJECTED) if s.value != standing.get(figure)])
        number += 1
        client_id = f"{name}-{number}"
        while True:
            try:
                project.decide(figure, status, client_id=client_id)
                say(committed=client_id, figure=figure, status=status.value)
                break
            except ServerUnreachable as exc:
                say(unreachable=client_id, message=one_line(exc))
                reconnect(project, stop)
        standing[figure] = status.value
    say(stopped=number)


def reconnect(project, stop: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            project.reconnect()
            return
        except ServerUnreachable:
            time.sleep(0.2)
    say(error="the server did not come back")
    sys.exit(1)


def main() -> None:
    mode, url, seed, count, figures_json, *rest = sys.argv[1:]
    rng = random.Random(int(seed))
    figures = json.loads(figures_json)
    try:
        project = open_project(url)
    except StoreError as exc:
        say(errors=[one_line(exc)], committed=[])
        return
    with project:
        if mode == "race":
            race(project, rng, int(count), figures)
        elif mode == "hold":
            hold(project, rng, int(count), figures)
        else:
            loop(project, rng, project.reviewer, figures, Path(rest[0]))


if __name__ == "__main__":
    main()
