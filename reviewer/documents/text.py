"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

UTF-8 is tried strictly first (it is what almost everything is, and a wrong guess there is
impossible); anything else is left to charset-normalizer, a maintained detector, limited to the
encodings Chinese documents come in. Line endings become \\n; nothing else in the text changes.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from reviewer.documents.base import DocumentError, RawText

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CANDIDATES = ["gb18030", "big5", "utf_16", "utf_8"]
# Control characters other than tab, newline and carriage return mark a binary file.
CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def read_text(raw: bytes, path: Path) -> RawText:
    text, encoding = decode_text(raw, path)
    return RawText(normalize_newlines(text), encoding)


def decode_text(raw: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"starts with a {encoding} byte order mark but is not valid {encoding}") from exc
    sample = raw[:65536]
    if b"\x00" in sample or _control_share(sample) > 0.05:
        raise DocumentError(path, "looks like a binary file, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATES).best()
    if best is None:
        raise DocumentError(path, "the bytes are not text in any supported encoding "
                                  "(UTF-8, UTF-16, GB18030/GBK, Big5)")
    encoding = best.encoding
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(path, f"could not be decoded as {encoding}") from exc


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b in CONTROL) / len(sample)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
