"""Writing the dataset: an .xlsx workbook a clerk is glad to receive, CSV (UTF-8 with BOM, so
Excel opens Chinese correctly) and JSON. Every file is written under a temporary name and moved
into place; document text never becomes a formula."""
from __future__ import annotations

import csv
import itertools
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from reviewer.export.dataset import (
    ALL_COLUMNS, APPROVED_COLUMNS, DOCUMENT_COLUMNS, LOG_COLUMNS, ExportOptions, document_rows, documents,
    figure_rows, log_rows, plain,
)
from reviewer.export.tables import atomic_write, safe_cell
from reviewer.export.xlsx import XlsxWriter
from reviewer.store import Project
from reviewer.textwidth import width

SUFFIXES = {"pp": '" pp"', "multiple": '"×"', "percent": "%"}


def number_format(value: Decimal, kind: str) -> str:
    """Thousands separators and exactly the decimals the value has ('#,##0.00' for 258.64);
    percentages and fractions as a % format over a real proportion."""
    if kind in ("percent", "fraction"):
        places = max(0, -value.normalize().as_tuple().exponent - 2)
        return "0" + ("." + "0" * places if places else "") + "%"
    places = max(0, -value.normalize().as_tuple().exponent)
    return "#,##0" + ("." + "0" * min(places, 10) if places else "") + SUFFIXES.get(kind, "")
MAX_WIDTH = 60
WIDTH_SAMPLE = 2000  # rows read ahead to size the columns


class ExportError(Exception):
    """str() names the destination and says what to do."""


def export(project: Project, output: Path, options: ExportOptions = ExportOptions()) -> int:
    """Write the export chosen by the file's extension; returns the number of figure rows."""
    output = Path(output)
    suffix = output.suffix.lower()
    writer = {".xlsx": _write_xlsx, ".csv": _write_csv, ".json": _write_json}.get(suffix)
    if writer is None:
        raise ExportError(f"{output}: unknown export type {output.suffix!r}; use .xlsx, .csv or .json")
    counter = {"rows": 0}
    try:
        atomic_write(output, lambda tmp: writer(project, tmp, options, counter))
    except PermissionError as exc:
        raise ExportError(f"{output}: cannot write here (permission denied, or the file is open in another "
                          "program such as Excel). Close it or choose another name; nothing was changed.") from exc
    except OSError as exc:
        reason = "the disk is full" if getattr(exc, "errno", None) == 28 else (exc.strerror or str(exc))
        raise ExportError(f"{output}: the export could not be written ({reason}); any earlier file of that name "
                          "is unchanged.") from exc
    return counter["rows"]


# -- xlsx --------------------------------------------------------------------------------------

def _write_xlsx(project: Project, tmp: Path, options: ExportOptions, counter: dict) -> None:
    approved, every = "approved" in options.sheets, "all" in options.sheets
    with XlsxWriter(tmp) as book:
        if approved and options.per_document:
            taken: set[str] = set()
            for doc in documents(project, options):
                counter["rows"] += _sheet(book, _sheet_name(doc.title, taken), APPROVED_COLUMNS,
                                          figure_rows(project, options, options.states, [doc.id]), options)
            approved = False
        if approved or every:
            counter["rows"] += _figure_sheets(book, project, options, approved, every)
        if "documents" in options.sheets:
            _sheet(book, options.sheet("documents"), DOCUMENT_COLUMNS, document_rows(project, options), options)
        if "log" in options.sheets:
            _sheet(book, options.sheet("log"), LOG_COLUMNS, log_rows(project, options), options)


def _figure_sheets(book: XlsxWriter, project: Project, options: ExportOptions, approved: bool, every: bool) -> int:
    """The approved and the all-figures sheets from one pass over the figures: each figure is
    read and laid out once, and goes to one sheet or both."""
    rows = iter(figure_rows(project, options, None if every else options.states))
    head = list(itertools.islice(rows, WIDTH_SAMPLE))
    chosen = [r for r in head if r["_status"] in options.states]
    targets = []
    if approved:
        targets.append((_start(book, options.sheet("approved"), APPROVED_COLUMNS, chosen, options), APPROVED_COLUMNS, True))
    if every:
        targets.append((_start(book, options.sheet("all"), ALL_COLUMNS, head, options), ALL_COLUMNS, False))
    count = 0
    for row in itertools.chain(head, rows):
        is_chosen = row["_status"] in options.states
        for sheet, columns, only_chosen in targets:
            if is_chosen or not only_chosen:
                _emit(book, sheet, columns, row, options)
        count += is_chosen
    return count


def _sheet(book: XlsxWriter, title: str, columns: tuple[str, ...], rows, options: ExportOptions) -> int:
    """Stream rows into one sheet; returns how many."""
    rows = iter(rows)
    head = list(itertools.islice(rows, WIDTH_SAMPLE))
    sheet = _start(book, title, columns, head, options)
    count = 0
    for row in itertools.chain(head, rows):
        _emit(book, sheet, columns, row, options)
        count += 1
    return count


def _start(book: XlsxWriter, title: str, columns: tuple[str, ...], sample: list[dict], options: ExportOptions):
    """Start a sheet with column widths fitted to the sample (a Chinese character is two columns)."""
    headers = [options.header(c) for c in columns]
    widths = [width(h) + 2 for h in headers]
    for row in sample:
        for i, column in enumerate(columns):
            widths[i] = max(widths[i], _cell_width(row.get(column)))
    return book.start_sheet(title, headers, [min(MAX_WIDTH, w * 1.15 + 2) for w in widths])


def _emit(book: XlsxWriter, sheet, columns: tuple[str, ...], row: dict, options: ExportOptions) -> None:
    values, styles = [], []
    for column in columns:
        value, number_format = _cell(column, row, options)
        values.append(value)
        styles.append(book.style_for(number_format))
    sheet.row(values, styles)


def _cell(column: str, row: dict, options: ExportOptions) -> tuple[object, str | None]:
    """A value as the sheet shows it, and its number format."""
    value = row.get(column)
    if value is None:
        return None, None
    if column == "kind":
        return options.kind_word(value), None
    if isinstance(value, bool):
        return ("✓" if value else None), None
    if isinstance(value, Decimal) and column in ("value", "original_value"):
        kind = row.get("kind") or "quantity"
        value = value / 100 if kind == "percent" else value  # a real percentage: 20.5% is 0.205
        return value, number_format(value, kind)
    if isinstance(value, Decimal) and column == "share_reviewed":
        return value, "0%"
    if isinstance(value, float) and column == "confidence":
        return value, "0.00"
    return value, None  # text, dates (the writer formats them) and plain numbers


def _cell_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, Decimal):
        return len(f"{value:,}") + 2
    return width(str(value))


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    name = "".join(c for c in title if c not in "[]:*?/\\")[:28] or "sheet"
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name[:26]}({n})", n + 1
    taken.add(candidate)
    return candidate


# -- csv and json ------------------------------------------------------------------------------

def _write_csv(project: Project, tmp: Path, options: ExportOptions, counter: dict) -> None:
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([options.header(c) for c in ALL_COLUMNS])
        for row in figure_rows(project, options, options.states):
            writer.writerow([safe_cell(_csv_value(row.get(c))) for c in ALL_COLUMNS])
            counter["rows"] += 1


def _csv_value(value):
    if isinstance(value, bool):
        return "1" if value else ""
    value = plain(value)
    return "" if value is None else value


def _write_json(project: Project, tmp: Path, options: ExportOptions, counter: dict) -> None:
    """{"figures": [...], "documents": [...], "log": [...]}, streamed a row at a time."""
    sections = (("figures", figure_rows(project, options, options.states)),
                ("documents", document_rows(project, options)), ("log", log_rows(project, options)))
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("{")
        for n, (name, rows) in enumerate(sections):
            fh.write(("," if n else "") + f'\n "{name}": [')
            for i, row in enumerate(rows):
                clean = {k: plain(v) for k, v in row.items() if not k.startswith("_")}
                fh.write(("," if i else "") + "\n  " + json.dumps(clean, ensure_ascii=False))
                if name == "figures":
                    counter["rows"] += 1
            fh.write("\n ]")
        fh.write("\n}\n")
