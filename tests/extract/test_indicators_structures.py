"""Indicators, structure by structure: the shortest phrase that names the metric (GUIDE, "Fields").

Each table is (text, [(figure text, indicator, change)]) for every figure of the text, read by the
clause reader (reviewer/extract/clauses.py) over jieba's part-of-speech tags.
"""

import pytest

from reviewer.extract import extract, figures_only


def read(text):
    return [(f.text, f.indicator, f.change) for f in figures_only(extract(text))]


def ids(table):
    return [text[:14] for text, _ in table]


# subject … verb … figure: the subject noun phrase with its verb where the verb defines the
# metric; never its scope, its time words or an adverb alone
SUBJECT_VERB = [
    ("2025年，全省法院受理案件1425918件。", [("1425918件", "受理案件", None)]),
    ("新签合同额121.6亿美元，同比增长25.1%。", [
        ("121.6亿美元", "新签合同额", None), ("25.1%", "新签合同额", "同比增长")]),
    ("全省法院审结知识产权纠纷案3.2万件。", [("3.2万件", "审结知识产权纠纷案", None)]),
    ("全市规模以上工业增加值继续增长12.1%。", [("12.1%", "规模以上工业增加值", "增长")]),
    ("东部地区招商引资入驻率超八成、西部地区超七成。", [
        ("八成", "东部地区招商引资入驻率", None), ("七成", "西部地区招商引资入驻率", None)]),
]

# a phrase opened by a preposition (从, 比, 较, 由, 对, 以 …) is skipped: the metric stands before
# it, or is the verb phrase after its object
OPENERS = [
    ("工业投资实现近十五年来首次超过房地产投资，从过去每年300亿元左右提升至近两年每年600亿元。", [
        ("300亿元", "工业投资", None), ("600亿元", "工业投资", "提升")]),
    ("对怠于履行监护职责的父母发出家庭教育令561份。", [("561份", "发出家庭教育令", None)]),
    ("核心一级资本充足率达到9.90%，较去年末上升0.13个百分点。", [
        ("9.90%", "核心一级资本充足率", None), ("0.13个百分点", "核心一级资本充足率", "上升")]),
    ("湖北企业以“零关税”方式进口智利商品总值达1.98亿元。", [("1.98亿元", "进口智利商品总值", None)]),
    ("2025年，湖南对非进出口580亿元。", [("580亿元", "对非进出口", None)]),
    ("研究与试验发展经费支出11906亿元。", [("11906亿元", "研究与试验发展经费支出", None)]),
    # examples that gloss a quoted name are not the metric
    ("光伏、电动车、锂电池“新三样”产品出口251.1亿元。", [("251.1亿元", "“新三样”产品出口", None)]),
    ("与东盟的贸易规模跻身全国10强，排中西部地区第1位。", [
        ("10强", "与东盟的贸易规模", None), ("第1位", "与东盟的贸易规模", None)]),
]

# figure … counted noun: what is counted, written after the figure; a clause that opens with its
# figure names the counted group with the status that defines it
COUNTED = [
    ("在长江沿线设立180余个生态司法保护基地。", [("180余个", "生态司法保护基地", None)]),
    ("48个集体和64个人获省部级以上表彰和通报表扬。", [
        ("48个", "集体获省部级以上表彰和通报表扬", None), ("64个", "集体获省部级以上表彰和通报表扬", None)]),
    ("对80条主要街路和4个广场开展整治。", [("80条", "主要街路", None), ("4个", "广场", None)]),
    ("湖北自贸试验区累计推出9批357项省级制度创新成果。", [
        ("9批", "省级制度创新成果", None), ("357项", "省级制度创新成果", None)]),
    ("发出司法建议705件，其中46件转化为法规规章。", [
        ("705件", "发出司法建议", None), ("46件", "转化为法规规章", None)]),
    ("湖北建筑企业对外承包工程已覆盖150多个国家和地区。", [("150多个", "国家和地区", None)]),
    # a rate of what follows it
    ("在湖南，进口坚果需缴纳12%的关税和9%的增值税。", [("12%", "关税", None), ("9%", "增值税", None)]),
    # a noun that frames the figure is not what it counts
    ("金刚石散热片价格进入万元级别。", [("万元", "金刚石散热片价格", None)]),
    ("10家企业入选全市软件百强，中心城区第一。", [
        ("10家", "企业入选全市软件百强", None), ("第一", "企业入选全市软件百强", None)]),
]

# a run of years (连续N年) is measured by what the clause says was done in it
RUNS = [
    ("供电可靠性连续5年位列全国第一。", [("5年", "供电可靠性位列全国第一", None), ("第一", "供电可靠性", None)]),
    ("联合相关单位连续四年举办长江大保护司法论坛。", [("四年", "联合相关单位举办长江大保护司法论坛", None)]),
]

# X占Y的比重为Z%: indicator X, change 占; a share that changes (X占Y比重从A提升至B) is the metric
SHARES = [
    ("研究与试验发展经费支出11906亿元，比上年增长15.6%，占国内生产总值的2.09%。", [
        ("11906亿元", "研究与试验发展经费支出", None), ("15.6%", "研究与试验发展经费支出", "比上年增长"),
        ("2.09%", "研究与试验发展经费支出", "占")]),
    ("科技投入81.80亿元，占营业收入的比重为2.96%。", [
        ("81.80亿元", "科技投入", None), ("2.96%", "科技投入", "占")]),
    ("工业投资占固定资产投资比重从2022年的30.1%提升至2023年的35.8%。", [
        ("30.1%", "工业投资占固定资产投资比重", None), ("35.8%", "工业投资占固定资产投资比重", "提升")]),
]

# 由A增加到B / 从A提升至B: both figures, one indicator
FROM_TO = [
    ("财政收入由703.9亿元增加到1810.07亿元。", [
        ("703.9亿元", "财政收入", None), ("1810.07亿元", "财政收入", "增加")]),
    ("医用酒精日产量从初期3吨提升至22吨。", [("3吨", "医用酒精日产量", None), ("22吨", "医用酒精日产量", "提升")]),
    ("城镇居民人均可支配收入由2007年的12200元增加到2012年的21243元，年均增长11.7％。", [
        ("12200元", "城镇居民人均可支配收入", None), ("21243元", "城镇居民人均可支配收入", "增加"),
        ("11.7％", "城镇居民人均可支配收入", "年均增长")]),
]

# a clause with no subject of its own carries the previous clause's
CARRIED = [
    ("受理案件1425918件，同比增长11.06%。", [("1425918件", "受理案件", None), ("11.06%", "受理案件", "同比增长")]),
    ("地区生产总值由2007年5823.41亿元增加到2012年1.3万亿元，翻1.16番，年均增长13％。", [
        ("5823.41亿元", "地区生产总值", None), ("1.3万亿元", "地区生产总值", "增加"),
        ("1.16番", "地区生产总值", None), ("13％", "地区生产总值", "年均增长")]),
    # a clause that opens with a comparison names its base, not the metric
    ("完成固定资产投资3622.5亿元，是“九五”时期的3.6倍。", [
        ("3622.5亿元", "完成固定资产投资", None), ("3.6倍", "完成固定资产投资", None)]),
    ("全市基础教育公办学位增长10.2%，2023年继续增长12.1%。", [
        ("10.2%", "基础教育公办学位", "增长"), ("12.1%", "基础教育公办学位", "增长")]),
]

# parallel lists: each item its own subject
PARALLEL = [
    ("出口5.23万亿元，增长13.4%；进口4.19万亿元，增长7.5%。", [
        ("5.23万亿元", "出口", None), ("13.4%", "出口", "增长"),
        ("4.19万亿元", "进口", None), ("7.5%", "进口", "增长")]),
    ("建成五保村9165个、敬老院1181个。", [("9165个", "建成五保村", None), ("1181个", "敬老院", None)]),
    # an item naming only its last word takes the head the item before it writes
    ("普通本专科招生699.8万人，在校生2468.1万人，毕业生638.7万人。", [
        ("699.8万人", "普通本专科招生", None), ("2468.1万人", "普通本专科在校生", None),
        ("638.7万人", "普通本专科毕业生", None)]),
    ("全市基本养老保险参保人数超140万人、参保率99%。", [
        ("140万人", "基本养老保险参保人数", None), ("99%", "基本养老保险参保率", None)]),
    # but a part (其中) is named by itself
    ("一般公共预算收入328.52亿元，其中税收282.44亿元。", [
        ("328.52亿元", "一般公共预算收入", None), ("282.44亿元", "税收", None)]),
]

# 分别 lists: item by item, each item with what the list's last item writes for all
RESPECTIVELY = [
    ("有色金属、基础化工、建筑材料行业主力资金净流入金额居前，分别为84.86亿元、10.74亿元、6.10亿元。", [
        ("84.86亿元", "有色金属行业主力资金净流入金额", None), ("10.74亿元", "基础化工行业主力资金净流入金额", None),
        ("6.10亿元", "建筑材料行业主力资金净流入金额", None)]),
    ("肉、蛋、奶产量分别达到70.4万吨、42.5万吨和21.5万吨。", [
        ("70.4万吨", "肉产量", None), ("42.5万吨", "蛋产量", None), ("21.5万吨", "奶产量", None)]),
    ("有色金属、建筑材料、家用电器领涨，涨幅分别为1.83%、1.10%、0.93%。", [
        ("1.83%", "有色金属", "涨幅"), ("1.10%", "建筑材料", "涨幅"), ("0.93%", "家用电器", "涨幅")]),
]


@pytest.mark.parametrize("text,expected", SUBJECT_VERB, ids=ids(SUBJECT_VERB))
def test_subject_verb_figure(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", OPENERS, ids=ids(OPENERS))
def test_a_prepositional_phrase_is_skipped(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", COUNTED, ids=ids(COUNTED))
def test_figure_then_counted_noun(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", RUNS, ids=ids(RUNS))
def test_a_run_of_years(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", SHARES, ids=ids(SHARES))
def test_shares(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", FROM_TO, ids=ids(FROM_TO))
def test_from_a_to_b(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", CARRIED, ids=ids(CARRIED))
def test_a_clause_without_subject_carries_the_previous(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", PARALLEL, ids=ids(PARALLEL))
def test_parallel_lists(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text,expected", RESPECTIVELY, ids=ids(RESPECTIVELY))
def test_respectively_lists(text, expected):
    assert read(text) == expected


# The phrases issue 13 quotes, that no one would write, in the texts they came from.
# (text, figure text, the wrong phrase)
NEVER = [
    ("工业投资实现近十五年来首次超过房地产投资，从过去每年300亿元左右提升至近两年每年600亿元，"
     "占固定资产投资比重从2022年的30.1%提升至2023年的35.8%。", "300亿元", "从过去每年"),
    ("工业投资实现近十五年来首次超过房地产投资，从过去每年300亿元左右提升至近两年每年600亿元，"
     "占固定资产投资比重从2022年的30.1%提升至2023年的35.8%。", "600亿元", "提升至近两年每年"),
    ("工业投资实现近十五年来首次超过房地产投资，从过去每年300亿元左右提升至近两年每年600亿元，"
     "占固定资产投资比重从2022年的30.1%提升至2023年的35.8%。", "30.1%", "占固定资产投资比重从2022年"),
    ("基础教育公办学位在2022年大幅增长10.2%的基础上，2023年继续增长12.1%。", "12.1%", "继续"),
    ("东部地区招商引资入驻率超八成、西部地区超七成。", "七成", "地区"),
    ("48个集体和64个人获省部级以上表彰和通报表扬。", "48个", "集体"),
]


@pytest.mark.parametrize("text,figure,wrong", NEVER, ids=[w for _, _, w in NEVER])
def test_never_a_fragment_an_adverb_or_a_scope_alone(text, figure, wrong):
    indicator = next(f.indicator for f in figures_only(extract(text)) if f.text == figure)
    assert indicator != wrong
    assert indicator and not indicator.startswith(("从", "比", "较", "由", "提升至", "继续"))


# The clause reader's rules are data: a user's lexicon folder extends them, a bad line is named.
def test_a_user_scope_word_is_no_longer_part_of_the_indicator(tmp_path, monkeypatch):
    from reviewer.extract.lexicon import build_lexicon
    from reviewer.resources import resource

    text = "示范区新签合同额121.6亿美元。"
    assert read(text) == [("121.6亿美元", "示范区新签合同额", None)]
    (tmp_path / "clause_rules.tsv").write_text("# a user's scope\n示范区\tscope\n", encoding="utf-8")
    lexicon = build_lexicon((resource("lexicons"), tmp_path))
    got = [(f.text, f.indicator) for f in figures_only(extract(text, lexicon=lexicon))]
    assert got == [("121.6亿美元", "新签合同额")]


def test_a_bad_clause_rule_names_its_file_and_line(tmp_path):
    from reviewer.extract.lexicon import LexiconError, build_lexicon
    from reviewer.resources import resource

    (tmp_path / "clause_rules.tsv").write_text("示范区\tsubject\n", encoding="utf-8")
    lexicon = build_lexicon((resource("lexicons"), tmp_path))
    with pytest.raises(LexiconError, match=r"clause_rules.tsv:1.*unknown role"):
        extract("新签合同额121.6亿美元。", lexicon=lexicon)
