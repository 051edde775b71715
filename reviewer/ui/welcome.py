"""What the window shows while no project is open: the ways to start, and the recent
projects one click away."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.store.locations import is_server_url
from reviewer.ui.labels import tr
from reviewer.ui.project_labels import recent_entry

SHOWN_RECENT = 6


class WelcomePane(QWidget):
    newProject = Signal()
    openProject = Signal()
    openSharedProject = Signal()
    openRecent = Signal(str)
    importDocuments = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomePane")
        title = QLabel(tr("Welcome to figure-reviewer"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(tr("Find every figure in your reports, review each one in place, and export the "
                          "reviewed figures to Excel. Start with a project, or import documents: a project "
                          "is then created beside them."))
        intro.setWordWrap(True)
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for column, (name, text, signal) in enumerate((
                ("import", tr("Import documents…"), self.importDocuments),
                ("new", tr("New project…"), self.newProject),
                ("open", tr("Open project…"), self.openProject),
                ("shared", tr("Open shared project…"), self.openSharedProject))):
            button = QPushButton(text)
            button.setObjectName(f"welcome_{name}")
            button.setMinimumHeight(int(button.sizeHint().height() * 1.6))
            button.clicked.connect(signal)
            buttons.addWidget(button, 0, column)
            self.buttons[name] = button
        self.buttons["import"].setDefault(True)
        self.recent_title = QLabel(tr("Open recent"))
        self.recent_title.setObjectName("welcomeRecentTitle")
        self.recent = QVBoxLayout()
        self.recent.setSpacing(0)
        self.recent_buttons: list[QCommandLinkButton] = []
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addSpacing(8)
        column.addWidget(intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addLayout(self.recent)
        column.addStretch(1)
        box = QWidget()
        box.setMinimumWidth(min(640, 40 * self.fontMetrics().averageCharWidth() * 2))
        box.setMaximumWidth(720)
        box.setLayout(column)
        outer = QVBoxLayout(self)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_recent(self, paths: list[str]) -> None:
        """Recent projects that still exist, newest first (a shared one is asked only when opened: a
        server may be slow to answer); the title hides when there are none."""
        for button in self.recent_buttons:
            self.recent.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        for path in [p for p in paths if is_server_url(p) or Path(p).exists()][:SHOWN_RECENT]:
            button = QCommandLinkButton(*recent_entry(path))
            button.setObjectName("welcomeRecentProject")
            button.setToolTip(path)
            button.clicked.connect(lambda checked=False, p=path: self.openRecent.emit(p))
            self.recent.addWidget(button)
            self.recent_buttons.append(button)
        self.recent_title.setVisible(bool(self.recent_buttons))
