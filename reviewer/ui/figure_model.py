"""The figure table: a QAbstractTableModel over the figures of a document, and one proxy that
sorts and filters them by state, kind, confidence and text."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from reviewer.i18n import translate_parts
from reviewer.model import Kind, Status
from reviewer.store.records import StoredFigure
from reviewer.ui.labels import format_value, kind_label, status_label, tr
from reviewer.ui.style import STATUS_BACKGROUND

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1   # the StoredFigure itself: views never parse display text
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

NO_PARENT = QModelIndex()  # the root: rows of a table have no parent
COLUMNS = ("text", "status", "value", "unit", "kind", "indicator", "change", "period", "confidence", "note")


def column_titles() -> list[str]:
    return [tr("Figure"), tr("State"), tr("Value"), tr("Unit"), tr("Kind"), tr("Indicator"), tr("Change"),
            tr("Period"), tr("Confidence"), tr("Note")]


class FigureTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._figures: list[StoredFigure] = []
        self._row_of: dict[int, int] = {}
        self._titles = column_titles()
        self._marks: dict[int, tuple[object, str]] = {}  # figure id -> (icon, the findings' messages)

    # -- content ---------------------------------------------------------------------------

    def set_figures(self, figures: list[StoredFigure]) -> None:
        self.beginResetModel()
        self._figures = list(figures)
        self._row_of = {f.id: row for row, f in enumerate(self._figures)}
        self.endResetModel()

    def update_figure(self, figure: StoredFigure) -> None:
        row = self._row_of.get(figure.id)
        if row is None:
            self.add_figure(figure)
            return
        if figure.removed:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._figures[row]
            self._row_of = {f.id: r for r, f in enumerate(self._figures)}
            self.endRemoveRows()
            return
        self._figures[row] = figure
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def add_figure(self, figure: StoredFigure) -> None:
        if figure.removed:
            return
        row = sum(1 for f in self._figures if f.start < figure.start)
        self.beginInsertRows(QModelIndex(), row, row)
        self._figures.insert(row, figure)
        self._row_of = {f.id: r for r, f in enumerate(self._figures)}
        self.endInsertRows()

    def figures(self) -> list[StoredFigure]:
        return list(self._figures)

    def set_marks(self, marks: dict[int, tuple[object, str]]) -> None:
        """The figures with an open finding of the checks: an icon by the figure, the messages as
        its tooltip (only the rows whose mark changed are redrawn)."""
        changed = {i for i in set(marks) | set(self._marks) if marks.get(i) != self._marks.get(i)}
        self._marks = dict(marks)
        for figure_id in changed:
            row = self._row_of.get(figure_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def mark_of(self, figure_id: int) -> tuple[object, str] | None:
        return self._marks.get(figure_id)

    def figure_at(self, row: int) -> StoredFigure:
        return self._figures[row]

    def row_of(self, figure_id: int) -> int | None:
        return self._row_of.get(figure_id)

    # -- the model interface -----------------------------------------------------------------

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._figures)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return self._titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._figures):
            return None
        figure = self._figures[index.row()]
        column = COLUMNS[index.column()]
        if role == FIGURE_ROLE:
            return figure
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(figure, column)
        if role == SORT_ROLE:
            return self._sort_key(figure, column)
        if column == "text" and figure.id in self._marks:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._marks[figure.id][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._marks[figure.id][1]
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return STATUS_BACKGROUND[figure.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("value", "confidence"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "confidence" and figure.reason:
                return translate_parts(figure.reason)
            if figure.orphaned:
                return tr("This decision's figure is no longer found in the text")
        return None

    def _display(self, f: StoredFigure, column: str) -> str:
        if column == "text":
            return f.text
        if column == "value":
            return format_value(f.final_value)
        if column == "unit":
            return f.final_unit or ""
        if column == "kind":
            return kind_label(f.final_kind)
        if column == "indicator":
            return f.final_indicator or ""
        if column == "change":
            return f.change or ""
        if column == "period":
            return f.period or ""
        if column == "confidence":
            return f"{f.confidence:.2f}"
        if column == "status":
            return status_label(f.status) + (" ⚠" if f.orphaned else "")
        return f.note or ""

    @staticmethod
    def _sort_key(f: StoredFigure, column: str):
        if column == "value":
            return float(f.final_value) if f.final_value is not None else float("-inf")
        if column == "confidence":
            return f.confidence
        if column == "text":
            return f.start
        if column == "status":
            return list(Status).index(f.status)
        return FigureTableModel._display_plain(f, column)

    @staticmethod
    def _display_plain(f: StoredFigure, column: str) -> str:
        value = {"unit": f.final_unit, "kind": f.final_kind.value, "indicator": f.final_indicator, "change": f.change,
                 "period": f.period, "note": f.note}.get(column)
        return value or ""


class FigureFilterProxy(QSortFilterProxyModel):
    """Filters by state, kind, a confidence ceiling and a text search."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._statuses: set[Status] | None = None
        self._kinds: set[Kind] | None = None
        self._max_confidence = 1.0
        self._search = ""

    def set_statuses(self, statuses: set[Status] | None) -> None:
        self._change_filter("_statuses", set(statuses) if statuses else None)

    def set_kinds(self, kinds: set[Kind] | None) -> None:
        self._change_filter("_kinds", set(kinds) if kinds else None)

    def set_max_confidence(self, ceiling: float) -> None:
        self._change_filter("_max_confidence", ceiling)

    def set_search(self, text: str) -> None:
        self._change_filter("_search", text.strip().lower())

    def _change_filter(self, name: str, value) -> None:
        # Qt 6.10 replaced invalidateFilter() with a begin/end pair; older Qt has only the former
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        figure: StoredFigure = self.sourceModel().index(source_row, 0, source_parent).data(FIGURE_ROLE)
        if figure is None:
            return False
        if self._statuses is not None and figure.status not in self._statuses:
            return False
        if self._kinds is not None and figure.final_kind not in self._kinds:
            return False
        if figure.confidence > self._max_confidence + 1e-9:
            return False
        return not self._search or matches_search(figure, self._search)


def matches_search(figure: StoredFigure, needle: str) -> bool:
    """The search of the table and of all documents: figure, indicator, change, note, unit, value
    (`needle` already lower-cased)."""
    haystack = " ".join(filter(None, (figure.text, figure.final_indicator, figure.change, figure.note,
                                      figure.final_unit, str(figure.final_value or ""))))
    return needle in haystack.lower()
