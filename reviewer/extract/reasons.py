"""Why a figure's confidence is what it is: fixed message ids, stored with the figure (joined by
"; ") and translated where they are shown (`reviewer.i18n.translate_parts`). Nothing variable
goes into a reason, so every stored reason has a translation."""

from __future__ import annotations

from reviewer.i18n import N_

DATE = N_("date")
SCALED = N_("scaled by a word such as 万 or 亿")
RANGE = N_("a range")
RANKING = N_("a place in a ranking")
TOP_N = N_("a place counted from the top (前N)")
PERCENT_WORDS = N_("a percentage in words (百分之)")
FRACTION_WORDS = N_("a fraction in words (分之)")
HALF = N_("a half (半)")
SHARE_SLASH = N_("a share written a/b")
LIST_MARKER_SPLIT = N_("a list marker split off")
UNIT_SHARED = N_("unit shared with the next figure")
UNIT_IMPLIED = N_("unit implied by a neighbouring word")
MAY_BE_NAME = N_("a percentage followed by a noun: may be part of a name")
NO_INDICATOR = N_("no indicator named")
LISTED_COUNT = N_("a small count of things the text lists or counts out")
MULTIPLE_X = N_("a multiple written with x")
DOUBLING = N_("a doubling (翻N番)")
INDEX_LEVEL = N_("an index level in points")
EXCHANGE_RATE = N_("an exchange rate after a currency pair")
RATIO_SHARES = N_("a share in a ratio sequence")
SPACED_DIGITS = N_("digits spaced apart, read as one number")
TABLE_CELL = N_("a number in a table, its unit from the header or the unit line")

ALL = (
    DATE,
    SCALED,
    RANGE,
    RANKING,
    TOP_N,
    PERCENT_WORDS,
    FRACTION_WORDS,
    HALF,
    SHARE_SLASH,
    LIST_MARKER_SPLIT,
    UNIT_SHARED,
    UNIT_IMPLIED,
    MAY_BE_NAME,
    NO_INDICATOR,
    LISTED_COUNT,
    MULTIPLE_X,
    DOUBLING,
    INDEX_LEVEL,
    EXCHANGE_RATE,
    RATIO_SHARES,
    SPACED_DIGITS,
    TABLE_CELL,
)
