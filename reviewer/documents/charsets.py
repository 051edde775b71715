"""The character set a web page declares, as a Python codec, when it names a real text encoding.

Python's codec registry also holds transforms that are no text encoding of a page at all
(unicode_escape turns "\\ud800" into a lone surrogate, rot13, punycode, idna, base64, zlib ...),
so a declared name is looked up and then accepted only if its codec is one of the encodings
of the WHATWG Encoding Standard (what browsers accept), mapped the way browsers map them.
"""

from __future__ import annotations

import codecs

# WHATWG label rules that differ from Python's aliases (Encoding Standard, "get an encoding"
# and the meta prescan): a page that says UTF-16 in a <meta> was readable as ASCII, so it is
# not UTF-16; Latin-1 and ASCII mean windows-1252; GB2312 and GBK mean GBK (GB18030 reads both).
WHATWG = {
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "utf16": "utf-8",
    "unicode": "utf-8",
    "ucs-2": "utf-8",
    "unicodefffe": "utf-8",
    "csunicode": "utf-8",
    "iso-10646-ucs-2": "utf-8",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso_8859-1": "cp1252",
    "x-user-defined": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "iso-ir-58": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cn-big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "windows-949": "cp949",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "windows-31j": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "x-mac-cyrillic": "mac-cyrillic",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
}
# Python codec names (codecs.lookup(...).name) of the Encoding Standard's encodings.
TEXT_ENCODINGS = frozenset(
    {
        "utf-8",
        "gb18030",
        "gbk",
        "gb2312",
        "big5",
        "big5hkscs",
        "cp950",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
        "cp866",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "cp874",
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    }
)


def declared_codec(label: str) -> str | None:
    """The Python codec for a page's declared charset label, or None when it is no text encoding
    a page can be written in."""
    label = label.strip().lower()
    name = WHATWG.get(label, label)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in TEXT_ENCODINGS else None
