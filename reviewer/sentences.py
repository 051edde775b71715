"""Where a figure stands in its text: its sentence and its paragraph (plain Python)."""
from __future__ import annotations

SENTENCE_BREAKS = "。！？!?\n；;"


def sentence_around(text: str, start: int, end: int, limit: int = 120) -> tuple[str, str, str]:
    """(before, figure, after) of the sentence holding the span, at most `limit` characters
    each side."""
    s = start
    while s > 0 and text[s - 1] not in SENTENCE_BREAKS and start - s < limit:
        s -= 1
    e = end
    while e < len(text) and text[e] not in SENTENCE_BREAKS and e - end < limit:
        e += 1
    if e < len(text) and text[e] != "\n":
        e += 1
    return text[s:start], text[start:end], text[end:e]


def sentence_text(text: str, start: int, end: int) -> str:
    return "".join(sentence_around(text, start, end)).strip()


class ParagraphIndex:
    """The 1-based paragraph (non-empty line) of an offset, by bisection."""

    def __init__(self, text: str):
        import re

        self._starts = [m.start() for m in re.finditer(r"[^\n]+", text)]

    def at(self, offset: int) -> int:
        import bisect

        return max(1, bisect.bisect_right(self._starts, offset))
