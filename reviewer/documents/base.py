"""The Document every reader returns, and the dispatch by file type."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewer.documents.metadata import find_date, find_title

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024


class DocumentError(Exception):
    """A file that cannot be imported; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    date: date | None
    source: str
    size: int
    sha256: str
    format: str
    encoding: str | None = None


def read_document(path: str | Path, size_limit: int = DEFAULT_SIZE_LIMIT) -> Document:
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "no such file")
    if path.is_dir():
        raise DocumentError(path, "is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > size_limit:
            raise DocumentError(path, f"file is {size / 1e6:.1f} MB, over the limit of {size_limit / 1e6:.0f} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    from reviewer.documents.text import decode_text

    text, encoding = decode_text(raw, path)
    return Document(
        text=text,
        title=find_title(text) or path.stem,
        date=find_date(text),
        source=str(path),
        size=size,
        sha256=hashlib.sha256(raw).hexdigest(),
        format="txt",
        encoding=encoding,
    )
