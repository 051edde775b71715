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
    text = "全年救助候鸟1200羽"
    assert not figures_only(extract(text))
    (tmp_path / "units.tsv").write_text("# birds\n羽\tquantity\t只\tcount\n", encoding="utf-8")
    monkeypatch.setenv("REVIEWER_LEXICONS", str(tmp_path))
    figures = figures_only(extract(text))
    assert [(f.text, f.value, f.unit) for f in figures] == [("1200羽", 1200, "只")]


def test_a_bad_lexicon_line_names_its_file_and_line(tmp_path):
    (tmp_path / "units.tsv").write_text("羽\tquantity\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"units.tsv:1"):
        build_lexicon((resource("lexicons"), tmp_path))


def test_an_unknown_kind_is_refused(tmp_path):
    (tmp_path / "units.tsv").write_text("羽\tbirds\t只\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown kind"):
        build_lexicon((resource("lexicons"), tmp_path))
