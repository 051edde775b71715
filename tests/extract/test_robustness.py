"""Inputs that used to raise inside the engine, each as the reader met it. The engine never
raises on a string (see test_properties.py for the general property); these pin the cases down."""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only


@pytest.mark.parametrize("text", [
    "详见附件2-③",       # circled digit after a range joiner
    "3和²",              # superscript after a list joiner
    "7—𝟏",              # mathematical bold digit
    "1-²%",
    "3至٣万元",          # Arabic-Indic digit
    "1、¹",
    "前²个月",
    "2025年²月",
])
def test_a_digit_the_scanner_does_not_read_after_a_joiner_is_not_an_error(text):
    found = extract(text)
    assert all(f.text[0] not in "②③²¹𝟏٣" for f in found)


@pytest.mark.parametrize("text, values", [
    ("分别为10和0万元", [Decimal(100000), Decimal(0)]),  # the scale serves both, as in 10和20万元
    ("0-0万元", [Decimal(0)]),
    ("10至0万元", [Decimal(0)]),  # 10万 to 0万 is no range: 0万元 alone, as "3-2%" is 2%
    ("0和0万元", [Decimal(0), Decimal(0)]),
])
def test_a_zero_after_a_joiner_is_read_without_dividing_by_it(text, values):
    assert [f.value for f in figures_only(extract(text))] == values


@pytest.mark.parametrize("text", ["20至10万元", "增长20-10万人", "5亿-1亿元"])
def test_a_range_never_runs_from_high_to_low(text):
    assert all(f.value_high is None or f.value <= f.value_high for f in extract(text))


def test_a_scale_shared_by_a_range_still_applies_to_both_ends():
    [figure] = figures_only(extract("每年接待10-20万人"))
    assert (figure.value, figure.value_high, figure.unit) == (100_000, 200_000, "人")
    [tenths] = figures_only(extract("占六七成"))
    assert (tenths.value, tenths.value_high) == (Decimal("0.6"), Decimal("0.7"))


def test_a_long_run_of_scale_characters_is_no_number_and_no_overflow():
    assert figures_only(extract("1" + "亿" * 200_000 + "元")) == []
    [figure] = figures_only(extract("市场规模达1万亿元"))
    assert figure.value == Decimal("1e12")
