"""A saved web page: the readable text only (no scripts, styles or navigation), paragraphs kept.

Pages are parsed with lxml's HTML parser (libxml2): linear time whatever the markup, where
Python's html.parser is quadratic on a page of unclosed tags. The parser hands its events to a
target instead of building a tree, so thousands of unclosed tags neither hit libxml2's tree
depth limit (which would drop the rest of the page) nor exhaust a stack.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from reviewer.documents.base import RawText, without_lone_surrogates
from reviewer.documents.charsets import declared_codec
from reviewer.documents.text import BOMS, decode_text

SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "head",
    "menu",
    "title",
    "object",
    "math",
}
BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "main",
    "figure",
    "figcaption",
    "center",
    "address",
    "caption",
    "details",
    "summary",
    "tbody",
    "thead",
    "tfoot",
}
CELL = {"td", "th"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-.:]+)""", re.IGNORECASE)
SPACES = re.compile(r"[ \t\u00a0]+")
# A declared charset whose decoding reads this messy (charset-normalizer's measure: mojibake
# such as "½ñÄêÇ°" scores above 1, real text 0) was the wrong one: detect instead.
MAX_MESS = 0.1
MESS_SAMPLE = 20000


def read_html(raw: bytes, path: Path) -> RawText:
    text, encoding = _decode(raw, path)
    readable = _Readable()
    parser = etree.HTMLParser(target=readable, encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    etree.fromstring(without_lone_surrogates(text).encode("utf-8"), parser)
    lines = []
    for line in "".join(readable.parts).split("\n"):
        line = SPACES.sub(lambda m: "\t" if "\t" in m.group() else " ", line).strip()
        if line:
            lines.append(line)
    title = " ".join("".join(readable.title_parts).split()) or None
    return RawText("\n".join(lines), encoding=encoding, title=title)


class _Readable:
    """lxml parser target (events, no tree: no depth limit, nothing lost to deep nesting): the
    text outside skipped elements, a line break around blocks, a tab before cells."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skipping = 0  # depth inside skipped elements
        self.in_title = 0
        self.title_done = False

    def start(self, tag: str, attrib: object) -> None:
        if tag == "title" and not self.title_done:
            self.in_title += 1
        if tag in SKIP:
            self.skipping += 1
        elif self.skipping == 0:
            if tag in BLOCK:
                self.parts.append("\n")
            elif tag in CELL:
                self.parts.append("\t")

    def end(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title -= 1
            self.title_done = self.in_title == 0
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping == 0 and tag in BLOCK:
            self.parts.append("\n")

    def data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.skipping == 0:
            self.parts.append(data)

    def comment(self, text: str) -> None:
        pass

    def close(self) -> None:
        return None


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """A byte order mark decides; then valid UTF-8 (which no other encoding's text happens to
    be); then the page's declared charset if it is a real text encoding and reads cleanly;
    else detection, as for plain text."""
    if any(raw.startswith(bom) for bom, _ in BOMS):
        return decode_text(raw, path)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = META_CHARSET.search(raw[:4096])
    codec = declared_codec(declared.group(1).decode("ascii")) if declared else None
    if codec is not None:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if _reads_cleanly(text):
                return text, codec
    return decode_text(raw, path)


def _reads_cleanly(text: str) -> bool:
    from charset_normalizer.md import mess_ratio

    return "\ufffd" not in text and mess_ratio(text[:MESS_SAMPLE], maximum_threshold=1.0) <= MAX_MESS
