"""Indicator, change and period: table-driven, from the guide and the development set."""
from datetime import date

import pytest

from reviewer.extract import extract, figures_only

# (text, [(figure text, indicator, change)])
INDICATORS = [
    ("受理案件1425918件，结案1310621件，同比分别增长11.06%、10.56%。", [
        ("1425918件", "受理案件", None), ("1310621件", "结案", None),
        ("11.06%", "受理案件", "同比增长"), ("10.56%", "结案", "同比增长")]),
    ("对东盟、欧盟分别进出口1582.7亿元、1012.6亿元，分别增长20.6%、41.1%。", [
        ("1582.7亿元", "对东盟进出口", None), ("1012.6亿元", "对欧盟进出口", None),
        ("20.6%", "对东盟进出口", "增长"), ("41.1%", "对欧盟进出口", "增长")]),
    ("2025年，湖南分别进口非洲干辣椒、坚果241.4万元、1337万元。", [
        ("241.4万元", "进口非洲干辣椒", None), ("1337万元", "进口非洲坚果", None)]),
    ("今年前11个月，湖北对外工程承包完成额80.6亿美元，同比增长20.5%，居全国第三、中部第一。", [
        ("80.6亿美元", "对外工程承包完成额", None), ("20.5%", "对外工程承包完成额", "同比增长"),
        ("第三", "对外工程承包完成额", None), ("第一", "对外工程承包完成额", None)]),
    ("全省法院审结破产案件891件。", [("891件", "审结破产案件", None)]),
    ("坚持善意文明司法，对9810家涉诉困难企业", [("9810家", "涉诉困难企业", None)]),
    ("已获批8个开放口岸、6个综合保税区。", [("8个", "开放口岸", None), ("6个", "综合保税区", None)]),
    ("企业物流成本降低约15%。", [("15%", "企业物流成本", "降低")]),
    ("失业率控制在3.8%以内。", [("3.8%", "失业率", None)]),
    # text from a PDF spaces a figure from its words; a space ends no clause
    ("公司实现营业收入 325.6 亿元，同比增长 12.3%。", [
        ("325.6 亿元", "公司实现营业收入", None), ("12.3%", "公司实现营业收入", "同比增长")]),
    # a signed change after a comparison word alone; the verbs of price releases and markets
    ("归属于母公司股东的净利润98.7亿元，同比-4.5%。", [
        ("98.7亿元", "归属于母公司股东的净利润", None), ("-4.5%", "归属于母公司股东的净利润", "同比")]),
    ("鲜菜价格同比上涨13.7%，环比下跌2.1%。", [("13.7%", "鲜菜价格", "同比上涨"), ("2.1%", "鲜菜价格", "环比下跌")]),
    ("总资产5432亿元，较上年末增长6.8%。", [("5432亿元", "总资产", None), ("6.8%", "总资产", "较上年末增长")]),
    ("上证指数报收3987.01点。", [("3987.01点", "上证指数", None)]),
    # a table's cell: its row's label, joined with a column that names a measure; growth and share
    # columns give the change instead (GUIDE, "Figures in tables")
    ("单位：万人\n| 指标 | 年末数 | 比重（%） |\n| --- | --- | --- |\n"
     "| 全国总人口 | 139538 | 100.0 |\n| 其中：城镇[8] | 83137 | 59.58 |\n", [
        ("139538", "全国总人口 年末数", None), ("100.0", "全国总人口", "占"),
        ("83137", "城镇 年末数", None), ("59.58", "城镇", "占")]),
    ("| 产品名称 | 单位 | 产量 | 比上年增长（%） |\n| --- | --- | --- | --- |\n| 原煤 | 亿吨 | 47.1 | 3.4 |\n", [
        ("47.1", "原煤 产量", None), ("3.4", "原煤", "比上年增长")]),
]


@pytest.mark.parametrize("text,expected", INDICATORS, ids=[t[:12] for t, _ in INDICATORS])
def test_indicator_and_change(text, expected):
    got = [(f.text, f.indicator, f.change) for f in figures_only(extract(text))]
    assert got == expected


PERIODS = [
    ("今年前11个月，湖北对外工程承包完成额80.6亿美元", date(2025, 12, 25), "2025-01/2025-11"),
    ("2025年，全省法院受理案件1425918件", date(2026, 1, 28), "2025"),
    ("今年1至11月，湖北企业进口1.98亿元", date(2025, 12, 25), "2025-01/2025-11"),
    ("去年全市新增就业3万人", date(2026, 1, 28), "2025"),
    ("12月16日，新签合同30个", date(2026, 1, 2), "2025-12-16"),
    # no time in the text: the document's reporting period, a news piece's date's year (GUIDE "Periods" 4)
    ("全市新增就业3万人", date(2026, 1, 28), "2026"),
]


@pytest.mark.parametrize("text,doc_date,expected", PERIODS, ids=[t[:10] for t, _, _ in PERIODS])
def test_period_resolved_against_the_document_date(text, doc_date, expected):
    figures = figures_only(extract(text, doc_date))
    assert figures
    period = figures[-1].period
    assert (period.label() if period else None) == expected


def test_confidence_explains_itself():
    figures = figures_only(extract("新增注册资本千万元以上企业270余家，84消毒液和75%酒精，其中2.4亿和2.6亿美元"))
    for f in figures:
        assert 0 < f.confidence <= 1
    shared = next(f for f in figures if f.text == "2.4亿")
    assert shared.confidence < 0.9 and any("shared" in r for r in shared.reasons)


# 分别 lists: each item carries its own indicator and its own change, whether the change is
# written once for all ("分别增长12.1%、8.3%") or by each item ("分别增长5%和下降3%").
# (text, [(figure text, indicator, change)])
RESPECTIVELY_CHANGES = [
    ("进出口分别增长12.1%、8.3%。", [("12.1%", "进出口", "增长"), ("8.3%", "进出口", "增长")]),
    # spaces around the joiner (text from a PDF): the second item's clause starts at the space,
    # so only the list gives it the change written once for all
    ("出口、进口分别增长12.1% 、 8.3%。", [("12.1%", "出口", "增长"), ("8.3%", "进口", "增长")]),
    ("出口和进口分别增长5%和下降3%。", [("5%", "出口", "增长"), ("3%", "进口", "下降")]),
    ("其中出口、进口分别增长5%、下降3%。", [("5%", "出口", "增长"), ("3%", "进口", "下降")]),
    ("出口、进口、转口分别增长5%、下降3%和增长1%。",
     [("5%", "出口", "增长"), ("3%", "进口", "下降"), ("1%", "转口", "增长")]),
    ("全市工业增加值和固定资产投资同比分别增长12.1%、8.3%。",
     [("12.1%", "工业增加值", "同比增长"), ("8.3%", "固定资产投资", "同比增长")]),
    ("一般公共预算收入、税收收入分别增长6.2%、下降1.5%。",
     [("6.2%", "一般公共预算收入", "增长"), ("1.5%", "税收收入", "下降")]),
    ("粮食产量和播种面积分别增加2.3%和减少0.4%。", [("2.3%", "粮食产量", "增加"), ("0.4%", "播种面积", "减少")]),
]


@pytest.mark.parametrize("text,expected", RESPECTIVELY_CHANGES, ids=[t[:14] for t, _ in RESPECTIVELY_CHANGES])
def test_each_item_of_a_respectively_list_carries_its_own_change(text, expected):
    got = [(f.text, f.indicator, f.change) for f in figures_only(extract(text))]
    assert got == expected


def test_a_period_is_the_sentences_own_else_the_paragraphs_head_after_many_marks():
    """period_for finds, by bisection, what walking back through every earlier mark found."""
    head = "2024年，全市经济平稳。"
    sentences = "".join(f"{2000 + k % 20}年9月增长{k}件。" for k in range(1, 400))
    text = head + sentences + "新增就业3万人。\n2019年，出口5亿元。新增企业7家。\n另有8个项目。"
    labels = {f.text: f.period.label() if f.period else None
              for f in figures_only(extract(text, date(2025, 1, 20)))}
    assert labels["3万人"] == "2024"          # no mark in its sentence: the paragraph's head
    assert labels["399件"] == "2019-09"       # its own sentence's mark
    assert labels["5亿元"] == labels["7家"] == "2019"  # a new paragraph, its own head
    # a paragraph with no period at all: the reporting period (GUIDE "Periods" 4), here 2024, the year a
    # text of January 2025 names more often than 2025
    assert labels["8个"] == "2024"


def test_confidence_reasons_are_fixed_message_ids_with_a_translation():
    from reviewer import i18n
    from reviewer.extract import reasons

    text = ("新增注册资本千万元以上企业270余家，84消毒液和75%酒精，其中2.4亿和2.6亿美元，占三分之二，"
            "1.32个营业厅，居全国第三，保持前三，百分之十五，一半，2/3，10-20万人，解决了10万农村贫困人口")
    found = extract(text)
    stored = {r for f in found for r in f.reasons}
    assert stored and stored <= set(reasons.ALL), stored - set(reasons.ALL)
    untranslated = [r for r in reasons.ALL if i18n.translate(r, i18n.CHINESE) == r]
    assert not untranslated, untranslated
    i18n.set_language("zh_CN")
    try:
        shown = i18n.translate_parts(found[0].to_json()["reason"])
    finally:
        i18n.set_language("en")
    assert shown and not any(r in shown for r in reasons.ALL if r.isascii())
