"""A review section's heading holds its figures' periods whatever the document's date says
(GUIDE.md, "Periods": the section heading comes before the document's reporting period): a
stretch counted back (五年来, 过去五年) ends in the year the section reviews, and the levels of
"“十三五”及2020年工作回顾" are 2020's. Table-driven: (text, document date, [(figure, label)])."""

from datetime import date

import pytest

from reviewer.extract import extract, figures_only
from tests.extract.test_periods_cases import periods

REVIEW = (
    "政府工作报告\n一、“十三五”及2020年工作回顾\n"
    "五年来，全市上下团结奋斗。现代服务业增加值提升至81.63亿元，累计利用外资9563万美元。\n"
    "二、2021年工作安排\n全市地区生产总值增长8%左右。\n"
)
ONE_YEAR = "政府工作报告\n一、2020年工作回顾\n过去五年，累计完成投资500亿元。全年完成投资100亿元。\n"

CASES = [
    # the date the report bears: it reviews 2020
    (REVIEW, date(2021, 1, 15), [("81.63亿元", "2020"), ("9563万美元", "2016/2020"), ("8%", "2021")]),
    # a wrong date (a year late) moves no figure of the review: its heading names its years
    (REVIEW, date(2022, 1, 15), [("81.63亿元", "2020"), ("9563万美元", "2016/2020")]),
    (ONE_YEAR, date(2021, 1, 15), [("500亿元", "2016/2020"), ("100亿元", "2020")]),
    (ONE_YEAR, date(2022, 1, 15), [("500亿元", "2016/2020"), ("100亿元", "2020")]),
]


@pytest.mark.parametrize("text,doc_date,expected", CASES, ids=[f"{c[0][8:20]}-{c[1]}" for c in CASES])
def test_a_review_section_holds_its_years(text, doc_date, expected):
    got = periods(text, doc_date, None)
    assert [(figure, got.get(figure, "<not found>")) for figure, _ in expected] == expected


def test_the_terms_of_a_ratio_share_its_period():
    """由44.2∶11.6∶44.2调整为37.8∶8.8∶52.5: every term of the first ratio is the base year's."""
    text = "政府工作报告\n一、“十三五”及2020年工作回顾\n五年来，三次产业结构由44.2∶11.6∶44.2调整为37.8∶8.8∶52.5。\n"
    found = [f for f in figures_only(extract(text, date(2021, 1, 15)))]
    assert [(f.text, f.period.label() if f.period else None) for f in found] == [
        ("44.2", "2015"),
        ("11.6", "2015"),
        ("44.2", "2015"),
        ("37.8", "2020"),
        ("8.8", "2020"),
        ("52.5", "2020"),
    ]
