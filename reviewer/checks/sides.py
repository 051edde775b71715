"""How a finding's message names a figure (its indicator and its text as written), and the figures'
roles that the pair rules share: a level or an increment, a part of a 其中 or 分别 list."""

from __future__ import annotations

import re
from functools import cache

from reviewer.checks.model import CheckDocument, CheckFigure
from reviewer.checks.relations import Sentence, between, pattern, words
from reviewer.model import Kind
from reviewer.resources import resource

LEVEL_KINDS = (Kind.MONEY, Kind.QUANTITY)


def side(figure: CheckFigure) -> str:
    """规模以上工业增加值 1234亿元 (the indicator where the engine found one)."""
    return f"{figure.indicator} {figure.text}" if figure.indicator else figure.text


def clause_start(document: CheckDocument, sentence: Sentence, figure: CheckFigure) -> int:
    """Where the figure's clause begins: after the last ，、： or value figure before it."""
    floor = sentence.start
    for other in sentence.figures:
        if floor < other.end <= figure.start:
            floor = other.end
    text = document.text[floor : figure.start]
    cut = max(text.rfind(mark) for mark in "，,：:、")
    return floor + cut + 1 if cut >= 0 else floor


def clause_before(document: CheckDocument, sentence: Sentence, figure: CheckFigure) -> str:
    """The words of the figure's clause before it."""
    return document.text[clause_start(document, sentence, figure) : figure.start]


def is_increment(document: CheckDocument, sentence: Sentence, figure: CheckFigure) -> bool:
    """A change, not a level: 比上年增加50亿元, 出口减少3亿元 (not 增加值 1234亿元, not 提高到 3.2万元)."""
    before = clause_before(document, sentence, figure).replace("增加值", "")
    if any(word in before for word in words()["last_year"]):
        return True
    return bool(re.search(rf"(?:{pattern('rise').pattern}|{pattern('fall').pattern})了?$", before))


def in_list(document: CheckDocument, sentence: Sentence, figure: CheckFigure) -> bool:
    """Whether the figure is a part of a list: after 其中 or 分别 in its sentence, or joined to a
    figure of its measure by 、 or 和 (7.8%、9.1%)."""
    before = document.text[sentence.start : figure.start]
    if any(word in before for word in (*words()["part"], *words()["each"])):
        return True
    joints = words()["joint"]
    figures = sentence.figures
    index = figures.index(figure)
    for neighbour in (figures[index - 1] if index else None, figures[index + 1] if index + 1 < len(figures) else None):
        if neighbour is None or neighbour.kind is not figure.kind:
            continue
        left, right = sorted((neighbour, figure), key=lambda f: f.start)
        if document.text[left.end : right.start].strip() in joints:
            return True
    return False


def stated_as_plan(document: CheckDocument, sentence: Sentence) -> bool:
    """A sentence of targets (力争, 预期): what is planned is not what was done."""
    text = document.text[sentence.start : sentence.end]
    return any(word in text for word in words()["plan"])


def statement(document: CheckDocument, sentence: Sentence, figure: CheckFigure) -> str:
    """The words that state the figure (its clause before it), without the verb of stating."""
    text = between(document, sentence, clause_start(document, sentence, figure), figure.start).strip()
    for verb in words()["verb"]:
        text = text.replace(verb, "")
    return text


@cache
def comparable_words() -> tuple[str, ...]:
    found = []
    with open(resource("checks", "comparable_basis.tsv"), encoding="utf-8") as fh:
        for line in fh:
            word = line.strip()
            if word and not word.startswith("#"):
                found.append(word)
    return tuple(found)


def comparable_basis(*texts: str | None) -> bool:
    """An indicator (or the words of its growth) whose growth is on a comparable basis."""
    return any(word in text for text in texts if text for word in comparable_words())
