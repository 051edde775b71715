"""PDF with a text layer, via pdfium (pypdfium2): text in reading order, page by page, with the
offset where each page starts (the export cites pages). A PDF without a text layer is a scan."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from reviewer.documents.base import DocumentError, RawText
from reviewer.documents.text import normalize_newlines
from reviewer.i18n import _
from reviewer.resources import resource

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
    pieces: list[str] = []
    starts: list[int] = []
    offset = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = repair_radicals(normalize_newlines(textpage.get_text_range())).strip("\n")
                finally:
                    textpage.close()
            finally:
                page.close()
            starts.append(offset)
            pieces.append(text)
            offset += len(text) + 2  # pages are separated by a blank line
    finally:
        pdf.close()
    full = "\n\n".join(pieces)
    if len(full.replace("\n", "").strip()) < MIN_CHARS_PER_PAGE * max(1, len(pieces)):
        raise DocumentError(path, _("has no text layer (a scanned PDF?): run it through OCR first"))
    return RawText(full, encoding=None, page_starts=tuple(starts))


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
