"""The adjudicator's table: one row per open dispute, the figure and its context, then one column
per reviewer with that reviewer's version (empty where they did not decide the figure)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.adjudication import Dispute
from reviewer.decisions import Version
from reviewer.model import Status
from reviewer.ui.labels import format_value, kind_label, status_label, tr

FIGURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = 3  # figure, document, context


@dataclass(frozen=True)
class DisputeRow:
    dispute: Dispute
    text: str  # the figure as written
    document: str  # the document's title
    context: str  # the words around the figure

    @property
    def figure(self) -> int:
        return self.dispute.figure

    def version_of(self, reviewer: str) -> Version | None:
        return dict(self.dispute.versions).get(reviewer)


def version_text(version: Version | None) -> str:
    """'confirmed', 'rejected', 'corrected: 1,300 亿元 (money, 地区生产总值)'; '' for no decision."""
    if version is None:
        return ""
    if version.status is not Status.CORRECTED:
        return status_label(version.status)
    extra = ", ".join(x for x in (kind_label(version.kind) if version.kind else "", version.indicator or "") if x)
    value = " ".join(x for x in (format_value(version.value), version.unit or "") if x) or "—"
    value += f" ({extra})" if extra else ""
    return tr("%1: %2").replace("%1", status_label(version.status)).replace("%2", value)


class DisputeModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DisputeRow] = []
        self.reviewers: tuple[str, ...] = ()  # as shown: names, or letters when names are hidden

    def set_rows(self, rows: list[DisputeRow], reviewers: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.reviewers = reviewers
        self.endResetModel()

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.reviewers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < FIXED_COLUMNS:
            return (tr("Figure"), tr("Document"), tr("Context"))[section]
        key = section - FIXED_COLUMNS + 1  # the key that takes this reviewer's version
        return f"{key} · {self.reviewers[section - FIXED_COLUMNS]}" if key <= 9 else self.reviewers[key - 1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == FIGURE_ID_ROLE:
            return row.figure
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column < FIXED_COLUMNS:
            return (row.text, row.document, row.context)[column]
        text = version_text(row.version_of(self.reviewers[column - FIXED_COLUMNS]))
        if role == Qt.ItemDataRole.ToolTipRole and not text:
            return tr("This reviewer did not decide the figure")
        return text
