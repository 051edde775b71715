"""`reviewer extract FILE... [-o OUT]`: figures as JSON, CSV or .xlsx, no window.

An output is only ever replaced by a complete new one (written under a temporary name and moved
into place), never by less: when no input could be read nothing is written. In a folder, each
document gets a file of its own (x.json, x-2.json for a second x.txt from another folder).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from reviewer.commands.importing import Failed, Prepared, article_of, read_and_extract
from reviewer.display import shown_path
from reviewer.documents.base import DEFAULT_SIZE_LIMIT
from reviewer.export.tables import atomic_write, write_rows
from reviewer.extract import extract, figures_only, scan
from reviewer.i18n import _

OUTPUTS = (".json", ".csv", ".xlsx", "")  # no suffix: a folder
Result = tuple[Prepared, str, list[dict]]  # a document, its name as given, its figures as JSON
TABLE_KEYS = ("table", "row_label", "column_label", "unit_source")  # Figure.to_json's, for a table's figure


def say(message: str) -> None:
    print(message, file=sys.stderr)


def _unique_inputs(files: list[Path]) -> list[Path]:
    """The same file named twice is read once."""
    seen: dict[str, Path] = {}
    for path in files:
        seen.setdefault(os.path.realpath(path), Path(path))
    return list(seen.values())


def run_extract(files: list[Path], output: Path | None, include_dates: bool = False, context: bool = True,
                split: bool = False, size_limit: int = DEFAULT_SIZE_LIMIT) -> int:
    if output is not None and output.suffix.lower() not in OUTPUTS and not output.is_dir():
        say(_("error: {path}: unknown output type; use .json, .csv, .xlsx or a folder", path=shown_path(output)))
        return 2
    inputs = _unique_inputs(files)
    given = {Path(p).absolute(): p for p in inputs}
    results: list[Result] = []
    failed = 0
    for item in read_and_extract(inputs, split=split, size_limit=size_limit, engine=extract if context else scan):
        if isinstance(item, Failed):
            say(_("error: {message}", message=item.message))
            failed += 1
            continue
        part = item.document
        found = item.figures if include_dates else figures_only(item.figures)
        rows = [dict(f.to_json(), page=part.page_at(f.start)) if part.page_starts else f.to_json() for f in found]
        results.append((item, str(given.get(item.path, item.path)), rows))
    if not results:
        if output is not None:
            say(_("nothing written to {path}: no document could be read", path=shown_path(output)))
        return 1
    try:
        documents = _write(results, output)
    except BrokenPipeError:
        raise  # stdout's reader went away: the command line ends quietly
    except OSError as exc:
        say(_("error: {path}: cannot write ({reason}); nothing was changed", path=shown_path(output),
              reason=exc.strerror or str(exc)))
        return 1
    if output is not None:
        count = sum(len(rows) for _, _, rows in results)
        figures = _("1 figure") if count == 1 else _("{count} figures", count=count)
        where = _("from 1 document") if documents == 1 else _("from {count} documents", count=documents)
        say(_("{figures} {documents} written to {path}", figures=figures, documents=where, path=shown_path(output)))
    return 1 if failed else 0


def _key(item: Prepared, name: str) -> str:
    article = article_of(item.document)
    return name if article is None else f"{name}#{article}"


def _stem(item: Prepared, name: str) -> str:
    article = article_of(item.document)
    return Path(name).stem + ("" if article is None else f"-{article}")


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate.casefold() in taken:  # x.json and X.json are one file on some systems
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate.casefold())
    return candidate


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def _write(results: list[Result], output: Path | None) -> int:
    """Write the results; returns how many documents were written."""
    # one document: its list of figures; several: a mapping from each source to its list
    data = results[0][2] if len(results) == 1 else {_key(item, name): rows for item, name, rows in results}
    if output is None:
        sys.stdout.write(_dump(data) + "\n")
        return len(results)
    if output.is_dir() or (not output.suffix and not output.exists()):
        output.mkdir(parents=True, exist_ok=True)
        taken: set[str] = set()
        for item, name, rows in results:
            target = output / (_unique(_stem(item, name), taken) + ".json")
            text = _dump(rows)
            atomic_write(target, lambda tmp, text=text: tmp.write_text(text, encoding="utf-8"))
        return len(results)
    if output.suffix.lower() == ".json":
        text = _dump(data)
        atomic_write(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        return len(results)
    write_rows([_tabular(_key(item, name), item.document.title, row) for item, name, rows in results for row in rows],
               output)
    return len(results)


def _tabular(document: str, title: str, row: dict) -> dict:
    """A figure as a CSV or sheet row: the same columns in the same order for every figure, the
    table's (empty for prose) after the figure's own and before the page."""
    out = {"document": document, "title": title}
    out.update((k, v) for k, v in row.items() if k not in TABLE_KEYS and k != "page")
    out.update((k, row.get(k)) for k in TABLE_KEYS)
    if "page" in row:
        out["page"] = row["page"]
    return out
