"""Lexicons are data: the shipped files load, a user folder extends them, bad lines are named."""
import pytest

from reviewer.extract import extract, figures_only
from reviewer.extract.lexicon import LexiconError, build_lexicon, default_lexicon
from reviewer.resources import resource


def test_shipped_lexicons_load():
    lex = default_lexicon()
    assert lex.units["美元"].kind == "money"
    assert lex.units["个百分点"].kind == "pp"
    assert "超过" in lex.prefix_qualifiers and "以上" in lex.suffix_qualifiers


def test_a_user_lexicon_folder_adds_units_without_code(tmp_path, monkeypatch):
    text = "新建钢屋架1200榀"  # 榀, the measure word of roof trusses, is in no shipped lexicon
    assert not figures_only(extract(text))
    (tmp_path / "units.tsv").write_text("# trusses\n榀\tquantity\t榀\tcount\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_LEXICONS", str(tmp_path))
    figures = figures_only(extract(text))
    assert [(f.text, f.value, f.unit) for f in figures] == [("1200榀", 1200, "榀")]


def test_a_bad_lexicon_line_names_its_file_and_line(tmp_path):
    (tmp_path / "units.tsv").write_text("羽\tquantity\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"units.tsv:1"):
        build_lexicon((resource("lexicons"), tmp_path))


def test_an_unknown_kind_is_refused(tmp_path):
    (tmp_path / "units.tsv").write_text("羽\tbirds\t只\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown kind"):
        build_lexicon((resource("lexicons"), tmp_path))


# ---- a user's lexicon folder with a line the engine cannot use --------------------------------
# Each case: (file, bytes of the file, line named, words of the problem). The folder is a real
# folder named in REVIEWER_LEXICONS, read the way every command reads it (default_lexicon).

def utf8(text):
    return text.encode("utf-8")


MALFORMED = [
    ("units.tsv", utf8("羽\tquantity\n"), 1, "expected 3 to 4 tab-separated columns, found 2"),
    ("units.tsv", utf8("# birds\n\n羽 quantity 只\n"), 3, "expected 3 to 4 tab-separated columns, found 1"),
    ("units.tsv", utf8("羽\tquantity\t只\tcount\tbirds\n"), 1, "found 5"),
    ("units.tsv", utf8("羽\t\t只\n"), 1, "column 2 is empty"),
    ("units.tsv", utf8("羽\tbirds\t只\n"), 1, "unknown kind “birds”"),
    ("units.tsv", utf8("羽\tquantity\t只\tcount,flying\n"), 1, "unknown tag “flying”"),
    ("units.tsv", "羽\tquantity\t只\n".encode("gbk"), 1, "not UTF-8"),
    ("units.tsv", utf8("斤\tquantity\t斤\n") + "羽\tquantity\t只\n".encode("gbk"), 2, "not UTF-8"),
    ("currencies.tsv", utf8("卢比\n"), 1, "expected 2 to 3 tab-separated columns, found 1"),
    ("scales.tsv", utf8("兆\tmillion\n"), 1, "scale factor “million” is not a positive number"),
    ("scales.tsv", utf8("兆\t0\n"), 1, "scale factor “0”"),
    ("scales.tsv", utf8("兆\t-1e6\n"), 1, "scale factor “-1e6”"),
    ("scales.tsv", utf8("兆\tNaN\n"), 1, "scale factor “NaN”"),
    ("scales.tsv", utf8("兆\tInfinity\n"), 1, "scale factor “Infinity”"),
    ("scales.tsv", utf8("兆\t1e6\textra\n"), 1, "expected 2 tab-separated columns, found 3"),
    ("qualifiers.tsv", utf8("大约\tbefore\n"), 1, "unknown position “before”"),
    ("qualifiers.tsv", utf8("好几\tinner\n"), 1, "an inner qualifier is one character"),
    ("implied_units.tsv", utf8("游客\tbehind\tquantity\t人\n"), 1, "unknown side “behind”"),
    ("implied_units.tsv", utf8("游客\tafter\tpeople\t人\n"), 1, "unknown kind “people”"),
    ("implied_units.tsv", utf8("游客\tafter\tquantity\n"), 1, "expected 4 tab-separated columns, found 3"),
    ("durations.tsv", utf8("一连\tclaims\n"), 1, "unknown role “claims”"),
    ("rank_context.txt", utf8("名列\tverbs\n"), 1, "unknown role “verbs”"),
    ("indicator_stopwords.txt", utf8("全县\tfront\n"), 1, "unknown edge “front”"),
    ("period_words.tsv", utf8("前年\ttwo_years_ago\n"), 1, "unknown meaning “two_years_ago”"),
    ("slogans.txt", utf8("两个确立\t政治\n"), 1, "expected one word a line, found 2 tab-separated columns"),
    ("units.tsv", utf8("斤\tquantity\t斤\f\n羽\tquantity\n"), 2, "found 2"),  # \f does not end a line
    ("change_verbs.txt", b"\xff\xfe\x41\x00", 1, "not UTF-8"),
]


@pytest.mark.parametrize("name, content, line, problem", MALFORMED,
                         ids=[f"{m[0]}-{m[3][:24]}" for m in MALFORMED])
def test_a_malformed_user_lexicon_is_one_line_naming_file_line_and_problem(tmp_path, monkeypatch, name,
                                                                           content, line, problem):
    folder = tmp_path / "my lexicons"
    folder.mkdir()
    (folder / name).write_bytes(content)
    monkeypatch.setenv("REVIEWER_LEXICONS", str(folder))
    with pytest.raises(LexiconError) as caught:
        default_lexicon()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{folder / name}:{line}: "), message
    assert problem in message
    assert (caught.value.path, caught.value.line) == (folder / name, line)
    with pytest.raises(LexiconError):
        extract("全年救助候鸟1200羽")  # the engine's entry point says the same, not a traceback


def test_a_lexicon_error_is_in_the_reviewers_language(tmp_path, monkeypatch):
    from reviewer import i18n

    (tmp_path / "scales.tsv").write_text("兆\tmillion\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_LEXICONS", str(tmp_path))
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(LexiconError) as caught:
            default_lexicon()
    finally:
        i18n.set_language("en")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'scales.tsv'}:1") and "million" in message
    assert "scale factor" not in message and "不是正数" in message, message


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path, monkeypatch):
    folder = tmp_path / "odd\nname"
    folder.mkdir()
    (folder / "units.tsv").write_text("羽\tquantity\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_LEXICONS", str(folder))
    with pytest.raises(LexiconError) as caught:
        default_lexicon()
    assert "\n" not in str(caught.value) and "odd\\nname" in str(caught.value)


def test_a_well_formed_user_lexicon_with_every_column_still_loads(tmp_path, monkeypatch):
    (tmp_path / "units.tsv").write_text("羽\tquantity\t只\tcount\n", encoding="utf-8")
    (tmp_path / "scales.tsv").write_text("兆\t1e6\n", encoding="utf-8")
    (tmp_path / "qualifiers.tsv").write_text("大约\tprefix\t \r\n", encoding="utf-8")  # trailing tab, CRLF
    (tmp_path / "period_words.tsv").write_text("上一年\tlast_year\n", encoding="utf-8")
    (tmp_path / "rank_context.txt").write_text("名列\tverb\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_LEXICONS", str(tmp_path))
    lex = default_lexicon()
    assert lex.units["羽"].tags == {"count"} and lex.scales["兆"] == 1_000_000
    assert "大约" in lex.prefix_qualifiers and lex.period_words["上一年"] == "last_year"
    assert "名列" in lex.rank_verbs
