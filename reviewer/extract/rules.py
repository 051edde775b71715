"""Context rules of the scanner: qualifiers, ranking claims, slogans, durations that are periods.

One ContextRules answers questions about one width-normalized text with one lexicon; the
scanner's readers are given it when they are made."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.extract.lexicon import Lexicon, Unit
from reviewer.extract.reading import CLAUSE_END, QUOTES_CLOSE, QUOTES_OPEN, Reading, clause_slice

# A place that moves is a place in a ranking: "由第13位上升到第8位".
RANK_MOVES = ("升", "上升", "跃", "跃升", "提升", "前移", "降", "下降", "后移")
# Words that begin with 大 after an ordinal in names ("第一大道", "第二大队"), not "the N-th largest".
NAMES_WITH_DA = ("大会", "大道", "大街", "大队", "大桥", "大厦", "大楼", "大学", "大赛", "大院", "大典", "大讲堂")
# Nouns of places that serve as their own measure word after a numeral ("三省", "两市", "沿海三港").
PLACE_NOUNS = frozenset("省市县区州镇乡村港岛")
# What joins the items of an enumeration ("天津、宁夏、江苏三省", "HPHT和CVD两大路线").
ENUMERATION_JOIN = re.compile("以及|[、和与及]")
ENUMERATED_ITEM = 10  # the longest item of an enumeration after its first (which may carry a lead-in verb)
PARENTHESIS = re.compile(r"[（(][^（()）]*[)）]")
NO_QUOTES = str.maketrans("", "", '“”‘’"「」『』《》')


# The measure words of counted establishments (四家银行, 两所学校, 三个研发机构, 两座电站)
COUNTING_WORDS = frozenset("家所个座")


@lru_cache(maxsize=16)
def _by_character(words: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """words grouped by their character at `at` (0 first, -1 last), each group in the given order
    (longest first): a look-up at a position then tries only the words that can match there."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[at], []).append(word)
    return {key: tuple(group) for key, group in groups.items()}


class ContextRules:
    def __init__(self, norm: str, lexicon: Lexicon):
        self.norm = norm
        self.lex = lexicon
        # the qualifiers that may end just before a position, by that position's last character
        self._prefixes_ending = _by_character(lexicon.prefix_qualifiers, -1)
        self._suffixes_starting = _by_character(lexicon.suffix_qualifiers, 0)
        self._not_figure_starting = _by_character(lexicon.not_figure_after, 0)
        self._not_qualifier_ending = _by_character(lexicon.not_qualifier_words, -1)

    # ---- words around a number ---------------------------------------------------------------

    def prefix_qualifier(self, s: int) -> str | None:
        """近, 约, 超过 ... written just before position s."""
        if s <= 0:
            return None
        for word in self._prefixes_ending.get(self.norm[s - 1], ()):
            if s >= len(word) and self.norm.startswith(word, s - len(word)):
                return None if self._ends_other_word(s, word) else word
        return None

    def _ends_other_word(self, s: int, qualifier: str) -> bool:
        """新签约100亿元: the 约 ends 签约, a verb of its own (not_qualifier_words.txt), not 约 (about)."""
        return any(
            len(word) > len(qualifier) and s >= len(word) and self.norm.startswith(word, s - len(word))
            for word in self._not_qualifier_ending.get(self.norm[s - 1], ())
        )

    def suffix_qualifier(self, pos: int) -> str | None:
        """以上, 左右 ... written at pos."""
        if pos >= len(self.norm):
            return None
        for word in self._suffixes_starting.get(self.norm[pos], ()):
            if self.norm.startswith(word, pos):
                return word
        return None

    def not_a_figure_at(self, pos: int) -> bool:
        """Whether a word that makes the number before it no figure starts at pos (not_figure_after.txt)."""
        if pos >= len(self.norm):
            return False
        return any(self.norm.startswith(word, pos) for word in self._not_figure_starting.get(self.norm[pos], ()))

    def unit_record(self, reading: Reading) -> Unit | None:
        return self.lex.units.get(reading.unit_written) if reading.unit_written else None

    def unit_inside(self, start: int, end: int) -> int | None:
        """Where a unit starting with a scale character (千瓦, 万吨) begins in norm[start:end]."""
        for at in range(start, end):
            unit = self.lex.unit_at(self.norm, at)
            if unit and len(unit.written) > 1 and unit.written[0] in "十百千万亿":
                return at
        return None

    # ---- rankings ----------------------------------------------------------------------------

    def is_rank_claim(self, ordinal_start: int, stop: int, placed: bool = False, reach: int = 8) -> bool:
        """第N / 前N at ordinal_start..stop is a place in a ranking. placed: a 位 or 名 is written
        ("排名第4位的广州市"), so a 的 may follow and a move (上升, 下降) makes it a ranking."""
        norm = self.norm
        nxt = norm[stop] if stop < len(norm) else "\n"
        if placed and norm.startswith(RANK_MOVES, stop):
            return True  # "由1999年的第13位上升到去年的第8位"
        if nxt not in CLAUSE_END and not norm.startswith(self.lex.rank_followers, stop):
            if not (placed and nxt == "的"):
                return False  # "第三批", "第六代", "第一数据港": an ordinal label, not a ranking
        window = clause_slice(norm, max(0, ordinal_start - reach), ordinal_start, backwards=True)
        if placed and not self.has_rank_context(window):
            # "居我国内地大中城市中第4位", "名列“电商百佳城市”第5位": a written place (位) may stand
            # farther from its ranking word, one of its clause
            window = clause_slice(norm, max(0, ordinal_start - 24), ordinal_start, backwards=True)
            return any(w in window for w in self.lex.rank_verbs)
        return self.has_rank_context(window)

    def has_rank_context(self, window: str) -> bool:
        """A ranking word just before: 居, 位居, 排名, 全国, 中部 ... (rank_context.txt); a list's
        name in quotation marks may stand between ("“全球银行1000强”第22位")."""
        window = window.rstrip(QUOTES_CLOSE + " ")
        return any(window.endswith(w) or (len(w) > 1 and w in window) for w in self.lex.rank_context)

    def is_top_n_claim(self, s: int) -> bool:
        """'跻身全国10强': N强 after a verb of ranking (跻身, 进入, 位列 ...), a scope word allowed between;
        '财政收入10强', '入围10强城市行列' name a list."""
        window = clause_slice(self.norm, max(0, s - 8), s, backwards=True)
        for verb in self.lex.rank_verbs:
            if len(verb) > 1 and verb not in ("百强", "排名", "排位") and verb in window:
                rest = window.rpartition(verb)[2]
                for scope in self.lex.rank_context:
                    rest = rest.replace(scope, "")
                return not rest  # "跻身全国财力四强": a named list (财力) stands between
        return False

    # ---- counts of real things -----------------------------------------------------------------

    def enumerated_before(self, s: int, count: int) -> bool:
        """'惠誉、穆迪、标普三大国际评级机构', '张士、浑南两个出口加工区': the number counts the items
        listed just before it (as many items as it says; fewer before 等)."""
        norm = self.norm
        before = clause_slice(norm, max(0, s - 40), s, backwards=True)
        before = PARENTHESIS.sub("", before).rpartition("：")[2].rpartition(":")[2]
        if before.endswith(tuple(QUOTES_CLOSE)):
            return False  # "“生态建园、文化建园、绿色板块”三大工程": a quoted set is a label
        before = before.translate(NO_QUOTES).removesuffix("等")  # "杀人、抢劫等八类": examples only
        if not before or before[-1] in "的了是有为在将把对从向这那此其该":
            return False
        items = ENUMERATION_JOIN.split(before)
        if len(items) < 2 or any(not item.strip() or len(item) > ENUMERATED_ITEM for item in items[1:]):
            return False  # "云南锗业、章源钨业主力资金净流入金额分别位居沪深两市": no list of two markets
        return len(items) == count

    def listed_after(self, end: int) -> bool:
        """'两个城市分别是宁波、温州': the items follow, 分别 naming each."""
        after = self.norm[end : end + 16]
        cut = min((after.find(c) for c in "。；;！？\n" if c in after), default=len(after))
        return "分别" in after[:cut]

    def is_distributive(self, s: int) -> bool:
        """'广东、山东各有一个城市入围', '街道、社区各配备一名': 各 (and a verb) gives each its count."""
        from reviewer.extract.segmenter import get_segmenter

        head = self.norm[max(0, s - 3) : s]
        at = head.rfind("各")
        if at < 0:
            return False
        verb = head[at + 1 :]
        return not verb or (get_segmenter().tag(verb) or "").startswith("v")

    def in_a_list_of_counts(self, end: int) -> bool:
        """'完成了四大主体建筑、100个展园': one count in a list of counts."""
        after = clause_slice(self.norm, end, end + 16)
        at = after.find("、")
        return 0 < at < len(after) - 1 and "0" <= after[at + 1] <= "9"

    def is_real_count(self, s: int, end: int, count: int) -> bool:
        """A small Chinese count that would read as a set label (三个示范区, 五大主导产业) unless the
        text shows its members: listed before or after it, counted out one by one, or counted in
        a list of counts."""
        norm = self.norm
        if s and norm[s - 1] in QUOTES_OPEN or norm.startswith("二", s) and count == 2:
            return False  # a count of two is 两 ("两个城市"); "二期", "二类" are a phase and a class
        if end < len(norm) and norm[end] in QUOTES_OPEN or "之一" in clause_slice(norm, end, end + 12):
            return False  # "五个“一体化”": a quoted label; "全国三大蔬菜基地之一": one of the largest
        head = clause_slice(norm, max(0, s - 30), s, backwards=True)
        if head.count("“") > head.count("”"):
            return False  # "“四个坚持、三个支撑”": inside a quoted name
        return (
            self.enumerated_before(s, count)
            or self.listed_after(end)
            or self.is_distributive(s)
            or self.in_a_list_of_counts(end)
            or self.counts_an_establishment(end)
        )

    def counts_an_establishment(self, end: int) -> bool:
        """'引进四家银行', '两所外资医院': what is counted is an organization or establishment
        (counted_nouns.txt) named within a few characters, which no set label counts. Not after
        N大, which also begins names (八大山人, 五大连池)."""
        if self.norm[end - 1] not in COUNTING_WORDS:
            return False
        after = clause_slice(self.norm, end, end + 8)
        return any(noun in after[: 4 + len(noun)] for noun in self.lex.counted_nouns)

    def is_superlative(self, pos: int) -> bool:
        """'第一大贸易伙伴', '前五大贸易伙伴': 第N大 / 前N大 is a place by size; 第一大道 is a name."""
        return self.norm.startswith("大", pos) and not self.norm.startswith(NAMES_WITH_DA, pos)

    def is_place_in_ranking(self, reading: Reading) -> bool:
        """'百强县进至63位', '进入同类园区前10位': 位 as a place, not as people counted."""
        norm = self.norm
        if reading.start and norm.startswith("前", reading.start - 1):
            return True
        head = clause_slice(norm, max(0, reading.start - 8), reading.start, backwards=True)
        return any(head.endswith(w) or (len(w) > 1 and w in head) for w in self.lex.rank_verbs)

    # ---- words that only look like figures ---------------------------------------------------

    def in_slogan(self, s: int, run_end: int) -> bool:
        pattern = self.lex.slogan_pattern
        if pattern is None:
            return False
        window_start = max(0, s - 4)
        window = self.norm[window_start : run_end + 6]
        return any(m.start() <= s - window_start < m.end() for m in pattern.finditer(window))

    def duration_is_claim(self, s: int) -> bool:
        head = self.norm[max(0, s - 4) : s]
        return any(word in head for word in self.lex.duration_claim)

    def is_duration_period(self, reading: Reading) -> bool:
        """'过去一年', '五年来': a duration that names a period, not a figure."""
        unit = self.unit_record(reading)
        if unit is None or "duration" not in unit.tags:
            return False
        head = self.norm[max(0, reading.start - 3) : reading.start]
        if self.duration_is_claim(reading.start):
            return False
        return head.endswith(self.lex.period_before) or self.norm.startswith(self.lex.period_after, reading.end)

    def year_word(self, at: int) -> str | None:
        """The meaning (this_year, last_year ...) of a period word just before position at."""
        head = self.norm[max(0, at - 3) : at]
        for word, meaning in self.lex.period_words.items():
            if head.endswith(word):
                return meaning
        return None

    # ---- units implied by a neighbouring word ------------------------------------------------

    def implied_unit(self, s: int, stop: int) -> tuple[str, str] | None:
        """(kind, unit) of a scaled number written without a unit at norm[s:stop]: the people or
        households of the noun phrase after it ('280多万城镇中低收入住房困难群众', '720万沈阳人民'),
        else the metric nearest before it in its clause ('从业人员约30万', '进出口总额突破3000亿'),
        else the metric of the clause before when that clause has a number of the same scale
        ('收入都只有120亿左右，今年1季度直接飙升至290亿以上')."""
        norm = self.norm
        phrase = self.noun_phrase(stop)
        found = next((ku for w, ku in self.lex.implied_before.items() if phrase.startswith(w)), None)
        if found:
            return found  # "3000万资金支持农民": the metric itself follows
        hits = [(phrase.find(w), -len(w), ku) for w, ku in self.lex.implied_after.items() if w in phrase]
        if hits:
            return min(hits)[2]  # the first noun: "25万贫困户、110万贫困人口" counts households
        before = clause_slice(norm, max(0, s - 16), s, backwards=True)
        found = self._nearest_metric(before)
        if found or len(before) >= 16 or s - len(before) < 1:
            return found
        clause_start = s - len(before) - 1
        previous = clause_slice(norm, max(0, clause_start - 24), clause_start, backwards=True)
        scale = norm[stop - 1] if stop else ""
        if scale in "万亿" and re.search(rf"[0-9]\s*[多余]?{scale}", previous):
            return self._nearest_metric(previous)
        return None

    def _nearest_metric(self, before: str) -> tuple[str, str] | None:
        best, found = -1, None
        for word, kind_unit in self.lex.implied_before.items():
            at = before.rfind(word)
            if at >= 0 and at + len(word) > best:
                best, found = at + len(word), kind_unit
        return found

    def noun_phrase(self, pos: int) -> str:
        """The noun phrase after pos: up to 12 characters, to the first 的 or clause break."""
        return clause_slice(self.norm, pos, pos + 12).partition("的")[0]

    def noun_as_measure(self, s: int, end: int) -> str | None:
        """'天津、宁夏、江苏三省', '两市': a one-character noun (jieba tags it n, j or ns) standing as its
        own word after a numeral, used as the measure word; '三农', '两会' and '三省吾身' are words."""
        from reviewer.extract.segmenter import get_segmenter

        norm = self.norm
        if end >= len(norm):
            return None
        char = norm[end]
        if char not in PLACE_NOUNS:
            return None
        seg = get_segmenter()
        if not (seg.tag(char) or "").startswith(("n", "j", "zg")) or seg.tag(char) in ("nr", "nrt"):  # 县, 村: zg
            return None
        words = seg.cut(norm[s : end + 4])
        numeral = words[0] if words else ""
        if len(numeral) != end - s or len(words) < 2 or words[1] != char:
            return None  # the numeral and the noun make one word, or the noun begins a longer one
        return char
