"""The Checks panel: every finding of the project's checks (severity, message, figures, document,
state), and the dialog that accepts one with a reason. The panel only shows and asks; the
ChecksController (ui/checks.py) runs the checks and writes the decisions."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.checks.model import Severity
from reviewer.commands.checking import ACCEPTED, OPEN, RESOLVED, CheckedFinding
from reviewer.ui.labels import tr

FINDING_ROLE = Qt.ItemDataRole.UserRole + 11
NO_PARENT = QModelIndex()
COLUMNS = ("message", "figures", "document", "state")


def severity_icon(severity: Severity | None) -> QIcon:
    pixmap = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
              Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning}.get(
        severity, QStyle.StandardPixmap.SP_MessageBoxInformation)  # type: ignore[arg-type]
    return QApplication.style().standardIcon(pixmap)


def severity_label(severity: Severity | None) -> str:
    return {Severity.ERROR: tr("error"), Severity.WARNING: tr("warning"), Severity.NOTE: tr("note")}.get(
        severity, "")  # type: ignore[arg-type]


def state_label(state: str) -> str:
    return {OPEN: tr("open"), ACCEPTED: tr("accepted"), RESOLVED: tr("resolved")}.get(state, state)


def figures_text(item: CheckedFinding) -> str:
    return tr("; ").join(f.text for f in item.figures)


class ChecksModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[CheckedFinding] = []
        self._titles = [tr("Finding"), tr("Figures"), tr("Document"), tr("State")]

    def set_items(self, items: list[CheckedFinding]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[CheckedFinding]:
        return list(self._items)

    def row_of(self, key: str) -> int | None:
        return next((row for row, item in enumerate(self._items) if item.key == key), None)

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self._titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = COLUMNS[index.column()]
        if role == FINDING_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "message":
                return item.message
            if column == "figures":
                return figures_text(item)
            if column == "document":
                return item.document
            if item.reason and item.state != OPEN:
                return tr("%1: %2").replace("%1", state_label(item.state)).replace("%2", item.reason)
            return state_label(item.state)
        if role == Qt.ItemDataRole.DecorationRole and column == "message":
            icon = severity_icon(item.severity)
            if item.state != OPEN:  # decided or resolved: the severity greyed
                size = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
                return QIcon(icon.pixmap(size, size, QIcon.Mode.Disabled))
            return icon
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return f"{severity_label(item.severity)} · {item.rule}\n{item.message}"
        if role == Qt.ItemDataRole.ForegroundRole and item.state != OPEN:
            return QApplication.palette().placeholderText()  # decided or resolved: greyed
        return None


class ChecksPanel(QWidget):
    """The list of findings, a line that counts them, and the buttons to accept or reopen one."""

    findingChosen = Signal(object)   # a CheckedFinding: show and highlight its figures
    findingActivated = Signal(object)  # Enter or a double click: to its figures in the text
    acceptRequested = Signal(object)
    reopenRequested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.summary = QLabel()
        self.summary.setObjectName("checksSummary")
        self.summary.setWordWrap(True)
        self.model = ChecksModel(self)
        self.list = QTableView()
        self.list.setObjectName("checksList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        self.list.setWordWrap(False)
        self.list.verticalHeader().setVisible(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.accept_button = QPushButton(tr("&Accept…"))
        self.accept_button.setObjectName("acceptFinding")
        self.accept_button.setToolTip(tr("The figures are right as they are: say why"))
        self.reopen_button = QPushButton(tr("Re&open"))
        self.reopen_button.setObjectName("reopenFinding")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.list.selectionModel().currentRowChanged.connect(self._chosen)
        self.list.activated.connect(lambda index: self._emit(self.findingActivated, index))
        self.accept_button.clicked.connect(lambda: self._emit(self.acceptRequested, self.list.currentIndex()))
        self.reopen_button.clicked.connect(lambda: self._emit(self.reopenRequested, self.list.currentIndex()))
        self._update_buttons()

    def set_items(self, items: list[CheckedFinding], writable: bool = True) -> None:
        """The findings, the current one kept where it is still listed."""
        current = self.current()
        self.list.selectionModel().blockSignals(True)
        try:
            self.model.set_items(items)
            row = self.model.row_of(current.key) if current is not None else None
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row, 0))
        finally:
            self.list.selectionModel().blockSignals(False)
        self._writable = writable
        opened = [i for i in items if i.state == OPEN]
        errors = sum(1 for i in opened if i.severity is Severity.ERROR)
        if not items:
            self.summary.setText(tr("No findings: the figures that can be checked agree"))
        else:
            self.summary.setText(tr("Open: %1 (errors: %2); accepted or resolved: %3")
                                 .replace("%1", str(len(opened))).replace("%2", str(errors))
                                 .replace("%3", str(len(items) - len(opened))))
        self._update_buttons()

    def current(self) -> CheckedFinding | None:
        index = self.list.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def choose(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    def _chosen(self, current: QModelIndex, _previous=None) -> None:
        self._update_buttons()
        if current.isValid():
            self.findingChosen.emit(current.data(FINDING_ROLE))

    def _emit(self, signal, index: QModelIndex) -> None:
        if index.isValid():
            signal.emit(index.data(FINDING_ROLE))

    def _update_buttons(self) -> None:
        item = self.current()
        writable = getattr(self, "_writable", True)
        self.accept_button.setEnabled(writable and item is not None and item.state == OPEN)
        self.reopen_button.setEnabled(writable and item is not None and item.state == ACCEPTED)


class AcceptFindingDialog(QDialog):
    """Accept a finding: the figures are right as they are, for the reason written here."""

    def __init__(self, item: CheckedFinding, parent=None):
        super().__init__(parent)
        self.setObjectName("acceptFindingDialog")
        self.setWindowTitle(tr("Accept finding"))
        message = QLabel(item.message)
        message.setObjectName("acceptedMessage")
        message.setWordWrap(True)
        figures = QLabel(tr("Figures: %1").replace("%1", figures_text(item)))
        figures.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("findingReason")
        self.reason.setPlaceholderText(tr("e.g. different scope: 高技术制造业 includes firms below the size threshold"))
        label = QLabel(tr("&Why are the figures right as they are?"))
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Accept"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(figures)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    def reason_text(self) -> str:
        return self.reason.text().strip()

