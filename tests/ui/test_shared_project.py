"""A shared project on a PostgreSQL server, from the window: File > Open shared project… builds its
URL from the fields (never a password), a mistake is one line under the fields, every way in (the
dialog, recent projects, the welcome, the command line) goes through the store's open_project, and
nothing the window saves holds a password.

The tests that reach the store compare the window's line with what the store itself says (a real
server, or one that is not there). Where the point is what the window keeps (recent projects,
positions), the store's open_project is replaced by one handing back a real project file that says it is shared."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from reviewer.model import Status
from reviewer.store import Project, StoreError
from reviewer.store.errors import PasswordInLocation
from reviewer.store.locations import ServerLocation, parse_server_url
from reviewer.store.opening import open_project
from tests.team.conftest import free_port, postgresql_database, postgresql_server  # noqa: F401 - fixtures
from tests.ui.conftest import action

URL = "postgresql://wang@db.example.org/reviews?project=budget"


class FileAsShared(Project):
    """A project file that says it is on a server, for what the window keeps of a shared project."""

    shared = True


@pytest.fixture
def shared_store(monkeypatch, seeded_project):
    """The store's open_project as the window calls it, handing back the seeded project file as if
    it were on the server, its reviewer the database role the URL names; `opened` lists what the
    window asked for, `opened.options` how."""
    import reviewer.ui.main_window as main_window

    opened = Opened()

    def fake_open(where, **options):
        opened.append(where)
        opened.options.append(options)
        if not isinstance(where, ServerLocation):
            return open_project(where, **options)
        assert not options.get("reviewer")  # the server's own refusal, after the port: "connected as ..., not ..."
        project = FileAsShared(seeded_project, reviewer=where.user)
        project.location = where  # where the window believes it is
        return project

    monkeypatch.setattr(main_window, "open_store_project", fake_open)
    return opened


class Opened(list):
    def __init__(self):
        super().__init__()
        self.options: list[dict] = []


def store_says(url: str) -> str | None:
    """What the store itself says about opening the URL (None: it opens)."""
    try:
        with open_project(url):
            return None
    except StoreError as exc:
        return str(exc)


def shared_dialog(qtbot, window):
    from reviewer.ui.shared_project import SharedProjectDialog

    action(window, "open_shared_project").trigger()
    dialog = window.findChild(SharedProjectDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go to the focus widget of the active window
    return dialog


def fill(qtbot, dialog, host="", port="", database="", project="", user="", sslmode=None):
    for field, text in ((dialog.host, host), (dialog.port, port), (dialog.database, database),
                        (dialog.project, project), (dialog.user, user)):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData(sslmode) if sslmode else 0)


def press_enter(qtbot, dialog):
    qtbot.keyClick(dialog.focusWidget() or dialog.host, Qt.Key.Key_Return)


def error_box(window):
    boxes = [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


# -- the dialog ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fields, url", [
    (dict(host="db.example.org", database="reviews", project="budget"),
     "postgresql://db.example.org/reviews?project=budget"),
    (dict(host="db.example.org", port="6543", database="reviews", project="budget", user="wang", sslmode="require"),
     "postgresql://wang@db.example.org:6543/reviews?sslmode=require&project=budget"),
    (dict(database="reviews", project="budget", user="li", sslmode="verify-full"),  # this computer's socket
     "postgresql://li@/reviews?sslmode=verify-full&project=budget"),
    (dict(host="::1", port="5433", database="team", project="p2025", sslmode="disable"),
     "postgresql://[::1]:5433/team?sslmode=disable&project=p2025"),
    (dict(host=" db.example.org ", database=" reviews", project="budget ", user=" wang"),  # spaces typed around
     "postgresql://wang@db.example.org/reviews?project=budget"),
])
def test_the_dialog_builds_the_url_of_its_fields_and_opens_it_through_the_store(qtbot, bare_window, settings,
                                                                                 fields, url):
    dialog = shared_dialog(qtbot, bare_window)
    fill(qtbot, dialog, **fields)
    press_enter(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.location == parse_server_url(url) and dialog.location.url() == url
    said = store_says(url)
    if said is None:  # after the port: a project at that address would open
        assert bare_window.project is not None
    else:
        assert bare_window.last_error == said and "\n" not in said
        assert not error_box(bare_window).detailedText()  # one line, no traceback
    assert settings.last_shared_project == url  # offered again next time, to fix a typo


@pytest.mark.parametrize("fields", [
    dict(host="db.example.org", project="budget"),                                 # no database
    dict(host="db.example.org", database="reviews"),                               # no project
    dict(host="db.example.org", database="reviews", project="My Project"),         # not a project name
    dict(host="db.example.org", database="reviews", project="pg_budget"),          # the server's own names
    dict(host="db.example.org", port="abc", database="reviews", project="budget"),
    dict(host="db.example.org", port="0", database="reviews", project="budget"),
    dict(host="db.example.org", port="70000", database="reviews", project="budget"),
    dict(host="db.example.org:5432", port="5433", database="reviews", project="budget"),  # two ports
])
def test_a_mistake_is_one_line_under_the_fields_and_opens_nothing(qtbot, bare_window, settings, fields):
    from reviewer.store.errors import BadLocation
    from reviewer.store.locations import parse_server_url
    from reviewer.ui.shared_project import server_url

    dialog = shared_dialog(qtbot, bare_window)
    fill(qtbot, dialog, **fields)
    typed = server_url(**{name: fields.get(name, "") for name in ("host", "port", "database", "project", "user")},
                       sslmode=None)
    with pytest.raises(BadLocation) as refused:
        parse_server_url(typed)  # the command line's message for the same URL
    press_enter(qtbot, dialog)
    assert dialog.isVisible() and dialog.location is None
    assert dialog.error.isVisible() and dialog.error.text() == str(refused.value) and "\n" not in dialog.error.text()
    assert bare_window.project is None and bare_window.last_error is None
    assert settings.last_shared_project == "" and settings.recent_projects() == []
    qtbot.keyClicks(dialog.project, "x")  # fixing it: the old message goes
    assert not dialog.error.isVisible()
    dialog.reject()


def test_a_mistake_is_said_in_the_interface_language(qtbot, chinese, bare_window):
    dialog = shared_dialog(qtbot, bare_window)
    assert dialog.windowTitle() == "打开共享项目"
    fill(qtbot, dialog, host="db.example.org", project="budget")
    press_enter(qtbot, dialog)
    assert "URL 未指明数据库" in dialog.error.text()
    assert "pgpass" in dialog.findChild(type(dialog.error), "sharedPasswordNote").text()
    dialog.reject()


def test_enter_opens_esc_cancels_tab_goes_field_by_field_and_there_is_no_password_field(qtbot, bare_window):
    dialog = shared_dialog(qtbot, bare_window)
    assert all(field.echoMode() == QLineEdit.EchoMode.Normal for field in dialog.findChildren(QLineEdit))
    note = dialog.findChild(type(dialog.error), "sharedPasswordNote")
    assert note.isVisible() and all(where in note.text() for where in ("~/.pgpass", "pg_service.conf", "PGPASSWORD"))
    assert QApplication.focusWidget() is dialog.host
    for field in (dialog.port, dialog.database, dialog.project, dialog.user, dialog.sslmode):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field
    fill(qtbot, dialog, host="db.example.org", database="reviews", project="budget")
    qtbot.keyClick(dialog.project, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert bare_window.project is None and bare_window.last_error is None


def test_the_dialog_starts_from_the_last_shared_project_used(qtbot, bare_window, settings):
    settings.last_shared_project = "postgresql://wang@db.example.org:6543/reviews?sslmode=require&project=budget"
    dialog = shared_dialog(qtbot, bare_window)
    assert (dialog.host.text(), dialog.port.text(), dialog.database.text(), dialog.project.text(),
            dialog.user.text(), dialog.sslmode.currentData()) == ("db.example.org", "6543", "reviews", "budget",
                                                                  "wang", "require")
    press_enter(qtbot, dialog)  # reopening it is one Enter
    assert dialog.location == parse_server_url(settings.last_shared_project)


def test_the_file_menu_and_the_welcome_offer_it(qtbot, bare_window):
    file_menu = bare_window.menuBar().actions()[0].menu()
    assert action(bare_window, "open_shared_project") in file_menu.actions()
    assert action(bare_window, "open_shared_project").shortcut().toString() == "Ctrl+Shift+O"
    qtbot.mouseClick(bare_window.welcome.buttons["shared"], Qt.MouseButton.LeftButton)
    from reviewer.ui.shared_project import SharedProjectDialog

    assert bare_window.findChild(SharedProjectDialog).isVisible()


# -- a server: there, not there --------------------------------------------------------------------

def test_a_server_that_is_not_there_is_one_line_and_opens_nothing(qtbot, bare_window):
    # after the port this is a real connect: refused at once on a free loopback port (ServerUnreachable)
    port = free_port()
    url = f"postgresql://wang@127.0.0.1:{port}/reviews?project=budget"
    dialog = shared_dialog(qtbot, bare_window)
    fill(qtbot, dialog, host="127.0.0.1", port=str(port), database="reviews", project="budget", user="wang")
    press_enter(qtbot, dialog)
    said = store_says(url)
    assert said is not None and "cannot connect to the server" in said
    assert bare_window.last_error == said and "\n" not in said and "127.0.0.1" in said
    assert not error_box(bare_window).detailedText()
    assert bare_window.project is None and bare_window.central.currentWidget() is bare_window.welcome


def test_a_project_on_a_real_server_opens_from_the_dialog_or_says_why(qtbot, bare_window, settings,
                                                                      postgresql_database):  # noqa: F811
    from reviewer.store.server import init_project

    url = postgresql_database + "?project=budget"
    location = parse_server_url(url)
    init_project(location)  # reviewer team init URL
    dialog = shared_dialog(qtbot, bare_window)
    fill(qtbot, dialog, host=location.host, port=str(location.port), database=location.database,
         project="budget", user=location.user)
    press_enter(qtbot, dialog)
    assert dialog.location == location
    assert store_says(url) is None
    assert bare_window.project is not None and bare_window.project.shared
    assert settings.recent_projects()[0] == url and "budget" in bare_window.windowTitle()


# -- what the window keeps -------------------------------------------------------------------------

def test_a_url_with_a_password_opens_but_is_never_saved(qtbot, bare_window, settings, shared_store, tmp_path):
    secret = "s3cret-Pw"
    typed = f"postgresql://wang:{secret}@db.example.org/reviews?sslmode=require&project=budget"
    assert bare_window.open_project(typed)  # the reviewer typed it, the server let them in
    assert bare_window.project is not None and shared_store == [parse_server_url(typed)]
    message = bare_window.statusBar().currentMessage()
    with pytest.raises(PasswordInLocation) as refused:
        parse_server_url(typed).for_recent_projects()
    assert message == str(refused.value) and "\n" not in message and secret not in message
    assert settings.recent_projects() == [] and settings.last_shared_project == ""
    with pytest.raises(PasswordInLocation):
        settings.add_recent(typed)  # whoever asks
    bare_window.close()  # geometry, positions: everything the window saves, saved
    settings.sync()
    for key in settings.q.allKeys():
        assert secret not in str(settings.q.value(key)), key
    assert secret not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert secret not in bare_window.windowTitle()


def test_a_shared_project_is_kept_without_secrets_and_reopens_through_the_store(qtbot, bare_window, settings,
                                                                               shared_store):
    url = "postgresql://wang@db.example.org:6543/reviews?sslmode=require&project=budget"
    w = bare_window
    assert w.open_project(url)
    assert settings.recent_projects() == [url] and settings.last_shared_project == url
    assert w.windowTitle().startswith("budget (shared project on db.example.org:6543/reviews)")
    assert not action(w, "save_copy").isEnabled()  # a file's copy: the server keeps its own backups
    w.show_document(w.project.documents()[1].id)
    w.select_figure(w.visible_order()[2])
    document, figure = w.document_id, w.current_figure().id
    w.close_project()
    recent = w.recent_menu.actions()
    assert [a.text() for a in recent] == ["budget — shared project on db.example.org:6543/reviews"]
    buttons = w.welcome.recent_buttons
    shown = [(b.text(), b.description()) for b in buttons]
    assert shown == [("budget", "shared project on db.example.org:6543/reviews")]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert shared_store[-1] == parse_server_url(url)  # reopened through the store, as a URL
    assert w.project is not None and (w.document_id, w.current_figure().id) == (document, figure)
    w.close_project()
    recent = w.recent_menu.actions()[0]
    recent.trigger()
    assert shared_store[-1] == parse_server_url(url) and len(shared_store) == 3


def test_a_shared_projects_export_goes_to_the_folder_the_reviewer_works_in(qtbot, bare_window, shared_store, tmp_path):
    from reviewer.ui.export_dialog import ExportDialog

    bare_window.settings.last_folder = str(tmp_path)
    assert bare_window.open_project(URL)
    dialog = ExportDialog(bare_window.project, bare_window.files, bare_window, location=bare_window.project_location)
    assert dialog.destination.text() == str(tmp_path / "budget-figures.xlsx")
    bare_window.save_copy_dialog()  # disabled in the menu; called anyway, it does nothing
    assert bare_window.last_error is None


# -- the command line ----------------------------------------------------------------------------

def test_a_url_on_the_command_line_reaches_the_store_as_a_url(qtbot, bare_window, tmp_path, monkeypatch):
    from reviewer.ui.app import open_from_command_line

    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    open_from_command_line(bare_window, [URL])
    said = store_says(URL)
    assert said is not None and bare_window.last_error == said
    assert list((tmp_path / "here").iterdir()) == []  # no project file made of the URL's words


def test_a_shared_project_is_not_reopened_at_start(qtbot, bare_window, settings, shared_store):
    from reviewer.ui.app import open_from_command_line

    settings.add_recent(URL)
    open_from_command_line(bare_window, [])
    assert shared_store == [] and bare_window.project is None and bare_window.last_error is None


@pytest.mark.parametrize("entry, title, shown, key", [
    ("/work/a/review.frp", "review.frp", "/work/a/review.frp", "/work/a/review.frp"),
    (URL, "budget (shared project on db.example.org/reviews)", "budget — shared project on db.example.org/reviews",
     URL),
    ("postgresql://wang:pw@db.example.org/reviews?project=budget", "budget (shared project on db.example.org/reviews)",
     "budget — shared project on db.example.org/reviews", URL),  # the same project's settings, no password
    ("postgresql:///?service=team&project=budget", "budget (shared project on this computer/service team)",
     "budget — shared project on this computer/service team", "postgresql:///?service=team&project=budget"),
])
def test_a_project_is_named_by_its_file_or_its_server(qtbot, entry, title, shown, key):
    from reviewer.store.opening import location_of
    from reviewer.ui.project_labels import project_title, recent_menu_text, remembered_as

    location = location_of(entry)
    assert project_title(location) == title
    assert remembered_as(location) == key
    if "pw@" not in entry:
        assert recent_menu_text(entry) == shown


def test_on_a_shared_project_the_reviewer_is_who_connected_not_the_name_in_preferences(
        qtbot, bare_window, settings, postgresql_database):  # noqa: F811 - a real server
    from reviewer.documents import read_document
    from reviewer.extract import ENGINE_VERSION, extract
    from reviewer.store.server import add_person, init_project
    from tests.conftest import SEEDS

    location = parse_server_url(postgresql_database + "?project=budget")
    init_project(location)
    add_person(location, "wang", "reviewer")
    with open_project(location) as manager:  # the superuser made it: its manager imports
        doc = read_document(SEEDS / "001_c85b7cdc4e083cd4.txt")
        manager.add_document(doc, extract(doc.text, doc.date), ENGINE_VERSION)
    url = postgresql_database.replace("postgresql://postgres@", "postgresql://wang@") + "?project=budget"
    assert settings.reviewer == "测试员"
    assert bare_window.open_project(url)
    assert bare_window.reviewer_label.text() == "Reviewer: wang (reviewer)"  # the person and their role
    bare_window.decide_current(Status.CONFIRMED)  # no name asked: the server knows who this is
    assert bare_window.project.reviewer == "wang"
    bare_window.close_project()
    with open_project(location) as manager:
        assert [event.reviewer for event in manager.events()][-1] == "wang"
        assert [(d.reviewer, d.status) for d in manager.reviewer_decisions()] == [("wang", Status.CONFIRMED)]
