"""What a numeral reader is given: one width-normalized text, the document's date, the lexicon
and the collaborators that read what stands around a number and make figures of it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reviewer.extract.figures import FigureMaker
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.reading import Reading
from reviewer.extract.rules import ContextRules
from reviewer.extract.tail import TailReader


class NumeralReader:
    def __init__(
        self,
        norm: str,
        doc_date: date | None,
        lexicon: Lexicon,
        rules: ContextRules,
        tail: TailReader,
        make: FigureMaker,
    ):
        self.norm = norm
        self.doc_date = doc_date
        self.lex = lexicon
        self.rules = rules
        self.tail = tail
        self.make = make

    def running_count(self, ordinal_at: int, s: int, end: int, value: Decimal, numeral: str) -> Reading | None:
        """'连续第五年', '连续第3次': after 连续, 第N (第 at ordinal_at, the number at s..end) with a
        unit of time or a count is how many in a row (a quantity whose span keeps 第), not a
        place; None otherwise."""
        if ordinal_at < 2 or not self.norm.startswith("连续", ordinal_at - 2):
            return None
        reading = self.tail.read(s, end, value, numeral=numeral)
        unit = self.rules.unit_record(reading) if reading else None
        if reading is None or unit is None or not unit.tags & {"duration", "time", "count"}:
            return None
        reading.start = ordinal_at
        return reading
