"""The main window: documents on the left, the report with its highlights in the middle, the
figure table below it, the inspector on the right; review from the keyboard."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__, i18n
from reviewer.model import Kind, Status
from reviewer.paths import user_log_dir
from reviewer.store import PROJECT_SUFFIX, Project, ProjectLocked, ReadOnlyProject, StoreError
from reviewer.store.errors import PasswordInLocation
from reviewer.store.locations import FileLocation, Location, ServerLocation
from reviewer.store.opening import location_of
from reviewer.store.opening import open_project as open_store_project
from reviewer.ui.actions import Commands
from reviewer.ui.assign_dialog import AssignDialog
from reviewer.ui.checks import ChecksController
from reviewer.ui.checks_panel import ChecksPanel
from reviewer.ui.dialogs import (
    ShortcutOverlay,
    chinese_font_warning,
    has_chinese_font,
    show_error,
)
from reviewer.ui.document_dates import DatesBar, DocumentDates
from reviewer.ui.document_list import (
    DOCUMENT_ROLE,
    DocumentListModel,
    DocumentProgressDelegate,
    taken_text,
)
from reviewer.ui.document_view import DocumentView
from reviewer.ui.errors import reports_errors
from reviewer.ui.figure_model import FigureFilterProxy, FigureTableModel
from reviewer.ui.file_dialogs import FileDialogs
from reviewer.ui.importing import Importer
from reviewer.ui.inspector import Inspector
from reviewer.ui.labels import kind_label, status_label, tr
from reviewer.ui.leases import DocumentLease, taken_message
from reviewer.ui.preferences import PreferencesDialog
from reviewer.ui.project_labels import project_title, recent_menu_text, remembered_as
from reviewer.ui.project_watch import ProjectWatch
from reviewer.ui.read_only_keys import say_read_only
from reviewer.ui.review import FigureTable, ReviewController
from reviewer.ui.search import SearchField, SearchResults
from reviewer.ui.settings import Settings
from reviewer.ui.shared_project import SharedProjectDialog
from reviewer.ui.style import show_focus
from reviewer.ui.sync import ProjectSync
from reviewer.ui.team_views import TeamViews
from reviewer.ui.welcome import WelcomePane
from reviewer.ui.window_roles import manager_only_message, manages, person_text

log = logging.getLogger(__name__)

SECOND_WINDOW_OFFSET = QPoint(48, 48)  # a second window on a project opens beside the first, not over it
NAVIGATION = ("next", "previous", "next_pending", "next_document", "previous_document", "focus_search",
              "zoom_in", "zoom_out", "zoom_reset", "show_dates", "reload")


def share_text(share: float) -> str:
    """'37%', but '<1%' for a start and '>99%' for nearly done: never 0% or 100% when it is not."""
    if 0 < share < 0.005:
        return "<1%"
    if 0.995 <= share < 1:
        return ">99%"
    return f"{share:.0%}"


class MainWindow(QMainWindow):
    projectOpened = Signal(str)

    def __init__(self, settings: Settings | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.project: Project | None = None
        self.project_location: Location | None = None  # where the open project lives, as it was opened
        self.last_error: str | None = None
        self._marking_document = False
        self._focus_before_search: QWidget | None = None
        self.commands = Commands(self)
        self.files = FileDialogs(self, self.settings, self._project_file)
        self.importer = Importer(self, lambda: self.project, self.report_error,
                                 lambda text: self.statusBar().showMessage(text, 8000), self.reload_documents)
        self._build_widgets()
        self.review = ReviewController(lambda: self.project, FigureTable(self.table, self.table_model, self.proxy),
                                       self.view, self.inspector, self.settings, self.report_error,
                                       self.statusBar().showMessage, self)
        self.checks = ChecksController(lambda: self.project, self.review, self.view, self.table_model, self.inspector,
                                       self.checks_panel, self.report_error, self.statusBar().showMessage, self)
        self.watch = ProjectWatch(lambda: self.project, self)
        self.sync = ProjectSync(self.report_error, self)  # a shared project: live, and offline decisions kept
        self.review.send_decisions_through(self.sync.decide)
        self.lease = DocumentLease(lambda: self.project, self)  # a single-review document: one reviewer at a time
        self.review.refuse_changes_with(self.lease.refusal)
        self._assign_tip = self.commands.assign.toolTip()
        self.statusBar().addPermanentWidget(self.sync.label)
        self.dates = DocumentDates(self, lambda: self.project, self.report_error, self.statusBar().showMessage)
        self.team = TeamViews(self)  # agreement matrix and the adjudicator's disputes
        self._build_menus()
        self._connect_signals()
        self._restore_layout()
        self._update_title()
        self._update_enabled()
        self._show_welcome(True)
        if not has_chinese_font():
            self.statusBar().showMessage(chinese_font_warning())
            QTimer.singleShot(0, lambda: self.report_error(chinese_font_warning()))

    # -- construction ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.view = DocumentView()
        self.table_model = FigureTableModel(self)
        self.proxy = FigureFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.table = QTableView()
        self.table.setObjectName("figureTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # document order until the reviewer clicks a header: sorting 10,000 rows costs a second
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        self.table.setAlternatingRowColors(True)

        self.search = SearchField()
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(tr("Search figures, indicators, notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.search_scope = QComboBox()
        self.search_scope.setObjectName("searchScope")
        self.search_scope.addItem(tr("This document"), False)
        self.search_scope.addItem(tr("All documents"), True)
        self.search_results = SearchResults()
        self.search_results.setVisible(False)
        self.search_results.setMaximumHeight(self.fontMetrics().height() * 10)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)  # all documents: search once typing pauses
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(tr("All states"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status), status.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind in Kind:
            if kind is not Kind.DATE:
                self.kind_filter.addItem(kind_label(kind), kind.value)
        self.doubtful = QCheckBox(tr("Doubtful only (confidence < 0.8)"))
        self.doubtful.setObjectName("doubtfulFilter")
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.search_scope)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.doubtful)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filters)
        table_layout.addWidget(self.search_results)
        table_layout.addWidget(self.table)

        self.dates_bar = DatesBar()  # the document's date and reporting period, above its text
        document_pane = QWidget()
        document_layout = QVBoxLayout(document_pane)
        document_layout.setContentsMargins(0, 0, 0, 0)
        document_layout.setSpacing(0)
        document_layout.addWidget(self.dates_bar)
        document_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("centralSplitter")
        self.splitter.addWidget(document_pane)
        self.splitter.addWidget(table_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.welcome = WelcomePane()
        self.central = QStackedWidget()  # the welcome while no project is open, the review otherwise
        self.central.addWidget(self.splitter)
        self.central.addWidget(self.welcome)
        self.setCentralWidget(self.central)
        self._hidden_docks: list[QDockWidget] = []

        self.doc_model = DocumentListModel(self)
        self.doc_list = QListView()
        self.doc_list.setObjectName("documentList")
        self.doc_list.setModel(self.doc_model)
        self.doc_list.setItemDelegate(DocumentProgressDelegate(self.doc_list))
        self.doc_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        docs_dock = QDockWidget(tr("Documents"), self)
        docs_dock.setObjectName("documentsDock")
        docs_dock.setWidget(self.doc_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docs_dock)

        self.inspector = Inspector()
        self.inspector.setMinimumWidth(300)
        self.inspector.pass_shortcuts_through(self.commands.modified_sequences())
        inspector_dock = QDockWidget(tr("Figure"), self)
        inspector_dock.setObjectName("inspectorDock")
        inspector_dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, inspector_dock)
        self.checks_panel = ChecksPanel()
        checks_dock = QDockWidget(tr("Checks"), self)
        checks_dock.setObjectName("checksDock")
        checks_dock.setWidget(self.checks_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, checks_dock)
        self.checks_dock = checks_dock
        self.docks = (docs_dock, inspector_dock, checks_dock)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.reviewer_label = QToolButton()  # a click changes the name (a shared PC)
        self.reviewer_label.setObjectName("reviewerLabel")
        self.reviewer_label.setAutoRaise(True)
        self.reviewer_label.setToolTip(tr("Click to change your name"))
        self.read_only_label = QLabel(tr("Read-only"))
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setStyleSheet("QLabel { background: #F4D03F; padding: 0 6px; font-weight: bold; }")
        self.read_only_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.reviewer_label)
        for pane in (self.doc_list, self.view, self.table):
            show_focus(pane)  # single keys work here: the reviewer must see which pane has them
        self.commands.bind_single_keys(self.view, self.table)
        self._set_tab_order()
        self.setAcceptDrops(True)

    def _size_columns(self) -> None:
        """Widths from the font and the longest usual value, so that all but the note fit beside
        each other (a period such as 2025-01-01—2025-11-30 is cut otherwise)."""
        metrics = self.table.fontMetrics()
        samples = ("121.6亿美元", "corrected", "12,160,000,000", "亿美元", "quantity", "对外工程承包完成额",
                   "同比增长", "2025-01—2025-11", "0.90")
        headers = self.table_model
        for column, sample in enumerate(samples):
            header = str(headers.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header) + 16) + 16
            self.table.setColumnWidth(column, width)

    def _set_tab_order(self) -> None:
        """Tab goes round documents, text, search and filters, table, inspector, and back."""
        self.view.setTabChangesFocus(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        self.doc_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        chain = [self.doc_list, self.dates_bar.button, self.view,
                 self.search, self.search_scope, self.status_filter, self.kind_filter,
                 self.doubtful, self.search_results, self.table, *self.inspector.focus_chain(),
                 self.checks_panel.list, self.checks_panel.accept_button, self.checks_panel.reopen_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(chain[-1], self.doc_list)

    def _build_menus(self) -> None:
        a = self.commands
        menu = self.menuBar().addMenu(tr("&File"))
        for name in ("new_project", "open_project", "open_shared_project"):
            menu.addAction(a.by_name[name])
        self.recent_menu = menu.addMenu(tr("Open &recent"))
        menu.addSeparator()
        menu.addAction(a.import_files)
        menu.addAction(a.import_reference)
        menu.addAction(a.check_sources)
        menu.addAction(a.export)
        menu.addAction(a.save_copy)
        menu.addSeparator()
        menu.addAction(a.quit)
        menu = self.menuBar().addMenu(tr("&Edit"))
        for name in ("undo", "redo", None, "add_figure", None, "focus_search", None, "preferences"):
            menu.addSeparator() if name is None else menu.addAction(a.by_name[name])
        menu = self.menuBar().addMenu(tr("&Document"))
        menu.addAction(a.by_name["document_dates"])
        menu = self.menuBar().addMenu(tr("&Review"))
        menu.setToolTipsVisible(True)  # a reviewer's greyed Agreement and Disputes say why
        for name in ("confirm", "reject", "correct", "skip", None, "next", "previous", "next_pending", None,
                     "confirm_same_doc", "confirm_same_all", None, "next_document", "previous_document", None,
                     "agreement", "adjudicate"):
            menu.addSeparator() if name is None else menu.addAction(a.by_name[name])
        menu = self.menuBar().addMenu(tr("&Project"))
        menu.setToolTipsVisible(True)
        menu.addAction(a.by_name["assign"])
        menu = self.menuBar().addMenu(tr("&Checks"))
        for name in ("show_checks", "accept_finding", "reopen_finding", None, "import_reference"):
            menu.addSeparator() if name is None else menu.addAction(a.by_name[name])
        menu = self.menuBar().addMenu(tr("&View"))
        for name in ("reload", None, "zoom_in", "zoom_out", "zoom_reset", None, "show_dates"):
            menu.addSeparator() if name is None else menu.addAction(a.by_name[name])
        for dock in self.docks:
            menu.addAction(dock.toggleViewAction())
        menu = self.menuBar().addMenu(tr("&Help"))
        for name in ("help", "open_log_folder", "about"):
            menu.addAction(a.by_name[name])
        toolbar = QToolBar(tr("Review"), self)
        toolbar.setObjectName("reviewToolbar")
        for name in ("import_files", None, "confirm", "reject", "correct", "skip", None, "previous", "next",
                     "next_pending", None, "undo", "redo"):
            toolbar.addSeparator() if name is None else toolbar.addAction(a.by_name[name])
        self.addToolBar(toolbar)
        self._fill_recent_menu()

    def _connect_signals(self) -> None:
        a = self.commands
        # files
        a.new_project.triggered.connect(self.new_project_dialog)
        a.open_project.triggered.connect(self.open_project_dialog)
        a.open_shared_project.triggered.connect(self.open_shared_project_dialog)
        a.import_files.triggered.connect(self.import_dialog)
        a.export.triggered.connect(self.export_dialog)
        a.save_copy.triggered.connect(self.save_copy_dialog)
        a.check_sources.triggered.connect(self.check_sources)
        a.import_reference.triggered.connect(self.import_reference_dialog)
        a.show_checks.triggered.connect(self.focus_checks)
        a.accept_finding.triggered.connect(lambda: self.checks.accept())
        a.reopen_finding.triggered.connect(lambda: self.checks.reopen())
        self.checks.updated.connect(self._update_checks_enabled)
        self.checks_panel.list.selectionModel().currentRowChanged.connect(self._update_checks_enabled)
        self.welcome.newProject.connect(self.new_project_dialog)
        self.welcome.openProject.connect(self.open_project_dialog)
        self.welcome.openSharedProject.connect(self.open_shared_project_dialog)
        self.welcome.openRecent.connect(self.open_project)
        self.welcome.importDocuments.connect(self.import_dialog)
        self.reviewer_label.clicked.connect(lambda: self.preferences_dialog(focus_name=True))
        a.quit.triggered.connect(self.close)
        a.document_dates.triggered.connect(self.document_dates_dialog)
        self.dates_bar.button.clicked.connect(a.document_dates.trigger)
        self.dates.changed.connect(self._document_dates_changed)
        # review
        review = self.review
        a.confirm.triggered.connect(lambda: review.decide_current(Status.CONFIRMED))
        a.reject.triggered.connect(lambda: review.decide_current(Status.REJECTED))
        a.correct.triggered.connect(review.start_correction)
        a.skip.triggered.connect(review.skip)
        a.next.triggered.connect(lambda: review.move(+1))
        a.previous.triggered.connect(lambda: review.move(-1))
        a.next_pending.triggered.connect(review.next_pending)
        a.confirm_same_doc.triggered.connect(lambda: review.confirm_identical(everywhere=False))
        a.confirm_same_all.triggered.connect(lambda: review.confirm_identical(everywhere=True))
        a.next_document.triggered.connect(lambda: self.step_document(+1))
        a.previous_document.triggered.connect(lambda: self.step_document(-1))
        a.add_figure.triggered.connect(review.add_figure_from_selection)
        a.undo.triggered.connect(review.undo)
        a.redo.triggered.connect(review.redo)
        review.stateChanged.connect(self._update_review_enabled)
        review.historyChanged.connect(self._update_history)
        review.progressChanged.connect(self._progress_changed)
        review.documentShown.connect(self._document_shown)
        review.documentDatesChanged.connect(self._document_dates_changed)
        review.documentShown.connect(self.lease.document_shown)  # after the list marked it
        self.lease.changed.connect(self._lease_changed)
        a.assign.triggered.connect(self.assign_dialog)
        for command in (a.undo, a.redo):  # an assignment taken back (or again): the list's marks follow
            command.triggered.connect(self._refresh_team_marks)
        say_read_only(a, self, review.refuse_read_only,  # C, X, Ctrl+Z… in a read-only window: one message
                      lambda: self.project is not None and self.project.read_only,
                      (review.stateChanged, review.historyChanged))
        # view
        a.zoom_in.triggered.connect(lambda: self.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.zoom(0))
        a.show_dates.toggled.connect(review.set_show_dates)
        a.focus_search.triggered.connect(self.focus_search)
        a.reload.triggered.connect(self.reload_from_disk)
        self.watch.changed.connect(self.reload_from_disk)
        self.sync.changed.connect(lambda _payloads: self.reload_from_disk())
        self.projectOpened.connect(lambda _where: self.sync.attach(self.project))
        self.watch.failed.connect(lambda message: self.statusBar().showMessage(message))
        review.stateChanged.connect(self._remember_position)
        a.preferences.triggered.connect(self.preferences_dialog)
        a.help.triggered.connect(self.show_shortcuts)
        a.open_log_folder.triggered.connect(self.open_log_folder)
        a.about.triggered.connect(self.about)
        # the document list chooses the document; the controller links table, text and inspector
        self.doc_list.selectionModel().currentChanged.connect(self._document_chosen)
        # search and filters
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(lambda: self._search_timer.start())
        self.search_scope.currentIndexChanged.connect(self._search_all_documents)
        self._search_timer.timeout.connect(self._search_all_documents)
        self.search.accepted.connect(self._search_accepted)
        self.search.escaped.connect(self._search_escaped)
        self.search_results.figureChosen.connect(review.open_figure)
        self.search_results.figureChosen.connect(lambda _id: self.table.setFocus())
        self.search_results.escaped.connect(self.search.setFocus)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.kind_filter.currentIndexChanged.connect(self._filters_changed)
        self.doubtful.toggled.connect(self._filters_changed)

    def _restore_layout(self) -> None:
        geometry, state = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)
        else:  # the Checks panel a strip under the text and table, not half the window
            self.resizeDocks([self.checks_dock], [self.fontMetrics().height() * 14], Qt.Orientation.Vertical)
        if self.settings.font_size:
            font = self.view.font()
            font.setPointSize(self.settings.font_size)
            self.view.setFont(font)
        self.commands.show_dates.setChecked(self.settings.show_dates)

    # -- errors ------------------------------------------------------------------------------

    def report_error(self, message: str, details: str | None = None) -> None:
        self.last_error = message
        log.warning("%s", message)
        show_error(self, tr("figure-reviewer"), message, details)

    # -- projects ----------------------------------------------------------------------------

    @reports_errors
    def open_project(self, where: str | Path | Location, create: bool = False) -> bool:
        """A .frp path, a postgresql:// URL or a location: all through the store's one way in."""
        location = location_of(where)
        # on a server the person is the database role they connect as, not the name typed here
        name = (self.settings.reviewer or None) if isinstance(location, FileLocation) else None
        try:
            project = open_store_project(location, create=create, reviewer=name)
        except (ProjectLocked, ReadOnlyProject) as exc:  # the store's message says why, once
            if not isinstance(location, FileLocation):
                raise  # a file's lock and folder: a shared project has neither
            answer = QMessageBox.question(self, tr("Project in use") if isinstance(exc, ProjectLocked)
                                          else tr("Project cannot be saved here"),
                                          str(exc) + "\n\n" + tr("Open it read-only?"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            project = open_store_project(location, read_only=True)
            if isinstance(exc, ProjectLocked):  # the other window restored the same place on screen
                self.move(self.pos() + SECOND_WINDOW_OFFSET)
        self.close_project()
        self.project = project
        self.project_location = location
        self._show_welcome(False)
        self.inspector.set_read_only(project.read_only)
        self.read_only_label.setVisible(project.read_only)
        refused = self._keep_in_recent(location)
        self._fill_recent_menu()
        self._return_to_last_position(location)
        self._update_title()
        self._update_enabled()
        if project.read_only and not self._shared():
            self.watch.start()  # the writing window's decisions show here too
        if refused:  # opened, since the server let it, but not kept: said once, in one line
            self.statusBar().showMessage(refused)
        self.projectOpened.emit(str(location.path) if isinstance(location, FileLocation) else location.url())
        return True

    def _keep_in_recent(self, location: Location) -> str | None:
        """Recent projects (and the shared dialog's prefill) keep no password: why not, or None."""
        try:
            self.settings.add_recent(location.for_recent_projects())
        except PasswordInLocation as exc:
            return str(exc)
        if isinstance(location, ServerLocation):
            self.settings.last_shared_project = location.url()
        return None

    def open_shared_project_dialog(self) -> SharedProjectDialog:
        """File > Open shared project…: window-modal, not blocking; Open opens what it names."""
        dialog = SharedProjectDialog(self.settings.last_shared_project, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._open_shared(dialog.location))
        dialog.open()
        return dialog

    def _open_shared(self, location: ServerLocation | None) -> None:
        if location is not None:
            self.settings.last_shared_project = location.url()  # typed: offered again even if it failed
            self.open_project(location)

    def _shared(self) -> bool:
        # the store's Project says whether it is on a server (issue 15's port); a file's has no such word yet
        return bool(getattr(self.project, "shared", False))

    def _project_file(self) -> Path | None:
        location = self.project_location
        return location.path if self.project is not None and isinstance(location, FileLocation) else None

    def _return_to_last_position(self, location: Location) -> None:
        """Reopened: the document and figure where the reviewer stopped (else the first document)."""
        document, figure = self.settings.last_position(remembered_as(location))
        self.reload_documents(select=document)
        if figure is not None and document is not None and self.document_id == document:
            self.review.select_figure(figure)

    def _remember_position(self) -> None:
        figure = self.current_figure()
        if self.project is not None and self.project_location is not None and self.document_id is not None:
            self.settings.set_last_position(remembered_as(self.project_location), self.document_id,
                                            figure.id if figure is not None else None)

    @reports_errors
    def reload_from_disk(self) -> None:
        """View > Reload (F5), and a read-only window when the writer committed: the documents,
        table, highlights and progress as stored, on the same document and figure."""
        if self.project is None:
            return
        document, figure = self.document_id, self.current_figure()
        self.reload_documents(select=document)  # the list's reset shows the document again, as stored
        if figure is not None and document is not None and self.document_id == document:
            self.review.select_figure(figure.id)
        if self.search_results.isVisible():
            self._search_all_documents()
        self._update_review_enabled()
        self.team.refresh()

    def close_project(self) -> None:
        self.watch.stop()
        self.sync.detach()
        self.importer.stop()
        self.dates.wait()
        self.review.keep_typed_edits()  # a correction typed and not saved is saved, not lost
        self.lease.release()  # the document free for the others at once, not when the lease expires
        if self.project is not None:
            self.project.close()
        self.project = None
        self.project_location = None
        self.checks.clear()
        self.review.clear()
        self.doc_model.set_documents([], {})
        self.dates_bar.show_document(None)
        self.search_results.clear()
        self.team.clear()
        self._show_welcome(True)

    def reload_documents(self, select: int | None = None) -> None:
        if self.project is None:
            return
        docs = self.project.documents()
        self.doc_model.set_documents(docs, self.project.progress_by_document())
        self._refresh_team_marks()
        # the one asked for, else the one on show, else the first (a remembered one may be gone)
        rows = [self.doc_model.row_of(d) for d in (select, self.document_id) if d is not None] + [0 if docs else None]
        row = next((r for r in rows if r is not None), None)
        if row is not None:
            self.doc_list.setCurrentIndex(self.doc_model.index(row))
        self._update_progress()
        self.checks.run()  # documents imported, dates changed, another window's decisions: all again

    def _document_chosen(self, current: QModelIndex, _previous=None) -> None:
        doc = current.data(DOCUMENT_ROLE) if current.isValid() else None
        if doc is not None and not self._marking_document:
            self.review.show_document(doc.id)

    def _document_shown(self, doc_id: int) -> None:
        """The list marks the document on show, also when it was opened at a figure; the line
        above the text shows its date and reporting period."""
        row = self.doc_model.row_of(doc_id)
        self._show_document_dates(row)
        if row is not None and self.doc_list.currentIndex().row() != row:
            self._marking_document = True  # already on show: marking it must not load it again
            try:
                self.doc_list.setCurrentIndex(self.doc_model.index(row))
            finally:
                self._marking_document = False

    def _show_document_dates(self, row: int | None) -> None:
        doc = self.doc_model.index(row).data(DOCUMENT_ROLE) if row is not None else None
        self.dates_bar.show_document(doc)
        self._update_dates_enabled()

    def _update_dates_enabled(self) -> None:
        enabled = self.project is not None and not self.project.read_only and self.document_id is not None
        enabled = enabled and manages(self.project)  # new dates re-read the document's figures: the manager's work
        self.commands.document_dates.setEnabled(enabled)
        self.dates_bar.button.setEnabled(enabled)

    def document_dates_dialog(self):
        """Document > Date and reporting period… for the document on show."""
        return self.dates.edit(self.document_id)

    def _document_dates_changed(self, doc_id: int) -> None:
        """A new date (or its undo): the document's figures were replaced; show it as stored."""
        figure = self.current_figure()
        self.reload_documents(select=doc_id)
        if self.document_id != doc_id:
            self.review.show_document(doc_id)
        else:  # the list's reset showed it again as stored
            self._show_document_dates(self.doc_model.row_of(doc_id))
        if figure is not None and self.document_id == doc_id:
            self.review.select_figure(figure.id)
        self._update_history()

    # -- a team's shared project: assignments and leases -------------------------------------------

    def _refresh_team_marks(self) -> None:
        """The list marks the person's own documents and those another reviewer is working on."""
        project = self.project
        if project is None or not project.shared:
            self.doc_model.set_team(set(), {})
            return
        me = project.reviewer
        mine = {doc for doc, names in project.assignments().items() if me in names}
        taken = {doc: who for doc, (who, _until) in project.leases().items() if who != me}
        if self.lease.taken is not None:  # what the server just said of the document on show
            taken[self.lease.taken[0]] = self.lease.taken[1]
        self.doc_model.set_team(mine, taken)

    @reports_errors
    def _lease_changed(self) -> None:
        """The document on show taken by another reviewer (read-only here, the list says who), or free again."""
        holder = self.lease.holder
        read_only = self.project is not None and self.project.read_only
        if holder is not None:
            self.inspector.set_read_only(True, tr("Correct (%1)").replace("%1", taken_text(holder)))
            self.read_only_label.setText(tr("Read-only: %1").replace("%1", taken_text(holder)))
            self.statusBar().showMessage(taken_message(holder), 8000)
        else:
            self.inspector.set_read_only(read_only)
            self.read_only_label.setText(tr("Read-only"))
        self.read_only_label.setVisible(read_only or holder is not None)
        self._refresh_team_marks()

    def assign_dialog(self) -> AssignDialog | None:
        """Project > Assign documents… (the manager): window-modal, not blocking; OK assigns."""
        if self.project is None or not self._shared() or self.project.role != "manager":
            if self.project is not None:
                self.report_error(manager_only_message())
            return None
        try:
            dialog = AssignDialog(self.project, self)
        except StoreError as exc:
            self.report_error(str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_assignments(dialog.changes()))
        dialog.open()
        return dialog

    def apply_assignments(self, changes: list[tuple[int, list[str], int]]) -> None:
        """Each changed document assigned (an undo step each); the first refusal is said in one line
        and stops there, what was assigned before it stays."""
        project = self.project
        if project is None:
            return
        done = 0
        try:
            for doc_id, reviewers, needed in changes:
                project.assign(doc_id, reviewers, needed)
                done += 1
        except StoreError as exc:
            self.report_error(str(exc))
        self._refresh_team_marks()
        self._update_history()
        if done:
            self.statusBar().showMessage(tr("%1 documents assigned").replace("%1", str(done)), 6000)

    def step_document(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous document of the list."""
        rows = self.doc_model.rowCount()
        if not rows:
            return
        at = self.doc_list.currentIndex().row()
        target = max(0, min(rows - 1, (0 if at < 0 else at + step)))
        if target != at:
            self.doc_list.setCurrentIndex(self.doc_model.index(target))

    # -- the review, as tests and the benchmark drive it (the work is the controller's) ----------

    @property
    def document_id(self) -> int | None:
        return self.review.document_id

    @property
    def document_text(self) -> str:
        return self.review.document_text

    def show_document(self, doc_id: int) -> None:
        self.review.show_document(doc_id)

    def current_figure(self):
        return self.review.current_figure()

    def select_figure(self, figure_id: int | None) -> None:
        self.review.select_figure(figure_id)

    def visible_order(self):
        return self.review.visible_order()

    def decide_current(self, status: Status, **fields) -> None:
        self.review.decide_current(status, **fields)

    def next_pending(self) -> None:
        self.review.next_pending()

    def add_figure_from_selection(self) -> None:
        self.review.add_figure_from_selection()

    # -- search, filters and zoom --------------------------------------------------------------

    def focus_search(self) -> None:
        self._focus_before_search = QApplication.focusWidget()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_all_documents(self) -> None:
        everywhere = bool(self.search_scope.currentData()) and bool(self.search.text().strip())
        self.search_results.setVisible(everywhere)
        if everywhere:
            self.search_results.fill(self.project, self.search.text())

    def _search_accepted(self) -> None:
        """Return or Down in the search field: on to the first hit."""
        if self.search_scope.currentData() and self.search.text().strip():
            self._search_timer.stop()
            self._search_all_documents()
            self.search_results.focus_first()
        elif self.review.select_first_row():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_escaped(self) -> None:
        """Escape in the search field: cleared, and the keyboard back where it was (or the table)."""
        back = self._focus_before_search
        if back is None or back is self.search or not back.isVisible():
            back = self.table
        back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filters_changed(self) -> None:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        self.proxy.set_statuses({Status(status)} if status else None)
        self.proxy.set_kinds({Kind(kind)} if kind else None)
        self.proxy.set_max_confidence(0.7999 if self.doubtful.isChecked() else 1.0)

    def zoom(self, step: int) -> None:
        font = self.view.font()
        size = font.pointSize() if font.pointSize() > 0 else 11
        size = QApplication.font().pointSize() if step == 0 else max(6, min(48, size + step))
        font.setPointSize(size)
        self.view.setFont(font)
        self.settings.font_size = 0 if step == 0 else size

    def _progress_changed(self, documents: list[int], progress: dict) -> None:
        for doc_id in documents:
            if doc_id in progress:
                self.doc_model.set_progress(doc_id, progress[doc_id])
        self._update_progress(progress)

    # -- files: projects, importing, exporting, a copy --------------------------------------------

    def new_project_dialog(self) -> None:
        path = self.files.new_project()
        if path is not None:
            self.open_project(path, create=True)

    def open_project_dialog(self) -> None:
        path = self.files.open_project()
        if path is not None:
            self.open_project(path)

    def import_dialog(self) -> None:
        files = self.files.documents()
        if files:
            self.import_files(files)

    def import_files(self, files: list[Path], split: bool = False) -> bool:
        """Import on a worker thread; without an open project, into a new one beside the files."""
        if self.project is not None and not manages(self.project):
            self.report_error(manager_only_message())  # one line, before any file is read
            return False
        if self.project is None and files:
            from reviewer.ui.app import default_project_for

            if not self.open_project(default_project_for(files), create=True):
                return False
        return self.importer.import_files(files, split)

    def import_reference_dialog(self) -> None:
        """File > Import reference table…: a table of official figures the text is checked against."""
        if self.project is None or self.project.read_only:
            return
        path = self.files.reference_table()
        if path is not None:
            self.checks.import_reference(path)

    def focus_checks(self) -> None:
        """Ctrl+Shift+K: the Checks panel shown and the keyboard in its list."""
        self.checks_dock.show()
        self.checks_dock.raise_()
        self.checks_panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.checks_panel.list.currentIndex().isValid() and self.checks_panel.model.rowCount():
            self.checks_panel.list.setCurrentIndex(self.checks_panel.model.index(0, 0))

    def _update_checks_enabled(self, *_args) -> None:
        writable = self.project is not None and not self.project.read_only
        item = self.checks_panel.current()
        self.commands.accept_finding.setEnabled(writable and item is not None and item.state == "open")
        self.commands.reopen_finding.setEnabled(writable and item is not None and item.state == "accepted")
        self.commands.import_reference.setEnabled(writable)
        self.commands.show_checks.setEnabled(self.project is not None)

    @reports_errors
    def check_sources(self) -> None:
        if self.project is not None and not manages(self.project):
            self.report_error(manager_only_message())  # a changed source is imported again: the manager's work
            return
        self.importer.check_sources()

    def export_dialog(self) -> None:
        if self.project is None:
            self.report_error(tr("Open a project first."))
            return
        from reviewer.ui.export_dialog import ExportDialog

        language = "zh" if i18n.current_language() == i18n.CHINESE else "en"
        ExportDialog(self.project, self.files, self, current_document=self.document_id, language=language,
                     location=self.project_location).open()

    @reports_errors
    def save_copy_dialog(self) -> None:
        """File > Save a copy: a consistent copy of the project (SQLite's backup), e.g. to send."""
        project_file = self._project_file()
        if project_file is None or self._shared():  # a copy of a file; a server's project has its own backups
            return
        destination = self.files.save_copy(project_file)
        if destination is None:
            return
        self.project.backup(destination)
        self.statusBar().showMessage(tr("A copy of the project was saved as %1").replace("%1", str(destination)), 8000)

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

    # -- misc --------------------------------------------------------------------------------

    def preferences_dialog(self, focus_name: bool = False) -> PreferencesDialog:
        """Window-modal, not blocking: the name, the language, what follows a decision."""
        dialog = PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_preferences(dialog))
        dialog.open()
        if focus_name:
            dialog.name.setFocus()
            dialog.name.selectAll()
        return dialog

    def _apply_preferences(self, dialog: PreferencesDialog) -> None:
        language = self.settings.language
        dialog.apply(self.settings)
        if self.project is not None and not self.project.read_only and self.settings.reviewer and not self._shared():
            self.project.reviewer = self.settings.reviewer
        self._update_progress()
        if self.settings.language != language:
            from reviewer.ui.app import interface_language

            i18n.set_language(interface_language(self.settings.language))  # messages now, menus at a restart
            self.statusBar().showMessage(tr("The menus change language at the next start"), 8000)

    def show_shortcuts(self) -> None:
        ShortcutOverlay(self.commands.review_actions(), self.commands.single_keys, self).open()

    def open_log_folder(self) -> None:
        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        about = tr("Find, review and export the figures in Chinese reports.")
        QMessageBox.about(self, tr("About figure-reviewer"), f"figure-reviewer {__version__}\n{about}")

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects():
            action = self.recent_menu.addAction(recent_menu_text(path))
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_projects()))
        self.welcome.set_recent(self.settings.recent_projects())

    def _show_welcome(self, show: bool) -> None:
        """The welcome replaces the empty panes while no project is open."""
        if show == (self.central.currentWidget() is self.welcome):
            return
        self.central.setCurrentWidget(self.welcome if show else self.splitter)
        if show:
            self._hidden_docks = [dock for dock in self.docks if not dock.isHidden()]
            for dock in self._hidden_docks:
                dock.hide()
        else:
            for dock in self._hidden_docks:
                dock.show()
            self._hidden_docks = []

    def _update_title(self) -> None:
        name = project_title(self.project_location) if self.project and self.project_location else tr("no project")
        suffix = " " + tr("(read-only)") if self.project and self.project.read_only else ""
        self.setWindowTitle(f"{name}{suffix} — figure-reviewer")

    def _update_progress(self, per_document=None) -> None:
        if self.project is None:
            self.progress_label.setText("")
        else:
            p = self.project.progress(per_document)
            self.progress_label.setText(tr("Reviewed %1 of %2 (%3)").replace("%1", str(p.reviewed))
                                        .replace("%2", str(p.total)).replace("%3", share_text(p.share)))
        name = getattr(self.project, "reviewer", None) if self._shared() else self.settings.reviewer
        self.reviewer_label.setText(person_text(name, self.project.role if self._shared() else None))

    def _update_enabled(self) -> None:
        has_project = self.project is not None
        writable = has_project and not self.project.read_only
        self._update_review_enabled()
        self.commands.add_figure.setEnabled(writable)
        self.commands.check_sources.setEnabled(writable and manages(self.project))
        for name in NAVIGATION:  # on the welcome pane they would do nothing
            self.commands.by_name[name].setEnabled(has_project)
        # without one: a project beside the files; on a server only the manager brings documents in
        self.commands.import_files.setEnabled((writable and manages(self.project)) or not has_project)
        assigns = writable and self._shared() and self.project.role == "manager"
        self.commands.assign.setEnabled(assigns)
        self.commands.assign.setToolTip(self._assign_tip if assigns or not self._shared() else manager_only_message())
        self.commands.export.setEnabled(has_project)
        self.commands.save_copy.setEnabled(has_project and not self._shared())
        self.team.set_enabled(self.project)
        self._update_dates_enabled()
        self._update_checks_enabled()
        self._update_history()

    def _update_review_enabled(self) -> None:
        """Decisions need a writable project and a figure (read-only: all of them greyed)."""
        writable = self.project is not None and not self.project.read_only
        has_figure = self.current_figure() is not None
        for name in ("confirm", "reject", "correct", "skip", "confirm_same_doc", "confirm_same_all"):
            self.commands.by_name[name].setEnabled(writable and has_figure)

    def _update_history(self) -> None:
        """Undo and Redo say what they would do ('Undo confirm 80.6亿美元'), from the store."""
        history = self.review.history
        self.commands.undo.setEnabled(history.can_undo())
        self.commands.redo.setEnabled(history.can_redo())
        self.commands.set_text("undo", history.undo_text())
        self.commands.set_text("redo", history.redo_text())

    def closeEvent(self, event) -> None:
        self._show_welcome(False)  # the docks as the reviewer left them, not as the welcome hid them
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.close_project()
        super().closeEvent(event)
