"""A small reader of a figure's clause, on jieba's part-of-speech tags: what the figure measures.

A clause (the text between two clause marks) is segmented once, with each figure and date in it
standing as one token, and read for every figure it holds. The indicator is the shortest phrase
that names the metric (GUIDE, "Fields"):

- subject … verb … figure: the clause's words before the figure, without its scope (全省法院),
  its time words (近两年, 每年), its adverbs (继续) and the copula or change phrase before the
  number (达, 同比增长): 全省法院受理案件1425918件 -> 受理案件;
- a phrase opened by a preposition (从2022年的…, 比上年…, 对X…) is skipped: the metric is what
  stands before it, or the verb phrase after its object (对…父母发出家庭教育令561份 -> 发出家庭教育令);
- figure … counted noun: 设立180余个生态司法保护基地 -> 生态司法保护基地; a clause that opens with its
  figure names the counted group with what is said of it (48个集体…获省部级以上表彰 -> 集体获…);
- X占Y的比重为Z%: indicator X, change 占;
- a clause with no subject of its own takes the previous figure's indicator (…，增长11.06%), and a
  clause whose subject is only a place takes it for that place (东部地区…超八成、西部地区超七成).

The rules are data: resources/lexicons/clause_rules.tsv says which words and tags open a phrase,
name a scope or a time, qualify a predicate, and which tags name things or predicates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reviewer.extract.clause_tokens import (
    CLAUSE_BREAKS,
    DATE_TAG,
    FIGURE_TAG,
    MAX_CLAUSE,
    PUNCT,
    SENTENCE_BREAKS,
    WORD_CLASSES,
    ClauseIndex,
    Token,
    _tag_of,
    clause_rules,
)
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.reading import SPACES
from reviewer.model import Figure, Kind

__all__ = ["ClauseIndex", "IndicatorReader", "Token", "clause_rules"]

# examples listed in brackets after a noun ("城市（上海、北京、深圳）"): a gloss, not the metric
EXAMPLES_IN_BRACKETS = re.compile(r"[（(][^（）()]*、[^（）()]*[）)]")
# a short gloss in brackets inside a phrase, not at its end ("中欧班列（武汉）年度开行量")
PLACE_GLOSS = re.compile(r"[（(]([^（）()、]{1,6})[）)](?=.)")
# a note marker ("中等职业教育[32]招生"): GUIDE's none, no part of the metric's name
NOTE_MARKER = re.compile(r"\[\d{1,3}\]")
CLOSING = set('”’"）)》】」')
QUOTES = set("“”‘’《》「」")
OPENING_QUOTES = set('“‘"《「（(【')
JOINERS = {"、", "和", "及", "与", "以及", "或"}
MAX_NOUN = 14
SHORT_HEAD = 5  # characters of a compound's head after its inner verb, where the clause ends
MAX_QUALIFIER = 10  # characters of a clause qualifying a counted noun through 的
MAX_PREDICATE = 22
MAX_OWN_ITEM = 3  # characters of a parallel item that names only its last words (在校生, 贷款余额)
MAX_SAID = 10  # characters of a short predicate said of a counted group ('实现再就业', '集中签约')
COUNTED = {Kind.QUANTITY, Kind.MONEY}
# qualifiers that make a figure a threshold, which in a subject names a group ("超过30亿元的企业")
BOUNDS = frozenset(
    {"超", "超过", "过", "上", "逾", "以上", "及以上", "突破", "不低于", "不少于", "以下", "不足", "不到", "级"}
)
PARAGRAPH_REACH = 120  # how far back in its paragraph a figure with no subject looks for one
PLACE_REACH = 400  # how far back a subject that is only a place looks for its metric


class IndicatorReader:
    """Reads the indicator and the change phrase of each figure from its clause."""

    def __init__(
        self,
        text: str,
        found: Sequence[Figure],
        lexicon: Lexicon,
        segmenter,
        strip_tail: Callable[[str, Figure], str],
        split_change: Callable[[str], tuple[str | None, str]],
        split_comparison: Callable[[str], tuple[str | None, str]],
        trim_examples: Callable[[list[str]], list[str]],
        shorten: Callable[[list[str]], str],
    ):
        self.text = text
        self.found = found
        self.lex = lexicon
        self.rules = clause_rules(lexicon)
        self.clauses = ClauseIndex(text, found, segmenter)
        self.strip_tail = strip_tail
        self.split_change = split_change
        self.split_comparison = split_comparison
        self.trim_examples = trim_examples
        self.shorten = shorten
        self.lead_words = lexicon.indicator_lead_stop
        self.rank_words = set(lexicon.rank_context)
        self.suffixes = set(lexicon.suffix_qualifiers)
        self.regions = frozenset(self.rules.region_endings)
        self.max_length = 24
        # what each figure's clause named before it, for the next figure with no subject
        self.scope_of: dict[int, str] = {}
        # figures whose clause names nothing they measure (their indicator, if any, is carried
        # from before): where the document has a topic, they may take it (topic.py)
        self.unnamed: set[int] = set()
        self.chained: set[int] = set()  # figures that took the indicator of the one before them
        self.far: set[int] = set()  # figures that took an indicator from beyond their sentence
        self._metrics: dict[str, str] = {}
        self._current = -1

    # -- one figure ------------------------------------------------------------------------------

    def read(self, index: int, previous: Figure | None) -> tuple[str | None, str | None]:
        indicator, change = self._read(index, previous)
        if indicator and previous is not None and previous.indicator and self.measures_another(indicator):
            figure = self.found[index]
            measured = self._metric_words(previous.indicator)
            if (
                self._same_sentence(previous.end, figure.start)
                and len(measured) >= 2
                and not self.measures_another(measured)
                and indicator not in measured
            ):
                return measured + indicator, change  # "申请发明专利量比上年增长1.3倍，增长率排全国第1位"
        return indicator, change

    def _read(self, index: int, previous: Figure | None) -> tuple[str | None, str | None]:
        figure = self.found[index]
        self._current = index
        start, end = self.clauses.bounds(figure)
        tokens = self.clauses.tokens(start, end)
        at = next((k for k, t in enumerate(tokens) if t.fig == index), -1)
        if at < 0:
            return None, None
        rank = figure.kind is Kind.RANK
        object_of = self._in_prepositional_phrase(tokens, at)
        if previous is not None and previous.indicator and self._next_counted_group(tokens, at):
            return self._counted_noun(tokens[at + 1 :], object_of) or previous.indicator, None  # "48个集体和64个人"
        run = self._run_of(tokens, at, figure, rank)
        if run:
            return run, None  # "供电可靠性连续5年位列全国第一", "连续四年举办长江大保护司法论坛"
        place = self._glossed_place(tokens, at)
        if place:
            self.unnamed.add(index)  # "宁波（6.3%）和苏州（5.1%）": the place's figure of the metric in mind
            return self._carried(previous, figure, start, place), None
        measure = self._measure_of(tokens, at) or self._base_of(tokens, at, figure)
        if measure:
            return measure, None  # "以GDP 3538.52亿元排名第11位", "以10.9%的财政收入增速，排名第一位"
        left, change = self._left(tokens[:at], start, figure, rank)
        left = self._before_glossed_state(left, tokens, at)
        allow_share = change is None and figure.kind not in COUNTED and self._share_leads_to(tokens, at)
        compared = figure.kind in (Kind.MULTIPLE, Kind.FRACTION, Kind.PERCENT, Kind.PP)  # "是X的3.6倍"
        phrase, scope, share, lone = self._phrase(left, rank, allow_share, compared)
        if (
            not phrase
            and figure.kind is Kind.QUANTITY
            and self.rules.word_has(scope, "noun")
            and bool(left)
            and left[-1].word == scope
            and not self.text[left[-1].end : figure.start].strip()
        ):
            phrase = scope  # "城镇10个、村庄26个": the place a count counts (城镇为35.0% is the place's)
        change = change or share
        if phrase and self._starts_with_share(phrase):
            subject = self._carried(previous, figure, start, "")
            if subject and phrase in subject:
                phrase = subject
            elif subject and not self._starts_with_share(subject):
                phrase = subject + phrase  # "工业投资…，占固定资产投资比重从30.1%提升至35.8%"
        right = tokens[at + 1 :]
        if self.rules.word_has(figure.unit or "", "duration") and figure.kind is Kind.QUANTITY:
            took = self._time_taken(phrase, lone, left, right, figure.start, change)
            if took:
                return took, change  # "每天步行[5分钟]", "[48小时]出海"
        opens = not phrase and not self._has_content(left)
        if opens and figure.kind in COUNTED:
            named = self._counted_group(right)
            if named:
                return named, change  # "48个集体…获省部级以上表彰", "其中46件转化为…"
        if figure.kind in COUNTED:
            noun = self._counted_noun(right, object_of)
            listed = at > 0 and tokens[at - 1].word in ("、", "等")  # "江苏、河南等10余个省市"
            bound = (
                (figure.approx or "") in BOUNDS
                or (bool(right) and right[0].word in BOUNDS)
                or (at > 0 and tokens[at - 1].word in BOUNDS)
            )
            metric = self._metric_words(phrase) if noun and phrase and self._names_a_metric(phrase) else ""
            if metric and bound:
                return metric, change  # "总资产超千亿元非金融类企业": the threshold of the metric
            if metric and right and right[0].word == "的":
                return noun + metric, change  # "获得总额650万元的组合支持": the total of what follows
            if noun and phrase and not lone and self._of_a_thing(phrase, noun):
                return phrase + noun, change  # "按初期半导体散热设备[500亿元]市场规模", "早期市场就有[50亿元]的容量"
            if noun:  # what the figure counts or measures, whatever the words before say
                if at > 0 and self.rules.has(tokens[at - 1], "pivot"):
                    noun = self._counted_group(right) or noun  # "实现[20个]项目集中签约"
                return noun, change  # "攻克13982件执行难度大的“骨头案”", "通达欧亚9个国家"
            if noun and (not phrase or self._ends_with_verb(phrase) or len(phrase) <= 2 or listed):
                return noun, change  # "设立180余个生态司法保护基地"
            framed = at + 1 < len(tokens) and self.rules.has(tokens[at + 1], "frame")
            if framed and phrase and self._ends_with_verb(phrase):
                phrase = self._without_last_verb(phrase)  # "价格进入万元级别" -> 价格
        if rank and right and right[0].word != "的" and not self.rules.has(right[0], "verb"):
            noun = self._counted_noun(right).split("、")[0]  # "[前五]大贸易伙伴|东盟、欧盟…"
            if len(noun) >= 2:
                return noun, change  # "东盟重回我国[第一]大贸易伙伴": what it ranks first as
        if figure.kind in (Kind.PERCENT, Kind.FRACTION) and right and right[0].word != "的" and not change:
            k = 0
            while k < len(right) and right[k].word in self.suffixes:
                k += 1  # "[95%]以上农村卫生服务中心"
            noun = self._counted_noun(right[k:]) if k < len(right) and right[k].word != "的" else ""
            if noun and not right[k].tag.startswith("v"):
                return noun, change  # "超[一半]出口量为高端产品", "项目中有[八成]核心成员来自国内"
        if figure.kind in (Kind.PERCENT, Kind.FRACTION) and right and right[0].word == "的" and not change:
            noun = self._counted_noun(right)
            if noun and (not phrase or lone or self._ends_with_verb(phrase)):
                return noun, change  # "进口坚果需缴纳12%的关税": the rate of what follows
        if (
            previous is not None
            and len(previous.indicator or "") > 1
            and previous.end > start
            and self._listed_place(left)
        ):
            return previous.indicator, change  # "州直新增市场主体2.4万户、塔城地区[9021户]"
        part = self._part_of_previous(phrase, previous, figure, tokens[:at])
        if part:
            return part, change  # "制定、修订国家标准1870项，其中新制定[1161项]" -> 新制定国家标准
        item = self._listed_item_start(left) if phrase else -1
        if len(phrase) == 1 and item >= 0:
            whole = _trim_edges(self.text[left[item].start : left[-1].end].strip("“”‘’\"'"))
            if len(whole) > 1:
                return whole, change  # "…35万亩、封育[22万亩]", "、还绿[1683公顷]": no character of it alone
        if item >= 0:
            if lone:
                return phrase + self._listed_object(previous, figure), change  # "取消行政权力51项、下放[387项]"
            owner = self._listed_owner(previous, figure) if self._only_a_measure(phrase) else ""
            if owner:
                return owner + phrase, change  # "安排市重点项目510个、完成投资"
        if phrase and not lone:
            return self._with_shared_head(phrase, previous, figure, tokens[:at]), change
        carried = self._carried(previous, figure, start, scope, prefix=not rank)
        if carried or not phrase:
            self.unnamed.add(index)
        return carried or phrase or None, change

    def own_counted_noun(self, index: int) -> str:
        """The noun a counted figure of a list names for itself ('…和5180辆[出租车]')."""
        figure = self.found[index]
        if figure.kind not in COUNTED:
            return ""
        start, end = self.clauses.bounds(figure)
        tokens = self.clauses.tokens(start, end)
        at = next((k for k, t in enumerate(tokens) if t.fig == index), -1)
        return self._counted_noun(tokens[at + 1 :]) if at >= 0 else ""

    def _of_a_thing(self, phrase: str, noun: str) -> bool:
        """Whether the noun after a figure is a measure (市场规模, 容量) of the thing the phrase before
        it names (a noun phrase, not a predicate): '初期半导体散热设备|[500亿元]|市场规模'."""
        if not self._names_a_metric(noun) or self._names_a_metric(phrase) or len(phrase) > MAX_NOUN:
            return False
        words = self.clauses.words_of(phrase)
        return bool(words) and all(self._compound_noun(t) for t in words)

    def measures_another(self, indicator: str) -> bool:
        """Whether an indicator is only a measure of another metric (增速, 比重: role `of`)."""
        return self.rules.word_has(indicator, "of")

    def metric_of(self, indicator: str) -> str:
        """The metric an indicator names at its end ('完成一般公共预算收入' -> 一般公共预算收入), or ''."""
        metric = self._metrics.get(indicator)
        if metric is None:
            metric = self._metric_words(indicator) if self._names_a_metric(indicator) else ""
            self._metrics[indicator] = metric
        return metric

    def _metric_words(self, phrase: str) -> str:
        """The words naming the measure at the end of a phrase: after its last verb, without a
        numeral or pronoun before them ('…成为首个|总资产', '发放|总额')."""
        words = self.clauses.words_of(phrase)
        k = len(words)
        while k > 0 and not (self.rules.has(words[k - 1], "verb") and words[k - 1].tag != "vn"):
            k -= 1
        while k < len(words) - 1 and words[k].tag in ("m", "q", "mq", "r", "u", "ul", "uj", "uz", "ug"):
            k += 1
        return "".join(t.word for t in words[k:])

    def _names_a_metric(self, phrase: str) -> bool:
        """Whether a phrase ends with a word naming a measure (产值, 总资产, 投资, 额, 率 …)."""
        metrics = self.rules.metric_words
        return any(phrase[-n:] in metrics for n in range(1, min(len(phrase), self.rules.longest_metric) + 1))

    def _measure_of(self, tokens: list[Token], at: int) -> str:
        """'以GDP 3538.52亿元排名第11位', '以8.5%的增速位居全国第三位': a figure that is the object
        of a preposition saying by what a subject is ranked or judged (role `by`) measures the noun
        between them, else the noun it qualifies through 的."""
        rules = self.rules
        k = at - 1
        while k >= 0 and at - k <= 3 and not rules.has(tokens[k], "by"):
            if not (rules.has(tokens[k], "noun") or tokens[k].tag == "eng") or rules.has(tokens[k], "scope"):
                return ""
            k -= 1
        if k < 0 or not rules.has(tokens[k], "by") or tokens[k].tag != "p":
            return ""
        between = tokens[k + 1 : at]
        if between:
            return self.text[between[0].start : between[-1].end] if self._names_a_thing(between) else ""
        m = at + 1
        while m < len(tokens) and tokens[m].word in self.suffixes:
            m += 1
        if m >= len(tokens) or tokens[m].word != "的":
            return ""
        run: list[Token] = []
        for n in range(m + 1, len(tokens)):
            t, after = tokens[n], tokens[n + 1] if n + 1 < len(tokens) else None
            if rules.has(t, "scope") or rules.has(t, "place") or t.tag in (FIGURE_TAG, DATE_TAG) or t.word in PUNCT:
                break
            if rules.has(t, "noun") and not rules.has(t, "verb"):
                run.append(t)
            elif (
                t.tag in ("v", "vn")
                and after is not None
                and rules.has(after, "noun")
                and not rules.has(after, "verb")
                and not (rules.has(after, "scope") or rules.has(after, "place"))
            ):
                run.append(t)  # "财政|收入|增速"
            else:
                break
        if not run or all(rules.has(t, "frame") for t in run):
            return ""  # "以8.5%的增速" names its measure even where the word also says a change
        phrase = self.text[run[0].start : run[-1].end]
        return phrase if len(phrase) <= MAX_NOUN else ""

    def _time_taken(
        self, phrase: str, lone: bool, left: list[Token], right: list[Token], at: int, change: str | None
    ) -> str:
        """What a duration measures: the doing that takes it. A verb alone before it (每天步行
        [5分钟]), else the predicate after it that ends the clause ([48小时]出海, 平均[2小时]内闭环
        处置, 提前[一年]完成…任务), where nothing before it says what changed (压缩至[10个工作日])."""
        adjacent = bool(left) and not self.text[left[-1].end : at].strip()
        if adjacent and len(left) > 1 and self.rules.has(left[-2], "temporal") and len(left[-1].word) > 1:
            phrase = left[-1].word  # "王爷爷每天|步行[5分钟]": the doing right after its time word
        right_before = adjacent and left[-1].word == phrase
        names_after = bool(right) and (  # "完善[15分钟]医疗健康服务圈", "完成[3年]援建任务"
            self._compound_noun(right[0]) or (len(right[0].word) > 1 and bool(self._counted_noun(right)))
        )
        if phrase and (lone or right_before) and not names_after:
            return phrase
        k = 0
        while k < len(right) and right[k].word in self.suffixes:
            k += 1
        spent = self._done_in(right[k:])
        if spent:
            return spent
        said = right[k:]
        end = next(
            (m for m, t in enumerate(said) if t.word == "等" or (t.word in PUNCT and t.word not in QUOTES)), len(said)
        )
        closed = end < len(said) or (bool(said) and self._ends_clause(said))
        said = said[:end]
        if (
            said
            and closed
            and (change is None or change in self.lex.change_prefixes)  # "平均[2小时]内闭环处置"
            and self.rules.has(said[0], "verb")
            and said[0].word not in self.lex.change_verbs  # "连续[8年]增长": a run of a change
            and not any(t.tag in (FIGURE_TAG, DATE_TAG) for t in said)
            and said[-1].end - said[0].start <= MAX_PREDICATE
        ):
            return self.text[said[0].start : said[-1].end]
        return ""

    def _before_glossed_state(self, left: list[Token], tokens: list[Token], at: int) -> list[Token]:
        """'天津一季度财政收入增速为负值（[-19.4%]）': a figure in brackets glosses the state the clause
        says its subject is in; the metric is the subject, before the copula."""
        if not (0 < at < len(tokens) - 1 and tokens[at - 1].word in ("（", "(") and tokens[at + 1].word in ("）", ")")):
            return left
        copula = max((k for k, t in enumerate(left) if k > 0 and self.rules.word_has(t.word, "copula")), default=-1)
        return left[:copula] if copula > 0 else left

    def _done_in(self, right: list[Token]) -> str:
        """'仅用[三个月]的时间，就完成了展园的招展', '用[13年]时间圆满完成了…任务': a duration framed as
        the time something took measures what was done in it, said after the frame (in its clause,
        else in the next one of the sentence), without the adverbs before the verb."""
        k = 1 if right and right[0].word == "的" else 0
        if k >= len(right) or not self.rules.has(right[k], "frame") or not right[k].word.startswith("时"):
            return ""
        k += 1
        if k < len(right) and right[k].tag == "f":
            k += 1  # "…的时间里"
        said = right[k:]
        if not said:
            end = right[-1].end
            if end >= len(self.text) or self.text[end] in SENTENCE_BREAKS:
                return ""
            nxt = end + 1
            stop = nxt
            while stop < len(self.text) and stop - nxt < MAX_CLAUSE and self.text[stop] not in CLAUSE_BREAKS:
                stop += 1
            said = self.clauses.tokens(nxt, stop)
        while said and self.rules.has(said[0], "adverb"):
            said = said[1:]  # "就|完成了…", "又|完成了…"
        if (
            not said
            or not any(self.rules.has(t, "verb") for t in said[:2])  # "圆满|完成了…"
            or any(t.tag in (FIGURE_TAG, DATE_TAG) for t in said)
            or said[-1].end - said[0].start > MAX_PREDICATE + 8
        ):
            return ""
        return self.text[said[0].start : said[-1].end]

    def _glossed_place(self, tokens: list[Token], at: int) -> str:
        """'宁波（[6.3%]）', '南通市（[209.8亿元]）': a figure alone in brackets after a place glosses
        that place with its figure of the metric the text speaks of; the place, or ''."""
        if not (2 <= at and at + 1 < len(tokens)) or tokens[at - 1].word not in ("（", "("):
            return ""
        if tokens[at + 1].word not in ("）", ")"):
            return ""
        before = tokens[at - 2]
        return before.word if before.tag == "ns" or self.rules.has(before, "place") else ""

    def _base_of(self, tokens: list[Token], at: int, figure: Figure) -> str:
        """'较发行底价[18.60元/股]溢价29.09%': a level written as the base of a comparison (role
        `base`: 较, 比) measures the noun between them (a verb may qualify it: 发行|底价)."""
        if figure.kind not in COUNTED:
            return ""
        k = at - 1
        while k >= 0 and at - k <= 3 and not self.rules.word_has(tokens[k].word, "base"):
            t = tokens[k]
            qualifies = t.tag == "v" and k + 1 < at and self._compound_noun(tokens[k + 1])
            if not (self._compound_noun(t) or qualifies) or self.rules.has(t, "scope"):
                return ""
            k -= 1
        if k < 0 or k == at - 1 or not self.rules.word_has(tokens[k].word, "base"):
            return ""
        between = tokens[k + 1 : at]
        if not self._compound_noun(between[-1]):
            return ""
        return self.text[between[0].start : between[-1].end]

    def _run_of(self, tokens: list[Token], at: int, figure: Figure, rank: bool) -> str:
        """'X连续5年位列全国第一': a run of years is measured by what the clause says was done in
        them: the subject before the run word with the predicate after the figure."""
        rules = self.rules
        k = at - 1
        while k >= 0 and rules.has(tokens[k], "adverb") and not rules.has(tokens[k], "run"):
            k -= 1
        if k < 0 or not rules.has(tokens[k], "run") or figure.kind is not Kind.QUANTITY:
            return ""
        predicate: list[Token] = []
        for t in tokens[at + 1 :]:
            ranked = t.tag == FIGURE_TAG and self.found[t.fig].kind is Kind.RANK  # "位列全国第一"
            if t.tag in (FIGURE_TAG, DATE_TAG) and predicate and not ranked:
                break
            predicate.append(t)
        while predicate and predicate[-1].tag == FIGURE_TAG and self.found[predicate[-1].fig].kind is Kind.RANK:
            said_rank = predicate.pop()
            predicate = self._strip_tail(predicate, False) + [said_rank]
            break
        else:
            predicate = self._strip_tail(predicate, False)
        while predicate and (rules.has(predicate[0], "adverb") or predicate[0].tag in (FIGURE_TAG, DATE_TAG)):
            predicate = predicate[1:]
        if len(predicate) < 2 or not any(rules.has(t, "verb") for t in predicate):
            return ""  # "连续五年保持30%以上": a verb alone before another figure says too little
        said = self.text[predicate[0].start : predicate[-1].end]
        if len(said) > MAX_PREDICATE:
            return ""
        subject, _, _, lone = self._phrase(tokens[:k], rank, False)
        return (subject if subject and not lone else "") + said

    def _next_counted_group(self, tokens: list[Token], at: int) -> bool:
        """'48个集体和[64个]人': a count after a joiner that follows another count's noun."""
        if at < 2 or tokens[at - 1].word not in JOINERS:
            return False
        k = at - 2
        while k >= 0 and self.rules.has(tokens[k], "noun") and tokens[k].tag not in (FIGURE_TAG, DATE_TAG):
            k -= 1
        if k < at - 2 and k >= 0 and tokens[k].word == "的":
            k -= 1  # "12%的关税和[9%]的增值税"
        if not (k >= 0 and k < at - 2 and tokens[k].tag == FIGURE_TAG):
            return False
        kind = self.found[tokens[k].fig].kind
        return kind in COUNTED or (kind is Kind.PERCENT and tokens[k + 1].word == "的")

    def _share_leads_to(self, tokens: list[Token], at: int) -> bool:
        """Whether a share verb leads to the figure ('占国内生产总值的[2.09%]') rather than naming
        the share whose change the figure is ('占…比重从2022年的[30.1%]')."""
        for k in range(at - 1, -1, -1):
            t = tokens[k]
            if self.rules.has(t, "share"):
                return True
            if self.rules.word_has(t.word, "opener") and t.tag == "p" and not self.rules.word_has(t.word, "tail"):
                return False
        return False

    def _starts_with_share(self, phrase: str) -> bool:
        return any(phrase.startswith(w) for w in self.rules.share_words)

    # -- the words before the figure --------------------------------------------------------------

    def _left(self, tokens: list[Token], start: int, figure: Figure, rank: bool) -> tuple[list[Token], str | None]:
        """The clause's tokens before the figure, without the copula, qualifier and change phrase
        that lead to the number; and the change phrase."""
        end = figure.start
        while end > start and self.text[end - 1] in SPACES:
            end -= 1
        change: str | None = None
        for _ in range(8):
            before = end
            if change is None:
                found, rest = self.split_change(self.text[start:end])
                if found is None:
                    found, rest = self.split_comparison(self.text[start:end])
                if found is not None:
                    change, end = found, start + len(rest)
            end = self._word_end(tokens, start + len(self.strip_tail(self.text[start:end], figure)))
            if rank:
                end = self._strip_rank_words(start, end)
            end = self._strip_tail_tokens(tokens, start, end, rank)
            if end == before:
                break
        return [t for t in tokens if t.end <= end], change

    def _word_end(self, tokens: list[Token], cut: int) -> int:
        """Where a trim of the text cuts into a word the rules list as a noun or verb ('产|能扩充':
        the particle 能 trimmed off 产能; '惠|及'), the end of that word ('办结率均|达' is cut)."""
        for t in tokens:
            if t.start < cut < t.end:
                return t.end if self.rules.words.get(t.word, frozenset()) & WORD_CLASSES else cut
        return cut

    def _strip_rank_words(self, start: int, end: int) -> int:
        """'…，中心城区[第一]', '居全国[第三]': the ranking's words and scope are not the metric."""
        changed = True
        while changed:
            changed = False
            for word in self.lex.rank_context:
                if end - len(word) >= start and self.text.startswith(word, end - len(word)):
                    end -= len(word)
                    changed = True
                    break
        return end

    def _strip_tail_tokens(self, tokens: list[Token], start: int, end: int, rank: bool) -> int:
        rules = self.rules
        while end > start:
            last = next((t for t in reversed(tokens) if t.end <= end), None)
            if last is None:
                return start
            if last.end < end and not self.text[last.end : end].isspace():
                return end  # the string trims stopped inside a word
            drop = (
                last.tag in (DATE_TAG, FIGURE_TAG, "m")
                or last.word in self.suffixes
                or rules.has(last, "temporal")
                or rules.has(last, "tail")
                or rules.has(last, "adverb")
                or rules.has(last, "run")
                or last.word in PUNCT
                or (rank and (last.word in self.rank_words or rules.has(last, "scope")))
            )
            if not drop:
                return end
            end = last.start
        return end

    # -- the phrase that names the metric ----------------------------------------------------------

    def _phrase(
        self, tokens: list[Token], rank: bool, allow_share: bool, compared: bool = False
    ) -> tuple[str, str, str | None, bool]:
        """(indicator, scope, share change, whether it is a verb alone) of the tokens before a
        figure."""
        rules = self.rules
        tokens = self._after_last_figure(tokens)
        opening = next((t for t in tokens if not rules.has(t, "adverb") and t.word not in PUNCT), None)
        if compared and opening is not None and rules.has(opening, "compare"):
            return "", "", None, False  # "…，是“九五”时期的3.6倍": the base of a comparison
        tokens, scope = self._strip_lead(tokens, rank)
        for j, token in enumerate(tokens):
            if self._is_opener(token, j, tokens) and not self._attribute(tokens, j):
                predicate = self._predicate_start(tokens, j)
                if predicate is not None and j == 0 and self._partner_metric(tokens, predicate):
                    pass  # "对共建“一带一路”国家进出口": the partner of a trade, kept with it
                elif predicate is not None:
                    tokens = tokens[predicate:]  # "对…父母[发出家庭教育令]"
                elif j == 0 and self._ends_in_verb(tokens):
                    pass  # "对东盟进出口": the preposition names whom the verb's metric is with
                else:
                    tokens = tokens[:j]  # "工业投资占固定资产投资比重[从2022年的]"
                break
        share: str | None = None
        if allow_share:  # after a phrase cut off ("与东盟|进出口规模占与RCEP贸易伙伴外贸规模的") too
            for j, token in enumerate(tokens):
                if rules.has(token, "share"):
                    share, tokens = token.word, tokens[:j]  # "X占Y的比重为Z%": X, 占
                    break
        tokens, more_scope = self._strip_lead(tokens, rank)
        scope = scope or more_scope
        tokens = self._strip_tail(tokens, rank)
        if not tokens or all(
            rules.has(t, "scope")
            or rules.has(t, "place")
            or rules.has(t, "temporal")
            or rules.has(t, "adverb")
            or t.word in self.lead_words
            for t in tokens
        ):
            places = [t for t in tokens if rules.has(t, "scope") or rules.has(t, "place")]
            scope = self.text[places[0].start : places[-1].end] if places else scope
            return "", scope, share, False
        if len(tokens) == 1 and tokens[0].tag == "p":
            return "", scope, share, False
        lone = len(tokens) == 1 and tokens[0].tag in ("v", "vd", "vi") and not rules.has(tokens[0], "noun")
        if (
            len(tokens) == 1
            and len(tokens[0].word) <= 2
            and self._compound_noun(tokens[0])
            and scope
            and self.text.endswith(scope, 0, tokens[0].start)
            and not self.rules.word_has(scope, "scope")
        ):
            return scope + tokens[0].word, "", share, False  # "黄河|旋风": a name jieba split at a place
        tokens = self._without_actor(self._without_distributive(tokens))
        kinds = [t for t in tokens if not rules.has(t, "determiner")]
        dropped: list[Token] = []
        if len(kinds) < len(tokens) and any(self._compound_noun(t) or t.tag == "vn" for t in kinds):
            dropped = [t for t in tokens if rules.has(t, "determiner")]
            tokens = kinds  # "发放各类救助金" -> 发放救助金: "all kinds of" names no metric
        words = self.trim_examples([t.word for t in tokens])
        if len(words) < len(tokens):
            tokens = tokens[len(tokens) - len(words) :]
            tokens, _ = self._strip_lead(tokens, rank)
            if not tokens:
                return "", scope, share, False
        base = tokens[0].start
        phrase = self.text[base : tokens[-1].end]
        for t in reversed(dropped):
            if base <= t.start:
                phrase = phrase[: t.start - base] + phrase[t.end - base :]
        if len(phrase) > self.max_length:
            phrase = self.shorten([t.word for t in tokens])
        phrase = self._without_place_gloss(NOTE_MARKER.sub("", EXAMPLES_IN_BRACKETS.sub("", phrase)))
        return _trim_edges(phrase), scope, share, lone

    def _without_place_gloss(self, phrase: str) -> str:
        """'中欧班列（武汉）年度开行量': a place in brackets inside a name glosses where it runs; the
        metric is named without it (a bracket that ends the phrase, '县（市）', stays)."""
        m = PLACE_GLOSS.search(phrase)
        if m is None:
            return phrase
        words = self.clauses.words_of(m.group(1))
        if not words or not all(t.tag == "ns" for t in words):
            return phrase
        return phrase[: m.start()] + phrase[m.end() :]

    def _without_distributive(self, tokens: list[Token]) -> list[Token]:
        """'平均每个事项|办理时间', '每台车可|节约费用': what a figure is given per (role `per`, with
        its measure word and noun, and a modal after it) is not the metric; a per-rate with a
        numeral stays ('每千人口执业医师', '每万人口发明专利拥有量')."""
        rules = self.rules
        k = 0
        if (
            k + 1 < len(tokens)
            and rules.word_has(tokens[k].word, "average")
            and rules.word_has(tokens[k + 1].word, "per")
        ):
            k += 1
        if k >= len(tokens) or not rules.word_has(tokens[k].word, "per"):
            return tokens
        k += 1
        if k >= len(tokens) or tokens[k].tag in ("m", "mq", "q") or not self._compound_noun(tokens[k]):
            return tokens  # "每千人口…", "每平方公里土地经济产出量": a rate per a number or a unit
        k += 1
        while k < len(tokens) and rules.word_has(tokens[k].word, "modal"):
            k += 1
        rest = tokens[k:]
        return rest if any(self._compound_noun(t) for t in rest) else tokens

    def _without_actor(self, tokens: list[Token]) -> list[Token]:
        """'高新区已累计投入专项资金', '设区市共下放行政审批权': who acts is not what is measured;
        the verb and its object are, where an adverb parts them from their subject (a subject
        right before its verb may be part of the metric's name: '参保人数', '公司实现营业收入')."""
        rules = self.rules
        for k, t in enumerate(tokens):
            if k == 0:
                if t.tag in ("v", "vd"):
                    return tokens
                continue
            if (
                t.tag not in ("v", "vd")
                or rules.has(t, "share")
                or rules.has(t, "tail")
                or self._is_opener(t, k, tokens)
            ):
                if rules.has(t, "noun") or rules.has(t, "place") or rules.has(t, "scope") or rules.has(t, "adverb"):
                    continue
                if t.word in JOINERS:
                    continue
                return tokens
            actor = [a for a in tokens[:k] if not rules.has(a, "adverb")]
            qualified = len(actor) < k  # an adverb between the subject and its verb
            objects = [o for o in tokens[k + 1 :] if rules.has(o, "noun") and o.tag != "vn" and len(o.word) > 1]
            if objects and actor and qualified:
                return tokens[k:]
            return tokens
        return tokens

    def _in_name(self, tokens: list[Token], k: int) -> bool:
        """Arabic digits the engine found no figure in, written into a word ('世界500强企业',
        '地铁1号线'): part of a name (figures and dates are tokens of their own)."""
        t = tokens[k]
        if not (t.word.isascii() and t.word.isdigit()) or k + 1 >= len(tokens):
            return False
        after = tokens[k + 1]
        if self.rules.has(after, "temporal"):
            return False  # "1季度": a time, not a name
        return after.start == t.end and after.tag not in (FIGURE_TAG, DATE_TAG) and after.word not in PUNCT

    def _threshold(self, tokens: list[Token], k: int) -> bool:
        """Whether the figure token at k is a threshold that names a group with the noun after it
        ('年产值超百亿元园区', '50万元以上项目', '超过30亿元的企业')."""
        m = k + 1
        while m < len(tokens) and tokens[m].word in self.suffixes:
            m += 1
        if (self.found[tokens[k].fig].approx or "") not in BOUNDS and not any(
            t.word in BOUNDS for t in tokens[k + 1 : m]
        ):
            return False  # "50万元以上项目": the qualifier written after the figure bounds it too
        if m < len(tokens) and tokens[m].word == "的":
            m += 1
        if m + 1 < len(tokens) and tokens[m].tag in ("a", "b"):
            m += 1  # "5000万元以上|重大|项目": an adjective before the noun
        return m < len(tokens) and self.rules.has(tokens[m], "noun") and tokens[m].tag != "vn"

    def _after_last_figure(self, tokens: list[Token]) -> list[Token]:
        """'建成五保村9165个、敬老院': the item after the last figure, where it names something."""
        last = max((k for k, t in enumerate(tokens) if t.tag == FIGURE_TAG), default=-1)
        if last < 0:
            return tokens
        item = self._listed_item_start(tokens)
        if item >= 0:
            return tokens[item:]  # "取消行政权力51项、下放[387项]", "…4个、50亿元以上项目[8个]"
        k = last + 1
        while k < len(tokens) and tokens[k].word in self.suffixes:
            k += 1  # "5000万元以上项目"
        if self._threshold(tokens, last):
            return tokens  # "年主营业务收入超过30亿元的强优企业", "年产值超百亿元园区": a threshold in the name
        rest = [t for t in tokens[k:] if t.word not in JOINERS and t.word not in PUNCT]
        if any(
            (self.rules.has(t, "noun") and t.tag != "vn" or self.rules.has(t, "place"))
            and not self.rules.has(t, "scope")
            for t in rest
        ):
            return tokens[last + 1 :]
        return tokens

    def _listed_item_start(self, tokens: list[Token]) -> int:
        """Where the item after the last figure of a list ends its clause ('取消行政权力51项、|下放'),
        where it names an item of its own; else -1."""
        for last in range(len(tokens) - 1, -1, -1):
            if tokens[last].tag != FIGURE_TAG:
                continue
            k = last + 1
            while k < len(tokens) and tokens[k].word in self.suffixes:
                k += 1
            if k < len(tokens) and tokens[k].word == "、" and self._names_an_item(tokens[k + 1 :]):
                return k + 1
            bound = (self.found[tokens[last].fig].approx or "") in BOUNDS or any(
                t.word in BOUNDS for t in tokens[last + 1 : k]
            )
            if not (bound and k < len(tokens) and self.rules.has(tokens[k], "noun")):
                return -1  # a threshold in the item's name ("10亿元以上项目") is passed over
        return -1

    def _listed_object(self, previous: Figure | None, figure: Figure) -> str:
        """The object the item before a verb listed alone names after its own verb ('取消|行政权力
        51项、下放387项': 下放 what was 取消), where that item is a verb and its object."""
        if previous is None or not previous.indicator or not self._same_sentence(previous.end, figure.start):
            return ""
        words = self.clauses.words_of(previous.indicator)
        if len(words) < 2 or not words[0].tag.startswith("v") or self.rules.has(words[0], "noun"):
            return ""
        head = words[1]
        if head.tag == "vn" or self.rules.has(head, "stop") or self.rules.word_has(head.word, "verb"):
            return ""  # "开工|建设综合管廊": a second verb, not an object
        if not (self.rules.has(words[-1], "noun") and words[-1].tag.startswith("n")):
            return ""
        return "".join(t.word for t in words[1:])  # "撤销|审批事项"

    def _only_a_measure(self, phrase: str) -> bool:
        """A metric named by verbs alone ('完成投资', '投资'), with no owner of its own."""
        words = self.clauses.words_of(phrase)
        return (
            bool(words)
            and self._names_a_metric(phrase)
            and all(t.tag.startswith("v") or self.rules.has(t, "metric") for t in words)
        )

    def _listed_owner(self, previous: Figure | None, figure: Figure) -> str:
        """The object of the verb of the item before a measure listed alone: what that measure is
        of ('安排|市重点项目|510个、完成投资' -> 市重点项目完成投资)."""
        if previous is None or not previous.indicator or not self._same_sentence(previous.end, figure.start):
            return ""
        words = self.clauses.words_of(previous.indicator)
        if self._names_a_metric(previous.indicator) or not words or not words[0].tag.startswith("v"):
            return ""  # "产量…、增产", "参保人数…、参保率": no verb and its object before
        return "".join(t.word for t in words if not (t.tag.startswith("v") and not self.rules.has(t, "noun")))

    def _names_an_item(self, rest: list[Token]) -> bool:
        """Whether the words after a listed figure name an item of their own: a verb or a noun,
        not only places, scopes and times ("、塔城地区[9021户]" takes the first item's metric)."""
        rules = self.rules
        return any(
            t.word not in PUNCT
            and t.tag not in (FIGURE_TAG, DATE_TAG)
            and not self._place_word(t)
            and not (rules.has(t, "temporal") or rules.has(t, "lead") or rules.has(t, "adverb"))
            for t in rest
        )

    def _place_word(self, t: Token) -> bool:
        return self.rules.has(t, "scope") and t.tag != "ns" or self.rules.has(t, "place") or self.rules.is_region(t)

    def _listed_place(self, tokens: list[Token]) -> bool:
        """Whether the clause ends in a place listed after a figure ('…2.4万户、塔城地区'): the
        place's figure of the item before."""
        last = max((k for k, t in enumerate(tokens) if t.tag == FIGURE_TAG), default=-1)
        if last < 0:
            return False
        k = last + 1
        while k < len(tokens) and tokens[k].word in self.suffixes:
            k += 1
        rest = [t for t in tokens[k + 1 :] if t.word not in PUNCT]
        if not (k < len(tokens) and tokens[k].word == "、" and rest):
            return False
        name = "".join(t.word for t in rest)
        return all(
            self.rules.is_region(t) or (t.tag == "ns" and not self.rules.words.get(t.word)) or t.word in self.regions
            for t in rest
        ) and name.endswith(self.rules.region_endings)  # "阿克苏|地区", "安宁|区"

    def _strip_lead(self, tokens: list[Token], rank: bool) -> tuple[list[Token], str]:
        rules = self.rules
        scope: list[Token] = []
        k = 0
        while k < len(tokens):
            t = tokens[k]
            joined = self._joined_scope(tokens, k)
            if joined > k + 1:
                scope.extend(tokens[k:joined])
                k = joined
                continue
            if self._is_opener(t, 0, tokens[k:]):
                break
            if t.tag == FIGURE_TAG and self._threshold(tokens, k):
                break  # "50万元以上固定资产投资": a threshold in the name
            if self._in_name(tokens, k):
                break  # "500强企业", "1号线": digits that are no figure belong to a name
            if t.word in OPENING_QUOTES and any(c.word in CLOSING for c in tokens[k + 1 :]):
                break  # "“新三样”产品出口": a quoted name
            if rules.has(t, "scope") and k + 1 < len(tokens):
                scope.append(t)
            elif not (
                t.tag in (DATE_TAG, FIGURE_TAG)
                or t.word in self.lead_words
                or rules.has(t, "lead")
                or rules.has(t, "temporal")
                or rules.has(t, "adverb")
                or (t.word in PUNCT and t.word not in OPENING_QUOTES)
                or (rank and t.word in self.rank_words)
            ):
                break
            k += 1
        named = "".join(t.word for t in scope if t.tag in ("ns", "f", "nr", "s") or t.word.endswith("地区"))
        return tokens[k:], named

    def _joined_scope(self, tokens: list[Token], k: int) -> int:
        """Past a scope written as several words ('全省|法院'), if one starts at k; else k."""
        text = ""
        best = k
        for m in range(k, min(len(tokens), k + 4)):
            text += tokens[m].word
            if m + 1 < len(tokens) and (text in self.lead_words or self.rules.word_has(text, "scope")):
                best = m + 1
        return best

    def _strip_tail(self, tokens: list[Token], rank: bool) -> list[Token]:
        rules = self.rules
        while tokens:
            t = tokens[-1]
            if (
                t.tag in (DATE_TAG, FIGURE_TAG)
                or rules.has(t, "tail")
                or rules.has(t, "temporal")
                or rules.has(t, "adverb")
                or t.word in self.lex.indicator_tail_stop
                or (t.word in PUNCT and t.word not in CLOSING)
                or t.tag == "p"
                or (rank and (t.word in self.rank_words or rules.has(t, "scope")))
            ):
                tokens = tokens[:-1]
                continue
            break
        return tokens

    def _is_opener(self, token: Token, at: int, tokens: list[Token]) -> bool:
        """A preposition that opens a phrase; not one right after a verb, which completes it
        ('归属于', '控制在', '提升至')."""
        if self.rules.word_has(token.word, "first"):
            return at == 0
        if not self.rules.word_has(token.word, "opener"):
            return False
        if at > 0 and tokens[at - 1].tag in ("v", "vd", "vi"):
            return False
        if self._bound_in_word(tokens, at):
            return False
        return token.tag == "p" or at == 0

    def _bound_in_word(self, tokens: list[Token], at: int) -> bool:
        """'幼儿园|在|园|幼儿': a preposition jieba split from the one character after it, between
        two nouns, is part of a word (在园, 在岗), not a phrase's opener ('在|京|企业': a place)."""
        if at == 0 or at + 2 >= len(tokens):
            return False
        bound, after = tokens[at + 1], tokens[at + 2]
        return (
            len(bound.word) == 1
            and bound.tag in ("n", "ng", "zg", "vg")
            and self._compound_noun(tokens[at - 1])
            and self._compound_noun(after)
        )

    def _attribute(self, tokens: list[Token], opener: int) -> bool:
        """'与东盟的贸易规模': a prepositional phrase that qualifies a noun through 的 (no verb
        between them) is part of the subject, not a phrase to skip."""
        for t in tokens[opener + 1 :]:
            if t.word == "的":
                return True
            if t.tag in ("v", "vd", FIGURE_TAG, DATE_TAG) or self.rules.has(t, "opener"):
                return False
        return False

    def _predicate_start(self, tokens: list[Token], opener: int) -> int | None:
        """Where the verb phrase after a preposition's object begins ('对…父母|发出家庭教育令'):
        a verb right after a noun or a closing quote."""
        rules = self.rules
        for m in range(opener + 2, len(tokens)):
            t, before = tokens[m], tokens[m - 1]
            if not rules.has(t, "verb") or self._is_opener(t, m, tokens) or rules.has(t, "adverb"):
                continue
            k = m - 1
            while k > opener + 1 and rules.has(tokens[k], "adverb"):
                k -= 1  # "在荆州|累计|投放贷款": an adverb between the object and its verb
            before = tokens[k]
            if before.word in CLOSING or (rules.has(before, "noun") and before.tag != "vn"):
                return m
            if t.tag == "v" and (rules.has(before, "scope") or rules.has(before, "place")):
                return m  # "为东道国|创造就业岗位"
        return None

    def _partner_metric(self, tokens: list[Token], predicate: int) -> bool:
        """'对共建“一带一路”国家|进出口', '与东盟|贸易额': a preposition naming the other party of
        a metric named by a verbal noun that ends the phrase (GUIDE: 对东盟进出口)."""
        if not self.rules.has(tokens[0], "partner"):
            return False
        rest = self._strip_tail(list(tokens[predicate:]), False)
        return bool(rest) and rest[0].tag == "vn" and all(self._compound_noun(t) or t.tag == "vn" for t in rest)

    def _ends_in_verb(self, tokens: list[Token]) -> bool:
        """'对东盟进出口', '对非进出口额': the preposition's phrase holds the metric's verb."""
        rest = self._strip_tail(list(tokens), False)
        if len(rest) >= 3 and self.rules.has(rest[0], "partner") and self._names_a_metric(rest[-1].word):
            return True  # "对非|进|出口额", "对非|贸易|规模": the partner of a metric
        return len(rest) >= 2 and any(
            (t.tag == "vn" or t.tag == "v" and len(t.word) > 1)
            and not self.rules.has(t, "tail")
            and not self.rules.has(t, "adverb")
            for t in rest[1:]
        )

    def _has_content(self, tokens: list[Token]) -> bool:
        rules = self.rules
        return any(
            not (
                t.tag in (DATE_TAG,)
                or rules.has(t, "scope")
                or rules.has(t, "place")
                or rules.has(t, "temporal")
                or rules.has(t, "adverb")
                or rules.has(t, "lead")
                or t.word in self.lead_words
                or t.word in PUNCT
            )
            for t in tokens
        )

    def _without_last_verb(self, phrase: str) -> str:
        words = self.clauses.seg.cut(phrase)
        return "".join(words[:-1]) if len(words) > 1 else phrase

    def _ends_with_verb(self, phrase: str) -> bool:
        seg = self.clauses.seg
        words = seg.cut(phrase)
        return bool(words) and (seg.tag(words[-1]) or "") in ("v", "vd", "p")

    # -- the words after the figure ----------------------------------------------------------------

    def _skip_after_figure(self, tokens: list[Token]) -> list[Token]:
        """Past the qualifier, a '的' and any figure written right after ('9批357项…成果')."""
        k = 0
        while k < len(tokens) and (
            tokens[k].word in self.suffixes or tokens[k].word == "的" or tokens[k].tag == FIGURE_TAG
        ):
            k += 1
        return tokens[k:]

    def _in_prepositional_phrase(self, tokens: list[Token], at: int) -> bool:
        """Whether the figure (with what it counts) is a preposition's object ('对80条主要街路和
        4个广场|开展整治'): the verb after its noun is then the clause's predicate."""
        rules = self.rules
        for k in range(at - 1, -1, -1):
            t = tokens[k]
            if self._is_opener(t, k, tokens) or (t.tag == "p" and rules.word_has(t.word, "opener")):
                return True
            if not (
                t.tag in (FIGURE_TAG, "m")
                or t.word in JOINERS
                or rules.has(t, "noun")
                or rules.has(t, "scope")
                or rules.has(t, "place")
            ):
                return False
        return False

    def _counted_noun(self, tokens: list[Token], object_of: bool = False) -> str:
        """The thing counted, written right after the figure: '9810家[涉诉困难企业]'."""
        tokens = self._skip_after_figure(tokens)
        phrase = self._noun_tokens(tokens, object_of)
        text = "".join(t.word for t in phrase)
        return text if len(text) >= 2 else ""

    def _names_a_thing(self, phrase: list[Token]) -> bool:
        if phrase and all(self.rules.has(t, "frame") for t in phrase):
            return False  # "进入万元级别", "突破千列大关": the figure's frame, not what it counts
        return (
            bool(phrase)
            and phrase[0].word not in self.lex.change_verbs
            and any(self.rules.has(t, "noun") and t.tag != "vn" for t in phrase)
        )

    def _noun_tokens(self, tokens: list[Token], object_of: bool = False, qualified: bool = True) -> list[Token]:
        """The noun phrase at the start of tokens: nouns, with a verb inside a compound
        ('生态司法|保护|基地'), a quoted name ('“武汉微马”'), a gloss in brackets ('保护（修复）基地'),
        items joined by 、 or 和 ('省、市、自治区高级人民法院'), and a clause qualifying it through 的
        ('执行难度大的“骨头案”', '新推出的地块')."""
        if qualified:
            owned = self._qualified_noun(tokens, object_of)
            if owned:
                return owned
        rules = self.rules
        phrase: list[Token] = []
        quoted = False
        k = 0
        while k < len(tokens):
            t = tokens[k]
            if quoted or (t.word in ("“", "《") and (not phrase or self._quoted_modifier(tokens, k, phrase))):
                phrase.append(t)
                quoted = t.word not in ("”", "》")
                k += 1
                continue
            if t.word in ("（", "(") and phrase:
                close = self._gloss_end(tokens, k)
                if close < 0:
                    break
                if phrase[-1].tag != "eng" or close + 1 >= len(tokens) or not self._compound_noun(tokens[close + 1]):
                    phrase.extend(tokens[k : close + 1])  # "生态猴司法保护（修复）基地", "县（市）"
                k = close + 1  # "CVD（化学气相沉积法）金刚石": an abbreviation's expansion is no part of the name
                continue
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if t.word in JOINERS and phrase and after is not None and self._compound_noun(after):
                nxt = tokens[k + 2] if k + 2 < len(tokens) else None
                single = all(len(p.word) == 1 for p in phrase)  # "省、市、自治区高级人民法院"
                if single or nxt is None or nxt.word in PUNCT or not self._compound_noun(nxt):
                    phrase.append(t)  # "国家和地区", "中小学、幼儿园"
                    k += 1
                    continue
                break
            if t.tag == "p" and phrase and rules.word_has(t.word, "opener"):
                break  # "…中亚班列|从长江之畔…"
            if t.tag in (FIGURE_TAG, DATE_TAG) or t.word in PUNCT or t.word in ("的", "等"):
                break
            if t.word[0].isdigit() and not self._in_name(tokens, k):
                break
            if k > 0 and phrase and phrase[-1] is tokens[k - 1] and self._in_name(tokens, k - 1):
                phrase.append(t)  # "世界500|强|企业", "地铁1|号|线": the word the digits are written into
                k += 1
                continue
            if self._in_name(tokens, k) and phrase:
                phrase.append(t)
                k += 1
                continue
            if not phrase and t.tag == "d" and after is not None and after.tag == "a":
                phrase.append(t)  # "相对|薄弱|基层法院": an adverb of the adjective that qualifies the noun
                k += 1
                continue
            if rules.has(t, "stop") or (phrase and rules.has(t, "manner")):
                break
            if rules.has(t, "verb") and t.tag != "vn" and phrase and rules.has(phrase[-1], "noun"):
                if object_of or not (len(t.word) > 1 and self._ends_compound(tokens, k + 1)):
                    break  # a verb after the noun starts the next predicate
            phrase.append(t)
            if sum(len(p.word) for p in phrase) >= MAX_NOUN:
                break
            k += 1
        while len(phrase) > 1 and (
            (phrase[-1].tag in ("v", "vd") and not (len(phrase[-1].word) == 1 and phrase[-2].tag == "v"))
            or phrase[-1].word in JOINERS
            or (phrase[-1].tag == "f" and len(phrase[-1].word) == 1)  # "国际赛事|中"
        ):
            phrase.pop()
        return phrase if self._names_a_thing(phrase) else []

    def _quoted_modifier(self, tokens: list[Token], k: int, phrase: list[Token]) -> bool:
        """'共建|“一带一路”|国家': a quoted name after the words qualifying the noun (no noun yet),
        qualifying the noun after it."""
        if any(self._compound_noun(t) for t in phrase):
            return False  # "县区行政机关|“一把手”出庭": the noun is read
        for m in range(k + 1, min(len(tokens), k + 10)):
            if tokens[m].tag in (FIGURE_TAG, DATE_TAG):
                return False
            if tokens[m].word in ("”", "》"):
                return m + 1 < len(tokens) and self._compound_noun(tokens[m + 1])
        return False

    def _gloss_end(self, tokens: list[Token], k: int) -> int:
        """The closing bracket of a short gloss opened at k and followed by more of the noun
        ('保护（修复）基地'), or one closing the phrase ('县（市）'); else -1."""
        for m in range(k + 1, min(len(tokens), k + 6)):
            t = tokens[m]
            if t.tag in (FIGURE_TAG, DATE_TAG):
                return -1
            if t.word in ("）", ")"):
                return m
        return -1

    def _qualified_noun(self, tokens: list[Token], object_of: bool) -> list[Token]:
        """'[13982件]执行难度大的“骨头案”', '[12个]新推出的地块', '[60多万]农村贫困户的危房': a
        short clause before 的 qualifying the counted noun after it, or a noun owning it."""
        at = -1
        for d, t in enumerate(tokens[:MAX_QUALIFIER]):
            if t.word == "的":
                at = d
                break
            ranked = t.tag == FIGURE_TAG and self.found[t.fig].kind is Kind.RANK  # "步入10强的城市"
            if (t.tag in (FIGURE_TAG, DATE_TAG) and not ranked) or (t.word in PUNCT and t.word not in "“”‘’《》"):
                return []
            if t.word in JOINERS:
                return []
        if at <= 0 or sum(len(t.word) for t in tokens[:at]) > MAX_QUALIFIER or tokens[0].tag == "p":
            return []
        named = self.rules.has(tokens[0], "noun") and tokens[0].tag != "vn"
        if named and not all(self._compound_noun(t) and t.tag != "f" for t in tokens[:at]):
            return []  # "[2000瓦]电炉|全开的热量": the count's own noun, then a new phrase
        head = self._noun_tokens(tokens[at + 1 :], object_of, qualified=False)
        if not head:
            return []
        return tokens[: at + 1] + head

    def _ends_compound(self, tokens: list[Token], k: int) -> bool:
        """Whether nouns from k end the phrase ('生态司法保护|基地。', '垃圾收集|站'): the verb before
        them is inside a compound noun, not the predicate of the next clause ('社区|实现|网格化管理…')."""
        if k < len(tokens) and tokens[k].word in ("（", "("):
            close = self._gloss_end(tokens, k)
            return close > 0 and self._ends_compound(tokens, close + 1)  # "保护|（修复）|基地"
        m = k
        while m < len(tokens) and (
            self._compound_noun(tokens[m])
            or (tokens[m].tag == "vn" and m + 1 < len(tokens) and self._compound_noun(tokens[m + 1]))
        ):
            m += 1  # "修复|基地旅游专线": a verbal noun qualifying a noun after it
        if m > k and (
            m == len(tokens)
            or tokens[m].tag in (FIGURE_TAG, DATE_TAG)
            or tokens[m].word in PUNCT
            or tokens[m].word in ("的", "等")
        ):
            return True
        # "垃圾|收集|站", "玉米|竞买|合同", "博士学位|授权|一级学科点": a short head closing the
        # clause, whatever jieba tags its words, but no predicate of its own ('台风|登陆', '…|运转')
        m = k
        while m < len(tokens) and not (tokens[m].tag in (FIGURE_TAG, DATE_TAG) or tokens[m].word in PUNCT):
            if self.rules.has(tokens[m], "stop") or (tokens[m].tag in ("v", "vi") and len(tokens[m].word) > 1):
                return False
            m += 1
        tail = tokens[k:m]
        return bool(tail) and sum(len(t.word) for t in tail) <= SHORT_HEAD and self._ends_clause(tail)

    def _compound_noun(self, token: Token) -> bool:
        if self.rules.has(token, "place"):
            return True
        return (
            self.rules.has(token, "noun")
            and token.tag not in ("vn", "x", "eng", "i", "l")
            and not self.rules.has(token, "stop")
        )

    def _counted_group(self, tokens: list[Token]) -> str:
        """A clause that opens with its figure: the counted noun with what the clause says of it
        ('48个集体和64个人获省部级以上表彰' -> '集体获省部级以上表彰'), or what it says alone
        ('其中46件转化为…')."""
        rules = self.rules
        tokens = self._skip_after_figure(tokens)
        noun = self._noun_tokens(tokens)
        rest = tokens[len(noun) :]
        for k, t in enumerate(rest[:-1]):
            if t.word == "、" and rest[k + 1].word in self.lex.change_verbs:
                rest = rest[:k]  # "…参与高新技术企业认定|、增长28.6%": the figure's change follows
                break
        # "48个集体和64个人获…": the other counted groups of the list
        while len(rest) >= 2 and rest[0].word in JOINERS and rest[1].tag == FIGURE_TAG:
            rest = self._skip_after_figure(rest[2:])
            rest = rest[len(self._noun_tokens(rest)) :]
        predicate: list[Token] = []
        lead = 0
        while lead < len(rest) - 1 and rules.has(rest[lead], "adverb"):
            lead += 1  # "3家[仅]披露预案"
        verb = rest[lead] if rest else None
        if verb is not None and (rules.has(verb, "verb") or verb.tag == "p") and verb.word not in self.lex.change_verbs:
            for t in rest:
                if t.tag in (FIGURE_TAG, DATE_TAG):
                    break
                predicate.append(t)
        noun_text = "".join(t.word for t in noun)
        said_of = (
            bool(predicate)
            and rest[lead].tag in ("v", "vi")
            and not any(rules.has(t, "manner") for t in rest[:lead])
            and len(predicate) == len(rest)
            and self._ends_clause(rest)
            and predicate[-1].end - predicate[0].start <= MAX_SAID
            and not any(t.word in PUNCT for t in predicate)
        )  # "[10万名]失业人员实现再就业。", "[9个]台风登陆。": what the clause says of the group
        if noun_text and not (predicate and rules.has(predicate[0], "status")) and not said_of:
            return noun_text  # "9条生产线“马力全开”", "[十件]实事全面完成": the noun names the count
        if predicate and (len(predicate) > 1 or noun_text):
            said = self.text[predicate[0].start : predicate[-1].end].rstrip("、")
            if len(said) > MAX_PREDICATE:
                return noun_text
            return noun_text + said  # "48个集体…获省部级以上表彰", "其中46件转化为…"
        return noun_text

    def _ends_clause(self, rest: list[Token]) -> bool:
        """Whether the tokens run to the end of their clause (its text after them is a break)."""
        end = rest[-1].end
        if end < len(self.text) and self.text[end] == "、":
            after = self.text[end + 1 : end + 5]  # "…认定、增长28.6%": a change of the figure follows
            return any(after.startswith(verb) for verb in self.lex.change_verbs)
        return end >= len(self.text) or self.text[end] in CLAUSE_BREAKS

    # -- carrying over -----------------------------------------------------------------------------

    def _carried(
        self, previous: Figure | None, figure: Figure, start: int, scope: str, prefix: bool = True
    ) -> str | None:
        """The indicator of a clause with no subject of its own: the previous figure's in the same
        sentence ('…，增长11.06%'), else the previous clause's subject ('工业投资实现…，从过去每年
        300亿元'), else the previous figure's in the same paragraph."""
        carried: str | None = None
        if (
            previous is not None
            and previous.indicator
            and self._same_sentence(previous.end, figure.start)
            and not self._ranks_among(previous, figure)
        ):
            carried = previous.indicator
            self.chained.add(self._current)
        if carried is None:
            carried = self._clause_subject(start)
        if carried is None:
            self.far.add(self._current)  # nothing in its sentence names what it measures
        if carried is None and previous is not None and previous.indicator and self._same_paragraph(previous, figure):
            carried = previous.indicator
        if carried is None and scope and previous is not None and previous.indicator:
            if figure.start - previous.end <= PLACE_REACH:
                carried = previous.indicator  # "…北京市以1689.7亿元排名第二位": another place, the same metric
        if (
            carried
            and scope
            and prefix
            and not carried.startswith(scope)
            and scope not in self.lead_words
            and previous is not None
            and (
                self._same_sentence(previous.end, figure.start)
                or (self.rules.word_has(scope, "place") and self._same_paragraph(previous, figure))
            )
        ):
            carried = scope + self._without_scope(carried)  # "东部地区…超八成、西部地区超七成", "…；城镇为35.0%"
        return carried

    def _ranks_among(self, previous: Figure, figure: Figure) -> bool:
        """'…工业总产值在[15个]副省级城市中的排名，由1999年的[第13位]': a rank is a place among the
        things a count before it counts (…中), not a rank of that count."""
        counted = previous.indicator or ""
        return (
            figure.kind is Kind.RANK
            and previous.kind is Kind.QUANTITY
            and bool(counted)
            and self.text.startswith(counted + "中", previous.end)
        )

    def _part_of_previous(self, phrase: str, previous: Figure | None, figure: Figure, left: list[Token]) -> str:
        """'…国家标准1870项，其中新制定[1161项]': a part (其中) named by its verb alone takes what
        the figure before it measures, after that figure's verb."""
        if (
            not phrase
            or previous is None
            or not previous.indicator
            or not self._ends_with_verb(phrase)
            or not self._same_sentence(previous.end, figure.start)
            or not any(t.start >= previous.end and self.rules.has(t, "part") for t in left)
        ):
            return ""
        own = self.clauses.words_of(phrase)
        if any(self._compound_noun(t) for t in own):
            return ""  # "其中公共财政预算收入", "其中省财政补助": the part names itself
        measured = self._metric_words(previous.indicator)
        words = self.clauses.words_of(measured)
        if not (2 <= len(measured) <= MAX_NOUN) or not self._names_a_thing(words) or measured in phrase:
            return ""
        return phrase + measured

    def _with_shared_head(self, phrase: str, previous: Figure | None, figure: Figure, left: list[Token]) -> str:
        """'普通本专科招生699.8万人，在校生2468.1万人': an item of a parallel list that names only
        its last word takes the head the item before it writes (普通本专科在校生; 基本养老保险参保人数…、
        参保率 -> 基本养老保险参保率)."""
        if (
            previous is None
            or not previous.indicator
            or len(phrase) > MAX_OWN_ITEM
            or len(previous.indicator) > 12
            or phrase in previous.indicator
            or not self._same_sentence(previous.end, figure.start)
            or any(
                t.start >= previous.end and (t.word in self.lead_words or self.rules.has(t, "lead") and t.tag == "r")
                for t in left
            )  # "其中税收…": a part, not a parallel item
        ):
            return phrase
        before = self.clauses.words_of(previous.indicator)
        own = self.clauses.words_of(phrase)
        if len(before) < 2 or len(own) > 2 or not all(self.rules.has(t, "noun") for t in before[:1]):
            return phrase
        verbs = [t for t in before if t.tag in ("v", "vd")]
        if before[0].tag in ("v", "vd") or len(verbs) > 1 or any(t.tag == "p" for t in before):
            return phrase  # the head of a noun phrase, not of a verb phrase ('公司通过…完成定增')
        last = own[-1]
        if not (self.rules.has(last, "noun") and not self.rules.has(last, "verb") and last.tag != "x") or any(
            self.rules.has(t, "scope") or self.rules.has(t, "place") for t in own
        ):
            return phrase  # a parallel item ends in a noun ('在校生', '参保率'); not a verb, not a place
        cut = next((k for k, t in enumerate(before) if k > 0 and t.word == own[0].word), len(before) - 1)
        head = "".join(t.word for t in before[:cut])
        return head + phrase if len(head) >= 2 else phrase

    def _same_sentence(self, a: int, b: int) -> bool:
        return not any(c in SENTENCE_BREAKS for c in self.text[a:b])

    def _same_paragraph(self, previous: Figure, figure: Figure) -> bool:
        return figure.start - previous.end <= PARAGRAPH_REACH and "\n" not in self.text[previous.end : figure.start]

    def _clause_subject(self, start: int) -> str | None:
        """The subject of the clause before the one starting at `start`, in the same sentence:
        its first noun phrase, up to its verb ('工业投资|实现…')."""
        if start == 0 or self.text[start - 1] in SENTENCE_BREAKS:
            return None
        end = start - 1
        begin = end
        limit = max(0, end - MAX_CLAUSE)
        while begin > limit and self.text[begin - 1] not in CLAUSE_BREAKS:
            begin -= 1
        tokens, _ = self._strip_lead(self.clauses.tokens(begin, end), False)
        subject: list[Token] = []
        joiners = [k for k, t in enumerate(tokens) if t.word == "、"]
        if joiners and not any(x.tag in (FIGURE_TAG, DATE_TAG) for x in tokens):
            # "工业富联、绿的谐波、农业银行|对上证指数负贡献点数居前": the clause lists items and
            # names its metric after them
            words = self.clauses.words_of(self._phrase(tokens[joiners[-1] + 1 :], False, False)[0])
            while words and (words[-1].tag == "f" or not self._compound_noun(words[-1])):
                words.pop()  # "…负贡献点数|居前": the predicate after the metric
            named = "".join(t.word for t in words)
            return named if 2 <= len(named) <= self.max_length else None
        for t in tokens:
            if t.tag in (FIGURE_TAG, DATE_TAG, "v", "vd", "p", "d", "uj") or t.word in PUNCT:
                break
            subject.append(t)
        if not self._names_a_thing(subject) or all(self.rules.has(t, "scope") for t in subject):
            return None
        phrase = self.text[subject[0].start : subject[-1].end]
        return phrase if 2 <= len(phrase) <= self.max_length else None

    def _without_scope(self, indicator: str) -> str:
        seg = self.clauses.seg
        words = seg.cut(indicator)
        k = 0
        while k < len(words) - 1:
            token = Token(words[k], _tag_of(words[k], seg.tag(words[k])), 0, 0)
            if not (self.rules.has(token, "scope") or self.rules.has(token, "place")):
                break
            k += 1
        return "".join(words[k:])


def _trim_edges(phrase: str) -> str:
    """Joiners, spaces and brackets or quotes left open at a phrase's edges; a quoted name that
    opens the phrase stays whole ('“新三样”产品出口')."""
    phrase = phrase.strip("、 ")
    while phrase and phrase[0] in '（(“"' and not any(c in phrase[1:] for c in '）)”"'):
        phrase = phrase[1:].strip("、 ")
    while phrase and phrase[-1] in '）)”"' and not any(c in phrase[:-1] for c in '（(“"'):
        phrase = phrase[:-1].strip("、 ")
    return phrase
