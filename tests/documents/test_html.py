"""Web pages: readable text only, whatever the markup; a page of unclosed tags is read in linear
time (Python's html.parser took minutes on 120 KB of them) and nothing after them is lost."""
import os
import subprocess
import sys

import pytest

from reviewer.documents import read_document
from tests.conftest import ROOT

GUARD_SECONDS = 60  # lxml reads these pages in milliseconds; html.parser needed 229 s for 120 KB


def read_in_child(path) -> str:
    program = ("import sys; from reviewer.documents import read_document; "
               "print(read_document(sys.argv[1]).text.count('件'))")
    try:
        done = subprocess.run([sys.executable, "-c", program, str(path)], capture_output=True, text=True,
                              timeout=GUARD_SECONDS, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path.name} did not finish in {GUARD_SECONDS} s")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_page_of_unclosed_tags_does_not_take_minutes(tmp_path):
    path = tmp_path / "unclosed.html"
    path.write_bytes("<p>受理案件1425918件</p>".encode() + b"<a " * 40_000)  # 120 KB
    assert read_in_child(path) == "2"


def test_text_after_thousands_of_unclosed_tags_is_kept(tmp_path):
    # libxml2 stops building a tree 256 levels deep; reading events instead loses nothing
    path = tmp_path / "deep.html"
    path.write_text("".join(f"<div><font>受理{n}件" for n in range(3000)), encoding="utf-8")
    doc = read_document(path)
    assert doc.text.count("件") == 3000
    assert doc.text.splitlines()[-1] == "受理2999件"


def test_entities_comments_and_the_tail_after_a_script(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>湖北 &amp; 外贸</title></head><body>"
                    "<p>受理&#26696;件<!-- 注释999件 -->1425918件<script>var a = '88件';</script>，结案"
                    "<style>b{}</style>1310621件。</p><ul><li>一</li><li>二</li></ul></body></html>",
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "湖北 & 外贸"
    assert doc.text == "受理案件1425918件，结案1310621件。\n一\n二"


def test_a_page_without_markup_is_its_text(tmp_path):
    path = tmp_path / "plain.html"
    path.write_text("受理案件1425918件", encoding="utf-8")
    assert read_document(path).text == "受理案件1425918件"


def test_a_page_with_only_hidden_text_contains_no_text(tmp_path):
    path = tmp_path / "hidden.html"
    path.write_text("<script>var x = '受理案件1425918件';</script>", encoding="utf-8")
    with pytest.raises(Exception, match="contains no text"):
        read_document(path)


@pytest.mark.parametrize("meta,expected", [
    ('<meta name="publishdate" content="2026-06-12">', "2026-06-12"),  # 中国经济网
    ('<meta name="PubDate" content="2024-01-30 10:05">', "2024-01-30"),  # government sites
    ('<meta property="article:published_time" content="2022-04-13T08:30:00+08:00">', "2022-04-13"),
    ('<meta name="DC.date" content="2013/1/22">', "2013-01-22"),
    ('<meta itemprop="datePublished" content="2025年12月25日">', "2025-12-25"),
    ('<meta name="keywords" content="2020-01-01">', "2025-11-03"),  # not a date of publication: the text's
    ('<meta name="publishdate" content="2026-13-40">', "2025-11-03"),  # no such day: the text's
    ('<meta name="publishdate">', "2025-11-03"),
])
def test_a_pages_publication_date_is_the_documents_date(tmp_path, meta, expected):
    """A news page's <meta> says when it was published; its text may name another day first."""
    path = tmp_path / "news.html"
    path.write_text(f'<html><head><meta charset="utf-8">{meta}<title>快讯</title></head><body>'
                    "<p>2025年11月3日，A股三大指数全线下跌，成交额1.2万亿元。</p></body></html>", encoding="utf-8")
    assert read_document(path).date.isoformat() == expected
