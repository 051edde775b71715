"""A file name or stored text never splits a message line or reaches the terminal raw."""
import os

import pytest

from reviewer.display import shown, shown_path

CASES = [
    ("report.txt", "report.txt"),
    ("a\nb.txt", "a\\nb.txt"),
    ("tab\there", "tab\\there"),
    ("bell\x07", "bell\\x07"),
    ("lone\ud800", "lone\\ud800"),
    ("中文 报告.txt", "中文 报告.txt"),
    ("𠀀😀", "𠀀😀"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_text_is_shown_on_one_printable_line(text, expected):
    assert shown(text) == expected


def test_undecodable_bytes_of_a_file_name_are_shown_as_bytes():
    name = os.fsdecode(b"bad-\xff\xfe.txt")
    assert shown_path(name) == "bad-\\xff\\xfe.txt"


def test_long_text_is_cut_with_an_ellipsis():
    assert shown("x" * 500, limit=10) == "x" * 9 + "…"
