"""File > Export: which states, which documents, one sheet per document or one in all, and where."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reviewer.export import ExportError, ExportOptions, export
from reviewer.model import Status
from reviewer.store import StoreError
from reviewer.ui.dialogs import ok_cancel, show_error
from reviewer.ui.labels import status_label, tr


class ExportDialog(QDialog):
    def __init__(self, project, parent=None, current_document: int | None = None, language: str = "zh"):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export"))
        self.project = project
        self.current_document = current_document
        self.states = {}
        states_box = QHBoxLayout()
        for status in Status:
            box = QCheckBox(status_label(status))
            box.setChecked(status in (Status.CONFIRMED, Status.CORRECTED))
            self.states[status] = box
            states_box.addWidget(box)
        self.scope = QComboBox()
        self.scope.addItem(tr("All documents"), "all")
        if current_document is not None:
            self.scope.addItem(tr("Only the document on screen"), "current")
        self.per_document = QCheckBox(tr("One sheet per document"))
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "zh" else 1)
        default = project.path.with_name(project.path.stem + "-figures.xlsx")
        self.destination = QLineEdit(str(default))
        self.destination.setObjectName("exportDestination")
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(tr("States"), _wrap(states_box))
        form.addRow(tr("Documents"), self.scope)
        form.addRow("", self.per_document)
        form.addRow(tr("Headers"), self.language)
        form.addRow(tr("Save as (.xlsx, .csv, .json)"), _wrap(where))
        form.addRow(ok_cancel(self, self.run, tr("Export")))
        self.exported_rows: int | None = None

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export to"), self.destination.text(),
                                              tr("Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)"))
        if path:
            self.destination.setText(path)

    def options(self) -> ExportOptions:
        states = frozenset(s for s, box in self.states.items() if box.isChecked())
        documents = frozenset({self.current_document}) if self.scope.currentData() == "current" else None
        return ExportOptions(states=states, document_ids=documents, per_document=self.per_document.isChecked(),
                             language=self.language.currentData())

    def run(self) -> None:
        path = Path(self.destination.text().strip())
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.exported_rows = export(self.project, path, self.options())
        except (ExportError, StoreError) as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, tr("Export"), str(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(tr("%1 figures exported to %2").replace("%1", str(self.exported_rows))
                                           .replace("%2", str(path)), 8000)
        self.accept()


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
