"""What a numeral reader is given: one width-normalized text, the document's date, the lexicon
and the collaborators that read what stands around a number and make figures of it."""

from __future__ import annotations

from datetime import date

from reviewer.extract.figures import FigureMaker
from reviewer.extract.lexicon import Lexicon
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
