"""`reviewer extract FILE... [-o OUT]`: figures as JSON, CSV or .xlsx, no window."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from reviewer.documents import DocumentError, read_document
from reviewer.export.tables import write_rows
from reviewer.extract import extract, figures_only, scan


def run_extract(files: list[Path], output: Path | None, include_dates: bool = False, context: bool = True) -> int:
    per_file: list[tuple[Path, list[dict]]] = []
    failed = 0
    for path in files:
        try:
            doc = read_document(path)
        except DocumentError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        found = (extract if context else scan)(doc.text, doc.date)
        if not include_dates:
            found = figures_only(found)
        per_file.append((path, [f.to_json() for f in found]))
    try:
        _write(per_file, output)
    except OSError as exc:
        print(f"error: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _write(per_file: list[tuple[Path, list[dict]]], output: Path | None) -> None:
    if output is None:
        if len(per_file) == 1:
            json.dump(per_file[0][1], sys.stdout, ensure_ascii=False, indent=1)
        else:
            json.dump({str(p): rows for p, rows in per_file}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if output.is_dir() or (not output.suffix and not output.exists()):
        output.mkdir(parents=True, exist_ok=True)
        for path, rows in per_file:
            target = output / (path.stem + ".json")
            target.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    suffix = output.suffix.lower()
    if suffix == ".json":
        data = per_file[0][1] if len(per_file) == 1 else {str(p): rows for p, rows in per_file}
        output.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    rows = [{"document": str(path), **row} for path, rows in per_file for row in rows]
    write_rows(rows, output)
