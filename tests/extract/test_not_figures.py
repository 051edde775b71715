"""Numbers that are not figures: names, titles, list markers, codes, slogans, dates."""
import pytest

from reviewer.extract import extract, figures_only
from reviewer.model import Kind
from tests.extract.cases import figures_over

NOT_FIGURES = [
    ("5G基站建设", "5"),
    ("第十四届人民代表大会第四次会议", "十四"),
    ("第三届进博会上", "三"),
    ("新引进世界500强投资项目", "500"),
    ("84消毒液和75%医用酒精", "75%"),
    ("PM2.5和PM10年均值", "2.5"),
    ("一、工作回顾", "一"),
    ("（一）坚持依法审判", "一"),
    ("\n1.推进金融惠民。", "1"),
    ("湖北日报\n\n05\n\n", "05"),
    ("推动万松园路251号危旧房改造", "251"),
    ("积极推进轨道交通7号线建设", "7"),
    ("通过3551光谷人才计划", "3551"),
    ("12345热线", "12345"),
    ("第12届海归论坛", "12"),
    ("一个个鲜活的案例", "一"),
    ("一站式服务", "一"),
    ("聚力“三个示范区”建设", "三"),
    ("深入贯彻中央八项规定精神", "八"),
    ("“十五五”规划开局之年", "十五五"),
    ("75192次中亚班列首次采用", "75192"),
    ("年均增长率保持两位数", "两"),
    ("content_338937.html", "338937"),
    ("推动“4+2”行政管理体制改革", "4"),
    ("千家万户", "千"),
    ("K1、K5竣工交付", "1"),
]


@pytest.mark.parametrize("text,number", NOT_FIGURES, ids=[t for t, _ in NOT_FIGURES])
def test_not_a_figure(text, number):
    assert not figures_over(text, number)


DATES = [
    ("2026年1月28日在湖北省", "2026年1月28日"),
    ("2025.12.25 星期四", "2025.12.25"),
    ("2025-07-26", "2025-07-26"),
    ("12月16日，海南自由贸易港", "12月16日"),
    ("今年前11个月，湖北对外", "11个月"),
    ("今年1至11月，湖北企业", "1至11月"),
    ("2025进博会湖北国际经贸合作", "2025"),
    ("过去一年全省法院", "一年"),
    ("五年来，交通投资持续领跑", "五年"),
    ("发布2年来，湖南对非进出口额", "2年"),
    ("于九月举行", "九月"),
    ("实施方案(2017-2020)", "2017-2020"),
]


@pytest.mark.parametrize("text,span", DATES, ids=[t for t, _ in DATES])
def test_dates_are_kept_apart(text, span):
    found = extract(text)
    at = text.index(span)
    assert not [f for f in figures_only(found) if f.start < at + len(span) and at < f.end]
    assert any(f.kind is Kind.DATE and f.start <= at and f.end >= at + len(span) - 1 for f in found), found
