"""What the scanner's parts share: the token patterns, the word lists of its rules, and the
Reading (a candidate figure under construction)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.extract.lexicon import Lexicon, Unit

CN_RUN = "零〇一二两三四五六七八九十百千万亿"
TOKEN = re.compile(rf"[0-9]+|[{CN_RUN}]+|半|俩")  # 俩 = 两个 (chinese.py reads it as a count)
ARABIC_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
CN_NUMBER = re.compile(rf"[{CN_RUN}]+(?:点[零〇一二三四五六七八九]+)?")
SCALE = re.compile(r"[十百千万亿]+")
RANGE_JOIN = re.compile(r"\s*(?:[-—–~～]|至|到|&mdash;|&ndash;)\s*")  # HTML entities left in web text
LIST_JOIN = re.compile(r"\s*(?:[、和及与或]|以及)\s*")
FRACTION_SLASH = re.compile(r"/([0-9]{1,4})(?![0-9])")
ASCII_LETTER = re.compile(r"[A-Za-z]")
# Where a list marker may stand: start of a line, or after a space or sentence punctuation.
MARKER_BEFORE = set("\n\r \t\u3000：:；;。！？!?")
MARKER_AFTER = set("、.)）")
# Quotation marks and the mark that closes each
QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "「": "」", "『": "』", "《": "》"}
QUOTES_OPEN = set(QUOTE_PAIRS)
QUOTES_CLOSE = "".join(dict.fromkeys(QUOTE_PAIRS.values()))
SPACES = " \u3000\u00a0\u2009\u202f"  # spaces a line may hold between a number and its words (PDF text)
CLAUSE_END = set("，。；！？,;!?\n")
TIME_UNITS_FOR_HALF = ("个小时", "小时", "个月", "天", "日", "年")


def is_ascii_digit(ch: str) -> bool:
    """0-9 only. str.isdigit() is also true of ², ③, 𝟏 and ٣, which the number patterns do not
    read; testing with it sends the scanner after a number that is not there."""
    return "0" <= ch <= "9" and len(ch) == 1


@dataclass
class Reading:
    """One candidate figure under construction."""

    start: int
    end: int
    kind: str
    value: Decimal
    unit: str | None = None
    value_high: Decimal | None = None
    approx: str | None = None
    confidence: float = 0.9
    reasons: list[str] = field(default_factory=list)
    unit_written: str | None = None  # the unit as the lexicon lists it, for its tags
    factor: Decimal = Decimal(1)  # what the written number was multiplied by (万, 亿, 成 = 1/10)


def clause_slice(text: str, start: int, end: int, backwards: bool = False) -> str:
    """text[start:end] cut at the first clause break (the last one, reading backwards)."""
    piece = text[start:end]
    breaks = [i for i, c in enumerate(piece) if c in CLAUSE_END]
    if not breaks:
        return piece
    return piece[breaks[-1] + 1 :] if backwards else piece[: breaks[0]]


def half_after_unit(norm: str, lex: Lexicon, pos: int, unit: Unit, value: Decimal) -> tuple[str, int] | None:
    """'三米半', '四成半', '一倍半', '一个半月': a 半 after the unit (ending at pos) of a whole number
    adds a half. The unit the figure takes (as the lexicon writes it) and where the figure ends, or
    None. 个 + 半 + 月 is the unit 个月; a 半 that starts a word of its own ('一个半岛', '三米半径')
    is no half of the unit before it, nor is one after a percentage or 成's tenths written in full."""
    if not norm.startswith("半", pos) or value != value.to_integral_value():
        return None
    if unit.kind not in ("quantity", "multiple", "money") and unit.unit != "成":
        return None
    written = unit.written
    for length in (4, 3, 2, 1):  # "个半小时" -> 个小时, "个半月" -> 个月
        joined = written + norm[pos + 1 : pos + 1 + length]
        if len(joined) == len(written) + length and joined in lex.units:
            return joined, pos + 1 + length
    nxt = norm[pos + 1] if pos + 1 < len(norm) else ""
    if "\u4e00" <= nxt <= "\u9fff" and not norm.startswith(lex.suffix_qualifiers, pos + 1):
        from reviewer.extract.segmenter import get_segmenter

        words = get_segmenter().cut(norm[pos : pos + 4])
        if not words or words[0] != "半":
            return None  # 半岛, 半径, 半导体, 半月
    return written, pos + 1


def discount_share(norm: str, end: int, value: Decimal) -> Decimal | None:
    """The share a discount in 折 (written just before end) leaves to pay: '八折' 0.8, '8.5折' and
    '85折' 0.85, '七五折' 0.75; None where the number is none of these or 折 begins a word ('折合',
    '折旧', '折算')."""
    if 1 <= value < 10:
        share = value / 10
    elif 10 < value < 100 and value == value.to_integral_value() and value % 10:
        share = value / 100
    else:
        return None
    if end < len(norm) and norm[end] in CN_RUN:
        return None  # "七折八扣": an idiom
    if end < len(norm) and "\u4e00" <= norm[end] <= "\u9fff":
        from reviewer.extract.segmenter import get_segmenter

        words = get_segmenter().cut(norm[end - 1 : end + 3])
        if not words or words[0] != "折":
            return None
    return share
