"""Colours and marks of the review states: distinguishable by colour and without it (each state
has its own underline or strike), and readable on light and dark backgrounds."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import QWidget

from reviewer.model import Status

STATUS_BACKGROUND = {
    Status.PENDING: QColor("#FFE9A8"),    # amber: still to do
    Status.CONFIRMED: QColor("#CDEBCB"),  # green
    Status.CORRECTED: QColor("#CFE0FF"),  # blue
    Status.REJECTED: QColor("#E3E3E3"),   # grey
}
CURRENT_BACKGROUND = QColor("#FF9E40")


def status_format(status: Status) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(STATUS_BACKGROUND[status])
    if status is Status.PENDING:
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
    elif status is Status.CONFIRMED:
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
    elif status is Status.CORRECTED:
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
    else:
        fmt.setFontStrikeOut(True)
    return fmt


STATUS_FORMATS: dict[Status, QTextCharFormat] = {}


def format_for(status: Status) -> QTextCharFormat:
    if status not in STATUS_FORMATS:
        STATUS_FORMATS[status] = status_format(status)
    return STATUS_FORMATS[status]


def current_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(CURRENT_BACKGROUND)
    fmt.setFontWeight(700)
    return fmt


# the checks: a figure with an open finding keeps its state's colours and gains a red overline and
# red underline (a mark seen without colour too); the figures of the finding chosen in the Checks
# panel stand on a rose band
FINDING_MARK = QColor("#C0392B")
FINDING_BACKGROUND = QColor("#F9C6C0")
_MARKED: dict[int, QTextCharFormat] = {}


def marked_format(fmt: QTextCharFormat) -> QTextCharFormat:
    key = id(fmt)
    if key not in _MARKED:
        marked = QTextCharFormat(fmt)
        marked.setFontOverline(True)
        marked.setFontUnderline(True)
        marked.setUnderlineColor(FINDING_MARK)
        marked.setForeground(FINDING_MARK)
        _MARKED[key] = marked
    return _MARKED[key]


def finding_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(FINDING_BACKGROUND)
    fmt.setFontWeight(700)
    return fmt


# tables in the document view: the header rows on a band of the text's colour faintly over the
# background (opaque: translucent pieces that overlap at a cell's edge would show seams), the
# caption bold, the unit line in italics
CAPTION = "caption"
UNIT = "unit"


def header_format(palette: QPalette) -> QTextCharFormat:
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    mix = 0.12
    band = QColor.fromRgbF(*(b + (t - b) * mix for b, t in zip(base.getRgbF()[:3], text.getRgbF()[:3], strict=True)))
    fmt = QTextCharFormat()
    fmt.setFontWeight(700)
    fmt.setBackground(band)
    return fmt


def table_line_format(kind: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if kind == CAPTION:
        fmt.setFontWeight(700)
    else:
        fmt.setFontItalic(True)
    return fmt


# The panes single keys work in (documents, text, table) show when they have the keyboard:
# a frame in the palette's highlight colour, which stands out on light and dark palettes alike.
# Unfocused, the frame is there in the palette's mid colour, so nothing moves when focus comes
# and goes.
FOCUS_FRAME_WIDTH = 2


class FocusFrame(QWidget):
    """The frame, drawn over its pane. Painted by hand rather than through a style sheet: a style
    sheet on the table sends every repaint of its cells through Qt's style-sheet style, which
    cost about 6 ms of each confirm-and-move (benchmarks/bench_ui.py)."""

    def __init__(self, pane: QWidget):
        super().__init__(pane)
        self.pane = pane
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pane.installEventFilter(self)
        self._follow()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.pane and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut, QEvent.Type.Resize):
            self._follow()
        return False

    def _follow(self) -> None:
        self.setGeometry(self.pane.rect())
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:
        role = QPalette.ColorRole.Highlight if self.pane.hasFocus() else QPalette.ColorRole.Mid
        pen = QPen(self.pane.palette().color(role), FOCUS_FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter = QPainter(self)
        painter.setPen(pen)
        half = FOCUS_FRAME_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


def show_focus(widget: QWidget) -> FocusFrame:
    """Give a pane the frame that says it has the keyboard."""
    return FocusFrame(widget)
