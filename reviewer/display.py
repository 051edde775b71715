"""File names and stored text made safe to show on one line: a name may hold a newline, a tab,
a lone surrogate (bytes that are not UTF-8) or binary garbage, none of which may split an error
line or reach a terminal raw."""
from __future__ import annotations

import os
from pathlib import Path

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str, limit: int = 200) -> str:
    """`text` on one printable line: control characters escaped, undecodable bytes as \\xNN,
    cut to `limit` characters with an ellipsis."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(ch)
    line = "".join(out)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def shown_path(path: str | os.PathLike[str] | Path) -> str:
    """A file name for a one-line message."""
    return shown(os.fspath(path), limit=400)
