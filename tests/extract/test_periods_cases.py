"""Which period each figure refers to (GUIDE.md, "Periods"), table-driven.

Each case: (text, document date, reporting period the reviewer set or None, [(figure text, label)]),
listing the figures whose period the case is about, in document order; label None is "refers to
no time". Grouped by the rule of GUIDE's resolution order they show.
"""

from datetime import date

import pytest

from reviewer.extract import extract, figures_only
from reviewer.model import Period

WORK_REPORT_2024 = "政府工作报告\n——2024年1月30日在珠海市第十届人民代表大会第四次会议上\n各位代表：\n"
COURT_REPORT_2026 = "湖北省高级人民法院工作报告\n——2026年1月28日在湖北省第十四届人民代表大会第五次会议上\n各位代表：\n"
WORK_REPORT_2013 = (
    "——2013年1月22日在广西壮族自治区第十二届人民代表大会第一次会议上\n各位代表：\n"
    "现在，我代表自治区人民政府向大会报告工作。\n"
)

# ---- the wrong periods the issue quotes ---------------------------------------------------------
ISSUE = [
    # a report delivered in January 2024: its section "一、2023年工作回顾" is 2023, 全年 too
    (
        WORK_REPORT_2024 + "一、2023年工作回顾\n全年地区生产总值4233亿元，增长4%。年末常住人口249万人。\n",
        date(2024, 1, 30),
        None,
        [("4233亿元", "2023"), ("4%", "2023"), ("249万人", "2023")],
    ),
    # the Hubei court report of January 2026 reviews 2025, not "2026-02"
    (
        COURT_REPORT_2026 + "全省法院受理案件1425918件，审结破产案件891件。\n",
        date(2026, 1, 28),
        None,
        [("1425918件", "2025"), ("891件", "2025")],
    ),
]

# ---- what the engine read right before and keeps reading right ----------------------------------
KEPT = [
    # 规模以上 names the group an indicator covers: its figure refers to its year
    ("2025年，全市规模以上工业增加值增长5%。", date(2026, 6, 1), None, [("5%", "2025")]),
    ("2020年，城镇化率为55%，到2025年达到60%。", date(2021, 3, 1), None, [("55%", "2020"), ("60%", "2025")]),
    ("今年前11个月，湖北对外工程承包完成额80.6亿美元。", date(2025, 12, 25), None, [("80.6亿美元", "2025-01/2025-11")]),
    ("一季度，我国货物贸易进出口增长10.7%。", date(2022, 4, 13), None, [("10.7%", "2022-01/2022-03")]),
    ("去年全市新增就业3万人。", date(2026, 1, 28), None, [("3万人", "2025")]),
    ("2023年，全市新增企业2万家。", date(2025, 3, 1), None, [("2万家", "2023")]),
]

# ---- 1. the clause's or sentence's own time expression -------------------------------------------
OWN = [
    # parts of a month; 截至 a month's end is the year to it; 以来 runs up to the sentence's 截至
    ("截至6月末，全省存款余额5万亿元。", date(2025, 7, 20), None, [("5万亿元", "2025-01/2025-06")]),
    (
        "翔鹭钨业发布2026年6月份上半月报价：黑钨精矿为518000元/标吨。",
        date(2026, 6, 11),
        None,
        [("518000元/标吨", "2026-06-01/2026-06-15")],
    ),
    ("截至5月底，国内钽锭价格今年以来涨幅已超150%。", date(2026, 6, 11), None, [("150%", "2026-01/2026-05")]),
    ("今年前11月，湖北进出口总值7502.3亿元。", date(2025, 12, 25), None, [("7502.3亿元", "2025-01/2025-11")]),
    ("上半年，全市外贸进出口500亿元。", date(2025, 7, 26), None, [("500亿元", "2025-01/2025-06")]),
    ("截至6月11日，已有87家上市公司定增实施完成。", date(2026, 6, 12), None, [("87家", "2026-01-01/2026-06-11")]),
    ("2019年末全市金融机构存款余额3697亿元。", date(2020, 2, 1), None, [("3697亿元", "2019")]),
    # a time expression opening a sentence governs the sentences after it in its paragraph
    (
        "全省外贸在复杂形势下稳中有进、量质齐升。今年前11个月，全省完成营业额80.6亿美元。新签合同额121.6亿美元。",
        date(2025, 12, 25),
        None,
        [("80.6亿美元", "2025-01/2025-11"), ("121.6亿美元", "2025-01/2025-11")],
    ),
    # 同期: the period the text spoke of last, in the paragraph before
    (
        "今年前11月，湖北进出口总值7502.3亿元。\n\n出口机电产品2712.2亿元，占同期湖北省出口总值超五成。",
        date(2025, 12, 25),
        None,
        [("2712.2亿元", "2025-01/2025-11"), ("五成", "2025-01/2025-11")],
    ),
    # 目前, 现有, 截至目前: the year of the document's date
    (
        "今年前11个月，完成营业额80.6亿美元。目前已建成11家境外经贸合作区。",
        date(2025, 12, 25),
        None,
        [("11家", "2025")],
    ),
]

# ---- 2. a comparison's base names the change's period only ----------------------------------------
BASES = [
    # 去年同期 in a piece on a quarter: that quarter a year before; 今年1季度 this year's
    (
        "全国城市一季度财力排名\n榆林增速为120.5%。去年同期，榆林的收入只有120亿左右，今年1季度直接飙升至290亿以上。\n",
        date(2022, 4, 28),
        None,
        [("120.5%", "2022-01/2022-03"), ("120亿", "2021-01/2021-03"), ("290亿", "2022-01/2022-03")],
    ),
    # a date that qualifies or bounds, not the figure's time: 1951年以来最严重, 1975年以前建设的
    ("2022年，积极应对1951年以来最严重渍涝灾害，粮食总产量50亿斤。", date(2023, 1, 10), None, [("50亿斤", "2022")]),
    # the day the figures were told on, at a meeting: not their period
    ("1月23日，航运服务业推介会上，江汉已集聚23家头部航运企业。", date(2026, 6, 1), None, [("23家", "2026")]),
    (
        "2023年，全市地区生产总值4233亿元，比上年增长5%。",
        date(2025, 6, 1),
        None,
        [("4233亿元", "2023"), ("5%", "2023")],
    ),
    (
        "一季度，城市财政收入120亿元，与2021年同期相比增长8%。",
        date(2022, 4, 20),
        None,
        [("120亿元", "2022-01/2022-03"), ("8%", "2022-01/2022-03")],
    ),
]

# ---- 3. the section its heading names -----------------------------------------------------------------
SECTIONS = [
    # a work report's sections after its plan for the year go on planning for it
    (
        WORK_REPORT_2024
        + "一、2023年工作回顾\n新增就业3万人。\n二、2024年工作安排\n新增就业4万人。\n三、加强政府自身建设\n"
        "新建公厕5座。\n",
        date(2024, 1, 30),
        None,
        [("3万人", "2023"), ("4万人", "2024"), ("5座", "2024")],
    ),
    ("第一章 “十三五”时期发展回顾\n全市累计完成投资5000亿元。\n", date(2021, 3, 1), None, [("5000亿元", "2016/2020")]),
    (
        WORK_REPORT_2013 + "一、过去五年工作回顾\n5年来推进重大项目1047项。\n",
        date(2013, 1, 22),
        None,
        [("1047项", "2008/2012")],
    ),
    ("二、2026年主要任务\n新增城镇就业5万人。\n", date(2026, 1, 28), None, [("5万人", "2026")]),
    # a table under a caption naming its year takes it
    (
        "表1 2018年年末人口数及其构成\n单位：万人\n| 指标 | 年末数 |\n| --- | --- |\n| 全国总人口 | 139538 |\n",
        None,
        None,
        [("139538", "2018")],
    ),
]

# ---- 4. the document's reporting period -----------------------------------------------------------------
REPORTING = [
    (
        "各位代表：\n现在，我代表省人民政府向大会作政府工作报告。\n一、2015年主要工作和“十二五”发展成就\n全省生产总值增长8%。\n"
        "二、“十三五”发展主要目标任务\n到2020年人均生产总值超过1.5万美元。\n三、2016年主要工作\n今年生产总值增长7%。\n",
        None,
        None,
        [("8%", "2015"), ("1.5万美元", "2020"), ("7%", "2016")],
    ),
    # a work report opening with its address to the delegates, delivered in February: the year before
    (
        "各位代表：\n现在，我代表市人民政府向大会作政府工作报告，请予审议。\n全市地区生产总值4233亿元。\n",
        date(2009, 2, 16),
        None,
        [("4233亿元", "2008")],
    ),
    # undated: the date it gives itself in Chinese numerals, else its review heading's year
    (
        "——二〇一六年一月二十四日在天津市第十六届人民代表大会第四次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
        "全市生产总值增长9.3%。今年预期增长8%。\n",
        None,
        None,
        [("9.3%", "2015"), ("8%", "2016")],
    ),
    (
        "各位代表：\n现在，我代表省人民政府向大会作工作报告。\n一、过去一年工作的回顾\n2003年是极不平凡的一年。"
        "全省生产总值2400亿元。今年要新增就业30万人。2004年将实施十项工程，2004年底建成。\n",
        None,
        None,
        [("2400亿元", "2003"), ("30万人", "2004")],
    ),
    # the reviewer's reporting period wins over what the engine would infer
    ("全市新增就业3万人。", date(2026, 1, 28), Period("2024-01-01", "2024-12-31", "2024"), [("3万人", "2024")]),
    # a statistical communiqué covers its year
    (
        "中华人民共和国2013年国民经济和社会发展统计公报\n全年粮食产量60194万吨。\n",
        date(2014, 2, 24),
        None,
        [("60194万吨", "2013")],
    ),
    # an annual report covers its fiscal year
    (
        "中国邮政储蓄银行2019年年度报告\n报告期内，本行实现净利润610亿元。\n",
        date(2020, 3, 27),
        None,
        [("610亿元", "2019")],
    ),
    # a day report of the market covers its trading day
    (
        "科技股引领A股震荡\n6月11日，A股市场出现调整，创业板指跌逾1%。\n个股层面，两市成交额1.2万亿元。\n",
        date(2026, 6, 11),
        None,
        [("1%", "2026-06-11"), ("1.2万亿元", "2026-06-11")],
    ),
    # a news piece dated D speaks of D's year
    ("全市新增就业3万人。", date(2026, 6, 28), None, [("3万人", "2026")]),
    # no date: the year the text's dates name, its latest day
    (
        "海关总署发布外贸数据\n2022年全国货物贸易进出口42.07万亿元。\n有进出口实绩的外贸企业59.8万家。\n",
        None,
        None,
        [("42.07万亿元", "2022"), ("59.8万家", "2022")],
    ),
    (
        "一季度外贸同比增长10.7%\n13日，2022年一季度进出口情况新闻发布会举行。\n据海关统计，全国进出口9.42万亿元。\n",
        None,
        None,
        [("9.42万亿元", "2022-01/2022-03")],
    ),
]

# ---- targets, stretches, levels and runs -------------------------------------------------------------------
STRETCHES = [
    # 累计 over a stretch is the whole stretch; a level within one year is that year's, 由 included
    (
        WORK_REPORT_2013 + "一、过去五年工作回顾\n全区财政用于民生领域支出累计达7660.16亿元。\n",
        date(2013, 1, 22),
        None,
        [("7660.16亿元", "2008/2012")],
    ),
    (
        "2017年，平均每个事项办理时间由23.8个工作日缩短到5个工作日。",
        date(2018, 1, 20),
        None,
        [("23.8个工作日", "2017")],
    ),
    # the years a list of figures counts: the stretch ending in the reporting year
    (
        "2025年，汉亚直航累计“7年687航次、20万标箱”。城区防洪标准提高到50年一遇。",
        date(2025, 12, 1),
        None,
        [("7年", "2019/2025"), ("687航次", "2019/2025"), ("20万标箱", "2019/2025"), ("50年", "2025")],
    ),
    (
        "中国邮政储蓄银行2019年年度报告\n自2007年挂牌成立，我们用13年时间完成了改革。\n",
        date(2020, 3, 27),
        None,
        [("13年", "2007/2019")],
    ),
    ("“十四五”期间，全市新增就业50万人。", date(2021, 3, 1), None, [("50万人", "2021/2025")]),
    (WORK_REPORT_2013 + "五年来，全区新增就业200万人。\n", date(2013, 1, 22), None, [("200万人", "2008/2012")]),
    (
        WORK_REPORT_2013
        + "一、过去五年工作回顾\n地区生产总值由2007年5823.41亿元增加到2012年1.3万亿元，翻1.16番，年均增长13％；"
        "财政收入由703.9亿元增加到1810.07亿元，年均增长20.8％。\n",
        date(2013, 1, 22),
        None,
        [
            ("5823.41亿元", "2007"),
            ("1.3万亿元", "2012"),
            ("1.16番", "2012"),
            ("13％", "2008/2012"),
            ("703.9亿元", "2007"),
            ("1810.07亿元", "2012"),
            ("20.8％", "2008/2012"),
        ],
    ),
    (
        WORK_REPORT_2024 + "一、2023年工作回顾\n供电可靠性连续5年位列全国第一。\n",
        date(2024, 1, 30),
        None,
        [("5年", "2019/2023"), ("第一", "2019/2023")],
    ),
    (
        "截至6月11日收盘，近5日四方达股价上涨13%。截至6月11日，已有87家公司完成定增。",
        date(2026, 6, 11),
        None,
        [("13%", "2026-06-11"), ("87家", "2026-01-01/2026-06-11")],
    ),
]

# ---- 5. figures that refer to no time ---------------------------------------------------------------------
TIMELESS = [
    # what a rule or a regime gives, not what a period saw
    (
        "2025年，在新监管模式下，通关效率提升30%。在湖南，进口坚果需缴纳12%的关税。算下来，原料能节省约120万元成本。",
        date(2026, 1, 21),
        None,
        [("30%", None), ("12%", None), ("120万元", None)],
    ),
    ("2004年，建成投产过亿元项目411个。", date(2005, 2, 22), None, [("亿元", None), ("411个", "2004")]),
    (
        "2025年，面积仅28.3平方公里的江汉区地区生产总值预计突破1700亿元。",
        date(2026, 1, 27),
        None,
        [("28.3平方公里", None), ("1700亿元", "2025")],
    ),
    ("2026年，金刚石散热片的热导率可达到2000W/m·K。", date(2026, 6, 11), None, [("2000W/m·K", None)]),
    ("2012年，建成梧州年产30万吨再生铜冶炼项目。", date(2013, 1, 22), None, [("30万吨", None)]),
    ("2012年，建成中石油钦州1000万吨炼油工程。", date(2013, 1, 22), None, [("1000万吨", None)]),
    ("全市新开工建设投资500万元以上工业项目1145个。", date(2006, 2, 18), None, [("500万元", None), ("1145个", "2006")]),
    ("财政收入超过100亿元的市达到7个。", date(2013, 6, 1), None, [("100亿元", None), ("7个", "2013")]),
    ("2026年，金刚石材料主要分为复合材料、单晶金刚石、多晶金刚石3大类。", date(2026, 6, 11), None, [("3大类", None)]),
    (
        "2005年，新开工项目766个，项目全部达产后，创造工业总产值将超过1900亿元。",
        date(2006, 2, 18),
        None,
        [("766个", "2005"), ("1900亿元", None)],
    ),
    ("2025年，新建项目的负债率一般在50%以上。", date(2025, 6, 1), None, [("50%", None)]),
    ("2025年，企业实行24小时三班倒工作制。", date(2025, 6, 1), None, [("24小时", None)]),
]

CASES = KEPT + ISSUE + OWN + BASES + SECTIONS + REPORTING + STRETCHES + TIMELESS


def periods(text, doc_date, reporting):
    found = figures_only(extract(text, doc_date, reporting=reporting))
    return {f.text: (f.period.label() if f.period else None) for f in found}


@pytest.mark.parametrize("text,doc_date,reporting,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_each_figure_refers_to_its_period(text, doc_date, reporting, expected):
    got = periods(text, doc_date, reporting)
    assert [(figure, got.get(figure, "<not found>")) for figure, _ in expected] == expected


@pytest.mark.parametrize("doc_date", [date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29), None])
@pytest.mark.parametrize(
    "reporting", [None, Period("0001-01-01", "0001-12-31", "1"), Period("9999-01-01", "9999-12-31", "9999")]
)
def test_dates_at_the_ends_of_the_calendar_give_periods_not_errors(doc_date, reporting):
    text = (
        "各位代表：\n现在，我代表市人民政府向大会作政府工作报告。\n一、过去五年工作回顾\n5年来增长5%，连续3年第一。"
        "去年同期增长5%。今年前11月增长3%。截至6月11日新增5家。9999年12月31日增长1%。\n"
    )
    assert figures_only(extract(text, doc_date, reporting=reporting))
