"""Keep the interface's translations in step with the code.

    python scripts/translations.py update   # add every tr("...") string of reviewer/ui to the .ts files
    python scripts/translations.py build    # compile the .ts files to .qm (pyside6-lrelease)

The .ts files in resources/translations are the source of truth (edit them with Qt Linguist
or by hand); the .qm files are built from them and shipped.
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "reviewer" / "ui"
FOLDER = ROOT / "resources" / "translations"
CONTEXT = "Labels"
LANGUAGES = ("zh_CN",)


def source_strings() -> list[str]:
    found: dict[str, None] = {}
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
    return list(found)


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    done = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") != "obsolete":
            done[source] = translation.text
    return done


def write_ts(path: Path, language: str, strings: list[str], done: dict[str, str]) -> int:
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    missing = 0
    for text in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if text in done:
            translation.text = done[text]
        else:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    path.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="utf-8"))
    return missing


def update() -> int:
    strings = source_strings()
    for language in LANGUAGES:
        path = FOLDER / f"reviewer_{language}.ts"
        missing = write_ts(path, language, strings, read_ts(path))
        print(f"{path.name}: {len(strings)} strings, {missing} not yet translated")
    return 0


def build() -> int:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    for language in LANGUAGES:
        ts = FOLDER / f"reviewer_{language}.ts"
        subprocess.run([tool, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    sys.exit({"update": update, "build": build}[command]())
