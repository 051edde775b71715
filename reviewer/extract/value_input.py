"""A value as a reviewer types it (650亿, 1.5万, 三成, 12.5%, 80.6亿美元, 8060000000), read by the
engine's own scanner and numeral reader, so a correction means what the same text in a report
would mean; and a value written back the way a reviewer writes it (4233.2亿, not 423320000000.0).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reviewer.extract.engine import figures_only, scan
from reviewer.extract.lexicon import default_lexicon
from reviewer.extract.numerals import FULLWIDTH, parse_arabic, parse_chinese, scale_factor
from reviewer.extract.reading import ARABIC_NUMBER, CN_NUMBER, SCALE
from reviewer.model import Kind

# a sign the scanner leaves outside a figure ("负5%" is a figure of 5%)
MINUS = ("-", "−", "－", "负")
PLUS = ("+", "＋", "正")
# largest scale first; a value is written with a scale only where that keeps it short and exact
WRITTEN_SCALES = (("亿", Decimal(100_000_000)), ("万", Decimal(10_000)))
WRITTEN_DECIMALS = 2
# kinds that are a ratio or a rank, never an amount: a value cannot move between them and amounts
# by a unit alone ('65,000,000,000 %'), and '650亿' typed on one of them is a quantity
RATIO_KINDS = frozenset({Kind.PERCENT, Kind.PP, Kind.MULTIPLE, Kind.FRACTION, Kind.RANK})


@dataclass(frozen=True)
class TypedValue:
    value: Decimal
    unit: str | None = None  # None: the text named no unit ("650亿")
    kind: Kind | None = None  # None: the text says nothing about the kind


def read_typed_value(text: str) -> TypedValue | None:
    """The value (scale applied), unit and kind of what was typed; None when it is not one
    value (empty, a word, a range, two numbers)."""
    plain = (text or "").strip().translate(FULLWIDTH).replace(",", "").replace("，", "")
    sign = Decimal(1)
    if plain.startswith(MINUS):
        sign, plain = Decimal(-1), plain[1:]
    elif plain.startswith(PLUS):
        plain = plain[1:]
    if not plain:
        return None
    typed = _as_figure(plain) or _as_number(plain)
    if typed is None:
        return None
    return TypedValue(sign * typed.value, typed.unit, typed.kind)


def _as_figure(text: str) -> TypedValue | None:
    """What the engine reads as one whole figure: '80.6亿美元', '三成', '12.5%', '3个百分点'."""
    found = figures_only(scan(text))
    if len(found) != 1:
        return None
    figure = found[0]
    if (figure.start, figure.end) != (0, len(text)) or figure.value is None or figure.value_high is not None:
        return None
    return TypedValue(figure.value, figure.unit, figure.kind)


def _as_number(text: str) -> TypedValue | None:
    """A number the engine does not take for a figure on its own: digits or Chinese numerals,
    a scale word ('650亿', '1.5万', '两千万'), and at most a unit from the lexicon after it."""
    match = ARABIC_NUMBER.match(text) if text[0].isdigit() else None
    if match is not None:
        # a typed value is never an identifier: as many digits as were typed (0.333…, 28 of them)
        value = parse_arabic(match.group()) or _exact(match.group())
        rest = text[match.end() :]
    else:
        cn = CN_NUMBER.match(text)
        if cn is None:
            return None
        value = parse_chinese(cn.group())
        rest = text[cn.end() :]
    if value is None:
        return None
    scale = SCALE.match(rest)
    if scale is not None:
        factor = scale_factor(scale.group())
        if factor is None:
            return None
        value *= factor
        rest = rest[scale.end() :]
    if not rest:
        return TypedValue(value)
    unit = default_lexicon().unit_at(rest, 0)
    if unit is None or unit.written != rest:
        return None
    return TypedValue(value, unit.unit, Kind(unit.kind))


def unit_contradicts_kind(kind: Kind, unit: str | None) -> bool:
    """A unit of the lexicon, written as it is there, whose kind cannot be the value's: a ratio's
    unit on an amount or an amount's on a ratio ('65,000,000,000 %'). A unit the lexicon does not
    know says nothing."""
    known = default_lexicon().unit_at(unit, 0) if unit else None
    if known is None or known.written != unit:
        return False
    unit_kind = Kind(known.kind)
    return kind is not unit_kind and (kind in RATIO_KINDS or unit_kind in RATIO_KINDS)


def _exact(digits: str) -> Decimal | None:
    try:
        return Decimal(digits)
    except ArithmeticError:
        return None


def written_value(value: Decimal | None) -> str:
    """8060000000 -> '80.6亿', 15000 -> '1.5万', 1425918 -> '1425918', 12.5 -> '12.5': with the
    largest scale the value reaches when that keeps it exact with at most two decimals (as
    reports write amounts), else in plain digits; never an exponent or a float's tail."""
    if value is None:
        return ""
    for word, factor in WRITTEN_SCALES:
        if abs(value) >= factor:
            scaled = value / factor
            if scaled == round(scaled, WRITTEN_DECIMALS):
                return _plain(scaled) + word
            break
    return _plain(value)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
