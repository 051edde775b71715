"""A decision that changes nothing (the same status, corrected fields and note) records nothing:
no event, no undo step; Project.decide returns None and decide_many leaves that figure out."""
from decimal import Decimal

from reviewer.model import Status
from reviewer.store import Project


def test_confirming_a_confirmed_figure_writes_no_event_and_no_undo_step(project):
    first = project.figures()[0]
    assert project.decide(first.id, Status.CONFIRMED) is not None
    events, undo = len(project.events()), project.peek_undo()
    assert project.decide(first.id, Status.CONFIRMED) is None
    assert len(project.events()) == events and project.peek_undo() == undo
    project.undo()
    assert project.figure(first.id).status is Status.PENDING and not project.can_undo()


def test_another_reviewer_confirming_a_confirmed_figure_makes_a_decision_of_their_own(project):
    """Agreement counts two reviewers who confirmed one figure; the second used to write nothing."""
    first = project.figures()[0]
    project.decide(first.id, Status.CONFIRMED, reviewer="ana")
    event = project.decide(first.id, Status.CONFIRMED, reviewer="ben")
    assert event is not None and event.reviewer == "ben"
    assert project.decide(first.id, Status.CONFIRMED, reviewer="ben") is None  # ben's own again: nothing new
    assert sorted(d.reviewer for d in project.reviewer_decisions()) == ["ana", "ben"]
    project.undo()  # takes back ben's decision only
    assert [d.reviewer for d in project.reviewer_decisions()] == ["ana"]
    assert project.figure(first.id).status is Status.CONFIRMED


def test_a_new_note_or_new_fields_are_a_change(project):
    first = project.figures()[0]
    project.decide(first.id, Status.CORRECTED, value="12", unit="件")
    assert project.decide(first.id, Status.CORRECTED, value=Decimal("12"), unit="件") is None
    assert project.decide(first.id, Status.CORRECTED, value="13", unit="件") is not None
    assert project.decide(first.id, Status.CORRECTED, value="13", unit="件", note="checked") is not None
    assert project.decide(first.id, Status.CONFIRMED, note="checked") is not None  # the status changed


def test_decide_many_leaves_out_the_figures_already_so(project):
    a, b, c = project.figures()[:3]
    project.decide(a.id, Status.CONFIRMED)
    written = project.decide_many([a.id, b.id, c.id], Status.CONFIRMED)
    assert [e.figure_id for e in written] == [b.id, c.id]
    assert project.decide_many([a.id, b.id], Status.CONFIRMED) == []
    project.undo()  # the one command of b and c
    assert [project.figure(i).status for i in (a.id, b.id, c.id)] == [Status.CONFIRMED, Status.PENDING,
                                                                       Status.PENDING]


def test_nothing_is_written_to_the_file(project_path, project):
    first = project.figures()[0]
    project.decide(first.id, Status.REJECTED)
    project.decide(first.id, Status.REJECTED)
    with Project.open(project_path, read_only=True) as other:
        assert [e.action for e in other.events(first.id)].count("decide") == 1


def test_a_reader_sees_the_data_version_change_when_another_connection_commits(tmp_path):
    from reviewer.documents.base import Document
    from reviewer.store import Project

    path = tmp_path / "p.frp"
    with Project(path, create=True, reviewer="w") as writer:
        with Project(path, read_only=True) as reader:
            seen = reader.data_version()
            doc = Document(text="受理案件12件。", title="t", date=None, source=str(tmp_path / "a.txt"),
                           size=10, sha256="0" * 64, format="txt")
            writer.add_document(doc, [], "test")
            assert reader.data_version() != seen


def test_confirming_a_corrected_figure_confirms_it_as_read(project):
    """The confirmation is of the figure as read: the old correction must not be exported with it."""
    first = project.figures()[0]
    project.decide(first.id, Status.CORRECTED, value="310", unit="亿元")
    project.decide(first.id, Status.CONFIRMED)
    after = project.figure(first.id)
    assert (after.corrected_value, after.corrected_unit, after.final_value) == (None, None, first.value)


def test_settling_is_the_adjudicators_final_decision_not_a_review(project):
    from reviewer.decisions import Version

    first = project.figures()[0]
    project.decide(first.id, Status.CONFIRMED, reviewer="ana")
    event = project.settle(first.id, Version(Status.CONFIRMED), reviewer="ada")  # the same version: still a settlement
    assert event is not None and event.action == "settle"
    after = project.figure(first.id)
    assert (after.status, after.reviewer, after.settled) == (Status.CONFIRMED, "ada", "adjudicated")
    assert [d.reviewer for d in project.reviewer_decisions()] == ["ana"]  # ada is no reviewer of it
    assert project.settle(first.id, Version(Status.CONFIRMED), reviewer="ada") is None
    project.undo()
    assert project.figure(first.id).settled is None and project.figure(first.id).reviewer == "ana"
