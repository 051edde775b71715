"""Numbers written in Arabic digits: figures with their unit, shared units ("2.4亿和2.6亿美元"),
ranges ("10-20%"), shares ("2/3"), units implied by a neighbouring word, list markers, ordinals
and the years inside names. Given the text and its collaborators when it is made."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from reviewer.extract import dates, reasons
from reviewer.extract.numeral_reader import NumeralReader
from reviewer.extract.numerals import parse_arabic, scale_factor
from reviewer.extract.reading import (
    ARABIC_NUMBER,
    ASCII_LETTER,
    FRACTION_SLASH,
    LIST_JOIN,
    MARKER_AFTER,
    MARKER_BEFORE,
    RANGE_JOIN,
    SCALE,
    Reading,
    clause_slice,
    is_ascii_digit,
)
from reviewer.model import Figure


class ArabicNumerals(NumeralReader):
    """Reads the Arabic number at a position of one width-normalized text."""

    def read(self, s: int) -> tuple[list[Figure], int]:
        norm = self.norm
        number = ARABIC_NUMBER.match(norm, s)
        if number is None:
            return [], s + 1
        end = number.end()
        if self._inside_latin_word(s, end):
            return [], self._skip_alnum(s)
        date_span = dates.match_arabic_date(norm, s, self.doc_date)
        if date_span and self._date_is_plausible(date_span):
            return [self.make.date(date_span)], date_span.end
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
            span = dates.match_leading_period(norm, s - 1, self.doc_date, self.rules.year_word(s - 1))
            if span:
                return [self.make.date(replace(span, start=s))], span.end
        reading = self.tail.read(s, end, value, numeral="arabic")
        if reading is None:
            return self._unitless_arabic(s, end, value)
        if "." in number.group() and self._marker_glued_to_count(s, number.group(), reading):
            return self._split_marker(s, number.group(), reading)
        return self.make.finish(reading)

    def _inside_latin_word(self, s: int, end: int) -> bool:
        norm = self.norm
        before = norm[s - 1] if s else ""
        after = norm[end] if end < len(norm) else ""
        if ASCII_LETTER.match(after) and not ASCII_LETTER.match(before) and self.lex.unit_at(norm, end):
            after = ""  # "220kV", "8GB": a number and its Latin unit symbol (a whole token)
        return bool(
            ASCII_LETTER.match(before)
            or ASCII_LETTER.match(after)
            or before in "_-"
            and s > 1
            and ASCII_LETTER.match(norm[s - 2])
        )

    def _skip_alnum(self, s: int) -> int:
        pos = s
        norm = self.norm
        while pos < len(norm) and (norm[pos].isascii() and (norm[pos].isalnum() or norm[pos] in "._-")):
            pos += 1
        return pos

    def _date_is_plausible(self, span: dates.DateSpan) -> bool:
        # "3日" after a count ("耗时3日") is a duration; a day alone is a date only after 月 or 日前
        text = self.norm[span.start : span.end]
        if text.endswith(("日", "号")) and "月" not in text and "-" not in text and "." not in text:
            return self.norm.startswith("月", span.start - 1) if span.start else False
        return True

    def _is_list_marker(self, s: int, end: int) -> bool:
        norm = self.norm
        if end >= len(norm) or norm[end] not in MARKER_AFTER:
            return False
        if norm[end] == "." and end + 1 < len(norm) and is_ascii_digit(norm[end + 1]):
            return False
        if end - s > 2:
            return False  # "1000、2000第纳尔" is a list of amounts, not of items
        before = norm[s - 1] if s else "\n"
        return before in MARKER_BEFORE or before in "(（" or s == 0

    def _marker_glued_to_count(self, s: int, number: str, reading: Reading) -> bool:
        """'1.32个营业厅' after a list boundary: marker '1.' and a count of 32."""
        unit = self.lex.units.get(reading.unit or "")
        before = self.norm[s - 1] if s else "\n"
        whole, _, frac = number.partition(".")
        return (
            before in MARKER_BEFORE
            and len(whole) <= 2
            and unit is not None
            and "count" in unit.tags
            and reasons.SCALED not in reading.reasons
            and frac[0] != "0"
        )

    def _split_marker(self, s: int, number: str, reading: Reading) -> tuple[list[Figure], int]:
        digits_at = s + number.index(".") + 1
        value = parse_arabic(number[number.index(".") + 1 :])
        if value is None:
            return self.make.finish(reading)
        return self.make.finish(
            replace(reading, start=digits_at, value=value, reasons=reading.reasons + [reasons.LIST_MARKER_SPLIT])
        )

    def _arabic_ordinal(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int]:
        """第3 / 第3位: a rank only as a ranking claim; 第12届 is a name."""
        norm = self.norm
        stop = end
        if norm.startswith(("位", "名"), end) and not norm.startswith(("名单",), end):
            stop = end + 1
        if self.rules.is_rank_claim(s - 1, stop):
            reading = Reading(s - 1, stop, "rank", value, unit="位", confidence=0.8, reasons=[reasons.RANKING])
            return self.make.finish(reading)
        return [], end

    def _unitless_arabic(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int]:
        norm = self.norm
        # 2/3
        slash = FRACTION_SLASH.match(norm, end)
        if slash and value > 0:
            denominator = Decimal(slash.group(1))
            if denominator > value and denominator <= 100:
                share = value / denominator
                reading = Reading(
                    s, slash.end(), "fraction", share, unit="分之", confidence=0.7, reasons=[reasons.SHARE_SLASH]
                )
                return self.make.finish(reading)
        # A number sharing the unit of the next one: "2.4亿和2.6亿美元", "10-20%"
        shared = self._shared_unit(s, end, value)
        if shared:
            return shared
        implied = self._implied_reading(s, end, value)
        if implied:
            return self.make.finish(implied)
        # A year inside a name: "2025进博会", "数说江汉2026"
        if value == value.to_integral_value() and 1900 <= value <= 2100 and len(norm[s:end]) == 4:
            return [self.make.date(dates.DateSpan(s, end, None))], end
        return [], end

    def _shared_unit(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int] | None:
        norm = self.norm
        scale_match = SCALE.match(norm, end)
        scale_text = scale_match.group() if scale_match else ""
        factor = scale_factor(scale_text) if scale_text else Decimal(1)
        if factor is None:
            return None
        after_scale = end + len(scale_text)
        for joiner, is_range in ((RANGE_JOIN, True), (LIST_JOIN, False)):
            j = joiner.match(norm, after_scale)
            if not j or j.end() >= len(norm) or not is_ascii_digit(norm[j.end()]):
                continue
            nxt_number = ARABIC_NUMBER.match(norm, j.end())
            if nxt_number is None:
                continue
            nxt_value = parse_arabic(nxt_number.group())
            if nxt_value is None or dates.match_arabic_date(norm, j.end(), None):
                continue
            nxt = self.tail.read(j.end(), nxt_number.end(), nxt_value, numeral="arabic") or self._implied_reading(
                j.end(), nxt_number.end(), nxt_value
            )
            if nxt is None or nxt.kind in ("rank",) or self.rules.is_duration_period(nxt):
                continue
            own_factor = factor
            if not scale_text and reasons.SCALED in nxt.reasons:
                own_factor = nxt.factor  # "10-20万人": the scale serves both
            if is_range:
                if value * own_factor > nxt.value:
                    continue
                reading = replace(
                    nxt, start=s, value=value * own_factor, value_high=nxt.value, reasons=nxt.reasons + [reasons.RANGE]
                )
                reading.approx = reading.approx or self.rules.prefix_qualifier(s)
                return self.make.finish(reading)
            first = Reading(
                s, after_scale, nxt.kind, value * factor, unit=nxt.unit, confidence=0.75, reasons=[reasons.UNIT_SHARED]
            )
            first.approx = self.rules.prefix_qualifier(s)
            figures, _ = self.make.finish(first)
            return figures, after_scale
        return None

    def _implied_reading(self, s: int, end: int, value: Decimal) -> Reading | None:
        """'解决了10万农村贫困人口', '进出口总额突破3000亿': a scaled number whose unit is the
        noun after it or the metric before it."""
        norm = self.norm
        pos = end
        inner = None
        if pos < len(norm) and norm[pos] in "多余":
            inner, pos = norm[pos], pos + 1
        scale_text = self.tail.scale_at(pos)
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
        reading = Reading(
            s,
            stop,
            kind,
            value * factor,
            unit=unit,
            approx=inner,
            confidence=0.6,
            reasons=[reasons.SCALED, reasons.UNIT_IMPLIED],
            factor=factor,
        )
        reading.approx = reading.approx or self.rules.prefix_qualifier(s) or self.rules.suffix_qualifier(stop)
        return reading
