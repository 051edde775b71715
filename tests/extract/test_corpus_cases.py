"""Cases found by reading the engine's output over the 400 government work reports of the
corpus (benchmarks/uncovered_digits.py lists the digit runs no figure or date covers): text ->
every expected figure, as (span text, kind, value, unit[, extras]). Real sentences of the corpus.
"""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only
from reviewer.model import Kind
from tests.extract.cases import assert_text_has_figures

D = Decimal

# ---- wrong values: digits spaced apart, a list marker glued to a year, a unit shared wrongly ---
WRONG_VALUES = [
    # PDF text spaces the groups of thousands, or the decimals after the point
    ("城镇居民人均可支配收入34 065元，农村居民", [("34 065元", "money", D(34065), "元")]),
    ("力争达到20 000元；农民人均纯收入", [("20 000元", "money", D(20000), "元")]),
    ("建设保障性住房38 103套，竣工", [("38 103套", "quantity", D(38103), "套")]),
    ("全市常住人口1 234 567人", [("1 234 567人", "quantity", D(1234567), "人")]),
    ("元，比上年增长11. 9%。继续大力", [("11. 9%", "percent", D("11.9"), "%")]),
    ("全年工业增加值3694. 93亿元，比上年", [("3694. 93亿元", "money", D("369493000000"), "元")]),
    # digits split anywhere by a space: one number, read less surely (a reason says so)
    ("进出口总额去年达到 1 69.4亿美元，一般贸易", [("1 69.4亿美元", "money", D("16940000000"), "美元")]),
    ("高新技术产业占工业总产值的比重达到2 6.5%，工业企业", [("2 6.5%", "percent", D("26.5"), "%")]),
    # but a table's or a figure's number is no first digit: 表3 2023年 is no 32023年
    ("表3 2023年末人口数及其构成", []),
    ("见图2 6.5%的增速", [("6.5%", "percent", D("6.5"), "%")]),
    # a scale spaced from its number, with the unit implied
    ("解决了 74 万农村人口饮水安全", [("74 万", "quantity", D(740000), "人")]),
    # HTML entities left in text from web pages
    ("人口出生率、自然增长率分别为8.05&permil;和4.12&permil;。", [
        ("8.05&permil;", "percent", D("8.05"), "‰"), ("4.12&permil;", "percent", D("4.12"), "‰")]),
    ("认定5&mdash;8户市级企业技术中心", [("5&mdash;8户", "quantity", D(5), "户", {"value_high": D(8)})]),
    # dates spaced by PDF text are dates, not a count of days
    ("（2010 年2 月3 日在杭州市第十一届人民代表大会上）", []),
    ("截至 2024 年 12 月 31 日，公司总资产 100 亿元", [("100 亿元", "money", D(10**10), "元")]),
    # a list marker glued to the year that begins its item
    ("全部完成。\n7.2022年十件民生实事全部完成", [("十件", "quantity", D(10), "件")]),
    # a year written half in Chinese, half in Arabic digits
    ("这是完成一九九0年以至整个九十年代工作", []),
    # a duration of a list is no unit of an amount beside it
    ("聚焦产值“3年500亿、5年1000亿”目标", [
        ("3年", "quantity", D(3), "年"), ("500亿", "money", D(5 * 10**10), "元"), ("5年", "quantity", D(5), "年"),
        ("1000亿", "money", D(10**11), "元")]),
]

# the 个 of a list of percentage points is the 个 of 个百分点, not a count
POINTS_LISTS = [
    ("分别比上年提高18.7个和16.9个百分点", [
        ("18.7个", "pp", D("18.7"), "个百分点"), ("16.9个百分点", "pp", D("16.9"), "个百分点")]),
    ("入学率分别提高了10.1个、43.3个和17.3个百分点", [
        ("10.1个", "pp", D("10.1"), "个百分点"), ("43.3个", "pp", D("43.3"), "个百分点"),
        ("17.3个百分点", "pp", D("17.3"), "个百分点")]),
    ("人口出生率下降了1.19个千分点，", [("1.19个千分点", "pp", D("1.19"), "个千分点")]),
    ("新增5个和3个项目", [("5个", "quantity", D(5), "个"), ("3个", "quantity", D(3), "个")]),
    ("每千人口托位数达到3.5个。", [("3.5个", "quantity", D("3.5"), "个")]),
]

# a unit character that begins a word is no unit (升级, 倍增, 成功, 对话); a decade is a date
WORD_NOT_UNIT = [
    ("中船长兴二期工程、909升级改造等重点项目", []),
    ("“543倍增计划”进展顺利", []),
    ("保税物流中心3成功获批并开工", []),
    ("中国制造2025对话德国工业4.0", []),
    ("工艺水平逐步达到国际80年代末、90年代初水平", []),
    ("锂电池增长1.4倍，", [("1.4倍", "multiple", D("1.4"), "倍")]),
    ("占全省四成，", [("四成", "fraction", D("0.4"), "成")]),
]

# a written place (第N位, 第N名) farther from its ranking word, in its clause
RANKS = [
    ("原油吞吐量3.3亿吨，居沿海省市第6位。路网", [
        ("3.3亿吨", "quantity", D(330000000), "吨"), ("第6位", "rank", D(6), "位")]),
    ("名列“电商百佳城市”第5位。", [("第5位", "rank", D(5), "位")]),
    ("位居法治广东建设考核第一名。", [("第一名", "rank", D(1), "位")]),
    ("他是第3位发言的代表。", []),
]

# ---- misses: index readings after a verb, place nouns counting after Arabic digits -----------
INDEX_READINGS = [
    ("工业经济效益综合指数达到112.3,比上年", [("112.3", "quantity", D("112.3"), "点")]),
    ("杭州创新指数达119.71。", [("119.71", "quantity", D("119.71"), "点")]),
    ("工业经济效益综合指数82.2，比上年", [("82.2", "quantity", D("82.2"), "点")]),
    ("居民消费价格指数控制在104以内，城镇", [("104", "quantity", D(104), "点", {"approx": "以内"})]),
    ("居民消费价格指数103左右，地方财政", [("103", "quantity", D(103), "点", {"approx": "左右"})]),
    ("综合经济效益指数达到141分。", []),  # a unit the lexicon lacks: no bare reading in 点
    ("零售价格指数分别为99.8和97.6。", [("99.8", "quantity", D("99.8"), "点")]),
]

PLACE_COUNTS = [
    ("抓好镇雄、鲁甸、澜沧3县的“普九”攻坚", [("3县", "quantity", D(3), "县")]),
    ("召开全省动员大会和珠三角9市现场会", [("9市", "quantity", D(9), "市")]),
    ("得益于湖南、湖北、安徽3省和中粮集团的鼎力支持", [("3省", "quantity", D(3), "省")]),
    ("主城区周边4区4县生活垃圾全部", [("4区", "quantity", D(4), "区"), ("4县", "quantity", D(4), "县")]),
    ("加快娄烦、阳曲两县脱贫步伐。", [("两县", "quantity", D(2), "县")]),  # jieba tags 县 zg
    ("富永高速、108省道和208省道渭河特大桥", []),  # roads' numbers
    ("沈抚铁电信升位并网共享024区号", []),
    ("依托“4区18园”，做强", []),  # a quoted label
]

MEASURE_WORDS = [
    ("开展20蒸吨以上燃煤锅炉清洁能源改造", [("20蒸吨", "quantity", D(20), "蒸吨", {"approx": "以上"})]),
    ("完成了7.4万锭压锭任务", [("7.4万锭", "quantity", D(74000), "锭")]),
    ("厦金班船由每天12班增至20班，", [("12班", "quantity", D(12), "班"), ("20班", "quantity", D(20), "班")]),
    ("中欧班列开行3601班。", [("3601班", "quantity", D(3601), "班")]),
]

SPACED_AFTER_SCALE = [
    ("农村劳动力转移培训120万 人次。", [("120万 人次", "quantity", D(1200000), "人次")]),
    ("信息产业销售收入突破1000亿 元，成为", [("1000亿 元", "money", D(10**11), "元", {"approx": "突破"})]),
    ("19.3万 名国有企业职工", [("19.3万 名", "quantity", D(193000), "名")]),
    ("电话交换机增容500万 线。", []),  # no unit after the space
]

MORE_MEASURE_WORDS = [
    ("全年出栏生猪156万头、家禽4600万羽，", [
        ("156万头", "quantity", D(1560000), "头"), ("4600万羽", "quantity", D(46000000), "羽")]),
    ("上海港集装箱吞吐量达到3174万标准箱，连续", [("3174万标准箱", "quantity", D(31740000), "标箱")]),
    ("水泥261万吨、平板玻璃500万重量箱", [
        ("261万吨", "quantity", D(2610000), "吨"), ("500万重量箱", "quantity", D(5000000), "重量箱")]),
    ("累计接种新冠疫苗2807.15万剂次。", [("2807.15万剂次", "quantity", D(28071500), "剂次")]),
    ("封停地下水井825眼。", [("825眼", "quantity", D(825), "眼")]),
    ("日检测能力8万管，累计检测核酸", [("8万管", "quantity", D(80000), "管")]),
    ("互联网出省带宽达到1.2万Gbps，通信光缆", [("1.2万Gbps", "quantity", D(12000), "Gbps")]),
    ("投放运营智能快件柜100组，", [("100组", "quantity", D(100), "组")]),
    ("打通彭刘杨路西段、三眼桥路", []),  # a name
    ("实施药品采购两票制和", []),  # a name of a rule
    ("加强管理10万管理人员", [("10万", "quantity", D(100000), "人")]),  # 管 begins 管理
    ("全面开工比亚迪二期14吉瓦时动力电池", [("14吉瓦时", "quantity", D(14), "吉瓦时")]),
]

INDEFINITE = [
    ("带动几十万人就业", [("十万人", "quantity", D(100000), "人", {"approx": "几"})]),  # like 数十万人
    ("吸引好几十个项目落户", [("十个", "quantity", D(10), "个", {"approx": "几"})]),
    ("带动数十万人就业", [("十万人", "quantity", D(100000), "人", {"approx": "数"})]),
]

IMPLIED_PEOPLE = [
    ("为8.1万城市低保对象、5.3万农村低保对象发放低保金", [
        ("8.1万", "quantity", D(81000), "人"), ("5.3万", "quantity", D(53000), "人")]),
    ("2.05万农村五保户全部改由地方财政供养", [("2.05万", "quantity", D(20500), "户")]),
    ("惠及26.3万残疾人。", [("26.3万", "quantity", D(263000), "人")]),
    ("全省电话用户突破3000万，普及率达72%", [
        ("3000万", "quantity", D(3 * 10**7), "户", {"approx": "突破"}), ("72%", "percent", D(72), "%")]),
    ("“苏周到”用户突破2000万。", [("2000万", "quantity", D(2 * 10**7), "户", {"approx": "突破"})]),
    ("注册志愿者105万。", [("105万", "quantity", D(1050000), "人")]),
    ("全市各险种参保总人次1951万，", [("1951万", "quantity", D(19510000), "人次")]),
    ("免费体检447万人次，23.7万农村产妇免费住院分娩", [
        ("447万人次", "quantity", D(4470000), "人次"), ("23.7万", "quantity", D(237000), "人")]),
    ("家庭年可支配收入20万至60万群体比例超过", [
        ("20万至60万", "money", D(200000), "元", {"value_high": D(600000)})]),
    ("30万户120多万农牧民喜迁新居", [
        ("30万户", "quantity", D(300000), "户"), ("120多万", "quantity", D(1200000), "人", {"approx": "多"})]),
    ("极大激发了1300多万绿城儿女奋进新征程", [("1300多万", "quantity", D(13000000), "人", {"approx": "多"})]),
    ("直接惠及600万市民，", [("600万", "quantity", D(6000000), "人")]),
]

CASES = (
    WRONG_VALUES + POINTS_LISTS + WORD_NOT_UNIT + INDEX_READINGS + PLACE_COUNTS + MEASURE_WORDS
    + SPACED_AFTER_SCALE + MORE_MEASURE_WORDS + INDEFINITE + IMPLIED_PEOPLE + RANKS
)


@pytest.mark.parametrize("text,expected", CASES, ids=[t for t, _ in CASES])
def test_figures(text, expected):
    assert_text_has_figures(text, expected)


# ---- what must stay no figure ------------------------------------------------------------------
NOT_FIGURES = [
    ("系应该建立在和平共处五项原则的基础上", "五"),  # set phrases (slogans.txt)
    ("落实中央八项规定、省委十项规定和市委十条规定", "十"),
    ("共投入科技三项费和科学事业费", "三"),
    ("统筹发展和安全两件大事", "两"),
    ("高考二本以上录取人数", "二"),  # a count of two is 两: 二本 is a tier
    ("打造城市社区“15分钟健身圈”，推动", "15"),  # a programme's name in quotation marks
    ("打造“24小时不打烊的网上政府”。", "24"),
    ("实施“13项脱贫行动计划”", "13"),
    ("推进公安“一基地二站二所四中心”项目", "二所"),
    ("\n24. 4+5+N：“4”是指", "4"),  # a list marker, spaced, before a label
    ("产量 120 135 150\n", "135"),  # a flattened table's row: three numbers, not one
    ("\n- 新开工项目 15 23.4%\n", "15"),  # a flattened table's row: a count and a share
    ("新开工15 23.4%，", "15"),  # no share above 100%
]


@pytest.mark.parametrize("text,number", NOT_FIGURES, ids=[t for t, _ in NOT_FIGURES])
def test_not_a_figure(text, number):
    at = text.index(number)
    for figure in figures_only(extract(text)):
        assert not (figure.start <= at < figure.end and figure.kind is not Kind.DATE), figure


def test_digits_split_anywhere_are_read_less_surely():
    from reviewer.extract import reasons

    (figure,) = figures_only(extract("工业总产值的比重达到2 6.5%，"))
    assert figure.confidence <= 0.5 and reasons.SPACED_DIGITS in figure.reasons
    (figure,) = figures_only(extract("人均可支配收入34 065元，"))  # groups of thousands: sure
    assert figure.confidence > 0.5


def test_spaced_dates_are_one_date():
    dates = [f.text for f in extract("报告期内（2024 年 1 月 1 日至 2024 年 6 月 30 日）") if f.kind is Kind.DATE]
    assert dates == ["2024 年 1 月 1 日", "2024 年 6 月 30 日"]
