"""Every command of the window as a QAction, so menus, toolbar and shortcuts agree.

Modified keys (Ctrl+Enter ...) are window shortcuts and work everywhere, also while typing in a
field. Single keys are separate shortcuts bound to the document view and the table only, so
they never fire while typing. A menu shows an action's keys after a tab in its text, the single
key first ("Confirm\tC, Ctrl+Return"); the review actions have no mnemonic, since in a menu it
would be a letter that is not the key (a test presses every key a menu shows)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reviewer.ui.labels import tr


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    keys: tuple[str, ...] = ()      # window-wide
    single: str | None = None       # document view and table only
    checkable: bool = False


def specs() -> list[ActionSpec]:
    return [
        ActionSpec("new_project", tr("&New project…"), ("Ctrl+N",)),
        ActionSpec("open_project", tr("&Open project…"), ("Ctrl+O",)),
        ActionSpec("open_shared_project", tr("Open s&hared project…"), ("Ctrl+Shift+O",)),  # on a server
        ActionSpec("import_files", tr("&Import documents…"), ("Ctrl+I",)),
        ActionSpec("import_reference", tr("Import reference &table…")),
        ActionSpec("export", tr("&Export…"), ("Ctrl+Shift+E",)),
        ActionSpec("save_copy", tr("&Save a copy…")),  # C is Check source files
        ActionSpec("check_sources", tr("&Check source files…")),
        ActionSpec("quit", tr("&Quit"), ("Ctrl+Q",)),
        ActionSpec("undo", tr("&Undo"), ("Ctrl+Z",)),
        ActionSpec("redo", tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
        ActionSpec("add_figure", tr("&Add figure from selection…"), ("Ctrl+Shift+A",)),
        ActionSpec("preferences", tr("&Preferences…"), ("Ctrl+,",)),
        ActionSpec("document_dates", tr("&Date and reporting period…"), ("Ctrl+Shift+D",)),
        ActionSpec("confirm", tr("Confirm"), ("Ctrl+Return", "Ctrl+Enter"), "C"),
        ActionSpec("reject", tr("Reject"), ("Ctrl+Backspace",), "X"),
        ActionSpec("correct", tr("Correct (edit the value)"), ("Ctrl+E",), "E"),
        ActionSpec("skip", tr("Skip"), ("Ctrl+Shift+Right",), "S"),
        ActionSpec("next", tr("Next figure"), ("Ctrl+Down",), "J"),
        ActionSpec("previous", tr("Previous figure"), ("Ctrl+Up",), "K"),
        ActionSpec("next_pending", tr("Next pending figure"), ("Ctrl+Shift+Down",), "N"),
        ActionSpec("confirm_same_doc", tr("Confirm all identical figures in this document…"), ("Ctrl+Shift+Return",),
                   "A"),
        ActionSpec("confirm_same_all", tr("Confirm all identical figures in all documents…"), ("Ctrl+Alt+Return",)),
        ActionSpec("agreement", tr("Agreement between reviewers…"), ("Ctrl+Shift+M",)),
        ActionSpec("adjudicate", tr("Adjudicate disputes…"), ("Ctrl+Shift+J",)),
        ActionSpec("assign", tr("&Assign documents…"), ("Ctrl+Shift+G",)),  # a shared project's manager
        ActionSpec("next_document", tr("Next document"), ("Ctrl+PgDown",)),
        ActionSpec("previous_document", tr("Previous document"), ("Ctrl+PgUp",)),
        ActionSpec("zoom_in", tr("Zoom &in"), ("Ctrl++", "Ctrl+=")),
        ActionSpec("zoom_out", tr("Zoom &out"), ("Ctrl+-",)),
        ActionSpec("zoom_reset", tr("&Reset zoom"), ("Ctrl+0",)),
        ActionSpec("show_dates", tr("Show &dates"), (), None, True),
        ActionSpec("reload", tr("Re&load from disk"), ("F5",)),
        ActionSpec("focus_search", tr("&Find in figures"), ("Ctrl+F",)),
        ActionSpec("show_checks", tr("&Checks panel"), ("Ctrl+Shift+K",)),
        ActionSpec("accept_finding", tr("&Accept finding…"), ("Ctrl+Shift+Y",)),
        ActionSpec("reopen_finding", tr("&Reopen finding")),
        ActionSpec("help", tr("&Keyboard shortcuts"), ("F1",)),
        ActionSpec("open_log_folder", tr("Open &log folder")),
        ActionSpec("about", tr("&About figure-reviewer")),
    ]


class Commands:
    """The window's actions by name, plus the single-key twins of the review actions."""

    def __init__(self, parent: QWidget):
        self.by_name: dict[str, QAction] = {}
        self.single: dict[str, QAction] = {}
        self.single_keys: dict[str, str] = {}
        for spec in specs():
            action = QAction(parent)
            _label(action, spec)
            action.setObjectName(spec.name)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            parent.addAction(action)
            self.by_name[spec.name] = action
            if spec.single:
                twin = QAction(plain_text(spec.text), parent)
                twin.setObjectName(spec.name + "_key")
                twin.setShortcut(QKeySequence(spec.single))
                twin.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                twin.triggered.connect(action.trigger)
                self.single[spec.name] = twin
                self.single_keys[spec.name] = spec.single

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["by_name"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def bind_single_keys(self, *widgets: QWidget) -> None:
        for widget in widgets:
            for twin in self.single.values():
                widget.addAction(twin)

    def review_actions(self) -> list[QAction]:
        names = ("confirm", "reject", "correct", "skip", "next", "previous", "next_pending", "confirm_same_doc",
                 "confirm_same_all", "next_document", "previous_document", "undo", "redo", "add_figure",
                 "focus_search", "show_checks", "accept_finding", "zoom_in", "zoom_out", "help")
        return [self.by_name[n] for n in names]

    def modified_sequences(self) -> list[QKeySequence]:
        return [seq for action in self.by_name.values() for seq in action.shortcuts()]

    def set_text(self, name: str, text: str) -> None:
        """A new text for an action (Undo names its step), its keys still shown."""
        spec = next(s for s in specs() if s.name == name)
        action = self.by_name[name]
        _label(action, ActionSpec(name, text, spec.keys, spec.single))
        action.setIconText(plain_text(spec.text))  # the toolbar keeps its short word


_MNEMONIC = re.compile(r"[(（]&[^)）]+[)）]")  # a translation's "(&U)", which the words alone must not show


def plain_text(text: str) -> str:
    """'&Undo' -> 'Undo', '撤销(&U)' -> '撤销', 'Export…' -> 'Export': for the toolbar and lists."""
    return _MNEMONIC.sub("", text).replace("&", "").rstrip("…").strip()


def _label(action: QAction, spec: ActionSpec) -> None:
    plain = plain_text(spec.text)
    action.setText(shown_text(spec))
    action.setIconText(plain)  # toolbar buttons: the words alone
    keys = shown_keys(spec)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)


def shown_keys(spec: ActionSpec) -> str:
    """'C, Ctrl+Return': the single key (table and document) and the first window-wide key."""
    keys = ([spec.single] if spec.single else []) + [
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys[:1]]
    return ", ".join(keys)


def shown_text(spec: ActionSpec) -> str:
    """The action's text as a menu shows it: the words, a tab, the keys."""
    keys = shown_keys(spec)
    return spec.text + ("\t" + keys if keys else "")
