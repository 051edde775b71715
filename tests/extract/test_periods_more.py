"""More cases of which period each figure refers to (GUIDE.md, "Periods"), table-driven, in the
style of test_periods_cases.py: (text, document date, reporting period set or None,
[(figure text, label)])."""

import pytest

from tests.extract.test_periods_cases import periods

# ---- an undated text dates itself ----------------------------------------------------------------
UNDATED = [
    # a day written without its year, beside a later month the text tells of ("2025年12月"): the day
    # is the text's own, in the year after; an early-year piece on the year before reports on it
    (
        "外贸成绩单\n1月21日，省政府举行2025年外贸情况发布会。2025年全省进出口总额5414亿元。\n"
        "2025年12月，新航线开通。目前已推广至10余个省市。去年，公司出口5000多万元。\n",
        None,
        None,
        [("5414亿元", "2025"), ("10余个", "2026"), ("5000多万元", "2025")],
    ),
]

CASES = UNDATED


@pytest.mark.parametrize("text,doc_date,reporting,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_each_figure_refers_to_its_period(text, doc_date, reporting, expected):
    got = periods(text, doc_date, reporting)
    assert [(figure, got.get(figure, "<not found>")) for figure, _ in expected] == expected
