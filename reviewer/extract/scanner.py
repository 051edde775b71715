"""Finding figures and dates in text: numbers, their scale, qualifier and unit.

The scanner walks the number tokens of the text once, left to right. At each token it reads
forward with anchored patterns (bounded by the length of a figure), looks back a few characters
for context, and decides: a figure, a date, or nothing. Nothing here knows about indicators; see
context.py for that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from reviewer.extract import dates
from reviewer.extract.lexicon import Lexicon, Unit
from reviewer.extract.numerals import (
    CN_DIGITS,
    FULLWIDTH,
    parse_arabic,
    parse_chinese,
    parse_chinese_range,
    scale_factor,
)
from reviewer.model import Figure, Kind

CN_RUN = "零〇一二两三四五六七八九十百千万亿"
TOKEN = re.compile(rf"[0-9]+|[{CN_RUN}]+|半")
ARABIC_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
CN_NUMBER = re.compile(rf"[{CN_RUN}]+(?:点[零〇一二三四五六七八九]+)?")
SCALE = re.compile(r"[十百千万亿]+")
RANGE_JOIN = re.compile(r"\s*(?:[-—–~～]|至|到)\s*")
LIST_JOIN = re.compile(r"\s*(?:[、和及与或]|以及)\s*")
FRACTION_SLASH = re.compile(r"/([0-9]{1,4})(?![0-9])")
ASCII_LETTER = re.compile(r"[A-Za-z]")
# Where a list marker may stand: start of a line, or after a space or sentence punctuation.
MARKER_BEFORE = set("\n\r \t\u3000：:；;。！？!?")
MARKER_AFTER = set("、.)）")
QUOTES_OPEN = set("“‘\"「『《")
CLAUSE_END = set("，。；！？,;!?\n")
# Verbs before a duration that make it the claim itself ("连续四年", "耗时48小时").
DURATION_CLAIM = ("连续", "持续", "历时", "耗时", "用时", "长达", "仅用", "用了", "坚持", "累计", "提前", "缩短")
# Words around a duration that make it a referred period, not a claim ("过去一年", "五年来").
PERIOD_BEFORE = ("过去", "未来", "今后", "近", "这", "新的", "前", "后", "最近", "此前", "上", "下", "每")
PERIOD_AFTER = ("来", "以来", "里", "间", "中", "前", "后")
TIME_UNITS_FOR_HALF = ("个小时", "小时", "个月", "天", "日", "年")


@dataclass
class Reading:
    """One candidate figure under construction."""

    start: int
    end: int
    kind: str
    value: Decimal
    unit: str | None = None
    value_high: Decimal | None = None
    approx: str | None = None
    confidence: float = 0.9
    reasons: list[str] = field(default_factory=list)
    unit_written: str | None = None  # the unit as the lexicon lists it, for its tags


def _clause_slice(text: str, start: int, end: int, backwards: bool = False) -> str:
    """text[start:end] cut at the first clause break (the last one, reading backwards)."""
    piece = text[start:end]
    breaks = [i for i, c in enumerate(piece) if c in CLAUSE_END]
    if not breaks:
        return piece
    return piece[breaks[-1] + 1:] if backwards else piece[:breaks[0]]


class Scanner:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._slogan_pattern = (
            re.compile("|".join(re.escape(s) for s in lexicon.slogans)) if lexicon.slogans else None
        )

    # ---- entry point -------------------------------------------------------------------------

    def scan(self, text: str, doc_date: date | None = None) -> list[Figure]:
        norm = text.translate(FULLWIDTH)
        self._text, self._norm, self._doc_date = text, norm, doc_date
        found: list[Figure] = []
        pos = 0
        while True:
            m = TOKEN.search(norm, pos)
            if m is None:
                break
            token = m.group()
            if token[0].isdigit():
                items, pos = self._read_arabic(m.start())
            elif token == "半":
                items, pos = self._read_half(m.start())
            else:
                items, pos = self._read_chinese(m.start(), m.end())
            pos = max(pos, m.start() + 1)
            found.extend(items)
        return found

    # ---- Arabic numerals ---------------------------------------------------------------------

    def _read_arabic(self, s: int) -> tuple[list[Figure], int]:
        norm = self._norm
        number = ARABIC_NUMBER.match(norm, s)
        end = number.end()
        if self._inside_latin_word(s, end):
            return [], self._skip_alnum(s)
        date_span = dates.match_arabic_date(norm, s, self._doc_date)
        if date_span and self._date_is_plausible(date_span):
            return [self._date_figure(date_span)], date_span.end
        value = parse_arabic(number.group())
        if value is None:
            return [], end
        if self._is_list_marker(s, end):
            return [], end + 1
        if s and norm[s - 1] in "/／":
            return [], end  # "254.6/10万": the denominator of a rate, not a figure of its own
        if norm.startswith("第", s - 1) if s else False:
            return self._arabic_ordinal(s, end, value)
        if norm.startswith("前", s - 1) if s else False:
            span = dates.match_leading_period(norm, s - 1, self._doc_date, self._year_word(s - 1))
            if span:
                return [self._date_figure(replace(span, start=s))], span.end
        reading = self._read_tail(s, end, value, numeral="arabic")
        if reading is None:
            return self._unitless_arabic(s, end, value)
        if "." in number.group() and self._marker_glued_to_count(s, number.group(), reading):
            return self._split_marker(s, number.group(), reading)
        return self._finish(reading)

    def _inside_latin_word(self, s: int, end: int) -> bool:
        norm = self._norm
        before = norm[s - 1] if s else ""
        after = norm[end] if end < len(norm) else ""
        return bool(ASCII_LETTER.match(before) or ASCII_LETTER.match(after) or before in "_-" and s > 1
                    and ASCII_LETTER.match(norm[s - 2]))

    def _skip_alnum(self, s: int) -> int:
        pos = s
        norm = self._norm
        while pos < len(norm) and (norm[pos].isascii() and (norm[pos].isalnum() or norm[pos] in "._-")):
            pos += 1
        return pos

    def _date_is_plausible(self, span: dates.DateSpan) -> bool:
        # "3日" after a count ("耗时3日") is a duration; a day alone is a date only after 月 or 日前
        text = self._norm[span.start:span.end]
        if text.endswith(("日", "号")) and "月" not in text and "-" not in text and "." not in text:
            return self._norm.startswith("月", span.start - 1) if span.start else False
        return True

    def _is_list_marker(self, s: int, end: int) -> bool:
        norm = self._norm
        if end >= len(norm) or norm[end] not in MARKER_AFTER:
            return False
        if norm[end] == "." and end + 1 < len(norm) and norm[end + 1].isdigit():
            return False
        if end - s > 2:
            return False  # "1000、2000第纳尔" is a list of amounts, not of items
        before = norm[s - 1] if s else "\n"
        return before in MARKER_BEFORE or before in "(（" or s == 0

    def _marker_glued_to_count(self, s: int, number: str, reading: Reading) -> bool:
        """'1.32个营业厅' after a list boundary: marker '1.' and a count of 32."""
        unit = self.lex.units.get(reading.unit or "")
        before = self._norm[s - 1] if s else "\n"
        whole, _, frac = number.partition(".")
        return (before in MARKER_BEFORE and len(whole) <= 2 and unit is not None
                and "count" in unit.tags and reading.reasons.count("scaled") == 0 and frac[0] != "0")

    def _split_marker(self, s: int, number: str, reading: Reading) -> tuple[list[Figure], int]:
        digits_at = s + number.index(".") + 1
        value = parse_arabic(number[number.index(".") + 1:])
        return self._finish(replace(reading, start=digits_at, value=value,
                                    reasons=reading.reasons + ["list marker split off"]))

    def _arabic_ordinal(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int]:
        """第3 / 第3位: a rank only as a ranking claim; 第12届 is a name."""
        norm = self._norm
        stop = end
        if norm.startswith(("位", "名"), end) and not norm.startswith(("名单",), end):
            stop = end + 1
        if self._is_rank_claim(s - 1, stop):
            reading = Reading(s - 1, stop, "rank", value, unit="位", confidence=0.8, reasons=["ranking"])
            return self._finish(reading)
        return [], end

    def _unitless_arabic(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int]:
        norm = self._norm
        # 2/3
        slash = FRACTION_SLASH.match(norm, end)
        if slash and value > 0:
            denominator = Decimal(slash.group(1))
            if denominator > value and denominator <= 100:
                share = value / denominator
                reading = Reading(s, slash.end(), "fraction", share, unit="分之", confidence=0.7,
                                  reasons=["a/b share"])
                return self._finish(reading)
        # A number sharing the unit of the next one: "2.4亿和2.6亿美元", "10-20%"
        shared = self._shared_unit(s, end, value)
        if shared:
            return shared
        implied = self._implied_reading(s, end, value)
        if implied:
            return self._finish(implied)
        # A year inside a name: "2025进博会", "数说江汉2026"
        if value == value.to_integral_value() and 1900 <= value <= 2100 and len(norm[s:end]) == 4:
            return [self._date_figure(dates.DateSpan(s, end, None))], end
        return [], end

    def _shared_unit(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int] | None:
        norm = self._norm
        scale_match = SCALE.match(norm, end)
        scale_text = scale_match.group() if scale_match else ""
        factor = scale_factor(scale_text) if scale_text else Decimal(1)
        if factor is None:
            return None
        after_scale = end + len(scale_text)
        for joiner, is_range in ((RANGE_JOIN, True), (LIST_JOIN, False)):
            j = joiner.match(norm, after_scale)
            if not j or j.end() >= len(norm) or not norm[j.end()].isdigit():
                continue
            nxt_number = ARABIC_NUMBER.match(norm, j.end())
            nxt_value = parse_arabic(nxt_number.group())
            if nxt_value is None or dates.match_arabic_date(norm, j.end(), None):
                continue
            nxt = (self._read_tail(j.end(), nxt_number.end(), nxt_value, numeral="arabic")
                   or self._implied_reading(j.end(), nxt_number.end(), nxt_value))
            if nxt is None or nxt.kind in ("rank",) or self._is_duration_period(nxt):
                continue
            own_factor = factor
            if not scale_text and "scaled" in nxt.reasons:
                own_factor = nxt.value / nxt_value  # "10-20万人": the scale serves both
            if is_range:
                if value * own_factor > nxt.value and "scaled" not in nxt.reasons:
                    continue
                reading = replace(nxt, start=s, value=value * own_factor, value_high=nxt.value,
                                  reasons=nxt.reasons + ["range"])
                reading.approx = reading.approx or self._prefix_qualifier(s)
                return self._finish(reading)
            first = Reading(s, after_scale, nxt.kind, value * factor, unit=nxt.unit, confidence=0.75,
                            reasons=["unit shared with the next figure"])
            first.approx = self._prefix_qualifier(s)
            figures, _ = self._finish(first)
            return figures, after_scale
        return None

    def _implied_reading(self, s: int, end: int, value: Decimal) -> Reading | None:
        """'解决了10万农村贫困人口', '进出口总额突破3000亿': a scaled number whose unit is the
        noun after it or the metric before it."""
        norm = self._norm
        pos = end
        inner = None
        if pos < len(norm) and norm[pos] in "多余":
            inner, pos = norm[pos], pos + 1
        scale_text = self._scale_at(pos)
        if not any(c in "万亿" for c in scale_text):
            return None
        factor = scale_factor(scale_text)
        if factor is None:
            return None
        stop = pos + len(scale_text)
        if inner is None and stop < len(norm) and norm[stop] in "多余":
            inner, stop = norm[stop], stop + 1
        after = _clause_slice(norm, stop, stop + 8)
        before = _clause_slice(norm, max(0, s - 16), s, backwards=True)
        found = next(((w, ku) for w, ku in self.lex.implied_after.items() if w in after), None)
        if found is None:
            found = next(((w, ku) for w, ku in self.lex.implied_before.items() if w in before), None)
        if found is None:
            return None
        word, (kind, unit) = found
        reading = Reading(s, stop, kind, value * factor, unit=unit, approx=inner, confidence=0.6,
                          reasons=["scaled", f"unit implied by {word}"])
        reading.approx = reading.approx or self._prefix_qualifier(s) or self._suffix_qualifier(stop)
        return reading

    # ---- Chinese numerals --------------------------------------------------------------------

    def _read_chinese(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        norm = self._norm
        run = norm[s:run_end]
        date_span = dates.match_chinese_date(norm, s, self._doc_date)
        if date_span:
            return [self._date_figure(date_span)], date_span.end
        before = norm[s - 1] if s else ""
        if before == "第":
            return self._chinese_ordinal(s, run_end)
        if before == "届":
            return [], run_end  # "十二届十次全会": a session's number
        if before == "前":
            span = dates.match_leading_period(norm, s - 1, self._doc_date, self._year_word(s - 1))
            if span:
                return [self._date_figure(replace(span, start=s))], span.end
            return self._chinese_top_n(s, run_end)
        if self._in_slogan(s, run_end):
            return [], run_end
        if run == "百" and norm.startswith("分之", run_end):
            return self._chinese_percent(s)
        if norm.startswith("分之", run_end):
            return self._chinese_fraction(s, run_end)
        if run.endswith("一") and norm.startswith("半", run_end) and len(run) == 1:
            return self._read_half(run_end, start=s)
        number = CN_NUMBER.match(norm, s)
        cut = self._unit_inside(s + 1, number.end())
        if cut is not None:  # "百万千瓦": the run ends where the unit 千瓦 begins
            number = CN_NUMBER.match(norm[:cut], s)
        cn_text = number.group()
        value_range = parse_chinese_range(cn_text)
        if not value_range and len(cn_text) > 1 and all(c in CN_DIGITS for c in cn_text):
            return [], number.end()  # "唯一一个": digits read one by one are years, not counts
        value = value_range[0] if value_range else parse_chinese(cn_text)
        if value is None:
            return [], number.end()
        reading = self._read_tail(s, number.end(), value, numeral="chinese")
        if reading is None:
            return [], number.end()
        if value_range:
            reading.value_high = value_range[1] * (reading.value / value)
            reading.reasons.append("range")
        unit = self._unit_record(reading)
        if unit and "duration" in unit.tags and not self._duration_is_claim(s):
            return [self._date_figure(dates.DateSpan(s, reading.end, None))], reading.end  # 过去一年
        if not self._chinese_is_a_count(s, cn_text, reading):
            return [], reading.end
        return self._finish(reading)

    def _chinese_is_a_count(self, s: int, cn_text: str, reading: Reading) -> bool:
        """Chinese numerals are also words (一个个, 一批, 三个示范区): keep only real counts."""
        norm = self._norm
        unit = self._unit_record(reading)
        qualified = reading.approx is not None
        before = norm[s - 1] if s else ""
        if before in QUOTES_OPEN:
            return False
        if cn_text == "一":
            return False  # "一批", "一个", "一年": the article, not a count
        scale_only = all(c in "百千万亿" for c in cn_text)
        if scale_only and not (qualified or self._has_suffix_qualifier(reading)):
            return False  # "千家万户", "百年": idioms, unless bounded ("近百名", "千万元以上")
        if unit and "rhetorical" in unit.tags and reading.value < 10:
            if not qualified or unit.kind == "money":
                return False  # "一批", "三个示范区", "二元结构"
        return not self._inside_a_word(s, reading.end)

    def _inside_a_word(self, s: int, end: int) -> bool:
        """'五台山', '七匹狼', '两台账': the numeral and its unit belong to a longer word."""
        from reviewer.extract.segmenter import get_segmenter

        window_start = max(0, s - 4)
        at = window_start
        for word in get_segmenter().cut(self._norm[window_start:end + 4]):
            word_end = at + len(word)
            if at < end < word_end and (at >= s or len(word) > 2 and at < s):
                rest = self._norm[end:word_end]
                return rest not in self.lex.suffix_qualifiers  # "万吨级" is still 万吨
            at = word_end
        return False

    def _chinese_ordinal(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        norm = self._norm
        value = parse_chinese(norm[s:run_end])
        if value is None or value > 100:
            return [], run_end
        stop = run_end
        if norm.startswith(("位", "名"), run_end) and not norm.startswith("名单", run_end):
            stop = run_end + 1
        if self._is_rank_claim(s - 1, stop):
            return self._finish(Reading(s - 1, stop, "rank", value, unit="位", confidence=0.8,
                                        reasons=["ranking"]))
        return [], run_end

    def _chinese_top_n(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        """保持前三: a place in a ranking counted from the top."""
        norm = self._norm
        value = parse_chinese(norm[s:run_end])
        if value is None or value > 100 or self.lex.unit_at(norm, run_end):
            return [], run_end
        if self._is_rank_claim(s - 1, run_end):
            return self._finish(Reading(s - 1, run_end, "rank", value, unit="位", confidence=0.7,
                                        reasons=["top-n ranking"]))
        return [], run_end

    def _chinese_percent(self, s: int) -> tuple[list[Figure], int]:
        norm = self._norm
        number = CN_NUMBER.match(norm, s + 3) or ARABIC_NUMBER.match(norm, s + 3)
        if number is None:
            return [], s + 3
        value = parse_chinese(number.group()) if not number.group()[0].isdigit() else parse_arabic(number.group())
        if value is None:
            return [], number.end()
        reading = Reading(s, number.end(), "percent", value, unit="%", confidence=0.85, reasons=["百分之"])
        reading.approx = self._prefix_qualifier(s)
        return self._finish(reading)

    def _chinese_fraction(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        norm = self._norm
        denominator = parse_chinese(norm[s:run_end])
        number = CN_NUMBER.match(norm, run_end + 2)
        if number is None or not denominator:
            return [], run_end + 2
        numerator = parse_chinese(number.group())
        if numerator is None:
            return [], number.end()
        reading = Reading(s, number.end(), "fraction", numerator / denominator, unit="分之",
                          confidence=0.85, reasons=["分之"])
        reading.approx = self._prefix_qualifier(s)
        return self._finish(reading)

    def _read_half(self, at: int, start: int | None = None) -> tuple[list[Figure], int]:
        """一半 / 近半 / 过半 (a share) and 半日 / 半小时 (half a unit)."""
        norm = self._norm
        s = at if start is None else start
        unit = next((u for u in TIME_UNITS_FOR_HALF if norm.startswith(u, at + 1)), None)
        before = norm[at - 1] if at else ""
        if unit and start is None:
            if before in "上下前后大多" or unit == "年":
                return [], at + 1  # 上半年 is a period
            record = self.lex.units[unit]
            reading = Reading(s, at + 1 + len(unit), record.kind, Decimal("0.5"), unit=record.unit,
                              confidence=0.8, reasons=["half"])
            reading.approx = self._prefix_qualifier(s)
            return self._finish(reading)
        approx = self._prefix_qualifier(s)
        if start is not None or approx or before in "占超逾过近":
            nxt = norm[at + 1] if at + 1 < len(norm) else ""
            if start is None and nxt and nxt not in CLAUSE_END and nxt not in "、以左）)":
                if not (approx or before in "占超逾过近"):
                    return [], at + 1
            reading = Reading(s, at + 1, "fraction", Decimal("0.5"), unit="半", confidence=0.75,
                              reasons=["half"])
            reading.approx = approx or (before if before in "超逾过近" else None)
            return self._finish(reading)
        return [], at + 1

    # ---- the part after the number -----------------------------------------------------------

    def _read_tail(self, s: int, end: int, value: Decimal, numeral: str) -> Reading | None:
        """Qualifier, scale and unit after a number: '多万元', '余个', '亿美元', '%'."""
        norm = self._norm
        pos = end
        inner = None
        reasons: list[str] = []
        if pos < len(norm) and norm[pos] in self.lex.inner_qualifiers:
            inner, pos = norm[pos], pos + 1
        scale_text = self._scale_at(pos)
        if scale_text:
            factor = scale_factor(scale_text)
            if factor is None:
                return None
            if numeral == "chinese" and inner is None:
                return None  # already part of the numeral run
            value *= factor
            pos += len(scale_text)
            reasons.append("scaled")
            if inner is None and pos < len(norm) and norm[pos] in self.lex.inner_qualifiers:
                inner, pos = norm[pos], pos + 1
        elif numeral == "chinese" and any(c in "万亿" for c in norm[s:end]):
            reasons.append("scaled")
        elif numeral == "arabic" and any(c in "万亿千" for c in norm[s:end]):
            reasons.append("scaled")
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
        if unit.kind in ("fraction", "multiple", "pp") and pos < len(norm) and norm[pos] in "多余":
            inner, pos = norm[pos], pos + 1
        if unit.kind in ("fraction",) and unit.unit == "成":
            if value > 10:
                return None  # "2014成都": a year before a place name, not tenths
            value = value / 10
        if unit.kind == "percent" and self._followed_by_name(pos):
            if self._starts_noun_phrase(s):
                return None  # "84消毒液和75%医用酒精": a product's name
            if self._next_word_is_noun(pos):
                reasons.append("percent followed by a noun: may be part of a name")
        if unit.written == "次" and self._names_a_service(s, end, pos):
            return None  # "75192次中亚班列": a train's number
        reading = Reading(s, pos, unit.kind, value, unit=unit.unit, approx=inner, reasons=reasons,
                          confidence=0.9 if numeral == "arabic" else 0.8, unit_written=unit.written)
        if reading.approx is None:
            reading.approx = self._prefix_qualifier(s) or self._suffix_qualifier(pos)
        return reading

    def _scale_at(self, pos: int) -> str:
        """The scale word at pos, stopping where a unit that starts with a scale character
        begins ('1138万千瓦' is 1138万 of 千瓦, not 1138万千 of 瓦)."""
        m = SCALE.match(self._norm, pos)
        if not m:
            return ""
        cut = self._unit_inside(pos, m.end())
        return m.group()[: cut - pos] if cut is not None else m.group()

    def _unit_inside(self, start: int, end: int) -> int | None:
        for at in range(start, end):
            unit = self.lex.unit_at(self._norm, at)
            if unit and len(unit.written) > 1 and unit.written[0] in "十百千万亿":
                return at
        return None

    def _followed_by_name(self, pos: int) -> bool:
        norm = self._norm
        if pos >= len(norm):
            return False
        nxt = norm[pos]
        return "\u4e00" <= nxt <= "\u9fff" and nxt not in "的以左增下上后和及至到或"

    def _next_word_is_noun(self, pos: int) -> bool:
        from reviewer.extract.segmenter import get_segmenter

        seg = get_segmenter()
        words = seg.cut(self._norm[pos:pos + 6])
        return bool(words) and (seg.tag(words[0]) or "").startswith("n")

    def _starts_noun_phrase(self, s: int) -> bool:
        before = self._norm[s - 1] if s else "\n"
        return before in "和与及、，,（(“\"\n "

    def _names_a_service(self, s: int, end: int, pos: int) -> bool:
        if end - s < 3:
            return False
        window = self._norm[pos:pos + 8]
        return any(word in window for word in self.lex.numbered_services)

    def _unit_record(self, reading: Reading) -> Unit | None:
        return self.lex.units.get(reading.unit_written) if reading.unit_written else None

    def _prefix_qualifier(self, s: int) -> str | None:
        norm = self._norm
        for word in self.lex.prefix_qualifiers:
            if norm.startswith(word, s - len(word)) and s >= len(word):
                return word
        return None

    def _suffix_qualifier(self, pos: int) -> str | None:
        norm = self._norm
        for word in self.lex.suffix_qualifiers:
            if norm.startswith(word, pos):
                return word
        return None

    def _has_suffix_qualifier(self, reading: Reading) -> bool:
        return self._suffix_qualifier(reading.end) is not None

    # ---- context rules -----------------------------------------------------------------------

    def _is_rank_claim(self, ordinal_start: int, stop: int) -> bool:
        norm = self._norm
        nxt = norm[stop] if stop < len(norm) else "\n"
        if nxt not in CLAUSE_END and not norm.startswith(self.lex.rank_followers, stop):
            return False  # "第三批", "第六代", "第一数据港": an ordinal label, not a ranking
        window_start = ordinal_start
        while window_start > 0 and ordinal_start - window_start < 8 and norm[window_start - 1] not in CLAUSE_END:
            window_start -= 1
        window = norm[window_start:ordinal_start]
        return any(window.endswith(w) or (len(w) > 1 and w in window) for w in self.lex.rank_context)

    def _is_place_in_ranking(self, reading: Reading) -> bool:
        """'百强县进至63位', '进入同类园区前10位': 位 as a place, not as people counted."""
        norm = self._norm
        if norm.startswith("前", reading.start - 1) and reading.start:
            return True
        head = _clause_slice(norm, max(0, reading.start - 8), reading.start, backwards=True)
        return any(word in head for word in ("排名", "排位", "位次", "位居", "居", "百强", "强", "榜", "进至", "升至", "降至"))

    def _in_slogan(self, s: int, run_end: int) -> bool:
        if self._slogan_pattern is None:
            return False
        window = self._norm[max(0, s - 4):run_end + 6]
        return any(m.start() <= s - max(0, s - 4) < m.end() for m in self._slogan_pattern.finditer(window))

    def _duration_is_claim(self, s: int) -> bool:
        norm = self._norm
        head = norm[max(0, s - 4):s]
        return head.endswith(DURATION_CLAIM) or any(w in head for w in ("连续", "持续"))

    def _is_duration_period(self, reading: Reading) -> bool:
        unit = self._unit_record(reading)
        if unit is None or "duration" not in unit.tags:
            return False
        norm = self._norm
        head = norm[max(0, reading.start - 3):reading.start]
        if self._duration_is_claim(reading.start):
            return False
        return head.endswith(PERIOD_BEFORE) or norm.startswith(PERIOD_AFTER, reading.end)

    def _year_word(self, at: int) -> str | None:
        head = self._norm[max(0, at - 3):at]
        for word, meaning in self.lex.period_words.items():
            if head.endswith(word):
                return meaning
        return None

    # ---- output ------------------------------------------------------------------------------

    def _date_figure(self, span: dates.DateSpan) -> Figure:
        return Figure(span.start, span.end, self._text[span.start:span.end], Kind.DATE,
                      period=span.period, confidence=0.9, reasons=("date",))

    def _finish(self, reading: Reading) -> tuple[list[Figure], int]:
        if reading.unit == "位" and reading.kind == "quantity" and self._is_place_in_ranking(reading):
            reading.kind = "rank"
            reading.reasons.append("ranking")
            if self._norm.startswith("前", reading.start - 1) and reading.start:
                reading.start -= 1  # "前10位"
        if reading.kind == "quantity" and self._is_duration_period(reading):
            return [self._date_figure(dates.DateSpan(reading.start, reading.end, None))], reading.end
        confidence = reading.confidence
        reasons = list(reading.reasons)
        if any("may be part of a name" in r for r in reasons):
            confidence = min(confidence, 0.5)
        if "unit shared with the next figure" in reasons:
            confidence = min(confidence, 0.75)
        figure = Figure(
            start=reading.start,
            end=reading.end,
            text=self._text[reading.start:reading.end],
            kind=Kind(reading.kind),
            value=reading.value,
            value_high=reading.value_high,
            unit=reading.unit,
            approx=reading.approx,
            confidence=confidence,
            reasons=tuple(reasons),
        )
        return [figure], reading.end
