"""Finding figures: the search field (Return and Down go to what it found, Escape clears it and
gives the keyboard back) and the list of hits in all documents."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from reviewer.store import Project
from reviewer.ui.figure_model import matches_search
from reviewer.ui.labels import tr

MAX_HITS = 500  # a list longer than this is read by narrowing the search, not by scrolling


class SearchField(QLineEdit):
    accepted = Signal()   # Return, Enter or Down: go to the first hit
    escaped = Signal()    # Escape: the search is cleared, the keyboard goes back

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.accepted.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


FIGURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResults(QListWidget):
    """Hits of the search in every document: 'document · figure · indicator'; Return or a
    double click opens the document at that figure."""

    figureChosen = Signal(int)
    escaped = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.itemActivated.connect(self._activated)

    def fill(self, project: Project | None, needle: str) -> int:
        """List the hits of `needle` in all documents; the number of hits."""
        self.clear()
        needle = needle.strip().lower()
        if project is None or not needle:
            return 0
        titles = {doc.id: doc.title for doc in project.documents()}
        hits = [f for f in project.figures() if not f.removed and matches_search(f, needle)]
        for figure in hits[:MAX_HITS]:
            label = " · ".join(filter(None, (titles.get(figure.document_id, ""), figure.text, figure.final_indicator)))
            item = QListWidgetItem(label)
            item.setData(FIGURE_ID_ROLE, figure.id)
            self.addItem(item)
        if len(hits) > MAX_HITS:
            more = QListWidgetItem(tr("… %1 more: narrow the search").replace("%1", str(len(hits) - MAX_HITS)))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(more)
        return len(hits)

    def figure_ids(self) -> list[int]:
        return [self.item(r).data(FIGURE_ID_ROLE) for r in range(self.count()) if self.item(r).data(FIGURE_ID_ROLE)]

    def focus_first(self) -> None:
        if self.count():
            self.setCurrentRow(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, item: QListWidgetItem) -> None:
        figure_id = item.data(FIGURE_ID_ROLE)
        if figure_id is not None:
            self.figureChosen.emit(figure_id)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)
