"""Writing a list of flat rows as CSV (UTF-8 with BOM, for Excel) or .xlsx, safely.

Cells that would start with =, +, -, @ or a tab are written as text, never as formulas, and the
file is written under a temporary name and moved into place.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe-free guard."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_rows(rows: list[dict], output: Path) -> None:
    suffix = output.suffix.lower()
    if suffix == ".csv":
        _atomic_write(output, lambda tmp: _write_csv(rows, tmp))
    elif suffix == ".xlsx":
        _atomic_write(output, lambda tmp: _write_xlsx(rows, tmp))
    else:
        raise OSError(f"unknown output type {output.suffix!r}: use .json, .csv or .xlsx")


def _columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row)) or ["document"]


def _write_csv(rows: list[dict], tmp: Path) -> None:
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=_columns(rows))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(v) for k, v in row.items()})


def _write_xlsx(rows: list[dict], tmp: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("figures")
    columns = _columns(rows)
    ws.append(columns)
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            if isinstance(value, str):
                from openpyxl.cell import WriteOnlyCell

                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"  # text, never a formula
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
    wb.save(tmp)


def _atomic_write(output: Path, write) -> None:
    output = Path(output)
    fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent or ".")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()
