"""Properties of the engine on any input: it never raises, and its spans are valid.

The generated text mixes what the scanner reads (ASCII digits, scales, units, Chinese numerals)
with what it must not trip over: every character that is a digit or a number to Python
(str.isdigit / isnumeric / unicodedata.digit) but not an ASCII digit (②, ², 𝟏, ٣, Ⅻ, 五 ...),
right after the joiners that send the scanner looking for a second number (10-20, 3和5, 7—9); and
the forms numbers take in real text: full-width digits and signs, spaces between number and unit
(ASCII, U+3000, U+00A0), traditional and formal numerals (萬 億 兩 點 個, 壹 贰 叁 ... 拾 佰 仟), signs
(- − ＋ 负), 半 after a unit, 折 and the ratio colon ∶."""
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.extract import extract, scan

NON_ASCII_NUMBERS = [
    c for c in map(chr, range(0x80, sys.maxunicode + 1))
    if c.isdigit() or c.isnumeric() or unicodedata.digit(c, None) is not None
]
SURE_TO_INCLUDE = "③²𝟏٣０¹⑩㈠Ⅻ〇"  # circled, superscript, bold, Arabic-Indic, fullwidth, Roman ...
JOINERS = list("-—–~～至到和及与或、/,，.．") + ["以及", " - "]
ASCII_DIGITS = ["0", "1", "2", "3", "10", "12.5", "2025", "1,000", "0.0"]
CHINESE = list("一二两三四五六七八九十百千万亿零〇半")
# the forms numbers take in real text (issue 11)
FORMS = (
    list("０１２３５９．，％＋－") + [" ", "\u3000", "\u00a0", "  "]
    + list("萬億兩點個餘壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
    + list("-−＋负半折∶:") + ["个半", "米半", "成半", "年半", "个月", "八折", "85折", "七五折", "打", "不到"]
    + ["提前", "大", "一万二", "三百五", "百分之", "个百分點", "點五"]
    # finance and engineering notation, rankings and the names that only contain a count
    + ["点", "报", "指数报", "翻", "番", "x", "X", "bp", "个基点", "kV", "W/m·K", "℃", "/吨", "元/", "英寸",
       "美元兑日元报", "%3A", "https://a.cn/", "强", "俩", "数", "周年", "年期", "“", "”", "GDP", "新台币", "港币"]
)
WORDS = ["%", "％", "个百分点", "万元", "亿美元", "元", "个", "件", "成", "倍", "分之", "平方公里", "年", "月",
         "日", "号", "第", "前", "近", "超", "余", "多", "分别", "为", "增长", "下降", "同比", "。", "；", "\n",
         "2025年", "今年", "𠀀", "😀", "\x00", "\ud800"]
ALPHABET = st.one_of(
    st.sampled_from(ASCII_DIGITS),
    st.sampled_from(JOINERS),
    st.sampled_from(NON_ASCII_NUMBERS + list(SURE_TO_INCLUDE) * 50),
    st.sampled_from(CHINESE),
    st.sampled_from(WORDS),
    st.sampled_from(FORMS),
)
TEXT = st.one_of(st.text(), st.lists(ALPHABET, max_size=60).map("".join))


def check_spans(text, found):
    last_end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end, "spans overlap or are unsorted"
        assert text[f.start:f.end] == f.text
        if f.value_high is not None:
            assert f.value is not None and f.value <= f.value_high, f"a range from high to low: {f}"
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
