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
