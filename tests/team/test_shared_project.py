"""A shared project on a real PostgreSQL server, worked on as a team would: the manager imports and
assigns, two reviewers decide blind (each only in rows of their own), the database settles what they
agree on, the adjudicator settles the rest; the same commands as for a .frp file take its URL."""

import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from reviewer.adjudication import adjudicate
from reviewer.model import Status
from reviewer.store import StoreError
from reviewer.store.errors import DocumentLeased
from reviewer.store.locations import parse_server_url
from reviewer.store.opening import open_project
from reviewer.store.server import add_person, init_project
from tests.cli.helpers import one_line, run

C, X, R, P = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED, Status.PENDING
PEOPLE = (("rita", "reviewer"), ("ben", "reviewer"), ("ada", "adjudicator"), ("max", "manager"))
REPORT = "seeds/000_71bace37cc241901.txt"


@pytest.fixture
def desk(postgresql_database):
    """A project `desk` with the four people and one imported report: url(person) names it as them."""
    location = parse_server_url(f"{postgresql_database}?project=desk")
    init_project(location)
    for person, role in PEOPLE:
        add_person(location, person, role)

    def url(person):
        return f"{postgresql_database}?project=desk".replace("postgresql://postgres@", f"postgresql://{person}@")

    done = run("import", url("max"), REPORT)
    assert done.returncode == 0, done.stderr
    return url


def test_each_person_opens_the_project_in_their_role(desk):
    for person, role in PEOPLE:
        with open_project(desk(person)) as project:
            assert project.shared and project.role == role and project.reviewer == person
            assert len(project.documents()) == 1 and project.figures()


def test_review_is_blind_and_one_reviewer_settles_a_document_that_needs_one(desk):
    with open_project(desk("rita")) as rita:
        first = rita.figures()[0]
        rita.decide(first.id, C)
        assert rita.figure(first.id).status is C and rita.figure(first.id).reviewer == "rita"
    with open_project(desk("ben")) as ben:
        assert ben.figure(first.id).status is P  # rita's decision is hers: ben does not see it
    with open_project(desk("ada")) as ada:
        final = ada.figure(first.id)
        assert (final.status, final.reviewer, final.settled) == (C, "rita", "agreed")


def test_two_reviewers_agree_or_the_adjudicator_settles(desk):
    with open_project(desk("max")) as manager:
        (doc,) = manager.documents()
        manager.assign(doc.id, ["rita", "ben"], needed=2)
        figures = [f.id for f in manager.figures()[:3]]
    steps = {"rita": [(figures[0], C), (figures[1], X, "12", "亿元"), (figures[2], C)],
             "ben": [(figures[0], R), (figures[1], X, "12", "亿元"), (figures[2], C)]}
    for person, decisions in steps.items():
        with open_project(desk(person)) as project:
            assert project.documents()[0].id == doc.id  # their document first
            for figure, status, *correction in decisions:
                value, unit = (correction + [None, None])[:2]
                project.decide(figure, status, value=value, unit=unit)
    with open_project(desk("ada")) as ada:
        settled = {f.id: (f.status, f.final_value, f.settled) for f in ada.figures() if f.id in figures}
        assert settled == {figures[0]: (P, settled[figures[0]][1], None),  # rita and ben disagree
                           figures[1]: (X, Decimal("12"), "agreed"),
                           figures[2]: (C, settled[figures[2]][1], "agreed")}
        result = adjudicate(ada.reviewer_decisions(), needed=2)
        (dispute,) = result.disputes
        assert dispute.figure == figures[0] and [name for name, _ in dispute.versions] == ["ben", "rita"]
        ada.settle(figures[0], dict(dispute.versions)["ben"])
        final = ada.figure(figures[0])
        assert (final.status, final.reviewer, final.settled) == (R, "ada", "adjudicated")
    with open_project(desk("rita")) as rita:  # a reviewer changing their mind later leaves the final as it is
        rita.decide(figures[0], R)
    with open_project(desk("ada")) as ada:
        assert ada.figure(figures[0]).settled == "adjudicated"
        # every reviewer's own decision stays, beside the final one
        mine = {(d.figure, d.reviewer): d.status for d in ada.reviewer_decisions() if d.figure == figures[0]}
        assert mine == {(figures[0], "ben"): R, (figures[0], "rita"): R}


def test_a_reviewer_undoes_only_their_own_decisions(desk):
    with open_project(desk("rita")) as rita:
        first = rita.figures()[0].id
        rita.decide(first, C)
    with open_project(desk("ben")) as ben:
        ben.decide(first, R)
        assert ben.undo() and not ben.can_undo()  # ben's one decision; rita's is not his to undo
        assert ben.figure(first).status is P
    with open_project(desk("rita")) as rita:
        assert rita.figure(first).status is C and rita.can_undo()


def test_nobody_decides_in_anothers_name(desk):
    with open_project(desk("rita")) as rita:
        with pytest.raises(StoreError, match="in the name of ben"):
            rita.decide(rita.figures()[0].id, C, reviewer="ben")
    with pytest.raises(StoreError, match="connected as rita, not ben"):
        open_project(desk("rita"), reviewer="ben")


def test_a_client_id_makes_a_decision_idempotent(desk):
    with open_project(desk("rita")) as rita:
        first = rita.figures()[0].id
        assert rita.decide(first, C, client_id="a1") is not None
        assert rita.decide(first, R, client_id="a1") is None  # the queue sent it twice: stored once
        assert rita.figure(first).status is C


def test_a_single_review_document_is_leased_to_one_reviewer(desk):
    with open_project(desk("rita")) as rita, open_project(desk("ben")) as ben:
        doc = rita.documents()[0].id
        rita.take_lease(doc)
        rita.take_lease(doc)  # renewed
        with pytest.raises(DocumentLeased, match="rita is working on this document") as refused:
            ben.take_lease(doc)
        assert refused.value.holder == "rita"
        rita.take_lease(doc, minutes=-1)  # as if rita had left it idle past its time
        ben.take_lease(doc)
        assert ben.leases()[doc][0] == "ben"
        ben.release_lease(doc)
        assert ben.leases() == {}


def test_the_commands_take_the_projects_url(desk, tmp_path):
    with open_project(desk("rita")) as rita:
        first = rita.figures()[0].id
    # a URL without a user connects as the reviewer named
    bare = desk("rita").replace("rita@", "")
    done = run("decide", bare, str(first), "confirm", "--reviewer", "ben")
    assert done.returncode == 0, done.stderr
    assert "confirmed by ben" in one_line(done.stderr) and "password" not in done.stderr
    done = run("decide", desk("rita"), str(first), "reject", "--reviewer", "rita")
    assert done.returncode == 0, done.stderr
    status = run("status", desk("rita"), "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert {r["name"]: r["decided"] for r in report["reviewers"]} == {"ben": 1, "rita": 1}
    agreement = run("agreement", desk("ada"), "--json")
    assert agreement.returncode == 0, agreement.stderr
    (pair,) = json.loads(agreement.stdout)["pairs"]
    assert (pair["first"], pair["second"], pair["figures"], pair["agreement"]) == ("ben", "rita", 1, 0.0)
    out = tmp_path / "out.xlsx"
    done = run("export", desk("ada"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "一致性" in load_workbook(out).sheetnames or "Agreement" in load_workbook(out).sheetnames


def test_a_reviewer_cannot_import_and_the_server_says_so_in_one_line(desk):
    done = run("import", desk("rita"), "seeds/001_c85b7cdc4e083cd4.txt")
    assert done.returncode != 0
    assert "the project's manager imports" in one_line(done.stderr) and "Traceback" not in done.stderr


def test_the_manager_assigns_a_document_from_the_command_line(desk):
    done = run("team", "assign", desk("max"), "1", "--to", "rita, ben")
    assert done.returncode == 0, done.stderr
    assert "given to ben, rita; 2 of them decide each figure" in one_line(done.stderr)
    with open_project(desk("rita")) as rita:
        assert rita.assignments() == {1: ["ben", "rita"]} and rita.needed_reviewers() == {1: 2}
    for who, words, said in [
        ("rita", ["1", "--to", "rita"], "the project's manager imports and assigns documents"),
        ("max", ["1", "--to", "rita", "--needs", "2"], "more reviewers than the 1 named"),
        ("max", ["9", "--to", "rita"], "9: no such document"),
    ]:
        done = run("team", "assign", desk(who), *words)
        assert done.returncode == 2 and said in one_line(done.stderr) and "Traceback" not in done.stderr
    with open_project(desk("max")) as manager:
        assert manager.needed_reviewers() == {1: 2}  # the refused ones changed nothing


def test_everyone_sees_who_is_on_the_project(desk):
    with open_project(desk("rita")) as rita:
        assert rita.members() == {"ada": "adjudicator", "ben": "reviewer", "max": "manager", "rita": "reviewer"}


def test_check_and_reference_take_the_projects_url(desk, tmp_path):
    table = tmp_path / "reference.csv"
    table.write_text("指标,时期,数值,单位\n地区生产总值,2025,1,亿元\n", encoding="utf-8")
    done = run("reference", desk("max"), str(table))
    assert done.returncode == 0, done.stderr
    assert "1 reference row" in one_line(done.stderr) and "project=desk" in one_line(done.stderr)
    done = run("check", desk("rita"), "--json")
    assert done.returncode in (0, 1), done.stderr
    assert isinstance(json.loads(done.stdout), list)
    refused = run("reference", desk("rita"), str(table))  # reviewers read the reference rows, never change them
    assert refused.returncode == 2 and "Traceback" not in refused.stderr and len(refused.stderr.splitlines()) == 1


def test_what_changes_a_documents_figures_is_the_managers(desk):
    from reviewer.extract import ENGINE_VERSION

    with open_project(desk("rita")) as rita:
        doc = rita.documents()[0].id
        for change in (lambda: rita.replace_figures(doc, [], ENGINE_VERSION),
                       lambda: rita.set_document_dates(doc, "2024-01-20", None, [], ENGINE_VERSION),
                       lambda: rita.mark_changed_sources({doc})):
            with pytest.raises(StoreError, match="the project's manager imports"):
                change()
        assert rita.figures(doc)  # nothing of it happened


def test_taking_and_giving_back_a_lease_is_announced_but_not_its_renewal(desk, postgresql_database):
    import psycopg

    with psycopg.connect(postgresql_database, autocommit=True) as listener:
        listener.execute("LISTEN desk")
        with open_project(desk("rita")) as rita:
            doc = rita.documents()[0].id
            rita.take_lease(doc)
            rita.take_lease(doc)  # renewed: nobody needs to hear of it
            rita.release_lease(doc)
        heard = [json.loads(n.payload) for n in listener.notifies(timeout=2, stop_after=3)]
    leases = [(h["action"], h["document"], h["reviewer"]) for h in heard if h["action"] == "lease"]
    assert leases == [("lease", doc, "rita"), ("lease", doc, "rita")]


def test_a_reviewer_sees_how_far_the_others_are_not_how_they_decided(desk):
    with open_project(desk("rita")) as rita:
        figures = [f.id for f in rita.figures()[:3]]
        rita.decide(figures[0], C)
    with open_project(desk("ben")) as ben:
        ben.decide(figures[0], R)
        ben.decide(figures[1], R)
        ben.decide(figures[1], C)  # a changed mind: two decisions made, one standing
    report = json.loads(run("status", desk("rita"), "--json").stdout)
    mine = {r["name"]: r for r in report["reviewers"]}
    assert mine["ben"] == {"name": "ben", "decided": 2, "confirmed": None, "corrected": None, "rejected": None,
                           "decisions": 3}
    assert mine["rita"] == {"name": "rita", "decided": 1, "confirmed": 1, "corrected": 0, "rejected": 0,
                            "decisions": 1}
    lines = run("status", desk("rita")).stdout
    assert "ben" in lines and "—" in lines
    report = json.loads(run("status", desk("ada"), "--json").stdout)  # the adjudicator sees it all
    assert {r["name"]: (r["confirmed"], r["rejected"]) for r in report["reviewers"]} == {"ben": (1, 1), "rita": (1, 0)}


def test_agreement_is_for_the_adjudicator_not_a_reviewer(desk):
    done = run("agreement", desk("rita"))
    assert done.returncode == 2 and "rita is a reviewer and sees only their own decisions" in one_line(done.stderr)
