"""Issue 15 in the window, on a REAL PostgreSQL server: each person's window in their role (a
reviewer reviews blind and brings no documents in; the manager assigns), the document list marking
the person's own documents and those another reviewer is working on, and the lease of a
single-review document: two reviewers' windows (each its own connection) never decide in it at once."""
import pytest
from PySide6.QtCore import Qt

from reviewer.documents import read_document
from reviewer.extract import ENGINE_VERSION, extract
from reviewer.model import Status
from reviewer.store.locations import parse_server_url
from reviewer.store.opening import open_project
from reviewer.store.server import add_person, init_project
from tests.conftest import SEEDS
from tests.team.conftest import postgresql_database, postgresql_server  # noqa: F401 - fixtures
from tests.ui.conftest import action

PEOPLE = (("rita", "reviewer"), ("ben", "reviewer"), ("ada", "adjudicator"), ("max", "manager"))
REPORTS = ("001_c85b7cdc4e083cd4.txt", "000_71bace37cc241901.txt")


@pytest.fixture
def desk(postgresql_database, monkeypatch, tmp_path):  # noqa: F811 - a real server
    """A project `desk` with the four people and two reports the manager imported: (location,
    url(person)); each window's offline outbox in the test's folder."""
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    location = parse_server_url(postgresql_database + "?project=desk")
    init_project(location)
    for person, role in PEOPLE:
        add_person(location, person, role)

    def url(person):
        return postgresql_database.replace("postgresql://postgres@", f"postgresql://{person}@") + "?project=desk"

    with open_project(url("max")) as manager:
        for name in REPORTS:
            doc = read_document(SEEDS / name)
            manager.add_document(doc, extract(doc.text, doc.date), ENGINE_VERSION)
    return location, url


@pytest.fixture
def window_of(qtbot, desk, tmp_path):
    """window_of(person): a window of its own (own settings, own connection) on the desk, as them."""
    from PySide6.QtCore import QSettings

    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import Settings

    _location, url = desk
    windows = []

    def make(person):
        settings = Settings(QSettings(str(tmp_path / f"{person}-{len(windows)}.ini"), QSettings.Format.IniFormat))
        w = MainWindow(settings)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        qtbot.waitExposed(w)
        assert w.open_project(url(person)), w.last_error
        w.activateWindow()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()


def titles(window):
    model = window.doc_model
    return [model.index(row).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


def marks(window):
    from reviewer.ui.document_list import MINE_ROLE, TAKEN_ROLE

    model = window.doc_model
    return [(model.index(r).data(MINE_ROLE), model.index(r).data(TAKEN_ROLE)) for r in range(model.rowCount())]


def menu_of(window, action_name):
    for top in window.menuBar().actions():
        if top.menu() is not None and action(window, action_name) in top.menu().actions():
            return top.menu()
    return None


# -- roles -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("person, role, sees_everyone, manages", [
    ("rita", "reviewer", False, False),
    ("ada", "adjudicator", True, False),
    ("max", "manager", True, True),
])
def test_each_person_s_window_offers_what_their_role_may_do(qtbot, window_of, person, role, sees_everyone, manages):
    w = window_of(person)
    assert w.reviewer_label.text() == f"Reviewer: {person} ({role})"
    for name in ("agreement", "adjudicate"):
        assert action(w, name).isEnabled() is sees_everyone, name
        if not sees_everyone:  # greyed, and the menu says why
            assert "review is blind" in action(w, name).toolTip()
            assert menu_of(w, name).toolTipsVisible()
    for name in ("import_files", "check_sources", "assign", "document_dates"):
        assert action(w, name).isEnabled() is manages, name
    assert ("manager" in action(w, "assign").toolTip()) is not manages
    w.team.show_disputes()  # called anyway (a key, a script): nothing of the others' work shows
    assert w.team.dock.isVisible() is sees_everyone
    if role != "reviewer":  # they settle and assign; the reviewers' work is what a lease keeps apart
        assert w.document_id is not None and w.project.leases() == {}


def test_a_reviewer_who_drops_files_gets_one_line_not_the_server_s_error(qtbot, window_of):
    w = window_of("rita")
    assert not w.import_files([SEEDS / "002_fbffba0dc127f8f7.txt"])
    assert w.last_error == "Only the project's manager adds documents to a shared project or assigns them"
    assert not w.importer.running
    w.check_sources()
    assert w.last_error == "Only the project's manager adds documents to a shared project or assigns them"


def test_a_project_file_keeps_everything_for_its_one_user(qtbot, window):
    for name in ("agreement", "adjudicate", "import_files", "check_sources"):
        assert action(window, name).isEnabled(), name
    assert not action(window, "assign").isEnabled()  # a file has nobody to assign to
    assert window.reviewer_label.text() == "Reviewer: 测试员"
    assert marks(window) == [(False, None), (False, None)]


# -- assignment ------------------------------------------------------------------------------------------

def test_the_manager_assigns_in_the_dialog_and_the_reviewer_finds_the_document_first_and_marked(
        qtbot, window_of, desk):
    location, url = desk
    manager = window_of("max")
    second = manager.project.documents()[1]
    assert action(manager, "assign").shortcut().toString() == "Ctrl+Shift+G"
    assert menu_of(manager, "assign").title() == "&Project"
    action(manager, "assign").trigger()
    from reviewer.ui.assign_dialog import AssignDialog

    dialog = manager.findChild(AssignDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.reviewers == ["ben", "rita"]  # the project's reviewers, not the adjudicator or manager
    row = [d.id for d in dialog.documents].index(second.id)
    dialog.choose(second.id, ["rita"], 1)
    assert dialog.spins[row].maximum() == 1  # never more needed than chosen
    dialog.choose(second.id, ["rita", "ben"], 3)
    assert dialog.spins[row].value() == 2 and dialog.spins[row].maximum() == 2
    dialog.accept()
    assert manager.project.assignments() == {second.id: ["ben", "rita"]}
    assert manager.project.needed_reviewers()[second.id] == 2
    assert action(manager, "undo").text().startswith("&Undo assignment of ")

    rita = window_of("rita")
    assert titles(rita)[0] == second.title  # her document first
    assert marks(rita) == [(True, None), (False, None)]
    assert rita.document_id == second.id

    action(manager, "undo").trigger()  # Ctrl+Z: the assignment taken back, one step
    with open_project(url("max")) as project:
        assert project.assignments() == {} and project.needed_reviewers()[second.id] == 1


def test_a_refused_assignment_is_one_line(qtbot, window_of):
    manager = window_of("max")
    doc = manager.project.documents()[0]
    manager.apply_assignments([(doc.id, ["rita"], 4)])
    assert manager.last_error == f"{manager.project.where}: a document needs 1, 2 or 3 reviewers, not 4"
    assert manager.project.assignments() == {}


# -- leases -------------------------------------------------------------------------------------------------

def test_two_reviewers_never_decide_in_the_same_single_review_document(qtbot, window_of):
    rita = window_of("rita")
    doc = rita.document_id
    assert doc is not None and rita.project.leases()[doc][0] == "rita"  # shown: hers for now
    ben = window_of("ben")
    assert ben.document_id == doc
    assert marks(ben)[0] == (False, "rita")  # the list says who is working on it
    assert ben.lease.holder == "rita" and ben.inspector.is_read_only()
    figure = ben.current_figure()
    ben.activateWindow()
    qtbot.waitUntil(ben.isActiveWindow)
    ben.table.setFocus()
    for key in (Qt.Key.Key_C, Qt.Key.Key_X, Qt.Key.Key_E):  # the review's keys: one line each, nothing recorded
        ben.statusBar().clearMessage()
        qtbot.keyClick(ben.table, key)
        assert ben.statusBar().currentMessage() == "rita is working on this document; choose another", key
    ben.decide_current(Status.CONFIRMED)
    assert ben.statusBar().currentMessage() == "rita is working on this document; choose another"
    assert ben.project.figure(figure.id).status is Status.PENDING  # nothing recorded
    assert ben.read_only_label.isVisible() and "rita is working on it" in ben.read_only_label.text()

    rita.step_document(+1)  # she moves on: the lease goes back at once
    assert rita.document_id != doc and doc not in rita.project.leases()
    ben.decide_current(Status.CONFIRMED)  # asked again: free now, and his
    assert ben.project.figure(figure.id).status is Status.CONFIRMED
    assert ben.lease.holder is None and not ben.inspector.is_read_only()
    assert ben.project.leases()[doc][0] == "ben"
    ben.close_project()  # closing gives it back too
    assert doc not in rita.project.leases()


def test_an_expired_lease_is_taken_over(qtbot, window_of):
    rita = window_of("rita")
    doc = rita.document_id
    rita.project.take_lease(doc, minutes=-1)  # as if she had left it idle past its time
    ben = window_of("ben")
    assert ben.document_id == doc and ben.lease.held == doc and ben.lease.holder is None
    assert ben.project.leases()[doc][0] == "ben"
    ben.decide_current(Status.CONFIRMED)
    assert ben.project.figure(ben.visible_order()[0].id).status is Status.CONFIRMED


def test_the_lease_is_renewed_while_the_reviewer_works_and_never_taken_on_a_shared_document(qtbot, window_of, desk):
    from reviewer.ui.leases import RENEW_EVERY_MS

    _location, url = desk
    rita = window_of("rita")
    doc = rita.document_id
    assert rita.lease.timer.isActive() and rita.lease.timer.interval() == RENEW_EVERY_MS
    rita.project.take_lease(doc, minutes=1)  # shortened: the renewal makes it LEASE_MINUTES again
    short = rita.project.leases()[doc][1]
    qtbot.waitUntil(rita.isActiveWindow)
    rita.lease.timer.timeout.emit()  # the timer's tick (a renewal, not a poll)
    assert rita.project.leases()[doc][1] > short
    rita.project.take_lease(doc, minutes=1)
    rita.decide_current(Status.CONFIRMED)  # each decision renews it too
    assert rita.project.leases()[doc][1] > short

    with open_project(url("max")) as manager:  # the other document needs two reviewers
        other = next(d.id for d in manager.documents() if d.id != doc)
        manager.assign(other, ["rita", "ben"], 2)
    rita.reload_from_disk()
    rita.show_document(other)
    assert rita.document_id == other and rita.project.leases() == {}  # the first given back, the second never leased
    assert not rita.lease.timer.isActive()



def test_the_list_learns_who_took_a_document_from_the_live_notifications(qtbot, window_of, desk):
    _location, url = desk
    with open_project(url("max")) as manager:
        first, second = manager.documents()
        manager.assign(second.id, ["rita"], 1)
    ben = window_of("ben")
    assert ben.document_id == first.id and marks(ben)[1] == (False, None)
    rita = window_of("rita")
    assert rita.document_id == second.id and rita.lease.held == second.id
    assert marks(rita) == [(True, None), (False, "ben")]  # hers first; ben is on the other one
    rita.decide_current(Status.CONFIRMED)  # her decision's NOTIFY reaches ben's window (no polling)
    qtbot.waitUntil(lambda: marks(ben)[1] == (False, "rita"))
    assert ben.document_id == first.id and ben.lease.held == first.id  # his own work left as it was
