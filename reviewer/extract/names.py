"""Counts that are part of a name, not a figure (GUIDE.md, "Not figures"): bond tenors (5年期),
anniversaries celebrated as events (庆祝自治区成立50周年, 20周年系列纪念活动), names that
contain a count (“辉煌七公里”, 54小时创业松鼠大赛, 3年职业教育攻坚计划) and the denominators
of rates (每10万人, 就业人员10万人生产安全事故死亡人数).

Each rule looks at a few characters around one reading; a short window is segmented only where
a cheap test has already matched."""

from __future__ import annotations

import re
from decimal import Decimal

from reviewer.extract.reading import CLAUSE_END, QUOTE_PAIRS, QUOTES_CLOSE, QUOTES_OPEN, Reading, clause_slice
from reviewer.extract.rules import ContextRules
from reviewer.extract.segmenter import get_segmenter

QUOTE_OPENING = re.compile("[" + re.escape("".join(sorted(QUOTES_OPEN))) + "]")
# "N周年" as the name of an event: 庆祝…成立50周年, 纪念…起义80周年
ANNIVERSARY_EVENT = ("庆祝", "纪念", "庆典", "喜迎")
# what may follow "N周年" in a claim: "成立70周年。", "70周年之际", "70周年，"
ANNIVERSARY_CLAIM_AFTER = set("之的和与及，。；、！？,;!?\n）)”")
# the heads of a programme's or an event's name: "3年职业教育攻坚计划", "54小时创业松鼠大赛"
NAME_HEADS = (
    "计划",
    "行动",
    "规划",
    "攻坚战",
    "工程",
    "大赛",
    "比赛",
    "竞赛",
    "挑战赛",
    "马拉松",
    "活动",
    "论坛",
    "峰会",
    "方案",
)
# metrics named by their window: insurers' 13个月保单继续率, funds' 7日年化收益率, 30日留存率
RATE_HEADS = ("继续率", "收益率", "留存率", "逾期率")
# a tenor: "5年期国债", "3个月期", "7天期逆回购" (but "3年期间", "3年期内" are spans of time)
TENOR_UNITS = ("年", "个月", "月", "天", "日")
RATE_WORDS = ("人数", "率", "拥有量", "拥有", "床位数", "万人", "千人")
PEOPLE_UNITS = ("人", "户", "人口", "名")
POWERS_OF_TEN = {Decimal(10) ** k for k in range(1, 8)}


def is_a_name(norm: str, reading: Reading, rules: ContextRules) -> bool:
    """Whether the reading's count belongs to a name, a tenor or a rate's denominator."""
    end = reading.end
    unit = reading.unit or ""
    nxt = norm[end] if end < len(norm) else "\n"
    if unit in TENOR_UNITS and nxt == "期" and not norm.startswith(("期间", "期内"), end):
        return True
    if unit == "周年":
        return _anniversary_is_event(norm, reading)
    if reading.kind == "quantity" and _inside_short_quote(norm, reading):
        return True
    if unit in PEOPLE_UNITS and _rate_denominator(norm, reading):
        return True
    if reading.kind == "quantity" and nxt not in CLAUSE_END and _heads_a_name(norm, reading, rules):
        return True
    return False


def _anniversary_is_event(norm: str, reading: Reading) -> bool:
    nxt = norm[reading.end] if reading.end < len(norm) else "\n"
    if nxt not in ANNIVERSARY_CLAIM_AFTER:
        return True  # "20周年系列纪念活动", "五周年典型案例"
    head = clause_slice(norm, max(0, reading.start - 16), reading.start, backwards=True)
    return any(w in head for w in ANNIVERSARY_EVENT)


def _inside_short_quote(norm: str, reading: Reading) -> bool:
    """“辉煌七公里”: a count inside a short quoted name that holds more than the figure."""
    low = max(0, reading.start - 10)
    if QUOTE_OPENING.search(norm, low, reading.start) is None:
        return False
    open_at = None
    for i in range(reading.start - 1, low - 1, -1):
        ch = norm[i]
        if ch in CLAUSE_END or ch in QUOTES_CLOSE and ch not in QUOTES_OPEN:
            return False
        if ch in QUOTES_OPEN:
            open_at = i
            break
    if open_at is None:
        return False
    close = QUOTE_PAIRS.get(norm[open_at])
    if close is None or close == "》":
        return False
    stop = min(len(norm), reading.end + 10)
    close_at = next((i for i in range(reading.end, stop) if norm[i] == close), None)
    if close_at is None or any(c in CLAUSE_END for c in norm[reading.end : close_at]):
        return False
    inside = norm[open_at + 1 : close_at]
    rest = inside.replace(norm[reading.start : reading.end], "", 1)
    if any("0" <= c <= "9" or c in "、，," for c in rest):
        return False  # “7年687航次、20万标箱”: figures quoted as a list, not one name
    if sum(1 for c in rest if "\u4e00" <= c <= "\u9fff") < 2:
        return False
    seg = get_segmenter()
    words = seg.cut(rest)
    if inside.endswith(rest) and words and (seg.tag(words[-1]) or "").startswith(("n", "q")):
        return True  # “15分钟健身圈”: a name ends with its noun (圈, tagged q), whatever verb it holds (健身)
    return not any((seg.tag(w) or "") in ("v", "vd", "p", "d") for w in words)  # a quoted claim has a verb


def _rate_denominator(norm: str, reading: Reading) -> bool:
    """'每10万人', '就业人员10万人生产安全事故死亡人数': the base of a rate, not a count."""
    if reading.value not in POWERS_OF_TEN:
        return False
    if reading.start and norm[reading.start - 1] == "每":
        return True
    after = clause_slice(norm, reading.end, reading.end + 14)
    if not after or not "\u4e00" <= after[0] <= "\u9fff" or after[0] in "的和与及、":
        return False
    return any(w in after for w in ("死亡人数", "死亡率", "发病率", "患病率", "拥有量", "床位数"))


def _heads_a_name(norm: str, reading: Reading, rules: ContextRules) -> bool:
    """'54小时创业松鼠大赛', '3年职业教育攻坚计划': a span of time at the head of a noun phrase
    that ends in a programme's or an event's name ('连续三年荣获…工程' is a claim)."""
    if reading.unit not in ("年", "小时", "天", "日", "个月", "周", "分钟"):
        return False
    if rules.duration_is_claim(reading.start):
        return False
    window = clause_slice(norm, reading.end, reading.end + 10)
    seg = get_segmenter()
    rate_at = next((window.find(h) for h in RATE_HEADS if h in window), -1)
    if rate_at >= 0:  # "13个月保单继续率为95.6%": no verb between the window and its metric
        between = [seg.tag(w) or "" for w in seg.cut(window[:rate_at])]
        return not any(t.startswith(("v", "p", "d", "c", "r", "u")) for t in between)
    head_at = next((window.find(h) for h in NAME_HEADS if h in window), -1)
    if head_at < 0:
        return False
    words = seg.cut(window[:head_at])
    if not words:
        return False
    tags = [seg.tag(w) or "" for w in words]
    return all(t.startswith(("n", "vn", "an")) and t != "nr" for t in tags)  # nr: jieba's guess of a name
