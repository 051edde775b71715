"""A saved web page: the readable text only (no scripts, styles or navigation), paragraphs kept."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from reviewer.documents.base import RawText
from reviewer.documents.text import decode_text

SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
        "iframe", "button", "select", "head", "menu"}
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
         "article", "blockquote", "pre", "dd", "dt", "dl", "hr", "main", "figure", "figcaption", "center"}
CELL = {"td", "th"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class _Readable(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in SKIP:
            self.skip_depth += 1
        elif tag in BLOCK:
            self.parts.append("\n")
        elif tag in CELL:
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
            self.title = "".join(self._title_parts).strip() or None
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self._title_parts.append(data)
        if self.skip_depth == 0:
            self.parts.append(data)


def read_html(raw: bytes, path: Path) -> RawText:
    text, encoding = _decode(raw, path)
    parser = _Readable()
    parser.feed(text)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = re.sub(r"[ \t\u00a0]+", lambda m: "\t" if "\t" in m.group() else " ", line).strip()
        if line:
            lines.append(line)
    return RawText("\n".join(lines), encoding=encoding, title=parser.title)


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    declared = META_CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
        try:
            return raw.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(raw, path)
