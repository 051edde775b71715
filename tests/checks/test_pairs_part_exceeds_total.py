"""part-exceeds-total: a 其中 part is never larger than its total, at the precision written."""

import pytest

from tests.checks.engine_run import findings, suspects

RULE = "part-exceeds-total"


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("holding", "实现进出口总额1000亿元，增长5%，其中出口600亿元、进口400亿元。", []),
        ("broken", "实现进出口总额1000亿元，增长5%，其中出口1600亿元、进口400亿元。", ["1600亿元"]),
        ("broken, second part of the list", "全市常住人口560万人，其中城镇人口330万人、乡村人口580万人。", ["580万人"]),
        ("within rounding", "完成进出口总额69亿美元，其中服务贸易69.4亿美元。", []),
        ("approximate part", "完成固定资产投资1000亿元，其中工业投资约1050亿元。", []),
        ("approximate total", "全年实际利用外资超过10亿美元，其中外商直接投资12亿美元。", []),
        ("a threshold, not a part", "新签约亿元以上项目40个，其中50亿元以上项目4个。", []),
        ("a rate, not a sum", "固定电话普及率达到每百人50.8部，其中市区达到每百人66.4部。", []),
        ("an increment is not the total", "地区生产总值1000亿元，比上年增加50亿元，其中第三产业增加值600亿元。", []),
        ("a new whole after the part", "新增人才21.9万人，其中，新增聘任院士4人，人才总量达到193万人。", []),
    ],
)
def test_part_against_total(case, text, expected):
    assert suspects(text, RULE) == expected, case


def test_message_names_both_sides():
    (finding,) = findings("实现进出口总额1000亿元，其中出口1600亿元。", RULE)
    assert "1600亿元" in finding.message and "1000亿元" in finding.message
