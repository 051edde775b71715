"""Finding figures and dates in text: numbers, their scale, qualifier and unit.

The scanner walks the number tokens of the text once, left to right. At each token it reads
forward with anchored patterns (bounded by the length of a figure), looks back a few characters
for context, and decides: a figure, a date, or nothing. Nothing here knows about indicators; see
context.py for that.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from reviewer.extract import dates
from reviewer.extract.chinese import ChineseNumerals
from reviewer.extract.lexicon import Lexicon, Unit
from reviewer.extract.numerals import FULLWIDTH, parse_arabic, scale_factor
from reviewer.extract.reading import (
    ARABIC_NUMBER,
    ASCII_LETTER,
    FRACTION_SLASH,
    LIST_JOIN,
    MARKER_AFTER,
    MARKER_BEFORE,
    RANGE_JOIN,
    SCALE,
    TOKEN,
    Reading,
    clause_slice,
)
from reviewer.extract.rules import ContextRules
from reviewer.model import Figure, Kind


class Scanner(ChineseNumerals, ContextRules):
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
        after = clause_slice(norm, stop, stop + 8)
        before = clause_slice(norm, max(0, s - 16), s, backwards=True)
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
