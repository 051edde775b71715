"""What the scanner's parts share: the token patterns, the word lists of its rules, and the
Reading (a candidate figure under construction)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

CN_RUN = "零〇一二两三四五六七八九十百千万亿"
TOKEN = re.compile(rf"[0-9]+|[{CN_RUN}]+|半|俩")  # 俩 = 两个 (chinese.py reads it as a count)
ARABIC_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
CN_NUMBER = re.compile(rf"[{CN_RUN}]+(?:点[零〇一二三四五六七八九]+)?")
SCALE = re.compile(r"[十百千万亿]+")
RANGE_JOIN = re.compile(r"\s*(?:[-—–~～]|至|到)\s*")
LIST_JOIN = re.compile(r"\s*(?:[、和及与或]|以及)\s*")
FRACTION_SLASH = re.compile(r"/([0-9]{1,4})(?![0-9])")
ASCII_LETTER = re.compile(r"[A-Za-z]")
# Where a list marker may stand: start of a line, or after a space or sentence punctuation.
MARKER_BEFORE = set("\n\r \t\u3000：:；;。！？!?")
MARKER_AFTER = set("、.)）")
QUOTES_OPEN = set('“‘"「『《')
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
