"""A PROJECT word that is a URL (postgresql://host/db?project=NAME) names a shared project, which
the commands here do not open yet: refused in one line, without the URL's password."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from reviewer.display import shown, shown_path
from reviewer.i18n import _
from reviewer.store import StoreError

# a scheme and '://': no project file is named so ('C:\\x.frp' has no '//', 'a:b.frp' no scheme slashes)
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(word: str) -> bool:
    return URL.match(word) is not None


def without_password(url: str) -> str:
    """The URL as it may be shown: user and host kept, a password never."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.rsplit("@", 1)[1]
        user = f"{parts.username}@" if parts.username else ""
        return urlunsplit(parts._replace(netloc=user + netloc))
    except ValueError:  # a malformed URL: its scheme is enough to say what it is
        return url.split("://", 1)[0] + "://…"


def project_file(word: str, command: str) -> Path:
    """The project file a PROJECT word names; a URL is refused (StoreError, exit 2)."""
    if is_url(word):
        raise StoreError(
            _(
                "{url}: shared projects (URLs) are not supported by reviewer {command} yet; give a project file (.frp)",
                url=shown(without_password(word)),
                command=command,
            )
        )
    return Path(word)


def shown_project(word: str) -> str:
    """A PROJECT word as messages name it: a file's path, or a URL without its password."""
    return shown(without_password(word)) if is_url(word) else shown_path(word)
