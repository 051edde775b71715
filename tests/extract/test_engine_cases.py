"""Table-driven cases for the engine: text -> the figures a careful editor would mark.

Each case lists every figure expected in the text (kind DATE excluded), as
(span text, kind, value, unit) with optional extras {"approx", "value_high"}.
Grouped by where the case came from; a bug found becomes a row here.
"""
from decimal import Decimal

import pytest

from reviewer.extract import extract, figures_only

D = Decimal

# ---- the guide's own examples, one per kind ----------------------------------------------------
GUIDE = [
    ("湖北对外工程承包完成额80.6亿美元", [("80.6亿美元", "money", D("8060000000"), "美元")]),
    ("发放资金9000万元", [("9000万元", "money", D("90000000"), "元")]),
    ("受理案件1425918件", [("1425918件", "quantity", D(1425918), "件")]),
    ("面积仅28.3平方公里的江汉区", [("28.3平方公里", "quantity", D("28.3"), "平方公里")]),
    ("日产量从3吨提升至22吨", [("3吨", "quantity", D(3), "吨"), ("22吨", "quantity", D(22), "吨")]),
    ("20万标箱", [("20万标箱", "quantity", D(200000), "标箱")]),
    ("创造就业岗位2000多个", [("2000多个", "quantity", D(2000), "个", {"approx": "多"})]),
    ("同比增长11.06%", [("11.06%", "percent", D("11.06"), "%")]),
    ("增长１２．５％", [("１２．５％", "percent", D("12.5"), "%")]),
    ("占比百分之十五", [("百分之十五", "percent", D(15), "%")]),
    ("拉高增速12.1个百分点", [("12.1个百分点", "pp", D("12.1"), "个百分点")]),
    ("锂电池增长1.4倍", [("1.4倍", "multiple", D("1.4"), "倍")]),
    ("出口增长三成多", [("三成多", "fraction", D("0.3"), "成", {"approx": "多"})]),
    ("船队运力占武汉三分之二", [("三分之二", "fraction", D(2) / D(3), "分之")]),
    ("约占全区投资总额2/3。", [("2/3", "fraction", D(2) / D(3), "分之")]),
    ("出口量超一半为高端产品", [("一半", "fraction", D("0.5"), "半", {"approx": "超"})]),
    ("占总量近半，", [("半", "fraction", D("0.5"), "半", {"approx": "近"})]),
    ("设备仍有六七成新", [("六七成", "fraction", D("0.6"), "成", {"value_high": D("0.7")})]),
    ("同比增长20.5%，居全国第三、中部第一；", [
        ("20.5%", "percent", D("20.5"), "%"), ("第三", "rank", D(3), "位"), ("第一", "rank", D(1), "位")]),
    ("保持投资额前三地位", [("前三", "rank", D(3), "位")]),
    ("连续四年举办论坛", [("四年", "quantity", D(4), "年")]),
    ("耗时48小时", [("48小时", "quantity", D(48), "小时")]),
    ("7年687航次", [("7年", "quantity", D(7), "年"), ("687航次", "quantity", D(687), "航次")]),
    ("实际投资额分别突破2.4亿和2.6亿美元", [
        ("2.4亿", "money", D(240000000), "美元", {"approx": "突破"}),
        ("2.6亿美元", "money", D(260000000), "美元")]),
    ("进出口7502.3亿元人民币", [("7502.3亿元人民币", "money", D("750230000000"), "元")]),
    ("十件实事全面完成", [("十件", "quantity", D(10), "件")]),
    ("两项专项工作", [("两项", "quantity", D(2), "项")]),
    ("促成近百名高层次人才入职", [("百名", "quantity", D(100), "名", {"approx": "近"})]),
    ("增长10-20%", [("10-20%", "percent", D(10), "%", {"value_high": D(20)})]),
]

# ---- cases met in the development set ----------------------------------------------------------
DEV_SET = [
    ("新增注册资本千万元以上企业270余家", [
        ("千万元", "money", D(10**7), "元", {"approx": "以上"}),
        ("270余家", "quantity", D(270), "家", {"approx": "余"})]),
    ("共发放各类救助金8600余万元", [("8600余万元", "money", D(86000000), "元", {"approx": "余"})]),
    ("办结各类事项40余万件", [("40余万件", "quantity", D(400000), "件", {"approx": "余"})]),
    ("新增各类市场主体1.1万余个", [("1.1万余个", "quantity", D(11000), "个", {"approx": "余"})]),
    ("相隔1万多公里", [("1万多公里", "quantity", D(10000), "公里", {"approx": "多"})]),
    ("箱包出口非洲5000多万元", [("5000多万元", "money", D(50000000), "元", {"approx": "多"})]),
    ("万吨级船舶可常年直达", [("万吨", "quantity", D(10000), "吨", {"approx": "级"})]),
    ("贷款已超千亿元，", [("千亿元", "money", D(10**11), "元", {"approx": "超"})]),
    ("从函件发出到资格确认仅耗时半日。", [("半日", "quantity", D("0.5"), "日")]),
    ("1000、2000第纳尔纸币", [
        ("1000", "money", D(1000), "第纳尔"), ("2000第纳尔", "money", D(2000), "第纳尔")]),
    ("其中7家超五千万美元项目", [
        ("7家", "quantity", D(7), "家"), ("五千万美元", "money", D(5 * 10**7), "美元", {"approx": "超"})]),
    ("办理时间由23.8个工作日缩短到5个工作日以内", [
        ("23.8个工作日", "quantity", D("23.8"), "个工作日"),
        ("5个工作日", "quantity", D(5), "个工作日", {"approx": "以内"})]),
    ("免费为35周岁及以上孕妇提供筛查", [("35周岁", "quantity", D(35), "周岁", {"approx": "及以上"})]),
    ("数量全市第一;", [("第一", "rank", D(1), "位")]),
    ("货运航班量排名全国第四。", [("第四", "rank", D(4), "位")]),
]

# ---- met in the corpus of government reports (text nobody tuned for) --------------------------
CORPUS = [
    ("解决了10万农村贫困人口的饮水问题", [("10万", "quantity", D(100000), "人")]),
    ("进出口总额突破3000亿，财政总收入", [("3000亿", "money", D(3 * 10**11), "元", {"approx": "突破"})]),
    ("覆盖3000多万农村人口", [("3000多万", "quantity", D(3 * 10**7), "人", {"approx": "多"})]),
    ("保险的覆盖面达到150-200万职工", [("150-200万", "quantity", D(1500000), "人", {"value_high": D(2000000)})]),
    ("PM2.5浓度从32微克/立方米下降", [("32微克/立方米", "quantity", D(32), "微克/立方米")]),
    ("人口自然增长率控制在11‰以内", [("11‰", "percent", D(11), "‰", {"approx": "以内"})]),
    ("电力装机1138万千瓦，", [("1138万千瓦", "quantity", D(11380000), "千瓦")]),
    ("生产出首台国产化百万千瓦级核电压力容器", [("百万千瓦", "quantity", D(1000000), "千瓦", {"approx": "级"})]),
    ("加快五台山、雁门关旅游开发", []),
    ("出口额增长一倍多", [("一倍多", "multiple", D(1), "倍", {"approx": "多"})]),
    ("力争实现一个目标", []),
    ("成功举办2014成都创意设计周", []),
    ("孕产妇死亡率下降到14.6/10万、4.4‰", [("4.4‰", "percent", D("4.4"), "‰")]),
    ("大冶“全国百强”进至63位，", [("63位", "rank", D(63), "位")]),
    ("力争进入全省同类园区前10位，", [("前10位", "rank", D(10), "位")]),
    ("排名全国63位", [("63位", "rank", D(63), "位")]),
    ("全国共有100位院士", [("100位", "quantity", D(100), "位")]),
    ("建成全国首条第六代锂电池生产线", []),
    ("排名由全省第八上升到第四；", [("第八", "rank", D(8), "位"), ("第四", "rank", D(4), "位")]),
    ("推进凤竹纺织、七匹狼实业上市", []),
    ("加快主城区第三批老旧小区改造", []),
    ("开展第八次全国投入产出调查", []),
    ("突破二元结构，加快建设", []),
    ("226万亩25度以上陡坡耕地", [("226万亩", "quantity", D(2260000), "亩"),
                                ("25度", "quantity", D(25), "度", {"approx": "以上"})]),
]

# ---- bugs caught ----------------------------------------------------------------------------------
BUGS = [
    # a list marker glued to a count: marker "1." and 32个
    ("服务: 1.32个营业厅实行", [("32个", "quantity", D(32), "个")]),
    # a list of amounts at a line start is not a list marker
    ("\n1000、2000第纳尔", [("1000", "money", D(1000), "第纳尔"), ("2000第纳尔", "money", D(2000), "第纳尔")]),
    ("全区万元GDP能耗同比下降3.2%", [("3.2%", "percent", D("3.2"), "%")]),
    ("唯一一个人形机器人展示台", []),
    ("这一成绩的背后", []),
    ("坚持质量第一,加强品牌建设", []),
    ("省委十二届十次、十一次全会", []),
]

CASES = [pytest.param(t, e, id=f"guide-{i}") for i, (t, e) in enumerate(GUIDE)]
CASES += [pytest.param(t, e, id=f"dev-{i}") for i, (t, e) in enumerate(DEV_SET)]
CASES += [pytest.param(t, e, id=f"corpus-{i}") for i, (t, e) in enumerate(CORPUS)]
CASES += [pytest.param(t, e, id=f"bug-{i}") for i, (t, e) in enumerate(BUGS)]


@pytest.mark.parametrize("text,expected", CASES)
def test_figures(text, expected):
    got = figures_only(extract(text))
    summary = [(f.text, f.kind.value, f.value, f.unit) for f in got]
    assert len(got) == len(expected), summary
    for figure, row in zip(got, expected, strict=True):
        span, kind, value, unit = row[:4]
        extra = row[4] if len(row) > 4 else {}
        assert (figure.text, figure.kind.value, figure.unit) == (span, kind, unit), summary
        assert abs(figure.value - value) < D("1e-9"), (figure.text, figure.value, value)
        if "approx" in extra:
            assert figure.approx == extra["approx"], (figure.text, figure.approx)
        if "value_high" in extra:
            assert figure.value_high is not None and abs(figure.value_high - extra["value_high"]) < D("1e-9")
