"""The part after a number: inner qualifier, scale and unit ('多万元', '余个', '亿美元', '%')."""

from __future__ import annotations

from decimal import Decimal

from reviewer.extract import reasons
from reviewer.extract.lexicon import Lexicon, Unit
from reviewer.extract.numerals import scale_factor
from reviewer.extract.reading import SCALE, SPACES, Reading, discount_share, half_after_unit, is_ascii_digit
from reviewer.extract.rules import ContextRules
from reviewer.extract.segmenter import get_segmenter

WRAPPED_LINE = 30  # the shortest line a PDF's paragraph wraps at
PER_UNIT_STOP = "和及与或的等至到"  # words that end the thing a price is per ("元/月和")


class TailReader:
    def __init__(self, norm: str, lexicon: Lexicon, rules: ContextRules):
        self.norm = norm
        self.lex = lexicon
        self.rules = rules

    def read(self, s: int, end: int, value: Decimal, numeral: str) -> Reading | None:
        """The figure whose number norm[s:end] reads as value, or None where no unit follows."""
        norm = self.norm
        pos = end
        if numeral == "arabic" and end < len(norm) and norm[end] in SPACES:
            after = self._after_space(s, end)  # "26.3 亿美元", "7.7 %": PDF text spaces number and unit
            if after is None:
                return None
            pos = after
        spaced = pos > end
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
            if pos < len(norm) and norm[pos] in SPACES:
                pos = self._unit_after_space(pos)  # "120万 人次", "3.2 亿 元": PDF text spaces every word
        elif numeral == "chinese" and any(c in "万亿" for c in norm[s:end]):
            why.append(reasons.SCALED)
        elif numeral == "arabic" and any(c in "万亿千" for c in norm[s:end]):
            why.append(reasons.SCALED)
        if pos < len(norm) and norm[pos] == "\n" and self._wrapped_at(pos):
            pos += 1  # "人民币 3,456.78 亿\n元": a PDF's line wrapped between number and unit
        if self.rules.not_a_figure_at(pos):
            return None
        unit = self.lex.unit_at(norm, pos)
        if unit is None:
            return None
        if unit.kind == "money" and unit.written == "人民币" and pos == end:
            return None
        if "grade" in unit.tags and (numeral == "chinese" or scale_text):
            return None  # "二级公路", "申万一级行业": a grade's name; "500亿级企业": a scale's class
        unit_at = pos
        pos += len(unit.written)
        if spaced and not self._spaced_unit_stands(end, pos, value, unit):
            return None
        if "word_start" in unit.tags and self._joined_to_next(unit_at, pos):
            return None  # "5集团", "3单位": the character begins a word, it is no measure word
        unit_name = unit.unit
        if unit.kind == "money" and unit_name == "元":
            named = self.currency_before(s)
            if named is not None and named[0].unit != "元":
                unit_name = named[0].unit  # "新台币1200亿元": the 元 of 新台币 ("人民币3亿元" stays 元)
        if pos < len(norm) and norm[pos] in "/／" and unit.kind in ("money", "quantity"):
            per = self._per_unit(pos + 1, unit.kind)
            if per:  # "2850元/吨" is money in 元; "35万吨/日" a quantity in 吨/日
                if unit.kind == "quantity":
                    unit_name = f"{unit.unit}/{per[1]}"
                pos = per[0]
        if unit.kind == "money" and norm.startswith("人民币", pos):
            pos += 3  # "7502.3亿元人民币": the currency named again stays in the span
        half = half_after_unit(norm, self.lex, pos, unit, value) if inner is None and not why else None
        if half is not None:  # "三米半", "四成半", "一个半月"
            unit, pos, value = self.lex.units[half[0]], half[1], value + Decimal("0.5")
            unit_name = unit.unit
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
            if self._next_word_is_noun(pos, verbal=True):
                if self._starts_noun_phrase(s):
                    return None  # "84消毒液和75%医用酒精", "：55%黑钨精矿": a product's name (not "和3%差不多")
                why.append(reasons.MAY_BE_NAME)
        if unit.written == "次" and self._names_a_service(s, end, pos):
            return None  # "75192次中亚班列": a train's number
        reading = Reading(
            s,
            pos,
            unit.kind,
            value * factor,
            unit=unit_name,
            approx=inner,
            reasons=why,
            confidence=0.9 if numeral == "arabic" else 0.8,
            unit_written=unit.written,
            factor=factor,
        )
        if reading.approx is None:
            reading.approx = self.rules.prefix_qualifier(s) or self.rules.suffix_qualifier(pos)
        return reading

    def currency_before(self, s: int) -> tuple[Unit, int] | None:
        """The currency written just before the number at s, past a bound such as 约 and spaces
        ('港币3亿元', '约港币3亿', '美元 1.2亿'): its lexicon record and where it begins; None."""
        norm = self.norm
        at = s - len(self.rules.prefix_qualifier(s) or "")
        while at > 0 and norm[at - 1] in SPACES:
            at -= 1
        for length in range(6, 1, -1):
            unit = self.lex.units.get(norm[at - length : at]) if at >= length else None
            if unit is not None and unit.kind == "money":
                return unit, at - length
        return None

    def _after_space(self, s: int, end: int) -> int | None:
        """Where the unit may begin after the spaces at end, or None: not after a line break, a
        tab (a table's cell) or more than two spaces, and not in "第 12 届"."""
        norm = self.norm
        pos = end
        while pos < len(norm) and norm[pos] in SPACES and pos - end < 2:
            pos += 1
        if pos >= len(norm) or norm[pos] in SPACES or is_ascii_digit(norm[pos]):
            return None  # "1 2 3": a list of numbers
        before = s - 1
        while before >= 0 and norm[before] in SPACES:
            before -= 1
        if before >= 0 and before < s - 1 and norm[before] == "第":
            return None  # "第 12 届": an ordinal spaced like the rest
        return pos

    def _unit_after_space(self, pos: int) -> int:
        """Where a unit begins after the one or two spaces at pos, where one stands there as a word
        of its own; else pos."""
        norm = self.norm
        at = pos
        while at < len(norm) and norm[at] in SPACES and at - pos < 2:
            at += 1
        unit = self.lex.unit_at(norm, at)
        if unit is None or ("\u4e00" <= norm[at] <= "\u9fff" and self._joined_to_next(at, at + len(unit.written))):
            return pos
        return at

    def _wrapped_at(self, pos: int) -> bool:
        """Whether the line break at pos wraps a paragraph, as PDF text has it: a long line of
        prose (no table's cells) that runs on into a line that does not begin a new item."""
        norm = self.norm
        line_start = norm.rfind("\n", max(0, pos - 200), pos) + 1
        line = norm[line_start:pos]
        if len(line) < WRAPPED_LINE or "|" in line or "\t" in line or not any(c in line for c in "，,、；;"):
            return False
        nxt = norm[pos + 1] if pos + 1 < len(norm) else "\n"
        return "\u4e00" <= nxt <= "\u9fff" or nxt in "%％‰"

    def _spaced_unit_stands(self, end: int, unit_end: int, value: Decimal, unit: Unit) -> bool:
        """A unit after a space belongs to the number only where it is a word of its own
        ("12 项", not the 个 of "表 1 个人所得税") and "2025 年" is not a year."""
        norm = self.norm
        if unit.tags & {"duration", "time"} and value == value.to_integral_value() and 1000 <= value <= 2999:
            return False  # "2025 年", "2025 年 3 月": a calendar year, spaced
        start = end
        while norm[start] in SPACES:
            start += 1
        return not ("\u4e00" <= norm[start] <= "\u9fff") or not self._joined_to_next(start, unit_end)

    def _joined_to_next(self, start: int, stop: int) -> bool:
        """Whether the segmenter's first word of norm from start runs past stop (a word that
        begins with the unit: 集团, 单位, 个人)."""
        words = get_segmenter().cut(self.norm[start : stop + 4])
        return bool(words) and start + len(words[0]) > stop

    def _per_unit(self, at: int, kind: str) -> tuple[int, str] | None:
        """The unit after the slash of a rate ("元/吨", "吨/日", "元/股"): where it ends and its
        name, or None ("254.6/10万" is a number per number)."""
        norm = self.norm
        unit = self.lex.unit_at(norm, at)
        if unit is not None and unit.kind == "quantity":
            return at + len(unit.written), unit.unit
        if at < len(norm) and norm[at] in "十百千万" and unit is None:  # "119.2部/百人": per hundred people
            unit = self.lex.unit_at(norm, at + 1)
            if unit is not None and unit.kind == "quantity":
                return at + 1 + len(unit.written), norm[at] + unit.unit
        if kind != "money":
            return None
        stop = at
        while stop < len(norm) and "\u4e00" <= norm[stop] <= "\u9fff" and stop - at < 3:
            if stop > at and norm[stop] in PER_UNIT_STOP:
                break  # "30元/月和300元/年"
            stop += 1
        run = norm[at:stop]
        cut = min((run.index(w) for w in self.lex.suffix_qualifiers if w in run), default=None)
        if cut is not None:
            run = run[:cut]  # "元/月以上"
        elif len(run) > 2:
            return None
        return (at + len(run), run) if run else None  # "元/股", "元/标吨": anything priced per piece

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

    def _next_word_is_noun(self, pos: int, verbal: bool = False) -> bool:
        seg = get_segmenter()
        words = seg.cut(self.norm[pos : pos + 6])
        tags = [seg.tag(w) or "" for w in words[:2]]
        if len(tags) == 2 and tags[0] in ("a", "b") and len(words[0]) == 1:
            return tags[1].startswith("n")  # "黑钨精矿": an adjective of the name, then its noun
        return bool(tags) and (tags[0].startswith("n") or verbal and tags[0] == "vn")

    def _starts_noun_phrase(self, s: int) -> bool:
        before = self.norm[s - 1] if s else "\n"
        return before in '和与及、，,（(“"\n ：:'

    def _names_a_service(self, s: int, end: int, pos: int) -> bool:
        if end - s < 3:
            return False
        window = self.norm[pos : pos + 8]
        return any(word in window for word in self.lex.numbered_services)
