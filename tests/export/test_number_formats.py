"""How a figure's value is formatted in a sheet: its own decimals, % over a proportion, and a
unit sign only where it is the figure's unit."""
from decimal import Decimal as D

import pytest

from reviewer.export.writers import number_format


@pytest.mark.parametrize("value, kind, unit, expected", [
    (D("258.64"), "money", "元", "#,##0.00"),
    (D("0.205"), "percent", "%", "0.0%"),
    (D("-0.045"), "percent", "%", "0.0%"),
    (D("1.4"), "multiple", "倍", '#,##0.0"×"'),
    (D("15"), "multiple", None, '#,##0"×"'),
    (D("1.16"), "multiple", "番", "#,##0.00"),  # 翻1.16番: doubled 1.16 times, not 1.16×
    (D("12.1"), "pp", "个百分点", '#,##0.0" pp"'),
    (D("3987.01"), "quantity", "点", "#,##0.00"),
])
def test_number_format(value, kind, unit, expected):
    assert number_format(value, kind, unit) == expected
