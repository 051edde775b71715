"""Finding figures and dates in text: numbers, their scale, qualifier and unit.

The scanner walks the number tokens of the text once, left to right. At each token it reads
forward with anchored patterns (bounded by the length of a figure), looks back a few characters
for context, and decides: a figure, a date, or nothing. Nothing here knows about indicators; see
context.py for that.

The work is shared by collaborators made for each text: ContextRules (questions about the words
around a position), TailReader (scale, qualifier and unit after a number), FigureMaker (readings
into figures), and the two readers of numbers, ArabicNumerals and ChineseNumerals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reviewer.extract.arabic import ArabicNumerals
from reviewer.extract.chinese import ChineseNumerals
from reviewer.extract.figures import FigureMaker
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.numerals import FULLWIDTH
from reviewer.extract.reading import TOKEN, is_ascii_digit
from reviewer.extract.rules import ContextRules
from reviewer.extract.tables import read_tables
from reviewer.extract.tail import TailReader
from reviewer.grid import Table
from reviewer.model import Figure


class Scanner:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def scan(self, text: str, doc_date: date | None = None, tables: Sequence[Table] | None = None) -> list[Figure]:
        norm = text.translate(FULLWIDTH)
        rules = ContextRules(norm, self.lex)
        tail = TailReader(norm, self.lex, rules)
        make = FigureMaker(text, rules)
        arabic = ArabicNumerals(norm, doc_date, self.lex, rules, tail, make)
        chinese = ChineseNumerals(norm, doc_date, self.lex, rules, tail, make)
        cells = read_tables(text, norm, self.lex, tables)
        found: list[Figure] = list(cells.figures)  # first: a cell's figure wins over prose
        pos = 0
        while True:
            m = TOKEN.search(norm, pos)
            if m is None:
                break
            token = m.group()
            if is_ascii_digit(token[0]):
                items, pos = arabic.read(m.start())
            elif token == "半":
                items, pos = chinese.read_half(m.start())
            else:
                items, pos = chinese.read(m.start(), m.end())
            pos = max(pos, m.start() + 1)
            found.extend(items)
        return cells.without_label_figures(found)
