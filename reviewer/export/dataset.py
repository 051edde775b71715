"""The curated dataset as rows: what every export format writes (plain Python).

Rows are produced as generators straight from the project, one document's text in memory at a
time, so a project of any size exports in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from reviewer import i18n
from reviewer.agreement import Agreement
from reviewer.i18n import N_
from reviewer.model import Status, json_number
from reviewer.sentences import ParagraphIndex, SentenceIndex
from reviewer.store import Project
from reviewer.store.records import Event, StoredDocument, StoredFigure

APPROVED = frozenset({Status.CONFIRMED, Status.CORRECTED})

HEADERS = {
    # key: (Chinese, English)
    "document": ("文档", "Document"),
    "doc_date": ("文档日期", "Document date"),
    "place": ("页码/段落", "Page or paragraph"),
    "table": ("表格", "Table"),
    "row_label": ("行", "Row"),
    "column_label": ("列", "Column"),
    "unit_source": ("单位来源", "Unit taken from"),
    "indicator": ("指标", "Indicator"),
    "change": ("变化", "Change"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "kind": ("类型", "Kind"),
    "period": ("时期", "Period"),
    "period_start": ("时期起", "Period start"),
    "period_end": ("时期止", "Period end"),
    "reporting": ("报告期", "Reporting period"),
    "approx": ("约数", "Approx"),
    "text": ("原文数字", "Figure as written"),
    "original_value": ("更正前原值", "Original value"),
    "sentence": ("所在句子", "Sentence"),
    "reviewer": ("核定人", "Reviewer"),
    "decided_at": ("核定时间", "Decided at"),
    "note": ("备注", "Note"),
    "status": ("状态", "State"),
    "confidence": ("置信度", "Confidence"),
    "reason": ("置信度依据", "Why this confidence"),
    "manual": ("手工添加", "Added by hand"),
    "orphaned": ("原文已无此数", "Figure no longer in text"),
    "figures": ("数字总数", "Figures"),
    "pending": ("待核", "Pending"),
    "confirmed": ("已确认", "Confirmed"),
    "corrected": ("已更正", "Corrected"),
    "rejected": ("已否决", "Rejected"),
    "share_reviewed": ("已核比例", "Share reviewed"),
    "source": ("来源文件", "Source file"),
    "at": ("时间", "Time"),
    "action": ("操作", "Action"),
    "figure": ("数字", "Figure"),
    "old": ("原值", "Old"),
    "new": ("新值", "New"),
    "finding": ("核对发现", "Finding"),
    "severity": ("严重程度", "Severity"),
    "rule": ("规则", "Rule"),
    "finding_figures": ("涉及数字", "Figures"),
    "state": ("处理状态", "State"),
    "finding_reason": ("理由", "Reason"),
    "first_reviewer": ("核定人1", "Reviewer 1"),
    "second_reviewer": ("核定人2", "Reviewer 2"),
    "both_decided": ("共同核定数", "Figures both decided"),
    "agreement": ("一致比例", "Percent agreement"),
    "kappa": ("Cohen κ系数", "Cohen's kappa"),
    "alpha": ("Krippendorff α系数", "Krippendorff's alpha"),
    "both_corrected": ("共同更正数", "Figures both corrected"),
    "same_correction": ("更正值与单位一致比例", "Same corrected value and unit"),
}
SHEETS = {
    "approved": ("已核定", "Approved"),
    "all": ("全部", "All figures"),
    "documents": ("文档", "Documents"),
    "checks": ("核对", "Checks"),
    "agreement": ("一致性", "Agreement"),
    "log": ("记录", "Audit log"),
}
# the overall row of the agreement sheet: its kappa is the mean of the pairs' (Light's kappa)
OVERALL_WORDS = ("全体（κ为各对平均）", "All reviewers (kappa: mean of the pairs')")
SEVERITY_WORDS = {"error": ("错误", "error"), "warning": ("警告", "warning"), "note": ("提示", "note")}
STATE_WORDS = {"open": ("待处理", "open"), "accepted": ("已接受", "accepted"), "resolved": ("已解决", "resolved")}
KIND_WORDS = {
    "money": ("金额", "money"),
    "quantity": ("数量", "quantity"),
    "percent": ("百分比", "percent"),
    "pp": ("百分点", "percentage points"),
    "multiple": ("倍数", "multiple"),
    "fraction": ("比例", "fraction"),
    "rank": ("排名", "rank"),
}
ACTION_WORDS = {
    "import": ("导入", "import"),
    "reimport": ("重新导入", "re-import"),
    "reextract": ("重新提取", "re-extract"),
    "date": ("更改文档日期", "change document date"),
    "decide": ("核定", "decide"),
    "settle": ("裁定", "settle (adjudicator's final decision)"),
    "assign": ("分配文档", "assign document"),
    "note": ("备注", "note"),
    "add": ("手工添加", "add by hand"),
    "finding": ("核对结论", "decision on a finding"),
    "reference": ("导入参照表", "import reference table"),
    "undo": ("撤销", "undo"),
    "redo": ("重做", "redo"),
}
CHANGE_WORDS = {  # the fields an audit-log line shows as old and new values
    "status": ("状态", "state"),
    "corrected_value": ("更正值", "corrected value"),
    "corrected_unit": ("更正单位", "corrected unit"),
    "corrected_kind": ("更正类型", "corrected kind"),
    "corrected_indicator": ("更正指标", "corrected indicator"),
    "note": ("备注", "note"),
    "reviewer": ("核定人", "reviewer"),
    "settled": ("定稿方式", "settled by"),
    "removed": ("已删除", "removed"),
    "orphaned": ("原文已无此数", "orphaned"),
    "source": ("来源文件", "source"),
    "figures": ("数字", "figures"),
    "kept": ("保留", "kept"),
    "new": ("新增", "new"),
    "removed_pending": ("删除待核", "pending removed"),
    "start": ("起点", "start"),
    "end": ("终点", "end"),
    "text": ("原文", "text"),
    "kind": ("类型", "kind"),
    "value": ("数值", "value"),
    "unit": ("单位", "unit"),
    "doc_date": ("文档日期", "document date"),
    "reporting_start": ("报告期起", "reporting period start"),
    "reporting_end": ("报告期止", "reporting period end"),
    "reporting_text": ("报告期", "reporting period"),
    "period": ("时期", "period"),
    "period_start": ("时期起", "period start"),
    "period_end": ("时期止", "period end"),
    "indicator": ("指标", "indicator"),
    "change": ("变化", "change"),
    "periods": ("时期改变", "periods changed"),
    "manual_kept": ("手工添加保留", "added by hand kept"),
    "key": ("核对发现", "finding"),
    "rule": ("规则", "rule"),
    "state": ("处理状态", "state"),
    "reason": ("理由", "reason"),
    "message": ("说明", "message"),
    "file": ("文件", "file"),
    "rows": ("行数", "rows"),
}
CUT_MARK = N_("…[cut]")  # ends a cell cut to what a spreadsheet holds
STATUS_WORDS = {
    Status.PENDING: ("待核", "pending"),
    Status.CONFIRMED: ("已确认", "confirmed"),
    Status.CORRECTED: ("已更正", "corrected"),
    Status.REJECTED: ("已否决", "rejected"),
}

# What a reader needs comes first: those columns are the printed ones (PRINTED), the others follow.
# A figure read from a table is found again by its table, row and column (empty for prose): on
# paper after the note, when the sheet holds table figures and there is room (PRINTED_TABLES).
TABLE_COLUMNS = ("table", "row_label", "column_label", "unit_source")
APPROVED_COLUMNS = (
    "document",
    "place",
    "indicator",
    "change",
    "value",
    "unit",
    "period",
    "text",
    "original_value",
    "sentence",
    "note",
    *TABLE_COLUMNS,
    "doc_date",
    "period_start",
    "period_end",
    "kind",
    "approx",
    "reviewer",
    "decided_at",
)
ALL_COLUMNS = (
    "document",
    "place",
    "status",
    "indicator",
    "change",
    "value",
    "unit",
    "period",
    "text",
    "original_value",
    "sentence",
    "note",
    *TABLE_COLUMNS,
    "doc_date",
    "period_start",
    "period_end",
    "kind",
    "approx",
    "confidence",
    "reason",
    "manual",
    "orphaned",
    "reviewer",
    "decided_at",
)
# The first columns of a figure sheet that go on paper, through the note; other sheets: every one.
PRINTED = {"approved": APPROVED_COLUMNS.index("note") + 1, "all": ALL_COLUMNS.index("note") + 1}
PRINTED_TABLES = 3  # and then the table, row and column of a sheet with table figures (if they fit)
DOCUMENT_COLUMNS = (
    "document",
    "doc_date",
    "reporting",
    "source",
    "figures",
    "pending",
    "confirmed",
    "corrected",
    "rejected",
    "share_reviewed",
)
LOG_COLUMNS = ("at", "reviewer", "action", "document", "figure", "old", "new")
CHECK_COLUMNS = ("finding", "severity", "rule", "finding_figures", "document", "state", "finding_reason", "reviewer")
AGREEMENT_COLUMNS = (
    "first_reviewer",
    "second_reviewer",
    "both_decided",
    "agreement",
    "kappa",
    "alpha",
    "both_corrected",
    "same_correction",
)


@dataclass(frozen=True)
class ExportOptions:
    states: frozenset[Status] = APPROVED  # for the approved sheet, CSV and JSON
    document_ids: frozenset[int] | None = None  # None: every document
    per_document: bool = False  # one approved sheet per document
    language: str = "zh"  # headers: zh or en
    sheets: tuple[str, ...] = field(default=("approved", "all", "documents", "checks", "agreement", "log"))

    def header(self, key: str) -> str:
        zh, en = HEADERS[key]
        return zh if self.language == "zh" else en

    def sheet(self, key: str) -> str:
        zh, en = SHEETS[key]
        return zh if self.language == "zh" else en

    def kind_word(self, kind: str) -> str:
        zh, en = KIND_WORDS.get(kind, (kind, kind))
        return zh if self.language == "zh" else en

    def status_word(self, status: Status) -> str:
        zh, en = STATUS_WORDS[status]
        return zh if self.language == "zh" else en

    def action_word(self, action: str) -> str:
        zh, en = ACTION_WORDS.get(action, (action, action))
        return zh if self.language == "zh" else en

    def change_word(self, key: str) -> str:
        zh, en = CHANGE_WORDS.get(key, (key, key))
        return zh if self.language == "zh" else en

    def severity_word(self, severity: str | None) -> str | None:
        if severity is None:
            return None
        zh, en = SEVERITY_WORDS.get(severity, (severity, severity))
        return zh if self.language == "zh" else en

    def state_word(self, state: str) -> str:
        zh, en = STATE_WORDS.get(state, (state, state))
        return zh if self.language == "zh" else en

    def translated(self, text: str | None, separator: str = "; ") -> str:
        """Stored English message ids (a figure's confidence reasons, joined by `separator`) in
        the export's language, whatever the interface's."""
        language = i18n.CHINESE if self.language == "zh" else i18n.ENGLISH
        return i18n.translate_parts(text, separator, language)


def _datetime(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time


def _iso_date(text: str | None) -> date | None:
    """A stored ISO date as a date (a real date in a sheet); one that cannot be read: none."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def documents(project: Project, options: ExportOptions) -> list[StoredDocument]:
    return [d for d in project.documents() if options.document_ids is None or d.id in options.document_ids]


def figure_rows(
    project: Project, options: ExportOptions, states: frozenset[Status] | None, doc_ids: list[int] | None = None
) -> Iterator[dict]:
    """One dict per figure (final values, with the original where corrected), in document order."""
    for doc in documents(project, options):
        if doc_ids is not None and doc.id not in doc_ids:
            continue
        full = project.document(doc.id, tables=False)
        paragraphs, sentences = ParagraphIndex(full.text or ""), SentenceIndex(full.text or "")
        for f in project.figures(doc.id):
            if states is not None and f.status not in states:
                continue
            yield _figure_row(doc, full, paragraphs, sentences, f, options)


def _figure_row(
    doc: StoredDocument,
    full: StoredDocument,
    paragraphs: ParagraphIndex,
    sentences: SentenceIndex,
    f: StoredFigure,
    options: ExportOptions,
) -> dict:
    page = full.page_at(f.start)
    place = (
        (f"p. {page}" if options.language == "en" else f"第{page}页")
        if page
        else (f"¶ {paragraphs.at(f.start)}" if options.language == "en" else f"第{paragraphs.at(f.start)}段")
    )
    corrected = f.status is Status.CORRECTED and (f.corrected_value is not None or f.corrected_unit)
    return {
        "document": doc.title,
        "doc_date": doc.date,
        "place": place,
        "table": f.table_caption,
        "row_label": f.row_label,
        "column_label": f.column_label,
        "unit_source": f.unit_source,
        "status": options.status_word(f.status),
        "_status": f.status,  # for the writers' choice of sheet; not a column
        "indicator": f.final_indicator,
        "change": f.change,
        "value": f.final_value,
        "unit": f.final_unit,
        "kind": f.final_kind.value,  # the writers show options.kind_word(kind)
        "period": f.period,
        "period_start": _iso_date(f.period_start),
        "period_end": _iso_date(f.period_end),
        "approx": f.approx,
        "text": f.text,
        "original_value": f.value if corrected else None,
        "confidence": f.confidence,
        "reason": options.translated(f.reason) or None,
        "manual": f.manual,
        "orphaned": f.orphaned,
        "sentence": sentences.sentence(f.start, f.end) if not f.orphaned else None,
        "reviewer": f.reviewer,
        "decided_at": _datetime(f.decided_at),
        "note": f.note,
    }


def document_rows(project: Project, options: ExportOptions) -> Iterator[dict]:
    progress = project.progress_by_document()
    for doc in documents(project, options):
        p = progress[doc.id]
        yield {
            "document": doc.title,
            "doc_date": doc.date,
            "reporting": doc.reporting.label() if doc.reporting else None,
            "source": doc.source,
            "figures": p.total,
            "pending": p.pending,
            "confirmed": p.confirmed,
            "corrected": p.corrected,
            "rejected": p.rejected,
            "share_reviewed": Decimal(str(round(p.share, 4))),
        }


def log_rows(project: Project, options: ExportOptions, events: list[Event] | None = None) -> Iterator[dict]:
    titles = {d.id: d.title for d in project.documents()}
    texts: dict[int, str] = {}
    for event in project.events() if events is None else events:
        if options.document_ids is not None and event.document_id not in options.document_ids:
            continue
        if event.figure_id is not None and event.figure_id not in texts:
            try:
                texts[event.figure_id] = project.figure(event.figure_id).text
            except Exception:  # noqa: BLE001 - a figure deleted by re-extraction keeps its log line
                texts[event.figure_id] = f"#{event.figure_id}"
        yield {
            "at": _datetime(event.at),
            "reviewer": event.reviewer,
            "action": options.action_word(event.action),
            "document": titles.get(event.document_id, "") if event.document_id is not None else "",
            "figure": texts.get(event.figure_id, "") if event.figure_id is not None else "",
            "old": _compact(event.old, options),
            "new": _compact(event.new, options),
        }


class CheckedFinding(Protocol):
    """A finding of the checks with the reviewer's decision (reviewer.commands.checking makes them)."""

    @property
    def key(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def document(self) -> str: ...
    @property
    def severity(self): ...
    @property
    def figures(self) -> tuple: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def reviewer(self) -> str | None: ...


def check_rows(findings: Iterable[CheckedFinding], options: ExportOptions) -> Iterator[dict]:
    """One row per finding: what it says, how grave, its figures, and what the reviewer decided."""
    for item in findings:
        severity = item.severity.value if item.severity is not None else None
        yield {
            "finding": item.message,
            "severity": options.severity_word(severity),
            "rule": item.rule,
            "finding_figures": "; ".join(f.text for f in item.figures) or None,
            "document": item.document or None,
            "state": options.state_word(item.state),
            "finding_reason": item.reason,
            "reviewer": item.reviewer,
        }


def agreement_rows(agreement: Agreement, options: ExportOptions) -> Iterator[dict]:
    """One row per pair of reviewers, then the overall figures (reviewer.agreement)."""
    lines = [(p.first, p.second, p.measures) for p in agreement.pairs]
    overall = OVERALL_WORDS[0] if options.language == "zh" else OVERALL_WORDS[1]
    for first, second, m in [*lines, (overall, None, agreement.overall)]:
        yield {
            "first_reviewer": first,
            "second_reviewer": second,
            "both_decided": m.figures,
            "agreement": m.agreement,
            "kappa": m.kappa,
            "alpha": m.alpha,
            "both_corrected": m.corrected,
            "same_correction": m.same_correction,
        }


def _compact(values: dict | None, options: ExportOptions) -> str:
    """An event's values as `state=confirmed; note=…`, in the export's language."""
    if not values:
        return ""
    return "; ".join(
        f"{options.change_word(k)}={_shown_value(k, v, options)}"
        for k, v in values.items()
        if v is not None and k not in UNSHOWN_CHANGES
    )


# kept with an event, not for a reader of the log: when (the log's own column says it) and the
# offline queue's id of a decision
UNSHOWN_CHANGES = ("decided_at", "client_id")


def _shown_value(key: str, value, options: ExportOptions) -> str:
    if isinstance(value, list):  # a reference table's rows: how many
        return str(len(value))
    if key == "status" and value in {s.value for s in Status}:
        return options.status_word(Status(value))
    if key in ("kind", "corrected_kind") and isinstance(value, str):
        return options.kind_word(value)
    return str(value)


def plain(value):
    """A cell value as JSON/CSV wants it."""
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
