"""Kinds of report the engine is judged on beyond the development sets: statistical tables,
annual reports extracted from PDF, broker and insurer results, market day reports, CPI/PPI
releases, five-year plans (GUIDE.md, "Figures in tables" and "Notation in financial, statistical
and technical text"). Text -> every figure expected (kind DATE excluded), as (span text, kind,
value, unit) with optional extras {"approx", "value_high"}; and what must not become a figure."""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only
from tests.extract.cases import assert_text_has_figures

D = Decimal

# ---- tables: a bare number takes the unit its header, its row or the unit line states --------
TABLES = [
    # an annual report's row from a PDF: label (unit), this year, last year, the change in %
    (
        "主要会计数据和财务指标\n基本每股收益（元/股） 0.45 0.38 18.42%\n稀释每股收益（元/股） 0.44 0.37 18.92%\n",
        [
            ("0.45", "money", D("0.45"), "元"), ("0.38", "money", D("0.38"), "元"),
            ("18.42%", "percent", D("18.42"), "%"),
            ("0.44", "money", D("0.44"), "元"), ("0.37", "money", D("0.37"), "元"),
            ("18.92%", "percent", D("18.92"), "%"),
        ],
    ),
    # a unit cell whose unit begins with a scale character: 万 of 千瓦, never 万千 of 瓦
    (
        "| 产品名称 | 单位 | 产量 | 比上年增长（%） |\n| --- | --- | --- | --- |\n"
        "| 发电机组 | 万千瓦 | 13226.2 | 38.3 |\n| 发动机 | 万千瓦 | 250000.0 | 2.1 |\n",
        [
            ("13226.2", "quantity", D("132262000"), "千瓦"),
            ("38.3", "percent", D("38.3"), "%"),
            ("250000.0", "quantity", D("2500000000"), "千瓦"),
            ("2.1", "percent", D("2.1"), "%"),
        ],
    ),
    # a converted table shifts its growth one cell right, under no header: it is still the growth
    (
        "| 指标 | 单位 | 绝对数 | 比上年增长（%） |  |\n| --- | --- | --- | --- | --- |\n"
        "| 旅客运输总量 | 亿人次 | 179.2 |  | -3.1 |\n| 铁路 | 亿人次 | 33.7 |  | 9.4 |\n",
        [
            ("179.2", "quantity", D("17920000000"), "人次"),
            ("-3.1", "percent", D("-3.1"), "%"),
            ("33.7", "quantity", D("3370000000"), "人次"),
            ("9.4", "percent", D("9.4"), "%"),
        ],
    ),
    # a flattened table under its unit line; a row whose label begins with 其中： is still a row
    (
        "表1 居民消费价格比上年涨跌幅度\n\n单位：%\n\n- 指标 全国\n- 城市 农村\n"
        "- 居民消费价格 2.5 2.3 3.0\n- 其中：食品烟酒 8.3 7.8 9.6\n- 衣 着 -0.2 -0.2 -0.3\n",
        [
            ("2.5", "percent", D("2.5"), "%"), ("2.3", "percent", D("2.3"), "%"), ("3.0", "percent", D("3.0"), "%"),
            ("8.3", "percent", D("8.3"), "%"), ("7.8", "percent", D("7.8"), "%"), ("9.6", "percent", D("9.6"), "%"),
            ("-0.2", "percent", D("-0.2"), "%"), ("-0.2", "percent", D("-0.2"), "%"),
            ("-0.3", "percent", D("-0.3"), "%"),
        ],
    ),
    # numbers inside a row's label belong to the label (GUIDE: digits inside labels are not figures)
    (
        "| 指标 | 年末数（万人） | 比重（%） |\n| --- | --- | --- |\n"
        "| 其中：0-15岁（含不满16周岁） | 24860 | 17.8 |\n| 60周岁及以上 | 24949 | 17.9 |\n",
        [
            ("24860", "quantity", D("248600000"), "人"),
            ("17.8", "percent", D("17.8"), "%"),
            ("24949", "quantity", D("249490000"), "人"),
            ("17.9", "percent", D("17.9"), "%"),
        ],
    ),
    # a number under no header that no shift explains gives no figure (its unit would be a guess)
    (
        "| 指标 | 单位 | 绝对数 |  |\n| --- | --- | --- | --- |\n| 铁路 | 亿人次 | 33.7 | 9.4 |\n",
        [("33.7", "quantity", D("3370000000"), "人次")],
    ),
    # the row's unit cell (a column headed 单位), the column header's growth in %
    (
        "| 产品名称 | 单位 | 产量 | 比上年增长（%） |\n| --- | --- | --- | --- |\n"
        "| 原煤 | 亿吨 | 47.1 | 3.4 |\n| 汽车 | 万辆 | 3011.3 | -9.3 |\n",
        [
            ("47.1", "quantity", D("4710000000"), "吨"),
            ("3.4", "percent", D("3.4"), "%"),
            ("3011.3", "quantity", D("30113000"), "辆"),
            ("-9.3", "percent", D("-9.3"), "%"),
        ],
    ),
    # the table's unit line above it, and a header's own unit
    (
        "表3 2023年末人口数及其构成\n单位：万人\n| 指标 | 年末数 | 比重（%） |\n| --- | --- | --- |\n"
        "| 全国总人口 | 140967 | 100.0 |\n| 其中：城镇 | 93267 | 66.16 |\n",
        [
            ("140967", "quantity", D("1409670000"), "人"),
            ("100.0", "percent", D(100), "%"),
            ("93267", "quantity", D("932670000"), "人"),
            ("66.16", "percent", D("66.16"), "%"),
        ],
    ),
    # an annual report's table: 单位：元 币种：人民币, thousands separators, a sign in the cell
    (
        "单位：元 币种：人民币\n| 主要会计数据 | 2023年 | 2022年 | 本期比上年同期增减(%) |\n| --- | --- | --- | --- |\n"
        "| 营业收入 | 1,234,567,890.12 | 1,099,123,456.78 | 12.32 |\n"
        "| 经营活动产生的现金流量净额 | 234,567,890.00 | -12,345,678.90 | 不适用 |\n",
        [
            ("1,234,567,890.12", "money", D("1234567890.12"), "元"),
            ("1,099,123,456.78", "money", D("1099123456.78"), "元"),
            ("12.32", "percent", D("12.32"), "%"),
            ("234,567,890.00", "money", D("234567890"), "元"),
            ("-12,345,678.90", "money", D("-12345678.90"), "元"),
        ],
    ),
    # a page's running head between the unit line and the rows is no row
    (
        "单位：人民币百万元\n招商银行 2023 年度报告 12\n利息净收入 214,669 218,235\n手续费净收入 72,581 79,398\n",
        [
            ("214,669", "money", D(214669000000), "元"),
            ("218,235", "money", D(218235000000), "元"),
            ("72,581", "money", D(72581000000), "元"),
            ("79,398", "money", D(79398000000), "元"),
        ],
    ),
    # a number of a year's size under a year's column is an amount
    ("单位：亿元\n| 地区 | 2023年 |\n| --- | --- |\n| 北京 | 2015 |\n", [("2015", "money", D(201500000000), "元")]),
    # a unit line naming the currency (人民币百万元), as annual reports write it
    (
        "单位：人民币百万元\n| 项目 | 2023年 | 2022年 |\n| --- | --- | --- |\n| 营业收入 | 337,488 | 344,783 |\n",
        [("337,488", "money", D(337488000000), "元"), ("344,783", "money", D(344783000000), "元")],
    ),
    # the unit in the table's first cell, or on a line of its own in parentheses
    (
        "| (人民币百万元) | 2023年 | 2022年 | 变动(%) |\n| --- | --- | --- | --- |\n"
        "| 营运利润 | 117,989 | 148,301 | (20.4) |\n",
        [("117,989", "money", D(117989000000), "元"), ("148,301", "money", D(148301000000), "元"),
         ("(20.4)", "percent", D("-20.4"), "%")],
    ),
    (
        "（人民币百万元）\n| 项目 | 2023年 | 2022年 |\n| --- | --- | --- |\n| 内含价值 | 1,423,284 | 1,402,228 |\n",
        [("1,423,284", "money", D(1423284000000), "元"), ("1,402,228", "money", D(1402228000000), "元")],
    ),
    # an amount in parentheses is negative, as accounts write it
    (
        "单位：千元\n| 项目 | 本期 | 上期 |\n| --- | --- | --- |\n| 投资收益 | (1,234.56) | 2,345 |\n",
        [("(1,234.56)", "money", D("-1234560"), "元"), ("2,345", "money", D(2345000), "元")],
    ),
    # the unit line below the table; a serial column is no figure
    (
        "| 序号 | 项目 | 金额 |\n| --- | --- | --- |\n| 1 | 研发投入 | 1,200 |\n| 2 | 营销费用 | 800 |\n"
        "金额单位：万元\n",
        [("1,200", "money", D(12000000), "元"), ("800", "money", D(8000000), "元")],
    ),
    # cells parted by tabs
    (
        "单位：%\n指标\t全国\t城市\n居民消费价格\t0.2\t0.3\n",
        [("0.2", "percent", D("0.2"), "%"), ("0.3", "percent", D("0.3"), "%")],
    ),
    # a table of indices with no unit: readings in 点 (and not the unit line of the table before)
    (
        "| 项目 | 金额 |\n| --- | --- |\n| 研发投入 | 1,200 |\n金额单位：万元\n\n"
        "| 指数 | 本月 | 上月 |\n| --- | --- | --- |\n| 制造业PMI | 49.5 | 50.2 |\n",
        [
            ("1,200", "money", D(12000000), "元"),
            ("49.5", "quantity", D("49.5"), "点"),
            ("50.2", "quantity", D("50.2"), "点"),
        ],
    ),
    # an index table: levels in 点, but a change column without its unit is no guess
    (
        "| 指数名称 | 收盘点位 | 涨跌幅 |\n| --- | --- | --- |\n| 上证指数 | 3088.64 | -0.40 |\n",
        [("3088.64", "quantity", D("3088.64"), "点")],
    ),
    # a growth column under a unit line of amounts takes the line's % ("单位：亿元、%")
    (
        "单位：亿元、%\n| 指标 | 绝对数 | 比上年增长 |\n| --- | --- | --- |\n| 全部工业增加值 | 399103 | 4.2 |\n",
        [("399103", "money", D("39910300000000"), "元"), ("4.2", "percent", D("4.2"), "%")],
    ),
    # a growth column without its own unit under a unit line of amounts only: no guess
    (
        "单位：亿元\n| 地区 | 生产总值 | 增长 |\n| --- | --- | --- |\n| 北京 | 43760.7 | 5.2 |\n",
        [("43760.7", "money", D("4376070000000"), "元")],
    ),
    # a flattened table whose header words stand over the row's words: each column its own unit
    (
        "产品名称 单位 产量 比上年增长（%）\n原煤 亿吨 47.1 3.4\n汽车 万辆 3011.3 9.3\n",
        [
            ("47.1", "quantity", D("4710000000"), "吨"),
            ("3.4", "percent", D("3.4"), "%"),
            ("3011.3", "quantity", D("30113000"), "辆"),
            ("9.3", "percent", D("9.3"), "%"),
        ],
    ),
    (
        "单位：元 币种：人民币\n主要会计数据 2023年 2022年 本期比上年同期增减(%)\n"
        "营业收入 1,234,567.12 1,099,123.78 12.32\n净利润 156,789.34 161,987.32 -3.21\n",
        [
            ("1,234,567.12", "money", D("1234567.12"), "元"),
            ("1,099,123.78", "money", D("1099123.78"), "元"),
            ("12.32", "percent", D("12.32"), "%"),
            ("156,789.34", "money", D("156789.34"), "元"),
            ("161,987.32", "money", D("161987.32"), "元"),
            ("-3.21", "percent", D("-3.21"), "%"),
        ],
    ),
    # a flattened table: a label and its numbers under a unit line, or a header of one unit a column
    (
        "表1 2024年3月份居民消费价格主要数据\n单位：%\n- 居民消费价格 0.1 -1.0\n- 衣 着 1.6 0.2\n",
        [
            ("0.1", "percent", D("0.1"), "%"),
            ("-1.0", "percent", D(-1), "%"),
            ("1.6", "percent", D("1.6"), "%"),
            ("0.2", "percent", D("0.2"), "%"),
        ],
    ),
    (
        "环比涨跌幅（%） 同比涨跌幅（%）\n- 居民消费价格 -1.0 0.1\n- 衣 着 0.2 1.6\n",
        [
            ("-1.0", "percent", D(-1), "%"),
            ("0.1", "percent", D("0.1"), "%"),
            ("0.2", "percent", D("0.2"), "%"),
            ("1.6", "percent", D("1.6"), "%"),
        ],
    ),
]

# ---- a five-year plan's targets, flattened: the row's label states the unit ----------------------
PLAN_TABLES = [
    (
        "类别 指标 2020年 2025年 属性\n1.国内生产总值（GDP）增长（%） 2.3 — 预期性\n"
        "3.常住人口城镇化率（%） 60.6* 65 预期性\n5.每万人口高价值发明专利拥有量（件） 6.3 12 预期性\n"
        "8.城镇调查失业率（%） 5.2 <5.5 预期性\n14.单位GDP能源消耗降低（%） — 〔13.5〕 约束性\n"
        "19.粮食综合生产能力（亿吨） — >6.5 约束性\n",
        [
            ("2.3", "percent", D("2.3"), "%"),
            ("60.6", "percent", D("60.6"), "%"),
            ("65", "percent", D(65), "%"),
            ("6.3", "quantity", D("6.3"), "件"),
            ("12", "quantity", D(12), "件"),
            ("5.2", "percent", D("5.2"), "%"),
            ("5.5", "percent", D("5.5"), "%", {"approx": "<"}),
            ("13.5", "percent", D("13.5"), "%"),
            ("6.5", "quantity", D(650000000), "吨", {"approx": ">"}),
        ],
    ),
    # a target row with words among its cells: each number that begins a cell
    (
        "经济发展 1.国内生产总值（GDP）增长（%） 2.3 保持在合理区间、各年度视情提出 预期性\n"
        "4.全社会研发经费投入增长（%） — >7、力争投入强度高于“十三五”时期实际 预期性\n",
        [("2.3", "percent", D("2.3"), "%"), ("7", "percent", D(7), "%", {"approx": ">"})],
    ),
    # a pipe table of the same: the label's unit serves its row
    (
        "| 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- |\n| 森林覆盖率（%） | 23.2* | 24.1 | 约束性 |\n",
        [("23.2", "percent", D("23.2"), "%"), ("24.1", "percent", D("24.1"), "%")],
    ),
    # a row's own unit wins over a caption whose unit cannot be told column by column
    (
        "图表1 营业收入（亿元）\n营业收入（万元） 12,345.67 11,234.56\n",
        [("12,345.67", "money", D("123456700"), "元"), ("11,234.56", "money", D("112345600"), "元")],
    ),
]

# ---- tables where a careful reader sees no unit: no guess -----------------------------------
TABLES_WITHOUT_FIGURES = [
    "| 项目 | 2023年 | 2022年 |\n| --- | --- | --- |\n| 员工人数 | 3456 | 3210 |\n",
    # a flattened header whose one (%) cannot be told column by column (its words do not align)
    "单位：元\n主要会计数据 本期比上年同期增减(%)\n营业收入 1,234,567.12 1,099,123.78 12.32\n"
    "净利润 156,789.34 161,987.32 -3.21\n",
    # codes and telephone numbers in a block of label-and-number lines
    "公司基本情况\n单位：元\n股票简称 平安银行 股票代码 000001\n公司电话 0755 22168888\n",
    # a header row of years under a caption's unit
    "图表1 营业收入（亿元）\n2019 2020 2021\n",
    "单位：亿元\n年份 2019 2020 2021\n",
    "单位：亿元\n| 年份 | 2019 | 2020 |\n| 地区 | 北京 | 上海 |\n",
    # a year in a cell is a year
    "单位：万元\n| 项目 | 内容 |\n| --- | --- |\n| 成立年份 | 2003 |\n",
    # a page's running head and number above a row of figures
    "单位：人民币百万元\n招商银行 2023 年度报告 12\n",
]

# ---- broker and insurer results ----------------------------------------------------------------
RESULTS = [
    # values parted by slashes share the unit after the last (forecasts year by year)
    ("预计公司2024-2026年EPS分别为1.38/1.52/1.67元", [
        ("1.38", "money", D("1.38"), "元"), ("1.52", "money", D("1.52"), "元"), ("1.67元", "money", D("1.67"), "元")]),
    ("对应PE分别为15.2/13.8/12.6倍", [
        ("15.2", "multiple", D("15.2"), "倍"), ("13.8", "multiple", D("13.8"), "倍"),
        ("12.6倍", "multiple", D("12.6"), "倍")]),
    ("营业收入分别为120.5/135.6亿元", [
        ("120.5", "money", D("12050000000"), "元"), ("135.6亿元", "money", D("13560000000"), "元")]),
    ("ROE分别为10.2%/11.5%/12.3%", [
        ("10.2%", "percent", D("10.2"), "%"), ("11.5%", "percent", D("11.5"), "%"),
        ("12.3%", "percent", D("12.3"), "%")]),
    # years of a forecast parted by slashes are dates
    ("预计公司24/25/26年归母净利润分别为12.3/14.5/16.8亿元", [
        ("12.3", "money", D(1230000000), "元"), ("14.5", "money", D(1450000000), "元"),
        ("16.8亿元", "money", D(1680000000), "元")]),
    ("2024/2025/2026年EPS为1.2/1.4/1.6元", [
        ("1.2", "money", D("1.2"), "元"), ("1.4", "money", D("1.4"), "元"), ("1.6元", "money", D("1.6"), "元")]),
    ("24/25年净利润增速为12%", [("12%", "percent", D(12), "%")]),
    ("连续3年收益率超过10%", [("3年", "quantity", D(3), "年"), ("10%", "percent", D(10), "%", {"approx": "超过"})]),
    ("EPS分别为1.38元/1.52元", [("1.38元", "money", D("1.38"), "元"), ("1.52元", "money", D("1.52"), "元")]),
    # pct and ppt: percentage points as brokers write them
    ("加权平均ROE 7.81%，同比-1.1pct", [
        ("7.81%", "percent", D("7.81"), "%"), ("-1.1pct", "pp", D("-1.1"), "个百分点")]),
    ("毛利率提升0.5ppt", [("0.5ppt", "pp", D("0.5"), "个百分点")]),
    ("COR 97.8%，同比-0.6pp", [("97.8%", "percent", D("97.8"), "%"), ("-0.6pp", "pp", D("-0.6"), "个百分点")]),
    ("对应PE为15.2x/13.8x/12.6x", [
        ("15.2x", "multiple", D("15.2"), "倍"), ("13.8x", "multiple", D("13.8"), "倍"),
        ("12.6x", "multiple", D("12.6"), "倍")]),
    ("营业收入为456.7/512.3/578.9亿元", [
        ("456.7", "money", D("45670000000"), "元"), ("512.3", "money", D("51230000000"), "元"),
        ("578.9亿元", "money", D("57890000000"), "元")]),
    # YoY, QoQ: a change glued to the figure, its sign kept
    ("归母净利润12.34亿元，YoY+15.6%，QoQ-3.2%", [
        ("12.34亿元", "money", D(1234000000), "元"), ("+15.6%", "percent", D("15.6"), "%"),
        ("-3.2%", "percent", D("-3.2"), "%")]),
    ("营收YoY12.3%", [("12.3%", "percent", D("12.3"), "%")]),
    # a currency named before a scaled amount with no unit after it
    ("境外收入美元1.2亿", [("1.2亿", "money", D(120000000), "美元")]),
    ("募集资金港币 3亿", [("3亿", "money", D(300000000), "港元")]),
    ("另有约欧元5000万", [("5000万", "money", D(50000000), "欧元", {"approx": "约"})]),
    ("折合人民币8.6亿", [("8.6亿", "money", D(860000000), "元")]),
]

# ---- CPI/PPI releases --------------------------------------------------------------------------
RELEASES = [
    # the qualifier before a sign still bounds the figure
    ("翘尾影响约为-0.1个百分点", [("-0.1个百分点", "pp", D("-0.1"), "个百分点", {"approx": "约为"})]),
]

# ---- text extracted from PDF: a paragraph's line wraps between number and unit ----------------
PDF_TEXT = [
    ("报告期内，公司实现营业收入12.3亿元，同比增长5%，总资产为人民币 3,456.78 亿\n元，同比增长 10.2%。", [
        ("12.3亿元", "money", D(1230000000), "元"), ("5%", "percent", D(5), "%"),
        ("3,456.78 亿\n元", "money", D("345678000000"), "元"), ("10.2%", "percent", D("10.2"), "%")]),
    ("全省地区生产总值 331 亿元，比上年增长 11 %，工业增加值 38 亿元，增长 28\n%。", [
        ("331 亿元", "money", D(33100000000), "元"), ("11 %", "percent", D(11), "%"),
        ("38 亿元", "money", D(3800000000), "元"), ("28\n%", "percent", D(28), "%")]),
    # a space between scale and unit as well
    ("实现营业收入 3.2 亿 元，产量 12.5 万 吨", [
        ("3.2 亿 元", "money", D(320000000), "元"), ("12.5 万 吨", "quantity", D(125000), "吨")]),
    ("全省新增 1.2 万 个人独资企业", []),
    # the decimals of a number spaced apart are no figure of their own
    ("净利润增长 12 . 3%", []),
    # a short line, a heading, or a list: the break ends the figure
    ("全年完成投资1200\n个项目", []),
]

# ---- five-year plans: the bounds of targets ----------------------------------------------------
PLANS = [
    ("单位地区生产总值能耗下降≥13.5%，城镇调查失业率<5.5%", [
        ("13.5%", "percent", D("13.5"), "%", {"approx": "≥"}), ("5.5%", "percent", D("5.5"), "%", {"approx": "<"})]),
]

# ---- numbers of two scaled parts and ranges below zero: one figure, one value -------------------
VALUES = [
    ("投资1亿2千万元", [("1亿2千万元", "money", D(120000000), "元")]),
    ("募资12亿5000万元", [("12亿5000万元", "money", D(1250000000), "元")]),
    ("招聘1万5千人", [("1万5千人", "quantity", D(15000), "人")]),
    ("覆盖1万2000户", [("1万2000户", "quantity", D(12000), "户")]),
    ("预计增长-5%~-3%", [("-5%~-3%", "percent", D(-5), "%", {"value_high": D(-3)})]),
    ("区间为-5%—-3%", [("-5%—-3%", "percent", D(-5), "%", {"value_high": D(-3)})]),
    ("增长1%~-3%", [("1%", "percent", D(1), "%"), ("-3%", "percent", D(-3), "%")]),
]

# ---- units of statistical communiqués the lexicons lacked --------------------------------------
UNITS = [
    # 标准箱 and TEU are the unit GUIDE writes 标箱 (20万标箱)
    ("港口集装箱吞吐量31034万标准箱，完成2.96亿TEU", [
        ("31034万标准箱", "quantity", D(310340000), "标箱"), ("2.96亿TEU", "quantity", D(296000000), "标箱")]),
    ("节能4500万吨标煤", [("4500万吨标煤", "quantity", D(45000000), "吨标煤")]),
    ("出省带宽达4.5万Gbps", [("4.5万Gbps", "quantity", D(45000), "Gbps")]),
    ("噪声控制在55分贝以下", [("55分贝", "quantity", D(55), "分贝", {"approx": "以下"})]),
]

# ---- market day reports ------------------------------------------------------------------------
MARKETS = [
    # an index level before 关口 / 大关 (整 of 整数关口 is no clock), after 重上 / 站上 / 失守
    ("沪指跌破2900点整数关口", [("2900点", "quantity", D(2900), "点")]),
    ("恒生指数收涨2.59%，重上18000点", [
        ("2.59%", "percent", D("2.59"), "%"), ("18000点", "quantity", D(18000), "点")]),
    ("守住3000点大关", [("3000点", "quantity", D(3000), "点")]),
    # trading days are a unit of their own (a run is the claim; a window after 近 is a period)
    ("北向资金连续5个交易日净流入", [("5个交易日", "quantity", D(5), "个交易日")]),
    ("近20个交易日累计上涨12%", [("12%", "percent", D(12), "%")]),
    # a currency pair written with a slash
    ("美元/人民币中间价报7.1106", [("7.1106", "money", D("7.1106"), "元")]),
    # a rate per a scaled unit
    ("移动电话普及率为119.2部/百人", [("119.2部/百人", "quantity", D("119.2"), "部/百人")]),
]

NOT_FIGURES = [
    ("每10万人口拥有医生254.6/10万", "254.6"),
    # a metric named by its window
    ("13个月保单继续率为95.6%", "13"),
    ("货币基金7日年化收益率为1.85%", "7"),
    ("用户30日留存率为45%", "30"),
    ("沪指失守5日均线", "5"),
    ("股价站上20日线", "20"),
    ("8点整开盘", "8"),
    # the scale of an Arabic number is no scale word alone
    ("打造2条2千亿级产业带", "千亿"),
]

CASES = TABLES + PLAN_TABLES + RESULTS + RELEASES + MARKETS + PDF_TEXT + PLANS + VALUES + UNITS


@pytest.mark.parametrize("text,expected", CASES, ids=[t[:24] for t, _ in CASES])
def test_figures(text, expected):
    assert_text_has_figures(text, expected)


@pytest.mark.parametrize("text", TABLES_WITHOUT_FIGURES, ids=[t[:24] for t in TABLES_WITHOUT_FIGURES])
def test_table_without_a_stated_unit_gives_no_figure(text):
    assert figures_only(extract(text)) == []


@pytest.mark.parametrize("text,number", NOT_FIGURES, ids=[t for t, _ in NOT_FIGURES])
def test_not_a_figure(text, number):
    at = text.index(number)
    for figure in figures_only(extract(text)):
        assert not figure.start <= at < figure.end, figure
