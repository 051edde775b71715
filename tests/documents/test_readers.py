"""Every supported format, built here and read back into the same Document."""
from datetime import date

import pytest

from reviewer.documents import read_document
from reviewer.documents.split import split_articles
from tests.conftest import SEEDS
from tests.documents.fixtures import (
    REPORT_LINES,
    html_page,
    make_content_control_docx,
    make_docx,
    make_localized_heading_docx,
    make_nested_table_docx,
    make_pdf,
    make_tab_stop_docx,
)

TEXT = "\n".join(REPORT_LINES) + "\n"


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
])
def test_text_in_each_encoding(tmp_path, encoding, expected):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode(encoding))
    doc = read_document(path)
    assert doc.text == TEXT
    assert doc.encoding == expected
    assert doc.format == "txt"


def test_big5_traditional_chinese(tmp_path):
    text = "臺灣對外貿易總額達到新臺幣三兆元，比去年增長百分之十二點五，出口表現亮眼。\n" * 20
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding.replace("_", "").startswith("big5") or doc.encoding == "cp950"


def test_line_endings_are_normalized_and_nothing_else_changes(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行 80.6亿美元\r\n第二行\t１２３\r第三行\n".encode())
    assert read_document(path).text == "第一行 80.6亿美元\n第二行\t１２３\n第三行\n"


def test_reading_twice_gives_the_same_text_and_hash():
    a, b = read_document(SEEDS / "000_71bace37cc241901.txt"), read_document(SEEDS / "000_71bace37cc241901.txt")
    assert a.text == b.text and a.sha256 == b.sha256 and len(a.sha256) == 64


def test_title_and_date_found_in_the_text():
    doc = read_document(SEEDS / "000_71bace37cc241901.txt")
    assert doc.title == "湖北省高级人民法院工作报告"
    assert doc.date == date(2026, 1, 28)
    assert read_document(SEEDS / "001_c85b7cdc4e083cd4.txt").date == date(2025, 12, 25)
    assert read_document(SEEDS / "003_4560d328f1d36908.txt").date == date(2026, 1, 27)


def test_markdown_reads_as_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# 标题\n\n受理案件1425918件\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "md" and "1425918件" in doc.text


def test_docx_paragraphs_tables_and_headings_in_order(tmp_path):
    doc = read_document(make_docx(tmp_path / "report.docx"))
    lines = doc.text.split("\n")
    assert lines[0] == "湖北省外贸运行情况"
    assert doc.title == "湖北省外贸运行情况"
    assert lines[1].startswith("今年前11个月")
    assert lines[2] == "指标\t数值"
    assert lines[3] == "新签合同额\t121.6亿美元"
    assert lines[4] == "结案1310621件。"
    assert doc.format == "docx"


def test_docx_heading_found_by_style_name_when_word_is_localized(tmp_path):
    doc = read_document(make_localized_heading_docx(tmp_path / "localized.docx"))
    assert doc.text.split("\n")[:2] == ["内部资料", "湖北省外贸运行情况"]
    assert doc.title == "湖北省外贸运行情况"


def test_docx_nested_table_is_read_once(tmp_path):
    doc = read_document(make_nested_table_docx(tmp_path / "nested.docx"))
    assert doc.text.count("121.6亿美元") == 1
    assert doc.text.count("新签合同额") == 1
    assert doc.text.split("\n") == ["前言", "外层\t新签合同额 121.6亿美元", "结案1310621件。"]


def test_docx_content_controls_are_read_in_order(tmp_path):
    doc = read_document(make_content_control_docx(tmp_path / "control.docx"))
    assert doc.text.split("\n")[-2:] == ["结案1310621件。", "控件里的受理案件12件"]


def test_docx_tab_stops_are_not_tabs_in_the_text(tmp_path):
    assert read_document(make_tab_stop_docx(tmp_path / "tabs.docx")).text == "受理案件1425918件"


def test_pdf_text_page_by_page_with_page_numbers(tmp_path):
    pages = ["第一页：湖北对外工程承包完成额80.6亿美元。", "第二页：新签合同额121.6亿美元。", "第三页：结案1310621件。"]
    doc = read_document(make_pdf(tmp_path / "report.pdf", pages))
    assert doc.format == "pdf"
    for number, page in enumerate(pages, 1):
        at = doc.text.index(page.split("：")[1][:6])
        assert doc.page_at(at) == number, (page, doc.text)
    assert "80.6亿美元" in doc.text
    assert "第一页" in doc.text and "\u2f00" not in doc.text  # radicals from the font mapped back


def test_html_keeps_readable_text_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page("<p>新签合同额121.6亿美元，</p><p>同比增长25.1%。</p><table><tr><td>指标</td><td>数值</td></tr></table>"),
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "湖北外贸"
    assert "新签合同额121.6亿美元，\n同比增长25.1%。" in doc.text
    assert "指标\t数值" in doc.text
    for hidden in ("var x", "color: red", "导航100个", "版权所有", "首页"):
        assert hidden not in doc.text


def test_html_in_gbk_declared_by_meta(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(html_page("<p>受理案件1425918件</p>", charset="gb2312").encode("gbk"))
    doc = read_document(path)
    assert "受理案件1425918件" in doc.text


def test_several_articles_split_on_request():
    doc = read_document(SEEDS / "002_fbffba0dc127f8f7.txt")
    articles = split_articles(doc)
    assert len(articles) == 10
    assert articles[0].title.startswith("【十堰招商】")
    assert all(a.date == date(2025, 7, 26) for a in articles)
    assert articles[4].title == "【投资江汉区】2018年武汉市江汉区政府工作报告"
    assert [a.article for a in articles] == list(range(1, 11))
    assert {a.source for a in articles} == {doc.source}  # the plain path: the store pairs (source, article)
    assert doc.article is None
    assert all(a.text.strip() and a.text in doc.text for a in articles)


def test_a_document_without_separators_is_one_article():
    doc = read_document(SEEDS / "000_71bace37cc241901.txt")
    assert split_articles(doc) == [doc]
    assert doc.article is None
