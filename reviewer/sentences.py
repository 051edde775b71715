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


class SentenceIndex:
    """Sentences of one text by bisection over its sentence breaks: for exporting many figures
    of the same document without walking the text character by character each time."""

    def __init__(self, text: str, limit: int = 120):
        import re

        self.text = text
        self.limit = limit
        self._breaks = [m.start() for m in re.finditer(f"[{re.escape(SENTENCE_BREAKS)}]", text)]

    def sentence(self, start: int, end: int) -> str:
        import bisect

        i = bisect.bisect_left(self._breaks, start)
        s = self._breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self._breaks, end)
        e = self._breaks[j] + 1 if j < len(self._breaks) else len(self.text)
        s, e = max(s, start - self.limit), min(e, end + self.limit + 1)
        return self.text[s:e].strip()


class ParagraphIndex:
    """The 1-based paragraph (non-empty line) of an offset, by bisection."""

    def __init__(self, text: str):
        import re

        self._starts = [m.start() for m in re.finditer(r"[^\n]+", text)]

    def at(self, offset: int) -> int:
        import bisect

        return max(1, bisect.bisect_right(self._starts, offset))
