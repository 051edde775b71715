"""PDF with a text layer, via pdfium (pypdfium2): text in reading order, page by page, with the
offset where each page starts (the export cites pages). A PDF without a text layer is a scan.

A page that may hold a ruled table (pdf_tables.may_hold_table) is read again by pdfplumber's table
finder: each table is written into the text as the .docx reader writes one (a line per row, cells
separated by tabs) between pdfium's text above and below it, and becomes one of the document's
tables; a table going on over the next page is one table."""

from __future__ import annotations

import io
import logging
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from reviewer.documents.base import DocumentError, RawText
from reviewer.documents.pdf_tables import (
    MIN_LONE_NUMBERS,
    PdfCell,
    PdfTable,
    continues,
    find_tables,
    is_page_number,
    may_hold_table,
    page_blocks,
)
from reviewer.documents.tables import MAX_HEADER_ROWS, RawCell, build_table
from reviewer.documents.text import normalize_newlines
from reviewer.i18n import _
from reviewer.resources import resource

LOG = logging.getLogger(__name__)
# Fewer characters than this per page on average: no real text layer.
MIN_CHARS_PER_PAGE = 5


def read_pdf(raw: bytes, path: Path) -> RawText:
    import pypdfium2 as pdfium

    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(path, _("is not a PDF (no %PDF header; damaged or mislabelled?)"))
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise DocumentError(
                path, _("is password-protected; open it with its password and save an unprotected copy")
            ) from exc
        raise DocumentError(path, _("is damaged or truncated and cannot be opened ({error})", error=exc)) from exc
    writer = _TextWriter()
    finder = _TableFinder(raw, path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = _clean(textpage.get_text_range())
                    numbers = 1 if writer.open is not None else MIN_LONE_NUMBERS  # a table may go on
                    blocks = finder.blocks(index, page, textpage) if may_hold_table(page, text, numbers) else None
                finally:
                    textpage.close()
            finally:
                page.close()
            writer.page(text if blocks is None else blocks)
    finally:
        pdf.close()
        finder.close()
    full = writer.text()
    if len(full.replace("\n", "").strip()) < MIN_CHARS_PER_PAGE * max(1, len(writer.starts)):
        raise DocumentError(path, _("has no text layer (a scanned PDF?): run it through OCR first"))
    tables = []
    for grid, header_rows in zip(writer.grids, writer.header_rows, strict=True):
        table = build_table(full, grid, "pdf", header_rows, look_around=True)
        if table is not None:
            tables.append(table)
    return RawText(full, encoding=None, page_starts=tuple(writer.starts), tables=tuple(tables))


def _clean(text: str) -> str:
    return repair_radicals(normalize_newlines(text)).strip("\n")


class _TableFinder:
    """pdfplumber over the pages pdfium found may hold a table, opened at the first of them. A
    failure costs only the tables: the page (or, if pdfplumber cannot open the file, every page)
    keeps pdfium's text."""

    def __init__(self, raw: bytes, path: Path):
        self.raw, self.path = raw, path
        self.plumber: Any = None
        self.broken = False

    def blocks(self, index: int, page: Any, textpage: Any) -> list[str | PdfTable] | None:
        """The page's text and tables in reading order, or None: no table (or no telling)."""
        if self.broken:
            return None
        try:
            if self.plumber is None:
                import pdfplumber

                self.plumber = pdfplumber.open(io.BytesIO(self.raw))
            plumber_page = self.plumber.pages[index]
            try:
                tables = find_tables(plumber_page, repair_radicals)
            finally:
                plumber_page.close()
            if not tables:
                return None
            return page_blocks(textpage, page.get_height(), tables)
        except Exception as exc:  # pdfminer's own errors have no common base: any is the finder's
            if self.plumber is None:
                self.broken = True
            LOG.warning("%s: page %d read without its tables (%s: %s)", self.path, index + 1, type(exc).__name__, exc)
            return None

    def close(self) -> None:
        if self.plumber is not None:
            self.plumber.close()


class _TextWriter:
    """The document's text page by page (a blank line between pages), with where each page
    starts, and each table's rows of cells as offsets into that text: a row is one line, its
    cells separated by tabs (as the .docx reader writes them).

    A table at the top of a page that goes on with the one ending the page before (the same
    columns, only page numbers between) is one table with it: the page numbers between are left
    out and the page break is a line break, so its rows stay one block of lines; a header row
    repeated on the new page is not written again."""

    def __init__(self) -> None:
        self.parts: list[str] = []  # page texts and the breaks between them
        self.starts: list[int] = []
        self.grids: list[list[list[RawCell]]] = []
        self.header_rows: list[int | None] = []  # each grid's, where the page shows it (else guessed)
        self.offset = 0
        self.open: PdfTable | None = None  # the last table of the page before
        self.open_head: list[str] = []  # its table's first rows as written
        self.open_end = 0  # where its last row ends in the text
        self.between = ""  # the text after it on its page

    def page(self, content: str | list[str | PdfTable]) -> None:
        """Write a page: pdfium's text as it is, or its blocks of text and tables in order."""
        blocks = [content] if isinstance(content, str) else [_clean(b) if isinstance(b, str) else b for b in content]
        first = next((i for i, b in enumerate(blocks) if not isinstance(b, str)), None)
        table = blocks[first] if first is not None else None
        going_on = (
            isinstance(table, PdfTable)
            and self.open is not None
            and continues(self.open, table)
            and is_page_number(self.between)
            and all(is_page_number(b) for b in blocks[:first] if isinstance(b, str))
        )
        if going_on:
            self.parts[-1] = self.parts[-1][: len(self.parts[-1]) - (self.offset - self.open_end)]
            self.offset = self.open_end
            blocks = blocks[first:]
        if self.parts:
            self.parts.append("\n" if going_on else "\n\n")
            self.offset += len(self.parts[-1])
        self.starts.append(self.offset)
        lines: list[str] = []
        pos = self.offset
        self.open, self.between = None, ""  # until a table of this page is written
        for block in blocks:
            if isinstance(block, str):
                if block.strip():
                    lines.append(block)
                    pos += len(block) + 1
                    self.between += "\n" + block
                continue
            rows = [row for row in block.rows if any(cell.text for cell in row)]
            if not rows:
                continue
            if going_on and block is table:
                grid = self.grids[-1]
                head = self.open_head
                while rows and head and _line(rows[0]) == head[0]:
                    rows, head = rows[1:], head[1:]  # a header repeated on the new page
            else:
                grid = []
                self.grids.append(grid)
                self.header_rows.append(block.header_rows)
                self.open_head = [_line(row) for row in rows[:MAX_HEADER_ROWS]]
            for row in rows:
                at = pos
                cells = []
                for cell in row:
                    cells.append(RawCell(at, at + len(cell.text), cell.colspan, cell.rowspan, grid_col=cell.col))
                    at += len(cell.text) + 1
                grid.append(cells)
                lines.append(_line(row))
                pos += len(lines[-1]) + 1
            self.open, self.open_end, self.between = block, pos - 1, ""
        text = "\n".join(lines)
        self.parts.append(text)
        self.offset += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _line(row: tuple[PdfCell, ...]) -> str:
    return "\t".join(cell.text for cell in row)


@lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    table = {}
    for line in resource("text", "cjk_radicals.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            radical, ideograph = line.split("\t")[:2]
            table[ord(radical)] = ideograph
    for code in range(0x2F00, 0x2FD6):  # Kangxi radicals: Unicode maps each to its ideograph
        table[code] = unicodedata.normalize("NFKC", chr(code))
    return table


def repair_radicals(text: str) -> str:
    """'第⼀⻚' -> '第一页': radicals a font's ToUnicode table put where ideographs belong."""
    return text.translate(_radical_table())
