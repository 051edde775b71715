"""Word .docx: paragraphs and tables in document order, headings as their own lines.

A .docx is a zip of XML. Before python-docx reads anything, the archive's directory is checked
(every part's declared size and compression ratio must be sane, so a zip bomb is refused without
being inflated) and every XML part's prolog is parsed with entities off: one that declares a
DOCTYPE (the way entity-expansion attacks begin; Word never writes one) is refused, whatever the
part's encoding (UTF-16 included). Then python-docx opens the package and gives the body and the
styles: a heading is found by its style's name, which Word stores in English even when the
interface is localized (style id "1", name "heading 1"). Tables become rows of tab-separated
cells; a table inside a cell is read once, as part of that cell.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from reviewer.documents.base import DocumentError, RawText
from reviewer.documents.tables import RawCell, Table, build_table
from reviewer.i18n import _

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAMESPACES = {"w": W[1:-1], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # real XML compresses about 10:1; a bomb compresses 1000:1
RATIO_FROM = 1024 * 1024  # tiny parts (a few KB of blanks) may compress better than that, harmlessly
XML_SUFFIXES = (".xml", ".rels")
XML_STARTS = (b"<", b"\x00<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # XML, also in UTF-16 or after a BOM
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word encrypts a .docx into an OLE container, as .doc was
HEADING_NAMES = ("heading", "title", "标题")
# Run content in reading order; a text box's copy for old readers (mc:Fallback) is not read twice,
# and the tab stops of a paragraph's properties are no tabs.
RUN_CONTENT = etree.XPath(
    "(.//w:r/w:t | .//w:r/w:tab | .//w:r/w:br | .//w:r/w:cr)[not(ancestor::mc:Fallback)]", namespaces=NAMESPACES
)
WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}  # content controls and tags


def read_docx(raw: bytes, path: Path) -> RawText:
    check_package(raw, path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.LxmlError) as exc:
        raise DocumentError(path, _("the Word document is damaged ({error})", error=exc)) from exc
    body = document.element.body
    if body is None:
        raise DocumentError(path, _("the Word document has no body"))
    headings = _heading_styles(document)
    lines: list[str] = []
    title = None
    pos = 0  # where the next line starts in the text
    grids: list[list[list[RawCell]]] = []
    headers: list[int | None] = []
    for block in _blocks(body):
        if block.tag == f"{W}p":
            text = paragraph_text(block)
            if text.strip():
                lines.append(text)
                pos += len(text) + 1
                if title is None and _style_id(block) in headings:
                    title = text.strip()
        else:
            rows, grid, header_rows = _table_grid(block, pos)
            lines.extend(rows)
            pos += sum(len(row) + 1 for row in rows)
            if grid:
                grids.append(grid)
                headers.append(header_rows)
    full = "\n".join(lines)
    tables: list[Table] = []
    for grid, header_rows in zip(grids, headers, strict=True):
        table = build_table(full, grid, "docx", header_rows, look_around=True)
        if table is not None:
            tables.append(table)
    return RawText(full, encoding=None, title=title, tables=tuple(tables))


def check_package(raw: bytes, path: Path) -> None:
    """Refuse a zip bomb from the archive's directory alone, and any XML part with a DOCTYPE."""
    if raw.startswith(OLE_MAGIC):
        raise DocumentError(
            path,
            _("is a password-protected Word file (or an old .doc renamed .docx): save an unprotected copy as .docx"),
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        raise DocumentError(path, _("is not a valid .docx (not a zip archive; damaged or truncated?)")) from exc
    with archive:
        members = archive.infolist()
        if "word/document.xml" not in {info.filename for info in members}:
            raise DocumentError(path, _("is not a Word document (no word/document.xml inside)"))
        total, packed = sum(info.file_size for info in members), sum(info.compress_size for info in members)
        if total > MAX_TOTAL_BYTES:
            raise _zip_bomb(path, total, packed)
        for info in members:
            ratio_too_high = info.file_size > RATIO_FROM and info.file_size > max(1, info.compress_size) * MAX_RATIO
            if info.file_size > MAX_PART_BYTES or ratio_too_high:
                raise _zip_bomb(path, info.file_size, info.compress_size)
        for info in members:
            data = _member(archive, info, path)
            # python-docx parses parts by their content type, whatever their names: check all XML
            if info.filename.lower().endswith(XML_SUFFIXES) or data.lstrip().startswith(XML_STARTS):
                _refuse_doctype(data, path)


def _zip_bomb(path: Path, size: int, packed: int) -> DocumentError:
    return DocumentError(
        path,
        _(
            "declares {size} MB in {packed} MB: refused as a zip bomb",
            size=f"{size / 1e6:.0f}",
            packed=f"{packed / 1e6:.1f}",
        ),
    )


class _RootReached(Exception):
    """The prolog is over: a DOCTYPE can no longer come."""


class _DoctypeFound(Exception):
    pass


class _PrologWatch:
    """lxml parser target that stops at the DOCTYPE or at the root element, whichever is first."""

    def doctype(self, *_args: Any) -> None:
        raise _DoctypeFound

    def start(self, *_args: Any) -> None:
        raise _RootReached

    def end(self, *_args: Any) -> None:
        pass

    def data(self, *_args: Any) -> None:
        pass

    def close(self) -> None:
        return None


def _refuse_doctype(data: bytes, path: Path) -> None:
    # libxml2 decodes by the part's BOM or encoding declaration, so UTF-16 cannot hide a DOCTYPE.
    parser = etree.XMLParser(target=_PrologWatch(), resolve_entities=False, load_dtd=False, no_network=True)
    try:
        etree.fromstring(data, parser)
    except _RootReached:
        return
    except _DoctypeFound as exc:
        raise DocumentError(path, _("the document declares XML entities; refused as unsafe")) from exc
    except etree.XMLSyntaxError as exc:
        raise DocumentError(path, _("the Word document is damaged (bad XML: {error})", error=exc)) from exc
    raise DocumentError(path, _("the Word document is damaged (an XML part without content)"))


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    try:
        with archive.open(info) as member:
            data = member.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise DocumentError(path, _("the Word document is damaged or truncated ({error})", error=exc)) from exc
    if len(data) > info.file_size:
        raise DocumentError(path, _("the Word document's text is larger than it declares: refused"))
    return data


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a body or a cell in order, through content controls; a table's
    own content (nested tables included) is left to the table."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in WRAPPERS:
            yield from _blocks(child)


def paragraph_text(p: etree._Element) -> str:
    parts = []
    for node in RUN_CONTENT(p):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_rows(table: etree._Element) -> list[str]:
    """One line per row of this table, cells separated by tabs; a nested table's text is part
    of its cell (rows and cells joined by spaces), so it is read once."""
    rows = []
    for tr in _children(table, f"{W}tr"):
        cells = [_cell_text(tc) for tc in _children(tr, f"{W}tc")]
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _table_grid(table: etree._Element, pos: int) -> tuple[list[str], list[list[RawCell]], int | None]:
    """The rows of a body table as `_table_rows` writes them (the first starting at offset
    `pos`), with the cells placed on Word's grid: w:gridBefore skips columns, w:gridSpan spans
    them, a w:vMerge continuation lengthens the cell above instead of being a cell; the rows
    marked to repeat as a header (w:tblHeader) at the top are the header rows."""
    lines: list[str] = []
    grid: list[list[RawCell]] = []
    open_merges: dict[int, RawCell] = {}
    header_rows = 0
    headed = True
    width = len(table.findall(f"{W}tblGrid/{W}gridCol")) or 1000
    for tr in _children(table, f"{W}tr"):
        tcs = list(_children(tr, f"{W}tc"))
        cells = [_cell_text(tc) for tc in tcs]
        if not any(cells):
            continue
        line = "\t".join(cells)
        row: list[RawCell] = []
        col = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        at = pos
        for tc, text in zip(tcs, cells, strict=True):
            span = max(1, min(_int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1), width - col))
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            continues = merge is not None and merge.get(f"{W}val", "continue") != "restart"
            if continues and col in open_merges and not text:
                open_merges[col].rowspan += 1
            else:
                cell = RawCell(at, at + len(text), colspan=span, grid_col=col)
                row.append(cell)
                for c in range(col, col + span):
                    open_merges.pop(c, None)
                if merge is not None:
                    open_merges[col] = cell
            at += len(text) + 1
            col += span
        repeat = tr.find(f"{W}trPr/{W}tblHeader")
        if headed and repeat is not None and repeat.get(f"{W}val", "true") not in ("0", "false", "off"):
            header_rows += 1
        else:
            headed = False
        lines.append(line)
        grid.append(row)
        pos += len(line) + 1
    return lines, grid, header_rows or None


def _int_val(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{W}val", default))
    except (TypeError, ValueError):
        return default


def _cell_text(tc: etree._Element) -> str:
    pieces = []
    for block in _blocks(tc):
        if block.tag == f"{W}p":
            pieces.append(" ".join(paragraph_text(block).split()))
        else:
            pieces.extend(" ".join(row.split()) for row in _table_rows(block))
    return " ".join(piece for piece in pieces if piece)


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with `tag`, also those wrapped in content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in WRAPPERS:
            yield from _children(child, tag)


def _style_id(p: etree._Element) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else None


def _heading_styles(document: Any) -> set[str]:
    """Ids of the paragraph styles that are headings or titles by name, or based on one."""
    from docx.enum.style import WD_STYLE_TYPE

    headings = set()
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        current, seen = style, 0
        while current is not None and seen < 10:  # a base-style loop must not hang
            if (current.name or "").strip().lower().startswith(HEADING_NAMES):
                headings.add(style.style_id)
                break
            current, seen = current.base_style, seen + 1
    return headings
