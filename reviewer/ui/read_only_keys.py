"""The keys of a change (C, X, E, Ctrl+Enter, Ctrl+Z…) pressed in a read-only window: the
commands are greyed, so Qt would swallow the key without a word; here each press says why."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

CHANGES = ("confirm", "reject", "correct", "undo", "redo")


def say_read_only(commands, window: QWidget, refuse: Callable[[], bool]) -> None:
    """`refuse` shows the read-only message (and does nothing for a writable project)."""
    for name in CHANGES:
        action: QAction = commands.by_name[name]
        single = commands.single.get(name)
        if single is not None:  # the single key's twin stays enabled and triggers the greyed command
            single.triggered.connect(lambda _=False, a=action: a.isEnabled() or refuse())
        # a stand-in with the same keys, live only while the command is greyed (never ambiguous)
        stand_in = QAction(window)
        stand_in.setObjectName(name + "_read_only")
        stand_in.setShortcuts(action.shortcuts())
        stand_in.setEnabled(not action.isEnabled())
        action.enabledChanged.connect(lambda enabled, s=stand_in: s.setEnabled(not enabled))
        stand_in.triggered.connect(lambda _=False: refuse())
        window.addAction(stand_in)
