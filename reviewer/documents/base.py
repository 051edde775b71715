"""The Document every reader returns, and the dispatch from a path to its reader."""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
           ".html": "html", ".htm": "html", ".xhtml": "html"}


class DocumentError(Exception):
    """A file that cannot be imported; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    text: str                 # as displayed; figure offsets index into it
    title: str
    date: date | None
    source: str               # the file it came from
    size: int                 # bytes on disk
    sha256: str               # of the file's bytes: detects a changed source
    format: str               # txt, md, docx, pdf, html
    encoding: str | None = None
    page_starts: tuple[int, ...] = field(default=())  # PDF: offset where each page begins

    def page_at(self, offset: int) -> int | None:
        """1-based page number of a text offset, for formats that have pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


@dataclass(frozen=True)
class RawText:
    """What a format reader hands back before metadata is found."""

    text: str
    encoding: str | None = None
    title: str | None = None
    page_starts: tuple[int, ...] = ()


def read_document(path: str | Path, size_limit: int = DEFAULT_SIZE_LIMIT) -> Document:
    """Read any supported file; raises DocumentError (never anything else) for bad input."""
    from reviewer.documents.metadata import find_date, find_title

    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    raw = _read_bytes(path, size_limit)
    if fmt is None:
        raise DocumentError(path, f"unsupported file type {path.suffix or '(none)'!r}: "
                                  "use .txt, .md, .docx, .pdf, .html or .htm")
    try:
        parsed = _reader(fmt)(raw, path)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError(path, "too large to read into memory") from exc
    except Exception as exc:  # a reader bug or a library's surprise must still name the file
        raise DocumentError(path, f"could not be read as {fmt}: {type(exc).__name__}: {exc}") from exc
    text = parsed.text
    if not text.strip():
        raise DocumentError(path, "contains no text")
    return Document(
        text=text,
        title=parsed.title or find_title(text) or path.stem,
        date=find_date(text),
        source=str(path),
        size=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        format=fmt,
        encoding=parsed.encoding,
        page_starts=parsed.page_starts,
    )


def _read_bytes(path: Path, size_limit: int) -> bytes:
    try:
        if not path.exists():
            raise DocumentError(path, "no such file")
        if path.is_dir():
            raise DocumentError(path, "is a folder, not a file")
        size = path.stat().st_size
        if size > size_limit:
            raise DocumentError(path, f"is {size / 1e6:.1f} MB, over the limit of {size_limit / 1e6:.0f} MB")
        with open(path, "rb") as fh:
            raw = fh.read(size_limit + 1)
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if len(raw) > size_limit:
        raise DocumentError(path, f"is over the limit of {size_limit / 1e6:.0f} MB")
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    return raw


def _reader(fmt: str):
    if fmt in ("txt", "md"):
        from reviewer.documents.text import read_text
        return read_text
    if fmt == "docx":
        from reviewer.documents.docx import read_docx
        return read_docx
    if fmt == "pdf":
        from reviewer.documents.pdf import read_pdf
        return read_pdf
    from reviewer.documents.html import read_html
    return read_html
