"""Text comes out right whatever the bytes claim: byte order marks checked longest first, UTF-16
without a BOM recognized, page charsets that are no text encoding ignored, a charset that reads
as garbage overruled, and no lone surrogate ever in a Document's text."""
import re

import pytest

from reviewer.documents import read_document, text
from reviewer.documents.base import RawText
from reviewer.documents.charsets import declared_codec
from tests.documents.fixtures import REPORT_LINES, html_page

TEXT = "\n".join(REPORT_LINES) + "\n"
SURROGATE = re.compile("[\ud800-\udfff]")


def test_utf32_bom_is_checked_before_utf16s(tmp_path):
    # FF FE 00 00 (UTF-32LE's BOM) starts like FF FE (UTF-16LE's): read as UTF-16 it is NULs
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode("utf-32"))
    doc = read_document(path)
    assert doc.text == TEXT
    assert doc.encoding == "utf-32"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode(encoding))
    doc = read_document(path)
    assert doc.text == TEXT
    assert doc.encoding == encoding


def test_mostly_chinese_utf16_without_a_bom_is_read(tmp_path):
    body = "一二三四五六七八九十百千万亿元件一月一日一年" * 40 + "\n"  # U+4E00 has a NUL low byte
    path = tmp_path / "report.txt"
    path.write_bytes(body.encode("utf-16-le"))
    assert read_document(path).text == body


def test_binary_with_nul_bytes_is_still_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(Exception, match="looks like a binary file"):
        read_document(path)


def test_a_meta_charset_of_utf16_on_a_utf8_page_means_utf8(tmp_path):
    path = tmp_path / "page.html"
    data = html_page("<p>受理案件1425918件，同比增长20.5%。</p>", charset="utf-16").encode("utf-8")
    path.write_bytes(data + (b" " if len(data) % 2 else b""))  # even: UTF-16 would "decode" it
    doc = read_document(path)
    assert "受理案件1425918件，同比增长20.5%。" in doc.text
    assert doc.encoding == "utf-8"


def test_a_declared_latin1_charset_on_a_gbk_page_is_overruled_by_detection(tmp_path):
    path = tmp_path / "page.html"
    body = "<p>今年前11个月，湖北对外工程承包完成额80.6亿美元，同比增长20.5%。新签合同额121.6亿美元。</p>" * 5
    path.write_bytes(html_page(body, charset="iso-8859-1").encode("gb18030"))
    doc = read_document(path)
    assert "湖北对外工程承包完成额80.6亿美元" in doc.text
    assert doc.encoding == "gb18030"


def test_a_declared_charset_that_fails_falls_back_to_detection(tmp_path):
    path = tmp_path / "page.html"
    body = "<p>今年前11个月，湖北对外工程承包完成额80.6亿美元，同比增长20.5%。</p>" * 5
    path.write_bytes(html_page(body, charset="shift_jis").encode("gb18030"))
    assert "湖北对外工程承包完成额80.6亿美元" in read_document(path).text


@pytest.mark.parametrize("charset", ["unicode_escape", "raw_unicode_escape", "rot13", "punycode", "idna",
                                     "utf-7", "base64", "hex", "zlib", "no-such-charset"])
def test_a_meta_charset_that_is_no_text_encoding_is_ignored(tmp_path, charset):
    path = tmp_path / "page.html"
    # GB18030 bytes (not UTF-8) so the declared charset is consulted; \ud800 written out in ASCII
    path.write_bytes(html_page("<p>受理案件1425918件 \\ud800 \\x41</p>", charset=charset).encode("gb18030"))
    doc = read_document(path)
    assert "受理案件1425918件 \\ud800 \\x41" in doc.text
    assert not SURROGATE.search(doc.text)
    assert doc.encoding == "gb18030"


@pytest.mark.parametrize("label,codec", [("gb2312", "gb18030"), ("GBK", "gb18030"), ("utf-16le", "utf-8"),
                                         ("latin1", "cp1252"), ("big5", "big5hkscs"), ("windows-1251", "cp1251"),
                                         ("unicode_escape", None), ("rot13", None), ("punycode", None)])
def test_declared_charsets_map_the_way_browsers_map_them(label, codec):
    assert declared_codec(label) == codec


def test_no_lone_surrogate_reaches_a_document_whatever_a_reader_returns(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text("placeholder", encoding="utf-8")
    monkeypatch.setattr(text, "read_text", lambda raw, path: RawText("受理\ud800案件\udfff1425918件\n"))
    doc = read_document(path)
    assert doc.text == "受理\ufffd案件\ufffd1425918件\n"  # one for one: offsets unchanged
    doc.text.encode("utf-8")  # storable and showable


def test_a_lone_surrogate_in_a_title_is_replaced_too(tmp_path, monkeypatch):
    path = tmp_path / "report.txt"
    path.write_text("placeholder", encoding="utf-8")
    monkeypatch.setattr(text, "read_text", lambda raw, path: RawText("受理案件1425918件", title="湖北\udc80"))
    assert read_document(path).title == "湖北\ufffd"
