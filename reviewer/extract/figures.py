"""Turning a finished Reading (or a date span) into the Figure the engine returns."""

from __future__ import annotations

from reviewer.extract import names, reasons
from reviewer.extract.dates import DateSpan
from reviewer.extract.reading import Reading
from reviewer.extract.rules import ContextRules
from reviewer.model import Figure, Kind


class FigureMaker:
    def __init__(self, text: str, rules: ContextRules):
        self.text = text  # the original text: figures quote it, not its width-normalized copy
        self.rules = rules

    def date(self, span: DateSpan) -> Figure:
        return Figure(
            span.start,
            span.end,
            self.text[span.start : span.end],
            Kind.DATE,
            period=span.period,
            confidence=0.9,
            reasons=(reasons.DATE,),
        )

    def finish(self, reading: Reading) -> tuple[list[Figure], int]:
        """The figure of reading, and where the scan goes on."""
        rules = self.rules
        if names.is_a_name(rules.norm, reading, rules):
            return [], reading.end  # "5年期", "成立50周年系列活动", "“辉煌七公里”" (names.py)
        if reading.unit == "位" and reading.kind == "quantity" and rules.is_place_in_ranking(reading):
            reading.kind = "rank"
            reading.reasons.append(reasons.RANKING)
            if reading.start and rules.norm.startswith("前", reading.start - 1):
                reading.start -= 1  # "前10位"
        if reading.kind == "quantity" and rules.is_duration_period(reading):
            return [self.date(DateSpan(reading.start, reading.end, None))], reading.end
        confidence = reading.confidence
        why = list(reading.reasons)
        if reasons.MAY_BE_NAME in why:
            confidence = min(confidence, 0.5)
        if reasons.UNIT_SHARED in why:
            confidence = min(confidence, 0.75)
        figure = Figure(
            start=reading.start,
            end=reading.end,
            text=self.text[reading.start : reading.end],
            kind=Kind(reading.kind),
            value=reading.value,
            value_high=reading.value_high,
            unit=reading.unit,
            approx=self._as_written(reading.approx, reading.start, reading.end),
            confidence=confidence,
            reasons=tuple(why),
        )
        return [figure], reading.end

    def _as_written(self, approx: str | None, start: int, end: int) -> str | None:
        """The qualifier as the text writes it ('約' where the scanner's copy reads '约'): found
        just before the span, just after it or inside it, at the same offsets in both texts."""
        if not approx:
            return approx
        norm, n = self.rules.norm, len(approx)
        for at in (start - n, end):
            if 0 <= at and norm.startswith(approx, at):
                return self.text[at : at + n]
        inside = norm.find(approx, start, end)
        return self.text[inside : inside + n] if inside >= 0 else approx
