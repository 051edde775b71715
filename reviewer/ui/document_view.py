"""The document as text with every figure highlighted in place.

Highlights are drawn by a QSyntaxHighlighter that formats the spans of one block at a time (Qt
asks only for blocks that need it), which stays fast for a 300,000-character report with
thousands of figures; only the current figure uses an extra selection.

The view shows the text of ui/view_text.py: the document's, but with each table's rows laid out
in columns (ui/table_columns.py), header rows set apart and captions and unit lines styled.
Every offset that comes in or goes out is the document's, converted by one ViewOffsets (the
view's own layout and Qt's UTF-16 units) for highlights, the current figure, clicks and the
selection a missed figure is added from.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from reviewer.documents.tables import Table
from reviewer.model import Status
from reviewer.store.records import StoredFigure
from reviewer.ui.offsets import ViewOffsets
from reviewer.ui.style import (
    CAPTION,
    UNIT,
    current_format,
    finding_format,
    format_for,
    header_format,
    marked_format,
    table_line_format,
)
from reviewer.ui.table_columns import TableColumns
from reviewer.ui.view_text import ViewText, lay_out

ROW_SEPARATOR = "\u00a0" * 3  # between the cells of a row in the inspector


class _Spans:
    """Figure spans in Qt units, sorted, for bisection by block."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.ids: list[int] = []
        self.status: dict[int, Status] = {}
        self.marked: set[int] = set()  # figures with an open finding of the checks

    def load(self, items: list[tuple[int, int, int, Status]]) -> None:
        items = sorted(items)
        self.starts = [i[0] for i in items]
        self.ends = [i[1] for i in items]
        self.ids = [i[2] for i in items]
        self.status = {i[2]: i[3] for i in items}

    def overlapping(self, start: int, end: int):
        i = bisect.bisect_right(self.ends, start)
        while i < len(self.starts) and self.starts[i] < end:
            yield self.starts[i], self.ends[i], self.ids[i]
            i += 1

    def at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.starts[i] <= pos < self.ends[i]:
            return self.ids[i]
        return None


class _TableLines:
    """Captions and unit lines in Qt units, sorted, with the style of each."""

    def __init__(self, items: Sequence[tuple[int, int, str]] = ()):
        self.items = sorted(items)
        self.starts = [i[0] for i in self.items]

    def overlapping(self, start: int, end: int):
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] > start:
                yield self.items[i]
            i += 1


class FigureHighlighter(QSyntaxHighlighter):
    def __init__(self, document, spans: _Spans, dates: _Spans):
        super().__init__(document)
        self._spans = spans
        self._dates = dates
        self.show_dates = False
        self._date_format = QTextCharFormat()
        self._date_format.setForeground(Qt.GlobalColor.darkGray)
        self._date_format.setFontItalic(True)
        self.tables: TableColumns | None = None  # None: the document has no tables
        self.table_lines = _TableLines()
        self.header_format = QTextCharFormat()  # set from the view's palette

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1  # Qt units; len(text) would count code points
        row = self.tables.row_at(start) if self.tables is not None else None
        header = row is not None and self.tables is not None and self.tables.header(row)
        if header:
            self.setFormat(0, end - start, self.header_format)
        elif row is None:
            for s, e, kind in self.table_lines.overlapping(start, end):
                self.setFormat(max(s, start) - start, min(e, end) - max(s, start), table_line_format(kind))
        if self.show_dates:
            for s, e, _ in self._dates.overlapping(start, end):
                self._set(max(s, start) - start, min(e, end) - max(s, start), self._date_format, header)
        for s, e, figure_id in self._spans.overlapping(start, end):
            fmt = format_for(self._spans.status[figure_id])
            if figure_id in self._spans.marked:
                fmt = marked_format(fmt)
            self._set(max(s, start) - start, min(e, end) - max(s, start), fmt, header)
        if row is not None and self.tables is not None and self.tables.aligned(row):
            for pos, spacing in self.tables.separators(row):
                fmt = QTextCharFormat(self.format(pos))
                fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
                fmt.setFontLetterSpacing(spacing)
                self.setFormat(pos, 1, fmt)

    def _set(self, start: int, length: int, fmt: QTextCharFormat, header: bool) -> None:
        """A header cell keeps its bold under a highlight: its width is measured bold."""
        if header:
            fmt = QTextCharFormat(fmt)
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setBackground(fmt.background() if fmt.background().style() != Qt.BrushStyle.NoBrush
                              else self.header_format.background())
        self.setFormat(start, length, fmt)


class DocumentView(QPlainTextEdit):
    figureClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setObjectName("documentView")
        self._view_text = lay_out("")
        self._row_starts: list[int] = []
        self._offsets = ViewOffsets(self._view_text)
        self._spans = _Spans()
        self._dates = _Spans()
        self._highlighter = FigureHighlighter(self.document(), self._spans, self._dates)
        self._current: int | None = None
        self._finding: list[int] = []  # the figures of the finding chosen in the Checks panel
        self._figure_spans: dict[int, tuple[int, int]] = {}
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(80)
        self._fit_timer.timeout.connect(self._fit_tables)

    # -- content -----------------------------------------------------------------------------

    def set_document(self, text: str, figures: list[StoredFigure], dates: Sequence[tuple[int, int]] = (),
                     tables: Sequence[Table] = ()) -> None:
        """The document's text with its figures (and dates) highlighted; its tables laid out in
        columns. Every offset given or handed back is the document's (code points)."""
        view = lay_out(text, tables)
        self._view_text = view
        self._row_starts = [row.start for row in view.rows]
        self._offsets = ViewOffsets(view)
        self._current = None
        self._finding = []
        self._load_spans(figures)
        self._dates.load([(self._offsets.to_qt(s), self._offsets.to_qt(e, end=True), -1 - i, Status.PENDING)
                          for i, (s, e) in enumerate(dates)])
        self._load_tables(view)
        self.setExtraSelections([])
        self._highlighter.setDocument(None)  # no highlighting pass on the raw text
        self.setPlainText(view.text)
        self._highlighter.setDocument(self.document())

    def _load_tables(self, view: ViewText) -> None:
        if not view.rows:
            self._highlighter.tables = None
            self._highlighter.table_lines = _TableLines()
            return
        columns = TableColumns(view, self._offsets)
        columns.set_font(self.document().defaultFont())
        columns.set_width(self._line_width())
        self._highlighter.tables = columns
        self._highlighter.header_format = header_format(self.palette())
        to_qt = self._offsets.view_to_qt
        lines = [(to_qt(s), to_qt(e), kind) for table in view.tables
                 for kind, (s, e) in ((CAPTION, table.caption or (0, 0)), (UNIT, table.unit or (0, 0))) if s < e]
        self._highlighter.table_lines = _TableLines(lines)

    def _line_width(self) -> float:
        return self.viewport().width() - 2 * self.document().documentMargin() - self.cursorWidth() - 1

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        tables = getattr(self, "_highlighter", None) and self._highlighter.tables
        if event.type() == QEvent.Type.FontChange and tables:
            tables.set_font(self.document().defaultFont())  # the columns are measured in the font
            tables.set_width(self._line_width())
            self._restyle(tables.qt_positions())
        elif event.type() == QEvent.Type.PaletteChange and tables:
            self._highlighter.header_format = header_format(self.palette())  # a dark palette: its own band
            self._restyle(tables.qt_positions())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_highlighter", None) and self._highlighter.tables:
            self._fit_timer.start()  # once the resizing pauses: a table of 5,000 rows is restyled once

    def _fit_tables(self) -> None:
        if self._highlighter.tables:
            self._restyle(self._highlighter.tables.set_width(self._line_width()))

    def _restyle(self, positions: list[int]) -> None:
        for position in positions:
            self._highlighter.rehighlightBlock(self.document().findBlock(position))

    def _load_spans(self, figures: list[StoredFigure]) -> None:
        visible = [f for f in figures if not f.orphaned and not f.removed]
        self._figure_spans = {f.id: self._qt_span(f) for f in visible}
        self._spans.load([(*self._figure_spans[f.id], f.id, f.status) for f in visible])

    def _qt_span(self, figure: StoredFigure) -> tuple[int, int]:
        return self._offsets.to_qt(figure.start), self._offsets.to_qt(figure.end, end=True)

    def set_show_dates(self, show: bool) -> None:
        self._highlighter.show_dates = show
        self._highlighter.rehighlight()

    def update_figure(self, figure: StoredFigure) -> None:
        """A decision changed: re-colour just that figure's block."""
        visible = not figure.removed and not figure.orphaned
        known = figure.id in self._figure_spans
        if visible and known:
            self._spans.status[figure.id] = figure.status
            self._rehighlight_span(*self._figure_spans[figure.id])
        elif visible or known:
            self._add_or_remove(figure, visible)

    def _add_or_remove(self, figure: StoredFigure, visible: bool) -> None:
        """A figure added by hand, or one removed (an undone addition)."""
        spans = [(s, e, fid, self._spans.status[fid])
                 for s, e, fid in zip(self._spans.starts, self._spans.ends, self._spans.ids, strict=True)
                 if fid != figure.id]
        if visible:
            self._figure_spans[figure.id] = self._qt_span(figure)
            spans.append((*self._figure_spans[figure.id], figure.id, figure.status))
            changed = self._figure_spans[figure.id]
        else:
            changed = self._figure_spans.pop(figure.id)
        self._spans.load(spans)
        self._rehighlight_span(*changed)

    def _rehighlight_span(self, start: int, end: int) -> None:
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            self._highlighter.rehighlightBlock(block)
            block = block.next()

    # -- the checks' marks --------------------------------------------------------------------

    def set_marked(self, figure_ids: set[int]) -> None:
        """The figures with an open finding carry a mark (re-drawn only where it changed)."""
        changed = self._spans.marked ^ set(figure_ids)
        self._spans.marked = set(figure_ids)
        for figure_id in changed:
            if figure_id in self._figure_spans:
                self._rehighlight_span(*self._figure_spans[figure_id])

    def marked(self) -> set[int]:
        return set(self._spans.marked)

    def set_finding(self, figure_ids: Sequence[int]) -> None:
        """The figures of the finding chosen in the Checks panel, highlighted together."""
        self._finding = [i for i in figure_ids if i in self._figure_spans]
        self._show_selections()

    def finding(self) -> list[int]:
        return list(self._finding)

    def _selection(self, figure_id: int, fmt) -> QTextEdit.ExtraSelection:
        start, end = self._figure_spans[figure_id]
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _show_selections(self) -> None:
        selections = [self._selection(i, finding_format()) for i in self._finding if i != self._current]
        if self._current is not None and self._current in self._figure_spans:
            selections.append(self._selection(self._current, current_format()))
        self.setExtraSelections(selections)

    # -- the current figure ------------------------------------------------------------------

    def set_current(self, figure_id: int | None) -> None:
        self._current = figure_id
        self._show_selections()
        if figure_id is None or figure_id not in self._figure_spans:
            return
        start, end = self._figure_spans[figure_id]
        view_cursor = QTextCursor(self.document())
        view_cursor.setPosition(start)
        self.setTextCursor(view_cursor)
        self.centerCursor()

    def current(self) -> int | None:
        return self._current

    def row_around(self, start: int, end: int) -> tuple[str, str, str] | None:
        """(before, the span, after) in the table row that holds a document span, as the view
        shows the row (its cells three no-break spaces apart, which no HTML collapses); None
        outside a laid-out row."""
        view = self._view_text
        vs, ve = self._offsets.to_view(start), self._offsets.to_view(end, end=True)
        i = bisect.bisect_right(self._row_starts, vs) - 1
        if i < 0 or not view.rows[i].aligned or ve > view.rows[i].end:
            return None
        row = view.rows[i]
        separators = {cell.start - 1 for cell in row.cells if cell.start > row.start}

        def shown(a: int, b: int) -> str:
            return "".join(ROW_SEPARATOR if k in separators else view.text[k] for k in range(a, b))

        return shown(row.start, vs), shown(vs, ve), shown(ve, row.end)

    def figure_span_qt(self, figure_id: int) -> tuple[int, int] | None:
        return self._figure_spans.get(figure_id)

    # -- selection and clicks ------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as Python offsets, for adding a missed figure."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self._offsets.to_document(cursor.selectionStart()),
                self._offsets.to_document(cursor.selectionEnd(), end=True))

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            figure_id = self._spans.at(self.cursorForPosition(event.position().toPoint()).position())
            if figure_id is not None:
                self.figureClicked.emit(figure_id)
