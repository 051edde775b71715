"""Indicator, change phrase and period of each figure.

The indicator is read from the clause before the figure ("受理案件1425918件"), trimmed of
subjects, times, copulas, qualifiers and the change phrase; where the clause names nothing before
the figure ("设立180余个生态司法保护基地"), the noun phrase after it is used. Figures in a
"分别" list take their indicators item by item. Only the clauses around figures are segmented
(jieba), so the cost grows with the number of figures, not with the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from reviewer.extract import reasons
from reviewer.extract.clauses import IndicatorReader, clause_rules
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.periods import PeriodFinder
from reviewer.extract.reading import SPACES
from reviewer.extract.segmenter import get_segmenter
from reviewer.extract.topic import document_topic
from reviewer.model import Figure, Kind, Period

CLAUSE_BREAKS = "，。；！？,;!?\n：: \t\u3000●•■◆▲"
SENTENCE_BREAKS = "。！？!?\n；;"
LIST_JOINERS = re.compile(r"^\s*(?:[、和及与]|以及)\s*$")
LIST_JOINER_HEAD = re.compile(r"\s*(?:[、和及与]|以及)\s*")
ITEM_SPLIT = re.compile(r"[、和及与]")
MAX_INDICATOR = 24
OPENING_PREPOSITIONS = ("由", "从", "比", "较", "自")
# a count of the items just listed, in apposition ("陕西榆林和内蒙古鄂尔多斯两个地级市")
APPOSED_COUNT = re.compile(r"([两二三四五六七八九十]|\d+)[个家座所项类]")
CHINESE_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
CHINESE_COUNTS.update({str(n): n for n in range(2, 21)})
# Kinds that count or measure things, whose noun may follow them ("9810家涉诉困难企业").
COUNTED_KINDS = {Kind.QUANTITY, Kind.MONEY}
# Kinds that measure a metric rather than count a group
MEASURES = {Kind.MONEY, Kind.PERCENT, Kind.PP, Kind.MULTIPLE}
# Tags of words that open a clause without naming the metric: places, times, numerals,
# pronouns, adverbs, conjunctions (jieba's part-of-speech tags).
LEAD_TAGS = {"ns", "t", "m", "r", "d", "c", "f", "nr", "q", "mq", "tg"}
STOP_RIGHT_TAGS = {"p", "c", "u", "uj", "ul", "d", "r", "m"}
PUNCTUATION = set(CLAUSE_BREAKS + "、“”‘’\"'（）()《》<>[]【】 \t.-—>")


def _in_grid_row(text: str, figure: Figure) -> bool:
    """A cell of a table's row ('| 2019 | 986515 | 6.0 |', cells parted by tabs) that its row and
    column leave unnamed: no prose around it to read an indicator from."""
    if reasons.TABLE_CELL not in figure.reasons:
        return False
    end = text.find("\n", figure.end)
    line = text[text.rfind("\n", 0, figure.start) + 1 : end if end >= 0 else len(text)]
    return "|" in line or "\t" in line


def attach_context(
    text: str, found: list[Figure], lexicon: Lexicon, doc_date=None, reporting: Period | None = None
) -> list[Figure]:
    reader = _ContextReader(text, lexicon)
    clauses = reader.clause_reader(found)
    period_of = PeriodFinder(text, found, lexicon, doc_date, reporting).period_for
    out: list[Figure] = []
    previous: Figure | None = None
    for index, figure in enumerate(found):
        if figure.kind is Kind.DATE:
            out.append(figure)
            continue
        indicator: str | None
        change: str | None
        if figure.indicator or _in_grid_row(text, figure):  # a table's cell, named by its row and column (tables.py)
            indicator, change = figure.indicator, figure.change
        else:
            indicator, change = reader.read(figure, previous, index, clauses)
        figure = replace(figure, indicator=indicator, change=change, period=figure.period or period_of(figure))
        if not indicator:
            figure = replace(
                figure, confidence=round(figure.confidence - 0.1, 3), reasons=figure.reasons + (reasons.NO_INDICATOR,)
            )
        out.append(figure)
        previous = figure
    return _apply_respectively(text, _with_topic(text, out, clauses), reader)


def _with_topic(text: str, figures: list[Figure], clauses: IndicatorReader) -> list[Figure]:
    """The figures whose clause names nothing they measure, and whose indicator carried from
    before names no metric either (a counted group: 城市入围; a figure's metric from another
    sentence: 税收), take the document's topic where it
    has one (topic.py); so do those that took their indicator from such a figure. A measure of
    another metric named alone (增速, 比重) is the topic's."""
    if not clauses.unnamed:
        return figures
    own = [f for k, f in enumerate(figures) if f.indicator and k not in clauses.unnamed]
    topic = document_topic(text, (f.indicator or "" for f in own), clauses.metric_of)
    if not topic:
        return figures
    measured = {f.indicator for f in own if f.kind in MEASURES}  # "GDP为3516.4亿元": a metric
    out = list(figures)
    replaced = False  # whether the figure before took the topic
    for k, figure in enumerate(figures):
        if figure.kind is Kind.DATE:
            continue
        if figure.indicator and clauses.measures_another(figure.indicator):
            out[k] = _named(figure, topic + figure.indicator)  # "鄂尔多斯以109.0%的增速" -> 财政收入增速
            replaced = False
            continue
        named = (figure.indicator in measured and k not in clauses.far) or clauses.metric_of(figure.indicator or "")
        replaced = (k in clauses.unnamed and not named) or (replaced and k in clauses.chained)
        if replaced:
            out[k] = _named(figure, topic)
    return out


class _ContextReader:
    def __init__(self, text: str, lexicon: Lexicon):
        self.text = text
        self.lex = lexicon
        self.seg = get_segmenter()
        rules = clause_rules(lexicon)
        self.lex_nouns = frozenset(w for w, roles in rules.words.items() if "noun" in roles)
        verbs = "|".join(re.escape(v) for v in lexicon.change_verbs)
        prefixes = "|".join(re.escape(p) for p in lexicon.change_prefixes) or "(?!)"
        self._change_at_end = re.compile(
            rf"(?P<pre>(?:{prefixes})*)(?P<each>分别)?(?P<pre2>(?:{prefixes})*)(?P<verb>{verbs})(?:了|到|至|达)?$"
        )

    # -- one figure --------------------------------------------------------------------------------

    def clause_reader(self, found: list[Figure]) -> IndicatorReader:
        return IndicatorReader(
            self.text,
            found,
            self.lex,
            self.seg,
            self.strip_tail,
            self.split_change,
            self.split_comparison,
            self.trim_examples,
            self._shorten,
        )

    def read(
        self, figure: Figure, previous: Figure | None, index: int, clauses: IndicatorReader
    ) -> tuple[str | None, str | None]:
        left_start = self.clause_start(self._before_spaces(figure.start))
        if previous is not None and previous.end > left_start:  # the same clause
            between = self.text[previous.end : figure.start]
            if LIST_JOINERS.match(between) or not between.strip():
                own = clauses.own_counted_noun(index)  # "735辆公交车和5180辆出租车"
                return (own, None) if own else (previous.indicator, previous.change)  # "48个集体和64个人"
        return clauses.read(index, previous)

    def _same_sentence(self, a: int, b: int) -> bool:
        return not any(c in SENTENCE_BREAKS for c in self.text[a:b])

    def _ends_with_verb(self, indicator: str) -> bool:
        words = self.seg.cut(indicator)
        return bool(words) and (self.seg.tag(words[-1]) or "") in ("v", "vd", "p")

    def _before_spaces(self, pos: int) -> int:
        """Where the spaces before pos begin: text from a PDF spaces a figure from its words
        ('营业收入 325.6 亿元'), and a space there ends no clause."""
        while pos > 0 and self.text[pos - 1] in SPACES:
            pos -= 1
        return pos

    def clause_start(self, pos: int) -> int:
        start = pos
        limit = max(0, pos - 60)
        while start > limit and self.text[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        return start

    def strip_tail(self, left: str, figure: Figure) -> str:
        left = left.rstrip()
        changed = True
        while changed and left:
            changed = False
            if figure.approx and left.endswith(figure.approx):
                left, changed = left[: -len(figure.approx)], True
            for word in self.lex.indicator_tail_stop:
                if left.endswith(word):
                    left, changed = left[: -len(word)].rstrip(), True
                    break
            for word in self.lex.prefix_qualifiers:
                if left.endswith(word):
                    left, changed = left[: -len(word)].rstrip(), True
                    break
        return left

    def split_change(self, left: str) -> tuple[str | None, str]:
        m = self._change_at_end.search(left[-12:])
        if not m:
            return None, left
        change = (m["pre"] or "") + (m["pre2"] or "") + m["verb"]
        return change, left[: len(left) - len(m.group())]

    def split_comparison(self, left: str) -> tuple[str | None, str]:
        """'净利润同比-4.5%': a comparison word alone (同比, 较上年末) before a signed change."""
        for prefix in self.lex.change_prefixes:
            if left.endswith(prefix):
                return prefix, left[: -len(prefix)]
        return None, left

    def clean_indicator(self, left: str, rank: bool = False, whole: bool = False) -> str:
        if not left.strip():
            return ""
        lead_stop = self.lex.indicator_lead_stop
        left = self._strip_lead_words(left.strip())
        words = [w for w in self.seg.cut(left) if w.strip()]
        while words and (
            words[0] in lead_stop
            or (self.seg.tag(words[0]) in LEAD_TAGS and not self._splits_a_name(words))
            or words[0] in PUNCTUATION
            or _is_numberish(words[0])
            or rank
            and words[0] in self.lex.rank_context
        ):
            words.pop(0)
        while words and (words[-1] in self.lex.indicator_tail_stop or words[-1] in PUNCTUATION):
            words.pop()
        if len(words) == 1 and self.seg.tag(words[0]) == "p":
            return ""  # "对9810家涉诉困难企业": the noun follows the figure
        words = self.trim_examples(words)
        indicator = "".join(words)
        if len(indicator) > MAX_INDICATOR and not whole:  # a list of items is not cut (分别)
            indicator = self._shorten(words)
        return indicator.strip('、（(“”" ')

    def _splits_a_name(self, words: list[str]) -> bool:
        """'中|际|旭|创': a one-character word before another one (or a word the dictionary does not
        know) is a name jieba split, not a lead word to drop."""
        if len(words[0]) != 1 or len(words) < 2 or words[1] in PUNCTUATION:
            return False
        return len(words[1]) == 1 or self.seg.tag(words[1]) is None

    def trim_examples(self, words: list[str]) -> list[str]:
        if "、" in words and "“" in words[words.index("、") :]:
            # "光伏、电动车、锂电池“新三样”产品出口": the examples gloss the quoted name
            quote = len(words) - 1 - words[::-1].index("“")
            last_joiner = len(words) - 1 - words[::-1].index("、")
            if quote > last_joiner + 1:  # not a list of quoted items ("“假牛肉”、“毒卤菜”等案件")
                return words[quote:]
        return self._trim_listed(words)

    def _trim_listed(self, words: list[str]) -> list[str]:
        """'宇树机器人、京东奥莱等各类首店': the examples are not the metric; '审结涉毒、涉枪等案件'
        keeps its verb and stays whole."""
        if "等" in words and not (self.seg.tag(words[0]) or "").startswith("v"):
            words = words[len(words) - words[::-1].index("等") :]
            while words and (words[0] in self.lex.indicator_lead_stop or self.seg.tag(words[0]) in LEAD_TAGS):
                words.pop(0)
        return words

    def _strip_lead_words(self, left: str) -> str:
        """Subjects written as several words ('全省法院') come off before segmenting."""
        stripped = True
        while stripped and left:
            stripped = False
            for word in self.lex.indicator_lead_words:
                if left.startswith(word) and len(left) > len(word):
                    left, stripped = left[len(word) :], True
                    break
        return left

    def _shorten(self, words: list[str]) -> str:
        """A long clause: keep from its last verb that still has an object after it."""
        for i in range(len(words) - 2, -1, -1):
            if (self.seg.tag(words[i]) or "").startswith("v") and len("".join(words[i:])) >= 3:
                candidate = "".join(words[i:])
                if len(candidate) <= MAX_INDICATOR + 6:
                    return candidate
                break
        tail: list[str] = []
        for word in reversed(words):
            if len("".join(tail)) + len(word) > MAX_INDICATOR:
                break
            tail.insert(0, word)
        return "".join(tail)

    def _is_lone_verb(self, indicator: str) -> bool:
        words = self.seg.cut(indicator)
        return len(words) == 1 and (self.seg.tag(words[0]) or "").startswith("v")

    def _right_noun_phrase(self, pos: int, skip_de: bool = False) -> str:
        """The thing counted, written right after the figure: '9810家[涉诉困难企业]'."""
        window = self.text[pos : pos + 24]
        for word in self.lex.suffix_qualifiers:
            if window.startswith(word):
                window = window[len(word) :]
                break
        if skip_de and window.startswith("的"):
            window = window[1:]  # "节省7天的物流时间"
        phrase: list[str] = []
        for word in self.seg.cut(window):
            tag = self.seg.tag(word) or ""
            if word in PUNCTUATION or word[0] in PUNCTUATION or _is_numberish(word) or word in ("的", "等"):
                break
            if tag in STOP_RIGHT_TAGS:
                break
            if tag.startswith("v") and tag != "vn" and phrase and _is_nounish(self.seg.tag(phrase[-1])):
                break  # a verb after the noun starts the next predicate
            phrase.append(word)
            if len("".join(phrase)) >= 12:
                break
        return "".join(phrase) if len("".join(phrase)) >= 2 else ""

    # -- 分别 --------------------------------------------------------------------------------------

    def head_of(self, item: str) -> str:
        """'进口非洲干辣椒' -> '进口非洲': what the first item of a list shares with the rest."""
        words = self.seg.cut(item)
        tags = [self.seg.tag(w) or "" for w in words[:-1]]
        heads = [i for i, t in enumerate(tags) if t == "ns"] or [i for i, t in enumerate(tags) if t in ("v", "vn")]
        return "".join(words[: heads[-1] + 1]) if heads else "".join(words[:-1])

    def without_change_prefix(self, item: str) -> str:
        """'固定资产投资同比' -> '固定资产投资': 同比 belongs to the change phrase, not the item."""
        for prefix in self.lex.change_prefixes:
            if item.endswith(prefix) and len(item) > len(prefix):
                return item[: -len(prefix)]
        return item

    def list_item_change(self, between: str) -> tuple[bool, str | None]:
        """Whether `between` joins two items of a list ('、', '和'), and the change phrase the
        second item writes for itself ('和下降' -> '下降')."""
        if LIST_JOINERS.match(between):
            return True, None
        joiner = LIST_JOINER_HEAD.match(between)
        if joiner is None:
            return False, None
        change, rest = self.split_change(between[joiner.end() :].strip())
        return (True, change) if change and not rest.strip() else (False, None)

    def share_tail(self, items: list[str]) -> list[str]:
        """'有色金属、基础化工、建筑材料行业主力资金净流入金额居前', '广播、电视人口综合覆盖率': a
        list of names whose last item writes what they all share; each name takes it (without the predicate
        after it, 居前, 领涨)."""
        if len(items) < 2 or (len(items) == 2 and len(items[0]) > 2):
            return items  # two items share a tail only where the first is a bare word ('广播、电视…')
        last, ref = items[-1], items[-2]
        if all(item[-1:] == last[-1:] for item in items[:-1]):
            return items  # "供水普及率、污水处理率、生活垃圾无害化处理率": each names its own measure
        if len(last) <= max((len(item) for item in items[1:-1]), default=0) or len(ref) >= len(last):
            return items
        words = self.seg.cut(last)
        bounds = [sum(len(w) for w in words[: k + 1]) for k in range(len(words))]
        # the last name ends where its length comes closest to the name before it ('电子、计算机|行业…')
        n = min(range(len(bounds) - 1), key=lambda k: (abs(bounds[k] - len(ref)), -k), default=-1) + 1
        if n == 0 or abs(bounds[n - 1] - len(ref)) > 1:
            return items
        tail = words[n:]
        while tail and (self.seg.tag(tail[-1]) or "x") in ("v", "vd", "d", "a", "ad", "f", "u", "uj", "ul"):
            tail.pop()
        if not tail:
            return items[:-1] + ["".join(words[:n])]
        shared = "".join(tail)
        return [item + shared for item in items[:-1]] + ["".join(words[:n]) + shared]

    def previous_clause_items(self, figure: Figure, count: int) -> tuple[list[str], bool, str]:
        """The items of a list in the clause before the 分别 clause, in the same sentence, where
        it lists `count` of them; whether a preposition there ends the list (the items are then
        the subjects of a predicate: '美国、韩国资本|在鄂投资呈现爆发式增长'); and the metric a count
        of the items in apposition names after them ('陕西榆林和内蒙古鄂尔多斯|两个|地级市|增速最高')."""
        start = self.clause_start(figure.start)
        if start == 0 or self.text[start - 1] in SENTENCE_BREAKS:
            return [], False, ""
        before = self.clause_start(start - 1)
        raw = self.split_items(self.strip_tail(self.text[before : start - 1], figure))
        metric = ""
        apposed = APPOSED_COUNT.search(raw[-1]) if len(raw) == count else None
        if apposed is not None and CHINESE_COUNTS.get(apposed.group(1), -1) == count:
            metric = self._metric_after_count(raw[-1][apposed.end() :])
            raw[-1] = raw[-1][: apposed.start()]
        cut = raw[:-1] + [self._before_preposition(raw[-1])] if raw else raw
        ended = bool(raw) and (cut[-1] != raw[-1] or apposed is not None)
        items = [self.without_change_prefix(self.clean_indicator(s) or (s.strip() if ended else "")) for s in cut]
        items = [s for s in items if s]
        return (items, ended, metric) if len(items) == count else ([], False, "")

    def _metric_after_count(self, after: str) -> str:
        """'地级市|增速|最高' -> 增速: the nouns after the counted noun, before the predicate."""
        words = self.seg.cut(after)
        nouns: list[str] = []
        for word in words[1:]:
            if not (self.seg.tag(word) or "").startswith("n") and word not in self.lex_nouns:
                break
            nouns.append(word)
        return "".join(nouns)

    def _before_preposition(self, item: str) -> str:
        """'韩国资本|在鄂投资呈现爆发式增长': an item's predicate starts at a preposition after it."""
        words = self.seg.cut(item)
        at = next((k for k, w in enumerate(words) if k > 0 and self.seg.tag(w) == "p"), len(words))
        return "".join(words[:at])

    def split_items(self, phrase: str) -> list[str]:
        """The items of a list: parted by 、 wherever it stands, by 和, 及, 与 only where jieba
        reads them as words of their own (not the 及 of 普及率, the 与 of 参与)."""
        if not ITEM_SPLIT.search(phrase):
            return [phrase]
        items = [""]
        for word in self.seg.cut(phrase):
            if word == "、" or (len(word) == 1 and word in "和及与"):
                items.append("")
            elif "、" in word:
                parts = word.split("、")
                items[-1] += parts[0]
                items.extend(parts[1:])
            else:
                items[-1] += word
        return items

    def implicit_list_before(self, figure: Figure) -> tuple[str, str] | None:
        """The clause text before a figure where it lists items ('A、B出口'), for a list of
        figures written without 分别; None where it lists none."""
        start = self.clause_start(figure.start)
        left = self.text[start : figure.start]
        if not ITEM_SPLIT.search(left) or figure.kind is Kind.RANK or any(c.isdigit() for c in left):
            return None  # no list, or a figure among its items ("突破400、500亿元")
        return left, ""

    def respectively_before(self, figure: Figure) -> tuple[str, str] | None:
        """The clause text before '分别' and the verb after it, for the first figure of a list."""
        start = self.clause_start(figure.start)
        left = self.text[start : figure.start]
        at = left.rfind("分别")
        if at < 0:
            return None
        return left[:at], left[at + 2 :]


def _apply_respectively(text: str, figures: list[Figure], reader: _ContextReader) -> list[Figure]:
    """'A、B分别增长x、y' and '..., 同比分别增长x、y': each figure gets its own item's indicator."""
    out = list(figures)
    sentences = _SentenceIndex(text, out)
    i = 0
    while i < len(out):
        first = out[i]
        if first.kind is Kind.DATE:
            i += 1
            continue
        parts = reader.respectively_before(first)
        implicit = parts is None  # "工程机械、轨道交通装备出口346.8亿元、12.6亿元": 分别 unwritten
        if parts is None:
            parts = reader.implicit_list_before(first)
        if parts is None:
            i += 1
            continue
        group = [i]
        own_changes: list[str | None] = [None]  # what an item writes for itself: "增长5%和下降3%"
        j = i + 1
        while j < len(out) and out[j].kind is not Kind.DATE:
            joined, own = reader.list_item_change(text[out[group[-1]].end : out[j].start])
            if not joined:
                break
            group.append(j)
            own_changes.append(own)
            j += 1
        if len(group) < 2:
            i += 1
            continue
        subjects, verb = parts
        if implicit:
            change, subjects = reader.split_change(reader.strip_tail(subjects, first))
        items = _items(reader, subjects)
        if len(items) < len(group):
            items = _items(reader, subjects, whole=True) or items  # a long list, cut to its last item
        if implicit and (len(items) != len(group) or len({(out[k].kind, out[k].unit) for k in group}) > 1):
            i += 1
            continue
        if not implicit:
            change, _ = reader.split_change(reader.strip_tail(subjects + "分别" + verb, first))
        _, verb_rest = reader.split_change(reader.strip_tail(verb, first))
        if verb_rest.startswith(OPENING_PREPOSITIONS):
            verb_rest = ""  # "分别由2007年的39.5％和11.8％提高到…": a phrase to skip, not the verb
        objects = [s for s in reader.split_items(verb_rest) if s]
        before = sentences.figures_before(i, len(group))
        metric = ""
        if len(items) != len(group) and len(objects) != len(group) and not before:
            listed, ended, apposed = reader.previous_clause_items(first, len(group))  # "A、B、C领涨，涨幅分别为x、y、z"
            if listed:
                # "美国、韩国资本在鄂投资…，实际投资额分别突破x和y": each item's own metric
                metric = ("".join(items) if ended else "") or apposed
                if change is not None and change in metric:
                    metric = ""  # "涨幅分别为…": the change, not a metric
                items = listed
        if len(items) == len(group):  # "对东盟、欧盟分别进出口x、y"
            items = reader.share_tail(items)  # "A、B、C行业主力资金净流入金额…": each item's own
            lead = _shared_preposition(items)
            names = [
                (item if k == 0 or not lead else lead + item) + (metric or verb_rest) for k, item in enumerate(items)
            ]
        elif len(objects) == len(group):  # "分别进口非洲干辣椒、坚果x、y"
            head = reader.head_of(objects[0])
            names = [objects[0]] + [head + item for item in objects[1:]]
        else:
            names = [out[k].indicator or "" for k in before]
        for k, index in enumerate(group):
            if names and k < len(names) and names[k]:
                own = own_changes[k]
                out[index] = replace(out[index], indicator=names[k], change=own or change or out[index].change)
        i = j
    return out


def _items(reader: _ContextReader, subjects: str, whole: bool = False) -> list[str]:
    items = [reader.without_change_prefix(s) for s in reader.split_items(reader.clean_indicator(subjects, whole=whole))]
    return [s for s in items if s]


def _named(figure: Figure, indicator: str) -> Figure:
    if reasons.NO_INDICATOR not in figure.reasons:
        return replace(figure, indicator=indicator)
    kept = tuple(r for r in figure.reasons if r != reasons.NO_INDICATOR)
    return replace(figure, indicator=indicator, reasons=kept, confidence=round(figure.confidence + 0.1, 3))


def _shared_preposition(items: list[str]) -> str:
    head = items[0][:1]
    if head in ("对", "向", "在", "与", "从") and not any(item.startswith(head) for item in items[1:]):
        return head
    return ""


class _SentenceIndex:
    """Which figures share a sentence, found in one pass so that looking back from a figure
    costs no more than the figures it returns (a sentence may hold thousands of them)."""

    def __init__(self, text: str, figures: list[Figure]):
        self._first: list[int] = []  # index of the first figure of each figure's sentence
        for k, figure in enumerate(figures):
            same = k > 0 and not any(c in SENTENCE_BREAKS for c in text[figures[k - 1].end : figure.start])
            self._first.append(self._first[-1] if same else k)
        self._not_dates = [k for k, f in enumerate(figures) if f.kind is not Kind.DATE]

    def figures_before(self, at: int, count: int) -> list[int]:
        """The last `count` figures (not dates) before index `at` in its sentence; none if fewer."""
        low = bisect.bisect_left(self._not_dates, self._first[at])
        high = bisect.bisect_left(self._not_dates, at)
        return self._not_dates[high - count : high] if high - low >= count else []


def _is_nounish(tag: str | None) -> bool:
    return tag is None or tag[0] in "nsj" or tag in ("an", "vn")


def _is_numberish(word: str) -> bool:
    return any(c.isdigit() for c in word)
