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
HEADER_FILL = "1F4E79"
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
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    styles = _Styles()
    if "approved" in options.sheets:
        if options.per_document:
            for doc in documents(project, options):
                name = _sheet_name(doc.title, wb)
                counter["rows"] += _sheet(wb, name, APPROVED_COLUMNS,
                                          figure_rows(project, options, options.states, [doc.id]), options, styles)
        else:
            counter["rows"] += _sheet(wb, options.sheet("approved"), APPROVED_COLUMNS,
                                      figure_rows(project, options, options.states), options, styles)
    if "all" in options.sheets:
        _sheet(wb, options.sheet("all"), ALL_COLUMNS, figure_rows(project, options, None), options, styles)
    if "documents" in options.sheets:
        _sheet(wb, options.sheet("documents"), DOCUMENT_COLUMNS, document_rows(project, options), options, styles)
    if "log" in options.sheets:
        _sheet(wb, options.sheet("log"), LOG_COLUMNS, log_rows(project, options), options, styles)
    wb.save(tmp)


class _Styles:
    def __init__(self):
        from openpyxl.styles import Alignment, Font, PatternFill

        self.header_font = Font(bold=True, color="FFFFFF")
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.header_align = Alignment(vertical="center", wrap_text=True)
        self.wrap = Alignment(wrap_text=False, vertical="top")


def _sheet(wb, title: str, columns: tuple[str, ...], rows, options: ExportOptions, styles: _Styles) -> int:
    """Stream rows into a sheet. Column widths come from the first rows (they must be written
    before any row in write-only mode); the autofilter, written after the rows, covers them all."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    headers = [options.header(c) for c in columns]
    widths = [width(h) + 2 for h in headers]
    rows = iter(rows)
    head = list(itertools.islice(rows, WIDTH_SAMPLE))
    for row in head:
        for i, column in enumerate(columns):
            widths[i] = max(widths[i], _cell_width(row.get(column)))
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, w + 1)
    ws.freeze_panes = "A2"
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font, cell.fill, cell.alignment = styles.header_font, styles.header_fill, styles.header_align
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    for row in itertools.chain(head, rows):
        ws.append([_cell(ws, column, row, options) for column in columns])
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _cell(ws, column: str, row: dict, options: ExportOptions):
    from openpyxl.cell import WriteOnlyCell

    value = row.get(column)
    if column == "kind" and value:
        value = options.kind_word(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "✓" if value else None
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text, never a formula, whatever it starts with
        return cell
    if isinstance(value, Decimal) and column in ("value", "original_value"):
        kind = row.get("kind") or "quantity"
        value = value / 100 if kind == "percent" else value  # a real percentage: 20.5% is 0.205
        cell.value, cell.number_format = value, number_format(value, kind)
        return cell
    if isinstance(value, Decimal) and column == "share_reviewed":
        cell.value, cell.number_format = value, "0%"
        return cell
    if isinstance(value, datetime):
        cell.value, cell.number_format = value, "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, date):
        cell.value, cell.number_format = value, "yyyy-mm-dd"
        return cell
    if isinstance(value, float) and column == "confidence":
        cell.value, cell.number_format = value, "0.00"
        return cell
    cell.value = value
    return cell


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


def _sheet_name(title: str, wb) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    name = "".join(c for c in title if c not in "[]:*?/\\")[:28] or "sheet"
    taken = {ws.title for ws in wb.worksheets}
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name[:26]}({n})", n + 1
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
    figures = [{k: plain(v) for k, v in row.items()} for row in figure_rows(project, options, options.states)]
    counter["rows"] = len(figures)
    data = {
        "figures": figures,
        "documents": [{k: plain(v) for k, v in row.items()} for row in document_rows(project, options)],
        "log": [{k: plain(v) for k, v in row.items()} for row in log_rows(project, options)],
    }
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
