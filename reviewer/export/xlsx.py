"""A small streaming .xlsx writer for the export.

openpyxl builds an object per cell and writes about 200,000 cells a second on the machines we
measure; a project of 100,000 figures has millions of cells. This writer streams each sheet's
XML straight into the zip, one row at a time (bounded memory, several times faster), and
openpyxl stays what reads workbooks back in the tests.

By construction it can write no formula at all: text is always an inline string, so text from a
document can never run in a spreadsheet.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CELL_LIMIT = 32767  # Excel's most characters (UTF-16 units) in a cell
HEADER_STYLE, WRAP_STYLE, FIRST_FORMAT_STYLE = 1, 2, 3
LINE_HEIGHT, MAX_LINES = 16.5, 12  # points a line of 11 pt (CJK) text takes; a row grows to at most 12 lines
WRAP_SLACK = 1.12  # lines break between words and numbers, not anywhere
EPOCH = datetime(1899, 12, 30)
HEADER_FILL = "FF1F4E79"
DATE_FORMAT, DATETIME_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class _Sheet:
    name: str
    path: str
    file: str
    columns: int
    letters: list[str] = field(default_factory=list)
    rows: int = 0
    stream: Any = None
    print_columns: int = 0  # the first columns go on paper (0: all of them)
    print_scale: int = 100
    line_room: list[float] = field(default_factory=list)  # characters a line of each column holds


class Sheet:
    """One worksheet being written; several may be written at once (their XML goes to temporary
    files until the workbook is closed)."""

    def __init__(self, book: XlsxWriter, sheet: _Sheet):
        self._book = book
        self._sheet = sheet

    def row(self, values: list, styles: list[int] | None = None) -> None:
        self._book._row(self._sheet, values, styles)


def _lines(text: str, room: float) -> int:
    """Lines a wrapped cell takes: its display width (a CJK character is two columns, about
    what its 3 UTF-8 bytes give, measured fast) over what a line of the column holds."""
    shown = (len(text.encode("utf-8", "surrogatepass")) + len(text)) / 2
    return math.ceil(shown * WRAP_SLACK / room) + text.count("\n")


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def cut_to_cell(text: str, mark: str) -> str:
    """`text` as a cell can hold it: over CELL_LIMIT it is cut and ends with `mark`."""
    if len(text) <= CELL_LIMIT // 2 or utf16_length(text) <= CELL_LIMIT:
        return text
    room, used, end = CELL_LIMIT - utf16_length(mark), 0, 0
    while used + (2 if ord(text[end]) > 0xFFFF else 1) <= room:
        used += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return text[:end] + mark


class XlsxWriter:
    """with XlsxWriter(path) as book: sheet = book.start_sheet(name, headers, widths); sheet.row(...)

    A text cell longer than a spreadsheet holds is cut and ends with `cut_mark`."""

    def __init__(self, path: Path, cut_mark: str = "…[cut]"):
        self._path = Path(path)
        self._cut_mark = cut_mark
        self._folder = tempfile.TemporaryDirectory(dir=self._path.parent, prefix=".xlsx-parts-")
        self._sheets: list[_Sheet] = []
        self._formats: dict[str, int] = {}  # number format -> style index
        self._date_style = self.style_for(DATE_FORMAT)
        self._datetime_style = self.style_for(DATETIME_FORMAT)

    # -- styles ------------------------------------------------------------------------------

    def style_for(self, number_format: str | None) -> int:
        """Style index of a number format (0 is the default, 1 the header, 2 wrapped text)."""
        if not number_format:
            return 0
        if number_format not in self._formats:
            self._formats[number_format] = len(self._formats) + FIRST_FORMAT_STYLE
        return self._formats[number_format]

    # -- sheets ------------------------------------------------------------------------------

    def start_sheet(
        self, name: str, headers: list[str], widths: list[float], print_columns: int = 0, print_scale: int = 100
    ) -> Sheet:
        """A new sheet; on paper (A4 landscape, header row on every page) the first
        `print_columns` columns (0: all) at `print_scale` percent."""
        number = len(self._sheets) + 1
        sheet = _Sheet(
            name,
            f"xl/worksheets/sheet{number}.xml",
            os.path.join(self._folder.name, f"{number}.xml"),
            columns=len(headers),
            letters=[column_letter(i) for i in range(len(headers))],
            print_columns=print_columns or len(headers),
            print_scale=print_scale,
            line_room=[max(1.0, w - 1.5) for w in widths],
        )
        sheet.stream = open(sheet.file, "w", encoding="utf-8", buffering=1 << 20)
        self._sheets.append(sheet)
        cols = "".join(f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>' for i, w in enumerate(widths, 1))
        sheet.stream.write(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
        )
        self._row(sheet, headers, [1] * len(headers))
        return Sheet(self, sheet)

    def _row(self, sheet: _Sheet, values: list, styles: list[int] | None) -> None:
        sheet.rows += 1
        r = sheet.rows
        letters = sheet.letters
        cells = []
        lines = 1
        for i, value in enumerate(values):
            if value is None or value == "":
                continue
            ref = f"{letters[i]}{r}"
            style = styles[i] if styles else 0
            s = f' s="{style}"' if style else ""
            kind = type(value)
            if kind is str:
                if style == WRAP_STYLE or style == HEADER_STYLE:
                    lines = max(lines, _lines(value, sheet.line_room[i]))
                if len(value) > CELL_LIMIT // 2:
                    value = cut_to_cell(value, self._cut_mark)
                text = escape(ILLEGAL_XML.sub("", value))
                cells.append(f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
            elif kind is Decimal or kind is int or kind is float:
                cells.append(f'<c r="{ref}"{s}><v>{_number(value)}</v></c>')
            elif kind is bool:
                cells.append(f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>')
            elif kind is datetime:
                serial = (value - EPOCH).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="{style or self._datetime_style}"><v>{serial:.10f}</v></c>')
            elif kind is date:
                serial = (datetime(value.year, value.month, value.day) - EPOCH).days
                cells.append(f'<c r="{ref}" s="{style or self._date_style}"><v>{serial}</v></c>')
            else:
                text = escape(ILLEGAL_XML.sub("", cut_to_cell(str(value), self._cut_mark)))
                cells.append(f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        # a row as tall as its wrapped text: spreadsheet programs do not all measure it on opening
        height = f' ht="{min(lines, MAX_LINES) * LINE_HEIGHT}" customHeight="1"' if lines > 1 else ""
        sheet.stream.write(f'<row r="{r}"{height}>{"".join(cells)}</row>')

    def _end_sheet(self, sheet: _Sheet) -> None:
        last = sheet.letters[-1] if sheet.letters else "A"
        sheet.stream.write(
            f'</sheetData><autoFilter ref="A1:{last}{max(1, sheet.rows)}"/>'
            '<printOptions gridLines="1"/>'
            '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" scale="{sheet.print_scale}" orientation="landscape"/>'
            "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
            "</worksheet>"
        )
        sheet.stream.close()

    # -- the package -------------------------------------------------------------------------

    def close(self) -> None:
        if not self._sheets:
            self.start_sheet("Sheet1", [""], [10])
        with zipfile.ZipFile(self._path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for sheet in self._sheets:
                self._end_sheet(sheet)
                z.write(sheet.file, sheet.path)
            z.writestr("[Content_Types].xml", _content_types(len(self._sheets)))
            z.writestr("_rels/.rels", _ROOT_RELS)
            z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(self._sheets)))
            z.writestr("xl/workbook.xml", _workbook(self._sheets))
            z.writestr("xl/styles.xml", _styles(self._formats))
        self._folder.cleanup()

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(self, kind, value, tb) -> None:
        if kind is None:
            self.close()
        else:
            for sheet in self._sheets:
                if not sheet.stream.closed:
                    sheet.stream.close()
            self._folder.cleanup()  # the caller's temporary file is discarded


def _number(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value else "0"
    return repr(value) if isinstance(value, float) else str(value)


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{sheets}</Types>'
    )


def _workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    rels += (
        f'<Relationship Id="rId{count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )


def _workbook(sheets: list[_Sheet]) -> str:
    entries = "".join(f'<sheet name={quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1))
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(_quoted_sheet(s.name))}!$A$1:${column_letter(max(0, s.columns - 1))}${max(1, s.rows)}</definedName>"
        f'<definedName name="_xlnm.Print_Area" localSheetId="{i}">{escape(_quoted_sheet(s.name))}!'
        f"$A$1:${column_letter(max(0, s.print_columns - 1))}${max(1, s.rows)}</definedName>"
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{escape(_quoted_sheet(s.name))}!$1:$1</definedName>'
        for i, s in enumerate(sheets)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<bookViews><workbookView/></bookViews><sheets>{entries}</sheets><definedNames>{names}</definedNames>"
        "</workbook>"
    )


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _styles(formats: dict[str, int]) -> str:
    fmts = "".join(f'<numFmt numFmtId="{164 + i}" formatCode={quoteattr(code)}/>' for i, code in enumerate(formats))
    top = '<alignment vertical="top"/>'  # a row grows with its wrapped text; every cell starts at its top
    xfs = (
        f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{top}</xf>'
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" '
        'applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
    )
    xfs += "".join(
        f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
        f'applyAlignment="1">{top}</xf>'
        for i, _ in enumerate(formats)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(formats)}">{fmts}</numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font></fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
        f'</fill><fill><patternFill patternType="solid"><fgColor rgb="{HEADER_FILL}"/><bgColor indexed="64"/>'
        "</patternFill></fill></fills>"
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1">'
        '<alignment vertical="top"/></xf></cellStyleXfs>'
        f'<cellXfs count="{FIRST_FORMAT_STYLE + len(formats)}">{xfs}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
