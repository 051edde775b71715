"""Where the data files (lexicons, icons, translations) live.

The resources folder sits beside the package in a source checkout and inside the bundle of a
frozen application; REVIEWER_RESOURCES overrides both (tests, packagers).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("REVIEWER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
