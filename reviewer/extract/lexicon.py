"""The engine's vocabulary, read from plain files in resources/lexicons.

Each file can be extended without touching code: a folder named in REVIEWER_LEXICONS (or the
user's `lexicons` folder in the config directory) may hold files of the same names, whose lines
are added to the shipped ones. Lines starting with # are comments.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from reviewer.resources import resource

USER_LEXICON_ENV = "REVIEWER_LEXICONS"


class LexiconError(ValueError):
    """A lexicon file has a line the engine cannot use."""


@dataclass(frozen=True)
class Unit:
    written: str
    kind: str
    unit: str
    tags: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]
    scales: dict[str, Decimal]
    prefix_qualifiers: tuple[str, ...]   # longest first
    suffix_qualifiers: tuple[str, ...]   # longest first
    inner_qualifiers: frozenset[str]
    change_verbs: tuple[str, ...]
    change_prefixes: tuple[str, ...]
    rank_context: tuple[str, ...]          # every ranking cue, for 第N and 前N
    rank_verbs: tuple[str, ...]            # the verbs among them, for N位
    rank_followers: tuple[str, ...]
    not_figure_after: tuple[str, ...]
    slogans: tuple[str, ...]
    numbered_services: tuple[str, ...]
    implied_after: dict[str, tuple[str, str]]    # noun after a scaled number -> (kind, unit)
    implied_before: dict[str, tuple[str, str]]   # metric before it -> (kind, unit)
    indicator_lead_stop: frozenset[str]
    indicator_lead_words: tuple[str, ...]  # the same, longest first, for matching text
    indicator_tail_stop: tuple[str, ...]   # longest first
    period_words: dict[str, str]
    duration_claim: tuple[str, ...]        # "连续四年": the duration is the claim
    period_before: tuple[str, ...]         # "过去一年": a referred period
    period_after: tuple[str, ...]          # "五年来": a referred period
    unit_pattern: re.Pattern[str]
    slogan_pattern: re.Pattern[str] | None  # any slogan, for finding them in a window
    source_dirs: tuple[Path, ...]

    def unit_at(self, text: str, pos: int) -> Unit | None:
        match = self.unit_pattern.match(text, pos)
        return self.units[match.group()] if match else None


def user_lexicon_dirs() -> list[Path]:
    dirs = []
    env = os.environ.get(USER_LEXICON_ENV)
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    else:
        from reviewer.paths import user_config_dir

        dirs.append(user_config_dir() / "lexicons")
    return [d for d in dirs if d.is_dir()]


def _rows(name: str, dirs: tuple[Path, ...], columns: int) -> list[list[str]]:
    rows = []
    for folder in dirs:
        path = folder / name
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) < columns or not all(cells[:columns]):
                raise LexiconError(f"{path}:{number}: expected {columns} tab-separated columns, got {line!r}")
            rows.append(cells)
    return rows


def by_length(words) -> tuple[str, ...]:
    """Unique words, longest first (so matching tries 超过 before 超), in file order otherwise."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _words(name: str, dirs: tuple[Path, ...]) -> tuple[str, ...]:
    return by_length(row[0] for row in _rows(name, dirs, 1))


def build_lexicon(dirs: tuple[Path, ...]) -> Lexicon:
    units: dict[str, Unit] = {}
    kinds = {"money", "quantity", "percent", "pp", "multiple", "fraction"}
    for cells in _rows("units.tsv", dirs, 3):
        written, kind, unit = cells[:3]
        if kind not in kinds:
            raise LexiconError(f"units.tsv: unknown kind {kind!r} for {written!r}")
        tags = frozenset(t.strip() for t in cells[3].split(",")) if len(cells) > 3 else frozenset()
        units[written] = Unit(written, kind, unit, tags)
    for cells in _rows("currencies.tsv", dirs, 2):
        tags = frozenset(t.strip() for t in cells[2].split(",")) if len(cells) > 2 else frozenset()
        units[cells[0]] = Unit(cells[0], "money", cells[1], tags)
    scales = {}
    for written, factor in _rows("scales.tsv", dirs, 2):
        scales[written] = Decimal(factor)
    prefix, suffix, inner = [], [], []
    for written, position in (row[:2] for row in _rows("qualifiers.tsv", dirs, 2)):
        {"prefix": prefix, "suffix": suffix, "inner": inner}.get(position, prefix).append(written)
    implied: dict[str, dict[str, tuple[str, str]]] = {"after": {}, "before": {}}
    for word, side, kind, unit in (row[:4] for row in _rows("implied_units.tsv", dirs, 4)):
        if side not in implied or kind not in kinds:
            raise LexiconError(f"implied_units.tsv: bad line for {word!r}: side {side!r}, kind {kind!r}")
        implied[side][word] = (kind, unit)
    roles: dict[str, list[str]] = {"claim": [], "period_before": [], "period_after": []}
    for word, role in (row[:2] for row in _rows("durations.tsv", dirs, 2)):
        if role not in roles:
            raise LexiconError(f"durations.tsv: unknown role {role!r} for {word!r}")
        roles[role].append(word)
    rank_rows = _rows("rank_context.txt", dirs, 1)
    lead_stop: list[str] = []  # lists keep file order; by_length removes repeats
    tail_stop: list[str] = []
    for word, edge in (row[:2] for row in _rows("indicator_stopwords.txt", dirs, 2)):
        if edge in ("lead", "both"):
            lead_stop.append(word)
        if edge in ("tail", "both"):
            tail_stop.append(word)
    alternation = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    slogans = _words("slogans.txt", dirs)
    return Lexicon(
        units=units,
        scales=scales,
        prefix_qualifiers=by_length(prefix),
        suffix_qualifiers=by_length(suffix),
        inner_qualifiers=frozenset(inner),
        change_verbs=_words("change_verbs.txt", dirs),
        change_prefixes=_words("change_prefixes.txt", dirs),
        rank_context=by_length(row[0] for row in rank_rows),
        rank_verbs=by_length(row[0] for row in rank_rows if len(row) > 1 and row[1] == "verb"),
        rank_followers=_words("rank_followers.txt", dirs),
        not_figure_after=_words("not_figure_after.txt", dirs),
        slogans=slogans,
        numbered_services=_words("numbered_services.txt", dirs),
        implied_after=implied["after"],
        implied_before=implied["before"],
        indicator_lead_stop=frozenset(lead_stop),
        indicator_lead_words=by_length(w for w in lead_stop if len(w) > 1),
        indicator_tail_stop=by_length(tail_stop),
        period_words={row[0]: row[1] for row in _rows("period_words.tsv", dirs, 2)},
        duration_claim=by_length(roles["claim"]),
        period_before=by_length(roles["period_before"]),
        period_after=by_length(roles["period_after"]),
        unit_pattern=re.compile(alternation),
        slogan_pattern=re.compile("|".join(re.escape(w) for w in slogans)) if slogans else None,
        source_dirs=dirs,
    )


@lru_cache(maxsize=4)
def _cached(dirs: tuple[Path, ...]) -> Lexicon:
    return build_lexicon(dirs)


def default_lexicon() -> Lexicon:
    dirs = (resource("lexicons"), *user_lexicon_dirs())
    return _cached(tuple(dirs))
