"""Undo and redo in the window: a QUndoStack whose commands walk the project's event log.

The store acts first (so a failed write never reaches the stack); the command's first redo()
is then a no-op, later redo()/undo() calls replay the log through the project."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand


class StoreCommand(QUndoCommand):
    def __init__(self, text: str, figure_ids: list[int], project_getter: Callable, on_change: Callable[[list[int]], None]):
        super().__init__(text)
        self._figure_ids = figure_ids
        self._project = project_getter
        self._on_change = on_change
        self._done_once = True  # the action was already carried out before the push

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
        else:
            for _ in self._figure_ids:
                self._project().redo()
        self._on_change(self._figure_ids)

    def undo(self) -> None:
        for _ in self._figure_ids:
            self._project().undo()
        self._on_change(self._figure_ids)
