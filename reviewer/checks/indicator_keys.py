"""The name an indicator is compared by, for a reference table's row and a figure alike: spaces and
punctuation left out, Latin letters in lower case, a leading scope (全市, 全省, 我国: the scope
words of the engine's clause_rules.tsv) dropped, and the name of its line in
resources/checks/indicator_synonyms.tsv (国内生产总值, 地区生产总值, GDP). A change is kept apart
from what it changes ("地区生产总值" + "比上年增长" -> 国内生产总值, 增长): a comparison with the
year before (同比, 比上年) says nothing more; 年均, 环比 do."""

from __future__ import annotations

import unicodedata
from functools import cache

from reviewer.checks.data_files import data_lines
from reviewer.extract.clauses import clause_rules
from reviewer.extract.lexicon import default_lexicon
from reviewer.extract.numerals import FULLWIDTH

YEAR_ON_YEAR = ("同比", "比", "较")  # a change prefix starting so compares with the year before


def indicator_key(name: str | None, change: str | None = None) -> tuple[str, str | None] | None:
    """(indicator, change) as compared; None where nothing names an indicator."""
    written = _plain((name or "") + (change or ""))
    head, verb = _split_change(written)
    head = _without_scope(head)
    if not head:
        return None
    return _canonical(head), _canonical(verb) if verb else None


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(FULLWIDTH)).lower()
    return "".join(c for c in text if not (c.isspace() or unicodedata.category(c)[0] in "PSZ"))


def _split_change(text: str) -> tuple[str, str]:
    """'地区生产总值比上年增长' -> ('地区生产总值', '增长'); '出口年均增长' -> ('出口', '年均增长')."""
    verbs, prefixes = _change_words()
    verb = next((v for v in verbs if text.endswith(v) and len(text) > len(v)), None)
    if verb is None:
        return text, ""
    head = text[: -len(verb)]
    prefix = next((p for p in prefixes if head.endswith(p) and len(head) > len(p)), None)
    if prefix is not None:
        head = head[: -len(prefix)]
        if not prefix.startswith(YEAR_ON_YEAR):
            verb = prefix + verb  # 年均增长, 环比增长: another change than 增长
    return head, verb


def _without_scope(text: str) -> str:
    for word in _scopes():
        if text.startswith(word) and len(text) > len(word):
            return text[len(word) :]
    return text


def _canonical(text: str) -> str:
    return _synonyms().get(text, text)


@cache
def _change_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lexicon = default_lexicon()
    by_length = lambda words: tuple(sorted({_plain(w) for w in words if _plain(w)}, key=len, reverse=True))  # noqa: E731
    return by_length(lexicon.change_verbs), by_length(lexicon.change_prefixes)


@cache
def _scopes() -> tuple[str, ...]:
    rules = clause_rules(default_lexicon())
    words = {_plain(w) for w, roles in rules.words.items() if "scope" in roles}
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines("indicator_synonyms.tsv"):
        names = [_plain(cell) for cell in line.split("\t") if _plain(cell)]
        for name in names:
            table.setdefault(name, names[0])
    return table
