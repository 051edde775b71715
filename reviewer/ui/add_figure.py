"""Adding a figure the engine missed, from the text the reviewer selected."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from reviewer.extract import figures_only, scan
from reviewer.model import Kind
from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.inspector import FIGURE_KINDS
from reviewer.ui.labels import kind_label, tr


class AddFigureDialog(QDialog):
    def __init__(self, selected: str, parent=None):
        super().__init__(parent)
        self.setObjectName("addFigureDialog")
        self.setWindowTitle(tr("Add a figure"))
        guess = next(iter(figures_only(scan(selected))), None)  # prefill from the engine's reading
        self.value = QLineEdit("" if guess is None or guess.value is None else str(guess.value))
        self.unit = QLineEdit(guess.unit if guess and guess.unit else "")
        self.kind = QComboBox()
        for kind in FIGURE_KINDS:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData((guess.kind if guess else Kind.QUANTITY).value)))
        self.indicator = QLineEdit()
        self.error = QLabel()
        form = QFormLayout(self)
        form.addRow(tr("Figure"), QLabel(selected))
        form.addRow(tr("Value"), self.value)
        form.addRow(tr("Unit"), self.unit)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Indicator"), self.indicator)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self._check))

    def _check(self) -> None:
        try:
            Decimal(self.value.text().replace(",", "").strip())
        except InvalidOperation:
            self.error.setText(tr("The value must be a number."))
            return
        self.accept()

    def values(self) -> dict:
        return {"value": Decimal(self.value.text().replace(",", "").strip()), "unit": self.unit.text().strip() or None,
                "kind": self.kind.currentData(), "indicator": self.indicator.text().strip() or None}
