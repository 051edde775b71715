"""Still more cases of which period each figure refers to (GUIDE.md, "Periods"), table-driven, in
the style of test_periods_cases.py: (text, document date, reporting period set or None,
[(figure text, label)])."""

from datetime import date

import pytest

from reviewer.extract import extract, figures_only
from tests.extract.test_periods_cases import periods

# ---- a stretch told by its two ends ---------------------------------------------------------------
RANGES = [
    # "从2013年至2018年": one stretch; a share of the same stretch's total (占同期) is the stretch's
    (
        "从2013年至2018年,双方贸易总额累计实现重大突破,占湖北同期货物贸易总额的比例接近三成。",
        date(2025, 7, 26),
        None,
        [("三成", "2013/2018")],
    ),
    # the levels are the ends' years, the yearly average the years after the first, a total the stretch
    (
        "2017年到2021年，全州地区生产总值从142.26亿元增长到234.11亿元，年均增长13.1%；固定资产投资累计完成906.65亿元。",
        date(2022, 1, 20),
        None,
        [("142.26亿元", "2017"), ("234.11亿元", "2021"), ("13.1%", "2018/2021"), ("906.65亿元", "2017/2021")],
    ),
    ("从2010年到2015年，全市园区规模以上工业增加值年均增长30%以上。", date(2011, 2, 1), None, [("30%", "2011/2015")]),
]

# ---- a day without its year, later in the calendar than the document's date -----------------------
DAYS = [
    # an article appended after the date: the month it names with the date's year places the day
    (
        "湖北日报讯 2月8日上午，一列满载55个集装箱的班列驶出。\n截至2026年2月，公司开行班列200列。\n",
        date(2026, 1, 28),
        None,
        [("55个", "2026-02-08")],
    ),
    # a whole year named after it places nothing: the day is the year before's
    (
        "从2月12日起连续出台支持中小企业共克时艰20条措施。2021年，全市生产总值增长5%。",
        date(2021, 1, 25),
        None,
        [("20条", "2020-02-12")],
    ),
    # two days listed and counted as the days from one to the other: the stretch
    (
        "6月9日、6月10日两天时间里，已有6家上市公司发布公告。",
        date(2026, 6, 12),
        None,
        [("6家", "2026-06-09/2026-06-10")],
    ),
]

# ---- a total counted up to a cut-off, since a start the paragraph told ------------------------------
SINCE_UNTIL = [
    (
        "自2024年6月12日首开班列以来，公司持续拓展国际物流通道。截至2026年2月，公司累计开行班列200列。\n",
        date(2026, 2, 10),
        None,
        [("200列", "2024-06/2026-02")],
    ),
]

# ---- a short duration that is the claim, a list that shares what follows it ---------------------------
CLAIMS = [
    (
        "2025年，全区老旧小区实现物业服务全覆盖；占道经营等问题平均2小时内闭环处置。"
        "审批时间压缩至4小时以内。引进各类人才13.3万人，平均年龄31岁。",
        date(2026, 1, 27),
        None,
        [("2小时", "2025"), ("4小时", "2025"), ("31岁", None)],
    ),
    # "1000、2000第纳尔纸币": the first figure of the list is a denomination too; a list whose
    # figures each have a unit keeps each its own ("12个、30亿元以上…项目")
    (
        "2025年，1000、2000第纳尔纸币上的清真寺由中建三局承建。新引进研发机构12个、30亿元以上现代服务业项目4个。",
        date(2026, 1, 27),
        None,
        [("1000", None), ("12个", "2025")],
    ),
]

# ---- the document's kind and the year after the one it reports on -----------------------------------
KINDS = [
    # an annual report's section without a date: published in the year after its fiscal year
    (
        "第四节经营情况讨论与分析\n一、概述\n2019年，公司实现营业收入5亿元。\n截止目前，公司拥有有效专利62项。\n",
        None,
        None,
        [("5亿元", "2019"), ("62项", "2020")],
    ),
    # an undated work report opening with a plan's review reviews the plan's last year, not the
    # base year it names most; one opening with a plan begun does not
    (
        "各位代表：\n现在，我代表省人民政府向大会作政府工作报告。\n一、“十一五”规划执行情况和政府主要工作\n"
        "全省生产总值比2005年增长80%，财政收入是2005年的2.1倍，居民收入比2005年增长60%。\n去年新增就业50万人。\n",
        None,
        None,
        [("50万人", "2010")],
    ),
    (
        "各位代表：\n现在，我代表省人民政府向大会作政府工作报告。\n一、“十二五”发展开局良好\n"
        "全省生产总值比2010年增长9%，居民收入比2010年增长10%。去年新增就业50万人。\n",
        None,
        None,
        [("50万人", "2010")],
    ),
    # 新的一年 in a review of 2019: 2020
    (
        "董事长致辞\n2019年是极不平凡的一年。\n新的一年，我们要每年拿出营业收入的3%左右投入到信息科技领域。\n",
        None,
        None,
        [("3%", "2020")],
    ),
    # a title line naming a year governs its article, however long; a long line with commas is prose
    (
        "2025年全省进出口总额5414亿元。2025年，出口增长5%。2025年，进口增长3%。\n"
        "2026年全省交通运输工作暨高速公路“三保三大一创”、铁路沿线安全环境综合整治工作会议召开\n"
        "会议对高速公路和铁路沿线安全环境综合整治两项专项工作作出部署。\n",
        date(2026, 1, 21),
        None,
        [("5414亿元", "2025"), ("两项", "2026")],
    ),
    (
        "2025年，全省进出口总额5414亿元。2025年，出口增长5%。\n"
        "建议在全面完成“十四五”规划的基础上，全省经济社会发展的主要目标是：\n城镇登记失业率控制在4.5%以内。\n",
        date(2026, 1, 21),
        None,
        [("4.5%", "2025")],
    ),
]

# ---- now ----------------------------------------------------------------------------------------------
NOW = [
    # 现在 opening a clause is the year of the document's date; inside another word (实现在线) it is not
    (
        "2025年，全省进出口总额5414亿元。2025年，出口增长5%。\n“现在在这里每天可加工生产20多吨非洲坚果。”他说。\n"
        "全省实现在线办理事项300项。\n",
        date(2026, 1, 21),
        None,
        [("20多吨", "2026"), ("300项", "2025")],
    ),
    # a size that can be made now is the year's state; a size naming a product is a specification
    (
        "目前国内仅能稳定制作1至2英寸的单晶片。目前4英寸金刚石散热片的售价就达到了4万元左右。",
        date(2026, 6, 12),
        None,
        [("1至2英寸", "2026"), ("4英寸", None)],
    ),
]

CASES = RANGES + DAYS + SINCE_UNTIL + CLAIMS + KINDS + NOW


@pytest.mark.parametrize("text,doc_date,reporting,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_each_figure_refers_to_its_period(text, doc_date, reporting, expected):
    got = periods(text, doc_date, reporting)
    assert [(figure, got.get(figure, "<not found>")) for figure, _ in expected] == expected


def test_a_total_told_again_in_its_article_is_the_counted_one():
    """A headline's "累计开行200列" and "200列的背后" name the total the article counts since a start up
    to a cut-off; another figure is on its own."""
    text = (
        "湖北铁路集团累计开行中欧班列200列\n200列的背后，是运营模式的深刻变革，全年开行56列。\n"
        "自2024年6月12日首开班列以来，公司持续拓展物流通道。截至2026年2月，公司累计开行班列200列。\n"
    )
    found = figures_only(extract(text, date(2026, 2, 10)))
    assert [(f.text, f.period.label() if f.period else None) for f in found] == [
        ("200列", "2024-06/2026-02"),
        ("200列", "2024-06/2026-02"),
        ("56列", "2026"),
        ("200列", "2024-06/2026-02"),
    ]
