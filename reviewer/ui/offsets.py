"""Python counts code points, Qt counts UTF-16 code units: a character outside the Basic
Multilingual Plane (𠀀, an emoji) is one to Python and two to Qt. Every offset that crosses
between the store and a Qt text widget goes through one of these."""
from __future__ import annotations

import bisect
import re

from reviewer.ui.view_text import ViewText

ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Offsets:
    def __init__(self, text: str):
        # code-point positions of astral characters, in order; usually none at all
        self._astral = [m.start() for m in ASTRAL.finditer(text)]
        self._astral_utf16 = [i + k for k, i in enumerate(self._astral)]

    def to_qt(self, pos: int) -> int:
        return pos + bisect.bisect_left(self._astral, pos) if self._astral else pos

    def to_python(self, qt_pos: int) -> int:
        if not self._astral:
            return qt_pos
        return qt_pos - bisect.bisect_left(self._astral_utf16, qt_pos)


class ViewOffsets:
    """Document offsets (code points) <-> positions in the view's Qt document (UTF-16 units of the
    view's text, which lays tables out differently from the document's text). `end` says the
    offset ends a span: at a replaced stretch (a table row's pipes) a span's start goes to the
    text after it, its end to the text before it."""

    def __init__(self, view: ViewText):
        self._map = view.offsets
        self._utf16 = Utf16Offsets(view.text)

    def to_qt(self, pos: int, end: bool = False) -> int:
        return self._utf16.to_qt(self._map.to_view(pos, end))

    def to_view(self, pos: int, end: bool = False) -> int:
        """A document offset as an offset into the view's text (code points)."""
        return self._map.to_view(pos, end)

    def to_document(self, qt_pos: int, end: bool = False) -> int:
        return self._map.to_document(self._utf16.to_python(qt_pos), end)

    def view_to_qt(self, view_pos: int) -> int:
        """An offset into the view's own text (a row, a cell) as a Qt position."""
        return self._utf16.to_qt(view_pos)
