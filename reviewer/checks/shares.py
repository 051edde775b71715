"""Shares: the shares of one whole add up to 100% (a ratio sequence 21.3∶41.6∶37.1 under a
structure word, or the shares of every part of a whole of resources/checks/partitions.tsv), and
a share stated with its part and its total (X占Y的比重为Z%) is their quotient."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from reviewer.checks.intervals import Interval, half_step, interval
from reviewer.checks.model import CheckDocument, CheckFigure, Finding
from reviewer.checks.sums_common import (
    Partition,
    additive,
    bare,
    clause_before,
    gap,
    gap_finding,
    named,
    partitions,
    passages_of,
    total_of,
    written_like,
)
from reviewer.i18n import _
from reviewer.model import Kind

WHOLE_RULE = "shares-whole"
PART_RULE = "share-part-total"
HUNDRED = Decimal(100)
RATIO_MARKS = ("∶", ":", "：")
# a ratio whose parts add up this far from 100 is not in percent (1∶2∶3): left alone
PERCENT_SUMS = Interval(Decimal(50), Decimal(150))
ROUNDING_POINTS = Decimal("0.5")  # shares missing 100 by this much beyond rounding: a note
SHARE_CHANGES = ("占",)
SHARE_INDICATOR_WORDS = ("比重", "占比")
SENTENCES_AROUND = 3
_AFTER_SHARE = re.compile(r"占(?!比)")
_WHOLE_ENDS = ("的比重", "的比例", "的份额", "比重", "比例", "份额", "的")
_TO_THE_SHARE = re.compile(r"(?:已|由|将)?(?:为|达到|达|提高到|提升到|上升到|升至|是)?")
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z（）()]{2,30}")


def whole_named(before: str) -> str | None:
    """Y of "X占Y的比重为" that ends `before` (the text up to the share), or None."""
    openings = list(_AFTER_SHARE.finditer(before))
    if not openings:
        return None
    rest = before[openings[-1].end() :]
    ends = [(rest.find(word), -len(word), word) for word in _WHOLE_ENDS if word in rest]
    if not ends:
        return None
    at, _length, word = min(ends)  # the first end, and there the longest word (的比重, not 的)
    whole, tail = rest[:at], rest[at + len(word) :]
    if not _NAME.fullmatch(whole) or not _TO_THE_SHARE.fullmatch(tail):
        return None
    return whole


def shares_whole(document: CheckDocument) -> Iterator[Finding]:
    from reviewer.checks.shares_ratios import ratio_sequences  # it writes its findings with ours

    yield from ratio_sequences(document)
    yield from _partition_shares(document)


def _against_hundred(shares: Sequence[CheckFigure], whole: str) -> Finding | None:
    if any(f.value is None or f.value_high is not None for f in shares):
        return None
    summed = total_of(shares)
    written = sum((f.value for f in shares if f.value is not None), Decimal(0))
    if summed is None or not summed.bounded:
        return None
    places = max(len(f.text.rstrip("%％").partition(".")[2]) for f in shares)
    return hundred_finding(shares, [f.text for f in shares], summed, written, places, whole)


def hundred_finding(
    figures: Sequence[CheckFigure],
    shown: Sequence[str],
    summed: Interval,
    written: Decimal,
    places: int,
    whole: str,
) -> Finding | None:
    """A finding where shares (their sum `summed` at their precision, `written` as written) cannot
    add up to 100; None where they can or where they are not in percent at all."""
    if not PERCENT_SUMS.contains(written):
        return None
    missing = gap(summed, Interval.exact(HUNDRED))
    if not missing:
        return None
    fields = {
        "whole": whole,
        "shares": " + ".join(shown),
        "sum": format(written.quantize(Decimal(1).scaleb(-places)), "f"),
    }
    return gap_finding(
        WHOLE_RULE,
        missing <= ROUNDING_POINTS,
        _(
            "shares of {whole} {shares} add up to {sum}, a little off 100: official statistics "
            "round each share and do not adjust them to add up",
            **fields,
        ),
        _("shares of {whole} {shares} add up to {sum}, not 100", **fields),
        tuple(figures),
        {"sum": str(written), "gap": str(missing)},
    )


def _is_share(figure: CheckFigure) -> bool:
    if figure.kind is not Kind.PERCENT or figure.value_high is not None:
        return False
    change, indicator = figure.change or "", figure.indicator or ""
    return any(w in change for w in SHARE_CHANGES) or any(w in indicator for w in SHARE_INDICATOR_WORDS)


def _partition_shares(document: CheckDocument) -> Iterator[Finding]:
    shares = [f for f in document.figures if _is_share(f)]
    if len(shares) < 2:
        return
    passages = passages_of(document)
    for partition in partitions():
        named_parts = [(f, partition.part_of(f.indicator)) for f in shares]
        candidates = [
            (f, part) for f, part in named_parts if part is not None and _of_the_whole(document.text, f, partition)
        ]
        used: set[int] = set()
        for n, (first, part) in enumerate(candidates):
            if part != 0 or n in used:
                continue
            paragraph, sentence = passages.paragraph(first.start), passages.sentence(first.start)
            found: dict[int, list[CheckFigure]] = {}
            for m in range(n, len(candidates)):
                figure, index = candidates[m]
                if passages.paragraph(figure.start) != paragraph:
                    break
                if passages.sentence(figure.start) > sentence + SENTENCES_AROUND:
                    break
                if m > n and index == 0:
                    break  # the next set begins
                if figure.period == first.period:
                    found.setdefault(index, []).append(figure)
                    used.add(m)
            if len(found) == len(partition.parts) and all(len(group) == 1 for group in found.values()):
                whole = partition.whole[0]
                finding = _against_hundred([found[i][0] for i in range(len(found))], whole)
                if finding is not None:
                    yield finding


def _of_the_whole(text: str, share: CheckFigure, partition: Partition) -> bool:
    """A share of the partition's whole, or of none named (占比): 第一产业占全省的比重 is a share of
    the province's first industry, and the shares of such parts need not add up to 100."""
    whole = whole_named(clause_before(text, share.start, 80))
    return whole is None or partition.is_whole(whole)


def share_part_total(document: CheckDocument) -> Iterator[Finding]:
    text = document.text
    passages = passages_of(document)
    levels = [f for f in document.figures if additive(f)]
    for share in document.figures:
        if share.kind is not Kind.PERCENT or share.value_high is not None or not share.indicator:
            continue
        whole_name = whole_named(clause_before(text, share.start, 80))
        if whole_name is None:
            continue
        earlier = [
            f
            for f in levels
            if f.end <= share.start
            and passages.paragraph(f.start) == passages.paragraph(share.start)
            and passages.sentence(f.start) >= passages.sentence(share.start) - SENTENCES_AROUND
            and f.period == share.period
        ]
        part = _nearest(earlier, share.indicator)
        whole = _nearest(earlier, whole_name)
        if part is None or whole is None or part is whole or part.unit != whole.unit:
            continue
        finding = _share_finding(share, part, whole)
        if finding is not None:
            yield finding


def _nearest(figures: Sequence[CheckFigure], name: str) -> CheckFigure | None:
    """The last figure named `name` (the same value stated again is the same figure); None where
    two differ."""
    wanted = bare(name)
    matching = [f for f in figures if f.indicator and bare(f.indicator) == wanted]
    if not matching:
        return None
    last = matching[-1]
    if any(f.value != last.value for f in matching):
        return None
    return last


def _share_finding(share: CheckFigure, part: CheckFigure, whole: CheckFigure) -> Finding | None:
    stated, of_part, of_whole = interval(share), interval(part), interval(whole)
    if stated is None or of_part is None or of_whole is None:
        return None
    if not (of_part.bounded and of_whole.bounded and stated.bounded) or of_part.low < 0 or of_whole.low <= 0:
        return None
    quotient = Interval(of_part.low / of_whole.high * HUNDRED, of_part.high / of_whole.low * HUNDRED)
    if quotient.meets(stated) or part.value is None or whole.value is None or not whole.value:
        return None
    ratio = part.value / whole.value * HUNDRED
    fields = {"share": share.text, "part": named(part), "whole": named(whole), "ratio": _shown_quotient(ratio, share)}
    return gap_finding(
        PART_RULE,
        # within one unit of the share's last digit: rounded apart, or cut (占40% for 40.7%), a note
        gap(quotient, stated) <= 2 * half_step(share),
        _(
            "{share} is stated as the share of {part} in {whole}, and their quotient is {ratio}: "
            "the share is rounded loosely",
            **fields,
        ),
        _("{share} is stated as the share of {part} in {whole}, but their quotient is {ratio}", **fields),
        (share, part, whole),
        {"quotient": str(ratio), "stated": str(share.value)},
    )


def _shown_quotient(ratio: Decimal, share: CheckFigure) -> str:
    """The quotient written as the share is, one more decimal where that would read the same."""
    shown = written_like(ratio, share)
    return written_like(ratio, share, 1) if shown == share.text else shown
