"""Indicators of a count followed by what it counts (GUIDE, "Fields": 设立180余个生态司法保护基地).

Each table is (text, [(figure text, indicator, change)]) for every figure of the text, read by the
clause reader (reviewer/extract/clauses.py) over jieba's part-of-speech tags.
"""

import pytest

from reviewer.extract import extract, figures_only


def read(text):
    return [(f.text, f.indicator, f.change) for f in figures_only(extract(text))]


def ids(table):
    return [text[:14] for text, _ in table]


# a verb phrase before the figure does not name the metric: the counted noun after it does
AFTER_A_VERB = [
    ("运用交叉执行攻克13982件执行难度大的“骨头案”。", [("13982件", "执行难度大的“骨头案”", None)]),
    ("争取各方支持，为相对薄弱的基层法院选派9名院长。", [("9名", "院长", None)]),
    ("聚焦群众反映强烈的36项突出问题开展重点整治。", [("36项", "突出问题", None)]),
    (
        "公司累计开行班列200列，通达欧亚9个国家、42个城市。",
        [("200列", "公司累计开行班列", None), ("9个", "国家", None), ("42个", "城市", None)],
    ),
    ("长江武汉至安庆段6米水深航道建成投运。", [("6米", "水深航道", None)]),
    # but a threshold after a metric is that metric's (年产值超百亿元), not a count of what follows
    (
        "年产值超百亿元园区由3个增加到10个。",
        [("百亿元", "年产值", None), ("3个", "年产值超百亿元园区", None), ("10个", "年产值超百亿元园区", "增加")],
    ),
    ("广西交通投资集团成为首个总资产超千亿元非金融类企业。", [("千亿元", "总资产", None)]),
    # and a metric before a figure qualifying a noun through 的 is the metric of that noun
    ("算下来，价值1000万元的原料。", [("1000万元", "原料价值", None)]),
]

# a share written right before a noun is a share of what that noun names
SHARE_OF_A_NOUN = [
    ("2025年，中欧班列(武汉)超一半出口量为高端产品。", [("一半", "出口量", None)]),
    ("统计显示，这些项目中有八成核心成员来自国内外重点科研机构。", [("八成", "核心成员", None)]),
]

# a part (其中) named by its verb alone takes what the figure before it measures; a part naming
# itself keeps its own name
PARTS = [
    (
        "全年制定、修订国家标准1870项，其中新制定1161项。",
        [("1870项", "制定、修订国家标准", None), ("1161项", "新制定国家标准", None)],
    ),
    (
        "财政总收入257.1亿元，增长15.2%，其中公共财政预算收入162.2亿元。",
        [("257.1亿元", "财政总收入", None), ("15.2%", "财政总收入", "增长"), ("162.2亿元", "公共财政预算收入", None)],
    ),
]

# a rank written before a noun ranks what the noun names; a noun that frames the rank does not
RANKED_AS = [
    ("因此东盟重新成为我第一大贸易伙伴。", [("第一", "大贸易伙伴", None)]),
    ("香港、新加坡、日本保持投资额前三地位。", [("前三", "投资额", None)]),
    ("高中教育质量稳居全省第一方阵。", [("第一", "高中教育质量", None)]),
]

# the counted noun phrase read whole: through brackets, quotes, a qualifying clause with 的, and
# the single-character items of a list before their shared head
WHOLE_NOUN = [
    ("联合长江沿线11个省、市、自治区高级人民法院举办论坛。", [("11个", "省、市、自治区高级人民法院", None)]),
    ("在长江重要干支流设立180余个生态猴司法保护（修复）基地。", [("180余个", "生态猴司法保护（修复）基地", None)]),
    (
        "共取消18项许可项目，清理出34项不符合许可法规定的收费项目。",
        [("18项", "许可项目", None), ("34项", "不符合许可法规定的收费项目", None)],
    ),
    ("完善城市管理基础设施，筹建8座垃圾收集站。", [("8座", "垃圾收集站", None)]),
    ("花湖国际机场已构建起连接17个共建“一带一路”国家。", [("17个", "共建“一带一路”国家", None)]),
    ("与文旅部门共同推出4条生态环境保护修复基地旅游专线。", [("4条", "生态环境保护修复基地旅游专线", None)]),
    # examples listed in brackets gloss a noun, they are no part of the metric
    (
        "全国共有3个城市（上海、北京、深圳）一般公共预算收入突破1千亿元。",
        [("3个", "城市", None), ("1千亿元", "城市一般公共预算收入", None)],
    ),
]

# a clause opening with its count says what of the counted group with a short predicate ending it
SAID_OF_THE_GROUP = [
    ("其中6项重要指标优于合理区间。", [("6项", "重要指标优于合理区间", None)]),
    (
        "新增农村劳动力转移就业90万人次，10万名失业人员实现再就业。",
        [("90万人次", "新增农村劳动力转移就业", None), ("10万名", "失业人员实现再就业", None)],
    ),
    ("60多万农村贫困户的危房得到改造，全面消除农村茅草树皮房。", [("60多万", "农村贫困户的危房得到改造", None)]),
    # after a pivot verb, whose object is the subject of what follows
    ("重点园区云招商产业推介会实现20个项目集中签约。", [("20个", "项目集中签约", None)]),
    ("全区14个设区市环境空气质量全部达到二级以上标准。", [("14个", "设区市环境空气质量全部达到二级以上标准", None)]),
    # but not what is being done or can be done (an adverb of manner), nor a long predicate
    ("十件实事全面完成。", [("十件", "实事", None)]),
    ("9条生产线“马力全开”，260余名工人正在赶制箱包。", [("9条", "生产线", None), ("260余名", "工人", None)]),
    ("全区108个社区实现网格化管理工作站全覆盖。", [("108个", "社区", None)]),
]

# a preposition naming the partner of a trade stays with the trade's verbal noun (GUIDE: 对东盟进出口)
PARTNER = [
    (
        "出口增长20.6%。对共建“一带一路”国家进出口4115.1亿元，增长22.7%。",
        [
            ("20.6%", "出口", "增长"),
            ("4115.1亿元", "对共建“一带一路”国家进出口", None),
            ("22.7%", "对共建“一带一路”国家进出口", "增长"),
        ],
    ),
]

# a 分别 list whose last item writes the tail they share: its own name is about as long as the
# names before it, whatever their lengths (电子、计算机|行业…)
RESPECTIVELY = [
    (
        "通信、电子、计算机行业主力资金净流出金额居前，分别为96.49亿元、70.39亿元、63.42亿元。",
        [
            ("96.49亿元", "通信行业主力资金净流出金额", None),
            ("70.39亿元", "电子行业主力资金净流出金额", None),
            ("63.42亿元", "计算机行业主力资金净流出金额", None),
        ],
    ),
    (
        "新易盛、中际旭创、沪电股份主力资金净流出金额居前，分别为44.76亿元、29.04亿元、13.27亿元。",
        [
            ("44.76亿元", "新易盛主力资金净流出金额", None),
            ("29.04亿元", "中际旭创主力资金净流出金额", None),
            ("13.27亿元", "沪电股份主力资金净流出金额", None),
        ],
    ),
]


# a list of items followed by as many figures of one unit is item by item, 分别 written or not
IMPLICIT_RESPECTIVELY = [
    ("参保率和缴费率同比增长13％和20％。", [("13％", "参保率", "同比增长"), ("20％", "缴费率", "同比增长")]),
    ("小学、初中入学率为99.4%和97.1%。", [("99.4%", "小学入学率", None), ("97.1%", "初中入学率", None)]),
    (
        "工程机械、轨道交通装备出口346.8亿元、12.6亿元，分别增长9.6%、10.9%。",
        [
            ("346.8亿元", "工程机械", None),
            ("12.6亿元", "轨道交通装备出口", None),
            ("9.6%", "工程机械", "增长"),
            ("10.9%", "轨道交通装备出口", "增长"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", IMPLICIT_RESPECTIVELY, ids=ids(IMPLICIT_RESPECTIVELY))
def test_a_list_without_respectively(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", AFTER_A_VERB, ids=ids(AFTER_A_VERB))
def test_the_counted_noun_after_a_verb_phrase(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", SHARE_OF_A_NOUN, ids=ids(SHARE_OF_A_NOUN))
def test_a_share_of_the_noun_after_it(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", PARTS, ids=ids(PARTS))
def test_a_part_named_by_its_verb(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", RANKED_AS, ids=ids(RANKED_AS))
def test_what_a_rank_ranks_as(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", WHOLE_NOUN, ids=ids(WHOLE_NOUN))
def test_the_counted_noun_read_whole(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", SAID_OF_THE_GROUP, ids=ids(SAID_OF_THE_GROUP))
def test_what_is_said_of_a_counted_group(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", PARTNER, ids=ids(PARTNER))
def test_a_partner_stays_with_its_trade(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", RESPECTIVELY, ids=ids(RESPECTIVELY))
def test_respectively_names_of_any_length(text, expected):
    assert read(text) == expected


# The phrases the issue quotes for these figures, that no one would write. (text, figure, wrong)
NEVER = [
    ("开展涉民生、涉企专项执行行动，运用交叉执行攻克13982件执行难度大的“骨头案”。", "13982件", "运用交叉执行攻克"),
    ("争取各方支持，为全省15家相对薄弱基层法院选派9名院长。", "9名", "薄弱基层法院选派"),
    ("聚焦群众反映强烈的36项突出问题开展重点整治。", "36项", "聚焦群众反映强烈"),
    ("公司累计开行班列200列，通达欧亚9个国家、42个城市。", "9个", "通达欧亚"),
    ("联合长江沿线11个省、市、自治区高级人民法院举办论坛。", "11个", "联合长江沿线"),
]


@pytest.mark.parametrize("text,figure,wrong", NEVER, ids=[w for _, _, w in NEVER])
def test_never_the_verb_phrase_before_a_count(text, figure, wrong):
    indicator = next(f.indicator for f in figures_only(extract(text)) if f.text == figure)
    assert indicator and indicator != wrong
