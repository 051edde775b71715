"""One reviewer's script for the concurrency test: `reviewer decide` on each of its figures, run
through reviewer.cli.main in this process (a process of its own, as 8 scripts would be), retrying
a decision that found the project being written, as a script should. Prints a JSON list of what
each decision reported.

    python -m tests.cli.decide_worker PROJECT NAME START_AT ID...
"""
import contextlib
import io
import json
import sys
import time

from reviewer import cli

LOCKED = "another program or window is writing the project"
ATTEMPTS = 50


def decision_of(figure: int) -> list[str]:
    return [["confirm"], ["reject"], ["correct", f"{figure}.5"]][figure % 3]


def main(project: str, name: str, start_at: float, ids: list[int]) -> list[dict]:
    time.sleep(max(0.0, start_at - time.time()))  # every worker starts at once
    results = []
    for figure in ids:
        words = decision_of(figure)
        attempts = 0
        while True:
            attempts += 1
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = cli.main(["decide", project, str(figure), *words, "--reviewer", name, "--wait", "2"])
            if code != 2 or LOCKED not in err.getvalue() or attempts == ATTEMPTS:
                break
        results.append({"figure": figure, "words": words, "code": code, "message": err.getvalue().strip(),
                        "attempts": attempts})
    return results


if __name__ == "__main__":
    project, name, start_at, *ids = sys.argv[1:]
    print(json.dumps(main(project, name, float(start_at), [int(i) for i in ids])))
