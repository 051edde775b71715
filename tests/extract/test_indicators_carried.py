"""Indicators of figures whose clause names no metric of its own, or names it where a reader
would not look first (GUIDE, "Fields": what the figure measures, as the text names it).

Each table is (text, [(figure text, indicator, change)]) for every figure of the text, read by the
clause reader (reviewer/extract/clauses.py).
"""

import pytest

from reviewer.extract import extract, figures_only


def read(text):
    return [(f.text, f.indicator, f.change) for f in figures_only(extract(text))]


def ids(table):
    return [text[:14] for text, _ in table]


# a figure that is the object of 以 measures the noun between them, else the noun it qualifies
# through 的; the rank that follows is a rank by that measure
RANKED_BY = [
    ("天津并未入围十强城市，以GDP 3538.52亿元排名第11位。", [("3538.52亿元", "GDP", None), ("第11位", "GDP", None)]),
    (
        "北京在全国城市中领跑，同样以10.9%的财政收入增速，排名第一位。",
        [("10.9%", "财政收入增速", None), ("第一位", "财政收入增速", None)],
    ),
    ("鄂尔多斯以109.0%的增速，排名第2位。", [("109.0%", "增速", None), ("第2位", "增速", None)]),
    ("渭河出境断面污染负荷以15%的速度下降。", [("15%", "速度", None)]),
]


@pytest.mark.parametrize("text, expected", RANKED_BY, ids=ids(RANKED_BY))
def test_ranked_by(text, expected):
    assert read(text) == expected


# a 分别 clause naming its metric takes its items from the clause before (cut where that clause's
# predicate starts, at a preposition): each figure is that item's metric
ITEMS_BEFORE = [
    (
        "美国、韩国资本在鄂投资呈现爆发式增长,实际投资额分别突破2.4亿和2.6亿美元。",
        [("2.4亿", "美国实际投资额", None), ("2.6亿美元", "资本实际投资额", None)],
    ),
    (
        "钢铁、汽车企业在省内扩大生产，产值分别达到120亿元和80亿元。",
        [("120亿元", "钢铁企业产值", None), ("80亿元", "汽车企业产值", None)],
    ),
    # a 分别 clause naming only the change keeps the items' names
    (
        "有色金属、建筑材料、家用电器领涨，涨幅分别为1.83%、1.10%、0.93%。",
        [("1.83%", "有色金属", "涨幅"), ("1.10%", "建筑材料", "涨幅"), ("0.93%", "家用电器", "涨幅")],
    ),
]


@pytest.mark.parametrize("text, expected", ITEMS_BEFORE, ids=ids(ITEMS_BEFORE))
def test_items_of_the_clause_before(text, expected):
    assert read(text) == expected


# a note marker is no part of a metric's name, nor of the head a parallel item takes from it
NOTE_MARKERS = [
    (
        "中等职业教育[32]招生698.3万人，在校生1960.2万人，毕业生678.1万人。",
        [
            ("698.3万人", "中等职业教育招生", None),
            ("1960.2万人", "中等职业教育在校生", None),
            ("678.1万人", "中等职业教育毕业生", None),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", NOTE_MARKERS, ids=ids(NOTE_MARKERS))
def test_note_markers(text, expected):
    assert read(text) == expected


# digits the engine finds no figure in, written into a word, are part of the counted noun's name
NAMES_WITH_DIGITS = [
    ("目前已有44户世界500强企业在我市落户。", [("44户", "世界500强企业", None)]),
    ("全长22公里的地铁1号线已建成。", [("22公里", "地铁1号线", None)]),
]


@pytest.mark.parametrize("text, expected", NAMES_WITH_DIGITS, ids=ids(NAMES_WITH_DIGITS))
def test_names_with_digits(text, expected):
    assert read(text) == expected
