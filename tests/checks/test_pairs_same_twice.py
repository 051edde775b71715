"""same-twice: one figure (indicator, period named in its sentence, the same words) stated twice
with values that cannot both be right; parts, lists and plans are not restatements."""

import pytest

from tests.checks.engine_run import findings, suspects

RULE = "same-twice"
FIRST = "2023年，全市税收收入达到128亿元，增长6%。"
LIST = "2023年，城乡居民人均可支配收入分别增长7.8%、9.1%。"


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("holding", FIRST + "\n2023年，全市税收收入达到128亿元。", []),
        ("broken", FIRST + "\n2023年，全市税收收入达到182亿元。", ["182亿元"]),
        ("within rounding", FIRST + "\n2023年，全市税收收入达到128.3亿元。", []),
        ("approximate", FIRST + "\n2023年，全市税收收入达到约130亿元。", []),
        ("another year", FIRST + "\n2022年，全市税收收入达到118亿元。", []),
        ("a plan is not what was done", FIRST + "\n2023年，力争全市税收收入达到140亿元。", []),
        ("period not named", "全市税收收入达到128亿元。\n全市税收收入达到182亿元。", []),
        ("a list, not a restatement", LIST + "\n" + LIST.replace("7.8%", "7.1%"), []),
    ],
)
def test_stated_twice(case, text, expected):
    assert suspects(text, RULE) == expected, case


def test_message_names_both():
    (finding,) = findings(FIRST + "\n2023年，全市税收收入达到182亿元。", RULE)
    assert "182亿元" in finding.message and "128亿元" in finding.message
