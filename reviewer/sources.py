"""Which imported documents no longer match their source file on disk (changed or missing).

The store never reads source files; this module does, and tells the store which documents to
flag (the window shows the flag). An article of a split file is compared by its own text.
"""
from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from reviewer.documents import DocumentError, read_document
from reviewer.documents.base import Document
from reviewer.documents.split import split_articles
from reviewer.i18n import N_, _
from reviewer.store import Project, StoredDocument

CHANGED = N_("the file changed on disk since it was imported")
MISSING = N_("the file is missing")
NOT_A_FILE = N_("is not a regular file")


def changed_sources(project: Project) -> list[tuple[StoredDocument, str]]:
    """Documents whose source differs from what was imported (sha256) or is gone, each with a
    one-line reason in the reviewer's language. In a writable project the flags are updated."""
    changed: list[tuple[StoredDocument, str]] = []
    articles: dict[str, dict[int, str]] = {}  # file -> {article number: sha256}
    for doc in project.documents():
        try:
            if doc.article is not None:
                if doc.source not in articles:
                    articles[doc.source] = {article_number(a, n): a.sha256
                                            for n, a in enumerate(split_articles(read_document(doc.source)), 1)}
                digest = articles[doc.source].get(doc.article)
            else:
                digest = file_digest(Path(doc.source))
        except FileNotFoundError:
            changed.append((doc, _(MISSING)))
            continue
        except DocumentError as exc:
            changed.append((doc, exc.reason))
            continue
        except OSError as exc:
            changed.append((doc, _("the file cannot be read ({reason})", reason=exc.strerror or exc)))
            continue
        if digest != doc.sha256:
            changed.append((doc, _(CHANGED)))
    if not project.read_only:
        project.mark_changed_sources({doc.id for doc, _reason in changed})
    return changed


def article_number(article: Document, position: int) -> int:
    number = getattr(article, "article", None)  # Document.article (the documents layer numbers them)
    return number if number is not None else position


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, read in blocks (a source may be large)."""
    digest = hashlib.sha256()
    if not stat.S_ISREG(path.stat().st_mode):  # opening a named pipe would wait forever
        raise DocumentError(path, _(NOT_A_FILE))
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
