"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when
the NUL bytes of its ASCII characters show it), UTF-32 with a BOM, GB18030/GBK, Big5.

UTF-8 is tried strictly first (it is what almost everything is, and a wrong guess there is
impossible); anything else is left to charset-normalizer, a maintained detector, limited to the
encodings Chinese documents come in. Line endings become \\n; nothing else in the text changes.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reviewer.documents.base import DocumentError, RawText
from reviewer.i18n import _

# UTF-32's BOMs first: FF FE 00 00 also starts like UTF-16LE's FF FE.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CANDIDATES = ["gb18030", "big5", "utf_16", "utf_8"]
# Control characters other than tab, newline and carriage return mark a binary file.
CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))
SAMPLE = 65536
# Characters of ordinary text (ASCII, Latin, Greek, Cyrillic, punctuation, CJK, kana, Hangul,
# full-width forms): UTF-16 read in its own byte order is nearly all of them.
PLAIN = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u2000-\u206f\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
)
UTF16_ORDERS = ("utf-16-le", "utf-16-be")
UTF16_PLAIN_SHARE = 0.9


def read_text(raw: bytes, path: Path) -> RawText:
    text, encoding = decode_text(raw, path)
    return RawText(normalize_newlines(text), encoding)


def decode_text(raw: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path, _("starts with a {encoding} byte order mark but is not valid {encoding}", encoding=encoding)
                ) from exc
    sample = raw[:SAMPLE]
    utf16 = utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise DocumentError(path, _("looks like a binary file, not text"))
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATES).best()
    if best is None:
        raise DocumentError(
            path, _("the bytes are not text in any supported encoding (UTF-8, UTF-16, GB18030/GBK, Big5)")
        )
    encoding = best.encoding
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(path, _("could not be decoded as {encoding}", encoding=encoding)) from exc


def utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) when `raw` reads as UTF-16LE/BE without a BOM: it has NUL bytes (the high
    bytes of ASCII letters, digits and newlines), one of the two byte orders makes nearly all of
    it ordinary text (binary data makes random characters either way), and it decodes strictly."""
    if len(raw) % 2 or b"\x00" not in raw[:SAMPLE]:
        return None
    sample = raw[:SAMPLE]
    scores = {encoding: _plain_share(sample.decode(encoding, "replace")) for encoding in UTF16_ORDERS}
    encoding = max(scores, key=lambda name: scores[name])
    if scores[encoding] < UTF16_PLAIN_SHARE:
        return None
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _plain_share(text: str) -> float:
    if not text:
        return 0.0
    return len(PLAIN.findall(text)) / len(text)


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b in CONTROL) / len(sample)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
