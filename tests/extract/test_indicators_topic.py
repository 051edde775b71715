"""The document's topic (reviewer/extract/topic.py): a text about one metric lists its figures by
place alone, and each of them measures that metric (GUIDE, "Fields": what the figure measures, as
the text names it, here in the sentences around it).

Tables are (text, [(figure text, indicator, change)]) for every figure of the text.
"""

import pytest

from reviewer.extract import extract, figures_only
from reviewer.extract.topic import document_topic


def read(text):
    return [(f.text, f.indicator, f.change) for f in figures_only(extract(text))]


RANKING = (
    "全国主要城市一季度财政收入排名出炉。财政收入是政府筹集的资金总和，财政收入的多少决定城市的投入。"
    "上海今年一季度财政收入以2518.2亿元排名第一位。北京紧随其后，以1689.7亿元位居第二位。"
    "深圳一季度的财政收入是1054.7亿元。杭州和苏州的财政收入也在前列，宁波财政收入增长较快。"
    "浙江省仅有2个城市步入10强行列。其中，嘉兴市以250亿元位居第5位，温州市以201.1亿元位居第八位。"
    "其它两个城市分别是宁波（6.3%）和苏州（5.1%）。鄂尔多斯以109.0%的增速，排名第2位。"
    "财政收入的高增长得益于税收，财政收入稳步上行。"
)

# figures whose clause names no metric, or carries a counted group (城市步入10强行列), a place
# glossed with its figure (宁波（6.3%）), a measure of another metric named alone (增速): the topic's
TOPIC = [
    (
        RANKING,
        [
            ("2518.2亿元", "财政收入", None),
            ("第一位", "财政收入", None),
            ("1689.7亿元", "财政收入", None),
            ("第二位", "财政收入", None),
            ("1054.7亿元", "财政收入", None),
            ("2个", "城市步入10强行列", None),
            ("250亿元", "财政收入", None),
            ("第5位", "财政收入", None),
            ("201.1亿元", "财政收入", None),
            ("第八位", "财政收入", None),
            ("两个", "城市", None),
            ("6.3%", "财政收入", None),
            ("5.1%", "财政收入", None),
            ("109.0%", "财政收入增速", None),
            ("第2位", "财政收入增速", None),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", TOPIC, ids=["ranking of cities"])
def test_figures_naming_no_metric_take_the_topic(text, expected):
    assert read(text) == expected


def _last_words(indicator):
    return indicator[-4:] if indicator.endswith("收入") else ""


# (text, the indicators its figures' clauses name, topic): the metric written most often, where
# it is written densely; never a measure word alone; none in a long report naming it now and then
DOCUMENT_TOPICS = [
    (RANKING, ["财政收入", "财政收入", "一般公共预算收入"], "财政收入"),
    (RANKING + "各项工作稳步推进。" * 400, ["财政收入", "财政收入"], ""),
    ("收入" * 20, ["收入", "收入"], ""),
    (RANKING, [], ""),
]


@pytest.mark.parametrize("text, indicators, topic", DOCUMENT_TOPICS, ids=["dense", "sparse", "measure word", "none"])
def test_document_topic(text, indicators, topic):
    assert document_topic(text, indicators, _last_words) == topic
