"""Word .docx: paragraphs and tables in document order, headings as their own lines.

A .docx is a zip of XML. Before anything is decompressed the archive's directory is checked:
the main part must exist, and its declared size and compression ratio must be sane, so a zip
bomb is refused without being inflated. XML that declares a DOCTYPE (the way entity-expansion
attacks begin; Word never writes one) is refused too. Tables become rows of tab-separated cells.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from reviewer.documents.base import DocumentError, RawText

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # real document.xml compresses about 10:1; a bomb compresses 1000:1


def read_docx(raw: bytes, path: Path) -> RawText:
    xml = _document_xml(raw, path)
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise DocumentError(path, "the document declares XML entities; refused as unsafe")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise DocumentError(path, f"the Word document is damaged (bad XML: {exc})") from exc
    body = root.find(f"{W}body")
    if body is None:
        raise DocumentError(path, "the Word document has no body")
    lines: list[str] = []
    title = None
    for block in body:
        if block.tag == f"{W}p":
            text = _paragraph_text(block)
            if text.strip():
                lines.append(text)
                if title is None and _is_heading(block):
                    title = text.strip()
        elif block.tag == f"{W}tbl":
            lines.extend(_table_rows(block))
        elif block.tag == f"{W}sdt":  # content controls wrap ordinary paragraphs
            for p in block.iter(f"{W}p"):
                text = _paragraph_text(p)
                if text.strip():
                    lines.append(text)
    return RawText("\n".join(lines), encoding=None, title=title)


def _document_xml(raw: bytes, path: Path) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        raise DocumentError(path, "is not a valid .docx (not a zip archive; damaged or truncated?)") from exc
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError as exc:
            raise DocumentError(path, "is not a Word document (no word/document.xml inside)") from exc
        if info.file_size > MAX_XML_BYTES or info.file_size > max(1, info.compress_size) * MAX_RATIO:
            raise DocumentError(path, f"declares {info.file_size / 1e6:.0f} MB of XML in "
                                      f"{info.compress_size / 1e6:.1f} MB: refused as a zip bomb")
        try:
            with archive.open(info) as member:
                data = member.read(MAX_XML_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise DocumentError(path, f"the Word document is damaged or truncated ({exc})") from exc
    if len(data) > MAX_XML_BYTES:
        raise DocumentError(path, "the Word document's text is larger than it declares: refused")
    return data


def _paragraph_text(p: ET.Element) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


def _is_heading(p: ET.Element) -> bool:
    style = p.find(f"{W}pPr/{W}pStyle")
    value = (style.get(f"{W}val") or "") if style is not None else ""
    return value.lower().startswith(("heading", "title")) or value.startswith("标题")


def _table_rows(table: ET.Element) -> list[str]:
    rows = []
    for tr in table.iter(f"{W}tr"):
        cells = []
        for tc in tr.findall(f"{W}tc"):
            cells.append(" ".join(t for t in (_paragraph_text(p).strip() for p in tc.iter(f"{W}p")) if t))
        if any(cells):
            rows.append("\t".join(cells))
    return rows
