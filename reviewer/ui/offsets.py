"""Python counts code points, Qt counts UTF-16 code units: a character outside the Basic
Multilingual Plane (𠀀, an emoji) is one to Python and two to Qt. Every offset that crosses
between the store and a Qt text widget goes through one of these."""
from __future__ import annotations

import bisect
import re

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
