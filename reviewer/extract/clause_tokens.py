"""The clause reader's tokens and rules: each clause holding a figure, segmented once, and the
roles the rules file (resources/lexicons/clause_rules.tsv) gives words and jieba's tags."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from reviewer.extract.lexicon import Lexicon, _rows
from reviewer.extract.reading import SPACES
from reviewer.model import Figure, Kind

ROLES = (
    "by",
    "duration",
    "per",
    "base",
    "copula",
    "of",
    "determiner",
    "average",
    "modal",
    "part",
    "manner",
    "partner",
    "pivot",
    "metric",
    "compare",
    "frame",
    "run",
    "opener",
    "first",
    "place",
    "scope",
    "temporal",
    "adverb",
    "lead",
    "tail",
    "noun",
    "verb",
    "stop",
    "share",
    "status",
    "region",
)
CLAUSE_BREAKS = "，。；！？,;!?\n：: \t\u3000●•■◆▲"
SENTENCE_BREAKS = "。！？!?\n；;"
PUNCT = set(CLAUSE_BREAKS + "、“”‘’\"'（）()《》<>[]【】.-—>·…+＋")
WORD_CLASSES = frozenset({"noun", "scope", "place", "verb"})  # a word listed in one of them is of no other
FIGURE_TAG = "FIG"
DATE_TAG = "DATE"
MAX_CLAUSE = 80  # characters either side of a figure that its clause may reach


@dataclass(frozen=True)
class ClauseRules:
    words: dict[str, frozenset[str]]
    tags: dict[str, frozenset[str]]

    @cached_property
    def metric_words(self) -> frozenset[str]:
        return frozenset(w for w, roles in self.words.items() if "metric" in roles)

    @cached_property
    def share_words(self) -> tuple[str, ...]:
        return tuple(w for w, roles in self.words.items() if "share" in roles)

    @cached_property
    def region_endings(self) -> tuple[str, ...]:
        return tuple(w for w, roles in self.words.items() if "region" in roles)

    def is_region(self, token: Token) -> bool:
        """A place's name (jieba's place tag and an ending the rules list as a region's: 塔城地区,
        not 海塘 or 惠及, which jieba tags places too)."""
        if token.tag != "ns" or self.words.get(token.word, frozenset()) & WORD_CLASSES:
            return False  # a word the rules class (城镇 a noun, a place) is of that class
        return token.word.endswith(self.region_endings)

    @cached_property
    def longest_metric(self) -> int:
        return max((len(w) for w in self.metric_words), default=0)

    def has(self, token: Token, role: str) -> bool:
        """Whether the token plays `role`: by its word where the rules list the word (率 is a
        noun whatever jieba tags it), else by its tag."""
        roles = self.words.get(token.word, frozenset())
        if role in roles:
            return True
        if roles & WORD_CLASSES and role in WORD_CLASSES:
            return False  # the word's class is the rules' (率 a noun, 全省 a scope), not its tag's
        return role in self.tags.get(token.tag, ())

    def word_has(self, word: str, role: str) -> bool:
        return role in self.words.get(word, ())


@lru_cache(maxsize=4)
def _rules(dirs: tuple[Path, ...]) -> ClauseRules:
    from reviewer.extract.lexicon import ROLE

    words: dict[str, set[str]] = {}
    tags: dict[str, set[str]] = {}
    for row in _rows("clause_rules.tsv", dirs, 2):
        role = row.choice(1, ROLE, ROLES)
        item = row.cells[0]
        if item.startswith("tag:") and len(item) > 4:
            tags.setdefault(item[4:], set()).add(role)
        else:
            words.setdefault(item, set()).add(role)
    return ClauseRules(
        {w: frozenset(r) for w, r in words.items()},
        {t: frozenset(r) for t, r in tags.items()},
    )


def clause_rules(lexicon: Lexicon) -> ClauseRules:
    return _rules(tuple(lexicon.source_dirs))


class Token:
    __slots__ = ("word", "tag", "start", "end", "fig")

    def __init__(self, word: str, tag: str, start: int, end: int, fig: int = -1):
        self.word, self.tag, self.start, self.end, self.fig = word, tag, start, end, fig

    def __repr__(self) -> str:
        return f"{self.word}/{self.tag}"


def _tag_of(word: str, tag: str | None) -> str:
    """jieba.posseg's tag for a word as it tags without its HMM: the dictionary's, else 'm' for
    digits, 'eng' for Latin letters, 'w' for punctuation, 'x' for any other unknown word."""
    if tag:
        return tag
    if word[0].isdigit() or word[0] in "０１２３４５６７８９.":
        return "m"
    if word.isascii() and word.isalnum():
        return "eng"
    if all(c in PUNCT or not c.isalnum() for c in word):
        return "w"
    return "x"


class ClauseIndex:
    """Each clause of the text that holds a figure, segmented once and kept for every figure in
    it; figures and dates are tokens of their own."""

    def __init__(self, text: str, found: Sequence[Figure], segmenter):
        self.text = text
        self.found = found
        self.seg = segmenter
        self._starts = [f.start for f in found]
        self._cache: dict[tuple[int, int], list[Token]] = {}

    def bounds(self, figure: Figure) -> tuple[int, int]:
        text = self.text
        start = figure.start
        while start > 0 and text[start - 1] in SPACES:
            start -= 1
        limit = max(0, start - MAX_CLAUSE)
        while start > limit and text[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        end = figure.end
        limit = min(len(text), end + MAX_CLAUSE)
        while end < limit and text[end] not in CLAUSE_BREAKS:
            end += 1
        return start, end

    def tokens(self, start: int, end: int) -> list[Token]:
        key = (start, end)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        tokens: list[Token] = []
        pos = start
        i = bisect.bisect_left(self._starts, start)
        while i < len(self.found) and self.found[i].start < end:
            f = self.found[i]
            if f.start >= pos and f.end <= end:
                self._cut(pos, f.start, tokens)
                tag = DATE_TAG if f.kind is Kind.DATE else FIGURE_TAG
                tokens.append(Token(self.text[f.start : f.end], tag, f.start, f.end, i))
                pos = f.end
            i += 1
        self._cut(pos, end, tokens)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = tokens
        return tokens

    def words_of(self, phrase: str) -> list[Token]:
        """The words of a phrase apart from the text (an indicator read already), tagged as the
        clauses' words are; their offsets are 0."""
        return [Token(w, _tag_of(w, self.seg.tag(w)), 0, 0) for w in self.seg.cut(phrase)]

    def _cut(self, start: int, end: int, out: list[Token]) -> None:
        if start >= end:
            return
        pos = start
        for word in self.seg.cut(self.text[start:end]):
            w_start = pos
            pos += len(word)
            if word.isspace():
                continue
            out.append(Token(word, _tag_of(word, self.seg.tag(word)), w_start, pos))
