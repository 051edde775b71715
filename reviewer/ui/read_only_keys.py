"""The keys of a change (C, X, E, Ctrl+Enter, Ctrl+Z…) pressed in a read-only window: the
commands are greyed, so Qt would swallow the key without a word; here each press says why."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

CHANGES = ("confirm", "reject", "correct", "undo", "redo")


def say_read_only(commands, window: QWidget, refuse: Callable[[], bool], read_only: Callable[[], bool],
                  changes: Iterable) -> None:
    """`refuse` shows the read-only message (and does nothing for a writable project);
    `read_only` says whether the project on show is read-only; after each signal of `changes`
    (the review's state and history) the stand-ins follow their commands."""
    pairs: list[tuple[QAction, QAction]] = []
    for name in CHANGES:
        action: QAction = commands.by_name[name]
        single = commands.single.get(name)
        if single is not None:  # the single key's twin stays enabled and triggers the greyed command
            single.triggered.connect(lambda _=False, a=action: a.isEnabled() or refuse())
        # a stand-in with the same keys, live only while the command is greyed in a read-only
        # window (never ambiguous, and a greyed Ctrl+Z elsewhere still reaches the text field)
        stand_in = QAction(window)
        stand_in.setObjectName(name + "_read_only")
        stand_in.setShortcuts(action.shortcuts())
        stand_in.setEnabled(False)
        action.enabledChanged.connect(lambda enabled, s=stand_in: s.setEnabled(not enabled and read_only()))
        stand_in.triggered.connect(lambda _=False: refuse())
        window.addAction(stand_in)
        pairs.append((action, stand_in))

    def follow() -> None:
        for action, stand_in in pairs:
            stand_in.setEnabled(not action.isEnabled() and read_only())

    for signal in changes:
        signal.connect(follow)
