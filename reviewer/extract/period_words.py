"""The word lists periods are resolved by, read from resources/lexicons (and the user's lexicon
folders, like every other list): period_cues.tsv (roles of words around a figure),
plan_periods.tsv (十四五 -> 2021/2025), year_parts.tsv (上半年 -> months 1-6) and
document_kinds.tsv (工作报告, 统计公报 ...)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reviewer.display import shown
from reviewer.extract.lexicon import ROLE, Lexicon, Row, _rows, by_length
from reviewer.i18n import _

CUE_ROLES = (
    "context_year",
    "base",
    "base_after",
    "occasion",
    "same_period",
    "current",
    "run",
    "average",
    "cumulative",
    "since",
    "since_before",
    "until",
    "stretch_before",
    "stretch_after",
    "window",
    "no_time_before",
    "no_time_after",
    "no_time_lead",
    "no_time_clause",
    "no_time_unit",
    "no_time_named",
    "level_from",
    "level_to",
    "threshold",
    "reporting_period",
    "continues",
    "plan_last",
    "plan_first",
    "duration_told",
    "year_after",
    "capability",
    "current_opening",
    "plan_review",
)
DOCUMENT_KINDS = ("work_report", "address", "communique", "annual", "day_report")


@dataclass(frozen=True)
class PeriodWords:
    cues: dict[str, tuple[str, ...]]  # role -> words, longest first
    plans: dict[str, tuple[int, int]]  # 十四五 -> (2021, 2025)
    kinds: dict[str, tuple[str, ...]]  # document kind -> words
    parts: dict[str, tuple[int, int]]  # 上半年 -> (1, 6)
    month_parts: dict[str, tuple[int, int]]  # 上半月 -> (1, 15); 0 is the month's last day

    def of(self, role: str) -> tuple[str, ...]:
        return self.cues.get(role, ())


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...]) -> PeriodWords:
    cues: dict[str, list[str]] = {role: [] for role in CUE_ROLES}
    for row in _rows("period_cues.tsv", dirs, 2):
        cues[row.choice(1, ROLE, CUE_ROLES)].append(row.cells[0])
    plans: dict[str, tuple[int, int]] = {}
    for row in _rows("plan_periods.tsv", dirs, 3):
        plans[row.cells[0]] = _range(row, 1000, 9999)
    kinds: dict[str, list[str]] = {kind: [] for kind in DOCUMENT_KINDS}
    for row in _rows("document_kinds.tsv", dirs, 2):
        kinds[row.choice(1, ROLE, DOCUMENT_KINDS)].append(row.cells[0])
    parts: dict[str, tuple[int, int]] = {}
    for row in _rows("year_parts.tsv", dirs, 3):
        parts[row.cells[0]] = _range(row, 1, 12)
    month_parts: dict[str, tuple[int, int]] = {}
    for row in _rows("month_parts.tsv", dirs, 3):
        first, last = row.cells[1], row.cells[2]
        ok = first.isdigit() and last.isdigit() and int(first) <= 31 and int(last) <= 31
        if not ok or (int(last) and int(first) > int(last)) or (int(first) == 0 and int(last)):
            raise row.error(
                _(
                    "“{first}” to “{last}” is not a range from {low} to {high}",
                    first=shown(first, 20),
                    last=shown(last, 20),
                    low=0,
                    high=31,
                )
            )
        month_parts[row.cells[0]] = (int(first), int(last))
    return PeriodWords(
        {role: by_length(words) for role, words in cues.items()},
        plans,
        {kind: by_length(words) for kind, words in kinds.items()},
        parts,
        dict(sorted(month_parts.items(), key=lambda item: -len(item[0]))),
    )


def _range(row: Row, low: int, high: int) -> tuple[int, int]:
    """Columns 2 and 3 as a range within low..high (a plan's years, a part's months)."""
    first, last = row.cells[1], row.cells[2]
    if first.isdigit() and last.isdigit() and low <= int(first) <= int(last) <= high:
        return int(first), int(last)
    raise row.error(
        _(
            "“{first}” to “{last}” is not a range from {low} to {high}",
            first=shown(first, 20),
            last=shown(last, 20),
            low=low,
            high=high,
        )
    )


def period_words(lexicon: Lexicon) -> PeriodWords:
    return _load(tuple(lexicon.source_dirs))
