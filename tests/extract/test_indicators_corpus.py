"""Indicators no careful reader would write, found on the 400-report corpus by class (a bare
verb, a list of figures kept in one name, a qualifier of the figure before, a scope alone ...):
what each figure measures (GUIDE, "Fields": the shortest phrase naming the metric, verb included
where the verb defines it).

Each table is (text, {figure text: indicator}) for the figures the rule is about.
"""

import pytest

from tests.extract.test_indicators_readings import check, ids

# a list of "verb figure、verb figure": each item after a listed figure is its own, never the
# items before it with their figures; a verb listed alone does what the item before did to its
# object; a measure listed alone is of the item before's nouns; the qualifier of the figure
# before (以上) is no part of the next item
LISTS = [
    ("今年新开工12个、续建30个、竣工18个。", {"18个": "竣工"}),
    ("全年撤销审批事项23项、下放41项。", {"41项": "下放审批事项"}),
    ("去年实施城建项目96个、完成投资88亿元。", {"88亿元": "城建项目完成投资"}),
    ("去年引进工业项目40个、投资120亿元以上。", {"120亿元": "工业项目投资"}),
    ("全年新增就业5万人以上、城镇登记失业率控制在4%以内。", {"4%": "城镇登记失业率"}),
    ("累计签约30亿元以上项目7个、10亿元以上项目15个。", {"15个": "10亿元以上项目"}),
    ("新修农村道路120公里、新建村级卫生室35个。", {"35个": "新建村级卫生室"}),
    # a region listed after a figure is that region's figure of the item before (jieba's place
    # tag on a word that ends as no region's name does is no place: 惠及, 海堤)
    ("城关区新增就业岗位1.2万个、安宁区8000个、喀什地区6500个。", {"8000个": "新增就业岗位", "6500个": "新增就业岗位"}),
    ("举办文化下乡活动300场、惠及12万人次。", {"12万人次": "惠及"}),
    ("新建口袋公园52个、绿道86公里。", {"86公里": "绿道"}),
    # a change listed after a figure is that figure's; the 约 of 签约 is no qualifier to trim
    ("工业投资总量由第9位升至第7位，累计完成820亿元、年均增长9.6%。", {"9.6%": "工业投资总量"}),
    ("全年新开工项目60个、新签约45个。", {"45个": "新签约"}),
    # no character of a listed item alone names it (jieba splits 封|育, 投|用, 还|绿)
    ("全年人工造林12万亩、封育8万亩。", {"8万亩": "封育"}),
    ("今年新建小学9所、投用7所。", {"7所": "投用"}),
    # a threshold written before its figure (超百亿元企业) is part of the item's name too
    ("全年新增营收超十亿元企业12家、超百亿元企业2家。", {"2家": "超百亿元企业"}),
]

# a threshold keeps its figure in the name of the group it bounds, an adjective before the
# group's noun too (…以上重大项目), never the bare qualifier (以上重大项目)
THRESHOLDS = [
    ("全县5000万元以上重大项目完成投资180亿元。", {"180亿元": "5000万元以上重大项目完成投资"}),
]


@pytest.mark.parametrize("text, expected", THRESHOLDS, ids=ids(THRESHOLDS))
def test_thresholds(text, expected):
    check(text, expected)


# a verb that only holds the level (保持) leads to the figure like 达到: no part of the metric
LEVELS = [
    ("城市集中式饮用水水源地水质达标率保持100%。", {"100%": "城市集中式饮用水水源地水质达标率"}),
]


@pytest.mark.parametrize("text, expected", LEVELS, ids=ids(LEVELS))
def test_levels(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", LISTS, ids=ids(LISTS))
def test_lists(text, expected):
    check(text, expected)


# a 分别 list: its items are parted by 、 and by 和, 及, 与 standing as words (not the 及 of
# 普及率); items that each end in their own measure share no tail with the last one
RESPECTIVELY = [
    (
        "全县燃气普及率、供热普及率和绿化覆盖率分别达到96%、88%和41%。",
        {"96%": "燃气普及率", "88%": "供热普及率", "41%": "绿化覆盖率"},
    ),
    (
        "农村自来水普及率、污水处理率、生活垃圾无害化处理率分别为91%、72%、99%。",
        {"91%": "农村自来水普及率", "72%": "污水处理率", "99%": "生活垃圾无害化处理率"},
    ),
]


@pytest.mark.parametrize("text, expected", RESPECTIVELY, ids=ids(RESPECTIVELY))
def test_respectively(text, expected):
    check(text, expected)
