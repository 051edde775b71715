"""The adjudicator's docket of a real project: disputes open, settled by agreement, settled by an
adjudicator, waiting for more reviewers, with each document's own number of reviewers needed."""
import pytest

from reviewer.commands.disputes import docket
from reviewer.commands.importing import import_documents
from reviewer.decisions import Version
from reviewer.model import Status
from reviewer.store import Project

C, X, R = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED
FIRST = "一般公共预算收入300亿元，增长3.1%。\n"  # figures a0 300亿元, a1 3.1%
SECOND = "城镇居民人均可支配收入5.6万元，增长4.5%。\n"  # figures b0 5.6万元, b1 4.5%


@pytest.fixture
def two_documents(tmp_path):
    files = []
    for name, text in (("甲.txt", FIRST), ("乙.txt", SECOND)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    path = tmp_path / "团队.frp"
    with Project.open(path, create=True, reviewer="setup") as project:
        import_documents(project, files, report=lambda m: None)
        docs = [d.id for d in project.documents()]
        figures = {}
        for doc, prefix in zip(docs, "ab", strict=True):
            for n, f in enumerate(x for x in project.figures(doc) if x.kind.value != "date"):
                figures[f"{prefix}{n}"] = f.id
    return path, docs, figures


def play(path, figures, steps):
    for who, name, status in steps:
        with Project.open(path, reviewer=who) as project:
            if name == "undo":
                project.undo()
            elif who == "王裁定":
                project.settle(figures[name], Version(status), reviewer=who)
            else:
                project.decide(figures[name], status)


@pytest.mark.parametrize("needed, steps, expected", [
    # one reviewer needed: a figure one reviewer decided is settled; ana against ben is a dispute
    ((1, 1), [("ana", "a0", C), ("ben", "a0", R), ("ana", "b0", C)],
     {"agreed": 1, "adjudicated": 0, "disputes": ["a0"], "waiting": 0}),
    # the second document needs two: ana alone there waits
    ((1, 2), [("ana", "a0", C), ("ben", "a0", R), ("ana", "b0", C)],
     {"agreed": 0, "adjudicated": 0, "disputes": ["a0"], "waiting": 1}),
    # ana and ben agree on b1 (cy between them), the dispute with cy is open
    ((1, 2), [("ana", "b1", C), ("cy", "b1", R), ("ben", "b1", C)],
     {"agreed": 0, "adjudicated": 0, "disputes": ["b1"], "waiting": 0}),
    # the adjudicator settled a0: it leaves the list; their decision is no reviewer's
    ((1, 1), [("ana", "a0", C), ("ben", "a0", R), ("王裁定", "a0", C), ("ana", "a1", C), ("ben", "a1", R)],
     {"agreed": 0, "adjudicated": 1, "disputes": ["a1"], "waiting": 0}),
    # undone, the settlement is gone and the dispute open again
    ((1, 1), [("ana", "a0", C), ("ben", "a0", R), ("王裁定", "a0", C), ("王裁定", "undo", None)],
     {"agreed": 0, "adjudicated": 0, "disputes": ["a0"], "waiting": 0}),
])
def test_the_docket_counts_and_lists(two_documents, needed, steps, expected):
    path, docs, figures = two_documents
    play(path, figures, steps)
    name = {v: k for k, v in figures.items()}
    with Project.open(path, read_only=True) as project:
        project.needed_reviewers = lambda: dict(zip(docs, needed, strict=True))  # a shared project's numbers
        found = docket(project, "王裁定")
    assert {"agreed": found.agreed, "adjudicated": found.adjudicated,
            "disputes": [name[d.figure] for d in found.disputes], "waiting": found.waiting} == expected


def test_hidden_names_are_one_letter_per_person_across_documents(two_documents):
    path, docs, figures = two_documents
    play(path, figures, [("ana", "a0", C), ("cy", "a0", R), ("ben", "b0", C), ("cy", "b0", R)])
    with Project.open(path, read_only=True) as project:
        project.needed_reviewers = lambda: {docs[0]: 1, docs[1]: 2}
        found = docket(project, "王裁定", hide_names=True)
    assert found.reviewers == ("A", "B", "C")
    assert [tuple(who for who, _ in d.versions) for d in found.disputes] == [("A", "C"), ("B", "C")]
