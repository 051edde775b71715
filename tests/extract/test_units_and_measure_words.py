"""Table-driven cases for units, currencies, measure words and the space between number and unit.

Each case lists every figure expected in the text (kind DATE excluded), as (span text, kind,
value, unit) with optional extras {"approx", "value_high"}, in the style of
test_engine_cases.py; NOT_FIGURES lists numbers that must stay out (or must not take a unit).
The lexicons behind them are generated from CLDR and jieba (scripts/generate_unit_lexicons.py)
with the hand-kept units.tsv and currencies.tsv on top.
"""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only
from reviewer.extract.lexicon import LexiconError, build_lexicon, default_lexicon
from tests.extract.cases import assert_text_has_figures

D = Decimal

# ---- units of science and engineering, Latin symbols as whole tokens ----------------------------
ENGINEERING = [
    ("国内首条220kV单相GIL输电线路", [("220kV", "quantity", D(220), "kV")]),
    ("研制18米1000kV搅拌摩擦焊GIL壳体", [("18米", "quantity", D(18), "米"), ("1000kV", "quantity", D(1000), "kV")]),
    ("为国内首个海上风电500kV变电站提供", [("500kV", "quantity", D(500), "kV")]),
    ("常州武进瓶武线500kVGIL输电线路", [("500kV", "quantity", D(500), "kV")]),  # a capital after kV
    ("全年平均气温为10.2℃，共有9个台风登陆。", [
        ("10.2℃", "quantity", D("10.2"), "℃"), ("9个", "quantity", D(9), "个")]),
    ("最高气温35.6°C", [("35.6°C", "quantity", D("35.6"), "℃")]),
    ("金刚石散热片的热导率则可达到2000W/m·K。", [("2000W/m·K", "quantity", D(2000), "W/m·K")]),
    ("目前4英寸金刚石散热片的售价", [("4英寸", "quantity", D(4), "英寸")]),
    ("平均身高175cm，", [("175cm", "quantity", D(175), "cm")]),
    ("建成12GW电池片项目", [("12GW", "quantity", D(12), "GW")]),
    ("日活跃用户达300万DAU", [("300万DAU", "quantity", D(3000000), "DAU")]),
    ("国债收益率下行2.5bp", [("2.5bp", "quantity", D("2.5"), "个基点")]),
    ("贷款平均利率较年初下降46个基点。", [("46个基点", "quantity", D(46), "个基点")]),
    ("全年大陆地区共发生5级以上地震41次", [
        ("5级", "quantity", D(5), "级", {"approx": "以上"}), ("41次", "quantity", D(41), "次")]),
    ("发生5.7级地震", [("5.7级", "quantity", D("5.7"), "级")]),
    ("建成1000吨级泊位", [("1000吨", "quantity", D(1000), "吨", {"approx": "级"})]),
    ("新增旅客周转量34213亿人公里", [("34213亿人公里", "quantity", D(3421300000000), "人公里")]),
    ("海拔300海里", [("300海里", "quantity", D(300), "海里")]),
    ("存储芯片容量512GB", [("512GB", "quantity", D(512), "GB")]),
]

# ---- currencies beyond the common ones (CLDR names and their short forms) -----------------------
CURRENCIES = [
    # a currency named before an amount in 元 is that currency's 元
    ("营业收入为新台币1200亿元，", [("1200亿元", "money", D(12 * 10**10), "新台币")]),
    ("募集资金港币约3亿元", [("3亿元", "money", D(3 * 10**8), "港元", {"approx": "约"})]),
    ("以人民币100亿元计", [("100亿元", "money", D(10**10), "元")]),
    ("贸易额达120亿台币", [("120亿台币", "money", D(12000000000), "新台币")]),
    ("项目投资5万亿越南盾", [("5万亿越南盾", "money", D(5 * 10**12), "越南盾")]),
    ("合同金额18亿沙特里亚尔", [("18亿沙特里亚尔", "money", D(1800000000), "沙特里亚尔")]),
    ("合同金额18亿里亚尔", [("18亿里亚尔", "money", D(1800000000), "里亚尔")]),
    ("投资额为2000亿哈萨克斯坦坚戈", [("2000亿哈萨克斯坦坚戈", "money", D(2 * 10**11), "哈萨克斯坦坚戈")]),
    ("投资额为2000亿坚戈", [("2000亿坚戈", "money", D(2 * 10**11), "坚戈")]),
    ("营收350亿南非兰特", [("350亿南非兰特", "money", D(35000000000), "南非兰特")]),
    ("营收350亿兰特", [("350亿兰特", "money", D(35000000000), "兰特")]),
    ("筹资8000万林吉特", [("8000万林吉特", "money", D(80000000), "林吉特")]),
    ("折合3亿加元", [("3亿加元", "money", D(300000000), "加元")]),
    ("债券规模20亿墨西哥比索", [("20亿墨西哥比索", "money", D(2000000000), "墨西哥比索")]),
]

# ---- measure words: jieba's q tags and the classifiers it mis-tags ------------------------------
MEASURE_WORDS = [
    ("从2020年第三季度起已连续七个季度实现了同比正增长", [("七个季度", "quantity", D(7), "个季度")]),
    ("连续3个季度增长", [("3个季度", "quantity", D(3), "个季度")]),
    ("全年生产电视剧441部15783集，", [("441部", "quantity", D(441), "部"), ("15783集", "quantity", D(15783), "集")]),
    ("已开放各类档案12059万卷（件）。", [("12059万卷", "quantity", D(120590000), "卷")]),
    ("建设街头公共绿地100块，", [("100块", "quantity", D(100), "块")]),
    ("其中连片土地3块。", [("3块", "quantity", D(3), "块")]),
    ("又拆除烟囱1011根、锅炉房606处", [("1011根", "quantity", D(1011), "根"), ("606处", "quantity", D(606), "处")]),
    ("东部地区城市占据8席，", [("8席", "quantity", D(8), "席")]),
    ("A股新增267单定增预案", [("267单", "quantity", D(267), "单")]),
    ("适用简易程序的有25单，", [("25单", "quantity", D(25), "单")]),
    ("获国家级赛事金牌27枚，", [("27枚", "quantity", D(27), "枚")]),
    ("新建户用沼气池1000口，", [("1000口", "quantity", D(1000), "口")]),
    ("在轨运行卫星达到10颗，", [("10颗", "quantity", D(10), "颗")]),
    ("年内开通3段轨道新线", [("3段", "quantity", D(3), "段")]),
    ("新增微课1万节", [("1万节", "quantity", D(10000), "节")]),
    ("完成港口作业1200艘次", [("1200艘次", "quantity", D(1200), "艘次")]),
    ("新建管网3.5万延米", [("3.5万延米", "quantity", D(35000), "延米")]),
    ("出台20条措施", [("20条", "quantity", D(20), "条")]),
    ("发放创业担保贷款3220笔", [("3220笔", "quantity", D(3220), "笔")]),
    ("总股本12,345万股", [("12,345万股", "quantity", D(123450000), "股")]),
]

# ---- prices per unit: money in its currency, the span keeps the per-unit part -------------------
PER_UNIT = [
    ("钨精矿报价2850元/吨，", [("2850元/吨", "money", D(2850), "元")]),
    ("大豆期货报430美分/蒲式耳", [("430美分/蒲式耳", "money", D(430), "美分")]),
    ("国际油价升至80美元/桶", [("80美元/桶", "money", D(80), "美元")]),
    ("商品房平均价格3333元／平方米", [("3333元／平方米", "money", D(3333), "元")]),
    ("居民电价0.56元/千瓦时", [("0.56元/千瓦时", "money", D("0.56"), "元")]),
    ("定增发行价24.01元/股，", [("24.01元/股", "money", D("24.01"), "元")]),
    ("黑钨精矿为518000元/标吨、", [("518000元/标吨", "money", D(518000), "元")]),
    ("低保标准提高到500元/月以上", [("500元/月", "money", D(500), "元", {"approx": "以上"})]),
    ("每吨2850元", [("2850元", "money", D(2850), "元")]),
    ("分别提高30元/月和300元/年", [("30元/月", "money", D(30), "元"), ("300元/年", "money", D(300), "元")]),
    ("新增污水处理能力35万吨／日", [("35万吨／日", "quantity", D(350000), "吨/日")]),
    ("建成5万吨/年危险废物处置项目", [("5万吨/年", "quantity", D(50000), "吨/年")]),
    ("PM2.5平均浓度18微克/立方米", [("18微克/立方米", "quantity", D(18), "微克/立方米")]),
]

# ---- a space between number and unit, as PDF extraction writes it ------------------------------
SPACES = [
    ("实际利用外资26.3 亿美元", [("26.3 亿美元", "money", D(2630000000), "美元")]),
    ("同比增长7.7 %", [("7.7 %", "percent", D("7.7"), "%")]),
    ("回落0.8 个百分点", [("0.8 个百分点", "pp", D("0.8"), "个百分点")]),
    ("完成改革任务 12 项", [("12 项", "quantity", D(12), "项")]),
    ("完成改革任务12\u3000项", [("12\u3000项", "quantity", D(12), "项")]),
    ("同比增长7.7\u00a0%", [("7.7\u00a0%", "percent", D("7.7"), "%")]),
    ("新建 220 kV 变电站", [("220 kV", "quantity", D(220), "kV")]),
    ("总投资 10  亿元以上", [("10  亿元", "money", D(10**9), "元", {"approx": "以上"})]),
    ("2025 年全市完成 12 项", [("12 项", "quantity", D(12), "项")]),
]

CASES = [pytest.param(t, e, id=f"engineering-{i}") for i, (t, e) in enumerate(ENGINEERING)]
CASES += [pytest.param(t, e, id=f"currency-{i}") for i, (t, e) in enumerate(CURRENCIES)]
CASES += [pytest.param(t, e, id=f"measure-{i}") for i, (t, e) in enumerate(MEASURE_WORDS)]
CASES += [pytest.param(t, e, id=f"per-unit-{i}") for i, (t, e) in enumerate(PER_UNIT)]
CASES += [pytest.param(t, e, id=f"space-{i}") for i, (t, e) in enumerate(SPACES)]


@pytest.mark.parametrize("text,expected", CASES)
def test_figures(text, expected):
    assert_text_has_figures(text, expected)


# (text, the number, a unit it must not take; None: no figure may cover the number)
NOT_FIGURES = [
    ("5G基站建设", "5", None),
    ("5g网络覆盖", "5", None),
    ("3D打印产业园", "3", None),
    ("建成5A级景区", "5", None),
    ("4K超高清视频", "4", None),
    ("新增1T存储", "1", None),
    ("3号线建设", "3", None),
    ("12345热线", "12345", None),
    ("第12届海归论坛", "12", None),
    ("市委1号文件", "1", None),
    ("根据第20条规定", "20", None),
    ("县县通二级以上公路", "二", None),
    ("空气质量达到二级标准", "二", None),
    ("申万一级行业中", "一", None),
    ("发行价格更加贴近二级市场", "二", None),
    ("新增500亿级企业1家", "500", "级"),
    ("组建5集团公司", "5", None),
    ("3手机品牌", "3", None),
    ("5股东大会", "5", None),
    ("表 1 个人所得税", "1", None),
    ("第 12 届", "12", None),
    ("1 2 3", "2", None),
    ("增长12\n项目", "12", None),
    ("完成改革任务12\n项", "12", None),
    ("完成改革任务12\t项", "12", None),
    ("截至2025 年底", "2025", "年"),
    ("每10万人口死亡率254.6/10万", "254.6", "万"),
    ("GB2312编码", "2312", None),
    ("8GBx接口", "8", None),  # a symbol without a small letter runs on into the next letters
    ("PM2.5和PM10年均值", "2.5", None),
]


@pytest.mark.parametrize("text,number,unit", NOT_FIGURES, ids=[t for t, _, _ in NOT_FIGURES])
def test_not_a_figure(text, number, unit):
    at = text.index(number)
    covering = [f for f in figures_only(extract(text)) if f.start <= at < f.end]
    if unit is None:
        assert not covering, [(f.text, f.kind.value, f.unit) for f in covering]
    else:
        assert not [f for f in covering if f.unit == unit], [(f.text, f.unit) for f in covering]


def test_the_generated_lexicons_are_loaded_and_hand_kept_rows_win():
    lex = default_lexicon()
    assert lex.units["坚戈"].kind == "money"
    assert lex.units["公里"].unit == "公里"
    assert lex.units["°C"].unit == "℃"
    assert lex.units["集"].tags >= {"count", "word_start"}
    assert lex.units["个"].tags == frozenset({"count", "rhetorical"})  # units.tsv, not jieba's row
    assert "G" not in lex.units and "代" not in lex.units and "些" not in lex.units


def test_a_user_folder_extends_the_generated_files(tmp_path):
    (tmp_path / "cldr_units.tsv").write_text("桄\tquantity\t桄\tcount\n", encoding="utf-8")
    shipped = default_lexicon().source_dirs[0]
    lex = build_lexicon((shipped, tmp_path))
    assert lex.units["桄"].unit == "桄"


def test_a_malformed_generated_file_line_is_one_line_error(tmp_path):
    (tmp_path / "jieba_measure_words.tsv").write_text("# x\n羽\tquantity\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"jieba_measure_words.tsv:2") as caught:
        build_lexicon((tmp_path,))
    assert "\n" not in str(caught.value)


def test_the_generated_files_are_up_to_date():
    pytest.importorskip("babel")
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "generate_unit_lexicons.py"
    spec = importlib.util.spec_from_file_location("generate_unit_lexicons", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0
