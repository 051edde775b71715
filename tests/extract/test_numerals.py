from decimal import Decimal

import pytest

from reviewer.extract.numerals import parse_arabic, parse_chinese, parse_chinese_range, scale_factor

CHINESE = [
    ("一千二百", 1200), ("两千", 2000), ("千亿", 10**11), ("千万", 10**7), ("五千万", 5 * 10**7),
    ("一万", 10**4), ("百", 100), ("十", 10), ("十五", 15), ("二十六", 26), ("一百零五", 105),
    ("一千零五十", 1050), ("一亿五千万", 150_000_000), ("三万亿", 3 * 10**12), ("二〇二五", 2025),
    ("三点五", Decimal("3.5")), ("万", 10**4), ("亿", 10**8),
]


@pytest.mark.parametrize("text,expected", CHINESE)
def test_chinese_numerals(text, expected):
    assert parse_chinese(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["十五五", "百千", "", "二十届x", "一" * 30])
def test_chinese_labels_are_not_numbers(text):
    assert parse_chinese(text) is None


@pytest.mark.parametrize("text,expected", [
    ("1,425,918", "1425918"), ("８０．６", "80.6"), ("0.5", "0.5"), ("１２３４", "1234"),
])
def test_arabic_numbers(text, expected):
    assert parse_arabic(text) == Decimal(expected)


def test_arabic_codes_longer_than_a_quantity_are_not_numbers():
    assert parse_arabic("1" * 40) is None


def test_chinese_ranges():
    assert parse_chinese_range("六七") == (6, 7)
    assert parse_chinese_range("三四十") == (30, 40)
    assert parse_chinese_range("六八") is None


def test_scale_words():
    assert scale_factor("亿") == 10**8
    assert scale_factor("千万") == 10**7
    assert scale_factor("x") is None
