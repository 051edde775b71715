"""The part after a number: inner qualifier, scale and unit ('多万元', '余个', '亿美元', '%')."""

from __future__ import annotations

from decimal import Decimal

from reviewer.extract import reasons
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.numerals import scale_factor
from reviewer.extract.reading import SCALE, Reading, discount_share, half_after_unit
from reviewer.extract.rules import ContextRules
from reviewer.extract.segmenter import get_segmenter


class TailReader:
    def __init__(self, norm: str, lexicon: Lexicon, rules: ContextRules):
        self.norm = norm
        self.lex = lexicon
        self.rules = rules

    def read(self, s: int, end: int, value: Decimal, numeral: str) -> Reading | None:
        """The figure whose number norm[s:end] reads as value, or None where no unit follows."""
        norm = self.norm
        pos = end
        inner = None
        why: list[str] = []
        factor = Decimal(1)
        if pos < len(norm) and norm[pos] in self.lex.inner_qualifiers:
            inner, pos = norm[pos], pos + 1
        scale_text = self.scale_at(pos)
        if scale_text:
            scale = scale_factor(scale_text)
            if scale is None:
                return None
            if numeral == "chinese" and inner is None:
                return None  # already part of the numeral run
            factor = scale
            pos += len(scale_text)
            why.append(reasons.SCALED)
            if inner is None and pos < len(norm) and norm[pos] in self.lex.inner_qualifiers:
                inner, pos = norm[pos], pos + 1
        elif numeral == "chinese" and any(c in "万亿" for c in norm[s:end]):
            why.append(reasons.SCALED)
        elif numeral == "arabic" and any(c in "万亿千" for c in norm[s:end]):
            why.append(reasons.SCALED)
        for word in self.lex.not_figure_after:
            if norm.startswith(word, pos):
                return None
        unit = self.lex.unit_at(norm, pos)
        if unit is None:
            return None
        if unit.kind == "money" and unit.written == "人民币" and pos == end:
            return None
        pos += len(unit.written)
        if unit.kind == "money" and norm.startswith("人民币", pos):
            pos += 3  # "7502.3亿元人民币": the currency named again stays in the span
        half = half_after_unit(norm, self.lex, pos, unit, value) if inner is None and not why else None
        if half is not None:  # "三米半", "四成半", "一个半月"
            unit, pos, value = self.lex.units[half[0]], half[1], value + Decimal("0.5")
            why.append(reasons.HALF)
        if unit.kind in ("fraction", "multiple", "pp") and pos < len(norm) and norm[pos] in "多余":
            inner, pos = norm[pos], pos + 1
        if unit.kind == "fraction" and unit.unit == "成":
            if value * factor > 10:
                return None  # "2014成都": a year before a place name, not tenths
            factor = factor / 10
        if unit.kind == "fraction" and unit.unit == "折":  # "八折", "85折": the share left to pay
            share = discount_share(norm, pos, value) if factor == 1 else None
            if share is None:
                return None
            factor = share / value
        if unit.kind == "percent" and self._followed_by_name(pos):
            if self._starts_noun_phrase(s):
                return None  # "84消毒液和75%医用酒精": a product's name
            if self._next_word_is_noun(pos):
                why.append(reasons.MAY_BE_NAME)
        if unit.written == "次" and self._names_a_service(s, end, pos):
            return None  # "75192次中亚班列": a train's number
        reading = Reading(
            s,
            pos,
            unit.kind,
            value * factor,
            unit=unit.unit,
            approx=inner,
            reasons=why,
            confidence=0.9 if numeral == "arabic" else 0.8,
            unit_written=unit.written,
            factor=factor,
        )
        if reading.approx is None:
            reading.approx = self.rules.prefix_qualifier(s) or self.rules.suffix_qualifier(pos)
        return reading

    def scale_at(self, pos: int) -> str:
        """The scale word at pos, stopping where a unit that starts with a scale character
        begins ('1138万千瓦' is 1138万 of 千瓦, not 1138万千 of 瓦)."""
        m = SCALE.match(self.norm, pos)
        if not m:
            return ""
        cut = self.rules.unit_inside(pos, m.end())
        return m.group()[: cut - pos] if cut is not None else m.group()

    def _followed_by_name(self, pos: int) -> bool:
        norm = self.norm
        if pos >= len(norm):
            return False
        nxt = norm[pos]
        return "\u4e00" <= nxt <= "\u9fff" and nxt not in "的以左增下上后和及至到或"

    def _next_word_is_noun(self, pos: int) -> bool:
        seg = get_segmenter()
        words = seg.cut(self.norm[pos : pos + 6])
        return bool(words) and (seg.tag(words[0]) or "").startswith("n")

    def _starts_noun_phrase(self, s: int) -> bool:
        before = self.norm[s - 1] if s else "\n"
        return before in '和与及、，,（(“"\n '

    def _names_a_service(self, s: int, end: int, pos: int) -> bool:
        if end - s < 3:
            return False
        window = self.norm[pos : pos + 8]
        return any(word in window for word in self.lex.numbered_services)
