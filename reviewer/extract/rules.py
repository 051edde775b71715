"""Context rules of the scanner: qualifiers, ranking claims, slogans, durations that are periods.

One ContextRules answers questions about one width-normalized text with one lexicon; the
scanner's readers are given it when they are made."""

from __future__ import annotations

from reviewer.extract.lexicon import Lexicon, Unit
from reviewer.extract.reading import CLAUSE_END, Reading, clause_slice


class ContextRules:
    def __init__(self, norm: str, lexicon: Lexicon):
        self.norm = norm
        self.lex = lexicon

    # ---- words around a number ---------------------------------------------------------------

    def prefix_qualifier(self, s: int) -> str | None:
        """近, 约, 超过 ... written just before position s."""
        for word in self.lex.prefix_qualifiers:
            if s >= len(word) and self.norm.startswith(word, s - len(word)):
                return word
        return None

    def suffix_qualifier(self, pos: int) -> str | None:
        """以上, 左右 ... written at pos."""
        for word in self.lex.suffix_qualifiers:
            if self.norm.startswith(word, pos):
                return word
        return None

    def unit_record(self, reading: Reading) -> Unit | None:
        return self.lex.units.get(reading.unit_written) if reading.unit_written else None

    def unit_inside(self, start: int, end: int) -> int | None:
        """Where a unit starting with a scale character (千瓦, 万吨) begins in norm[start:end]."""
        for at in range(start, end):
            unit = self.lex.unit_at(self.norm, at)
            if unit and len(unit.written) > 1 and unit.written[0] in "十百千万亿":
                return at
        return None

    # ---- rankings ----------------------------------------------------------------------------

    def is_rank_claim(self, ordinal_start: int, stop: int) -> bool:
        norm = self.norm
        nxt = norm[stop] if stop < len(norm) else "\n"
        if nxt not in CLAUSE_END and not norm.startswith(self.lex.rank_followers, stop):
            return False  # "第三批", "第六代", "第一数据港": an ordinal label, not a ranking
        window = clause_slice(norm, max(0, ordinal_start - 8), ordinal_start, backwards=True)
        return self.has_rank_context(window)

    def has_rank_context(self, window: str) -> bool:
        """A ranking word just before: 居, 位居, 排名, 全国, 中部 ... (rank_context.txt)."""
        return any(window.endswith(w) or (len(w) > 1 and w in window) for w in self.lex.rank_context)

    def is_place_in_ranking(self, reading: Reading) -> bool:
        """'百强县进至63位', '进入同类园区前10位': 位 as a place, not as people counted."""
        norm = self.norm
        if reading.start and norm.startswith("前", reading.start - 1):
            return True
        head = clause_slice(norm, max(0, reading.start - 8), reading.start, backwards=True)
        return any(head.endswith(w) or (len(w) > 1 and w in head) for w in self.lex.rank_verbs)

    # ---- words that only look like figures ---------------------------------------------------

    def in_slogan(self, s: int, run_end: int) -> bool:
        pattern = self.lex.slogan_pattern
        if pattern is None:
            return False
        window_start = max(0, s - 4)
        window = self.norm[window_start : run_end + 6]
        return any(m.start() <= s - window_start < m.end() for m in pattern.finditer(window))

    def duration_is_claim(self, s: int) -> bool:
        head = self.norm[max(0, s - 4) : s]
        return any(word in head for word in self.lex.duration_claim)

    def is_duration_period(self, reading: Reading) -> bool:
        """'过去一年', '五年来': a duration that names a period, not a figure."""
        unit = self.unit_record(reading)
        if unit is None or "duration" not in unit.tags:
            return False
        head = self.norm[max(0, reading.start - 3) : reading.start]
        if self.duration_is_claim(reading.start):
            return False
        return head.endswith(self.lex.period_before) or self.norm.startswith(self.lex.period_after, reading.end)

    def year_word(self, at: int) -> str | None:
        """The meaning (this_year, last_year ...) of a period word just before position at."""
        head = self.norm[max(0, at - 3) : at]
        for word, meaning in self.lex.period_words.items():
            if head.endswith(word):
                return meaning
        return None
