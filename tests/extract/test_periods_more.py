"""More cases of which period each figure refers to (GUIDE.md, "Periods"), table-driven, in the
style of test_periods_cases.py: (text, document date, reporting period set or None,
[(figure text, label)])."""

from datetime import date

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

# ---- a cut-off sets the window the text counts in ------------------------------------------------
WINDOWS = [
    # "截至6月11日…6月份以来" opens a window; a later "截至6月11日" counts in it, and governs the
    # sentences after it in its paragraph even after a source's clause ("记者梳理发现，")
    (
        "截至6月11日记者发稿，6月份以来累计已有21家公司调整了方案；5月份以来，新增预案均采用竞价发行。\n"
        "记者梳理发现，截至6月11日，已经有21家公司调整了方案。从进展来看，5家提交注册，2家通过审核。\n",
        date(2026, 6, 12),
        None,
        [("21家", "2026-06-01/2026-06-11"), ("5家", "2026-06-01/2026-06-11"), ("2家", "2026-06-01/2026-06-11")],
    ),
    # a later "今年以来" up to the same day closes that window: 截至6月11日 is the year to it again
    (
        "截至6月11日记者发稿，6月份以来已有21家公司调整了方案。\n今年以来，审核效率提高。\n"
        "数据显示，截至6月11日，A股新增267单预案。其中，适用简易程序的有25单。\n",
        date(2026, 6, 12),
        None,
        [("267单", "2026-01-01/2026-06-11"), ("25单", "2026-01-01/2026-06-11")],
    ),
]

# ---- a paragraph that breaks down the one before ------------------------------------------------
CONTINUED = [
    # "从企业数量来看，": the figures of the paragraph before, in its period ("今年以来截至6月11日")
    (
        "定增市场持续回暖。Wind数据显示，今年以来截至6月11日，已有87家公司定增实施完成。\n"
        "从企业数量来看，电子、汽车行业的企业数量较多，分别有9家、8家。\n",
        date(2026, 6, 12),
        None,
        [("87家", "2026-01-01/2026-06-11"), ("9家", "2026-01-01/2026-06-11"), ("8家", "2026-01-01/2026-06-11")],
    ),
    # a paragraph that opens otherwise is on its own: the report's period
    (
        "2025年，全市新增企业2万家。\n全市共有公园120个。\n",
        date(2026, 6, 12),
        None,
        [("2万家", "2025"), ("120个", "2026")],
    ),
]

# ---- figures that refer to no time ---------------------------------------------------------------
TIMELESS = [
    # a depth that names a channel, a banknote's denomination, what can be done each year
    ("2025年，长江武汉至安庆段6米水深航道建成投运。", date(2026, 1, 5), None, [("6米", None)]),
    ("2025年，印在2000第纳尔纸币上的清真寺由中建三局承建。", date(2026, 1, 5), None, [("2000第纳尔", None)]),
    ("2025年，研发中心落户武汉，每年可支持超过50个全球项目的同步开发。", date(2026, 1, 5), None, [("50个", None)]),
]

# ---- a stretch's total ---------------------------------------------------------------------------
STRETCHES = [
    # 累计 in the clause before, the figure's clause only the total's verb: the stretch's total; a
    # level of another measure (增至) is the stretch's last year
    (
        "方案发布2年来，湖南对非进出口额累计突破千亿元，达1128亿元，贸易伙伴几乎覆盖非洲。",
        date(2026, 1, 21),
        None,
        [("1128亿元", "2025/2026")],
    ),
    (
        "“十四五”以来，城镇新增就业累计超373万人，专技人才总量增至395万人。",
        date(2026, 1, 21),
        None,
        [("395万人", "2025")],
    ),
]

# ---- one year of a plan --------------------------------------------------------------------------
PLAN_YEARS = [
    # 收官之年/开局之年 name the plan's last/first year, not its stretch; as a base, not the figure's
    ("2025年是“十四五”规划收官之年，也是致公党成立100周年。", date(2026, 1, 21), None, [("100周年", "2025")]),
    (
        "2016年是实施“十三五”规划的开局之年，主要预期目标为：全市生产总值增长8%左右。",
        date(2016, 2, 20),
        None,
        [("8%", "2016")],
    ),
    (
        "一、2020年工作回顾\n与“十三五”开局之年比，预计地区生产总值增长32.5%。",
        date(2021, 2, 1),
        None,
        [("32.5%", "2020")],
    ),
]

CASES = UNDATED + WINDOWS + CONTINUED + TIMELESS + STRETCHES + PLAN_YEARS


@pytest.mark.parametrize("text,doc_date,reporting,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_each_figure_refers_to_its_period(text, doc_date, reporting, expected):
    got = periods(text, doc_date, reporting)
    assert [(figure, got.get(figure, "<not found>")) for figure, _ in expected] == expected
