"""A saved web page: the readable text only (no scripts, styles or navigation), paragraphs kept.

Pages are parsed with lxml's HTML parser (libxml2): linear time whatever the markup, where
Python's html.parser is quadratic on a page of unclosed tags. The parser hands its events to a
target instead of building a tree, so thousands of unclosed tags neither hit libxml2's tree
depth limit (which would drop the rest of the page) nor exhaust a stack.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree

from reviewer.documents.base import RawText, without_lone_surrogates
from reviewer.documents.charsets import declared_codec
from reviewer.documents.metadata import leading_date
from reviewer.documents.tables import MAX_SPAN, RawCell, Span, Table, build_table
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
# A cell holding more than this many characters holds prose: its table lays out a page.
MAX_DATA_CELL_CHARS = 300
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-.:]+)""", re.IGNORECASE)
SPACES = re.compile(r"[ \t\u00a0]+")
# A declared charset whose decoding reads this messy (charset-normalizer's measure: mojibake
# such as "½ñÄêÇ°" scores above 1, real text 0) was the wrong one: detect instead.
MAX_MESS = 0.1
MESS_SAMPLE = 20000


# <meta> names under which pages state when they were published: Open Graph / schema.org
# (article:published_time, datePublished), Dublin Core (DC.date), and the names of Chinese news
# and government sites (PubDate, publishdate, firstpublishedtime)
PUBLISHED_META = frozenset(
    name.lower()
    for name in (
        "article:published_time",
        "og:published_time",
        "datePublished",
        "DC.date",
        "DC.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "PubDate",
        "publishdate",
        "publish_date",
        "pubtime",
        "firstpublishedtime",
        "date",
        "publication_date",
        "citation_publication_date",
        "parsely-pub-date",
        "sailthru.date",
    )
)


def published_date(attrib: Any) -> date | None:
    """The publication date a <meta> element states, or None."""
    name = str(attrib.get("name") or attrib.get("property") or attrib.get("itemprop") or "").strip().lower()
    if name not in PUBLISHED_META:
        return None
    return leading_date(str(attrib.get("content") or ""))


def read_html(raw: bytes, path: Path) -> RawText:
    text, encoding = _decode(raw, path)
    readable = _Readable()
    parser = etree.HTMLParser(target=readable, encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    etree.fromstring(without_lone_surrogates(text).encode("utf-8"), parser)
    joined = "".join(readable.parts)
    marks = sorted({at for table in readable.tables for at in table.offsets()})
    full, moved = _lines_of(joined, marks)
    tables = []
    for found in readable.tables:
        table = found.build(full, moved)
        if table is not None:
            tables.append(table)
    title = " ".join("".join(readable.title_parts).split()) or None
    return RawText(full, encoding=encoding, title=title, tables=tuple(tables), published=readable.published)


def _lines_of(joined: str, marks: list[int]) -> tuple[str, dict[int, int]]:
    """The readable text: each line's runs of blanks made one (a tab where there was one),
    trimmed, blank lines dropped; and where each offset of `marks` (sorted offsets into
    `joined`) went in it."""
    lines = []
    moved: dict[int, int] = {}
    out = 0  # where the next line starts in the text
    raw = 0  # where the current line starts in joined
    m = 0
    for line in joined.split("\n"):
        end = raw + len(line)
        if m < len(marks) and marks[m] <= end:
            squeezed, shift = _squeezed(line, [at - raw for at in marks[m : _upto(marks, m, end)]])
            kept = squeezed.strip()
            lead = len(squeezed) - len(squeezed.lstrip())
            for x in shift:
                moved[marks[m]] = out + min(max(x - lead, 0), len(kept))
                m += 1
        else:
            kept = SPACES.sub(lambda s: "\t" if "\t" in s.group() else " ", line).strip()
        if kept:
            lines.append(kept)
            out += len(kept) + 1
        raw = end + 1
    return "\n".join(lines), moved


def _upto(marks: list[int], m: int, end: int) -> int:
    while m < len(marks) and marks[m] <= end:
        m += 1
    return m


def _squeezed(line: str, at: list[int]) -> tuple[str, list[int]]:
    """The line with its runs of blanks made one, and where the offsets `at` (sorted) went."""
    pieces = []
    moved = []
    done = 0  # characters of line consumed
    size = 0  # length of the squeezed line so far
    k = 0
    for run in SPACES.finditer(line):
        while k < len(at) and at[k] <= run.start():
            moved.append(size + at[k] - done)
            k += 1
        pieces.append(line[done : run.start()])
        size += run.start() - done
        while k < len(at) and at[k] <= run.end():
            moved.append(size + (0 if at[k] == run.start() else 1))
            k += 1
        pieces.append("\t" if "\t" in run.group() else " ")
        size += 1
        done = run.end()
    pieces.append(line[done:])
    while k < len(at):
        moved.append(size + at[k] - done)
        k += 1
    return "".join(pieces), moved


class _Table:
    """A <table> as it is read: its rows of cells at offsets into the joined parts."""

    def __init__(self) -> None:
        self.rows: list[list[RawCell]] = []
        self.header: list[bool] = []  # per row: in <thead>, or only <th> cells
        self.cell: RawCell | None = None
        self.layout = False  # holds a table, or says it is for layout: not a table of data
        self.cell_chars = 0  # characters of the cell being read (blanks around pieces not counted)
        self.longest = 0  # of its cells
        self.breaks: list[int] = []  # parts that break a line inside a cell, or in the markup's layout
        self.caption: list[int] = []  # [start, end] of its <caption>
        self.in_thead = False

    def offsets(self) -> list[int]:
        return [at for row in self.rows for cell in row for at in (cell.start, cell.end)] + self.caption

    def build(self, text: str, moved: dict[int, int]) -> Table | None:
        rows = [
            [RawCell(moved[c.start], max(moved[c.start], moved[c.end]), c.colspan, c.rowspan, c.is_header) for c in row]
            for row in self.rows
        ]
        leading = next((r for r, is_header in enumerate(self.header) if not is_header), len(self.header))
        caption = None
        if len(self.caption) == 2:
            # the text may end before the caption's markup does ("<caption><div>表1" left open)
            start, end = min(moved[self.caption[0]], len(text)), min(moved[self.caption[1]], len(text))
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                caption = Span(start, end, text[start:end])
        return build_table(text, rows, "html", leading or None, caption, look_around=True)


def _span(attrib: Any, name: str) -> int:
    """colspan or rowspan as HTML reads them: not a number or negative is 1, a colspan of 0 is
    1, a rowspan of 0 reaches the end of the table."""
    try:
        value = int(str(attrib.get(name, "1")).strip() or "1")
    except (ValueError, TypeError):
        return 1
    if value < 0 or (value == 0 and name == "colspan"):
        return 1
    return min(value, MAX_SPAN if name == "colspan" else 65534)


class _Readable:
    """lxml parser target (events, no tree: no depth limit, nothing lost to deep nesting): the
    text outside skipped elements, a line break around blocks, a tab before cells; the tables of
    data (those holding no other table) with their cells, whose blocks are read as spaces so
    that each row is a line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0  # of the parts so far
        self.title_parts: list[str] = []
        self.skipping = 0  # depth inside skipped elements
        self.in_title = 0
        self.title_done = False
        self.published: date | None = None  # from the page's <meta> (news sites state it)
        self.open: list[_Table] = []
        self.tables: list[_Table] = []

    def _add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def _block(self) -> None:
        top = self.open[-1] if self.open else None
        if top is not None and top.cell is not None:
            top.breaks.append(len(self.parts))
        self._add("\n")

    def start(self, tag: str, attrib: Any) -> None:
        if tag == "title" and not self.title_done:
            self.in_title += 1
        if tag == "meta" and attrib is not None and self.published is None:
            self.published = published_date(attrib)
        if tag in SKIP:
            self.skipping += 1
        elif self.skipping == 0:
            if tag == "table":
                if self.open:
                    self.open[-1].layout = True
                self._block()
                self.open.append(_Table())
                role = str(attrib.get("role", "")).strip().lower() if attrib is not None else ""
                if role in ("presentation", "none"):
                    self.open[-1].layout = True
                return
            top = self.open[-1] if self.open else None
            if tag in BLOCK:
                if top is not None and tag == "tr":
                    self._close_cell(top)
                    top.rows.append([])
                    top.header.append(top.in_thead)
                if top is not None and tag == "thead":
                    top.in_thead = True
                self._block()
                if top is not None and tag == "caption" and not top.caption:
                    top.caption = [self.length]
            elif tag in CELL:
                self._add("\t")
                if top is not None:
                    self._close_cell(top)
                    if not top.rows:
                        top.rows.append([])
                        top.header.append(top.in_thead)
                    top.cell = RawCell(
                        self.length, self.length, _span(attrib, "colspan"), _span(attrib, "rowspan"), tag == "th"
                    )
                    top.rows[-1].append(top.cell)

    def _close_cell(self, top: _Table) -> None:
        if top.cell is not None:
            top.cell.end = self.length
            top.cell = None
            top.longest = max(top.longest, top.cell_chars)
            top.cell_chars = 0

    def end(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title -= 1
            self.title_done = self.in_title == 0
        if tag in SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping == 0:
            top = self.open[-1] if self.open else None
            if top is not None:
                if tag in CELL or tag == "tr":
                    self._close_cell(top)
                if tag == "caption" and len(top.caption) == 1:
                    top.caption.append(self.length)
                if tag == "thead":
                    top.in_thead = False
            if tag == "table" and top is not None:
                self._close_cell(top)
                self.open.pop()
                self._end_table(top)
            if tag in BLOCK:
                self._block()

    def _end_table(self, table: _Table) -> None:
        cells = sum(len(row) for row in table.rows)
        if table.layout or table.longest > MAX_DATA_CELL_CHARS or cells < 2:
            return  # a page laid out in a table: its paragraphs stay lines
        for index in table.breaks:
            self.parts[index] = self.parts[index].replace("\n", " ")
        table.header = [
            is_header or (bool(row) and all(c.is_header for c in row))
            for is_header, row in zip(table.header, table.rows, strict=True)
        ]
        if len(table.caption) == 1:
            table.caption = []
        self.tables.append(table)

    def data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.skipping == 0:
            if self.open:
                top = self.open[-1]
                if "\n" in data:
                    top.breaks.append(len(self.parts))
                if top.cell is not None:
                    top.cell_chars += len(data.strip())
            self._add(data)

    def comment(self, text: str) -> None:
        pass

    def close(self) -> None:
        while self.open:  # tables left open at the end of the page
            table = self.open.pop()
            self._close_cell(table)
            self._end_table(table)
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
