"""Numbers written in Arabic digits: figures with their unit, shares ("2/3"), units implied by a
neighbouring word, list markers, ordinals and the years inside names; lists and ranges that share
a unit are read by ArabicLists, digits spaced apart by spacing.py. Given the text and its
collaborators when it is made."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cached_property

from reviewer.extract import dates, notation, reasons, spacing
from reviewer.extract.arabic_lists import ArabicLists
from reviewer.extract.numeral_reader import NumeralReader
from reviewer.extract.numerals import parse_arabic, scale_factor
from reviewer.extract.reading import (
    ARABIC_NUMBER,
    ASCII_LETTER,
    FRACTION_SLASH,
    MARKER_AFTER,
    MARKER_BEFORE,
    QUOTES_OPEN,
    SPACES,
    Reading,
    is_ascii_digit,
)
from reviewer.model import Figure, Kind


class ArabicNumerals(NumeralReader):
    """Reads the Arabic number at a position of one width-normalized text."""

    @cached_property
    def lists(self) -> ArabicLists:
        """The reader of lists and ranges, given this reader's ways of reading one number."""
        return ArabicLists(
            self.norm, self.lex, self.rules, self.tail, self.make, self._unit_reading, self._implied_reading
        )

    def read(self, s: int) -> tuple[list[Figure], int]:
        norm = self.norm
        number = ARABIC_NUMBER.match(norm, s)
        if number is None:
            return [], s + 1
        end = number.end()
        url_end = notation.url_end(norm, s)
        if url_end is not None:
            return [], max(url_end, end)  # "https://...%3A...": a whole URL is never read
        written = number.group()
        spaced = spacing.spaced_digits(norm, s, end, written)
        loose = spaced is None and spacing.split_digits(norm, self.lex, s, end, written)
        if loose:
            written, end = loose
        elif spaced is not None:
            written, end = spaced
        value = parse_arabic(written)
        x_multiple = notation.times_x(norm, s, end, value) if value is not None else None
        if x_multiple is None and self._inside_latin_word(s, end) and not self._amount_after_metric(s, end, value):
            return [], self._skip_alnum(s)
        if end < len(norm) and norm[end] in notation.RATIO_SEP:
            ratio = self._ratio_sequence(s)
            if ratio is not None:
                return ratio
        date_span = dates.match_arabic_date(norm, s, self.doc_date)
        if date_span and self._date_is_plausible(date_span):
            return [self.make.date(date_span)], date_span.end
        if value is None:
            return [], end
        year = (
            dates.year_after_marker(norm, s, end, written, self.doc_date)
            or dates.year_half_in_chinese(norm, s, end)
            or dates.decade(norm, s, end)
        )
        if year is not None:
            return [self.make.date(year)], year.end
        if self._is_list_marker(s, end):
            return [], end + 1
        if s >= 4 and norm[s - 3 : s] == " . " and is_ascii_digit(norm[s - 4]):
            return [], end  # "增长 12 . 3%": the decimals of a number spaced apart, never 3% alone
        if s and norm[s - 1] in "/／" and not self.lists.unit_before_slash_repeats(s, end):
            return [], end  # "254.6/10万": the denominator of a rate, not a figure of its own
        ordinal_at = self._ordinal_mark(s)
        if ordinal_at is not None:
            return self._arabic_ordinal(s, end, value, ordinal_at)
        if norm.startswith("前", s - 1) if s else False:
            span = dates.match_leading_period(norm, s - 1, self.doc_date, self.rules.year_word(s - 1))
            if span:
                return [self.make.date(replace(span, start=s))], span.end
            top = self._arabic_top_n(s, end, value)
            if top is not None:
                return top
        sign = notation.sign_before(norm, s)
        figures, pos = self._read_unsigned(s, end, value, written, -1 if sign and sign[1] < 0 else 1)
        if loose:
            figures = [
                replace(f, confidence=min(f.confidence, 0.5), reasons=f.reasons + (reasons.SPACED_DIGITS,))
                if f.start == s
                else f
                for f in figures
            ]
        return (self._signed(figures, s, sign) if sign else figures), pos

    def _read_unsigned(self, s: int, end: int, value: Decimal, written: str, sign: int) -> tuple[list[Figure], int]:
        reading = self._compound(s, end, value) or self._unit_reading(s, end, value)
        if reading is None:
            return self._unitless_arabic(s, end, value, sign)
        if "." in written and self._marker_glued_to_count(s, written, reading):
            return self._split_marker(s, written, reading)
        if reading.unit_written == "个":
            points = self.lists.points_of_list(reading.end)
            if points is not None:  # "提高18.7个和16.9个百分点": the 个 of percentage points
                reading = replace(reading, kind="pp", unit=points, reasons=reading.reasons + [reasons.UNIT_SHARED])
        return self.make.finish(self.lists.range_with_units(reading, sign))

    def _compound(self, s: int, end: int, value: Decimal) -> Reading | None:
        """'1亿2千万元', '12亿5000万元', '1万5千人': a number written in two scaled parts is one
        figure, the sum of its parts (not 1亿 and 2千万元)."""
        norm = self.norm
        if end + 2 >= len(norm) or norm[end] not in "亿万" or not is_ascii_digit(norm[end + 1]):
            return None
        high = scale_factor(norm[end])
        second = ARABIC_NUMBER.match(norm, end + 1)
        if high is None or second is None or not second.group().isdigit():
            return None
        scale_text = self.tail.scale_at(second.end())
        low = scale_factor(scale_text) if scale_text else None
        if not scale_text and len(second.group()) == (4 if norm[end] == "万" else 8):
            low = Decimal(1)  # "1万2000户": the digits fill the places below the scale
        part = Decimal(second.group())
        if low is None or low >= high or part * low >= high:
            return None
        reading = self.tail.read(second.start(), second.end(), part, numeral="arabic") or self._implied_reading(
            second.start(), second.end(), part
        )
        if reading is None or reading.start != second.start() or reading.factor != low:
            return None
        return replace(reading, start=s, value=value * high + reading.value, factor=Decimal(1))

    def _unit_reading(self, s: int, end: int, value: Decimal) -> Reading | None:
        """The figure of the number at s with its unit: a unit of the lexicon, or the notation
        of finance and engineering (15x, 翻2番, 3987.01点)."""
        norm, rules = self.norm, self.rules
        return (
            self.tail.read(s, end, value, numeral="arabic")
            or notation.times_x(norm, s, end, value)
            or notation.doubling(norm, s, end, value, rules)
            or notation.index_points(norm, s, end, value, rules)
        )

    def _signed(self, figures: list[Figure], s: int, sign: tuple[int, int]) -> list[Figure]:
        """'-12.5%', '（-19.4%）', '负2.1%': the sign joins the figure that starts at s."""
        at, direction = sign
        signed = []
        for figure in figures:
            unit = self.lex.units.get(figure.unit or "")
            if unit is not None and "count" in unit.tags:
                signed.append(figure)  # "1个主导产业+1个特色产业": a plus that joins, not a sign
                continue
            if figure.start == s and figure.value is not None and figure.kind not in (Kind.DATE, Kind.RANK):
                value = -figure.value if direction < 0 else figure.value
                approx = figure.approx or self.rules.prefix_qualifier(at)  # "约为-0.1个百分点"
                figure = replace(figure, start=at, text=self.make.text[at : figure.end], value=value, approx=approx)
            signed.append(figure)
        return signed

    def _ratio_sequence(self, s: int) -> tuple[list[Figure], int] | None:
        """'21.3∶41.6∶37.1': one percent figure per share; '1：10万' (a map scale): nothing."""
        norm = self.norm
        number_end = ARABIC_NUMBER.match(norm, s)
        if number_end is None or number_end.end() >= len(norm) or norm[number_end.end()] not in notation.RATIO_SEP:
            return None
        parts = notation.ratio_parts(norm, s)
        if parts is None:
            return None
        if notation.is_map_scale(norm, parts):
            stop = parts[-1][1]
            return [], stop + 1 if stop < len(norm) and norm[stop] in "千万" else stop
        if not notation.are_shares(norm, s, parts):
            return None
        figures = []
        for start, stop, value in parts:
            reading = Reading(start, stop, "percent", value, unit="%", confidence=0.6, reasons=[reasons.RATIO_SHARES])
            figures.extend(self.make.finish(reading)[0])
        return figures, parts[-1][1]

    def _inside_latin_word(self, s: int, end: int) -> bool:
        norm = self.norm
        sign_at = s - 1 if s and norm[s - 1] in "+-" else s
        glued_after = end < len(norm) and ASCII_LETTER.match(norm[end])
        if notation.after_change_abbreviation(norm, sign_at) and not glued_after:
            return False  # "YoY+15.6%", "QoQ-3.2%", "YoY15.6%"
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

    def _amount_after_metric(self, s: int, end: int, value: Decimal | None) -> bool:
        """'人均GDP15万元': an amount glued to the Latin name of its metric (an all-capital word),
        read only where a scale, a currency or % follows ('PM2.5浓度', 'ISO9000' stay names)."""
        norm = self.norm
        letters = s
        while letters > 0 and "A" <= norm[letters - 1] <= "Z":
            letters -= 1
        if value is None or s - letters < 2 or (letters and ASCII_LETTER.match(norm[letters - 1])):
            return False
        if end < len(norm) and (ASCII_LETTER.match(norm[end]) or norm[end] in "._-"):
            return False
        reading = self.tail.read(s, end, value, numeral="arabic")
        return reading is not None and (reading.kind in ("money", "percent") or reasons.SCALED in reading.reasons)

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

    def _ordinal_mark(self, s: int) -> int | None:
        """Where the 第 of '第3' stands, also spaced as PDF text has it ('第 3 位'); None if none."""
        norm = self.norm
        at = s - 1
        if at >= 1 and norm[at] in SPACES:
            at -= 1
        return at if at >= 0 and norm[at] == "第" else None

    def _arabic_ordinal(self, s: int, end: int, value: Decimal, at: int) -> tuple[list[Figure], int]:
        """第3 / 第3位: a rank only as a ranking claim; 第12届 is a name. at: where 第 stands."""
        norm = self.norm
        if at < s - 1:  # "第 3 位": the place word may be spaced too
            if end + 1 < len(norm) and norm[end] in SPACES and norm[end + 1] in "位名":
                end += 1
        stop = end
        if norm.startswith(("万", "亿"), end):  # "第100万辆汽车下线": the count a milestone reaches
            reading = self.tail.read(s, end, value, numeral="arabic")
            unit = self.rules.unit_record(reading) if reading else None
            if reading is not None and unit is not None and "count" in unit.tags:
                return self.make.finish(reading)
            return [], end
        running = self.running_count(at, s, end, value, numeral="arabic")
        if running is not None:  # "连续第5年": the fifth year running, a count of years
            return self.make.finish(running)
        if self.rules.is_superlative(end):  # "第3大": the third largest
            reading = Reading(at, end, "rank", value, unit="位", confidence=0.8, reasons=[reasons.RANKING])
            return self.make.finish(reading)
        if norm.startswith(("位", "名"), end) and not norm.startswith(("名单",), end):
            stop = end + 1
        if self.rules.is_rank_claim(at, stop, placed=stop > end):
            reading = Reading(at, stop, "rank", value, unit="位", confidence=0.8, reasons=[reasons.RANKING])
            return self.make.finish(reading)
        return [], end

    def _arabic_top_n(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int] | None:
        """前10, 前5大, 前10名: a place counted from the top where a ranking word stands before
        ('排名前10的城市'); '前10名中唯一一个' without one is not a figure. None: read on."""
        norm = self.norm
        if value > 1000 or value != value.to_integral_value():
            return None
        if self.rules.is_superlative(end):
            reading = Reading(s - 1, end, "rank", value, unit="位", confidence=0.7, reasons=[reasons.TOP_N])
            return self.make.finish(reading)
        placed = norm.startswith("名", end) and not norm.startswith("名单", end)
        if not placed and self.lex.unit_at(norm, end):
            return None  # "前10位" (finish makes it a place), "前3天"
        stop = end + 1 if placed else end
        if self.rules.is_rank_claim(s - 1, stop, placed=True, reach=20 if placed else 8):  # 进入全省…指数前100名
            reading = Reading(s - 1, stop, "rank", value, unit="位", confidence=0.7, reasons=[reasons.TOP_N])
            return self.make.finish(reading)
        return ([], stop) if placed else None

    def _unitless_arabic(self, s: int, end: int, value: Decimal, sign: int = 1) -> tuple[list[Figure], int]:
        norm = self.norm
        if norm.startswith("强", end) and value <= 100 and self.rules.is_top_n_claim(s):  # 跻身全国10强
            reading = Reading(s, end + 1, "rank", value, unit="位", confidence=0.7, reasons=[reasons.TOP_N])
            return self.make.finish(reading)
        listed = self.lists.slash_list(s, end, value)
        if listed is not None:
            return listed
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
        shared = self.lists.shared_unit(s, end, value, sign)
        if shared:
            return shared
        # "采购经理指数（PMI）为51.7", "美元兑日元报150.2": a bare reading after an index or a pair
        bare = notation.index_reading(norm, s, end, value) or notation.exchange_rate(norm, s, end, value, self.lex)
        if (
            bare
            and end < len(norm)
            and "\u4e00" <= norm[end] <= "\u9fff"
            and norm[end] not in "和及与或至到比较"
            and not self.rules.suffix_qualifier(end)
        ):
            bare = None  # "指数达到141分": a unit the lexicon lacks follows, no bare reading
        if bare:
            bare.approx = bare.approx or self.rules.prefix_qualifier(s) or self.rules.suffix_qualifier(end)
            return self.make.finish(bare)
        implied = self._implied_reading(s, end, value)
        if implied:
            return self.make.finish(implied)
        place = self._place_count(s, end, value)
        if place:
            return self.make.finish(place)
        # A year inside a name: "2025进博会", "数说江汉2026"
        if value == value.to_integral_value() and 1900 <= value <= 2100 and len(norm[s:end]) == 4:
            return [self.make.date(dates.DateSpan(s, end, None))], end
        return [], end

    def _place_count(self, s: int, end: int, value: Decimal) -> Reading | None:
        """'澜沧3县', '珠三角9市', '湖南、湖北、安徽3省': a place noun standing as the measure word
        of an Arabic count, a word of its own ('3市及驻琼部队'; not '5区号', '3市场')."""
        norm = self.norm
        if value != value.to_integral_value() or value < 1 or value > 100 or norm[s] == "0":
            return None  # "024区号": a code
        if norm.startswith(("道", "级"), end + 1) or s and norm[s - 1] in QUOTES_OPEN:
            return None  # "208省道": a road's number; "3县级"; "“4区18园”": a quoted label
        place = self.rules.noun_as_measure(s, end)
        if place is None:
            return None
        return Reading(s, end + 1, "quantity", value, unit=place, confidence=0.6, reasons=[reasons.LISTED_COUNT])

    def _implied_reading(self, s: int, end: int, value: Decimal) -> Reading | None:
        """'解决了10万农村贫困人口', '进出口总额突破3000亿': a scaled number whose unit is the
        noun after it or the metric before it."""
        norm = self.norm
        if norm.startswith("大", end) and 2 <= value <= 10 and value == value.to_integral_value():
            return self._n_big(s, end, value)
        pos = end
        inner = None
        if norm.startswith((" 万", " 亿"), pos):
            pos += 1  # "解决了 74 万农村人口": PDF text spaces number and scale
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
        found = self.rules.implied_unit(s, stop)
        currency = self._currency_named_before(s)
        if currency is not None:
            found = ("money", currency)  # "境外收入美元1.2亿": the currency named before the amount
        if found is None:
            return None
        kind, unit = found
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
        if currency is not None and reading.approx is None:
            reading.approx = self._qualifier_before_currency(s)  # "约欧元5000万"
        return reading

    def _qualifier_before_currency(self, s: int) -> str | None:
        """'约欧元5000万': the bound written before the currency that precedes the number."""
        named = self.tail.currency_before(s)
        return self.rules.prefix_qualifier(named[1]) if named is not None else None

    def _currency_named_before(self, s: int) -> str | None:
        """The currency written just before the number at s ('美元1.2亿', '人民币 8.6亿', '约港币3亿')."""
        named = self.tail.currency_before(s)
        if named is None:
            return None
        unit, _ = named
        return unit.unit if unit.unit != "元" or unit.written == "人民币" else None

    def _n_big(self, s: int, end: int, value: Decimal) -> Reading | None:
        """'3大类' (a count of classes), 'HPHT和CVD 2大路线' (listed); '10大主导产业' is a label."""
        unit = self.lex.unit_at(self.norm, end + 1)
        if unit is not None and unit.written == "类":
            return Reading(s, end + 2, "quantity", value, unit="类", confidence=0.8)
        if self.rules.is_real_count(s, end + 1, int(value)):
            return Reading(s, end + 1, "quantity", value, unit="个", confidence=0.6, reasons=[reasons.LISTED_COUNT])
        return None
