"""What a figure measures, read from its clause where jieba's words or tags, or the structure of
the clause, led the reader astray (GUIDE, "Fields": the shortest phrase naming the metric, verb
included where the verb defines it).

Each table is (text, {figure text: indicator}) for the figures the rule is about, read by the
clause reader (reviewer/extract/clauses.py).
"""

import pytest

from reviewer.extract import extract, figures_only


def read(text, wanted):
    return {f.text: f.indicator for f in figures_only(extract(text)) if f.text in wanted}


def ids(table):
    return [text[:14] for text, _ in table]


def check(text, expected):
    assert read(text, expected) == expected


# trims take whole words the rules list (产能 keeps its 能, 惠及 its 及); 1季度 is a time, not a
# name; 各类 ("all kinds of") is no part of a metric's name; jieba's place tags on verbs (惠及);
# what is said of a counted group ends where the figure's change follows (…认定、增长28.6%)
WORDS = [
    ("三、产能扩充7倍支援防疫一线。", {"7倍": "产能"}),
    ("一般公共预算收入去年只有120亿元，今年1季度直接飙升至290亿元。", {"290亿元": "一般公共预算收入"}),
    ("办结率均达100%。", {"100%": "办结率"}),
    ("共发放各类救助金8600余万元,惠及14万人次。", {"8600余万元": "发放救助金", "14万人次": "惠及"}),
    ("全年平均气温为10.2℃，共有9个台风登陆。", {"9个": "台风登陆"}),
    ("全年资助1229.3万城市困难群众参加医疗保险。", {"1229.3万": "城市困难群众参加医疗保险"}),
    ("全年推动1272家企业参与高新技术企业认定、增长28.6%。", {"1272家": "企业参与高新技术企业认定"}),
]


@pytest.mark.parametrize("text, expected", WORDS, ids=ids(WORDS))
def test_words(text, expected):
    check(text, expected)


# a duration measures the doing that takes it: the verb alone before it, the predicate after it,
# what is done in the time it frames; not a change after a run (连续8年增长), nor where a counted
# noun follows (完善15分钟医疗健康服务圈)
DURATIONS = [
    ("每天步行5分钟到社区食堂，", {"5分钟": "步行"}),
    ("78岁的王爷爷每天步行5分钟到社区食堂，", {"5分钟": "步行"}),
    ("占道经营等问题平均2小时内闭环处置，治理效率提升。", {"2小时": "闭环处置"}),
    ("不织无纺布，却能助仙桃产品48小时出海。", {"48小时": "出海"}),
    ("提前一年完成集体林权制度主体改革任务。", {"一年": "完成集体林权制度主体改革任务"}),
    (
        "在世园会筹备中，仅用三个月的时间，就完成了展园的招展；在不到半年的时间里，又完成了各项建设任务。",
        {"三个月": "完成了展园的招展", "半年": "完成了各项建设任务"},
    ),
    ("完善15分钟医疗健康服务圈，新改建一批社区卫生站。", {"15分钟": "医疗健康服务圈"}),
    ("高考本科上线人数连续8年增长。", {"8年": "高考本科上线人数"}),
]


@pytest.mark.parametrize("text, expected", DURATIONS, ids=ids(DURATIONS))
def test_durations(text, expected):
    check(text, expected)


# prepositions: an object parted from its verb by adverbs (在荆州累计投放贷款), the partner of a
# metric noun (对非进出口额), a preposition bound to a character in a word (在园), a share verb
# after a prepositional phrase (与东盟…占…的47.2%), a comparison's base (较发行底价)
PREPOSITIONS = [
    ("农业银行在荆州累计投放贷款已超千亿元。", {"千亿元": "投放贷款"}),
    ("湖南对非进出口额累计突破千亿元，达1128亿元。", {"千亿元": "对非进出口额", "1128亿元": "对非进出口额"}),
    ("幼儿园在园幼儿3894.7万人。", {"3894.7万人": "幼儿园在园幼儿"}),
    ("我国与东盟进出口规模占与RCEP贸易伙伴外贸规模的47.2%。", {"47.2%": "进出口规模"}),
    ("如某公司的定增发行价24.01元/股，较发行底价18.60元/股溢价29.09%。", {"18.60元/股": "发行底价"}),
]


@pytest.mark.parametrize("text, expected", PREPOSITIONS, ids=ids(PREPOSITIONS))
def test_prepositions(text, expected):
    check(text, expected)


# what a figure is given per (平均每个事项), a place glossed in brackets inside a name, an
# abbreviation's expansion, a + joining two names, a state glossed by a figure in brackets are no
# part of the metric; a rate per a number of people stays; a short noun jieba split from a place
# before it is a name with it (黄河|旋风, 上市|公司); an idiom is no noun of a compound, so a verb
# before it starts a predicate (网点|打造星罗棋布)
NAMES = [
    (
        "平均每个事项办理时间由23.8个工作日缩短到5个工作日以内。",
        {"23.8个工作日": "办理时间", "5个工作日": "办理时间"},
    ),
    ("每台车可节约费用约300元。", {"300元": "节约费用"}),
    ("每千人口执业医师2.5人。", {"2.5人": "每千人口执业医师"}),
    ("中欧班列（武汉）年度开行量连续三年突破千列大关。", {"三年": "班列年度开行量", "千列": "班列年度开行量"}),
    ("拟投资建设年产2.5万片CVD（化学气相沉积法）金刚石项目。", {"2.5万片": "CVD金刚石项目"}),
    ("依托“111条货运航线+跨境电商综合试验区”等优势，", {"111条": "货运航线"}),
    ("天津一季度财政收入增速为负值（-19.4%），也是唯一负增长的城市。", {"-19.4%": "财政收入增速"}),
    ("仅早期市场就有50亿元的容量。", {"50亿元": "市场容量"}),
    ("惠丰钻石上涨接近70%，黄河旋风上涨接近60%。", {"60%": "黄河旋风"}),
    ("全市上市公司累计达70家。", {"70家": "上市公司"}),
    ("依托近4万个网点打造星罗棋布的服务网络。", {"4万个": "网点"}),
    ("印尼金光集团建成了年产能达100万吨的木浆厂。", {"100万吨": "木浆厂产能"}),
]


@pytest.mark.parametrize("text, expected", NAMES, ids=ids(NAMES))
def test_names(text, expected):
    check(text, expected)


# the metric a figure takes from before: a place word standing alone takes the metric before it
# for that place, but is what a count right after it counts; a rank among the things a count
# counts (在15个副省级城市中) is not a rank of the count; a measure of another metric named alone
# (增速) is the previous figure's metric's; a clause listing items names its metric after them;
# a count of the items just listed leaves the metric after it to each item of a 分别 list
CARRIED = [
    (
        "农村居民食品消费支出占消费总支出的比重为37.7%，比上年下降1.6个百分点；城镇为35.0%，下降1.2个百分点。",
        {"35.0%": "城镇居民食品消费支出"},
    ),
    ("创建省级森林城市1个、城镇10个、村庄26个。", {"10个": "城镇", "26个": "村庄"}),
    (
        "沈阳规模以上工业总产值在15个副省级城市中的排名，由1999年的第13位上升到去年的第8位。",
        {"第13位": "规模以上工业总产值", "第8位": "规模以上工业总产值"},
    ),
    ("10家企业入选全市软件百强,中心城区第一。", {"第一": "企业入选全市软件百强"}),
    ("全年旅游总收入比上年增长12%，增长率居全省第2位。", {"第2位": "旅游总收入增长率"}),
    (
        "从对上证指数贡献看，工业富联、绿的谐波、农业银行对上证指数负贡献点数居前，合计为-3.96点。",
        {"-3.96点": "负贡献点数"},
    ),
    (
        "从增速看，陕西榆林和内蒙古鄂尔多斯两个地级市增速最高，分别为120.5%和109.0%。",
        {"120.5%": "陕西榆林增速", "109.0%": "内蒙古鄂尔多斯增速"},
    ),
]


@pytest.mark.parametrize("text, expected", CARRIED, ids=ids(CARRIED))
def test_carried(text, expected):
    check(text, expected)
