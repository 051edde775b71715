"""'Confirm every identical figure': which figures are the same claim, and the list the reviewer
sees before they are confirmed at once.

Identical means the same value, unit, kind and indicator (as they stand after any correction):
'100%' of 覆盖率 and '100%' of 完成率 are two claims, not one."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from reviewer.model import Status
from reviewer.sentences import sentence_text
from reviewer.store import Project
from reviewer.store.records import StoredFigure
from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.labels import tr


def same_claim(a: StoredFigure, b: StoredFigure) -> bool:
    return (a.final_value == b.final_value and (a.final_unit or None) == (b.final_unit or None)
            and a.final_kind is b.final_kind and (a.final_indicator or None) == (b.final_indicator or None))


def identical_pending(project: Project, figure: StoredFigure, document_id: int | None) -> list[StoredFigure]:
    """The pending figures making the same claim as `figure` (itself first when it is pending),
    in one document or (document_id None) in all of them."""
    pool = project.figures(document_id, status=Status.PENDING)
    same = [f for f in pool if not f.removed and same_claim(f, figure)]
    same.sort(key=lambda f: f.id != figure.id)
    return same


class ConfirmIdenticalDialog(QDialog):
    """The figures about to be confirmed, with their document and sentence."""

    def __init__(self, project: Project, figures: list[StoredFigure], parent=None):
        super().__init__(parent)
        self.setObjectName("confirmIdenticalDialog")
        self.setWindowTitle(tr("Confirm identical figures"))
        first = figures[0]
        claim = " · ".join(filter(None, (first.text, first.final_indicator)))
        heading = QLabel(tr("Confirm these %1 figures (same value, unit, kind and indicator: %2)?")
                         .replace("%1", str(len(figures))).replace("%2", html.escape(claim)))
        heading.setWordWrap(True)
        self.table = QTableWidget(len(figures), 3)
        self.table.setObjectName("identicalFigures")
        self.table.setHorizontalHeaderLabels([tr("Document"), tr("Figure"), tr("Sentence")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        documents: dict[int, tuple[str, str]] = {}
        for row, figure in enumerate(figures):
            if figure.document_id not in documents:
                doc = project.document(figure.document_id)
                documents[figure.document_id] = (doc.title, doc.text or "")
            title, text = documents[figure.document_id]
            for column, value in enumerate((title, figure.text, sentence_text(text, figure.start, figure.end))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 220))
        self.table.resizeColumnToContents(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        buttons = ok_cancel(self, ok_text=tr("Confirm all %1").replace("%1", str(len(figures))))
        layout.addWidget(buttons)
        self.resize(820, 360)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]
