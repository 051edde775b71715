"""The application's log: a rotating file in the user's log folder, one a user can attach to a
bug report (Help > Open log folder)."""
from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from reviewer.paths import user_log_dir

LOG_NAME = "figure-reviewer.log"


def log_file() -> Path:
    """Where the log is written (it may not exist yet)."""
    return user_log_dir() / LOG_NAME


def setup_logging(verbose: bool = False) -> Path | None:
    """Warnings to the terminal, everything from INFO up to the log file; returns the log file
    (None when it cannot be written). Calling it again changes nothing."""
    root = logging.getLogger()
    mine = [h for h in root.handlers if getattr(h, "_reviewer", False)]
    if mine:
        files = [h for h in mine if isinstance(h, logging.FileHandler)]
        return Path(files[0].baseFilename) if files else None
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    console._reviewer = True  # type: ignore[attr-defined]
    root.addHandler(console)
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        root.warning("no log file (%s); logging to the terminal only", exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._reviewer = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


def log_to_file_only(message: str, exc_info=None) -> Path | None:
    """Write an error with its trace to the log file and not to the terminal (a user sees one
    line about it instead); returns the log file, or None when there is none."""
    path = setup_logging()
    if path is None:
        return None
    record = logging.getLogger("reviewer").makeRecord("reviewer", logging.ERROR, __file__, 0, message, (),
                                                      exc_info)
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_reviewer", False) and isinstance(handler, logging.FileHandler):
            handler.handle(record)
            handler.flush()
    return path
