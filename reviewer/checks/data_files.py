"""The lines of the checks' data files in resources/checks/ (word lists and tables a user may
extend): comment lines (#) and blank lines left out."""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.resources import resource


def data_lines(name: str) -> Iterator[str]:
    """The lines of resources/checks/NAME without their newline, comments and blank lines left out."""
    with open(resource("checks", name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line
