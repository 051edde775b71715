"""Writing the dataset: an .xlsx workbook a clerk is glad to receive, CSV (UTF-8 with BOM, so
Excel opens Chinese correctly) and JSON. Every file is written under a temporary name and moved
into place; document text never becomes a formula."""

from __future__ import annotations

import csv
import errno
import functools
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from reviewer.agreement import Agreement
from reviewer.checks.figure_data import figure_data
from reviewer.display import shown, shown_path
from reviewer.export.dataset import (
    AGREEMENT_COLUMNS,
    ALL_COLUMNS,
    APPROVED_COLUMNS,
    CHECK_COLUMNS,
    CUT_MARK,
    DOCUMENT_COLUMNS,
    LOG_COLUMNS,
    PRINTED,
    PRINTED_TABLES,
    SHEETS,
    TABLE_COLUMNS,
    CheckedFinding,
    ExportOptions,
    agreement_rows,
    check_rows,
    document_rows,
    documents,
    figure_rows,
    log_rows,
    plain,
)
from reviewer.export.printing import print_layout
from reviewer.export.tables import atomic_write, safe_cell
from reviewer.export.xlsx import WRAP_STYLE, Sheet, XlsxWriter, utf16_length
from reviewer.i18n import _
from reviewer.store import Project
from reviewer.textwidth import width

SUFFIXES = {"pp": '" pp"', "multiple": '"×"', "percent": "%"}
MAX_PERCENT_PLACES = 4


def number_format(value: Decimal, kind: str, unit: str | None = None) -> str:
    """Thousands separators and exactly the decimals the value has ('#,##0.00' for 258.64);
    percentages and fractions as a % format over a real proportion. A multiple shows × only
    in 倍: 翻1.16番 doubles 1.16 times, it is not 1.16×."""
    exponent = value.normalize().as_tuple().exponent
    if not isinstance(exponent, int):  # not a finite number
        return "General"
    if kind in ("percent", "fraction"):
        places = min(max(0, -exponent - 2), MAX_PERCENT_PLACES)  # 2/3 as 66.6667%, not 28 digits
        return "0" + ("." + "0" * places if places else "") + "%"
    places = max(0, -exponent)
    suffix = SUFFIXES.get(kind, "") if kind != "multiple" or unit in (None, "倍") else ""
    return "#,##0" + ("." + "0" * min(places, 10) if places else "") + suffix


MAX_WIDTH = 60
WIDTH_SAMPLE = 2000  # rows read ahead to size the columns
# Long text wraps in its column, on screen and on paper; for the page, these columns are narrowed
# down to these widths (the sentence, what a reader checks a figure against, stays widest).
WRAPPED = {
    "sentence": 40.0,
    "document": 12.0,
    "table": 12.0,
    "row_label": 8.0,
    "column_label": 8.0,
    "unit_source": 10.0,
    "indicator": 12.0,
    "change": 8.0,
    "period": 8.0,
    "note": 12.0,
    "source": 20.0,
    "reason": 20.0,
    "figure": 12.0,
    "old": 16.0,
    "new": 16.0,
    "finding": 40.0,
    "finding_figures": 12.0,
    "finding_reason": 16.0,
}
NUMERIC = frozenset(
    {
        "value",
        "original_value",
        "confidence",
        "figures",
        "pending",
        "confirmed",
        "corrected",
        "rejected",
        "share_reviewed",
        "both_decided",
        "agreement",
        "kappa",
        "alpha",
        "both_corrected",
        "same_correction",
    }
)
SHARES = frozenset({"agreement", "same_correction"})  # the agreement sheet's proportions, as %
COEFFICIENTS = frozenset({"kappa", "alpha"})
TICK = 500  # rows between progress reports (and looks at the cancel button)


class ExportError(Exception):
    """str() names the destination and says what to do."""


class ExportCancelled(ExportError):
    """The reviewer cancelled; the destination is as it was."""


class Ticker:
    """Counts rows written; now and then reports progress and raises ExportCancelled when asked."""

    def __init__(
        self,
        total: int,
        output: Path,
        progress: Callable[[int, int], object] | None,
        cancelled: Callable[[], bool] | None,
    ):
        self.total, self.done = max(1, total), 0
        self._output, self._progress, self._cancelled = output, progress, cancelled

    def tick(self) -> None:
        self.done += 1
        if self.done % TICK == 0:
            self.check()

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled(_("{path}: export cancelled; nothing was changed", path=shown_path(self._output)))
        if self._progress is not None:
            self.total = max(self.total, self.done)
            self._progress(self.done, self.total)


def export(
    project: Project,
    output: Path,
    options: ExportOptions | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
    checks: Sequence[CheckedFinding] | None = None,
    agreement: Agreement | None = None,
) -> int:
    """Write the export chosen by the file's extension; returns the number of figure rows.
    `checks`: the findings of the project's checks with their states (reviewer.commands.checking
    project_findings), for the sheet 核对/Checks and the JSON's "checks"; None: no such sheet.
    `agreement`: the reviewers' agreement (reviewer.commands.agreement project_agreement), for the
    .xlsx's sheet 一致性/Agreement where more than one reviewer decided; None: no such sheet.
    `progress(done, total)` is called now and then; when `cancelled()` turns true the export
    stops with ExportCancelled and any earlier file of that name is left as it was."""
    output = Path(output)
    options = options or ExportOptions()
    suffix = output.suffix.lower()
    writer = {".xlsx": _write_xlsx, ".csv": _write_csv, ".json": _write_json}.get(suffix)
    if writer is None:
        raise ExportError(
            _(
                "{path}: unknown export type {suffix}; use .xlsx, .csv or .json",
                path=shown_path(output),
                suffix=shown(repr(output.suffix)),
            )
        )
    events = project.events() if suffix != ".csv" and (suffix == ".json" or "log" in options.sheets) else []
    found = list(checks) if checks is not None and "checks" in options.sheets else None
    planned = _planned_rows(project, options, suffix, len(events)) + len(found or ())
    if suffix == ".xlsx" and agreement is not None and len(agreement.reviewers) > 1 and "agreement" in options.sheets:
        writer = functools.partial(_write_xlsx, agreement=agreement)
        planned += len(agreement.pairs) + 1
    ticker = Ticker(planned, output, progress, cancelled)
    counter = {"rows": 0}
    ticker.check()
    try:
        atomic_write(output, lambda tmp: writer(project, tmp, options, counter, ticker, events, found))
    except PermissionError as exc:
        raise ExportError(
            _(
                "{path}: cannot write here (permission denied, or the file is open in another program "
                "such as Excel). Close it or choose another name; nothing was changed.",
                path=shown_path(output),
            )
        ) from exc
    except OSError as exc:
        reason = _("the disk is full") if getattr(exc, "errno", None) == errno.ENOSPC else (exc.strerror or str(exc))
        raise ExportError(
            _(
                "{path}: the export could not be written ({reason}); any earlier file of that name is unchanged.",
                path=shown_path(output),
                reason=shown(reason),
            )
        ) from exc
    if progress is not None:
        progress(ticker.total, ticker.total)
    return counter["rows"]


def _planned_rows(project: Project, options: ExportOptions, suffix: str, events: int) -> int:
    """How many rows the export will write, for the progress bar."""
    chosen = documents(project, options)
    progress = project.progress_by_document()
    every = sum(progress[d.id].total for d in chosen if d.id in progress)
    in_states = sum(
        getattr(progress[d.id], state.value) for d in chosen if d.id in progress for state in options.states
    )
    if suffix == ".csv":
        return in_states
    if suffix == ".json":
        return in_states + len(chosen) + events
    rows = every if "all" in options.sheets else in_states if "approved" in options.sheets else 0
    if options.per_document and "approved" in options.sheets and "all" in options.sheets:
        rows += in_states
    return rows + (len(chosen) if "documents" in options.sheets else 0) + events


# -- xlsx --------------------------------------------------------------------------------------


def _write_xlsx(
    project: Project,
    tmp: Path,
    options: ExportOptions,
    counter: dict,
    ticker: Ticker,
    events: list,
    checks: list[CheckedFinding] | None = None,
    agreement: Agreement | None = None,
) -> None:
    approved, every = "approved" in options.sheets, "all" in options.sheets
    with XlsxWriter(tmp, cut_mark=options.translated(CUT_MARK)) as book:
        if approved and options.per_document:
            taken = fixed_sheet_names(options)
            for doc in documents(project, options):
                counter["rows"] += _sheet(
                    book,
                    sheet_name(doc.title, taken, fallback=f"#{doc.id}"),
                    APPROVED_COLUMNS,
                    figure_rows(project, options, options.states, [doc.id]),
                    options,
                    ticker,
                    PRINTED["approved"],
                )
            approved = False
        if approved or every:
            counter["rows"] += _figure_sheets(book, project, options, approved, every, ticker)
        if "documents" in options.sheets:
            _sheet(book, options.sheet("documents"), DOCUMENT_COLUMNS, document_rows(project, options), options, ticker)
        if checks is not None:
            _sheet(book, options.sheet("checks"), CHECK_COLUMNS, check_rows(checks, options), options, ticker)
        if agreement is not None:
            rows = agreement_rows(agreement, options)
            _sheet(book, options.sheet("agreement"), AGREEMENT_COLUMNS, rows, options, ticker)
        if "log" in options.sheets:
            _sheet(book, options.sheet("log"), LOG_COLUMNS, log_rows(project, options, events), options, ticker)


def _figure_sheets(
    book: XlsxWriter, project: Project, options: ExportOptions, approved: bool, every: bool, ticker: Ticker
) -> int:
    """The approved and the all-figures sheets from one pass over the figures: each figure is
    read and laid out once, and goes to one sheet or both."""
    rows = iter(figure_rows(project, options, None if every else options.states))
    head = list(itertools.islice(rows, WIDTH_SAMPLE))
    chosen = [r for r in head if r["_status"] in options.states]
    targets: list[tuple[Sheet, tuple[str, ...], bool]] = []
    if approved:
        targets.append(
            (
                _start(book, options.sheet("approved"), APPROVED_COLUMNS, chosen, options, PRINTED["approved"]),
                APPROVED_COLUMNS,
                True,
            )
        )
    if every:
        targets.append(
            (_start(book, options.sheet("all"), ALL_COLUMNS, head, options, PRINTED["all"]), ALL_COLUMNS, False)
        )
    count = 0
    for row in itertools.chain(head, rows):
        is_chosen = row["_status"] in options.states
        for sheet, columns, only_chosen in targets:
            if is_chosen or not only_chosen:
                _emit(book, sheet, columns, row, options)
                ticker.tick()
        count += is_chosen
    return count


def _sheet(
    book: XlsxWriter,
    title: str,
    columns: tuple[str, ...],
    rows,
    options: ExportOptions,
    ticker: Ticker,
    printed: int = 0,
) -> int:
    """Stream rows into one sheet; returns how many."""
    rows = iter(rows)
    head = list(itertools.islice(rows, WIDTH_SAMPLE))
    sheet = _start(book, title, columns, head, options, printed)
    count = 0
    for row in itertools.chain(head, rows):
        _emit(book, sheet, columns, row, options)
        ticker.tick()
        count += 1
    return count


def _start(
    book: XlsxWriter, title: str, columns: tuple[str, ...], sample: list[dict], options: ExportOptions, printed: int = 0
) -> Sheet:
    """Start a sheet with column widths fitted to the sample (a Chinese character is two
    columns) and laid out for paper: the first `printed` columns (0: all) on A4 landscape."""
    headers = [options.header(c) for c in columns]
    widths = [_header_width(h) for h in headers]
    for row in sample:
        for i, column in enumerate(columns):
            widths[i] = max(widths[i], _cell_width(*_cell(column, row, options)))
    numeric = [c in NUMERIC for c in columns]  # digits need no room for the wider CJK glyphs
    fitted = [min(MAX_WIDTH, w + 1 if number else w * 1.15 + 2) for w, number in zip(widths, numeric, strict=True)]
    floors = [WRAPPED.get(c) for c in columns]
    layout = print_layout(fitted, printed or len(columns), floors)
    with_tables = _printed(printed, columns, sample)
    if with_tables > printed:  # the table's columns too, if all of them fit beside the others
        wider = print_layout(fitted, with_tables, floors)
        layout = wider if wider.columns == with_tables else layout
    return book.start_sheet(title, headers, layout.widths, print_columns=layout.columns, print_scale=layout.scale)


def _printed(printed: int, columns: tuple[str, ...], sample: list[dict]) -> int:
    """The printed columns of a figure sheet, and the table, row and column after them when its
    sample holds a figure from a table."""
    placed = TABLE_COLUMNS[:PRINTED_TABLES]
    if printed and columns[printed : printed + PRINTED_TABLES] == placed:
        if any(row.get(c) for row in sample for c in placed):
            return printed + PRINTED_TABLES
    return printed


def _emit(book: XlsxWriter, sheet, columns: tuple[str, ...], row: dict, options: ExportOptions) -> None:
    values: list[object] = []
    styles: list[int] = []
    get = row.get
    for column in columns:
        value = get(column)
        if value is None or (type(value) is str and column != "kind"):  # the common cases, quickly
            values.append(value)
            styles.append(WRAP_STYLE if column in WRAPPED else 0)
            continue
        value, number_format = _cell(column, row, options)
        values.append(value)
        styles.append(WRAP_STYLE if column in WRAPPED and number_format is None else book.style_for(number_format))
    sheet.row(values, styles)


def _cell(column: str, row: dict, options: ExportOptions) -> tuple[object, str | None]:
    """A value as the sheet shows it, and its number format."""
    value = row.get(column)
    if value is None:
        return None, None
    if column == "kind":
        return options.kind_word(value), None
    if isinstance(value, bool):
        return ("✓" if value else None), None
    if isinstance(value, Decimal) and column in ("value", "original_value"):
        kind = row.get("kind") or "quantity"
        value = value / 100 if kind == "percent" else value  # a real percentage: 20.5% is 0.205
        return value, number_format(value, kind, row.get("unit"))
    if isinstance(value, Decimal) and column == "share_reviewed":
        return value, "0%"
    if isinstance(value, float) and column == "confidence":
        return value, "0.00"
    if isinstance(value, float) and column in SHARES:
        return value, "0.0%"
    if isinstance(value, float) and column in COEFFICIENTS:
        return value, "0.000"
    return value, None  # text, dates (the writer formats them) and plain numbers


def _header_width(header: str) -> int:
    """Headers wrap: a long one takes two lines rather than a wide column."""
    shown = width(header)
    return (shown if shown <= 10 else max(10, (shown + 1) // 2)) + 2


def _cell_width(value, number_format: str | None = None) -> int:
    """Display width of a cell as the sheet shows it (numbers in their format)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, Decimal) and value.is_finite():
        fmt = number_format or ""
        places = len(fmt.partition(".")[2].rstrip("%").split('"')[0])
        if fmt.endswith("%"):
            return len(f"{value * 100:,.{places}f}") + 3
        return len(f"{value:,.{places}f}") + len(fmt.partition('"')[2]) + 2
    return width(str(value))


SHEET_NAME_LIMIT = 31
NOT_IN_SHEET_NAMES = frozenset("[]:*?/\\")
RESERVED_SHEET_NAMES = ("History",)  # Excel keeps it for itself


def fixed_sheet_names(options: ExportOptions) -> set[str]:
    """The names of the workbook's own sheets, taken before any document's (compared casefolded)."""
    return {options.sheet(key).casefold() for key in SHEETS} | {n.casefold() for n in RESERVED_SHEET_NAMES}


def _fits(name: str, limit: int) -> str:
    while utf16_length(name) > limit:
        name = name[:-1]
    return name


def sheet_name(title: str, taken: set[str], fallback: str = "sheet") -> str:
    """A legal sheet name, unique among `taken` (casefolded, as Excel compares them; updated):
    none of []:*?/\\ or control characters, no apostrophe at either end, at most 31 characters."""

    def legal(text: str) -> str:
        text = "".join(c for c in text if c not in NOT_IN_SHEET_NAMES and c.isprintable())
        return text.strip().strip("'").strip()

    base = legal(_fits(legal(title), SHEET_NAME_LIMIT)) or legal(fallback) or "sheet"
    candidate, n = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = legal(_fits(base, SHEET_NAME_LIMIT - len(suffix))) + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


# -- csv and json ------------------------------------------------------------------------------


def _write_csv(
    project: Project,
    tmp: Path,
    options: ExportOptions,
    counter: dict,
    ticker: Ticker,
    events: list,
    checks: list[CheckedFinding] | None = None,
) -> None:
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([options.header(c) for c in ALL_COLUMNS])
        for row in figure_rows(project, options, options.states):
            writer.writerow([safe_cell(_csv_value(c, row, options)) for c in ALL_COLUMNS])
            counter["rows"] += 1
            ticker.tick()


def _csv_value(column: str, row: dict, options: ExportOptions):
    value = row.get(column)
    if isinstance(value, bool):
        return "1" if value else ""
    if column == "kind" and value is not None:
        return options.kind_word(value)
    value = plain(value)
    return "" if value is None else value


def _write_json(
    project: Project,
    tmp: Path,
    options: ExportOptions,
    counter: dict,
    ticker: Ticker,
    events: list,
    checks: list[CheckedFinding] | None = None,
) -> None:
    """{"figures": [...], "documents": [...], "log": [...]}, streamed a row at a time. Values are
    data (kinds and states as the program names them); reasons are in the export's language."""
    sections = (
        ("figures", figure_rows(project, options, options.states)),
        ("documents", document_rows(project, options)),
        *((("checks", _check_data(checks)),) if checks is not None else ()),
        ("log", log_rows(project, options, events)),
    )
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("{")
        for n, (name, rows) in enumerate(sections):
            fh.write(("," if n else "") + f'\n "{name}": [')
            for i, row in enumerate(rows):
                clean = {k: plain(v) for k, v in row.items() if not k.startswith("_")}
                fh.write(("," if i else "") + "\n  " + json.dumps(clean, ensure_ascii=False))
                if name == "figures":
                    counter["rows"] += 1
                ticker.tick()
            fh.write("\n ]")
        fh.write("\n}\n")


def _check_data(checks: list[CheckedFinding]) -> Iterator[dict]:
    """The findings as data (as `reviewer check --json` gives them, with the decision)."""
    for item in checks:
        yield {
            "key": item.key,
            "rule": item.rule,
            "severity": item.severity.value if item.severity is not None else None,
            "message": item.message,
            "document": item.document,
            "figures": [figure_data(f) for f in item.figures],
            "state": item.state,
            "reason": item.reason,
            "reviewer": item.reviewer,
        }
