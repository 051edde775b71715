"""share-part-total: X占Y的比重为Z% with X's and Y's values stated near it is their quotient, at
the precision of all three."""

import pytest

from tests.checks.sums_documents import findings, severities

INVESTMENT = "全社会固定资产投资2660亿元，增长22.3％，其中81个重点项目完成投资946亿元，占全社会固定资产投资的{}。"
LEVELS = "2024年，全市地区生产总值5000亿元，其中第三产业增加值2700亿元。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LEVELS + "第三产业增加值占地区生产总值的比重为54.0%。", []),  # holding: 2700 / 5000
        (LEVELS + "第三产业增加值占地区生产总值的比重为45.0%。", ["error"]),  # a share altered
        (LEVELS + "第三产业增加值占全市地区生产总值的比重为54%。", []),  # a scope word on the total
        (LEVELS + "第三产业增加值占地区生产总值的比重为54.01%。", []),  # within rounding: 2699.5/5000.5 ..
        (LEVELS + "第三产业增加值占地区生产总值的比重为54.2%。", ["error"]),
        (LEVELS + "第三产业增加值占地区生产总值的比重为54.1%。", ["note"]),  # one unit of its last digit off
        (LEVELS + "第三产业增加值占地区生产总值的比重约为55%。", []),  # approximate: 约
        (LEVELS + "第三产业增加值占地区生产总值的比重超过50%。", []),  # at least: holds
        (INVESTMENT.format("35.6％"), []),  # 946 / 2660 = 35.56% (2010 广州市 report)
        (INVESTMENT.format("36.5％"), ["error"]),
        ("全市城镇人口500万人，乡村人口300万人，城镇人口占总人口的比重为62.5%。", []),  # 总人口 not stated
    ],
)
def test_share_against_part_and_total(text, expected):
    assert severities(text, "share-part-total") == expected


@pytest.mark.parametrize(
    "text",
    [
        # the total is last year's
        "2023年全市地区生产总值4000亿元。2024年第三产业增加值2700亿元，占地区生产总值的比重为54.0%。",
        # the whole named in the share is not a figure of the text
        "第三产业增加值2700亿元，占全省的比重为12.0%。",
        # the share moves between two values: not one share of one part
        LEVELS + "第三产业增加值占地区生产总值的比重由50.1%提高到54.0%。",
    ],
)
def test_silent_where_the_part_or_total_is_not_stated(text):
    assert findings(text, "share-part-total") == []


def test_the_message_names_share_part_total_and_quotient():
    (finding,) = findings(LEVELS + "第三产业增加值占地区生产总值的比重为45.0%。", "share-part-total")
    assert "45.0%" in finding.message and "2700亿元" in finding.message and "5000亿元" in finding.message
    assert "54.0%" in finding.message
