from hypothesis import given
from hypothesis import strategies as st

from reviewer.ui.offsets import Utf16Offsets


@given(st.text(alphabet=st.sampled_from(list("ab中1") + ["𠀀", "😀"]), max_size=40))
def test_offsets_round_trip_and_match_utf16(text):
    conv = Utf16Offsets(text)
    for pos in range(len(text) + 1):
        qt = conv.to_qt(pos)
        assert qt == len(text[:pos].encode("utf-16-le")) // 2
        assert conv.to_python(qt) == pos


def test_sentence_index_agrees_with_the_sentence_walk():
    from reviewer.sentences import SentenceIndex, sentence_text

    text = "2025年，全省法院受理案件1425918件；结案1310621件。\n新签合同额121.6亿美元，同比增长25.1%！完"
    index = SentenceIndex(text)
    for needle in ("1425918件", "1310621件", "121.6亿美元", "25.1%", "完"):
        start = text.index(needle)
        assert index.sentence(start, start + len(needle)) == sentence_text(text, start, start + len(needle))
