"""Adding a figure the engine missed, from the text the reviewer selected."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from reviewer.extract.value_input import TypedValue, read_typed_value, written_value
from reviewer.model import Kind
from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.inspector import FIGURE_KINDS
from reviewer.ui.labels import kind_label, tr


class AddFigureDialog(QDialog):
    """Prefilled with what the engine's reader makes of the selection ('1.5万吨': 1.5万, 吨,
    quantity); the reviewer completes or changes it."""

    def __init__(self, selected: str, parent=None):
        super().__init__(parent)
        self.setObjectName("addFigureDialog")
        self.setWindowTitle(tr("Add a figure"))
        guess = read_typed_value(selected)
        self.value = QLineEdit(written_value(guess.value) if guess else "")
        self.value.setObjectName("addValue")
        self.unit = QLineEdit(guess.unit or "" if guess else "")
        self.unit.setObjectName("addUnit")
        self.kind = QComboBox()
        self.kind.setObjectName("addKind")
        for kind in FIGURE_KINDS:
            self.kind.addItem(kind_label(kind), kind.value)
        kind = guess.kind if guess and guess.kind else Kind.QUANTITY
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        self.indicator = QLineEdit()
        self.indicator.setObjectName("addIndicator")
        self.error = QLabel()
        form = QFormLayout(self)
        form.addRow(tr("Figure"), QLabel(selected))
        form.addRow(tr("Value"), self.value)
        form.addRow(tr("Unit"), self.unit)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Indicator"), self.indicator)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self._check))

    def _typed(self) -> TypedValue | None:
        return read_typed_value(self.value.text())

    def _check(self) -> None:
        if self._typed() is None:
            self.error.setText(tr("“%1” is not a value: write it as in a report, e.g. 650亿, 1.5万, 12.5% or "
                                  "80.6亿美元").replace("%1", self.value.text()))
            return
        self.accept()

    def values(self) -> dict:
        typed = self._typed()
        assert typed is not None  # accepted only once it reads
        return {"value": typed.value, "unit": typed.unit or self.unit.text().strip() or None,
                "kind": typed.kind.value if typed.kind else self.kind.currentData(),
                "indicator": self.indicator.text().strip() or None}
