"""Cases found by reading the engine's output over the 400 government work reports of the
corpus (benchmarks/uncovered_digits.py lists the digit runs no figure or date covers): text ->
every expected figure, as (span text, kind, value, unit[, extras]). Real sentences of the corpus.
"""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only
from reviewer.model import Kind

D = Decimal

# ---- wrong values: digits spaced apart, a list marker glued to a year, a unit shared wrongly ---
WRONG_VALUES = [
    # PDF text spaces the groups of thousands, or the decimals after the point
    ("城镇居民人均可支配收入34 065元，农村居民", [("34 065元", "money", D(34065), "元")]),
    ("力争达到20 000元；农民人均纯收入", [("20 000元", "money", D(20000), "元")]),
    ("建设保障性住房38 103套，竣工", [("38 103套", "quantity", D(38103), "套")]),
    ("全市常住人口1 234 567人", [("1 234 567人", "quantity", D(1234567), "人")]),
    ("元，比上年增长11. 9%。继续大力", [("11. 9%", "percent", D("11.9"), "%")]),
    ("全年工业增加值3694. 93亿元，比上年", [("3694. 93亿元", "money", D("369493000000"), "元")]),
    # a list marker glued to the year that begins its item
    ("全部完成。\n7.2022年十件民生实事全部完成", [("十件", "quantity", D(10), "件")]),
    # a year written half in Chinese, half in Arabic digits
    ("这是完成一九九0年以至整个九十年代工作", []),
    # a duration of a list is no unit of an amount beside it
    ("聚焦产值“3年500亿、5年1000亿”目标", [
        ("3年", "quantity", D(3), "年"), ("500亿", "money", D(5 * 10**10), "元"), ("5年", "quantity", D(5), "年"),
        ("1000亿", "money", D(10**11), "元")]),
]

CASES = WRONG_VALUES


@pytest.mark.parametrize("text,expected", CASES, ids=[t for t, _ in CASES])
def test_figures(text, expected):
    got = figures_only(extract(text))
    summary = [(f.text, f.kind.value, f.value, f.unit) for f in got]
    assert len(got) == len(expected), summary
    for figure, row in zip(got, expected, strict=True):
        span, kind, value, unit = row[:4]
        extra = row[4] if len(row) > 4 else {}
        assert (figure.text, figure.kind.value, figure.unit) == (span, kind, unit), summary
        assert abs(figure.value - value) < D("1e-9"), (figure.text, figure.value, value)
        if "approx" in extra:
            assert figure.approx == extra["approx"], (figure.text, figure.approx)
        if "value_high" in extra:
            assert figure.value_high is not None and abs(figure.value_high - extra["value_high"]) < D("1e-9")


# ---- what must stay no figure ------------------------------------------------------------------
NOT_FIGURES = [
    ("\n24. 4+5+N：“4”是指", "4"),  # a list marker, spaced, before a label
    ("产量 120 135 150\n", "135"),  # a flattened table's row: three numbers, not one
]


@pytest.mark.parametrize("text,number", NOT_FIGURES, ids=[t for t, _ in NOT_FIGURES])
def test_not_a_figure(text, number):
    at = text.index(number)
    for figure in figures_only(extract(text)):
        assert not (figure.start <= at < figure.end and figure.kind is not Kind.DATE), figure
