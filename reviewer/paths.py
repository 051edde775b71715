"""Per-user folders (settings, cache, logs, user lexicons), in the platform's proper places."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "figure-reviewer"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    return Path(os.environ.get("REVIEWER_CONFIG_DIR") or _dirs().user_config_dir)


def user_cache_dir() -> Path:
    return Path(os.environ.get("REVIEWER_CACHE_DIR") or _dirs().user_cache_dir)


def user_log_dir() -> Path:
    return Path(os.environ.get("REVIEWER_LOG_DIR") or _dirs().user_log_dir)


def user_data_dir() -> Path:
    return Path(os.environ.get("REVIEWER_DATA_DIR") or _dirs().user_data_dir)
