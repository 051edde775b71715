"""One file holding several articles (a "-" line, a title, the body, a date line) becomes one
Document per article, each with its own title and date, when the user asks for it. Articles are
numbered 1..n in `Document.article`; `source` stays the file's path."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from reviewer.documents.base import Document
from reviewer.documents.metadata import find_date, find_title, trailing_date_line
from reviewer.documents.tables import shifted

SEPARATOR = re.compile(r"^[ \t]*[-—]{1,3}[ \t]*$", re.MULTILINE)
MIN_ARTICLE_CHARS = 20


def split_articles(doc: Document) -> list[Document]:
    """The articles of doc; a document with no separators comes back as it is."""
    cuts = [m for m in SEPARATOR.finditer(doc.text)]
    if not cuts:
        return [doc]
    bounds = [0] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(doc.text)]
    articles: list[Document] = []
    for number, (start, end) in enumerate(zip(bounds, ends, strict=True), 1):
        piece = doc.text[start:end]
        body = piece.strip("\n")
        first = start + len(piece) - len(piece.lstrip("\n"))
        if len(body.strip()) < MIN_ARTICLE_CHARS:
            continue
        articles.append(
            replace(
                doc,
                text=body,
                title=find_title(body) or f"{doc.title} ({number})",
                date=trailing_date_line(body) or find_date(body) or doc.date,
                article=len(articles) + 1,
                size=len(body.encode("utf-8")),
                sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
                page_starts=(),
                tables=shifted(doc.tables, first, first + len(body)),
            )
        )
    return articles or [doc]
