"""Counts in Chinese numerals, rankings and scale words (issue 11, GUIDE.md "What is a figure").

Each case lists every figure expected in the text (kind DATE excluded), as
(span text, kind, value, unit) with optional extras {"approx", "value_high"}; then the texts
whose numbers must not become figures.
"""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only
from tests.extract.cases import figures_over

D = Decimal

# ---- small Chinese counts of real things: the text lists their members ------------------------
COUNTS = [
    ("张士、浑南两个出口加工区和苏家屯保税区", [("两个", "quantity", D(2), "个")]),
    ("天津、宁夏、江苏三省泛在专项正式招标", [("三省", "quantity", D(3), "省")]),
    ("形成电缆输电、GIL输电两种输电技术", [("两种", "quantity", D(2), "种")]),
    ("市场需求、订单转移和高成本压力三个因素是外贸面临的挑战", [("三个", "quantity", D(3), "个")]),
    ("榆林和内蒙古鄂尔多斯两个地级市增速最高，分别为120.5%和109.0%", [
        ("两个", "quantity", D(2), "个"),
        ("120.5%", "percent", D("120.5"), "%"),
        ("109.0%", "percent", D("109.0"), "%")]),
    ("其它两个城市分别是宁波和温州", [("两个", "quantity", D(2), "个")]),
    ("另外广东、山东各有一个城市入围", [("一个", "quantity", D(1), "个")]),
    ("所有街道、社区各配备一名专职公共法律服务工作者", [("一名", "quantity", D(1), "名")]),
    ("天津负增长，俩产煤大市同比翻倍", [("俩", "quantity", D(2), "个")]),
    ("推进宝安、龙岗两区卫星城建设", [("两区", "quantity", D(2), "区")]),
    ("建成竹园和白龙港两座大型污水处理厂", [("两座", "quantity", D(2), "座")]),
    # 第N after 连续 is how many in a row, not a place
    ("连续第五年保持全省第一", [("第五年", "quantity", D(5), "年"), ("第一", "rank", D(1), "位")]),
    ("连续第10年提高企业退休人员基本养老金", [("第10年", "quantity", D(10), "年")]),
    ("连续第三次被评为全国文明城市", [("第三次", "quantity", D(3), "次")]),
    # an organization or establishment counted is real even where the text does not list it
    ("引进四家银行", [("四家", "quantity", D(4), "家")]),
    ("争取两家民营银行获批", [("两家", "quantity", D(2), "家")]),
    ("推进七个研发机构建设", [("七个", "quantity", D(7), "个")]),
    # 伍 is also a formal numeral: the words around a count are read as written (队伍, not 队五)
    ("壮大企业家、科技人员和农民三支队伍", [("三支", "quantity", D(3), "支")]),
    # N大: the members are listed, counted in a list of counts, or a classification
    ("惠誉、穆迪、标普三大国际评级机构继续给予评级", [("三大", "quantity", D(3), "个")]),
    ("分为高温高压法（HPHT）和CVD两大路线。", [("两大", "quantity", D(2), "个")]),
    ("依托江汉国际贸易、汉口北、创谷6号三大跨境电商产业园", [("三大", "quantity", D(3), "个")]),
    ("世博园已经完成了四大主体建筑、100个展园", [
        ("四大", "quantity", D(4), "个"), ("100个", "quantity", D(100), "个")]),
    ("包括单晶金刚石、多晶金刚石3大类，", [("3大类", "quantity", D(3), "类")]),
    ("实施5大类80个重点城建项目", [("5大类", "quantity", D(5), "类"), ("80个", "quantity", D(80), "个")]),
    # 数 before a scale: some (tens of) thousands
    ("可实现数万次钻孔作业", [("万次", "quantity", D(10000), "次", {"approx": "数"})]),
    # 第 before a count of thousands: the count a milestone reaches
    ("这是机场今年出境的第一万架次国际货运航班", [("一万架次", "quantity", D(10000), "架次")]),
    ("第100万辆汽车下线", [("100万辆", "quantity", D(10**6), "辆")]),
    ("筹建6所万人规模的职业技术学校", [
        ("6所", "quantity", D(6), "所"), ("万人", "quantity", D(10000), "人", {"approx": "规模"})]),
]

# ---- rankings --------------------------------------------------------------------------------
RANKS = [
    ("东盟重回我国第一大贸易伙伴", [("第一", "rank", D(1), "位")]),
    ("暂居我第二大贸易伙伴。", [("第二", "rank", D(2), "位")]),
    ("成为世界第3大经济体", [("第3", "rank", D(3), "位")]),
    ("我国对前五大贸易伙伴东盟、欧盟进出口", [("前五", "rank", D(5), "位")]),
    ("排名，由1999年的第13位上升到去年的第8位，", [("第13位", "rank", D(13), "位"), ("第8位", "rank", D(8), "位")]),
    ("一季度GDP排名第4位的广州市", [("第4位", "rank", D(4), "位")]),
    ("分别是排名第6位的南通市", [("第6位", "rank", D(6), "位")]),
    ("排名前10的城市分别是", [("前10", "rank", D(10), "位")]),
    ("与东盟的贸易规模跻身全国10强，排中西部地区第1位", [("10强", "rank", D(10), "位"), ("第1位", "rank", D(1), "位")]),
    ("位列“全球银行1000强”第22位，", [("第22位", "rank", D(22), "位")]),
    ("分别位居沪深两市个股前两位，", [("前两位", "rank", D(2), "位")]),
    ("企业进入全省两化融合发展指数前100名，", [("前100名", "rank", D(100), "位")]),
    ("地区生产总值从全省第11位跃升到第9位，", [("第11位", "rank", D(11), "位"), ("第9位", "rank", D(9), "位")]),
    # text extracted from a PDF spaces the number from the words around it
    ("市场份额 4.12%，排名行业第 3 位。", [
        ("4.12%", "percent", D("4.12"), "%"), ("第 3 位", "rank", D(3), "位")]),
]

# ---- scale words alone, and scaled numbers whose unit is a neighbouring word ----------------
SCALE_WORDS = [
    ("传统领域的市场规模是百亿级别的话", [("百亿", "money", D(10**10), "元", {"approx": "级别"})]),
    ("全国主要城市财政收入过千亿的省份", [("千亿", "money", D(10**11), "元", {"approx": "过"})]),
    ("年客流量破亿。", [("亿", "quantity", D(10**8), "人次", {"approx": "破"})]),
    ("汽车产业产值超千亿。", [("千亿", "money", D(10**11), "元", {"approx": "超"})]),
    ("吸引1000万国内外宾客前来参观", [("1000万", "quantity", D(10**7), "人次")]),
    ("280多万城镇中低收入住房困难群众的居住问题得到解决", [
        ("280多万", "quantity", D(2800000), "人", {"approx": "多"})]),
    ("60多万农村贫困户的危房得到改造", [("60多万", "quantity", D(600000), "户", {"approx": "多"})]),
    ("是全区各级各部门和5200多万各族人民团结奋斗的结果", [
        ("5200多万", "quantity", D(52000000), "人", {"approx": "多"})]),
    ("是720万沈阳人民辛勤汗水", [("720万", "quantity", D(7200000), "人")]),
    ("从业人员约30万，", [("30万", "quantity", D(300000), "人", {"approx": "约"})]),
    ("实现25万贫困户、110万贫困人口脱贫", [
        ("25万", "quantity", D(250000), "户"), ("110万", "quantity", D(1100000), "人")]),
    ("收入都只有120亿左右，今年1季度直接飙升至290亿以上。", [
        ("120亿", "money", D(12 * 10**9), "元", {"approx": "左右"}),
        ("290亿", "money", D(29 * 10**9), "元", {"approx": "以上"})]),
    ("安排3000万资金支持农民合作社", [("3000万", "money", D(3 * 10**7), "元")]),
]

ALL = COUNTS + RANKS + SCALE_WORDS


def _shape(figure):
    row = (figure.text, figure.kind.value, figure.value, figure.unit)
    return row, {"approx": figure.approx, "value_high": figure.value_high}


@pytest.mark.parametrize("text,expected", ALL, ids=[t for t, _ in ALL])
def test_counts_ranks_and_scale_words(text, expected):
    found = figures_only(extract(text))
    assert len(found) == len(expected), [(f.text, f.kind.value, f.value, f.unit) for f in found]
    for figure, want in zip(found, expected, strict=True):
        row, extras = _shape(figure)
        assert row == tuple(want[:4])
        for key, value in (want[4] if len(want) > 4 else {}).items():
            assert extras[key] == value, (key, extras[key])


# ---- labels, names and idioms that stay out --------------------------------------------------
NOT_FIGURES = [
    ("实施三个示范区建设", "三"),
    ("八大山人梅湖景区", "八"),  # a painter's name before a scenic area, not eight of them
    ("五大连池风景区", "五"),
    ("聚力“三个示范区”建设", "三"),
    ("培育五大主导产业", "五"),
    ("打好三大攻坚战", "三"),
    ("电子信息、生命健康等五大主导产业", "五"),  # examples only (等): no list of five
    ("“生态建园、文化建园、绿色板块”三大工程", "三"),  # a quoted set is a label
    ("落实“四个坚持、三个支撑、两个走在前列”", "三"),
    ("全面贯彻党的十九大和十九届二中、三中全会精神", "十九"),
    ("全国三大冷凉蔬菜基地之一", "三"),
    ("融中心、泛海城市广场二期竣工投用", "二"),  # 二期 is a phase
    ("南沙港四期、汕头港三期开工", "三"),
    ("由科技部、中科院、深圳市、新疆四方建立合作", "四"),
    ("云南锗业、章源钨业主力资金净流入金额分别位居沪深两市个股", "两"),
    ("他俩一起去", "俩"),
    ("夫妻俩经营小店", "俩"),
    ("各类一批项目", "一"),
    ("千家万户", "千"),
    ("亿万人民", "亿"),
    ("千方百计", "千"),
    ("万众一心", "万"),
    ("新引进世界500强投资项目", "500"),
    ("财政收入10强，结果显示", "10"),
    ("并未入围财政收入10强城市行列", "10"),
    ("苏州跻身全国财力四强并非不可能", "四"),
    ("生服务中心跻身“全国百强社区卫生服务中心”", "百"),
    ("也是前10名中唯一一个财政出现负增长的城市", "10"),
    ("第十四届人民代表大会第四次会议", "四"),
    ("第三届进博会", "三"),
    ("第一批试点", "一"),
    ("第二家门店", "二"),
    ("沿第一大道向东", "一"),
]


@pytest.mark.parametrize("text,number", NOT_FIGURES, ids=[t for t, _ in NOT_FIGURES])
def test_not_a_figure(text, number):
    assert not figures_over(text, number)
