"""Growth and multiples against the levels they relate (由A增加到B，增长Z%; 350万吨，比上年增加20
万吨，增长6.1%; 由A增加到B，翻了一番). Conventions: 增长Z% means B = A × (1 + Z%); 年均增长 is compound
over the years between the two levels' periods; 翻N番 means B = A × 2^N; 增长N倍 means B = A × (N+1)
and so 是N+1倍."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reviewer.checks.intervals import Interval, interval, power, ratio
from reviewer.checks.model import CheckDocument, CheckFigure, Finding, Severity
from reviewer.checks.relations import Change, Sentence, between, leads, pattern, same_measure, words
from reviewer.checks.sides import LEVEL_KINDS, clause_before, comparable_basis, in_list, is_increment, side
from reviewer.i18n import _
from reviewer.model import Kind

ONE = Decimal(1)
HUNDRED = Decimal(100)
SLIP_ORDER = (Decimal(10) ** 4, Decimal(10) ** 8, Decimal(10) ** 3)  # 万/亿 slips are the common ones
GUESSED_YEARS_SLACK = Decimal("0.01")  # a point of growth: the nearest count of years is a guess
TENFOLD = Decimal(10)
HALF, ONE_AND_HALF, SLACK = Decimal("0.5"), Decimal("1.5"), Decimal("0.02")


def _percent(found: Interval) -> str:
    return f"{(found.middle * HUNDRED):.1f}%"


@dataclass(frozen=True)
class Implied:
    """The growth the two levels give, and over how many years (for a yearly average)."""

    growth: Interval
    years: int = 1
    how: str = "levels"  # levels | dates (2020年…2023年) | words (五年来) | guessed (1 to 20 years)


def _implied_growth(document: CheckDocument, change: Change, words_between: str, stated: Interval) -> Implied | None:
    """B / A - 1, or for a yearly average the compound growth over the years between the levels;
    where the years are not known, the count of 1 to 20 that comes nearest the stated growth."""
    a, b = interval(change.first), interval(change.second)
    if a is None or b is None:
        return None
    levels = ratio(b, a)
    if levels is None:
        return None
    if not _average(words_between):
        return Implied(Interval(levels.low - ONE, levels.high - ONE))
    counts, how = _year_choices(document, change)
    best: Implied | None = None
    for years in counts:
        yearly = power(levels, Interval.exact(ONE / years))
        if yearly is None:
            continue
        found = Implied(Interval(yearly.low - ONE, yearly.high - ONE), years, how)
        if best is None or _gap(found.growth, stated) < _gap(best.growth, stated):
            best = found
    return best


def _gap(found: Interval, other: Interval) -> Decimal:
    return max(found.low - other.high, other.low - found.high, Decimal(0))


def _average(words_between: str) -> bool:
    return any(word in words_between for word in words()["average"])


_SPAN = re.compile(r"(?:过去|近)?([一二两三四五六七八九十\d]{1,3})年(?:来|间|里|中|以来)")
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _year_choices(document: CheckDocument, change: Change) -> tuple[list[int], str]:
    """The years between the two levels: from the dates stated with them (2020年…2023年), from
    the paragraph's words (五年来, 过去5年, a five-year plan's “十三五”), else every count of 1 to 20."""
    stated_years = {date.period for date in change.sentence.dates}
    years = _years(change.first, change.second)
    if years is not None and {change.first.period, change.second.period} <= stated_years:
        return [years], "dates"
    paragraph = document.text.rfind("\n", 0, change.first.start) + 1
    before = document.text[paragraph : change.first.start]
    spans = [count for count in (_count(m.group(1)) for m in _SPAN.finditer(before)) if count]
    if spans:
        return [spans[-1]], "words"
    if any(word in before for word in words()["plan_period"]):
        return [5], "words"
    return list(range(1, 21)), "guessed"


def _years(first: CheckFigure, second: CheckFigure) -> int | None:
    """The years between two levels' periods where both are whole years (2020 -> 2023: 3)."""
    if not (
        first.period
        and second.period
        and re.fullmatch(r"\d{4}", first.period)
        and re.fullmatch(r"\d{4}", second.period)
    ):
        return None
    years = int(second.period) - int(first.period)
    return years if years > 0 else None


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 1:
        return _NUMERALS.get(text)
    if text.startswith("十"):
        return 10 + _NUMERALS.get(text[1], 0)
    return None


def _stated(growth: CheckFigure, verb: str) -> Interval | None:
    found = interval(growth)
    if found is None or not found.bounded:
        return None
    # a rate may be cut rather than rounded (10.77% written 10.7%): up to a whole last step more
    found = Interval(found.low, found.high + (found.high - found.low) / 2).scaled(ONE / HUNDRED)
    return found.scaled(Decimal(-1)) if verb and pattern("fall").fullmatch(verb) else found


def _growth_after(document: CheckDocument, change: Change) -> tuple[CheckFigure, str, str] | None:
    """The growth figure right after B, its verb and the words between."""
    if not change.after or change.after[0].kind is not Kind.PERCENT:
        return None
    growth = change.after[0]
    words_between = between(document, change.sentence, change.second.end, growth.start)
    verb = pattern("growth").fullmatch(words_between)
    if verb is None:
        return None
    return growth, verb.group(1), words_between


def _growth_missed(
    document: CheckDocument, change: Change, found: tuple[CheckFigure, str, str]
) -> tuple[Interval, Implied] | None:
    """The growth as stated and the growth the two levels imply, where the two do not meet; None
    where they meet or either cannot be read."""
    growth, verb, words_between = found
    stated = _stated(growth, verb)
    if stated is None:
        return None
    implied = _implied_growth(document, change, words_between, stated)
    if implied is None or implied.growth.meets(stated):
        return None
    return stated, implied


def from_levels(document: CheckDocument, change: Change) -> Iterator[Finding]:
    found = _growth_after(document, change)
    missed = _growth_missed(document, change, found) if found is not None else None
    if found is None or missed is None:
        return
    growth, _verb, words_between = found
    stated, implied = missed
    if _slipped(document, change, stated, words_between):
        return
    if implied.how == "guessed" and _gap(implied.growth, stated) <= GUESSED_YEARS_SLACK:
        return  # some count of years comes near: the years are not known, so it may hold
    yield _growth_finding(change.first, change.second, growth, implied, words_between)


def _growth_finding(
    first: CheckFigure, second: CheckFigure, growth: CheckFigure, implied: Implied, words_between: str
) -> Finding:
    sides = {"growth": side(growth), "first": first.text, "second": second.text, "implied": _percent(implied.growth)}
    if comparable_basis(first.indicator, second.indicator, growth.indicator, words_between):
        severity = Severity.NOTE
        message = _(
            "growth {growth} differs from the levels {first} and {second} (they give {implied}); "
            "this indicator's growth is computed on a comparable basis",
            **sides,
        )
    elif implied.how in ("words", "guessed"):
        severity = Severity.WARNING
        message = _(
            "yearly growth {growth} does not match the levels {first} and {second} over {years} years "
            "(they give {implied}; the years are read from the text around them)",
            years=implied.years,
            **sides,
        )
    else:
        severity = Severity.ERROR
        message = _("growth {growth} does not match the levels {first} and {second} (they give {implied})", **sides)
    return Finding("growth-levels", severity, message, (growth, first, second), details=_growth_details(implied))


def _growth_details(implied: Implied) -> dict:
    """The computed side, for `reviewer check --json`."""
    return {"implied": _percent(implied.growth), "years": implied.years, "years_from": implied.how}


def _slipped(document: CheckDocument, change: Change, stated: Interval, words_between: str) -> Decimal | None:
    """The power of ten (万 for 亿 first) by which one level is off: the levels as written are
    nowhere near the growth, and undoing the slip brings them near it (within half the growth and
    two points: the slip is the clear error, not the rounding)."""
    a, b = interval(change.first), interval(change.second)
    if a is None or b is None:
        return None
    loose = Interval(
        min(stated.low * HALF, stated.low * ONE_AND_HALF) - SLACK + ONE,
        max(stated.high * HALF, stated.high * ONE_AND_HALF) + SLACK + ONE,
    )
    counts = _year_choices(document, change)[0] if _average(words_between) else [1]

    def near(top: Interval, bottom: Interval) -> bool:
        levels = ratio(top, bottom)
        if levels is None:
            return False
        for years in counts:
            yearly = power(levels, Interval.exact(ONE / years))
            if yearly is not None and yearly.meets(loose):
                return True
        return False

    if near(b, a):
        return None
    for scale in SLIP_ORDER:
        if near(b.scaled(scale), a) or near(b, a.scaled(scale)):
            return scale
    return None


def scale_slips(document: CheckDocument, change: Change) -> Iterator[Finding]:
    found = _growth_after(document, change)
    if found is None:
        yield from _against_direction(change)
        return
    missed = _growth_missed(document, change, found)
    if missed is None:
        return
    growth, _verb, words_between = found
    stated = missed[0]
    scale = _slipped(document, change, stated, words_between)
    if scale is None:
        return
    yield _slip_finding(
        _(
            "{second} and {first} are a factor of {scale} apart from what growth {growth} gives (万/亿 slip?)",
            growth=growth.text,
            **_slip_sides(change, scale),
        ),
        (change.second, change.first, growth),
        scale,
    )


def _slip_sides(change: Change, scale: Decimal) -> dict[str, str]:
    """How a scale-slip message names the level that slipped, the other level and the power of ten."""
    return {"second": side(change.second), "first": change.first.text, "scale": format(scale.normalize(), "f")}


def _slip_finding(message: str, figures: tuple[CheckFigure, ...], scale: Decimal) -> Finding:
    """A scale-slip finding (a warning: the slip is likely, not certain), with the power of ten."""
    return Finding("scale-slip", Severity.WARNING, message, figures, details={"scale": str(scale)})


def _against_direction(change: Change) -> Iterator[Finding]:
    """由100亿元增加到120万元: a rise to a level a thousandth of the first (or a fall to a
    thousand times it) cannot be; undoing a power of ten makes it a rise (fall) of less than tenfold."""
    a, b = interval(change.first), interval(change.second)
    if a is None or b is None:
        return
    levels = ratio(b, a)
    if levels is None:
        return
    for scale in SLIP_ORDER:
        undone = levels.scaled(ONE / scale if change.falls else scale)
        if change.falls and levels.low > ONE and ONE / TENFOLD < undone.low and undone.high < ONE:
            break
        if not change.falls and levels.high < ONE and ONE < undone.low and undone.high < TENFOLD:
            break
    else:
        return
    yield _slip_finding(
        _(
            "{second} is a factor of about {scale} off from {first}, against the change stated (万/亿 slip?)",
            **_slip_sides(change, scale),
        ),
        (change.second, change.first),
        scale,
    )


def from_increment(document: CheckDocument, sentence: Sentence) -> Iterator[Finding]:
    """350万吨，比上年增加20万吨，增长6.1%: the growth is 20 / (350 - 20)."""
    figures = sentence.figures
    for i in range(len(figures) - 2):
        level, step, growth = figures[i], figures[i + 1], figures[i + 2]
        if level.kind not in LEVEL_KINDS or not same_measure(level, step) or growth.kind is not Kind.PERCENT:
            continue
        if is_increment(document, sentence, level) or in_list(document, sentence, level):
            continue
        step_verb = leads(document, sentence, level, step, "increment")
        words_between = between(document, sentence, step.end, growth.start)
        growth_verb = pattern("growth").fullmatch(words_between)
        if step_verb is None or growth_verb is None:
            continue
        falls = bool(pattern("fall").fullmatch(step_verb.group(1)))
        if falls != bool(pattern("fall").fullmatch(growth_verb.group(1))):
            continue
        if any(word in words_between for word in words()["average"]):
            continue
        whole, part, rate = interval(level), interval(step), _stated(growth, "")
        if whole is None or part is None or rate is None:
            continue
        base = whole + part if falls else whole - part
        implied = ratio(part, base)
        if implied is None or implied.meets(rate):
            continue
        yield _growth_finding(step, level, growth, Implied(implied), words_between)


def multiple_of_levels(document: CheckDocument, change: Change) -> Iterator[Finding]:
    """由A增加到B，翻了一番 (B = A × 2^N) / 增长N倍 (B = A × (N+1)) / 是A的N倍 (B = A × N)."""
    times = change.after[0]
    if times.kind is not Kind.MULTIPLE or change.falls:
        return
    a, b, n = interval(change.first), interval(change.second), interval(times)
    if a is None or b is None or n is None or not n.bounded:
        return
    if times.unit == "番" and leads(document, change.sentence, change.second, times, "double"):
        expected = power(Interval.exact(Decimal(2)), n)
        convention = _("翻N番 means ×2^N")
    elif times.unit == "倍" and leads(document, change.sentence, change.second, times, "times_growth"):
        expected = Interval(n.low + ONE, n.high + ONE)
        convention = _("增长N倍 means ×(N+1)")
    elif times.unit == "倍" and leads(document, change.sentence, change.second, times, "times"):
        expected = n
        convention = _("是N倍 means ×N")
    else:
        return
    levels = ratio(b, a)
    if expected is None or levels is None or levels.meets(expected):
        return
    yield Finding(
        "multiples",
        Severity.ERROR,
        _(
            "{times} does not match the levels {first} and {second} (a ratio of {ratio}; {convention})",
            times=side(times),
            first=change.first.text,
            second=change.second.text,
            ratio=f"{levels.middle:.2f}",
            convention=convention,
        ),
        (times, change.first, change.second),
        details={"ratio": f"{levels.middle:.4f}", "convention": convention},
    )


def times_and_growth(document: CheckDocument, sentence: Sentence) -> Iterator[Finding]:
    """是上年的3倍，增长2倍 (or the other way round): 是N+1倍 = 增长N倍."""
    figures = sentence.figures
    for first, second in zip(figures, figures[1:], strict=False):
        if first.kind is not Kind.MULTIPLE or second.kind is not Kind.MULTIPLE:
            continue
        if first.unit != "倍" or second.unit != "倍":
            continue
        before = clause_before(document, sentence, first).replace("的", "")
        if leads(document, sentence, first, second, "times_growth") and _said_times(before):
            whole, grown = first, second
        elif leads(document, sentence, first, second, "times") and re.search(
            rf"(?:{pattern('rise').pattern})了?$", before
        ):
            whole, grown = second, first
        else:
            continue
        w, g = interval(whole), interval(grown)
        if w is None or g is None or not (w.bounded and g.bounded):
            continue
        if w.meets(Interval(g.low + ONE, g.high + ONE)):
            continue
        yield Finding(
            "multiples",
            Severity.ERROR,
            _(
                "growth {grown} does not match the multiple {whole} ({convention})",
                grown=side(grown),
                whole=whole.text,
                convention=_("增长N倍 means ×(N+1)"),
            ),
            (grown, whole),
        )


def _said_times(before: str) -> bool:
    """是上年的 / 相当于2010年的 before a multiple (dates are figures, so only the words are left)."""
    return any(re.search(rf"{re.escape(word)}[^，,、]{{0,12}}$", before) for word in words()["times"])
