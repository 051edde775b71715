"""The word lists periods are resolved by are data a user can extend (resources/lexicons), and a
line the engine cannot use is a one-line LexiconError naming the file and the line."""

from datetime import date

import pytest

from reviewer.extract import extract, figures_only
from reviewer.extract.lexicon import LexiconError, build_lexicon
from reviewer.extract.period_words import period_words
from reviewer.resources import resource


def lexicon_with(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return build_lexicon((resource("lexicons"), tmp_path))


@pytest.mark.parametrize(
    "name,text,problem",
    [
        ("plan_periods.tsv", "十七五\t2040\t2036\n", "“2040” to “2036” is not a range from 1000 to 9999"),
        ("year_parts.tsv", "前四季度\t1\t13\n", "“1” to “13” is not a range from 1 to 12"),
        ("month_parts.tsv", "月中\t20\t11\n", "“20” to “11” is not a range from 0 to 31"),
        ("period_cues.tsv", "迄今\tnow\n", "unknown role “now”"),
        ("document_kinds.tsv", "白皮书\tbook\n", "unknown role “book”"),
    ],
)
def test_a_line_the_period_rules_cannot_use_is_named(tmp_path, name, text, problem):
    with pytest.raises(LexiconError) as caught:
        period_words(lexicon_with(tmp_path, name, text))
    assert f"{name}:1:" in str(caught.value) and problem in str(caught.value)


def test_a_users_plan_period_and_cue_word_extend_the_shipped_ones(tmp_path):
    (tmp_path / "plan_periods.tsv").write_text("十七五\t2036\t2040\n", encoding="utf-8")
    lexicon = lexicon_with(tmp_path, "period_cues.tsv", "迄今\tcurrent\n")
    words = period_words(lexicon)
    assert words.plans["十七五"] == (2036, 2040) and words.plans["十四五"] == (2021, 2025)
    found = figures_only(extract("“十七五”期间，全市新增就业50万人。迄今已建成11家园区。", date(2036, 3, 1), lexicon))
    assert [(f.text, f.period.label()) for f in found] == [("50万人", "2036/2040"), ("11家", "2036")]
