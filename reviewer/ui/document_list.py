"""The list of documents with each one's progress (reviewed / total, a small bar) and state; on a
shared project also which are the person's own (assigned to them: a bold title and a mark) and
which another reviewer is working on (their lease: "ben is working on it")."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reviewer.store.records import Progress, StoredDocument
from reviewer.ui.document_dates import dates_line
from reviewer.ui.labels import tr

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
MINE_ROLE = Qt.ItemDataRole.UserRole + 3    # assigned to the person who opened the shared project
TAKEN_ROLE = Qt.ItemDataRole.UserRole + 4   # the name of another reviewer holding its lease, or None
_ROOT = QModelIndex()  # the list's (invalid) root index, made once


class DocumentListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._docs: list[StoredDocument] = []
        self._progress: dict[int, Progress] = {}
        self._mine: set[int] = set()
        self._taken: dict[int, str] = {}

    def set_team(self, mine: set[int], taken: dict[int, str]) -> None:
        """The person's own documents and those another reviewer holds (doc id: their name)."""
        self._mine = set(mine)
        self._taken = dict(taken)
        if self._docs:
            self.dataChanged.emit(self.index(0), self.index(len(self._docs) - 1))

    def set_documents(self, docs: list[StoredDocument], progress: dict[int, Progress]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._progress = dict(progress)
        self.endResetModel()

    def set_progress(self, doc_id: int, progress: Progress) -> None:
        self._progress[doc_id] = progress
        for row, doc in enumerate(self._docs):
            if doc.id == doc_id:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def row_of(self, doc_id: int) -> int | None:
        return next((row for row, d in enumerate(self._docs) if d.id == doc_id), None)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._docs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc = self._docs[index.row()]
        progress = self._progress.get(doc.id, Progress(0, 0, 0, 0, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            return doc.title
        if role == DOCUMENT_ROLE:
            return doc
        if role == PROGRESS_ROLE:
            return progress
        if role == MINE_ROLE:
            return doc.id in self._mine
        if role == TAKEN_ROLE:
            return self._taken.get(doc.id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " — ".join([doc.title, *self._team_words(doc.id)])
        if role == Qt.ItemDataRole.ToolTipRole:
            reviewed = tr("%1 of %2 figures reviewed").replace("%1", str(progress.reviewed)).replace(
                "%2", str(progress.total))
            lines = [doc.source, dates_line(doc), reviewed]
            if doc.source_changed:
                lines.append(tr("The source file changed since it was imported"))
            if progress.orphaned:
                lines.append(tr("%1 decisions lost their figure").replace("%1", str(progress.orphaned)))
            return "\n".join(lines + self._team_words(doc.id))
        return None

    def _team_words(self, doc_id: int) -> list[str]:
        words = [tr("Assigned to you")] if doc_id in self._mine else []
        if doc_id in self._taken:
            words.append(taken_text(self._taken[doc_id]))
        return words


def taken_text(holder: str) -> str:
    return tr("%1 is working on it").replace("%1", holder)


class DocumentProgressDelegate(QStyledItemDelegate):
    """Title on the first line; a bar and 'reviewed / total' on the second."""

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setHeight(int(option.fontMetrics.height() * 2.9))
        size.setWidth(10)  # the title elides; never a horizontal scroll bar
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        progress: Progress = index.data(PROGRESS_ROLE)
        rect = option.rect.adjusted(8, 4, -8, -4)
        line = option.fontMetrics.height()
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        if index.data(MINE_ROLE):  # the person's own documents: a mark before a bold title
            mark_font = QFont(option.font)
            mark_font.setBold(True)
            if mark_font.pointSizeF() > 0:
                mark_font.setPointSizeF(mark_font.pointSizeF() * 0.85)
            mark = tr("Yours")
            width = QFontMetrics(mark_font).horizontalAdvance(mark) + 10
            pill = QRect(title_rect.left(), title_rect.top(), width, line)
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#3A9D5D"))
            painter.drawRoundedRect(pill, 3, 3)
            painter.setPen(QColor("white"))
            painter.setFont(mark_font)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, mark)  # centred in its own pill, whatever the script
            painter.restore()
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            metrics = QFontMetrics(font)
            title_rect.setLeft(pill.right() + 7)
        else:
            metrics = option.fontMetrics
        title = metrics.elidedText(index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight,
                                   title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(option.font)
        holder = index.data(TAKEN_ROLE)
        if holder:  # another reviewer holds it: said where the progress would be
            painter.setPen(option.palette.highlightedText().color() if selected else QColor("#B03A2E"))
            text = option.fontMetrics.elidedText(taken_text(holder), Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), rect.top() + line + 4, rect.width(), line),
                             Qt.AlignmentFlag.AlignLeft, text)
            painter.restore()
            return
        label = f"{progress.reviewed} / {progress.total}"
        label_width = option.fontMetrics.horizontalAdvance(label) + 8
        bar = QRect(rect.left(), rect.top() + line + 8, max(10, rect.width() - label_width - 8), max(5, line // 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#D9D9D9"))
        painter.drawRoundedRect(bar, 3, 3)
        if progress.total:
            done = QRect(bar)
            done.setWidth(int(bar.width() * progress.share))
            painter.setBrush(QColor("#3A9D5D") if progress.pending == 0 else QColor("#4A7FD4"))
            painter.drawRoundedRect(done, 3, 3)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        painter.drawText(QRect(bar.right() + 8, bar.center().y() - line // 2, label_width, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.restore()
