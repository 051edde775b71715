"""Parts named as their whole with one word of a complete set (resources/checks/complements.tsv):
参加基本医疗保险人数 57322万人，其中参加职工基本医疗保险人数 27416万人，参加居民基本医疗保险人数
29906万人. Where a whole is followed in its paragraph by every part of such a set, once each, for
the same period and unit, the parts add up to it (checked as sums_parts does)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from functools import cache

from reviewer.checks.model import CheckDocument, CheckFigure, Finding
from reviewer.checks.sums_common import Passages, additive, bare, passages_of, word_list
from reviewer.checks.sums_parts import SENTENCES_AFTER, compare_parts

TOTAL_WORDS = ("总量", "总数", "总额", "合计", "总计")

Complement = tuple[tuple[str, ...], ...]  # the parts' words, alternatives of one part together


@cache
def complements() -> tuple[Complement, ...]:
    return tuple(
        tuple(tuple(w for w in part.split("|") if w) for part in line.split(","))
        for line in word_list("complements.tsv")
    )


def _key(name: str) -> str:
    """The name a whole and its parts share: without scope words, verbs and 总量/总数."""
    name = bare(name)
    for word in TOTAL_WORDS:
        if name.endswith(word) and len(name) > len(word) + 1:
            return name[: -len(word)]
    return name


def _part_of(indicator: str, complement: Complement, whole_key: str) -> int | None:
    """The index of the part the indicator names: the whole's name with that part's word."""
    found = set()
    for index, words in enumerate(complement):
        for word in words:
            at = indicator.find(word)
            # 非国有 holds 国有: a word inside another part's longer word does not count
            inside = any(word != other and word in other and other in indicator for ws in complement for other in ws)
            if at >= 0 and not inside and _key(indicator[:at] + indicator[at + len(word) :]) == whole_key:
                found.add(index)
    return found.pop() if len(found) == 1 else None


def complement_totals(document: CheckDocument) -> Iterator[Finding]:
    levels = [f for f in document.figures if additive(f) and f.indicator]
    if len(levels) < 3:
        return
    passages = passages_of(document)
    keys = [_key(f.indicator or "") for f in levels]
    for complement in complements():
        words = [w for part in complement for w in part]
        # only figures naming one of the set's words may be its parts: the rest are skipped at once
        named = [i for i, f in enumerate(levels) if any(w in (f.indicator or "") for w in words)]
        if len(named) < len(complement):
            continue
        for at, whole in enumerate(levels):
            if len(keys[at]) < 2:
                continue
            later = named[bisect.bisect_right(named, at) :]
            parts = _parts_after(levels, keys, at, later, passages, complement)
            if parts is not None:
                finding = compare_parts(whole, parts)
                if finding is not None:
                    yield finding


def _parts_after(
    levels: Sequence[CheckFigure],
    keys: Sequence[str],
    at: int,
    later: Sequence[int],
    passages: Passages,
    complement: Complement,
) -> list[CheckFigure] | None:
    whole, key = levels[at], keys[at]
    paragraph = passages.paragraph(whole.start)
    last_sentence = passages.sentence(whole.start) + SENTENCES_AFTER
    found: dict[int, list[CheckFigure]] = {}
    for i in later:
        figure = levels[i]
        if passages.paragraph(figure.start) != paragraph or passages.sentence(figure.start) > last_sentence:
            break
        if any(keys[j] == key for j in range(at + 1, i)):
            break  # the whole stated again: its own parts follow it
        part = _part_of(figure.indicator or "", complement, key)
        if part is None or figure.unit != whole.unit or figure.period != whole.period:
            continue
        found.setdefault(part, []).append(figure)
    if len(found) != len(complement) or any(len(group) != 1 for group in found.values()):
        return None
    return [found[i][0] for i in range(len(complement))]
