"""Context rules of the scanner: qualifiers, ranking claims, slogans, durations that are periods.
A mixin of Scanner; it shares the scanner's state."""
from __future__ import annotations

from reviewer.extract.reading import (
    CLAUSE_END,
    Reading,
    clause_slice,
)


class ContextRules:
    # ---- context rules -----------------------------------------------------------------------

    def _is_rank_claim(self, ordinal_start: int, stop: int) -> bool:
        norm = self._norm
        nxt = norm[stop] if stop < len(norm) else "\n"
        if nxt not in CLAUSE_END and not norm.startswith(self.lex.rank_followers, stop):
            return False  # "第三批", "第六代", "第一数据港": an ordinal label, not a ranking
        return self._has_rank_context(clause_slice(norm, max(0, ordinal_start - 8), ordinal_start, backwards=True))

    def _has_rank_context(self, window: str) -> bool:
        """A ranking word just before: 居, 位居, 排名, 全国, 中部 ... (rank_context.txt)."""
        return any(window.endswith(w) or (len(w) > 1 and w in window) for w in self.lex.rank_context)

    def _is_place_in_ranking(self, reading: Reading) -> bool:
        """'百强县进至63位', '进入同类园区前10位': 位 as a place, not as people counted."""
        norm = self._norm
        if norm.startswith("前", reading.start - 1) and reading.start:
            return True
        head = clause_slice(norm, max(0, reading.start - 8), reading.start, backwards=True)
        return any(head.endswith(w) or (len(w) > 1 and w in head) for w in self.lex.rank_verbs)

    def _in_slogan(self, s: int, run_end: int) -> bool:
        if self._slogan_pattern is None:
            return False
        window = self._norm[max(0, s - 4):run_end + 6]
        return any(m.start() <= s - max(0, s - 4) < m.end() for m in self._slogan_pattern.finditer(window))

    def _duration_is_claim(self, s: int) -> bool:
        norm = self._norm
        head = norm[max(0, s - 4):s]
        return any(word in head for word in self.lex.duration_claim)

    def _is_duration_period(self, reading: Reading) -> bool:
        unit = self._unit_record(reading)
        if unit is None or "duration" not in unit.tags:
            return False
        norm = self._norm
        head = norm[max(0, reading.start - 3):reading.start]
        if self._duration_is_claim(reading.start):
            return False
        return head.endswith(self.lex.period_before) or norm.startswith(self.lex.period_after, reading.end)

    def _year_word(self, at: int) -> str | None:
        head = self._norm[max(0, at - 3):at]
        for word, meaning in self.lex.period_words.items():
            if head.endswith(word):
                return meaning
        return None
