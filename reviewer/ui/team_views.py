"""The window's views of a team's work: the agreement matrix (a dialog) and the adjudicator's
list of disputes (a dock under the text, beside the Checks). Both follow every decision, undo
and redo through the review's figuresChanged, and a reload from disk; while hidden they do not
compute anything."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from reviewer.ui.adjudication_panel import AdjudicationPanel
from reviewer.ui.agreement_view import AgreementDialog
from reviewer.ui.errors import reports_errors
from reviewer.ui.labels import tr
from reviewer.ui.window_roles import blind_review_tip, sees_everyone

if TYPE_CHECKING:
    from reviewer.ui.main_window import MainWindow

AGREEMENT_PAUSE_MS = 800


class TeamViews(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        review = window.review
        self.agreement = AgreementDialog(lambda: window.project, window, window.report_error)
        self.panel = AdjudicationPanel(lambda: window.project, review.writable, review.figures_changed,
                                       window.statusBar().showMessage, review.run_dialog, window.report_error)
        self.dock = QDockWidget(tr("Disputes"), window)
        self.dock.setObjectName("adjudicationDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.checks_dock, self.dock)
        self.dock.hide()
        # the matrix reads the whole log (seconds on a big project, off the window's thread): once
        # the decisions pause, not after every key
        self._agreement_timer = QTimer(self)
        self._agreement_timer.setSingleShot(True)
        self._agreement_timer.setInterval(AGREEMENT_PAUSE_MS)
        self._agreement_timer.timeout.connect(self._refresh_agreement)
        self.panel.figureChosen.connect(review.open_figure)
        review.figuresChanged.connect(self.refresh)
        self.dock.visibilityChanged.connect(lambda shown: shown and self.panel.refresh())
        self._tips = {c.objectName(): c.toolTip() for c in (window.commands.agreement, window.commands.adjudicate)}
        window.commands.agreement.triggered.connect(self.show_agreement)
        window.commands.adjudicate.triggered.connect(self.show_disputes)

    def report_error(self, message: str, details: str | None = None) -> None:  # for @reports_errors
        self._window.report_error(message, details)

    @reports_errors
    def show_agreement(self) -> None:
        if not sees_everyone(self._window.project):
            return
        self.agreement.refresh()
        self.agreement.show()
        self.agreement.raise_()
        self.agreement.matrix.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @reports_errors
    def show_disputes(self) -> None:
        if not sees_everyone(self._window.project):
            return
        if self.dock.isVisible():
            self.panel.refresh()  # shown already: visibilityChanged does not come
        self.dock.show()
        self.dock.raise_()
        self._window.activateWindow()  # the keys go to the list, also from the matrix beside it
        # room for a dozen disputes: the strip the Checks panel keeps is too low for a list to work in
        height = self._window.fontMetrics().height() * 18
        if self.dock.height() < height:
            self._window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
        self.panel.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @reports_errors
    def refresh(self, *_args) -> None:
        """After decisions, undo, redo or a reload: what is on show follows the project."""
        if self.agreement.isVisible():
            self._agreement_timer.start()
        if self.dock.isVisible():
            self.panel.refresh()

    @reports_errors
    def _refresh_agreement(self) -> None:
        if self.agreement.isVisible():
            self.agreement.refresh()

    def clear(self) -> None:
        """The project closed: nothing of it stays on show (the welcome has no panes)."""
        self._agreement_timer.stop()
        self.agreement.stop()
        self.agreement.close()
        self.dock.hide()
        # the matrix reads the whole log (seconds on a big project, off the window's thread): once
        # the decisions pause, not after every key
        self._agreement_timer = QTimer(self)
        self._agreement_timer.setSingleShot(True)
        self._agreement_timer.setInterval(AGREEMENT_PAUSE_MS)
        self._agreement_timer.timeout.connect(self._refresh_agreement)
        self.panel.clear()

    def set_enabled(self, project) -> None:
        """Everyone's decisions: for the adjudicator and the manager (a reviewer's view is blind),
        and for a project file's one user."""
        allowed = sees_everyone(project)
        for command in (self._window.commands.agreement, self._window.commands.adjudicate):
            command.setEnabled(allowed)
            blind = project is not None and not allowed
            command.setToolTip(blind_review_tip() if blind else self._tips[command.objectName()])
        if not allowed:
            self.agreement.close()
            self.dock.hide()
