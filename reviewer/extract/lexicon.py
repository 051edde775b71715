"""The engine's vocabulary, read from plain files in resources/lexicons.

Each file can be extended without touching code: a folder named in REVIEWER_LEXICONS (or the
user's `lexicons` folder in the config directory) may hold files of the same names, whose lines
are added to the shipped ones. Lines starting with # are comments.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from reviewer.display import shown, shown_path
from reviewer.i18n import N_, _, translate
from reviewer.resources import resource

USER_LEXICON_ENV = "REVIEWER_LEXICONS"
PERIOD_MEANINGS = ("this_year", "last_year", "next_year")  # the years periods.py shifts by


class LexiconError(ValueError):
    """A lexicon file the engine cannot use. str() is one translated line naming the file, the
    line (where there is one) and the problem."""

    def __init__(self, path: Path, line: int | None, problem: str):
        self.path, self.line, self.problem = path, line, problem
        if line is None:
            message = _("{path}: {problem}", path=shown_path(path), problem=problem)
        else:
            message = _("{path}:{line}: {problem}", path=shown_path(path), line=line, problem=problem)
        super().__init__(message)


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
    prefix_qualifiers: tuple[str, ...]  # longest first
    suffix_qualifiers: tuple[str, ...]  # longest first
    inner_qualifiers: frozenset[str]
    change_verbs: tuple[str, ...]
    change_prefixes: tuple[str, ...]
    rank_context: tuple[str, ...]  # every ranking cue, for 第N and 前N
    rank_verbs: tuple[str, ...]  # the verbs among them, for N位
    rank_followers: tuple[str, ...]
    not_figure_after: tuple[str, ...]
    not_qualifier_words: tuple[str, ...]  # 签约, 通过: a qualifier's character ending a word of its own
    slogans: tuple[str, ...]
    numbered_services: tuple[str, ...]
    counted_nouns: tuple[str, ...]  # "四家银行": a small count of these is real, listed or not
    implied_after: dict[str, tuple[str, str]]  # noun after a scaled number -> (kind, unit)
    implied_before: dict[str, tuple[str, str]]  # metric before it -> (kind, unit)
    indicator_lead_stop: frozenset[str]
    indicator_lead_words: tuple[str, ...]  # the same, longest first, for matching text
    indicator_tail_stop: tuple[str, ...]  # longest first
    period_words: dict[str, str]
    duration_claim: tuple[str, ...]  # "连续四年": the duration is the claim
    period_before: tuple[str, ...]  # "过去一年": a referred period
    period_after: tuple[str, ...]  # "五年来": a referred period
    unit_pattern: re.Pattern[str]
    slogan_pattern: re.Pattern[str] | None  # any slogan, for finding them in a window
    source_dirs: tuple[Path, ...]
    units_by_first: dict[str, tuple[Unit, ...]] = field(default_factory=dict)  # longest first

    def unit_at(self, text: str, pos: int) -> Unit | None:
        """The longest unit written at pos (a Latin symbol only as a whole token), as unit_pattern
        matches it; looked up by its first character, since hundreds of units make the pattern's
        alternation slow to try at every position."""
        if pos >= len(text):
            return None
        for unit in self.units_by_first.get(text[pos], ()):
            if text.startswith(unit.written, pos):
                end = pos + len(unit.written)
                if end < len(text) and LATIN_END.search(unit.written) and _runs_on(unit.written, text[end]):
                    continue
                return unit
        return None


def user_lexicon_dirs() -> list[Path]:
    dirs: list[Path] = []
    env = os.environ.get(USER_LEXICON_ENV)
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    else:
        from reviewer.paths import user_config_dir

        dirs.append(user_config_dir() / "lexicons")
    return [d for d in dirs if d.is_dir()]


KINDS = ("money", "quantity", "percent", "pp", "multiple", "fraction")
UNIT_TAGS = ("count", "duration", "grade", "rhetorical", "time", "word_start")
# Unit files in the order they are read: the generated ones (scripts/generate_unit_lexicons.py)
# first, so the hand-kept units.tsv and currencies.tsv correct and extend them.
UNIT_FILES = ("cldr_units.tsv", "jieba_measure_words.tsv", "units.tsv")
CURRENCY_FILES = ("cldr_currencies.tsv", "currencies.tsv")
LATIN_END = re.compile(r"[A-Za-z0-9]$")
LATIN_TOKEN = re.compile(r"[A-Za-z0-9]")
LOWER_TOKEN = re.compile(r"[a-z0-9]")
MIXED_CASE = re.compile(r"[a-z].|.[a-z]")  # kV, kWh, mm: a symbol with a small letter
# What a constrained column may hold, by its name in the messages.
KIND = N_("kind")
TAG = N_("tag")
SIDE = N_("side")
ROLE = N_("role")
POSITION = N_("position")
EDGE = N_("edge")
MEANING = N_("meaning")


@dataclass(frozen=True)
class Row:
    """One line of a lexicon file, split at its tabs, with where it was read."""

    path: Path
    line: int
    cells: tuple[str, ...]

    def error(self, problem: str) -> LexiconError:
        return LexiconError(self.path, self.line, problem)

    def choice(self, column: int, name: str, choices: tuple[str, ...]) -> str:
        value = self.cells[column]
        if value not in choices:
            raise self.error(
                _(
                    "unknown {name} “{value}” (expected one of: {choices})",
                    name=translate(name),
                    value=shown(value, 40),
                    choices=", ".join(choices),
                )
            )
        return value

    def tags(self, column: int) -> frozenset[str]:
        if column >= len(self.cells):
            return frozenset()
        tags = frozenset(t.strip() for t in self.cells[column].split(",") if t.strip())
        for tag in sorted(tags):
            if tag not in UNIT_TAGS:
                raise self.error(
                    _(
                        "unknown {name} “{value}” (expected one of: {choices})",
                        name=translate(TAG),
                        value=shown(tag, 40),
                        choices=", ".join(UNIT_TAGS),
                    )
                )
        return tags


def _read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(path, None, _("cannot be read ({reason})", reason=exc.strerror or str(exc))) from None
    try:
        # split at \n only, so line numbers are an editor's (splitlines also breaks at \x0c, \u2028 ...)
        return [line.rstrip("\r") for line in data.decode("utf-8-sig").split("\n")]
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(
            path, line, _("not UTF-8 text (saved as GBK or another encoding?); save the file as UTF-8")
        ) from None


def _rows(name: str, dirs: tuple[Path, ...], columns: int, most: int | None = None) -> list[Row]:
    """The lines of every folder's `name` that are not blank or comments, each with `columns`
    to `most` (default: exactly `columns`) tab-separated, non-empty cells."""
    most = columns if most is None else most
    rows = []
    for folder in dirs:
        path = folder / name
        if not path.is_file():
            continue
        for number, text in enumerate(_read_lines(path), 1):
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            # trailing tabs and spaces are an editor's leftovers, not empty columns
            row = Row(path, number, tuple(c.strip() for c in text.rstrip().split("\t")))
            found = len(row.cells)
            if not columns <= found <= most:
                if columns == most == 1:
                    problem = _("expected one word a line, found {found} tab-separated columns", found=found)
                elif columns == most:
                    problem = _(
                        "expected {expected} tab-separated columns, found {found}", expected=columns, found=found
                    )
                else:
                    problem = _(
                        "expected {low} to {high} tab-separated columns, found {found}",
                        low=columns,
                        high=most,
                        found=found,
                    )
                raise row.error(problem)
            for column, cell in enumerate(row.cells[:columns], 1):
                if not cell:
                    raise row.error(_("column {column} is empty", column=column))
            rows.append(row)
    return rows


def _scale(row: Row) -> Decimal:
    written = row.cells[1]
    try:
        factor = Decimal(written)
    except InvalidOperation:
        factor = None
    if factor is None or not factor.is_finite() or factor <= 0:
        raise row.error(_("scale factor “{value}” is not a positive number", value=shown(written, 40)))
    return factor


def by_length(words) -> tuple[str, ...]:
    """Unique words, longest first (so matching tries 超过 before 超), in file order otherwise."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _words(name: str, dirs: tuple[Path, ...]) -> tuple[str, ...]:
    return by_length(row.cells[0] for row in _rows(name, dirs, 1))


def _runs_on(written: str, after: str) -> bool:
    """Whether a Latin symbol runs on into the word after it (8GBx, 5Gb): a symbol is a whole
    token, but one with a small letter (kV, mm) may be followed by a capital (500kVGIL)."""
    if MIXED_CASE.search(written):
        return bool(LOWER_TOKEN.match(after))
    return bool(LATIN_TOKEN.match(after))


def _unit_alternative(written: str) -> str:
    """A unit in the unit pattern, with the whole-token rule of _runs_on for Latin symbols."""
    if LATIN_END.search(written):
        return re.escape(written) + ("(?![a-z0-9])" if MIXED_CASE.search(written) else "(?![A-Za-z0-9])")
    return re.escape(written)


def build_lexicon(dirs: tuple[Path, ...]) -> Lexicon:
    """The lexicon of the files in dirs (shipped first, then the user's); LexiconError for any
    line it cannot use."""
    units: dict[str, Unit] = {}
    for name in UNIT_FILES:
        for row in _rows(name, dirs, 3, 4):
            written, _kind, unit = row.cells[:3]
            units[written] = Unit(written, row.choice(1, KIND, KINDS), unit, row.tags(3))
    for name in CURRENCY_FILES:
        for row in _rows(name, dirs, 2, 3):
            units[row.cells[0]] = Unit(row.cells[0], "money", row.cells[1], row.tags(2))
    scales = {row.cells[0]: _scale(row) for row in _rows("scales.tsv", dirs, 2)}
    qualifiers: dict[str, list[str]] = {"prefix": [], "suffix": [], "inner": []}
    for row in _rows("qualifiers.tsv", dirs, 2):
        position = row.choice(1, POSITION, tuple(qualifiers))
        if position == "inner" and len(row.cells[0]) != 1:  # read between number and unit, one character
            raise row.error(_("an inner qualifier is one character, not “{value}”", value=shown(row.cells[0], 40)))
        qualifiers[position].append(row.cells[0])
    implied: dict[str, dict[str, tuple[str, str]]] = {"after": {}, "before": {}}
    for row in _rows("implied_units.tsv", dirs, 4):
        word, side, kind, unit = row.cells
        implied[row.choice(1, SIDE, tuple(implied))][word] = (row.choice(2, KIND, KINDS), unit)
    roles: dict[str, list[str]] = {"claim": [], "period_before": [], "period_after": []}
    for row in _rows("durations.tsv", dirs, 2):
        roles[row.choice(1, ROLE, tuple(roles))].append(row.cells[0])
    rank_rows = _rows("rank_context.txt", dirs, 1, 2)
    for row in rank_rows:
        if len(row.cells) > 1:
            row.choice(1, ROLE, ("scope", "verb"))
    lead_stop: list[str] = []  # lists keep file order; by_length removes repeats
    tail_stop: list[str] = []
    for row in _rows("indicator_stopwords.txt", dirs, 2):
        edge = row.choice(1, EDGE, ("lead", "tail", "both"))
        if edge in ("lead", "both"):
            lead_stop.append(row.cells[0])
        if edge in ("tail", "both"):
            tail_stop.append(row.cells[0])
    period_words = {row.cells[0]: row.choice(1, MEANING, PERIOD_MEANINGS) for row in _rows("period_words.tsv", dirs, 2)}
    alternation = "|".join(_unit_alternative(u) for u in sorted(units, key=len, reverse=True))
    slogans = _words("slogans.txt", dirs)
    return Lexicon(
        units=units,
        scales=scales,
        prefix_qualifiers=by_length(qualifiers["prefix"]),
        suffix_qualifiers=by_length(qualifiers["suffix"]),
        inner_qualifiers=frozenset(qualifiers["inner"]),
        change_verbs=_words("change_verbs.txt", dirs),
        change_prefixes=_words("change_prefixes.txt", dirs),
        rank_context=by_length(row.cells[0] for row in rank_rows),
        rank_verbs=by_length(row.cells[0] for row in rank_rows if len(row.cells) > 1 and row.cells[1] == "verb"),
        rank_followers=_words("rank_followers.txt", dirs),
        not_figure_after=_words("not_figure_after.txt", dirs),
        not_qualifier_words=_words("not_qualifier_words.txt", dirs),
        slogans=slogans,
        numbered_services=_words("numbered_services.txt", dirs),
        counted_nouns=_words("counted_nouns.txt", dirs),
        implied_after=implied["after"],
        implied_before=implied["before"],
        indicator_lead_stop=frozenset(lead_stop),
        indicator_lead_words=by_length(w for w in lead_stop if len(w) > 1),
        indicator_tail_stop=by_length(tail_stop),
        period_words=period_words,
        duration_claim=by_length(roles["claim"]),
        period_before=by_length(roles["period_before"]),
        period_after=by_length(roles["period_after"]),
        unit_pattern=re.compile(alternation or "(?!)"),
        slogan_pattern=re.compile("|".join(re.escape(w) for w in slogans)) if slogans else None,
        source_dirs=dirs,
        units_by_first=_by_first(units),
    )


def _by_first(units: dict[str, Unit]) -> dict[str, tuple[Unit, ...]]:
    index: dict[str, list[Unit]] = {}
    for written in sorted(units, key=len, reverse=True):
        index.setdefault(written[0], []).append(units[written])
    return {first: tuple(found) for first, found in index.items()}


@lru_cache(maxsize=4)
def _cached(dirs: tuple[Path, ...]) -> Lexicon:
    return build_lexicon(dirs)


def default_lexicon() -> Lexicon:
    dirs = (resource("lexicons"), *user_lexicon_dirs())
    return _cached(tuple(dirs))
