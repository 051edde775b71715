"""Review > Agreement…: how far the project's reviewers agree, as a reviewers x reviewers matrix.

Each cell is a pair's percent agreement and Cohen's kappa; its tooltip, and the line under the
matrix when the cell is selected, add Krippendorff's alpha, the share of same corrections and
the figures the two have in common. The overall measures stand in a line under it. A statistic
that is undefined shows as "—" with a tooltip that says why, never a made-up number.

The decisions are read off the window's thread (reviewer.ui.team_reader): agreement() itself
takes half a second at 200,000 figures x 3 reviewers, but reading them from the log ten
(benchmarks/bench_team_views.py).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.agreement import Agreement, Measures, agreement
from reviewer.commands.disputes import reviewers_decisions
from reviewer.store import Project
from reviewer.ui.labels import tr
from reviewer.ui.team_reader import BackgroundRead

DASH = "—"


def share(value: float | None) -> str:
    return DASH if value is None else f"{value:.0%}"


def number(value: float | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def project_agreement(project: Project) -> Agreement:
    """On the reader's thread: the agreement of every reviewer's decisions."""
    return agreement(reviewers_decisions(project))


def why_undefined(m: Measures) -> str:
    """Why a pair's (or the overall) kappa or alpha has no value: the words of the tooltip."""
    if not m.figures:
        return tr("No figure in common: nothing to compare")
    return tr("Every decision is the same one: chance alone explains the agreement, so kappa and alpha say nothing")


def cell_text(m: Measures) -> str:
    """'92% · κ 0.81', or '—' where the pair has no figure in common."""
    if m.agreement is None:
        return DASH
    return f"{share(m.agreement)} · κ {number(m.kappa)}"


def details(m: Measures) -> str:
    """Every measure of a pair, in words (the cell's tooltip and the line under the matrix)."""
    lines = [tr("%1 figures decided by both").replace("%1", str(m.figures)),
             tr("Agreement: %1").replace("%1", share(m.agreement)),
             tr("Cohen's kappa: %1").replace("%1", number(m.kappa)),
             tr("Krippendorff's alpha: %1").replace("%1", number(m.alpha)),
             tr("Same correction: %1 of %2 corrected by both").replace("%1", share(m.same_correction))
             .replace("%2", str(m.corrected)) if m.corrected
             else tr("Same correction: — (no figure corrected by both)")]
    if m.kappa is None or m.alpha is None:
        lines.append(why_undefined(m))
    return "\n".join(lines)


def overall_text(m: Measures) -> str:
    return (tr("Overall: %1 figures decided by two reviewers or more; agreement %2, Light's kappa %3, "
               "Krippendorff's alpha %4, same correction %5")
            .replace("%1", str(m.figures)).replace("%2", share(m.agreement)).replace("%3", number(m.kappa))
            .replace("%4", number(m.alpha)).replace("%5", share(m.same_correction)))


class AgreementDialog(QDialog):
    """Not modal: it stays open beside the review and follows every decision."""

    def __init__(self, project: Callable[[], Project | None], parent: QWidget | None = None,
                 report_error: Callable[[str, str | None], None] | None = None):
        super().__init__(parent)
        self._report_error = report_error
        self.setObjectName("agreementDialog")
        self.setWindowTitle(tr("Agreement between reviewers"))
        self._project = project
        self.result: Agreement | None = None
        self.matrix = QTableWidget()
        self.matrix.setObjectName("agreementMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setObjectName("agreementEmpty")
        self.detail = QLabel()
        self.detail.setObjectName("agreementDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overall = QLabel()
        self.overall.setObjectName("agreementOverall")
        self.overall.setWordWrap(True)
        self.overall.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.matrix, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.overall)
        layout.addWidget(buttons)
        self.matrix.currentCellChanged.connect(self._cell_chosen)
        self._reader = BackgroundRead(self)
        self._reader.finished.connect(self._filled)
        self._reader.failed.connect(self._failed)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 60, self.fontMetrics().height() * 24)

    def refresh(self) -> None:
        """The matrix from the project's decisions as they stand now, read off the window's thread."""
        project = self._project()
        if project is None:
            self._reader.stop()
            self.result = None
            self._fill()
            return
        if self.result is None:
            self.empty.setText(tr("Reading the reviewers' decisions…"))
            self.empty.setVisible(True)
        self._reader.request(project.location, project_agreement)

    def reading(self) -> bool:
        return self._reader.reading()

    def stop(self) -> None:
        self._reader.stop()
        self.result = None

    def _filled(self, result: Agreement) -> None:
        self.result = result
        self._fill()

    def _fill(self) -> None:
        result = self.result
        reviewers = result.reviewers if result is not None else ()
        row, column = self.matrix.currentRow(), self.matrix.currentColumn()
        self.matrix.clear()
        self.matrix.setRowCount(len(reviewers))
        self.matrix.setColumnCount(len(reviewers))
        self.matrix.setHorizontalHeaderLabels(list(reviewers))
        self.matrix.setVerticalHeaderLabels(list(reviewers))
        compared = len(reviewers) >= 2
        self.empty.setVisible(not compared)
        self.matrix.setVisible(compared)
        self.overall.setVisible(compared)
        self.empty.setText(tr("Fewer than two reviewers decided figures: nothing to compare"))
        if result is None or not compared:
            self.detail.clear()
            return
        place = {name: i for i, name in enumerate(reviewers)}
        for i in range(len(reviewers)):
            item = QTableWidgetItem("")
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # a reviewer against themselves: nothing to say
            self.matrix.setItem(i, i, item)
        for pair in result.pairs:
            i, j = place[pair.first], place[pair.second]
            for r, c in ((i, j), (j, i)):
                item = QTableWidgetItem(cell_text(pair.measures))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(details(pair.measures))
                item.setData(Qt.ItemDataRole.UserRole, pair.measures)
                self.matrix.setItem(r, c, item)
        self.overall.setText(overall_text(result.overall))
        self.overall.setToolTip(why_undefined(result.overall)
                                if result.overall.kappa is None or result.overall.alpha is None else "")
        if 0 <= row < len(reviewers) and 0 <= column < len(reviewers) and row != column:
            self.matrix.setCurrentCell(row, column)
        else:
            self.matrix.setCurrentCell(0, 1)
        self._cell_chosen(self.matrix.currentRow(), self.matrix.currentColumn())

    def _failed(self, message: str) -> None:
        self.empty.setText(message)
        if self._report_error is not None:
            self._report_error(message, None)

    def _cell_chosen(self, row: int, column: int, *_previous) -> None:
        item = self.matrix.item(row, column) if row >= 0 and column >= 0 else None
        measures = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if measures is None or self.result is None:
            self.detail.clear()
            return
        names = self.result.reviewers
        self.detail.setText(tr("%1 and %2").replace("%1", names[row]).replace("%2", names[column]) + ": "
                            + details(measures).replace("\n", "; "))
