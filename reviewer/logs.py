"""The application's log: a rotating file in the user's log folder, one a user can attach to a
bug report (Help > Open log folder)."""
from __future__ import annotations

import logging
import logging.handlers
import sys

from reviewer.paths import user_log_dir

LOG_NAME = "figure-reviewer.log"


def setup_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_reviewer", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    console._reviewer = True  # type: ignore[attr-defined]
    root.addHandler(console)
    try:
        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError as exc:
        root.warning("no log file (%s); logging to the terminal only", exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._reviewer = True  # type: ignore[attr-defined]
    root.addHandler(handler)
