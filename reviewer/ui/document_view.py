"""The document as text with every figure highlighted in place.

Highlights are drawn by a QSyntaxHighlighter that formats the spans of one block at a time (Qt
asks only for blocks that need it), which stays fast for a 300,000-character report with
thousands of figures; only the current figure uses an extra selection. All offsets are
converted between Python code points and Qt's UTF-16 units.
"""
from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from reviewer.model import Status
from reviewer.store.records import StoredFigure
from reviewer.ui.offsets import Utf16Offsets
from reviewer.ui.style import current_format, format_for


class _Spans:
    """Figure spans in Qt units, sorted, for bisection by block."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.ids: list[int] = []
        self.status: dict[int, Status] = {}

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


class FigureHighlighter(QSyntaxHighlighter):
    def __init__(self, document, spans: _Spans, dates: _Spans):
        super().__init__(document)
        self._spans = spans
        self._dates = dates
        self.show_dates = False
        self._date_format = QTextCharFormat()
        self._date_format.setForeground(Qt.GlobalColor.darkGray)
        self._date_format.setFontItalic(True)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1  # Qt units; len(text) would count code points
        if self.show_dates:
            for s, e, _ in self._dates.overlapping(start, end):
                self.setFormat(max(s, start) - start, min(e, end) - max(s, start), self._date_format)
        for s, e, figure_id in self._spans.overlapping(start, end):
            fmt = format_for(self._spans.status[figure_id])
            self.setFormat(max(s, start) - start, min(e, end) - max(s, start), fmt)


class DocumentView(QPlainTextEdit):
    figureClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setObjectName("documentView")
        self._offsets = Utf16Offsets("")
        self._spans = _Spans()
        self._dates = _Spans()
        self._highlighter = FigureHighlighter(self.document(), self._spans, self._dates)
        self._current: int | None = None
        self._figure_spans: dict[int, tuple[int, int]] = {}

    # -- content -----------------------------------------------------------------------------

    def set_document(self, text: str, figures: list[StoredFigure], dates: list[tuple[int, int]] = ()) -> None:
        self._offsets = Utf16Offsets(text)
        self._current = None
        self._load_spans(figures)
        self._dates.load([(self._offsets.to_qt(s), self._offsets.to_qt(e), -1 - i, Status.PENDING)
                          for i, (s, e) in enumerate(dates)])
        self.setExtraSelections([])
        self._highlighter.setDocument(None)  # no highlighting pass on the raw text
        self.setPlainText(text)
        self._highlighter.setDocument(self.document())

    def _load_spans(self, figures: list[StoredFigure]) -> None:
        visible = [f for f in figures if not f.orphaned and not f.removed]
        self._figure_spans = {f.id: (self._offsets.to_qt(f.start), self._offsets.to_qt(f.end)) for f in visible}
        self._spans.load([(*self._figure_spans[f.id], f.id, f.status) for f in visible])

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
            self._figure_spans[figure.id] = (self._offsets.to_qt(figure.start), self._offsets.to_qt(figure.end))
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

    # -- the current figure ------------------------------------------------------------------

    def set_current(self, figure_id: int | None) -> None:
        self._current = figure_id
        if figure_id is None or figure_id not in self._figure_spans:
            self.setExtraSelections([])
            return
        start, end = self._figure_spans[figure_id]
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = current_format()
        self.setExtraSelections([selection])
        view_cursor = QTextCursor(self.document())
        view_cursor.setPosition(start)
        self.setTextCursor(view_cursor)
        self.centerCursor()

    def current(self) -> int | None:
        return self._current

    def figure_span_qt(self, figure_id: int) -> tuple[int, int] | None:
        return self._figure_spans.get(figure_id)

    # -- selection and clicks ------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as Python offsets, for adding a missed figure."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.to_python(cursor.selectionStart()), self._offsets.to_python(cursor.selectionEnd())

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            figure_id = self._spans.at(self.cursorForPosition(event.position().toPoint()).position())
            if figure_id is not None:
                self.figureClicked.emit(figure_id)
