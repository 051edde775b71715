"""Layers go one way: only reviewer/ui imports Qt; the engine, readers, store and exporters are
plain Python (imported anywhere, also inside functions)."""
import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "reviewer"


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_only_the_ui_package_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "ui") in path.parents:
            continue
        for module in imported_modules(path):
            if module.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not offenders, offenders


def test_plain_layers_do_not_import_the_ui():
    offenders = []
    for layer in ("extract", "checks", "documents", "store", "export"):
        for path in (PACKAGE / layer).rglob("*.py"):
            for module in imported_modules(path):
                if module.startswith("reviewer.ui"):
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not offenders, offenders


def test_the_checks_know_neither_the_store_nor_the_commands():
    """The checks read figures and text; the commands give them the stored figures."""
    offenders = []
    for path in (PACKAGE / "checks").rglob("*.py"):
        for module in imported_modules(path):
            if module.startswith(("reviewer.store", "reviewer.commands", "reviewer.export", "reviewer.cli")):
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not offenders, offenders
