"""Keep the message catalogs of the plain-Python layers in step with the code.

    python scripts/messages.py update   # add every _("...") and N_("...") id to its layer's .po
    python scripts/messages.py build    # compile them into resources/translations/<language>/LC_MESSAGES/reviewer.mo
    python scripts/messages.py check    # list ids without a translation, or with other {fields}, or a stale .mo

A message of reviewer/<layer>/ goes to resources/translations/<language>/<layer>.po; one of a
module directly under reviewer/ goes to common.po. Translate by editing the .po files (msgstr).
The window's own strings are Qt's (scripts/translations.py).
"""
from __future__ import annotations

import ast
import io
import string
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reviewer"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
MARKERS = ("_", "N_")
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # so the same .po files compile to the same bytes


def layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    if parts[0] == "ui":
        return None
    return parts[0] if len(parts) > 1 else "common"


def source_messages() -> dict[str, dict[str, list[tuple[str, int]]]]:
    """{layer: {msgid: [(file, line), ...]}} in source order."""
    found: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = layer_of(path)
        if layer is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                where = (str(path.relative_to(ROOT)), node.lineno)
                found.setdefault(layer, {}).setdefault(node.args[0].value, []).append(where)
    return found


def fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def read_catalog(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language)
    with open(path, "rb") as fh:
        return read_po(fh, locale=language)


def update() -> int:
    for language in LANGUAGES:
        for layer, messages in source_messages().items():
            path = FOLDER / language / f"{layer}.po"
            old = read_catalog(path, language)
            new = Catalog(locale=language, project="figure-reviewer")
            for msgid, places in messages.items():
                previous = old.get(msgid)
                new.add(msgid, previous.string if previous else "", locations=places)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as fh:
                write_po(fh, new, width=100, omit_header=True)
            missing = sum(1 for m in new if m.id and not m.string)
            print(f"{path.relative_to(ROOT)}: {len(messages)} messages, {missing} not yet translated")
    return 0


def mo_path(language: str) -> Path:
    return FOLDER / language / "LC_MESSAGES" / "reviewer.mo"


def compiled(language: str) -> bytes:
    """Every layer's translated messages as one .mo (what reviewer.i18n reads)."""
    merged = Catalog(locale=language, project="figure-reviewer", creation_date=FIXED_DATE, revision_date=FIXED_DATE)
    for path in sorted((FOLDER / language).glob("*.po")):
        for message in read_catalog(path, language):
            if message.id and message.string and not message.fuzzy:
                merged.add(message.id, message.string)
    out = io.BytesIO()
    write_mo(out, merged)
    return out.getvalue()


def build() -> int:
    for language in LANGUAGES:
        path = mo_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(compiled(language))
        print(f"{path.relative_to(ROOT)}: built")
    return 0


def problems() -> list[str]:
    found = []
    for language in LANGUAGES:
        for layer, messages in source_messages().items():
            catalog = read_catalog(FOLDER / language / f"{layer}.po", language)
            for msgid, places in messages.items():
                message = catalog.get(msgid)
                where = f"{places[0][0]}:{places[0][1]}"
                if message is None or not message.string:
                    found.append(f"{where}: no {language} translation for {msgid!r}")
                elif fields(str(message.string)) != fields(msgid):
                    found.append(f"{where}: the {language} translation of {msgid!r} has other {{fields}}")
        mo = mo_path(language)
        if not mo.exists() or mo.read_bytes() != compiled(language):
            found.append(f"{mo.relative_to(ROOT)} is stale: run scripts/messages.py build")
    return found


def check() -> int:
    for line in problems():
        print(line)
    return 1 if problems() else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    sys.exit({"update": update, "build": build, "check": check}[command]())
