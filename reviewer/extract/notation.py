"""Notation of financial, statistical and technical text (GUIDE.md, "Notation in financial,
statistical and technical text"): signs, multiples written 15x, 翻N番, index levels in 点, bare
index readings, exchange rates quoted after a currency pair, shares written as a ratio sequence
(21.3∶41.6∶37.1), map scales (1：10万) and the stretches of a URL.

Every rule here looks at a few characters around one number (anchored patterns, bounded
windows), so its cost does not grow with the text."""

from __future__ import annotations

import re
from decimal import Decimal

from reviewer.extract import reasons
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.reading import ARABIC_NUMBER, QUOTES_OPEN, Reading, clause_slice
from reviewer.extract.rules import ContextRules

MINUS = "-−－﹣"
PLUS = "+＋"
# A hyphen after one of these joins two parts of a code, a range or a date: "G-20", "10-20", "2025-07".
NOT_SIGN_BEFORE = set("%％)）]】}>/._-−－+＋~～*^&=#|'\"")
# 负 is a sign after a break or a word that introduces a value ("增速为负2.1%", "同比负3%");
# elsewhere it ends a word: 减负, 胜负, 正负 (±), 抱负, 担负 ...
SIGN_NEGATIVE_AFTER = set("为是至到达由从比速长率值、（(：:，, \t\n\u3000")

# "8点30分", "8点半", "8点钟": a clock time, not an index level
CLOCK_AFTER = set("钟半分整前后过0123456789零〇一二三四五六七八九十")
INDEX_WORDS: tuple[str, ...] = ("指数", "指", "点位", "报收", "收报", "收于", "收盘", "大盘", "点数", "涨", "跌")
INDEX_WORDS += ("站上", "重上", "失守", "守住")  # "重上18000点"
INDEX_LEVEL_AFTER = ("关口", "大关", "整数关", "关键点位")  # "2900点整数关口", "3000点大关"
# "采购经理指数（PMI）为51.7", "上证指数报3987": a reading after an index, in 点
INDEX_READING = re.compile(
    r"(?:指数|PMI|CPI|PPI|板指|成指)(?:[（(][A-Za-z]{2,6}[）)])?"
    r"(?:报收|收报|收于|报|为|录得|回升至|回落至|升至|降至|上升至|下降至"
    r"|分别为|达到|达|控制在|保持在|稳定在|提高到|提高至|上升到|下降到|)$"  # "综合指数达到101.8", "价格指数控制在104"
)
FX_VERBS = r"(?:报收|收报|收于|报|为|升至|跌至|贬至|涨至|升破|跌破|录得)"
RATIO_SEP = "∶：:"
SHARE_WORDS = ("比重", "比例", "结构", "占比", "之比", "构成")
SHARE_SLIP = (Decimal(90), Decimal(110))  # what shares of a named structure may sum to when one is mistyped
URL_PUNCT = set("/=?&%#:._-+~;,")  # what stands before a number inside a URL
SPACE = re.compile(r"\s")
URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")

# Abbreviations of a change that a figure follows glued, with or without a sign ("YoY+15.6%", "QoQ-3.2%")
CHANGE_ABBREVIATIONS = ("YoY", "QoQ", "MoM", "yoy", "qoq", "mom", "YOY", "QOQ", "MOM")

_FX_PATTERNS: dict[int, re.Pattern[str]] = {}


def after_change_abbreviation(norm: str, at: int) -> bool:
    """Whether norm[:at] ends with YoY, QoQ or MoM (a word of its own)."""
    if not norm.endswith(CHANGE_ABBREVIATIONS, 0, at):
        return False
    return not (at > 3 and norm[at - 4].isascii() and norm[at - 4].isalpha())


def sign_before(norm: str, s: int) -> tuple[int, int] | None:
    """(where the sign starts, -1 or 1) for a sign written just before the number at s:
    '-12.5%', '同比-3%', '（-19.4%）', '+0.8%', '负2.1%'; None for the hyphen of a range or a code."""
    if s == 0:
        return None
    ch = norm[s - 1]
    before = norm[s - 2] if s >= 2 else "\n"
    if ch in MINUS or ch in PLUS:
        if before in "~～" and ch in MINUS or after_change_abbreviation(norm, s - 1):
            return s - 1, -1 if ch in MINUS else 1  # "-5%~-3%" (a range below zero), "QoQ-3.2%"
        if before in NOT_SIGN_BEFORE or before.isascii() and before.isalnum():
            return None
        return s - 1, -1 if ch in MINUS else 1
    if ch == "负" and (before in SIGN_NEGATIVE_AFTER or s == 1):
        return s - 1, -1
    return None


def times_x(norm: str, s: int, end: int, value: Decimal) -> Reading | None:
    """'15x', '20-30x': a valuation multiple; not '3x3', 'x86', '10x Genomics'."""
    if end >= len(norm) or norm[end] != "x":  # "415X": a code
        return None
    after = norm[end + 1] if end + 1 < len(norm) else "\n"
    if after.isascii() and (after.isalnum() or after in "_-."):
        return None
    if after == " " and end + 2 < len(norm) and norm[end + 2].isascii() and norm[end + 2].isalpha():
        return None
    before = norm[s - 1] if s else "\n"
    if before.isascii() and before.isalpha() or before in "x×*":
        return None
    return Reading(s, end + 1, "multiple", value, unit="倍", confidence=0.7, reasons=[reasons.MULTIPLE_X])


def doubling(norm: str, s: int, end: int, value: Decimal, rules: ContextRules) -> Reading | None:
    """'翻1.16番', '翻两番', '翻了一番': a multiple in 番, only after 翻 (三番五次 is a word)."""
    if not norm.startswith("番", end) or not (norm.endswith("翻", 0, s) or norm.endswith("翻了", 0, s)):
        return None
    if s >= 2 and norm[s - 2] in QUOTES_OPEN:
        return None  # “翻两番、跨两步”: a slogan
    stop = end + 1
    if norm.startswith("半", stop):
        value, stop = value + Decimal("0.5"), stop + 1  # "翻一番半"
    reading = Reading(s, stop, "multiple", value, unit="番", confidence=0.85, reasons=[reasons.DOUBLING])
    reading.approx = rules.suffix_qualifier(stop)
    return reading


def index_points(norm: str, s: int, end: int, value: Decimal, rules: ContextRules) -> Reading | None:
    """'报收3987.01点', '合计为-3.96点', '下跌25.3点': an index level or move in 点; '8点30分' is a
    clock time and '3个试点' a word."""
    if not norm.startswith("点", end):
        return None
    after = norm[end + 1] if end + 1 < len(norm) else "\n"
    level = norm.startswith(INDEX_LEVEL_AFTER, end + 1)
    if after in CLOCK_AFTER and not level:
        return None
    decimal = "." in norm[s:end]
    head = clause_slice(norm, max(0, s - 16), s, backwards=True)
    if not decimal and not level and not any(w in head for w in INDEX_WORDS):
        return None
    reading = Reading(s, end + 1, "quantity", value, unit="点", confidence=0.8, reasons=[reasons.INDEX_LEVEL])
    reading.approx = rules.prefix_qualifier(s) or rules.suffix_qualifier(end + 1)
    return reading


def index_reading(norm: str, s: int, end: int, value: Decimal) -> Reading | None:
    """'采购经理指数（PMI）为51.7': a bare reading after an index is a level in 点."""
    head = clause_slice(norm, max(0, s - 14), s, backwards=True)
    if ("指" not in head and "PI" not in head) or not INDEX_READING.search(head):
        return None
    return Reading(s, end, "quantity", value, unit="点", confidence=0.6, reasons=[reasons.INDEX_LEVEL])


def _fx_pattern(lex: Lexicon) -> re.Pattern[str]:
    pattern = _FX_PATTERNS.get(id(lex))
    if pattern is None:
        names = sorted(
            {u.written for u in lex.units.values() if u.kind == "money" and len(u.written) > 1}
            - {w for w in lex.units if w[0] in "十百千万亿"},
            key=len,
            reverse=True,
        )
        currency = "|".join(re.escape(n) for n in names) or "(?!)"
        pattern = re.compile(
            rf"(?P<base>{currency})(?:兑|对|/)(?P<quote>{currency})(?:汇率)?(?:中间价|即期汇率|收盘价|汇价)?{FX_VERBS}$"
        )
        _FX_PATTERNS[id(lex)] = pattern
    return pattern


def exchange_rate(norm: str, s: int, end: int, value: Decimal, lex: Lexicon) -> Reading | None:
    """'美元兑日元报150.2': a rate quoted bare after a currency pair is money in the quote
    currency (日元). Where 人民币 is one side, Chinese quotes are in 元 (人民币对美元 7.1234);
    a few currencies are quoted the other way, hence the lower confidence."""
    head = clause_slice(norm, max(0, s - 20), s, backwards=True)
    if "兑" not in head and "对" not in head and "/" not in head:
        return None  # (a pair is also written 美元/人民币)
    m = _fx_pattern(lex).search(head)
    if m is None:
        return None
    base, quote = lex.units[m["base"]].unit, lex.units[m["quote"]].unit
    unit, confidence = quote, 0.7
    if "人民币" in (m["base"], m["quote"]):
        unit, confidence = "元", 0.6
    if base == quote:
        return None
    return Reading(s, end, "money", value, unit=unit, confidence=confidence, reasons=[reasons.EXCHANGE_RATE])


def ratio_parts(norm: str, s: int) -> list[tuple[int, int, Decimal]] | None:
    """The numbers of a ratio sequence starting at s ('21.3∶41.6∶37.1'), or None."""
    parts: list[tuple[int, int, Decimal]] = []
    pos = s
    while len(parts) < 8:
        number = ARABIC_NUMBER.match(norm, pos)
        if number is None:
            break
        try:
            parts.append((number.start(), number.end(), Decimal(number.group().replace(",", ""))))
        except ArithmeticError:
            return None
        pos = number.end()
        if pos + 1 < len(norm) and norm[pos] in RATIO_SEP and "0" <= norm[pos + 1] <= "9":
            pos += 1
            continue
        break
    return parts if len(parts) >= 2 else None


def is_map_scale(norm: str, parts: list[tuple[int, int, Decimal]]) -> bool:
    """'1：10万', '1:50000': a scale, not a figure."""
    if len(parts) != 2 or parts[0][2] != 1:
        return False
    end = parts[1][1]
    return parts[1][2] >= 1000 or end < len(norm) and norm[end] in "千万"


def are_shares(norm: str, s: int, parts: list[tuple[int, int, Decimal]]) -> bool:
    """Parts that read as shares: they sum to about 100 and, unless three or more, the clause
    says 比重 / 比例 / 结构. A score (3:1) or '1:1配套' is not."""
    end = parts[-1][1]
    if end < len(norm) and (norm[end] in "%％" or norm[end].isascii() and norm[end].isalnum()):
        return False
    values = [p[2] for p in parts]
    if any(v <= 0 or v >= 100 for v in values):
        return False
    head = clause_slice(norm, max(0, s - 20), s, backwards=True)
    named = any(w in head for w in SHARE_WORDS)
    if Decimal(99) <= sum(values) <= Decimal(101):
        return len(parts) >= 3 or named
    # a stated structure whose shares were mistyped (三次产业结构为10.2∶40.1∶45.3) is still its
    # shares as written: the checks tell the reviewer they do not add up; a proportion (1∶1) is not
    return named and len(parts) >= 3 and SHARE_SLIP[0] <= sum(values) <= SHARE_SLIP[1]


def url_end(norm: str, s: int) -> int | None:
    """Where the URL around position s ends, when s is inside one ('https://a.cn/x?q=%3A')."""
    if not s or norm[s - 1] not in URL_PUNCT:
        return None
    low = max(0, s - 300)
    at = max(norm.rfind("://", low, s), norm.rfind("www.", low, s), norm.rfind("WWW.", low, s))
    if at < 0 or not norm[at:s].isascii() or SPACE.search(norm, at, s):
        return None
    tail = URL_CHARS.match(norm, s)
    return tail.end() if tail else s
