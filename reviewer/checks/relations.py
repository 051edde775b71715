"""The relations between a sentence's figures that the text states in so many words: 由A增加到B
(a change between two levels), the growth, point change or multiple that follows it, a 其中 part
after its total, a level with its increment over last year. Each is found from the words between
the figures (resources/checks/relation_words.tsv); where the words are not there, no relation is
found and the rules stay silent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reviewer.checks.data_files import data_lines
from reviewer.checks.model import CheckDocument, CheckFigure
from reviewer.model import Kind

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_LEVEL_KINDS = (Kind.MONEY, Kind.QUANTITY)


@cache
def words() -> dict[str, tuple[str, ...]]:
    """{group: words} from resources/checks/relation_words.tsv (group <TAB> word)."""
    table: dict[str, list[str]] = {}
    for line in data_lines("relation_words.tsv"):
        group, _, word = line.partition("\t")
        table.setdefault(group.strip(), []).append(word.strip())
    # the longest first, so 增加到 is read before 增加
    return {group: tuple(sorted(items, key=len, reverse=True)) for group, items in table.items()}


def _alternatives(group: str) -> str:
    return "|".join(re.escape(word) for word in words()[group])


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    rise, fall = _alternatives("rise"), _alternatives("fall")
    change = f"(?:{rise}|{fall})"
    return {
        # the words between A and B of 由A增加到B (dates and 的 taken out first)
        "to": re.compile(
            rf"(?:{change})?了?(?:{_alternatives('to')})了?(?:{_alternatives('base')}|{_alternatives('period_word')})?"
        ),
        # what stands before A of 由A增加到B: 由, 从, and a base word (上年, 年初) at most
        "from": re.compile(rf"(?:{_alternatives('from')})(?:{_alternatives('base')}|{_alternatives('period_word')})?$"),
        # the words between B and the growth that follows it: ，增长 / ，年均增长
        "growth": re.compile(rf"[，,、]?(?:{_alternatives('average')})?({change})了?"),
        "points": re.compile(rf"[，,、]?({change})了?"),
        # ，翻了一番 / ，增长2倍 / ，是2010年的2.3倍
        "double": re.compile(rf"[，,、]?(?:{_alternatives('double')})"),
        "times_growth": re.compile(rf"[，,、]?(?:{rise})了?"),
        "times": re.compile(rf"[，,、]?(?:{_alternatives('times')})(?:{_alternatives('base')})?的?"),
        # a level's increment over last year: 350万吨，比上年增加20万吨
        "increment": re.compile(rf"[，,、]?(?:{_alternatives('last_year')})({change})了?"),
        "part": re.compile(rf"[，,、]?(?:{_alternatives('part')})[，,：:]?"),
        "fall": re.compile(fall),
        "rise": re.compile(rise),
    }


def pattern(name: str) -> re.Pattern[str]:
    return _patterns()[name]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    figures: tuple[CheckFigure, ...]  # the figures of values, dates left out, in text order
    dates: tuple[CheckFigure, ...]


def sentences(document: CheckDocument) -> Iterator[Sentence]:
    """The document's text figures by sentence (figures of tables are left to the table rules)."""
    text = document.text
    figures = [f for f in document.figures if f.row_label is None and f.column_label is None]
    index = 0
    start = 0
    for mark in [*(m.start() for m in _SENTENCE_END.finditer(text)), len(text)]:
        end = mark + 1
        inside: list[CheckFigure] = []
        while index < len(figures) and figures[index].start < end:
            if figures[index].start >= start:
                inside.append(figures[index])
            index += 1
        if inside:
            values = tuple(f for f in inside if f.kind is not Kind.DATE and f.value is not None)
            dates = tuple(f for f in inside if f.kind is Kind.DATE)
            if values:
                yield Sentence(start, end, values, dates)
        start = end


def between(document: CheckDocument, sentence: Sentence, left: int, right: int) -> str:
    """The text from offset left to right with the dates and 的 taken out: 增加到2023年的 -> 增加到."""
    pieces = []
    cursor = left
    for date in sentence.dates:
        if date.start >= left and date.end <= right:
            pieces.append(document.text[cursor : date.start])
            cursor = date.end
    pieces.append(document.text[cursor:right])
    text = "".join(pieces).replace("的", "").replace(" ", "")
    for word in words()["year_word"]:
        text = text.replace(word, "")
    return text


def same_measure(a: CheckFigure, b: CheckFigure) -> bool:
    return a.kind is b.kind and (a.unit or "") == (b.unit or "")


@dataclass(frozen=True)
class Change:
    """由A增加到B and what follows it in the sentence: the growth, the point change, a multiple."""

    first: CheckFigure
    second: CheckFigure
    falls: bool  # 由A下降到B
    after: tuple[CheckFigure, ...]  # the figures after B, up to the next change
    sentence: Sentence


def changes(document: CheckDocument, sentence: Sentence) -> Iterator[Change]:
    figures = sentence.figures
    found: list[tuple[int, int, bool]] = []
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if not same_measure(a, b) or a.kind not in (*_LEVEL_KINDS, Kind.PERCENT):
            continue
        clause_start = _clause_start(document.text, sentence.start, a.start)
        if not pattern("from").search(between(document, sentence, clause_start, a.start)):
            continue
        middle = between(document, sentence, a.end, b.start)
        if not pattern("to").fullmatch(middle):
            continue
        found.append((i, i + 1, bool(pattern("fall").search(middle))))
    for n, (i, j, falls) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(figures)
        yield Change(figures[i], figures[j], falls, figures[j + 1 : stop], sentence)


def _clause_start(text: str, floor: int, at: int) -> int:
    """Where the clause holding offset `at` begins (after the last ，：、 before it)."""
    for position in range(at - 1, floor - 1, -1):
        if text[position] in "，,：:、（(":
            return position + 1
    return floor


def leads(
    document: CheckDocument, sentence: Sentence, left: CheckFigure, right: CheckFigure, name: str
) -> re.Match[str] | None:
    """Whether the words from `left` to `right` are exactly the relation's words (`name`)."""
    return pattern(name).fullmatch(between(document, sentence, left.end, right.start))
