"""A value typed by a reviewer means what the same text means in a report."""
from decimal import Decimal

import pytest

from reviewer.extract.value_input import TypedValue, read_typed_value, written_value
from reviewer.model import Kind

READ = [
    # typed                value                unit        kind
    ("650亿",              "65000000000",       None,       None),
    ("1.5万",              "15000",             None,       None),
    ("4233.2亿",           "423320000000",      None,       None),
    ("两千万",             "20000000",          None,       None),
    ("三点五亿",           "350000000",         None,       None),
    ("8060000000",         "8060000000",        None,       None),
    ("423320000000.0",     "423320000000",      None,       None),
    ("1,425,918",          "1425918",           None,       None),
    ("０．５",             "0.5",               None,       None),
    ("-5",                 "-5",                None,       None),
    ("  12  ",             "12",                None,       None),
    ("三成",               "0.3",               "成",       Kind.FRACTION),
    ("12.5%",              "12.5",              "%",        Kind.PERCENT),
    ("１２．５％",         "12.5",              "%",        Kind.PERCENT),
    ("负5%",               "-5",                "%",        Kind.PERCENT),
    ("百分之十二",         "12",                "%",        Kind.PERCENT),
    ("80.6亿美元",         "8060000000",        "美元",     Kind.MONEY),
    ("650亿元",            "65000000000",       "元",       Kind.MONEY),
    ("1.5万吨",            "15000",             "吨",       Kind.QUANTITY),
    ("5万人",              "50000",             "人",       Kind.QUANTITY),
    ("3.5个百分点",        "3.5",               "个百分点", Kind.PP),
    ("1.2倍",              "1.2",               "倍",       Kind.MULTIPLE),
]


@pytest.mark.parametrize("typed, value, unit, kind", READ)
def test_a_typed_value_is_read_as_the_engine_reads_it(typed, value, unit, kind):
    assert read_typed_value(typed) == TypedValue(Decimal(value), unit, kind)


@pytest.mark.parametrize("typed", ["", "   ", "abc", "10-20%", "5 6", "12.5%%", "1e5", "650亿 是", "-", "第三",
                                   "万人次次"])
def test_what_is_not_one_value_is_refused(typed):
    assert read_typed_value(typed) is None


WRITTEN = [
    ("8060000000",    "80.6亿"),
    ("423320000000.0", "4233.2亿"),
    ("65000000000",   "650亿"),
    ("100000000",     "1亿"),
    ("15000",         "1.5万"),
    ("10000",         "1万"),
    ("1425918",       "1425918"),     # not exact in 万 with two decimals: plain digits
    ("123456789012345", "123456789012345"),
    ("12.5",          "12.5"),
    ("0.30",          "0.3"),
    ("0",             "0"),
    ("-8060000000",   "-80.6亿"),
]


@pytest.mark.parametrize("value, written", WRITTEN)
def test_a_value_is_written_as_a_reviewer_writes_it(value, written):
    assert written_value(Decimal(value)) == written


@pytest.mark.parametrize("value", [v for v, _ in WRITTEN] + ["0.3333333333333333333333333333", "1E+12"])
def test_what_is_written_reads_back_as_the_same_value(value):
    assert read_typed_value(written_value(Decimal(value))).value == Decimal(value)


def test_no_value_is_written_as_nothing():
    assert written_value(None) == ""
