"""File > Open shared project…: a team's project on a PostgreSQL server from its parts (host, port,
database, project, user, TLS mode). There is no password field on purpose: the application never
keeps one, and libpq finds it itself (~/.pgpass, pg_service.conf, PGPASSWORD)."""
from __future__ import annotations

from urllib.parse import quote, urlencode

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QLineEdit, QWidget

from reviewer.store.errors import BadLocation
from reviewer.store.locations import ServerLocation, parse_server_url
from reviewer.ui.dialogs import ok_cancel
from reviewer.ui.labels import tr

SSL_MODES = ("disable", "require", "verify-full")  # libpq's own words; the default leaves it to libpq


def server_url(host: str, port: str, database: str, project: str, user: str, sslmode: str | None) -> str:
    """The URL the fields name, as typed: parse_server_url then checks it, so a mistake gets the
    same one-line message here as on the command line."""
    netloc = quote(user, safe="") + "@" if user else ""
    # an IPv6 address goes in brackets; anything else a host cannot hold is escaped, not read as URL syntax
    netloc += f"[{host}]" if host.count(":") > 1 else quote(host, safe=":")
    if port:
        netloc += ":" + port
    query = ([("sslmode", sslmode)] if sslmode else []) + [("project", project)]
    return f"postgresql://{netloc}/{quote(database, safe='')}?{urlencode(query)}"


class SharedProjectDialog(QDialog):
    """Open checks the fields and closes only on a usable location (self.location); a mistake
    shows in one line under the fields and opens nothing."""

    def __init__(self, last: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sharedProjectDialog")
        self.setWindowTitle(tr("Open shared project"))
        self.location: ServerLocation | None = None
        self.host = self._field("sharedHost", tr("db.example.org (empty: this computer)"))
        self.port = self._field("sharedPort", tr("5432 (optional)"))
        self.database = self._field("sharedDatabase", tr("the database the team's projects are in"))
        self.project = self._field("sharedProject", tr("the project's name, e.g. budget_2025"))
        self.user = self._field("sharedUser", tr("your database login (empty: your account's name)"))
        self.sslmode = QComboBox()
        self.sslmode.setObjectName("sharedSslmode")
        self.sslmode.addItem(tr("Default"), None)
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        note = QLabel(tr("No password here: it comes from ~/.pgpass, pg_service.conf or PGPASSWORD."))
        note.setObjectName("sharedPasswordNote")
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("sharedProjectError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #B03A2E; }")
        self.error.setVisible(False)
        self.buttons = ok_cancel(self, self.open_location, tr("Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("sharedOpen")
        form = QFormLayout(self)
        form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the error line
        self.host.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)  # room for a host's name, and the error
        form.addRow(tr("Host"), self.host)
        form.addRow(tr("Port"), self.port)
        form.addRow(tr("Database"), self.database)
        form.addRow(tr("Project"), self.project)
        form.addRow(tr("User"), self.user)
        form.addRow(tr("TLS (sslmode)"), self.sslmode)
        form.addRow(note)
        form.addRow(self.error)
        form.addRow(self.buttons)
        chain = [self.host, self.port, self.database, self.project, self.user, self.sslmode, self.buttons]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(520)
        self._fill(last)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.textEdited.connect(lambda _text: self.error.setVisible(False))  # the mistake is being fixed
        return field

    def _fill(self, last: str) -> None:
        """The last shared project used (a URL without password), so that reopening is one Enter."""
        try:
            location = parse_server_url(last) if last else None
        except BadLocation:
            location = None
        if location is not None:
            self.host.setText(location.host or "")
            self.port.setText("" if location.port is None else str(location.port))
            self.database.setText(location.database or "")
            self.project.setText(location.project)
            self.user.setText(location.user or "")
            self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(dict(location.parameters).get("sslmode"))))
        self.host.setFocus()

    def url(self) -> str:
        return server_url(self.host.text().strip(), self.port.text().strip(), self.database.text().strip(),
                          self.project.text().strip(), self.user.text().strip(), self.sslmode.currentData())

    def open_location(self) -> None:
        try:
            self.location = parse_server_url(self.url())
        except BadLocation as exc:
            self.location = None
            self.error.setText(str(exc))
            self.error.setVisible(True)
            self.adjustSize()  # the wrapped line takes its height, never over the buttons
            return
        self.accept()
