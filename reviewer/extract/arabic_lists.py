"""Arabic numbers that stand in a list or a range and share what one of them writes: the unit
and scale of the last item ('2.4亿和2.6亿美元', '10和20万元', '0.6、0.8和1.0倍', '30、50、80亿元'),
a range with its unit on one or both ends ('10-20%', '12%-15%'), values parted by slashes
('1.38/1.52/1.67元') and the 个 of a list of percentage points ('18.7个和16.9个百分点').

Given the text, its collaborators and the Arabic reader's two ways of reading one number (its
unit as written, or a unit a neighbouring word implies), as callables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from reviewer.extract import dates, notation, reasons
from reviewer.extract.figures import FigureMaker
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.numerals import parse_arabic, scale_factor
from reviewer.extract.reading import ARABIC_NUMBER, LIST_JOIN, RANGE_JOIN, SCALE, Reading, clause_slice, is_ascii_digit
from reviewer.extract.rules import ContextRules
from reviewer.extract.tail import TailReader
from reviewer.model import Figure

ReadNumber = Callable[[int, int, Decimal], Reading | None]


class ArabicLists:
    def __init__(
        self,
        norm: str,
        lexicon: Lexicon,
        rules: ContextRules,
        tail: TailReader,
        make: FigureMaker,
        unit_reading: ReadNumber,
        implied_reading: ReadNumber,
    ):
        self.norm = norm
        self.lex = lexicon
        self.rules = rules
        self.tail = tail
        self.make = make
        self.unit_reading = unit_reading  # the number at (start, end) with the unit written after it
        self.implied_reading = implied_reading  # ... with a unit a neighbouring word implies

    def range_with_units(self, reading: Reading, sign: int) -> Reading:
        """'12%-15%', '3.5%—8.2%', '700W/m·K—850W/m·K': a range with the unit on both ends."""
        norm = self.norm
        j = RANGE_JOIN.match(norm, reading.end)
        if not j or j.end() >= len(norm):
            return reading
        at, high_sign = j.end(), 1
        if sign < 0 and norm[at] in notation.MINUS and at + 1 < len(norm):
            at, high_sign = at + 1, -1  # "-5%~-3%": a range below zero
        if not is_ascii_digit(norm[at]):
            return reading
        if j.group().strip() in ("到", "至") and reading.start and norm[reading.start - 1] in "由从":
            return reading  # "由1万亿元到2万亿元": two levels, not a range
        nxt_number = ARABIC_NUMBER.match(norm, at)
        if nxt_number is None or dates.match_arabic_date(norm, at, None):
            return reading
        nxt_value = parse_arabic(nxt_number.group())
        if nxt_value is None:
            return reading
        nxt = self.unit_reading(at, nxt_number.end(), nxt_value)
        if nxt is None or (nxt.kind, nxt.unit) != (reading.kind, reading.unit):
            return reading
        if high_sign < 0:
            nxt = replace(nxt, value=-nxt.value)
        if sign * reading.value > nxt.value:
            return reading  # a range never runs from high to low
        approx = reading.approx or self.rules.suffix_qualifier(nxt.end)
        return replace(
            reading, end=nxt.end, value_high=nxt.value, approx=approx, reasons=reading.reasons + [reasons.RANGE]
        )

    def shared_unit(self, s: int, end: int, value: Decimal, sign: int = 1) -> tuple[list[Figure], int] | None:
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
            nxt = self.unit_reading(j.end(), nxt_number.end(), nxt_value) or self.implied_reading(
                j.end(), nxt_number.end(), nxt_value
            )
            chained: list[tuple[int, int, Decimal, Decimal | None]] = []
            if nxt is None and not is_range:
                # "0.6、0.8和1.0倍": the last item names the unit of the bare ones before it
                nxt = self._unit_of_list(j.end(), chained)
            if nxt is None or nxt.kind in ("rank",) or self.rules.is_duration_period(nxt):
                continue
            if scale_text and self._is_duration(nxt):
                continue  # "3年500亿、5年1000亿": the next item's years are no unit of an amount
            own_factor = factor
            if not scale_text and reasons.SCALED in nxt.reasons:
                own_factor = nxt.factor  # "10-20万人", "10和20万元", "30、50、80亿元": the scale serves them all
            if is_range:
                if sign * value * own_factor > nxt.value:
                    continue
                reading = replace(
                    nxt, start=s, value=value * own_factor, value_high=nxt.value, reasons=nxt.reasons + [reasons.RANGE]
                )
                reading.approx = reading.approx or self.rules.prefix_qualifier(s)
                return self.make.finish(reading)
            first = Reading(
                s,
                after_scale,
                nxt.kind,
                value * own_factor,
                unit=nxt.unit,
                confidence=0.75,
                reasons=[reasons.UNIT_SHARED],
            )
            first.approx = self.rules.prefix_qualifier(s)
            figures, _ = self.make.finish(first)
            for start, stop, item, item_factor in chained:
                value_of = item * (own_factor if item_factor is None else item_factor)
                later = replace(first, start=start, end=stop, value=value_of, approx=None)
                figures.extend(self.make.finish(later)[0])
            return figures, chained[-1][1] if chained else after_scale
        return None

    def points_of_list(self, at: int) -> str | None:
        """The unit of points (个百分点) that the last item of a list of 'N个' items names after the
        one ending at at ('18.7个和16.9个百分点', '10.1个、43.3个和17.3个百分点'); else None."""
        norm = self.norm
        for _ in range(8):
            j = LIST_JOIN.match(norm, at)
            if not j or j.end() >= len(norm) or not is_ascii_digit(norm[j.end()]):
                return None
            number = ARABIC_NUMBER.match(norm, j.end())
            value = parse_arabic(number.group()) if number else None
            if number is None or value is None:
                return None
            nxt = self.tail.read(j.end(), number.end(), value, numeral="arabic")
            if nxt is None:
                return None
            if nxt.kind == "pp":
                return nxt.unit
            if nxt.unit_written != "个":
                return None
            at = nxt.end
        return None

    def _is_duration(self, reading: Reading) -> bool:
        unit = self.rules.unit_record(reading)
        return unit is not None and bool(unit.tags & {"duration", "time"})

    def unit_before_slash_repeats(self, s: int, end: int) -> bool:
        """'10.2%/11.5%', '1.38元/1.52元': the number after a slash repeats the unit written before
        it, one item of a list of values (a broker's forecasts by year), not a denominator."""
        norm = self.norm
        if s < 3 or not is_ascii_digit(norm[s]):
            return False
        if norm[s - 2] == "x" and norm.startswith("x", end) and is_ascii_digit(norm[s - 3]):
            return True  # "15.2x/13.8x/12.6x"
        for length in (1, 2, 3, 4):
            unit = norm[s - 1 - length : s - 1]
            if any(is_ascii_digit(c) or c in "/／" for c in unit):
                return False
            if not norm.startswith(unit, end):
                continue
            for at in range(s - 1 - length, s - 1):
                written = self.lex.unit_at(norm, at)
                if written is not None and at + len(written.written) == s - 1:
                    return True
        return False

    def slash_list(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int] | None:
        """'EPS分别为1.38/1.52/1.67元', 'PE分别为15.2/13.8/12.6倍': values parted by slashes that share
        the unit (and scale) written after the last; three or more, or two after 分别. None: read on."""
        norm = self.norm
        items: list[tuple[int, int, Decimal]] = [(s, end, value)]
        at = end
        while len(items) < 8 and at + 1 < len(norm) and norm[at] in "/／" and is_ascii_digit(norm[at + 1]):
            number = ARABIC_NUMBER.match(norm, at + 1)
            item = parse_arabic(number.group()) if number else None
            if number is None or item is None:
                return None
            items.append((number.start(), number.end(), item))
            at = number.end()
        if len(items) < 2 or dates.match_arabic_date(norm, s, None):
            return None
        last_start, last_end, last_value = items[-1]
        reading = self.tail.read(last_start, last_end, last_value, numeral="arabic")
        if reading is None or reading.kind == "rank" or reading.start != last_start:
            return None
        if reading.unit == "年" and reading.end == last_end + 1:  # "24/25/26年", "2024/2025年": years
            return [self.make.date(dates.DateSpan(a, b, None)) for a, b, _ in items[:-1]] + [
                self.make.date(dates.DateSpan(last_start, reading.end, None))
            ], reading.end
        if len(items) == 2 and "分别" not in clause_slice(norm, max(0, s - 12), s, backwards=True):
            return None  # "2/3" is a share, "254.6/10万" a rate
        figures: list[Figure] = []
        for start, stop, item in items[:-1]:
            first = Reading(
                start,
                stop,
                reading.kind,
                item * reading.factor,
                unit=reading.unit,
                confidence=0.75,
                reasons=[reasons.UNIT_SHARED] + ([reasons.SCALED] if reading.factor != 1 else []),
            )
            figures.extend(self.make.finish(first)[0])
        figures.extend(self.make.finish(reading)[0])
        return figures, reading.end

    def _unit_of_list(self, at: int, items: list[tuple[int, int, Decimal, Decimal | None]]) -> Reading | None:
        """The reading of the first item from at on that names its unit, in a list of numbers
        ('0.8和1.0倍'); the bare items before it go to items as (start, end, value, own scale)."""
        norm = self.norm
        for _ in range(8):
            number = ARABIC_NUMBER.match(norm, at)
            value = parse_arabic(number.group()) if number else None
            if number is None or value is None or dates.match_arabic_date(norm, at, None):
                return None
            reading = self.unit_reading(at, number.end(), value) or self.implied_reading(at, number.end(), value)
            if reading is not None:
                return reading
            scale_match = SCALE.match(norm, number.end())
            scale_text = scale_match.group() if scale_match else ""
            own = scale_factor(scale_text) if scale_text else None
            after_scale = number.end() + len(scale_text)
            if scale_text and own is None:
                return None
            items.append((at, after_scale, value, own))
            j = LIST_JOIN.match(norm, after_scale)
            if not j or j.end() >= len(norm) or not is_ascii_digit(norm[j.end()]):
                return None
            at = j.end()
        return None
