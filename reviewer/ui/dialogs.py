"""Dialogs: errors that say what happened and what to do, the shortcut overlay, the reviewer's
name, and the warning when no font can show Chinese."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.labels import tr


def ok_cancel(dialog: QDialog, on_ok=None, ok_text: str | None = None) -> QDialogButtonBox:
    """The OK/Cancel row every dialog ends with; OK runs on_ok (default: accept)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_error(parent: QWidget | None, title: str, message: str, details: str | None = None) -> QMessageBox:
    """A window-modal message that does not block the event loop (tests and workers go on)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if details:
        box.setDetailedText(details)
    box.open()
    return box


class NameDialog(QDialog):
    """'Your name': OK stays greyed until there is a name (an empty one would record nothing)."""

    def __init__(self, parent: QWidget | None, current: str = ""):
        super().__init__(parent)
        self.setObjectName("nameDialog")
        self.setWindowTitle(tr("Your name"))
        self.name = QLineEdit(current)
        self.name.setObjectName("reviewerName")
        self.buttons = ok_cancel(self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(current.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Your name goes with every decision you record (asked once):")))
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.name.text().strip():  # Return in the field reaches here even while OK is greyed
            super().accept()


def ask_reviewer_name(parent: QWidget, current: str = "") -> str | None:
    """The name, or None when the reviewer cancels; then the status bar says nothing was recorded."""
    dialog = NameDialog(parent, current)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.name.text().strip()
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(tr("Nothing recorded: a decision needs your name"), 8000)
    return None


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def chinese_font_warning() -> str:
    return tr("No font that can show Chinese is installed: every Chinese character will appear as a box. "
              "Install one (on Debian/Ubuntu: sudo apt install fonts-noto-cjk) and restart.")


class ShortcutOverlay(QDialog):
    """F1: every review action with its keys, read from the actions themselves."""

    def __init__(self, actions: list[QAction], single_keys: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("shortcutOverlay")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = []
        for action in actions:
            keys = [s.toString(s.SequenceFormat.NativeText) for s in action.shortcuts()]
            single = single_keys.get(action.objectName())
            if single:
                keys.insert(0, single)
            if keys:
                rows.append(f"<tr><td style='padding:3px 16px 3px 0'><b>{' / '.join(html.escape(k) for k in keys)}</b>"
                            f"</td><td>{html.escape(action.iconText())}</td></tr>")
        hint = tr("Single keys work in the document and the table; keys with Ctrl work everywhere, also while typing.")
        label = QLabel("<table>" + "".join(rows) + "</table><p>" + html.escape(hint) + "</p>")
        label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

