"""shares-whole: the shares of one whole add up to 100% — a ratio sequence under a structure word
(三次产业结构 6.0∶40.0∶54.0), or the shares of every part of a whole of partitions.tsv (城镇/乡村
人口占比). A miss of rounding apart is a note; where the parts are not clearly one whole, silence."""

import pytest

from tests.checks.sums_documents import findings, severities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年，三次产业结构调整为6.0∶40.0∶54.0。", []),  # holding
        ("2024年，三次产业结构调整为6.0∶46.0∶54.0。", ["error"]),  # a digit altered: 106.0
        ("三次产业结构由25.4∶39.8∶34.8调整到20.3∶43.0∶37.7。", ["error"]),  # the second: 101.0
        ("三次产业比例为16:48:36，产业结构进一步优化。", []),  # integers, ASCII colons
        ("国内生产总值的三次产业构成为1.1：52.5：46.5。", []),  # within rounding: 100.1, each ± 0.05
        ("国内生产总值的三次产业构成为1.1：52.5：46.7。", ["note"]),  # 100.3: rounding apart, a note
        ("三次产业结构约为6∶40∶55。", []),  # approximate: 约 over the whole ratio
        ("三次产业结构为6∶40∶55左右。", []),  # approximate: 左右 after it
    ],
)
def test_ratio_sequences(text, expected):
    assert severities(text, "shares-whole") == expected


@pytest.mark.parametrize(
    "text",
    [
        "城乡居民收入比为2.5∶1。",  # two terms: a ratio, not shares
        "按1∶2∶3的比例配套资金。",  # no structure word, and far from 100
        "三次产业结构为1∶2∶3。",  # not in percent: the parts add up to 6
        "比分为30∶40∶50。",  # no structure word
    ],
)
def test_silent_where_the_ratio_is_not_shares_of_one_whole(text):
    assert findings(text, "shares-whole") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年末城镇人口占总人口的比重为62.5%，乡村人口占总人口的比重为37.5%。", []),
        ("年末城镇人口占总人口的比重为62.5%，乡村人口占总人口的比重为35.7%。", ["error"]),
        ("第一产业增加值占比6.1%，第二产业增加值占比40.2%，第三产业增加值占比53.7%。", []),
        ("第一产业增加值占比6.1%，第二产业增加值占比40.2%，第三产业增加值占比57.3%。", ["error"]),
        ("第一产业增加值占比6.1%，第二产业增加值占比40.2%，第三产业增加值占比53.9%。", ["note"]),
        ("第一产业增加值占比约6%，第二产业增加值占比40%，第三产业增加值占比55%。", []),  # 约: ± a tenth
        ("第二产业增加值占比40.2%，第三产业增加值占比53.7%。", []),  # not every part
        (
            "第一产业增加值占地区生产总值的比重为6.1%，第二产业增加值占地区生产总值的比重为47.3%，"
            "第三产业增加值占地区生产总值的比重为53.7%。",
            ["error"],
        ),
        # shares of the province's industries, not of one whole: they need not add up to 100
        (
            "我市第一产业增加值占全省的比重为18.1%，第二产业增加值占全省的比重为42.3%，第三产业增加值占全省的比重为50.5%。",
            [],
        ),
    ],
)
def test_shares_of_the_parts_of_a_whole(text, expected):
    assert severities(text, "shares-whole") == expected


def test_the_message_names_the_shares_and_their_sum():
    (finding,) = findings("2024年，三次产业结构调整为6.0∶46.0∶54.0。", "shares-whole")
    assert "6.0 + 46.0 + 54.0" in finding.message and "106.0" in finding.message
    # the engine reads a named structure's terms as shares even where they do not add up, so the
    # finding names all three figures, as the message does
    assert [f.text for f in finding.figures] == ["6.0", "46.0", "54.0"]


def test_a_corrected_share_counts_and_the_finding_goes():
    from dataclasses import replace
    from decimal import Decimal

    from reviewer.checks import check_document
    from tests.checks.sums_documents import document

    doc = document("三次产业结构由44.2∶11.6∶44.2调整为37.8∶8.8∶52.5。")
    assert [f.rule for f in check_document(doc)] == ["shares-whole"]
    corrected = tuple(replace(f, value=Decimal("53.4")) if f.text == "52.5" else f for f in doc.figures)
    assert check_document(replace(doc, figures=corrected)) == []


def test_a_mistyped_structure_is_found_on_all_its_shares():
    """三次产业结构为10.2∶40.1∶45.3 (95.6): the three shares are read and the finding names them."""
    (finding,) = findings("2025年，三次产业结构为10.2∶40.1∶45.3。", "shares-whole")
    assert [f.text for f in finding.figures] == ["10.2", "40.1", "45.3"]
