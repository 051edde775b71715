"""Chinese numerals in the scanner: counts (两项, 近百名), shares (三成多, 三分之二, 一半),
percentages (百分之十五), rankings (第三, 前三) and the many words that merely contain a numeral
(一批, 三个示范区, 五台山). Given the text and its collaborators when it is made."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from reviewer.extract import dates, notation, reasons
from reviewer.extract.numeral_reader import NumeralReader
from reviewer.extract.numerals import (
    CN_DIGITS,
    FORMAL,
    parse_arabic,
    parse_chinese,
    parse_chinese_range,
)
from reviewer.extract.reading import (
    ARABIC_NUMBER,
    CLAUSE_END,
    CN_NUMBER,
    QUOTES_OPEN,
    TIME_UNITS_FOR_HALF,
    Reading,
    is_ascii_digit,
)
from reviewer.model import Figure

# Who "俩" usually follows: "他俩", "咱俩", "哥俩", "夫妻俩" (the two of them, not a figure).
PRONOUNS = frozenset("他她它我你咱们哥姐兄弟妹夫妻子女爷娘母父")
# Measure words that number a thing rather than count it ("汕头港三期", "第三届"): never a listed count.
ORDINAL_UNITS = ("期", "届", "代", "号")
# Prefix qualifiers that are also verbs or words of their own before a number: 上一个 (the last one),
# 超一流, 经过五年, 突破一批; they bound no count of 一 and make no duration a claim.
NOT_BOUNDS = frozenset(("上", "过", "超", "破", "突破"))
# Bounds after a number that make a lone 一 a count ("一个月以上", "一公里以内")
UPPER_LOWER_BOUNDS = ("以上", "以下", "以内", "左右")
# The longest run of numerals read as one number (parse_chinese reads up to 24 characters).
MAX_RUN = 24
# jieba's tags of idioms and set phrases (成语 i, 习用语 l)
IDIOM_TAGS = frozenset(("i", "l"))


class ChineseNumerals(NumeralReader):
    """Reads the Chinese numeral run at a position of one width-normalized text."""

    def read(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        norm = self.norm
        skip_to, limit = self._formal_run(s, run_end)
        if skip_to is not None:
            return [], skip_to
        run_end = min(run_end, limit)  # "三百陆续": the simple numerals before a formal one that is a word
        run = norm[s:run_end]
        date_span = dates.match_chinese_date(norm, s, self.doc_date)
        if date_span:
            return [self.make.date(date_span)], date_span.end
        before = norm[s - 1] if s else ""
        if norm.startswith("番", run_end):  # "翻两番" (notation.py)
            doubling = notation.doubling(norm, s, run_end, parse_chinese(run) or Decimal(0), self.rules)
            if doubling and doubling.value:
                return self.make.finish(doubling)
        if before == "第":
            return self._chinese_ordinal(s, run_end)
        if before == "届":
            return [], run_end  # "十二届十次全会": a session's number
        if before == "前" and not self._claim_word_before(s):  # 提前 is not the 前 of 前三
            span = dates.match_leading_period(norm, s - 1, self.doc_date, self.rules.year_word(s - 1))
            if span:
                return [self.make.date(replace(span, start=s))], span.end
            return self._chinese_top_n(s, run_end)
        if self.rules.in_slogan(s, run_end):
            return [], run_end
        if run == "俩":
            return self._lia(s)
        if run == "百" and norm.startswith("分之", run_end):
            return self._chinese_percent(s)
        if norm.startswith("分之", run_end):
            return self._chinese_fraction(s, run_end)
        if run.endswith("一") and norm.startswith("半", run_end) and len(run) == 1:
            return self.read_half(run_end, start=s)
        number = CN_NUMBER.match(norm, s, limit)
        if number is None:
            return [], run_end
        cut = self.rules.unit_inside(s + 1, number.end())
        if cut is not None:  # "百万千瓦": the run ends where the unit 千瓦 begins
            number = CN_NUMBER.match(norm, s, cut)  # (endpos, not a copy of the text up to cut)
            if number is None:
                return [], cut
        cn_text = number.group()
        value_range = parse_chinese_range(cn_text)
        if not value_range and len(cn_text) > 1 and all(c in CN_DIGITS for c in cn_text):
            if not (len(cn_text) == 2 and norm.startswith("折", number.end())):  # "七五折" is 0.75
                return [], number.end()  # "唯一一个": digits read one by one are years, not counts
        value = value_range[0] if value_range else parse_chinese(cn_text)
        if value is None:
            return [], number.end()
        reading = self.tail.read(s, number.end(), value, numeral="chinese")
        if reading is None:
            return self._chinese_without_unit(s, number.end(), cn_text, value)
        if value_range:
            reading.value_high = value_range[1] * reading.factor
            reading.reasons.append(reasons.RANGE)
        if reading.approx is None and self._indefinite_before(s, cn_text):
            reading.approx = self.norm[s - 1]  # "数万次", "几十万人": some tens of thousands, at least the scale
        unit = self.rules.unit_record(reading)
        if unit and "duration" in unit.tags and not self._duration_is_claim(s, reading):
            return [self.make.date(dates.DateSpan(s, reading.end, None))], reading.end  # 过去一年
        if not self._chinese_is_a_count(s, cn_text, reading):
            return [], reading.end
        return self.make.finish(reading)

    def _formal_run(self, s: int, run_end: int) -> tuple[int | None, int]:
        """Where to go on when the run at s, as the original text writes it, holds a formal numeral
        (壹 贰 叁 ... 拾 佰 仟) that is no number (else None), and up to where the number may be read
        (the end of the text, unless the run begins with simple numerals). The formal characters
        are also words (队伍, 陆续, 收拾, 大肆) and names (玖龙纸业): a formal numeral is read in a
        run of formal numerals of two characters or more ('叁仟元', '壹万贰仟元'), or alone before
        money ('伍元'); a run that mixes them with simple numerals is read from its first simple one
        ('队伍一万多人') and up to its first formal one ('三百人陆续')."""
        whole = len(self.norm)
        if run_end - s > MAX_RUN:
            return None, whole  # no number: read (and skipped) whole, as any run this long
        original = self.make.text[s:run_end]
        if not any(c in FORMAL for c in original):
            return None, whole
        simple = next((i for i, c in enumerate(original) if c not in FORMAL and c not in "零〇万亿萬億"), None)
        if simple is not None:
            if simple:
                return s + simple, whole
            return None, s + next(i for i, c in enumerate(original) if c in FORMAL)
        if len(original) > 1 or (unit := self.lex.unit_at(self.norm, run_end)) is not None and unit.kind == "money":
            return None, whole
        return run_end, whole

    def _indefinite_before(self, s: int, cn_text: str) -> bool:
        """数 before a scale ('数万次', '数十家', '数亿元') is an indefinite digit, unless it ends a
        word ('人数', '指数', '少数')."""
        if not (s and self.norm[s - 1] in "数几" and cn_text[0] in "十百千万亿"):
            return False  # 几 likewise: "几十万人"
        from reviewer.extract.segmenter import get_segmenter

        words = get_segmenter().cut(self.norm[max(0, s - 4) : s])
        return bool(words) and words[-1] in (self.norm[s - 1], "好几")

    def _claim_word_before(self, s: int) -> bool:
        """A duration's claim word (durations.tsv) ends at s: '提前一年'."""
        return any(s >= len(w) and self.norm.startswith(w, s - len(w)) for w in self.lex.duration_claim)

    def _duration_is_claim(self, s: int, reading: Reading) -> bool:
        """A duration in Chinese numerals is a period the text refers to ('过去五年', '这一年',
        '三年行动计划') unless it is the claim: after 连续, 历时 ... (durations.tsv); bounded
        ('不到一年', '超过两年'); with a half ('历时两年半'); or counted in months or weeks, which
        name no plan or period of review ('十八个月', '八个月大'), unless a period word surrounds it."""
        if self.rules.duration_is_claim(s):
            return True
        bound = self._bound_before(s)
        if bound is not None and not any(bound.endswith(w) for w in self.lex.period_before):
            return True
        if reasons.HALF in reading.reasons or reading.unit != "年":
            return not self.rules.is_duration_period(reading)
        return False

    def _chinese_is_a_count(self, s: int, cn_text: str, reading: Reading) -> bool:
        """Chinese numerals are also words (一个个, 一批, 三个示范区): keep only real counts."""
        norm = self.norm
        unit = self.rules.unit_record(reading)
        qualified = reading.approx is not None
        before = norm[s - 1] if s else ""
        if before in QUOTES_OPEN:
            return False
        if (
            cn_text == "一"
            and reading.kind != "multiple"
            and not (self.rules.is_distributive(s) or self._one_is_a_count(s, reading))
        ):
            return False  # "一批", "一个", "一年": the article, not a count ("增长一倍" is a figure)
        if cn_text == "二" and reading.kind == "quantity" and unit is not None and "count" in unit.tags:
            return False  # a count of two is 两; "高考二本", "二所": a tier's or an item's name
        if norm.startswith(("规模", "级别"), reading.end) and reading.approx is None:
            reading.approx, qualified = norm[reading.end : reading.end + 2], True  # "6所万人规模的学校"
        scale_only = all(c in "百千万亿" for c in cn_text)
        if scale_only and not (qualified or self.rules.suffix_qualifier(reading.end) is not None):
            return False  # "千家万户", "百年": idioms, unless bounded ("近百名", "千万元以上")
        if unit and "rhetorical" in unit.tags and reading.value < 10:
            countable = "count" in unit.tags and unit.written not in ORDINAL_UNITS  # not "四方", "汕头港三期"
            real = countable and self.rules.is_real_count(s, reading.end, int(reading.value))
            if unit.kind == "money" or not (qualified or real):
                return False  # "一批", "三个示范区", "二元结构"; but "张士、浑南两个出口加工区"
            if not qualified:
                reading.reasons.append(reasons.LISTED_COUNT)
        return not self._inside_a_word(s, reading.end)

    def _one_is_a_count(self, s: int, reading: Reading) -> bool:
        """一 is a count, not the article, with a half ('一个半月'), after a bound ('近一公斤',
        '约一公里', '不到一年'), or in a duration that is the claim ('提前一年完成')."""
        if reasons.HALF in reading.reasons:
            return True
        unit = self.rules.unit_record(reading)
        if unit is not None and "duration" in unit.tags and self.rules.duration_is_claim(s):
            return True
        if self.norm.startswith(UPPER_LOWER_BOUNDS, reading.end):
            return True  # "从一个月以上压缩到": a bound after it makes 一 a number
        return self._bound_before(s) is not None

    def _bound_before(self, s: int) -> str | None:
        """The prefix qualifier before s that bounds the number ('近一公斤', '不到半年'), as a word
        of its own: not 约 of 签约 or 近 of 最近, nor one of NOT_BOUNDS."""
        bound = self.rules.prefix_qualifier(s)
        if bound is None or bound in NOT_BOUNDS:
            return None
        from reviewer.extract.segmenter import get_segmenter

        words = get_segmenter().cut(self.norm[max(0, s - len(bound) - 3) : s])
        return bound if words and len(words[-1]) <= len(bound) else None

    def _inside_a_word(self, s: int, end: int) -> bool:
        """'五台山', '七匹狼', '两台账': the numeral and its unit belong to a longer word."""
        from reviewer.extract.segmenter import get_segmenter

        window_start = max(0, s - 4)
        at = window_start
        # the text as written: the scanner's copy maps formal numerals, and 队伍 there is 队五
        for word in get_segmenter().cut(self.make.text[window_start : end + 4]):
            word_end = at + len(word)
            if at < end < word_end and (at >= s or len(word) > 2 and at < s):
                rest = self.norm[end:word_end]
                return rest not in self.lex.suffix_qualifiers  # "万吨级" is still 万吨
            if at < s and end <= word_end and len(word) >= 4 and get_segmenter().tag(word) in IDIOM_TAGS:
                return True  # "一波三折", "九牛一毛": an idiom holding the whole figure
            at = word_end
        return False

    def _chinese_ordinal(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        norm = self.norm
        value = parse_chinese(norm[s:run_end])
        if value is not None and value >= 1000:
            return self._milestone(s, run_end, value)
        if value is None or value > 100:
            return [], run_end
        running = self.running_count(s - 1, s, run_end, value, numeral="chinese")
        if running is not None:  # "连续第五年": the fifth year running, a count of years
            return self.make.finish(running)
        if self.rules.is_superlative(run_end):  # "第一大贸易伙伴": the largest, a ranking
            return self.make.finish(
                Reading(s - 1, run_end, "rank", value, unit="位", confidence=0.8, reasons=[reasons.RANKING])
            )
        stop = run_end
        if norm.startswith(("位", "名"), run_end) and not norm.startswith("名单", run_end):
            stop = run_end + 1
        if self.rules.is_rank_claim(s - 1, stop, placed=stop > run_end):
            return self.make.finish(
                Reading(s - 1, stop, "rank", value, unit="位", confidence=0.8, reasons=[reasons.RANKING])
            )
        return [], run_end

    def _lia(self, s: int) -> tuple[list[Figure], int]:
        """'俩产煤大市': 俩 is 两个 before a noun; '他俩', '哥俩', '俩人' are people, not a figure."""
        from reviewer.extract.segmenter import get_segmenter

        norm = self.norm
        before = norm[s - 1] if s else ""
        if before in PRONOUNS or before in QUOTES_OPEN or norm.startswith("人", s + 1):
            return [], s + 1
        seg = get_segmenter()
        words = seg.cut(norm[s + 1 : s + 6])
        if not words or not (seg.tag(words[0]) or "").startswith("n"):
            return [], s + 1
        return self.make.finish(Reading(s, s + 1, "quantity", Decimal(2), unit="个", confidence=0.6))

    def _milestone(self, s: int, run_end: int, value: Decimal) -> tuple[list[Figure], int]:
        """'出境的第一万架次国际货运航班': the count a milestone reaches (span without 第)."""
        reading = self.tail.read(s, run_end, value, numeral="chinese")
        unit = self.rules.unit_record(reading) if reading else None
        if reading is None or unit is None or "count" not in unit.tags:
            return [], run_end
        return self.make.finish(reading)

    def _chinese_top_n(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        """保持前三, 位居前两位, 前五大贸易伙伴: a place in a ranking counted from the top."""
        norm = self.norm
        value = parse_chinese(norm[s:run_end])
        if value is None or value > 100:
            return [], run_end
        if self.rules.is_superlative(run_end):
            return self.make.finish(
                Reading(s - 1, run_end, "rank", value, unit="位", confidence=0.7, reasons=[reasons.TOP_N])
            )
        stop = run_end
        if norm.startswith(("位", "名"), run_end) and not norm.startswith("名单", run_end):
            stop = run_end + 1
        elif self.lex.unit_at(norm, run_end):
            return [], run_end
        if self.rules.is_rank_claim(s - 1, stop, placed=stop > run_end):
            return self.make.finish(
                Reading(s - 1, stop, "rank", value, unit="位", confidence=0.7, reasons=[reasons.TOP_N])
            )
        return [], run_end

    def _chinese_without_unit(self, s: int, end: int, cn_text: str, value: Decimal) -> tuple[list[Figure], int]:
        """A Chinese numeral no unit follows: 三大 (a count of listed things), 十强 (a ranking),
        过千亿 (a scale word alone), 三省 (a noun used as a measure word); else nothing."""
        norm = self.norm
        rules = self.rules
        if norm.startswith("大", end) and 2 <= value <= 10:  # "党的十九大": a congress
            listed = self._n_big(s, end, value)
            return listed if listed else ([], end)
        if norm.startswith("强", end) and value < 100 and rules.is_top_n_claim(s):  # 百强: a list's name
            return self.make.finish(
                Reading(s, end + 1, "rank", value, unit="位", confidence=0.7, reasons=[reasons.TOP_N])
            )
        if all(c in "百千万亿" for c in cn_text) and any(c in "万亿" for c in cn_text):
            return self._scale_word_alone(s, end, value)
        measure = rules.noun_as_measure(s, end)
        if measure and 2 <= value < 10 and rules.is_real_count(s, end + len(measure), int(value)):
            reading = Reading(s, end + len(measure), "quantity", value, unit=measure, confidence=0.6)
            reading.reasons.append(reasons.LISTED_COUNT)
            return self.make.finish(reading)
        return [], end

    def _n_big(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int] | None:
        """'惠誉、穆迪、标普三大国际评级机构', '三大类': N大 counts real things where the text lists
        them or names a classification; '五大主导产业', '三大攻坚战' are labels."""
        unit = self.lex.unit_at(self.norm, end + 1)
        if unit is not None and unit.written == "类":  # "三大类": a count of classes
            return self.make.finish(Reading(s, end + 2, "quantity", value, unit="类", confidence=0.7))
        if not self.rules.is_real_count(s, end + 1, int(value)):
            return None
        return self.make.finish(
            Reading(s, end + 1, "quantity", value, unit="个", confidence=0.6, reasons=[reasons.LISTED_COUNT])
        )

    def _scale_word_alone(self, s: int, end: int, value: Decimal) -> tuple[list[Figure], int]:
        """'财政收入过千亿', '市场规模是百亿级别', '年客流量破亿': a scale word is the figure when it
        is bounded or graded and the context names what it measures; '千家万户', '亿万人民' are not."""
        norm = self.norm
        if s and is_ascii_digit(norm[s - 1]):
            return [], end  # "2千亿级": the scale of an Arabic number, never a figure alone
        approx = self.rules.prefix_qualifier(s)
        if approx is None and norm.startswith(("级别", "级", "规模"), end):
            approx = "级别" if norm.startswith("级别", end) else norm[end : end + (2 if norm[end] == "规" else 1)]
        if approx is None and s and norm[s - 1] == "数":
            approx = "数"
        found = self.rules.implied_unit(s, end) if approx else None
        if found is None:
            return [], end
        kind, unit = found
        why = [reasons.SCALED, reasons.UNIT_IMPLIED]
        reading = Reading(s, end, kind, value, unit=unit, approx=approx, confidence=0.6, reasons=why)
        return self.make.finish(reading)

    def _chinese_percent(self, s: int) -> tuple[list[Figure], int]:
        norm = self.norm
        number = CN_NUMBER.match(norm, s + 3) or ARABIC_NUMBER.match(norm, s + 3)
        if number is None:
            return [], s + 3
        value = parse_chinese(number.group()) if not is_ascii_digit(number.group()[0]) else parse_arabic(number.group())
        if value is None:
            return [], number.end()
        reading = Reading(s, number.end(), "percent", value, unit="%", confidence=0.85, reasons=[reasons.PERCENT_WORDS])
        reading.approx = self.rules.prefix_qualifier(s)
        return self.make.finish(reading)

    def _chinese_fraction(self, s: int, run_end: int) -> tuple[list[Figure], int]:
        norm = self.norm
        denominator = parse_chinese(norm[s:run_end])
        number = CN_NUMBER.match(norm, run_end + 2)
        if number is None or not denominator:
            return [], run_end + 2
        numerator = parse_chinese(number.group())
        if numerator is None:
            return [], number.end()
        reading = Reading(
            s,
            number.end(),
            "fraction",
            numerator / denominator,
            unit="分之",
            confidence=0.85,
            reasons=[reasons.FRACTION_WORDS],
        )
        reading.approx = self.rules.prefix_qualifier(s)
        return self.make.finish(reading)

    def _half_year_is_claim(self, at: int) -> bool:
        """半年 is a period (上半年, 半年报, 再有半年左右) unless bounded or the claim: '不到半年的时间',
        '仅用半年'."""
        if self.rules.duration_is_claim(at):
            return True
        bound = self._bound_before(at)
        return bound is not None and not any(bound.endswith(w) for w in self.lex.period_before)

    def read_half(self, at: int, start: int | None = None) -> tuple[list[Figure], int]:
        """一半 / 近半 / 过半 (a share) and 半日 / 半小时 (half a unit)."""
        norm = self.norm
        s = at if start is None else start
        unit = next((u for u in TIME_UNITS_FOR_HALF if norm.startswith(u, at + 1)), None)
        before = norm[at - 1] if at else ""
        if unit and start is None:
            if before and before in "上下前后大多" or unit == "年" and not self._half_year_is_claim(at):
                return [], at + 1  # 上半年 is a period
            record = self.lex.units[unit]
            reading = Reading(
                s,
                at + 1 + len(unit),
                record.kind,
                Decimal("0.5"),
                unit=record.unit,
                confidence=0.8,
                reasons=[reasons.HALF],
            )
            reading.approx = self.rules.prefix_qualifier(s)
            return self.make.finish(reading)
        approx = self.rules.prefix_qualifier(s)
        share_verb = bool(before) and before in "占超逾过近"  # (at the text's start there is none)
        if start is not None or approx or share_verb:
            nxt = norm[at + 1] if at + 1 < len(norm) else ""
            if start is None and nxt and nxt not in CLAUSE_END and nxt not in "、以左）)":
                if not (approx or share_verb):
                    return [], at + 1
            reading = Reading(s, at + 1, "fraction", Decimal("0.5"), unit="半", confidence=0.75, reasons=[reasons.HALF])
            reading.approx = approx or (before if before and before in "超逾过近" else None)
            return self.make.finish(reading)
        return [], at + 1
