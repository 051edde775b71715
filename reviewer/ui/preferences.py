"""Edit > Preferences: the reviewer's name (shared PCs: whoever sits down sets theirs), the
interface language and what happens after a decision."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLineEdit, QWidget

from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.labels import tr
from reviewer.ui.settings import Settings


class PreferencesDialog(QDialog):
    LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))  # each in its own language

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(tr("Preferences"))
        self.name = QLineEdit(settings.reviewer)
        self.name.setObjectName("reviewerName")
        self.name.setPlaceholderText(tr("Asked at your first decision when empty"))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem(tr("System"), "system")
        for code, name in self.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.auto_advance = QCheckBox(tr("After a decision, move to the next pending figure"))
        self.auto_advance.setChecked(settings.auto_advance)
        form = QFormLayout(self)
        form.addRow(tr("Your name (goes with every decision)"), self.name)
        form.addRow(tr("Language (after a restart)"), self.language)
        form.addRow(self.auto_advance)
        form.addRow(ok_cancel(self))
        self.setMinimumWidth(460)

    def apply(self, settings: Settings) -> None:
        settings.reviewer = self.name.text().strip()
        settings.language = self.language.currentData()
        settings.auto_advance = self.auto_advance.isChecked()
