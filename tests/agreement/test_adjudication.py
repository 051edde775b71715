"""Adjudication: unanimous figures settled, disagreements listed with every reviewer's version."""
from decimal import Decimal

import pytest

from reviewer.adjudication import adjudicate, letters
from reviewer.decisions import Decision, Version
from reviewer.model import Kind, Status

C, X, R = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED
FIXED = Version(X, Decimal("12.5"), "亿元", Kind.MONEY, "地区生产总值")


@pytest.mark.parametrize("decisions, settled, disputes", [
    # all confirm: settled
    ([Decision(1, "张三", C), Decision(1, "李四", C)], {1: Version(C)}, []),
    # the same correction (12.50 is 12.5): settled with it
    ([Decision(1, "张三", X, Decimal("12.5"), "亿元", Kind.MONEY, "地区生产总值"),
      Decision(1, "李四", X, Decimal("12.50"), "亿元", Kind.MONEY, "地区生产总值")], {1: FIXED}, []),
    # confirm against reject: a dispute, versions in the reviewers' order
    ([Decision(1, "李四", R), Decision(1, "张三", C)], {},
     [(1, (("张三", Version(C)), ("李四", Version(R))))]),
    # corrections that differ in the unit only
    ([Decision(2, "张三", X, Decimal(5), "亿元"), Decision(2, "李四", X, Decimal(5), "万元")], {},
     [(2, (("张三", Version(X, Decimal(5), "亿元")), ("李四", Version(X, Decimal(5), "万元"))))]),
    # corrections that differ in the indicator only
    ([Decision(3, "张三", X, Decimal(5), "亿元", None, "财政收入"),
      Decision(3, "李四", X, Decimal(5), "亿元", None, "税收收入")], {},
     [(3, (("张三", Version(X, Decimal(5), "亿元", None, "财政收入")),
           ("李四", Version(X, Decimal(5), "亿元", None, "税收收入"))))]),
    # a confirmation's stray corrected fields are no part of its version
    ([Decision(4, "张三", C, Decimal(1)), Decision(4, "李四", C)], {4: Version(C)}, []),
    # pending is no decision; one reviewer alone settles (needed 1)
    ([Decision(5, "张三", R), Decision(5, "李四", Status.PENDING)], {5: Version(R)}, []),
    # two figures, one settled, one disputed by the third reviewer
    ([Decision(6, r, C) for r in ("甲", "乙", "丙")] + [Decision(7, "甲", C), Decision(7, "乙", C),
                                                      Decision(7, "丙", R)],
     {6: Version(C)}, [(7, (("丙", Version(R)), ("乙", Version(C)), ("甲", Version(C))))]),
])
def test_unanimous_figures_are_settled_and_the_others_listed(decisions, settled, disputes):
    result = adjudicate(decisions)
    assert result.settled == settled
    assert [(d.figure, d.versions) for d in result.disputes] == disputes
    assert result.waiting == ()


def test_names_hidden_are_letters_the_same_for_one_person_throughout():
    decisions = [Decision(1, "王五", C), Decision(1, "张三", R), Decision(2, "李四", C), Decision(2, "张三", R),
                 Decision(3, "李四", C)]
    result = adjudicate(decisions, hide_names=True)
    labels = letters(sorted(["王五", "张三", "李四"]))
    assert [d.versions for d in result.disputes] == [
        ((labels["张三"], Version(R)), (labels["王五"], Version(C))),
        ((labels["张三"], Version(R)), (labels["李四"], Version(C))),
    ]
    assert sorted(labels.values()) == ["A", "B", "C"]
    assert "张三" not in repr(result.disputes)


def test_figures_fewer_reviewers_decided_than_needed_wait():
    decisions = [Decision(1, "A", C), Decision(2, "A", C), Decision(2, "B", C), Decision(3, "A", C),
                 Decision(3, "B", R)]
    result = adjudicate(decisions, needed=2)
    assert (result.waiting, list(result.settled), [d.figure for d in result.disputes]) == ((1,), [2], [3])


@pytest.mark.parametrize("count, last", [(1, "A"), (26, "Z"), (27, "AA"), (28, "AB"), (702, "ZZ"), (703, "AAA")])
def test_letters_go_on_as_spreadsheet_columns(count, last):
    names = [f"r{i:04}" for i in range(count)]
    assert letters(names)[names[-1]] == last
