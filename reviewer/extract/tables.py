"""Figures in tables (GUIDE.md, "Figures in tables"): a cell that holds a bare number takes its
unit from the nearest statement of one: the column header ('投资额（亿元）', '比上年增长（%）'), the
row's unit cell (a column headed 单位), or the table's unit line ('单位：万人', '金额单位：万元')
above or below it. Tables are rows in Markdown pipe form or with cells separated by tabs, and the
flattened form a converter makes of them: lines of a label followed by numbers ('- 衣 着 -0.2
-0.2 -0.3') under a caption and a unit line or a header naming the unit of every column.

A cell whose own text names its unit ('12.5%') is read as prose is; a table whose numbers have
no stated unit gives figures only where the header says 指数 (unit 点). Work is one pass over the
lines of the text that hold a '|' or a tab, or begin with a label followed by numbers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from reviewer.extract import reasons
from reviewer.extract.dates import match_arabic_date
from reviewer.extract.lexicon import Lexicon
from reviewer.extract.numerals import scale_factor
from reviewer.extract.time_marks import BARE_YEAR, year_period
from reviewer.grid import Table
from reviewer.model import Figure, Kind, Period, TablePlace

# a bare number in a cell: its sign, a bound before it (">7", "≥13.5") and the brackets of a
# five-year plan's cumulative target ("〔13.5〕") allowed, and a note's star ("60.6*")
CELL_NUMBER = re.compile(
    r"(?P<bound>[<>≥≤＞＜]|不低于|不高于|不少于|不超过|约)?[〔\[]?"
    r"([-−+]?)((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)[〕\]]?\*?"
)
ACCOUNTING_NEGATIVE = re.compile(r"[（(]((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)[)）]")
PERCENT_CELL = re.compile(r"[-−+]?[0-9]+(?:\.[0-9]+)?[%％]")
RULE_CELL = re.compile(r":?-{3,}:?")
UNIT_LINE = re.compile(r"(?:金额|计量|货币)?单位\s*[：:]\s*([^\s，,；;|）)]+)")
PARENS = re.compile(r"[（(]([^（()）]{1,8})[)）]")
# the attribute column of a five-year plan's targets, after the numbers of a flattened row
ATTRIBUTES = ("预期性", "约束性")
# a number that begins a cell of a target row, not a year ("2035年") nor part of a name
TARGET_CELL = re.compile(
    r"(?<=[ \u3000])([<>≥≤＞＜]?[〔\[]?[-−+]?[0-9]+(?:\.[0-9]+)?[〕\]]?\*?)(?=[ \u3000、，,；;]|$)"
)
DASHES = ("-", "—", "–", "…", "--", "——")
GROWTH_WORDS: tuple[str, ...] = ("增长", "增速", "增减", "增幅", "涨跌", "涨幅", "降幅", "比重", "占比", "构成", "同比")
GROWTH_WORDS += ("环比", "变动", "%")
SKIP_HEADERS = ("序号", "编号", "代码", "排名", "位次", "名次", "行次", "附注", "注释", "年份", "年度")
YEAR_LABELS = ("年份", "年度", "时间", "日期", "成立")  # a row or column of years: "| 成立年份 | 2003 |"
# column headers that name no measure of their own: the row's label alone is the indicator
GENERIC_HEADERS = frozenset(("绝对数", "数值", "数量", "数据", "合计", "指标值", "本期", "本年"))
# a caption that says its whole table is a change ('表1 2020年居民消费价格比上年涨跌幅度'), not one
# that has one among its columns ('…产量及其增长速度')
CAPTION_CHANGE = re.compile(
    r"(?<![及其、和])((?:比上年同期|比上年末|比上年|比上月|同比|环比)?(?:涨跌幅度|涨跌幅|增长速度|增速|涨幅|降幅))$"
)
# a unit cell's word the lexicon does not know: a scale, then a name of a few characters, a rate
# ('吨/年') or alternatives ('台（套）') allowed, no digits or signs
HAN = "[\u4e00-\u9fff]"
UNIT_CELL = re.compile(f"([十百千万亿]{{0,3}})((?![十百千万亿]){HAN}{{1,4}}(?:/{HAN}{{1,2}}|[（(]{HAN}{{1,2}}[)）])?)")
NOTE_MARK = re.compile(r"\[[0-9]{1,3}\]$")  # "其中：0-15岁（含不满16周岁）[8]": a footnote's mark
SCAN_LINES = 4  # how far above a table its caption and unit line may stand
# tables a reader found as a grid, read cell by cell (what the engine finds in text itself is
# read from its lines: a text may come without its tables)
GRID_KINDS = frozenset(("pipe", "tabs", "docx", "html", "pdf", "flattened"))


class CellUnit(NamedTuple):
    """The unit of a table's cells: its factor (万人 -> 10000), its name, its kind, and the
    statement it was read from (a header, the unit line, the row's unit cell), which the window
    shows beside the figure."""

    factor: Decimal
    name: str
    kind: str
    source: str = ""


@dataclass
class TableReading:
    """What the tables of a text give: the figures of their cells, and the spans of their row
    labels and headers, in which a number is part of the label (0-15岁, 折100%, 十种有色金属,
    220千伏及以上变电设备) and never a figure of its own."""

    figures: list[Figure] = field(default_factory=list)
    labels: list[tuple[int, int]] = field(default_factory=list)

    def without_label_figures(self, found: list[Figure]) -> list[Figure]:
        """found without the figures that begin inside a label (dates stay: a year in a label
        still dates it)."""
        if not self.labels:
            return found
        starts = sorted(self.labels)
        firsts = [a for a, _ in starts]
        kept = []
        for figure in found:
            at = bisect.bisect_right(firsts, figure.start) - 1
            inside = at >= 0 and starts[at][0] <= figure.start < starts[at][1]
            if inside and figure.kind is not Kind.DATE and reasons.TABLE_CELL not in figure.reasons:
                continue
            kept.append(figure)
        return kept


def read_tables(text: str, norm: str, lex: Lexicon, tables: Sequence[Table] | None = None) -> TableReading:
    """The figures of the bare-number cells of every table, and its labels. `tables` are the
    document's own (a reader's grid: merged cells, several header rows, or the rows its reader
    found in plain text), read cell by cell; where they are given they are all the tables there
    are. Without them (None: a bare text) the text is searched for the rows of tables written in it."""
    reading = TableReading()
    grids = sorted((t for t in tables or () if t.kind in GRID_KINDS and t.cells), key=lambda t: t.start)
    find_rows = tables is None
    if not grids and not any(mark in norm for mark in ("|", "\t", "单位", "）", ")")):
        return reading  # no table, no unit line, no header naming a unit
    lines = _lines(norm)
    found = reading.figures
    line_starts = [line[0] for line in lines]
    for table in grids:
        found.extend(_grid_table(text, norm, lex, lines, line_starts, table, reading.labels))
    grid_starts = [t.start for t in grids]
    i = 0
    while i < len(lines):
        start, stop, line = lines[i]
        at = bisect.bisect_right(grid_starts, stop) - 1
        if at >= 0 and start <= grids[at].end:
            i += 1  # a line of a table read cell by cell above
            continue
        if find_rows and _cells(line) is not None:
            j = i
            while j + 1 < len(lines) and _cells(lines[j + 1][2]) is not None:
                j += 1
            if j > i:
                found.extend(_grid(text, norm, lex, lines, i, j, reading.labels))
            i = j + 1
            continue
        if find_rows and not _has_cjk_sentence(text[start:stop]) and _flat_row(line) is not None:
            j = i
            while j + 1 < len(lines) and _flat_row(lines[j + 1][2]) is not None:
                j += 1
            found.extend(_flat(text, norm, lex, lines, i, j))
            i = j + 1
            continue
        if line.rstrip().endswith(ATTRIBUTES):
            found.extend(_target_row(text, lex, start, line))
        i += 1
    return reading


def _target_row(text: str, lex: Lexicon, start: int, line: str) -> list[Figure]:
    """A five-year plan's target row flattened with words among its cells ('1.国内生产总值（GDP）
    增长（%） 2.3 保持在合理区间 预期性', '4.研发经费投入增长（%） — >7、力争…'): each number that
    begins a cell takes the unit of the row's label."""
    label_end = max(line.rfind("）"), line.rfind(")"))
    if label_end < 0 or "|" in line:
        return []
    unit = _header_unit(line[: label_end + 1], lex)
    if unit is None:
        return []
    found = []
    for m in TARGET_CELL.finditer(line, label_end + 1):
        number = _number(m.group(1))
        if number is not None:
            found.append(_figure(text, start + m.start(1), number, unit))
    return found


def _lines(norm: str) -> list[tuple[int, int, str]]:
    out = []
    at = 0
    for piece in norm.split("\n"):
        out.append((at, at + len(piece), piece))
        at += len(piece) + 1
    return out


def _cells(line: str) -> list[tuple[int, str]] | None:
    """The cells of a table row (offset in the line, text), or None where the line is no row."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        cells = []
        at = line.index("|") + 1
        for piece in line[at:].split("|"):
            cells.append((at, piece))
            at += len(piece) + 1
        if cells and not cells[-1][1].strip():
            cells.pop()
        return cells
    if "\t" in stripped and stripped.count("\t") >= 1 and "|" not in stripped:
        cells = []
        at = 0
        for piece in line.split("\t"):
            cells.append((at, piece))
            at += len(piece) + 1
        return cells if len([c for c in cells if c[1].strip()]) >= 2 else None
    return None


def _number(cell: str) -> tuple[int, int, Decimal, str | None] | None:
    """(start, end, value, bound) of a cell that is a bare number, sign included, within the cell;
    an amount in parentheses is negative, as accounts write it ('(1,234.56)')."""
    negative = ACCOUNTING_NEGATIVE.fullmatch(cell.strip())
    if negative:
        lead = len(cell) - len(cell.lstrip())
        return lead, lead + negative.end(), -Decimal(negative.group(1).replace(",", "")), None
    m = CELL_NUMBER.fullmatch(cell.strip())
    if m is None or len(m.group(3)) > 1 and m.group(3)[0] == "0" and m.group(3)[1] != ".":
        return None  # "000001", "0755": a code
    lead = len(cell) - len(cell.lstrip())
    try:
        value = Decimal(m.group(3).replace(",", ""))
    except InvalidOperation:
        return None
    if m.group(2) in "-−" and m.group(2):
        value = -value
    return lead + m.start(2), lead + m.end(3), value, m.group("bound")


def _unit_of(words: str, lex: Lexicon) -> CellUnit | None:
    """(factor, unit as the lexicon names it, kind) of a unit statement such as 亿元, 万人, %,
    亿千瓦小时, 元/吨; None where it names none."""
    words = written = words.strip().rstrip("、，,")
    if len(words) > 3 and words.startswith("人民币") or words.endswith("人民币") and len(words) > 3:
        words = words.removeprefix("人民币").removesuffix("人民币")  # "人民币百万元", "万元人民币"
    if not words:
        return None
    unit = lex.units.get(words)
    if unit is not None:
        return CellUnit(Decimal(1), unit.unit, unit.kind, written)
    for cut in range(1, min(3, len(words) - 1) + 1):  # the shortest scale first: 万 of 万千瓦, not 万千 of 瓦
        factor = scale_factor(words[:cut]) if all(c in "十百千万亿" for c in words[:cut]) else None
        rest = lex.units.get(words[cut:])
        if factor is not None and rest is not None:
            return CellUnit(factor, rest.unit, rest.kind, written)
    per = words.partition("/")
    if per[1] and per[0]:
        head = _unit_of(per[0], lex)
        if head is not None and head.kind == "money":
            return head._replace(source=written)
    return None


def _unit_cell(words: str, lex: Lexicon) -> CellUnit | None:
    """The unit a row's unit cell states: one the lexicon knows (亿吨, 万千瓦), else, since the
    column says it is a unit, the word as written after its scale (万吨/年 -> 10000 吨/年, 万线,
    万台（套））, a count of what it names."""
    known = _unit_of(words, lex)
    if known is not None:
        return known
    m = UNIT_CELL.fullmatch(words.strip())
    if m is None:
        return None
    factor = scale_factor(m.group(1)) if m.group(1) else Decimal(1)
    if factor is None:
        return None
    return CellUnit(factor, m.group(2), "quantity", words.strip())


def _unit_line(norm: str, lex: Lexicon, lines: list[tuple[int, int, str]], first: int, last: int) -> list:
    """The units the table's unit line states (caption, above, or the line below), first the
    one of its amounts ('单位：亿元、%'); empty where there is none."""
    candidates = []
    for k in range(first - 1, max(-1, first - 1 - SCAN_LINES), -1):
        if _cells(lines[k][2]) is not None or k and UNIT_LINE.search(lines[k][2]) and _cells(lines[k - 1][2]):
            break  # another table, or the unit line under it
        candidates.append(lines[k][2])
    if last + 1 < len(lines):
        candidates.append(lines[last + 1][2])
    for line in candidates:
        if UNIT_LINE.search(line):
            return _unit_statement(line, lex)
        alone = PARENS.fullmatch(line.strip())
        unit = _unit_of(alone.group(1), lex) if alone else None
        if unit is not None:
            return [unit._replace(source=line.strip())]  # "（人民币百万元）": a unit line as annual reports write it
    return []


def _unit_statement(line: str, lex: Lexicon) -> list[CellUnit]:
    """The units a unit line states ('单位：亿元、%'), with the statement as their source."""
    m = UNIT_LINE.search(line)
    if m is None:
        return []
    units = [_unit_of(word, lex) for word in re.split("[、/，,]", m.group(1)) if word]
    return [u._replace(source=m.group().strip()) for u in units if u is not None]


def _is_growth(head: str) -> bool:
    return any(w in head for w in GROWTH_WORDS)


def _pick(units: list[CellUnit], growth: bool) -> CellUnit | None:
    """The unit of the unit line for a column: a growth or share column takes its %, any other
    its first unit that is not %; None where the line states none that fits (never a guess)."""
    if len(units) == 1:
        return None if growth and units[0].kind != "percent" else units[0]
    for unit in units:
        if (unit.kind == "percent") == growth:
            return unit
    return None


def _header_unit(header: str, lex: Lexicon) -> CellUnit | None:
    """The unit a header or a row's label states in parentheses, the last that names one
    ('国内生产总值（GDP）增长（%）')."""
    for m in reversed(list(PARENS.finditer(header))):
        unit = _unit_of(m.group(1), lex)
        if unit is not None:
            return unit._replace(source=header.strip())
    return None


def _figure(text: str, at: int, number: tuple[int, int, Decimal, str | None], unit: CellUnit) -> Figure:
    start, end, value, bound = number
    factor, name, kind, source = unit
    if kind == "fraction" and name == "成":
        factor = factor / 10
    return Figure(
        start=at + start,
        end=at + end,
        text=text[at + start : at + end],
        kind=Kind(kind),
        value=value * factor,
        unit=name,
        approx=bound,
        confidence=0.7,
        reasons=(reasons.TABLE_CELL,) + ((reasons.SCALED,) if factor != 1 else ()),
        table=TablePlace(unit_source=source or None),
    )


class Column(NamedTuple):
    """A column as its headers name it: all of them ('2024年 数量（万吨）': the unit and growth are
    read there), the period a date among them names, and the measure, the headers without it."""

    head: str
    period: Period | None
    measure: str
    # its header repeats the first column's: a second table set beside the first ('| 产品名称 |
    # 产量 | 产品名称 | 产量 |'), whose rows are labelled in this column
    labels_rows: bool = False


def _text_columns(header: list[str]) -> list[Column]:
    columns = []
    for k, head in enumerate(header):
        period = _column_period(head)
        columns.append(Column(head, period, "" if period else head, bool(k and head and head == header[0])))
    return columns


def _grid(
    text: str,
    norm: str,
    lex: Lexicon,
    lines: list[tuple[int, int, str]],
    first: int,
    last: int,
    labels: list[tuple[int, int]],
) -> list[Figure]:
    """The figures of one pipe or tab table written as text; the spans of its headers and row
    labels go to labels."""
    rows = [(lines[k][0], _cells(lines[k][2]) or []) for k in range(first, last + 1)]
    body_from = 0
    header: list[str] = []
    if len(rows) > 1 and all(RULE_CELL.fullmatch(c.strip()) for _, c in rows[1][1] if c.strip()):
        header = [c.strip() for _, c in rows[0][1]]
        body_from = 2
    elif not any(_number(c) for _, c in rows[0][1]):
        header = [c.strip() for _, c in rows[0][1]]
        body_from = 1
    table_unit = _unit_line(norm, lex, lines, first, last)
    if header:
        labels.extend((rows[0][0] + offset, rows[0][0] + offset + len(cell)) for offset, cell in rows[0][1])
    body = [[(at + offset, cell) for offset, cell in cells] for at, cells in rows[body_from:]]
    return _body(text, lex, _text_columns(header), body, table_unit, labels)


def _grid_table(
    text: str,
    norm: str,
    lex: Lexicon,
    lines: list[tuple[int, int, str]],
    line_starts: list[int],
    table: Table,
    labels: list[tuple[int, int]],
) -> list[Figure]:
    """The figures of a table a reader found as a grid: a column's headers are every header cell
    over it (a merged one once), its unit line the one the reader found, else the lines around it."""
    columns = []
    for col in range(table.n_cols):
        over = table.column_header(col)
        heads = [cell.text for cell in over if cell.text]
        periods = [p for p in map(_column_period, heads) if p is not None]
        measure = " ".join(h for h in heads if _column_period(h) is None)
        columns.append(
            Column(" ".join(heads), periods[-1] if periods else None, measure, table.repeats_first_header(col))
        )
    labels.extend((head.start, head.end) for head in table.cells if head.row < table.header_rows and head.text)
    body = []
    for row in range(table.header_rows, table.n_rows):
        cells = []
        for col in range(table.n_cols):
            cell = table.cell(row, col)
            starts_here = cell is not None and cell.col == col and (cell.row == row or col == 0)
            cells.append((cell.start, cell.text) if cell is not None and starts_here else (-1, ""))
        body.append(cells)
    table_unit = []
    if table.unit is not None:
        table_unit = _unit_statement(table.unit.text, lex)
    if not table_unit:
        first = bisect.bisect_right(line_starts, table.start) - 1
        last = bisect.bisect_right(line_starts, table.end) - 1
        table_unit = _unit_line(norm, lex, lines, max(first, 0), max(last, 0))
    found = _body(text, lex, columns, body, table_unit, labels)
    said = CAPTION_CHANGE.search(NOTE_MARK.sub("", table.caption.text).strip()) if table.caption else None
    if said is None:
        return found
    return [
        replace(f, change=said.group(1)) if f.change is None and f.kind in (Kind.PERCENT, Kind.PP) else f for f in found
    ]


def _body(
    text: str,
    lex: Lexicon,
    columns: list[Column],
    body: list[list[tuple[int, str]]],
    table_unit: list[CellUnit],
    labels: list[tuple[int, int]],
) -> list[Figure]:
    """The figures of a table's body rows (cells as (offset in the text, text); a cell covered by a
    merged one above or to the left is (-1, '')), under the columns its header names."""
    header = [column.head for column in columns]
    if not table_unit and header:
        corner = PARENS.fullmatch(header[0]) or UNIT_LINE.fullmatch(header[0])
        unit = _unit_of(corner.group(1), lex) if corner else None
        # "| (人民币百万元) | 2023年 |": the unit in the first row
        table_unit = [unit._replace(source=header[0])] if unit else []
    unit_column = next((k for k, h in enumerate(header) if h in ("单位", "计量单位")), None)
    indexes = "指数" in "".join(header)
    # two tables side by side: a cell's label is the one under the nearest repeat of the first header
    label_columns = [0] + [k for k, column in enumerate(columns) if column.labels_rows]
    found: list[Figure] = []
    for cells in body:
        for j in label_columns if header else ():
            if j < len(cells) and cells[j][0] >= 0 and _number(cells[j][1]) is None:
                labels.append((cells[j][0], cells[j][0] + len(cells[j][1])))  # the row's label
        if _years_only([_number(c) for _, c in cells]):
            continue  # "| 年份 | 2019 | 2020 |": a header row of years
        row_unit = None
        if unit_column is not None and unit_column < len(cells):
            row_unit = _unit_cell(cells[unit_column][1], lex)
        elif cells and _number(cells[0][1]) is None:
            row_unit = _header_unit(cells[0][1], lex)  # "| 全员劳动生产率增长（%） | 2.5 |": the row's label
        for k, (offset, cell) in enumerate(cells):
            number = _number(cell)
            if number is None or k == unit_column or offset < 0:
                continue
            head = header[k] if k < len(header) else ""
            column = columns[k] if k < len(columns) else Column("", None, "")
            if header and not head:
                head = _shifted_header(header, cells, k)
                if not head:
                    continue  # a number under no header: its unit cannot be told, so no figure
                column = Column(head, None, head)
            if any(w in head for w in SKIP_HEADERS) or (k in label_columns and header):
                continue  # serials, codes, ranks and the row's own label
            if _years_only([number], least=1) and any(w in head + cells[0][1] for w in YEAR_LABELS):
                continue  # "| 成立年份 | 2003 |": a year, not an amount
            unit = _header_unit(head, lex)
            if unit is None and (not _is_growth(head) or row_unit and row_unit.kind == "percent"):
                unit = row_unit
            if unit is None:
                unit = _pick(table_unit, _is_growth(head))
            if unit is None and not _is_growth(head) and (indexes or "指数" in (cells[0][1] if cells else "")):
                unit = CellUnit(Decimal(1), "点", "quantity", head if "指数" in head else cells[0][1].strip())
            if unit is None:
                continue
            figure = _figure(text, offset, number, unit)
            label = cells[max(j for j in label_columns if j < k)][1] if header and k else ""
            period = column.period or _column_period(label)  # '| 2019 | 986515 |': the row's year
            if period is not None and _column_period(label) is not None:
                label = ""  # a year names when, not what: no part of the indicator
            indicator, change = _cell_indicator(label, column.measure, lex)
            found.append(replace(figure, indicator=indicator, change=change, period=period))
    return found


def _column_period(head: str) -> Period | None:
    """The period a column header names when it is nothing but a date ('2022年', '2023年6月',
    '2021-2025年'): the figures under it refer to it (GUIDE.md)."""
    head = head.strip()
    if BARE_YEAR.fullmatch(head):  # a header or a row label of a bare year ('| 2019 | 986515 |')
        return year_period(int(head), int(head), head)
    span = match_arabic_date(head, 0, None) if head[:1].isdigit() else None
    return span.period if span is not None and span.end == len(head) else None


def _cell_indicator(row_label: str, head: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """GUIDE's indicator and change of a cell: the row's label (其中：城镇 -> 城镇, without its note
    marker, nor the unit it states: 营业收入（亿元） -> 营业收入), joined with the column header where
    the column names a measure ('原煤 产量'); a growth or share column gives the change instead
    (比上年增长, 比重 -> 占)."""
    label = NOTE_MARK.sub("", row_label.strip()).removeprefix("其中：").removeprefix("其中:").strip()
    label = PARENS.sub(lambda m: "" if _unit_of(m.group(1), lex) else m.group(), label).strip()
    if " " in label and all(len(piece) == 1 for piece in label.split()):
        label = label.replace(" ", "")  # letter-spaced: 衣 着 -> 衣着
    measure = PARENS.sub("", head).strip()
    change = None
    if _is_growth(head):
        change = "占" if any(w in measure for w in ("比重", "占比", "构成")) else measure or None
        measure = ""
    elif measure in GENERIC_HEADERS:
        measure = ""
    indicator = " ".join(part for part in (label, measure) if part)
    return indicator or None, change


def _shifted_header(header: list[str], cells: list[tuple[int, str]], k: int) -> str:
    """The header of a value that stands one cell right of its column, as converted tables shift
    them ('| 比上年增长（%） |  |' over '|  | -3.1 |'): the nearest header to the left whose own cell
    in this row is empty; '' where there is none."""
    for j in range(k - 1, 0, -1):
        if j < len(header) and header[j]:
            return header[j] if j < len(cells) and not cells[j][1].strip() else ""
    return ""


def _years_only(numbers: list[tuple[int, int, Decimal, str | None] | None], least: int = 2) -> bool:
    """Whether the numbers (least of them, a row of years being several) are all years."""
    years = [n for n in numbers if n is not None]
    return len(years) >= least and all(n[2] == int(n[2]) and 1900 <= n[2] <= 2100 and n[1] - n[0] == 4 for n in years)


def _flat_row(line: str) -> tuple[str, list[tuple[int, str]]] | None:
    """A flattened table row: (label, [(offset, number as written)]): a label with a Chinese
    character, then numbers (or dashes) parted by spaces, a plan's attribute (预期性) allowed last."""
    if len(line) > 160 or "|" in line or "\t" in line:
        return None
    words = [(m.start(), m.group()) for m in re.finditer(r"[^ \u3000]+", line)]
    if words and words[-1][1] in ATTRIBUTES:
        words.pop()
    numbers: list[tuple[int, str]] = []
    while words and (words[-1][1] in DASHES or _number(words[-1][1]) is not None or _is_percent(words[-1][1])):
        numbers.insert(0, words.pop())
    if words and words[0][1] in ("-", "•", "·"):
        words.pop(0)  # a bullet
    label = " ".join(w for _, w in words)
    if not numbers or not words or not any("\u4e00" <= c <= "\u9fff" for c in label):
        return None
    if all(w in DASHES for _, w in numbers):
        return None
    return label, numbers


def _is_percent(word: str) -> bool:
    """A cell that writes its own unit, '18.42%' (a change column of an annual report's row): part
    of the row, read as prose reads it."""
    return PERCENT_CELL.fullmatch(word) is not None


def _has_cjk_sentence(line: str) -> bool:
    """Whether a line as written (not width-normalized: 1,234 has a comma too) is prose. A row's
    label may begin with 其中： (one of the rows above it) and stay a table's row."""
    line = line.replace("其中：", "", 1)
    return any(c in line for c in "，。；：！？")


def _flat(text: str, norm: str, lex: Lexicon, lines: list[tuple[int, int, str]], first: int, last: int) -> list[Figure]:
    """A flattened table: each line a label and its numbers. Read only under a unit line, or a
    header line whose parenthesized units name one unit for every column."""
    rows = [lines[k] for k in range(first, last + 1)]
    widths = set()
    parsed = []
    for start, stop, line in rows:
        row = _flat_row(line)
        if row is None or _has_cjk_sentence(text[start:stop]):
            return []
        label, numbers = row
        if any(any(c.isdigit() for c in w) and _number(w) is None and not _is_percent(w) for _, w in numbers):
            return []
        if _years_only([_number(w) for _, w in numbers]):
            continue  # "2019 2020 2021": a header row of years
        if len(numbers) == 1 and any("0" <= c <= "9" for c in label):
            continue  # "招商银行 2023 年度报告 12": a page's running head and its number
        widths.add(len(numbers))
        parsed.append((start, label, numbers))
    if not parsed:
        return []
    column_units: list[CellUnit | None] | None = None
    growth = False
    header_words: list[str] = []
    for k in range(first - 1, max(-1, first - 1 - SCAN_LINES), -1):
        header = lines[k][2]
        if UNIT_LINE.search(header) or not header.strip():
            continue
        header_words = header_words or header.split()
        growth = growth or _is_growth(header)
        heads = [_unit_of(m.group(1), lex) for m in PARENS.finditer(header)]
        if heads:
            if not all(heads) or not ({len(heads)} == widths or len(heads) > 1 and len(set(heads)) == 1):
                growth = True  # units that cannot be told column by column: none but the rows' own
                break
            column_units = heads
            break
    table_unit = _unit_line(norm, lex, lines, first, last)
    if column_units is None and not (len(table_unit) != 1 or growth and table_unit[0].kind != "percent"):
        column_units = table_unit  # (not several units, nor growth columns under a unit of amounts)
    if len(parsed) < 2 and max(widths) < 2:
        return []  # one line of a label and a number is prose, not a table
    found: list[Figure] = []
    for start, label, numbers in parsed:
        row_unit = _header_unit(label, lex)  # "5.每万人口高价值发明专利拥有量（件） 6.3 12"
        label_words = label.split(" ")
        if len(header_words) == len(label_words) + len(numbers):
            found.extend(_aligned(text, lex, start, label_words, numbers, header_words, row_unit, table_unit))
            continue
        for k, (offset, piece) in enumerate(numbers):
            number = _number(piece)
            if number is None:
                continue
            unit = None
            if column_units is not None:
                unit = column_units[k] if len(column_units) > 1 and k < len(column_units) else column_units[0]
            unit = unit or row_unit
            if unit is None:
                continue
            found.append(_figure(text, start + offset, number, unit))
    return found


def _aligned(
    text: str,
    lex: Lexicon,
    start: int,
    label_words: list[str],
    numbers: list[tuple[int, str]],
    header_words: list[str],
    row_unit: CellUnit | None,
    table_unit: list,
) -> list[Figure]:
    """A flattened row whose words stand one under each word of the header line ('产品名称 单位 产量
    比上年增长（%）' over '原煤 亿吨 47.1 3.4'): each number takes its own column's unit."""
    for head, word in zip(header_words, label_words, strict=False):
        if head in ("单位", "计量单位"):
            row_unit = _unit_cell(word, lex) or row_unit
    found = []
    for k, (offset, piece) in enumerate(numbers):
        head = header_words[len(label_words) + k]
        number = _number(piece)
        if number is None or any(w in head for w in SKIP_HEADERS):
            continue
        growth = _is_growth(head)
        unit = _header_unit(head, lex)
        if unit is None and (not growth or row_unit and row_unit.kind == "percent"):
            unit = row_unit
        unit = unit or _pick(table_unit, growth)
        if unit is not None:
            found.append(_figure(text, start + offset, number, unit))
    return found
