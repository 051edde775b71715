"""Bringing documents in and data out: new/open project dialogs, importing on a worker thread,
dropping files, and the export dialog (a mixin of MainWindow)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from reviewer.commands.project import store_imported
from reviewer.sources import changed_sources
from reviewer.store import PROJECT_SUFFIX
from reviewer.ui.errors import reports_errors
from reviewer.ui.importer import start_import
from reviewer.ui.labels import tr

SUPPORTED = "*.txt *.md *.docx *.pdf *.html *.htm"


class ImportMixin:
    # -- importing ---------------------------------------------------------------------------

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("New project"), str(Path.home() / ("review" + PROJECT_SUFFIX)),
                                              tr("Review projects (*%1)").replace("%1", PROJECT_SUFFIX))
        if path:
            if not path.endswith(PROJECT_SUFFIX):
                path += PROJECT_SUFFIX
            self.open_project(path, create=True)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open project"), str(Path.home()),
                                              tr("Review projects (*%1)").replace("%1", PROJECT_SUFFIX))
        if path:
            self.open_project(path)

    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("Import documents"), str(Path.home()),
                                                tr("Documents (%1)").replace("%1", SUPPORTED))
        if files:
            self.import_files([Path(f) for f in files])

    @reports_errors
    def check_sources(self) -> None:
        """File > Check source files: list documents whose file changed or went missing, and
        offer to import the changed ones again (their decisions are carried over)."""
        if self.project is None:
            return
        changed = changed_sources(self.project)
        self.reload_documents()
        if not changed:
            self.statusBar().showMessage(tr("Every source file is as it was imported"), 6000)
            return
        lines = "\n".join(f"• {doc.title}: {reason}" for doc, reason in changed)
        files = sorted({Path(doc.source) for doc, _ in changed if Path(doc.source).exists()})
        if not files:
            self.report_error(tr("These source files changed or are missing:") + "\n\n" + lines)
            return
        answer = QMessageBox.question(self, tr("Source files changed"),
                                      tr("These source files changed or are missing:") + "\n\n" + lines + "\n\n"
                                      + tr("Import the changed files again? Decisions are carried over where the "
                                           "figure is still there; the others are kept and flagged."))
        if answer == QMessageBox.StandardButton.Yes:
            split = any(doc.article is not None for doc, _ in changed)
            self.import_files(files, split=split)

    def import_files(self, files: list[Path], split: bool = False) -> None:
        """Read and extract on a worker thread; the window stays responsive and can cancel."""
        if self.project is None:
            self.report_error(tr("Open or create a project first (File > New project)."))
            return
        if self._import_thread is not None:
            self.report_error(tr("An import is already running."))
            return
        self._import_errors: list[str] = []
        self._import_stored = 0
        dialog = QProgressDialog(tr("Importing documents…"), tr("Cancel"), 0, len(files), self)
        dialog.setObjectName("importProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        thread, worker = start_import(files, split)
        self._import_thread, self._import_worker, self._import_dialog = thread, worker, dialog
        worker.progress.connect(self._import_progress)
        worker.documentReady.connect(self._store_document)
        worker.failed.connect(self._import_errors.append)
        worker.finished.connect(self._import_finished)
        dialog.canceled.connect(worker.cancel)
        thread.start()

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self._import_dialog.setMaximum(total)
        self._import_dialog.setValue(done)
        if name:
            self._import_dialog.setLabelText(tr("Reading %1…").replace("%1", name))

    @reports_errors
    def _store_document(self, doc, figures) -> None:
        if self.project is None:
            return
        known = {d.source: d for d in self.project.documents()}
        self._import_stored += store_imported(self.project, doc, figures, known, lambda message: None)

    def _import_finished(self, done: int) -> None:
        self._import_thread.wait(2000)
        self._import_dialog.reset()
        self._import_thread = None
        self.reload_documents()
        summary = tr("%1 documents imported").replace("%1", str(self._import_stored))
        self.statusBar().showMessage(summary, 6000)
        if self._import_errors:
            self.report_error(tr("Some files could not be imported; the others were:") + "\n\n" +
                              "\n".join(self._import_errors))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        projects = [p for p in paths if p.suffix == PROJECT_SUFFIX]
        if projects:
            self.open_project(projects[0])
        documents = [p for p in paths if p.suffix != PROJECT_SUFFIX]
        if documents:
            self.import_files(documents)
        event.acceptProposedAction()

    # -- export ------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        if self.project is None:
            self.report_error(tr("Open a project first."))
            return
        from reviewer.ui.export_dialog import ExportDialog

        language = "zh" if QApplication.translate("Labels", "pending") != "pending" else "en"
        ExportDialog(self.project, self, current_document=self.document_id, language=language).open()
