"""Writing a list of flat rows as CSV (UTF-8 with BOM, for Excel) or .xlsx, safely.

Text never becomes a formula: CSV cells that would start with =, +, -, @, a tab or a carriage
return (which spreadsheets drop, then read what follows) get a leading apostrophe, and .xlsx
text cells are always strings. Files are written under a temporary name and moved into place.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from reviewer.i18n import _


def _default_mode(output: Path) -> int:
    if output.exists():
        return output.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_rows(rows: list[dict], output: Path) -> None:
    suffix = output.suffix.lower()
    if suffix == ".csv":
        atomic_write(output, lambda tmp: _write_csv(rows, tmp))
    elif suffix == ".xlsx":
        atomic_write(output, lambda tmp: _write_xlsx(rows, tmp))
    else:
        raise OSError(_("unknown output type {suffix}: use .json, .csv or .xlsx", suffix=repr(output.suffix)))


def _columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row)) or ["document"]


def _write_csv(rows: list[dict], tmp: Path) -> None:
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=_columns(rows))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(v) for k, v in row.items()})


def _write_xlsx(rows: list[dict], tmp: Path) -> None:
    from reviewer.export.xlsx import XlsxWriter

    columns = _columns(rows)
    with XlsxWriter(tmp) as book:  # text cells are inline strings: never formulas
        sheet = book.start_sheet("figures", columns, [max(10, min(50, len(c) + 4)) for c in columns])
        for row in rows:
            sheet.row([row.get(c) for c in columns])


def atomic_write(output: Path, write) -> None:
    """Write through a temporary file in the same folder and move it into place, so an
    interrupted write never leaves half a file over a good one."""
    output = Path(output)
    fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent or ".")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, _default_mode(output))  # mkstemp makes 0600; a user's file is not secret
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()
