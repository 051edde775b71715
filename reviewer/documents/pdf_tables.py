"""Ruled tables of a PDF page, found from the page's own lines by pdfplumber's table finder.

pdfplumber (pdfminer underneath) is thorough but slow, so pdfium decides first, cheaply, which
pages may hold a table (`may_hold_table`: numbers standing apart, and drawn paths); only those
are opened with pdfplumber. Each table found becomes rows of cells on a grid (a merged cell spans
the columns and rows its borders enclose); every word of the page inside a table goes to the cell
holding the word's middle (a word, not a character: the finder's snapped borders may run a little
inside a cell, and must not cut its first digit off). The page's other text is read by pdfium in
bands above, beside and below the tables, in pdfium's reading order as on a page without tables.

Ruled tables come from the "lines" strategy. The "text" strategy (columns from the words'
alignment) sees a table in any aligned prose, so it is used only between the rules of a
three-line table (三线表: a rule over the header, one under it, one under the body, the rule under
the header telling the header rows), and what it finds there is taken only with short cells and
numbers in most body rows. Other tables drawn without lines are still found in the text by
`find_text_tables`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.documents.tables import NUMBER, Table

# Numbers standing apart from words in pdfium's text ("乡村 56401 40.42"): a table's, as Chinese
# prose glues its numbers to words (one of them may be the page's number).
MIN_LONE_NUMBERS = 3
DIGIT_STARTS = frozenset("0123456789-+−–.")
MIN_PATHS = 3  # a ruled table needs a few lines or rectangles (a three-line table three)
# More objects than this on a page (a map, a chart of thousands of points): pdfminer would take
# seconds over it, the table finder longer; the page keeps pdfium's text.
MAX_OBJECTS = 50_000
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
# Between the rules of a three-line table only: rows and columns from the words' alignment.
TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}
MIN_RULE_SHARE = 0.25  # a three-line table's rules span a quarter of the page's width or more
RULE_THICKNESS = 3.0  # points: a thick rule drawn as a rectangle has two edges this close
HEADER_RULE_GAP = 60.0  # points from the top rule to the one under the header (three lines of header)
WORD_TOLERANCE = 1.5  # points between characters of one word; cells stand further apart
LINE_TOLERANCE = 2.0  # points between the tops of words on one line of a cell
EDGE_SLACK = 6.0  # points a column border may move between a table's pages (the finder snaps borders)
# A box around a paragraph, or boxes side by side around paragraphs, are no table: a grid of one
# row or one column is one only when its cells are short (a table's row, its last alone on a page).
MAX_THIN_CELL = 30
PAGE_NUMBER = re.compile(r"[-—–\s]*(?:第\s*)?[0-9]{1,4}\s*(?:页)?(?:\s*/\s*[0-9]{1,4})?[-—–\s]*")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class PdfCell:
    text: str  # one line: the cell's words, its wrapped lines joined
    row: int  # in the table's rows with text
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class PdfTable:
    rows: tuple[tuple[PdfCell, ...], ...]  # the cells starting in each row, left to right
    n_cols: int
    col_edges: tuple[float, ...]  # the x of each column border, left to right
    x0: float
    top: float  # pdfplumber's coordinates: points from the page's top-left corner
    x1: float
    bottom: float
    header_rows: int | None = None  # known from the rule under a three-line table's header; else guessed


def lone_numbers(text: str, enough: int = MIN_LONE_NUMBERS) -> int:
    """How many numbers stand apart from words in `text` (counting stops at `enough`)."""
    found = 0
    for token in text.split():
        if token[0] in DIGIT_STARTS and NUMBER.fullmatch(token):
            found += 1
            if found >= enough:
                break
    return found


def may_hold_table(page: Any, text: str, min_numbers: int = MIN_LONE_NUMBERS) -> bool:
    """Whether the pdfium page may hold a ruled table of figures: numbers standing apart, and
    drawn paths (or forms, which may hold them) among its objects. (The page after one that ends
    in a table may hold its last row alone: its reader asks for one number.)"""
    if lone_numbers(text, min_numbers) < min_numbers or page.get_rotation() % 360 or page.get_mediabox()[:2] != (0, 0):
        return False  # (a turned or shifted page: its coordinates in pdfplumber and pdfium differ)
    import pypdfium2.raw as pdfium_c

    paths = 0
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count > MAX_OBJECTS:
        return False
    for i in range(count):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, i))
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
            if paths >= MIN_PATHS:
                return True
    return False


def find_tables(page: Any, repair: Callable[[str], str] = str) -> list[PdfTable]:
    """The ruled tables of a pdfplumber page, top to bottom; `repair` mends each cell's text."""
    x0, top, x1, bottom = page.bbox
    ruled = [  # (drawn outside the page, clipped: not the page's)
        t
        for t in page.find_tables(TABLE_SETTINGS)
        if t.cells and t.bbox[0] >= x0 - 1 and t.bbox[1] >= top - 1 and t.bbox[2] <= x1 + 1 and t.bbox[3] <= bottom + 1
    ]
    regions = _three_line_regions(page, [t.bbox for t in ruled])
    if not ruled and not regions:
        return []
    words = page.extract_words(x_tolerance=WORD_TOLERANCE, y_tolerance=LINE_TOLERANCE, keep_blank_chars=False)
    found: list[tuple[tuple[float, float, float, float], PdfTable]] = []
    for table in ruled:
        built = _grid_table(table.cells, table.bbox, words, repair)
        if built is not None:
            found.append((table.bbox, built))
    for region, header_rule in regions:
        settings = {**TEXT_SETTINGS, "explicit_horizontal_lines": [region[1] + 1, header_rule, region[3] - 1]}
        grids = [t for t in page.crop(region).find_tables(settings) if t.cells]
        if not grids:
            continue
        # one table between the rules, every word there in it; its extent is the rules' (the words'
        # own edges would cut pdfium's text of them in two)
        table = max(grids, key=lambda t: len(t.cells))
        boxes = list(table.cells) + _header_boxes(table.cells, table.bbox[1], region, words)
        built = _grid_table(boxes, region, words, repair, header_rule)
        if built is not None and _looks_like_figures(built):
            found.append((region, built))
    return [built for _, built in sorted(found, key=lambda item: (item[0][1], item[0][0]))]


def _three_line_regions(
    page: Any, taken: Sequence[tuple[float, float, float, float]]
) -> list[tuple[tuple[float, float, float, float], float]]:
    """Where the page draws three-line tables (三线表, as Chinese statistics print them: a rule
    over the header, one under it, one under the body; no vertical lines), and the y of each
    one's header rule. Rules of other lengths, or a vertical line among them, make no such table."""
    width = page.bbox[2] - page.bbox[0]
    rules: list[list[float]] = []  # [top, x0, x1], a thick rule's two edges as one
    for edge in sorted(page.horizontal_edges, key=lambda e: e["top"]):
        if edge["x1"] - edge["x0"] < width * MIN_RULE_SHARE or _inside(edge, taken):
            continue
        last = rules[-1] if rules else None
        if last and edge["top"] - last[0] <= RULE_THICKNESS and _same_extent(last, edge["x0"], edge["x1"]):
            continue
        rules.append([edge["top"], edge["x0"], edge["x1"]])
    verticals = [
        e for e in page.vertical_edges if e["bottom"] - e["top"] >= 3 * LINE_TOLERANCE and not _inside(e, taken)
    ]
    regions = []
    i = 0
    while i + 2 < len(rules):
        above, under = rules[i], rules[i + 1]
        end = next((k for k in range(i + 2, len(rules)) if _same_extent(rules[k], above[1], above[2])), None)
        if not _same_extent(under, above[1], above[2]) or under[0] - above[0] > HEADER_RULE_GAP or end is None:
            i += 1
            continue
        region = (above[1] - 1, above[0] - 1, above[2] + 1, rules[end][0] + 1)
        if not any(_inside(e, [region]) for e in verticals):
            regions.append((region, under[0]))
        i = end + 1
    return regions


def _header_boxes(
    cells: Sequence[tuple[float, float, float, float]],
    grid_top: float,
    region: tuple[float, float, float, float],
    words: Sequence[dict[str, Any]],
) -> list[tuple[float, float, float, float]]:
    """Boxes for the header lines the text strategy left out of its grid (header words stand
    centred, out of line with the columns): a row of boxes on the grid's columns for each line of
    words between the top rule and the grid."""
    x0, top, x1, _ = region
    tops: list[float] = []
    for word in sorted(words, key=lambda w: w["top"]):
        mid_x, mid_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        if x0 <= mid_x <= x1 and top <= mid_y < grid_top and (not tops or word["top"] - tops[-1] > LINE_TOLERANCE):
            tops.append(word["top"])
    if not tops:
        return []
    xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
    bounds = [top, *tops[1:], grid_top]
    rows, cols = list(zip(bounds, bounds[1:], strict=False)), list(zip(xs, xs[1:], strict=False))
    return [(a, b0, b, b1) for b0, b1 in rows for a, b in cols]


def _same_extent(rule: Sequence[float], x0: float, x1: float) -> bool:
    return abs(rule[1] - x0) <= EDGE_SLACK and abs(rule[2] - x1) <= EDGE_SLACK


def _inside(edge: dict[str, Any], boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    return any(
        b[0] - 1 <= edge["x0"] and edge["x1"] <= b[2] + 1 and b[1] - 1 <= edge["top"] and edge["bottom"] <= b[3] + 1
        for b in boxes
    )


def _looks_like_figures(table: PdfTable) -> bool:
    """A grid the text strategy drew between rules is a table of figures only when its cells are
    short and most of its body rows hold a number past their label (prose holds neither)."""
    body = table.rows[table.header_rows or 0 :]
    if len(body) < 1 or table.n_cols < 2 or any(len(c.text) > MAX_THIN_CELL for row in table.rows for c in row):
        return False
    numeric = sum(1 for row in body if any(c.col > 0 and NUMBER.fullmatch(c.text) for c in row))
    return numeric * 2 >= len(body)


def _grid_table(
    boxes: Sequence[tuple[float, float, float, float]],
    bbox: tuple[float, float, float, float],
    words: Sequence[dict[str, Any]],
    repair: Callable[[str], str],
    header_rule: float | None = None,
) -> PdfTable | None:
    """The table on the grid of `boxes` (cell boxes the finder found), each word inside `bbox` in
    the box holding its middle; the rows above `header_rule` (if given) are the header."""
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    col_of = {x: i for i, x in enumerate(xs)}
    row_of = {y: i for i, y in enumerate(ys)}
    n_cols, n_rows = len(xs) - 1, len(ys) - 1
    if n_cols < 1 or n_rows < 1:
        return None
    # each box on the grid; `owner` finds the box over any grid square (a merged cell over several)
    placed = []
    owner: dict[tuple[int, int], int] = {}
    for k, (x0, top, x1, bottom) in enumerate(boxes):
        r0, r1, c0, c1 = row_of[top], row_of[bottom], col_of[x0], col_of[x1]
        placed.append((r0, c0, max(1, r1 - r0), max(1, c1 - c0)))
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), k)
    texts: list[list[tuple[float, float, str]]] = [[] for _ in boxes]
    x0, top, x1, bottom = bbox
    inside = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    # a grid from the words' alignment has its column borders on the words' edges; a header word
    # centred over its column would fall on the wrong side: the borders go to the gaps' middles
    borders = _gap_middles(xs, [w for w in inside if w["top"] > header_rule]) if header_rule is not None else xs
    for word in inside:
        mid_x, mid_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        r = min(max(bisect.bisect_right(ys, mid_y) - 1, 0), n_rows - 1)
        c = min(max(bisect.bisect_right(borders, mid_x) - 1, 0), n_cols - 1)
        box = owner.get((r, c))
        if box is None:  # a square no box covers (a hole in the grid): the nearest box in its row
            box = _nearest(placed, r, c)
        if box is not None:
            texts[box].append((word["top"], word["x0"], word["text"]))
    cell_text = [repair(_joined(pieces)) for pieces in texts]
    # rows with no text at all are left out (as the .docx reader does); spans shrink to the rows kept
    kept = [False] * n_rows
    for (r, _, _, _), text in zip(placed, cell_text, strict=True):
        if text:
            kept[r] = True
    new_row = [0] * (n_rows + 1)
    for r in range(n_rows):
        new_row[r + 1] = new_row[r] + kept[r]
    rows: list[list[PdfCell]] = [[] for _ in range(new_row[n_rows])]
    for (r, c, rowspan, colspan), text in zip(placed, cell_text, strict=True):
        if not kept[r]:
            continue
        span = max(1, new_row[r + rowspan] - new_row[r])
        rows[new_row[r]].append(PdfCell(text, new_row[r], c, span, colspan))
    written = [cell.text for row in rows for cell in row]
    if not any(written) or (len(rows) < 2 or n_cols < 2) and max(map(len, written)) > MAX_THIN_CELL:
        return None
    header_rows = None
    if header_rule is not None:
        above = sum(1 for r in range(n_rows) if (ys[r] + ys[r + 1]) / 2 < header_rule)  # grid rows over the rule
        header_rows = new_row[above]
    return PdfTable(
        tuple(tuple(sorted(row, key=lambda cell: cell.col)) for row in rows),
        n_cols,
        tuple(xs),
        x0,
        top,
        x1,
        bottom,
        header_rows,
    )


def _gap_middles(xs: Sequence[float], words: Sequence[dict[str, Any]]) -> list[float]:
    """Column borders `xs` each moved to the middle of the blank between the words of the columns
    on either side of it (where there is one)."""
    n = len(xs) - 1
    right_end = [float("-inf")] * n  # the right edge of each column's words
    left_end = [float("inf")] * n
    for word in words:
        c = min(max(bisect.bisect_right(xs, (word["x0"] + word["x1"]) / 2) - 1, 0), n - 1)
        right_end[c] = max(right_end[c], word["x1"])
        left_end[c] = min(left_end[c], word["x0"])
    moved = list(xs)
    for i in range(1, n):
        if right_end[i - 1] <= left_end[i] and right_end[i - 1] > float("-inf") and left_end[i] < float("inf"):
            moved[i] = (right_end[i - 1] + left_end[i]) / 2
    return moved


def _nearest(placed: Sequence[tuple[int, int, int, int]], r: int, c: int) -> int | None:
    best, distance = None, None
    for k, (r0, c0, rowspan, colspan) in enumerate(placed):
        if r0 <= r < r0 + rowspan:
            d = 0 if c0 <= c < c0 + colspan else min(abs(c - c0), abs(c - (c0 + colspan - 1)))
            if distance is None or d < distance:
                best, distance = k, d
    return best


def _joined(pieces: list[tuple[float, float, str]]) -> str:
    """A cell's words as one line: words of a line by a space, wrapped lines joined without one
    next to a Chinese character and inside a number (a wrap is the layout's, not the writer's)."""
    if not pieces:
        return ""
    pieces.sort()
    lines: list[list[tuple[float, str]]] = []
    line_top = None
    for top, x, text in pieces:
        if line_top is None or top - line_top > LINE_TOLERANCE:
            lines.append([])
            line_top = top
        lines[-1].append((x, text))
    out = ""
    for line in lines:
        text = " ".join(word for _, word in sorted(line))
        glued = CJK.match(out[-1]) or CJK.match(text[0]) or out[-1].isdigit() and text[0].isdigit() if out else True
        if not glued:
            out += " "
        out += text
    return " ".join(out.split())


def page_blocks(textpage: Any, height: float, tables: Sequence[PdfTable]) -> list[str | PdfTable]:
    """The page in reading order: pdfium's text above each band of tables (one table, or tables
    side by side), the band's tables left to right, the text beside and between them, and the
    text below the last band. `height`: the page's, in points (pdfium counts from the bottom)."""
    bands: list[list[PdfTable]] = []
    for table in sorted(tables, key=lambda t: t.top):
        if bands and table.top < max(t.bottom for t in bands[-1]):
            bands[-1].append(table)
        else:
            bands.append([table])
    blocks: list[str | PdfTable] = []
    above: float | None = None
    for band in bands:
        band.sort(key=lambda t: t.x0)
        top, bottom = min(t.top for t in band), max(t.bottom for t in band)
        blocks.append(textpage.get_text_bounded(bottom=height - top, top=None if above is None else height - above))
        blocks.extend(band)
        edges = [None, *[x for t in band for x in (t.x0, t.x1)], None]
        for left, right in zip(edges[::2], edges[1::2], strict=True):
            blocks.append(textpage.get_text_bounded(left=left, right=right, bottom=height - bottom, top=height - top))
        above = bottom
    blocks.append(textpage.get_text_bounded(top=None if above is None else height - above))
    return blocks


def is_page_number(text: str) -> bool:
    """Whether text is only a page's number (1, - 2 -, 第3页, 4/10): a footer, not the report's."""
    return all(not line.strip() or PAGE_NUMBER.fullmatch(line) for line in text.splitlines())


def continues(previous: PdfTable, table: PdfTable) -> bool:
    """Whether `table`, at the top of a page, goes on with `previous`, at the bottom of the page
    before: the same columns (nothing but a page number between them is for the caller to see)."""
    if previous.n_cols != table.n_cols or len(previous.col_edges) != len(table.col_edges):
        return False
    return all(abs(a - b) <= EDGE_SLACK for a, b in zip(previous.col_edges, table.col_edges, strict=True))


def without_overlaps(tables: Sequence[Table], others: Sequence[Table]) -> tuple[Table, ...]:
    """`tables` with those of `others` that overlap none of them, in text order (the tables the
    text finder sees where the PDF's ruled tables were written are the same tables again)."""
    starts = sorted((t.start, t.end) for t in tables)
    kept = list(tables)
    for other in others:
        i = bisect.bisect_right(starts, (other.end, float("inf"))) - 1
        if i >= 0 and starts[i][1] >= other.start:
            continue
        kept.append(other)
    return tuple(sorted(kept, key=lambda t: t.start))
