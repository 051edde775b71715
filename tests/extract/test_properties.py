"""Properties of the engine on any input: it never raises, and its spans are valid."""
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.extract import extract, scan

ALPHABET = st.sampled_from(list("0123456789０１２.．,，%％一二两三四五六七八九十百千万亿零〇半第前近超余多个件元美亿万成倍分之年月日号、，。；\n -—~至到和") + ["个百分点", "平方公里", "𠀀", "😀", "\x00"])
TEXT = st.one_of(st.text(), st.lists(ALPHABET, max_size=60).map("".join))


def check_spans(text, found):
    last_end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end, "spans overlap or are unsorted"
        assert text[f.start:f.end] == f.text
        last_end = f.end


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_extract_never_raises_and_spans_are_valid(text):
    found = extract(text)
    check_spans(text, found)
    assert extract(text) == found  # deterministic


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_scan_never_raises(text):
    check_spans(text, scan(text))


def test_non_string_input_gives_nothing():
    assert extract(None) == []  # type: ignore[arg-type]
    assert extract("") == []
