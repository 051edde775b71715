"""Verification against a source: a reference table (indicator, period, value, unit, and
optionally region and source) imported into the project; each figure whose indicator and period
match a row agrees or differs at the figure's precision.

A table is a .xlsx (its first sheet) or a .csv (UTF-8, with or without its mark, or GB18030) whose
first non-empty row is the header: English or Chinese names (resources/checks/reference_columns.tsv).
Its values are read as the engine reads a figure ("15.82" under 亿元 is 1582000000 元), its periods
as the figures' labels. A row's line is its number in the file, as a spreadsheet numbers its rows.

A figure matches a row when their indicators compare equal (indicator_keys.py), their periods are
the same label, their units the same base, and the row's region, where it names one, is named by
the document (its name, its title lines) or the figure's indicator; it agrees when the interval
its written digits allow holds the row's value. Where two rows match one figure with different
values and neither agrees, nothing is said: the table itself does not settle it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from reviewer.checks.data_files import data_lines
from reviewer.checks.indicator_keys import indicator_key
from reviewer.checks.intervals import interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.reference_cells import CellError, cell_text, is_empty, period_label, reference_value
from reviewer.display import shown, shown_path
from reviewer.extract.value_input import written_value
from reviewer.i18n import _
from reviewer.model import Kind

COLUMNS = ("indicator", "period", "value", "unit", "region", "source")
NEEDED = ("indicator", "period", "value")
EXCEL = (".xlsx", ".xlsm")
TEXT = (".csv", ".tsv", ".txt")
SEPARATORS = ",\t;|"
SNIFF = 4096  # how much of a text table its separator is told from
ENCODINGS = ("utf-8-sig", "gb18030")  # what a spreadsheet saves a Chinese table in
BRACKETS = ("（", "("), ("）", ")")
HEADER_REACH = 10  # the header may stand under a few title rows
TITLE_REACH = 200  # the document's first characters that may name its region ("武汉市2023年…公报")
REGION_ENDINGS = ("省", "市", "区", "县", "自治区", "特别行政区")


class ReferenceError(Exception):
    """A one-line message naming the file and the problem, in the reviewer's language."""


@dataclass(frozen=True)
class ReferenceRow:
    indicator: str
    period: str | None  # a period label as the figures have them: 2023, 2025-01/2025-11
    value: Decimal
    unit: str | None
    region: str | None = None
    source: str | None = None  # where the row comes from (国家统计局 2024年统计公报)
    file: str = ""  # the file it was imported from
    line: int = 0  # its row in that file as a spreadsheet numbers it (the header is 1 or more)


@dataclass(frozen=True)
class ReferenceMatch:
    figure: CheckFigure
    row: ReferenceRow
    verdict: Literal["agrees", "differs"]


# -- reading ---------------------------------------------------------------------------------------


def read_reference(path: str | Path) -> list[ReferenceRow]:
    """The rows of a reference table (.xlsx or .csv); ReferenceError for a file that is not one."""
    path = Path(path)
    name = shown_path(path)
    if not path.is_file():
        raise ReferenceError(_("{path}: no such file", path=name))
    suffix = path.suffix.lower()
    if suffix not in EXCEL + TEXT:
        raise ReferenceError(_("{path}: not a reference table (a .xlsx or .csv file)", path=name))
    cells = _excel_cells(path) if suffix in EXCEL else _text_cells(path)
    filled = [i for i, row in enumerate(cells) if not all(is_empty(c) for c in row)]
    if not filled:
        raise ReferenceError(_("{path}: the table is empty", path=name))
    at, where, header_unit = _header(cells, filled[:HEADER_REACH], name)
    if not any(i > at for i in filled):
        raise ReferenceError(_("{path}: the table has no rows under its header", path=name))
    rows = []
    # a row's line is its number in the file, as a spreadsheet or an editor shows it
    for line, row in enumerate(cells[at + 1 :], start=at + 2):
        if all(is_empty(c) for c in row):
            continue
        try:
            rows.append(_row(row, where, header_unit, str(path), line))
        except CellError as problem:
            raise ReferenceError(_("{path}:{line}: {problem}", path=name, line=line, problem=problem)) from None
    return rows


def _excel_cells(path: Path) -> list[list[object]]:
    import zipfile

    import pandas as pd

    try:
        frame = pd.read_excel(path, sheet_name=0, header=None, dtype=object, engine="openpyxl")
    except zipfile.BadZipFile:  # the commonest case, said in the reviewer's language
        raise ReferenceError(_("{path}: not an Excel workbook (.xlsx)", path=shown_path(path))) from None
    except Exception as problem:  # openpyxl and zipfile raise many kinds for a file that is no workbook
        raise ReferenceError(
            _("{path}: cannot be read as a table ({reason})", path=shown_path(path), reason=_why(problem))
        ) from None
    return [list(row) for row in frame.itertuples(index=False, name=None)]


def _text_cells(path: Path) -> list[list[object]]:
    import pandas as pd

    try:
        data = path.read_bytes()
    except OSError as problem:
        raise ReferenceError(
            _("{path}: cannot be read ({reason})", path=shown_path(path), reason=_why(problem))
        ) from None
    text = _decoded(data)
    if text is None:
        raise ReferenceError(_("{path}: not text in UTF-8 or GB18030", path=shown_path(path)))
    if not text.strip():
        return []
    separator = "\t" if path.suffix.lower() == ".tsv" else _separator(text)
    # a blank line stays a row (of empty cells), so every row keeps the number of its line
    text = "\n".join(line if line.strip() else separator for line in text.split("\n"))
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=separator, engine="python", header=None, dtype=str, keep_default_na=False
        )
    except Exception as problem:  # pandas' parser errors and csv.Error: a file that is no table
        raise ReferenceError(
            _("{path}: cannot be read as a table ({reason})", path=shown_path(path), reason=_why(problem))
        ) from None
    return [list(row) for row in frame.itertuples(index=False, name=None)]


def _separator(text: str) -> str:
    """The separator of a text table (a comma, a tab, a semicolon), a comma where nothing tells."""
    try:
        return csv.Sniffer().sniff(text[:SNIFF], delimiters=SEPARATORS).delimiter
    except csv.Error:
        return ","


def _decoded(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _why(problem: Exception) -> str:
    return shown(str(problem).splitlines()[0] if str(problem) else type(problem).__name__, 120)


def _header(cells: list[list[object]], candidates: list[int], name: str) -> tuple[int, dict[str, int], str]:
    """The first row naming every needed column (a title row may stand above it): its index, which
    column holds what, and the unit the value's header names ("数值（亿元）")."""
    for i in candidates:
        where, header_unit = _columns(cells[i])
        if all(c in where for c in NEEDED):
            return i, where, header_unit
    header = cells[candidates[0]]
    where, _unit = _columns(header)
    missing = next(c for c in NEEDED if c not in where)  # no unit column: the value's header or cells name it
    shown_header = " | ".join(cell_text(c) for c in header if not is_empty(c)) or "-"
    raise ReferenceError(
        _(
            "{path}: no “{column}” column (its header row: {header})",
            path=name,
            column=_column_names(missing),
            header=shown(shown_header, 120),
        )
    )


def _columns(header: list[object]) -> tuple[dict[str, int], str]:
    """Which column of a header row holds what, and the unit a value's header names."""
    known = _headers()
    where: dict[str, int] = {}
    header_unit = ""
    for i, cell in enumerate(header):
        text, unit = _bracketed(cell_text(cell))
        column = known.get(_header_key(text))
        if column is not None and column not in where:
            where[column] = i
            if column == "value":
                header_unit = unit
    return where, header_unit


def _bracketed(text: str) -> tuple[str, str]:
    """'数值（亿元）' -> ('数值', '亿元')."""
    for opening, closing in zip(*BRACKETS, strict=True):
        at = text.find(opening)
        if at > 0 and text.endswith(closing):
            return text[:at].strip(), text[at + 1 : -1].strip()
    return text, ""


def _header_key(text: str) -> str:
    return "".join(text.split()).lower()


@cache
def _header_table() -> tuple[tuple[str, str], ...]:
    rows = []
    for line in data_lines("reference_columns.tsv"):
        header, _tab, column = line.partition("\t")
        if column.strip() in COLUMNS and header.strip():
            rows.append((_header_key(header), column.strip()))
    return tuple(rows)


def _headers() -> dict[str, str]:
    return dict(_header_table())


def _column_names(column: str) -> str:
    """'indicator / 指标': the names a header of that column may have, the first two."""
    names = [header for header, c in _header_table() if c == column][:2]
    return " / ".join(names) or column


def _row(row: list[object], where: dict[str, int], header_unit: str, file: str, line: int) -> ReferenceRow:
    def cell(column: str) -> object:
        i = where.get(column)
        return row[i] if i is not None and i < len(row) else None

    indicator = cell_text(cell("indicator"))
    if not indicator:
        raise CellError(_("no indicator"))
    unit = cell_text(cell("unit")) or header_unit
    typed = reference_value(cell("value"), unit)
    if typed.unit is None:
        raise CellError(_("“{value}” has no unit", value=shown(cell_text(cell("value")), 40)))
    return ReferenceRow(
        indicator=indicator,
        period=period_label(cell("period")),
        value=typed.value,
        unit=typed.unit,
        region=cell_text(cell("region")) or None,
        source=cell_text(cell("source")) or None,
        file=file,
        line=line,
    )


# -- comparing -------------------------------------------------------------------------------------


def compare(document: CheckDocument, rows: Sequence[ReferenceRow]) -> list[ReferenceMatch]:
    """Every figure of the document that a row matches (indicator and period), with its verdict."""
    by_key: dict[tuple, list[ReferenceRow]] = {}
    for row in rows:
        key = indicator_key(row.indicator)
        if key is not None:
            by_key.setdefault((key, row.period), []).append(row)
    if not by_key:
        return []
    head = document.text[:TITLE_REACH]
    matches = []
    for figure in document.figures:
        key = indicator_key(figure.indicator, figure.change) if figure.indicator else None
        span = interval(figure)
        if key is None or span is None:
            continue
        candidates = [
            row
            for row in by_key.get((key, figure.period), ())
            if _same_unit(figure, row) and _in_region(row, figure, document.name, head)
        ]
        if not candidates:
            continue
        agreeing = next((row for row in candidates if span.contains(row.value)), None)
        if agreeing is not None:
            matches.append(ReferenceMatch(figure, agreeing, "agrees"))
        elif len({row.value for row in candidates}) == 1:
            matches.append(ReferenceMatch(figure, candidates[0], "differs"))
    return matches


def _same_unit(figure: CheckFigure, row: ReferenceRow) -> bool:
    if figure.unit is not None and figure.unit == row.unit:
        return True
    return _is_percent(figure.unit, figure.kind) and _is_percent(row.unit, None)


def _is_percent(unit: str | None, kind: Kind | None) -> bool:
    return kind is Kind.PERCENT or unit in ("%", "％")


def _in_region(row: ReferenceRow, figure: CheckFigure, name: str, head: str) -> bool:
    """A row of a region speaks of a document or figure that names it (湖北省 or 湖北)."""
    if not row.region:
        return True
    region = row.region.strip()
    short = next((region[: -len(e)] for e in REGION_ENDINGS if region.endswith(e) and len(region) > len(e) + 1), region)
    return any(short in text for text in (name, head, figure.indicator or ""))


def row_value_text(row: ReferenceRow) -> str:
    """A row's value as a reader writes it: 480亿元, not 48000000000元."""
    return written_value(row.value) + (row.unit or "")


def reference_findings(document: CheckDocument, rows: Sequence[ReferenceRow]) -> list[Finding]:
    """A finding (rule "reference") for each figure that differs from its row."""
    found = []
    for match in compare(document, rows):
        if match.verdict != "differs":
            continue
        figure, row = match.figure, match.row
        what = " ".join(part for part in ((figure.indicator or "") + (figure.change or ""), figure.period) if part)
        value = row_value_text(row)
        place = f"{Path(row.file).name}:{row.line}" if row.file else str(row.line)
        if row.source:
            message = _(
                "{what}: the text says {figure}, the reference table {value} ({source}, {place})",
                what=what,
                figure=figure.text,
                value=value,
                source=row.source,
                place=place,
            )
        else:
            message = _(
                "{what}: the text says {figure}, the reference table {value} ({place})",
                what=what,
                figure=figure.text,
                value=value,
                place=place,
            )
        span = interval(figure)
        found.append(
            Finding(
                rule="reference",
                severity=Severity.ERROR,
                message=message,
                figures=(figure,),
                document=figure.document,
                details={
                    "figure_value": str(figure.value),
                    "figure_interval": [str(span.low), str(span.high)] if span else None,
                    "reference_value": str(row.value),
                    "unit": row.unit,
                    "source": row.source,
                    "file": row.file,
                    "line": row.line,
                },
            )
        )
    return found
