"""The Document every reader returns, and the dispatch from a path to its reader."""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.display import shown, shown_path
from reviewer.i18n import _

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024
FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
# A FIFO opened without O_NONBLOCK waits for a writer forever; with it, open returns at once.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_os_open = os.open  # the one call that opens a source (a test makes it refuse, as root cannot be refused)
if TYPE_CHECKING:
    from reviewer.documents.tables import Table

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_HASH_CHUNK = 1024 * 1024


class DocumentError(Exception):
    """A file that cannot be imported; str() is one line naming the file and the reason.

    `reason` is already in the reviewer's language (made with `_`)."""

    def __init__(self, path: Path | str, reason: str):
        self.path = os.fspath(path)
        self.reason = shown(reason, limit=300)  # a library's message may hold a newline
        super().__init__(_("{path}: {reason}", path=shown_path(path), reason=self.reason))


class DocumentMissing(DocumentError):
    """The file does not exist (a source that went away, not a bad one)."""


@dataclass(frozen=True)
class Document:
    text: str  # as displayed; figure offsets index into it
    title: str
    date: date | None
    source: str  # the file it came from (the plain path, also for a split article)
    size: int  # bytes on disk
    sha256: str  # of the file's bytes: detects a changed source
    format: str  # txt, md, docx, pdf, html
    encoding: str | None = None
    page_starts: tuple[int, ...] = field(default=())  # PDF: offset where each page begins
    article: int | None = None  # 1..n for the articles split from one file; None for a whole file
    tables: tuple[Table, ...] = field(default=())  # in text order; cells index into text

    def table_at(self, offset: int) -> Table | None:
        """The table whose extent holds a text offset, or None."""
        from reviewer.documents.tables import table_at

        return table_at(self.tables, offset)

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
    tables: tuple[Table, ...] = ()  # tables the reader found while building the text
    # the publication date a web page's <meta> states: it wins over a date in the text. (The
    # creation dates of .docx and .pdf properties are not used: they are often a template's or a
    # converter's, and a wrong document date moves every relative period.)
    published: date | None = None


def read_document(path: str | Path, size_limit: int = DEFAULT_SIZE_LIMIT) -> Document:
    """Read any supported file; raises DocumentError (never anything else) for bad input."""
    from reviewer.documents.metadata import find_date, find_title

    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    raw = read_regular_file(path, size_limit)
    if fmt is None:
        raise DocumentError(
            path,
            _(
                "unsupported file type {suffix}: use .txt, .md, .docx, .pdf, .html or .htm",
                suffix=repr(path.suffix) if path.suffix else _("(none)"),
            ),
        )
    try:
        parsed = _reader(fmt)(raw, path)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError(path, _("too large to read into memory")) from exc
    except Exception as exc:  # a reader bug or a library's surprise must still name the file
        raise DocumentError(
            path, _("could not be read as {format}: {error}", format=fmt, error=f"{type(exc).__name__}: {exc}")
        ) from exc
    text = without_lone_surrogates(parsed.text)
    if not text.strip():
        raise DocumentError(path, _("contains no text"))
    tables = _tables(fmt, parsed, text)
    title = without_lone_surrogates(parsed.title) if parsed.title else None
    return Document(
        text=text,
        title=title or find_title(text) or without_lone_surrogates(path.stem),
        date=parsed.published or find_date(text),
        source=str(path),
        size=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        format=fmt,
        encoding=parsed.encoding,
        page_starts=parsed.page_starts,
        tables=tables,
    )


def _tables(fmt: str, parsed: RawText, text: str) -> tuple[Table, ...]:
    """The reader's own tables (their texts taken again from the final text, where lone
    surrogates were replaced one for one), or for plain text those its lines form (also for a
    PDF, whose text layer gives a table drawn without lines as lines of words and numbers)."""
    from reviewer.documents.tables import find_text_tables, retexted

    if fmt in ("txt", "md"):
        return find_text_tables(text)
    tables = retexted(parsed.tables, text) if parsed.tables and text is not parsed.text else parsed.tables
    if fmt == "pdf":  # the ruled tables pdfplumber found, and those drawn without lines
        from reviewer.documents.pdf_tables import without_overlaps

        return without_overlaps(tables, find_text_tables(text))
    return tables


def without_lone_surrogates(text: str) -> str:
    """Text with every lone surrogate (which no file can encode and no widget can show) replaced
    by U+FFFD, one for one, so figure offsets stay where they were. Cheap for the usual text:
    the store passes every value it writes through here."""
    if text.isascii() or _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def read_regular_file(path: Path, size_limit: int = DEFAULT_SIZE_LIMIT) -> bytes:
    """The bytes of a regular file of at most `size_limit` bytes; DocumentError otherwise."""
    fd = open_regular_file(path)
    try:
        with os.fdopen(fd, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > size_limit:
                raise DocumentError(
                    path,
                    _(
                        "is {size} MB, over the limit of {limit} MB",
                        size=f"{size / 1e6:.1f}",
                        limit=f"{size_limit / 1e6:.0f}",
                    ),
                )
            raw = fh.read(size_limit + 1)
    except OSError as exc:
        raise DocumentError(path, _cannot_read(exc)) from exc
    if len(raw) > size_limit:
        raise DocumentError(path, _("is over the limit of {limit} MB", limit=f"{size_limit / 1e6:.0f}"))
    if not raw.strip():
        raise DocumentError(path, _("the file is empty"))
    return raw


def file_sha256(path: str | Path) -> str:
    """The sha256 of a regular file's bytes, read in chunks; DocumentError (DocumentMissing when it
    is gone) for anything else, so a source replaced by a pipe or a device cannot hang a check."""
    fd = open_regular_file(Path(path))
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "rb") as fh:
            for chunk in iter(lambda: fh.read(_HASH_CHUNK), b""):
                digest.update(chunk)
    except OSError as exc:
        raise DocumentError(path, _cannot_read(exc)) from exc
    return digest.hexdigest()


def open_regular_file(path: Path) -> int:
    """A read-only descriptor of `path`, checked to be a regular file before it is opened (opening
    a named pipe waits for a writer; opening a device can have effects) and again after (the
    name may have been replaced in between)."""
    try:
        _require_regular(path, os.stat(path).st_mode)
    except FileNotFoundError as exc:
        raise DocumentMissing(path, _("no such file")) from exc
    except OSError as exc:
        raise DocumentError(path, _cannot_read(exc)) from exc
    except ValueError as exc:  # a NUL character in the name
        raise DocumentError(path, _("cannot be read ({error})", error=exc)) from exc
    return open_checked(path)


def open_checked(path: Path) -> int:
    """Open without blocking, then refuse what is not a regular file."""
    try:
        fd = _os_open(path, _OPEN_FLAGS)
    except FileNotFoundError as exc:
        raise DocumentMissing(path, _("no such file")) from exc
    except IsADirectoryError as exc:
        raise DocumentError(path, _("is a folder, not a file")) from exc
    except OSError as exc:
        raise DocumentError(path, _cannot_read(exc)) from exc
    try:
        _require_regular(path, os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise DocumentError(path, _("is a folder, not a file"))
    if stat.S_ISFIFO(mode):
        raise DocumentError(path, _("is a named pipe, not a regular file; refused"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise DocumentError(path, _("is a device, not a regular file; refused"))
    if stat.S_ISSOCK(mode):
        raise DocumentError(path, _("is a socket, not a regular file; refused"))
    raise DocumentError(path, _("is not a regular file; refused"))


def _cannot_read(exc: OSError) -> str:
    return _("cannot be read ({error})", error=exc.strerror or str(exc))


def _reader(fmt: str) -> Callable[[bytes, Path], RawText]:
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
