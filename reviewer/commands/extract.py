"""`reviewer extract FILE... [-o OUT]`: figures as JSON, CSV or .xlsx, no window."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from reviewer.documents import DocumentError, read_document
from reviewer.documents.base import DEFAULT_SIZE_LIMIT, Document
from reviewer.documents.split import split_articles
from reviewer.export.tables import write_rows
from reviewer.extract import extract, figures_only, scan


def run_extract(files: list[Path], output: Path | None, include_dates: bool = False, context: bool = True,
                split: bool = False, size_limit: int = DEFAULT_SIZE_LIMIT) -> int:
    per_doc: list[tuple[Document, list[dict]]] = []
    failed = 0
    for path in files:
        try:
            doc = read_document(path, size_limit=size_limit)
        except DocumentError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        for part in split_articles(doc) if split else [doc]:
            found = (extract if context else scan)(part.text, part.date)
            if not include_dates:
                found = figures_only(found)
            rows = [dict(f.to_json(), page=part.page_at(f.start)) if part.page_starts else f.to_json() for f in found]
            per_doc.append((part, rows))
    try:
        _write(per_doc, output)
    except OSError as exc:
        print(f"error: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 1
    if output is not None:
        count = sum(len(rows) for _, rows in per_doc)
        print(f"{count} figures from {len(per_doc)} documents written to {output}", file=sys.stderr)
    return 1 if failed else 0


def _name(doc: Document) -> str:
    path, _, part = doc.source.partition("#")
    return Path(path).stem + (f"-{part}" if part else "")


def _write(per_doc: list[tuple[Document, list[dict]]], output: Path | None) -> None:
    # one document: its list of figures; several: a mapping from each source to its list
    data = per_doc[0][1] if len(per_doc) == 1 else {doc.source: rows for doc, rows in per_doc}
    if output is None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if output.is_dir() or (not output.suffix and not output.exists()):
        output.mkdir(parents=True, exist_ok=True)
        for doc, rows in per_doc:
            (output / (_name(doc) + ".json")).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    if output.suffix.lower() == ".json":
        output.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    rows = [{"document": doc.source, "title": doc.title, **row} for doc, rows in per_doc for row in rows]
    write_rows(rows, output)
