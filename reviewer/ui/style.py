"""Colours and marks of the review states: distinguishable by colour and without it (each state
has its own underline or strike), and readable on light and dark backgrounds."""
from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

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


# The panes single keys work in (documents, text, table) show when they have the keyboard:
# a frame in the palette's highlight colour, which stands out on light and dark palettes alike.
# Unfocused, the frame is there in the base colour, so nothing moves when focus comes and goes.
FOCUS_FRAME_WIDTH = 2
_FOCUS_FRAME = ("#{name} {{ border: {width}px solid palette(mid); }} "
                "#{name}:focus {{ border: {width}px solid palette(highlight); }}")


def show_focus(widget) -> None:
    """Give a pane (it must have an object name) the frame that says it has the keyboard."""
    widget.setStyleSheet(_FOCUS_FRAME.format(name=widget.objectName(), width=FOCUS_FRAME_WIDTH))
