"""parts-total in the running text: the parts of a whole (resources/checks/partitions.tsv) stated
with it add up to it, at their written precision; a small miss is a note (official statistics are
not adjusted to add up), a large one an error; where the relation is not certain, silence."""

import pytest

from tests.checks.sums_documents import findings, severities

GDP = (
    "2024年，全市实现地区生产总值{total}亿元，增长5.2%。其中，第一产业增加值{a}亿元，增长3.1%；"
    "第二产业增加值{b}亿元，增长5.0%；第三产业增加值{c}亿元，增长5.6%。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # holding: 300.1 + 2000.01 + 2700.01 = 5000.12
        (GDP.format(total="5000.12", a="300.1", b="2000.01", c="2700.01"), []),
        # broken: a digit swapped in a part (2700.01 -> 2070.01)
        (GDP.format(total="5000.12", a="300.1", b="2000.01", c="2070.01"), ["error"]),
        # broken: the total's scale (万亿 for 亿 would be 10^4 off; here a digit of the total)
        (GDP.format(total="5900.12", a="300.1", b="2000.01", c="2700.01"), ["error"]),
        # within rounding: 300 + 2000 + 2700 = 5000 against 5001 (each part ± 0.5)
        (GDP.format(total="5001", a="300", b="2000", c="2700"), []),
        # beyond the intervals but by rounding apart only (0.1 on parts written to 0.01): a note
        (GDP.format(total="5000.22", a="300.1", b="2000.01", c="2700.01"), ["note"]),
        # approximate: 约 widens the total by a tenth, so the parts meet it
        (GDP.format(total="约5100", a="300", b="2000", c="2700"), []),
        # approximate: 超过 leaves the total open above, so nothing can be said
        (GDP.format(total="超过4000", a="300", b="2000", c="2700"), []),
    ],
)
def test_gdp_and_its_three_industries(text, expected):
    assert severities(text, "parts-total") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年进出口总额1000.5亿元，其中出口600.2亿元，进口400.3亿元。", []),
        ("全年进出口总额1000.5亿元，其中出口600.2亿元，进口410.3亿元。", ["error"]),
        ("全年粮食总产量300万吨，其中夏粮100万吨，早稻50万吨，秋粮150万吨。", []),
        ("全年粮食总产量300万吨，其中夏粮100万吨，早稻50万吨，秋粮160万吨。", ["error"]),
        ("全市一般公共预算收入200.5亿元，其中税收收入150.3亿元，非税收入50.2亿元。", []),
        ("全市一般公共预算收入200.5亿元，其中税收收入150.3亿元，非税收入55.2亿元。", ["error"]),
    ],
)
def test_other_wholes_of_the_word_list(text, expected):
    assert severities(text, "parts-total") == expected


@pytest.mark.parametrize(
    "text",
    [
        # not every part: the relation is not stated
        "全市地区生产总值5000亿元。其中，第二产业增加值2000亿元，第三产业增加值2700亿元。",
        # a part stated twice (a target and an outcome): which one adds up is not certain
        "全市地区生产总值5000亿元，第一产业增加值300亿元，第二产业增加值2000亿元，预计第二产业增加值2100亿元，"
        "第三产业增加值2700亿元。",
        # only 出口 of 进出口: silent
        "全年进出口总额1000.5亿元，其中出口600.2亿元。",
        # other periods: last year's total beside this year's parts
        "2023年地区生产总值4800亿元。2024年第一产业增加值300亿元，第二产业增加值2000亿元，第三产业增加值2700亿元。",
        # growth, not levels
        "全市地区生产总值增长5.2%，第一产业增加值增长3.1%，第二产业增加值增长5.0%，第三产业增加值增长5.6%。",
        # per head: averages do not add up
        "全市人均地区生产总值9万元，第一产业人均增加值1万元，第二产业人均增加值5万元，第三产业人均增加值5万元。",
        # another paragraph
        "全市地区生产总值5000亿元。\n第一产业增加值300亿元，第二产业增加值2000亿元，第三产业增加值2900亿元。",
    ],
)
def test_silent_where_the_relation_is_not_certain(text):
    assert findings(text, "parts-total") == []


def test_the_message_names_both_sides_with_values():
    (finding,) = findings(GDP.format(total="5000.12", a="300.1", b="2000.01", c="2070.01"), "parts-total")
    assert "2070.01亿元" in finding.message and "5000.12亿元" in finding.message
    assert "4370.12亿元" in finding.message  # the parts' sum, written as the total is
    assert "\n" not in finding.message
    assert [f.text for f in finding.figures] == ["5000.12亿元", "300.1亿元", "2000.01亿元", "2070.01亿元"]


INSURED = (
    "年末参加基本医疗保险人数{total}人，增加3680万人。其中，参加职工基本医疗保险人数{a}人，增加930万人；"
    "参加居民基本医疗保险人数{b}人，增加2750万人。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (INSURED.format(total="57322万", a="27416万", b="29906万"), []),  # holding (2013 national communique)
        (INSURED.format(total="57322万", a="27416万", b="29960万"), ["error"]),  # a digit swapped
        (INSURED.format(total="57322万", a="27416万", b="29906亿"), ["error"]),  # a scale word changed
        (INSURED.format(total="5.73亿", a="27416万", b="29906万"), []),  # within rounding: 5.725亿 .. 5.735亿
        (INSURED.format(total="57324万", a="27416万", b="29906万"), ["note"]),  # rounding apart only
        (INSURED.format(total="近6亿", a="2.7亿", b="3亿"), []),  # approximate: 近 widens below
        ("年末居民储蓄存款余额2000亿元，其中城镇居民储蓄存款余额1500亿元，农村居民储蓄存款余额600亿元。", ["error"]),
    ],
)
def test_parts_named_as_their_whole_with_one_word_of_a_set(text, expected):
    assert severities(text, "parts-total") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a part only: 就业人员 is not 城镇 and one more
        "年末全国就业人员77586万人，其中城镇就业人员43419万人。",
        # parts named otherwise than the whole: not its parts
        "参加基本养老保险人数9亿人，其中参加城镇职工基本养老保险人数4亿人，参加城乡居民基本养老保险人数5.5亿人。",
        # increments are not levels
        "参加基本医疗保险人数增加3680万人，参加职工基本医疗保险人数增加930万人，参加居民基本医疗保险人数增加2000万人。",
    ],
)
def test_silent_where_the_names_do_not_split_the_whole(text):
    assert findings(text, "parts-total") == []
