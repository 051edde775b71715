"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5."""
from __future__ import annotations

import codecs
from pathlib import Path


def decode_text(raw: bytes, path: Path) -> tuple[str, str]:
    from reviewer.documents.base import DocumentError

    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return _normalize_newlines(raw.decode(encoding)), encoding
    if b"\x00" in raw[:4096]:
        raise DocumentError(path, "looks like a binary file, not text")
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            return _normalize_newlines(raw.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise DocumentError(path, "the bytes are not text in any supported encoding (UTF-8, UTF-16, GB18030, Big5)")


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
