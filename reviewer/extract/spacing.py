"""Numbers whose digits text from a PDF spaced apart: groups of thousands ('34 065元'), decimals
after the point ('11. 9%'), and digits split anywhere ('比重达到2 6.5%', read less surely). Each
function returns the number's digits without the spaces and where it ends, or None."""

from __future__ import annotations

import re
from decimal import Decimal

from reviewer.extract import dates
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.reading import MARKER_BEFORE, SCALE, SPACES, is_ascii_digit

SPACED_THOUSANDS = re.compile(r"(?: [0-9]{3})+(?:\.[0-9]+)?(?![0-9.])")
SPACED_DECIMALS = re.compile(r"\.[ \u3000]{1,2}[0-9]+(?![0-9.])")
SPACED_SPLIT = re.compile(r" [0-9]+(?:\.[0-9]+)?(?![0-9.])")  # "2 6.5%": digits split anywhere
# Words after which a number names a thing (表3, 图2, 第5, 附件1): never the first digits of a number
NUMBERING_WORDS = frozenset("表图第附号条款章节卷期")


def split_digits(norm: str, lex: Lexicon, s: int, end: int, written: str) -> tuple[str, int] | None:
    """'比重达到2 6.5%', '达到 1 69.4亿美元': one or two digits, a space, then the rest of a number
    and its unit, as PDF text breaks a number anywhere; read as one number, less surely."""
    if len(written) > 2 or not written.isdigit() or not s:
        return None
    before = s - 1
    if norm[before] == " " and before:
        before -= 1
    if not "\u4e00" <= norm[before] <= "\u9fff" or norm[before] in NUMBERING_WORDS:
        return None  # "表3 2023年末人口": a table's number, then its caption
    if dates.match_arabic_date(norm, end + 1, None):
        return None
    m = SPACED_SPLIT.match(norm, end)
    if m is None or m.end() >= len(norm) or SPACED_SPLIT.match(norm, m.end()):
        return None
    unit_follows = lex.unit_at(norm, m.end()) is not None or SCALE.match(norm, m.end()) is not None
    if norm[m.end()] != "%" and not ("\u4e00" <= norm[m.end()] <= "\u9fff" and unit_follows):
        return None
    joined = written + norm[end + 1 : m.end()]
    line = norm[norm.rfind("\n", 0, s) + 1 : s]
    if line.lstrip().startswith(("-", "|", "*")) or "\t" in line or "|" in line:
        return None  # a table's row, flattened: "- 新开工 15 23.4%" is two cells
    if norm[m.end()] == "%" and Decimal(joined) > 100:
        return None
    return joined, m.end()


def spaced_digits(norm: str, s: int, end: int, written: str) -> tuple[str, int] | None:
    """'34 065元', '11. 9%': a number whose digits PDF text spaced apart; None where the digits
    are not one number ('24. 4+5', a list marker; '120 135 150', a table's row). Read only where a
    word or sign follows."""
    if s and (is_ascii_digit(norm[s - 1]) or norm[s - 1] in ".,"):
        return None
    m = None
    if "." not in written and "," not in written and len(written) <= 3:
        m = SPACED_THOUSANDS.match(norm, end)
    if m is None and "." not in written and s and norm[s - 1] not in MARKER_BEFORE:
        m = SPACED_DECIMALS.match(norm, end)
    if m is None or m.end() >= len(norm):
        return None
    nxt = norm[m.end()]
    if nxt in SPACES or nxt in "\n\r\t" or is_ascii_digit(nxt) or nxt.isascii() and not nxt == "%":
        return None
    joined = written + "".join(norm[end : m.end()].split())
    return joined, m.end()
