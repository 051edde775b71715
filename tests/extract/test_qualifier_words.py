"""A qualifier's character that ends a word of its own qualifies nothing (新签约100亿元 is exact);
the same character after any other word still does (收入超百亿元, 减负约10亿元)."""
import pytest

from reviewer.extract import extract, figures_only

CASES = [
    ("今年新签约100亿元项目", "100亿元", None),
    ("市人大审议通过10项法规", "10项", None),
    ("成功打破2项世界纪录", "2项", None),
    ("实现了向跨上万亿元台阶转变", "万亿元", "上"),  # a threshold crossed is a bound, as 突破 is
    ("共为企业减负约10亿元", "10亿元", "约"),
    ("销售收入超百亿元的企业", "百亿元", "超"),
    ("土地出让金近15亿元", "15亿元", "近"),
]


@pytest.mark.parametrize("text,figure,approx", CASES, ids=[c[0] for c in CASES])
def test_the_qualifier_of_a_figure(text, figure, approx):
    (found,) = [f for f in figures_only(extract(text)) if f.text == figure]
    assert found.approx == approx
