"""Project > Assign documents… (the manager of a shared project): each document with the reviewers
it is given to (a check box per reviewer of the project) and how many of them must decide each of
its figures (1 to 3, never more than are chosen). The dialog only collects; the window calls
project.assign for each document that changed, each one an undo step of the store's."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.store import Project
from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.labels import tr

MOST_REVIEWERS = 3


class AssignDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(tr("Assign documents"))
        self.documents = project.documents()
        assigned = project.assignments()
        needed = project.needed_reviewers()
        # the project's reviewers, and anyone a document was given to earlier (not to lose them unseen)
        self.reviewers = sorted({p for p, role in project.members().items() if role == "reviewer"}
                                | {p for names in assigned.values() for p in names})
        self.before = {d.id: (sorted(assigned.get(d.id, [])), needed.get(d.id, 1)) for d in self.documents}
        self.table = QTableWidget(len(self.documents), len(self.reviewers) + 2)
        self.table.setObjectName("assignTable")
        self.table.setHorizontalHeaderLabels([tr("Document"), *self.reviewers, tr("Reviewers needed")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.spins: list[QSpinBox] = []
        for row, doc in enumerate(self.documents):
            title = QTableWidgetItem(doc.title)
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            title.setToolTip(doc.source)
            self.table.setItem(row, 0, title)
            names, count = self.before[doc.id]
            for column, person in enumerate(self.reviewers, start=1):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Checked if person in names else Qt.CheckState.Unchecked)
                box.setToolTip(tr("Give %1 to %2").replace("%1", doc.title).replace("%2", person))
                self.table.setItem(row, column, box)
            spin = QSpinBox()
            spin.setObjectName(f"needed{row}")
            spin.setMinimum(1)
            spin.setToolTip(tr("How many of the chosen reviewers decide each figure (1 to 3)"))
            self.table.setCellWidget(row, len(self.reviewers) + 1, spin)
            self.spins.append(spin)
            self._limit(row)
            spin.setValue(count)
        self.table.itemChanged.connect(lambda item: self._limit(item.row()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Tick who reviews each document, and how many of them must decide each of its figures."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not self.reviewers:
            none = QLabel(tr("Nobody on this project is a reviewer yet (reviewer team add URL NAME --role reviewer)."))
            none.setObjectName("assignNobody")
            none.setWordWrap(True)
            layout.addWidget(none)
        layout.addWidget(self.table)
        layout.addWidget(ok_cancel(self))
        self.resize(max(560, 160 + 90 * len(self.reviewers) + 260), 420)

    def chosen(self, row: int) -> list[str]:
        return [person for column, person in enumerate(self.reviewers, start=1)
                if self.table.item(row, column).checkState() == Qt.CheckState.Checked]

    def choose(self, doc_id: int, reviewers: list[str], needed: int) -> None:
        """Tick exactly `reviewers` for the document and set how many are needed (as a click would)."""
        row = next(r for r, d in enumerate(self.documents) if d.id == doc_id)
        for column, person in enumerate(self.reviewers, start=1):
            self.table.item(row, column).setCheckState(
                Qt.CheckState.Checked if person in reviewers else Qt.CheckState.Unchecked)
        self.spins[row].setValue(needed)

    def _limit(self, row: int) -> None:
        """Never more reviewers needed than are chosen (nobody chosen: 1, the document for anyone)."""
        if 0 <= row < len(self.spins):
            self.spins[row].setMaximum(max(1, min(MOST_REVIEWERS, len(self.chosen(row)))))

    def changes(self) -> list[tuple[int, list[str], int]]:
        """(document id, reviewers, needed) of each document whose assignment the manager changed."""
        out = []
        for row, doc in enumerate(self.documents):
            now = (self.chosen(row), self.spins[row].value())
            if now != self.before[doc.id]:
                out.append((doc.id, *now))
        return out
