"""How numbers are written (issue 11): traditional and formal numerals, shortened numerals, 半 after
a unit, 折 as a fraction, and readings of 一 and of durations in Chinese numerals.

Table-driven as tests/extract/test_engine_cases.py: text -> every figure expected (kind DATE
excluded), as (span text, kind, value, unit[, extras]); and texts whose number must not become a
figure, as tests/extract/test_not_figures.py.
"""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only, scan
from reviewer.extract.numerals import FULLWIDTH, parse_chinese
from reviewer.model import Kind
from tests.extract.cases import assert_text_has_figures, figures_over

D = Decimal

# ---- traditional characters and formal numerals are numerals ---------------------------------------
TRADITIONAL_AND_FORMAL = [
    ("占比百分之三十五點二", [("百分之三十五點二", "percent", D("35.2"), "%")]),
    ("提高三個百分點", [("三個百分點", "pp", D(3), "个百分点")]),
    ("新增就业1.5萬人", [("1.5萬人", "quantity", D(15000), "人")]),
    ("实现收入12.5億元", [("12.5億元", "money", D(1_250_000_000), "元")]),
    ("培训兩千人", [("兩千人", "quantity", D(2000), "人")]),
    # the qualifier as written (GUIDE: approx "as written"), though the unit is normalized
    ("覆盖三百餘萬人", [("三百餘萬人", "quantity", D(3_000_000), "人", {"approx": "餘"})]),
    ("投資約5億美元", [("5億美元", "money", D(500_000_000), "美元", {"approx": "約"})]),
    ("超過100萬元", [("100萬元", "money", D(1_000_000), "元", {"approx": "超過"})]),
    ("支付叁仟元", [("叁仟元", "money", D(3000), "元")]),
    ("人民币壹万贰仟元整", [("壹万贰仟元", "money", D(12000), "元")]),
    ("合计伍佰萬元", [("伍佰萬元", "money", D(5_000_000), "元")]),
    ("金额貳仟參佰陸拾元", [("貳仟參佰陸拾元", "money", D(2360), "元")]),
    ("大写：玖拾捌元", [("玖拾捌元", "money", D(98), "元")]),
    ("科技队伍一万多人", [("一万多人", "quantity", D(10000), "人", {"approx": "多"})]),
    ("游客三百人陆续到达", [("三百人", "quantity", D(300), "人")]),
    # the traditional forms of the words around a number: units, currencies, qualifiers, durations
    ("新增就業崗位1.2萬個", [("1.2萬個", "quantity", D(12000), "个")]),
    ("銷售汽車3萬輛", [("3萬輛", "quantity", D(30000), "辆")]),
    ("貨運量12.5萬噸", [("12.5萬噸", "quantity", D(125000), "吨")]),
    ("完成投資超過100億元", [("100億元", "money", D(10**10), "元", {"approx": "超過"})]),
    ("比上年增長3.5個百分點", [("3.5個百分點", "pp", D("3.5"), "个百分点")]),
    ("連續三年增長", [("三年", "quantity", D(3), "年")]),
    ("歷時兩年半", [("兩年半", "quantity", D("2.5"), "年")]),
    ("耗時48小時", [("48小時", "quantity", D(48), "小时")]),
]

# formal numerals are also words and names: 队伍, 陆续, 收拾, 大肆, 陆家嘴, 玖龙纸业, 壹基金
FORMAL_WORDS = [
    ("加强人才队伍建设", "伍"),
    ("陆续投入建设", "陆"),
    ("陆家嘴金融城", "陆"),
    ("新民玖龙纸业", "玖"),
    ("“壹基金”落户", "壹"),
    ("收拾三个烂摊子", "拾"),
    ("大肆反华排华", "肆"),
    ("重点实施叁零陆零超级工程", "叁零陆零"),
    ("金鹏玖玖建成营业", "玖玖"),
]

# ---- a shortened numeral means what a reader says ----------------------------------------------------
SHORTENED = [
    ("一万二", 12000), ("三百五", 350), ("三千六百五", 3650), ("两万五", 25000), ("一亿二", 120_000_000),
    ("十万八千", 108000), ("十万八", 108000), ("一千零五", 1005), ("一百一", 110), ("两千五", 2500),
    ("一万零二", 10002), ("三百零五", 305), ("一千二", 1200), ("三亿五", 350_000_000),
    ("十五", 15), ("二十五", 25), ("三百五十", 350), ("一千零五十", 1050), ("二〇二五", 2025),
]
SHORTENED_FIGURES = [
    ("参会一万二人", [("一万二人", "quantity", D(12000), "人")]),
    ("票价三百五元", [("三百五元", "money", D(350), "元")]),
    ("全年三千六百五元", [("三千六百五元", "money", D(3650), "元")]),
    ("吸纳两万五人就业", [("两万五人", "quantity", D(25000), "人")]),
    ("投资一亿二元", [("一亿二元", "money", D(120_000_000), "元")]),
    ("招聘十万八千人", [("十万八千人", "quantity", D(108000), "人")]),
    ("共一千零五人", [("一千零五人", "quantity", D(1005), "人")]),
]

# ---- 半 after a unit adds a half, and the span holds it -------------------------------------------
HALF = [
    ("水深三米半", [("三米半", "quantity", D("3.5"), "米")]),
    ("出口增长四成半", [("四成半", "fraction", D("0.45"), "成")]),
    ("工期一个半月", [("一个半月", "quantity", D("1.5"), "个月")]),
    ("历时一个半月", [("一个半月", "quantity", D("1.5"), "个月")]),
    ("用时两年半", [("两年半", "quantity", D("2.5"), "年")]),
    ("增长一倍半", [("一倍半", "multiple", D("1.5"), "倍")]),
    ("耗时一个半小时", [("一个半小时", "quantity", D("1.5"), "小时")]),
    ("会议开了一小时半", [("一小时半", "quantity", D("1.5"), "小时")]),
    ("耗时3个半小时", [("3个半小时", "quantity", D("3.5"), "小时")]),
    ("工期3年半，", [("3年半", "quantity", D("3.5"), "年")]),
    ("增长2倍半以上", [("2倍半", "multiple", D("2.5"), "倍", {"approx": "以上"})]),
    ("在不到半年的时间里", [("半年", "quantity", D("0.5"), "年", {"approx": "不到"})]),
    ("不到半年时间新增合作单位", [("半年", "quantity", D("0.5"), "年", {"approx": "不到"})]),
    ("仅用半年", [("半年", "quantity", D("0.5"), "年")]),
]

# a 半 that is a word of its own, or a period, is no half
HALF_NOT = [
    ("上半年经济运行平稳", "半"),
    ("下半年有可能压力会加大", "半"),
    ("半导体产业", "半"),
    ("发展半导体产业", "半"),
    ("发布半年报", "半"),
    ("再有半年左右", "半"),
    ("建成一个半岛酒店", "半"),
    ("以三米半径划定", "半"),
]

# ---- 折 is a fraction: the share left to pay -------------------------------------------------------
DISCOUNT = [
    ("开展人才八折购房", [("八折", "fraction", D("0.8"), "折")]),
    ("全场85折", [("85折", "fraction", D("0.85"), "折")]),
    ("会员七五折", [("七五折", "fraction", D("0.75"), "折")]),
    ("一律打八折", [("八折", "fraction", D("0.8"), "折")]),
    ("门票8.5折优惠", [("8.5折", "fraction", D("0.85"), "折")]),
    ("商品九折出售", [("九折", "fraction", D("0.9"), "折")]),
    ("享受5折租房补贴", [("5折", "fraction", D("0.5"), "折")]),
]
DISCOUNT_NOT = [
    ("改革一波三折", "三"),
    ("百折不挠地推进", "百"),
    ("不折不扣地落实", "折"),
    ("七折八扣之后", "七"),
    ("按3折算", "3"),
    ("每10折合人民币", "10"),
    ("固定资产折旧", "折"),
    ("按2014折价入股", "2014"),
]

# ---- readings that were wrong -------------------------------------------------------------------
READINGS = [
    # a bound after a lone 一 makes it a number, not the article
    ("企业开办时间从一个月以上压缩到5个工作日", [
        ("一个月", "quantity", D(1), "个月", {"approx": "以上"}), ("5个工作日", "quantity", D(5), "个工作日")]),
    ("每个县建成一座以上污水处理厂", [("一座", "quantity", D(1), "座", {"approx": "以上"})]),
    ("八个月大的婴儿", [("八个月", "quantity", D(8), "个月")]),
    ("8个月大的婴儿", [("8个月", "quantity", D(8), "个月")]),
    ("历时十八个月", [("十八个月", "quantity", D(18), "个月")]),
    ("建设周期十八个月", [("十八个月", "quantity", D(18), "个月")]),
    ("产量近一公斤", [("一公斤", "quantity", D(1), "公斤", {"approx": "近"})]),
    ("全长约一公里", [("一公里", "quantity", D(1), "公里", {"approx": "约"})]),
    ("用了不到一年时间", [("一年", "quantity", D(1), "年", {"approx": "不到"})]),
    ("提前一年完成集体林权制度主体改革", [("一年", "quantity", D(1), "年")]),
    ("比全省提前两个月复工复产", [("两个月", "quantity", D(2), "个月")]),
    ("成立时间不超过十年", [("十年", "quantity", D(10), "年", {"approx": "不超过"})]),
    # 数 before a scale is an indefinite digit: the figure is the scale, approx 数
    ("可实现数万次钻孔作业", [("万次", "quantity", D(10000), "次", {"approx": "数"})]),
    ("数百家企业参展", [("百家", "quantity", D(100), "家", {"approx": "数"})]),
    ("获数十亿元资金支持", [("十亿元", "money", D(10**9), "元", {"approx": "数"})]),
    ("数万名医务工作者", [("万名", "quantity", D(10000), "名", {"approx": "数"})]),
    ("参与人数十万人", [("十万人", "quantity", D(100000), "人")]),
]
READINGS_NOT = [
    ("最近一个时期", "一"),
    ("成功签约一批重大项目", "一"),
    ("突破一批关键核心技术", "一"),
    ("上一年度", "一"),
    ("全面小康指数百强榜", "百"),
]
# durations in Chinese numerals that name a period stay dates
PERIODS = [
    ("经过五年努力", "五年"),
    ("过去一年全省法院", "一年"),
    ("近两年开始实施", "两年"),
    ("未来三个月", "三个月"),
    ("过去两年半", "两年半"),
    ("過去五年", "五年"),
    ("五年來，", "五年"),
]

CASES = [pytest.param(t, e, id=f"formal-{i}") for i, (t, e) in enumerate(TRADITIONAL_AND_FORMAL)]
CASES += [pytest.param(t, e, id=f"short-{i}") for i, (t, e) in enumerate(SHORTENED_FIGURES)]
CASES += [pytest.param(t, e, id=f"half-{i}") for i, (t, e) in enumerate(HALF)]
CASES += [pytest.param(t, e, id=f"discount-{i}") for i, (t, e) in enumerate(DISCOUNT)]
CASES += [pytest.param(t, e, id=f"reading-{i}") for i, (t, e) in enumerate(READINGS)]
NOT_CASES = FORMAL_WORDS + HALF_NOT + DISCOUNT_NOT + READINGS_NOT


@pytest.mark.parametrize("text,expected", CASES)
def test_figures(text, expected):
    assert_text_has_figures(text, expected, exact_approx=True)


@pytest.mark.parametrize("text,number", NOT_CASES, ids=[t for t, _ in NOT_CASES])
def test_not_a_figure(text, number):
    assert not figures_over(text, number)


@pytest.mark.parametrize("text,span", PERIODS, ids=[t for t, _ in PERIODS])
def test_durations_naming_a_period_are_dates(text, span):
    found = [f for f in extract(text) if f.text == span]
    assert found and all(f.kind is Kind.DATE for f in found), extract(text)


@pytest.mark.parametrize("text,expected", SHORTENED)
def test_shortened_numerals(text, expected):
    assert parse_chinese(text) == D(expected)


def test_the_normalized_text_keeps_every_offset():
    text = "萬億兩點個餘幾壹贰貳叁參肆伍陆陸柒捌玖拾佰仟０１２．％噸輛項約達過連續歷時號屆"
    norm = text.translate(FULLWIDTH)
    assert len(norm) == len(text)
    assert norm == "万亿两点个余几一二二三三四五六六七八九十百千012.%吨辆项约达过连续历时号届"
    for source, target in FULLWIDTH.items():
        assert isinstance(target, int), (chr(source), target)  # one character to one


def test_figures_quote_the_original_text():
    text = "其中叁仟元，另有三個百分點和1.5萬人"
    for figure in scan(text):
        assert text[figure.start : figure.end] == figure.text
    assert [f.text for f in figures_only(scan(text))] == ["叁仟元", "三個百分點", "1.5萬人"]
