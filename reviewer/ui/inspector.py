"""The inspector: the current figure in its sentence, its parsed value in full, and the fields
to correct value, unit, kind and indicator and to write a note."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.extract.reading import SCALE
from reviewer.extract.value_input import (
    RATIO_KINDS,
    TypedValue,
    read_typed_value,
    unit_contradicts_kind,
    written_value,
)
from reviewer.i18n import translate_parts
from reviewer.model import Kind
from reviewer.sentences import sentence_around
from reviewer.store.records import StoredFigure
from reviewer.ui.labels import format_value, kind_label, status_label, tr
from reviewer.ui.style import STATUS_BACKGROUND

FIGURE_KINDS = [k for k in Kind if k is not Kind.DATE]


class InvalidValue(ValueError):
    """The value field holds something that is not one value; str() is the reviewer's message."""


class _EscapeCancels(QObject):
    """Escape in a correction field: the edit is cancelled (the inspector decides what that means)."""

    def __init__(self, cancel, parent=None):
        super().__init__(parent)
        self._cancel = cancel

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and not (
                isinstance(obj, QComboBox) and obj.view().isVisible()):
            self._cancel()
            return True
        return False


class _PassModifiedShortcuts(QObject):
    """Line edits claim Ctrl+Backspace (delete a word); let the window's review shortcuts have
    the modified keys instead, so they work while typing."""

    def __init__(self, sequences: list[QKeySequence], parent=None):
        super().__init__(parent)
        self._keys = {seq[0].toCombined() for seq in sequences if not seq.isEmpty()}

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            combined = event.keyCombination().toCombined()
            if combined in self._keys:
                event.ignore()
                return True
        return False


class Inspector(QWidget):
    correctionRequested = Signal(dict)   # {"value", "unit", "kind", "indicator", "note"}
    noteRequested = Signal(str)
    invalidInput = Signal(str)
    nothingChanged = Signal()            # Enter on the fields as they were: no correction
    editCancelled = Signal()             # Escape in a field: the fields are the figure's again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self._figure: StoredFigure | None = None
        self._shown_value = ""  # the value field as filled in, to tell an edit from no edit
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.heading = QLabel()
        self.heading.setObjectName("inspectorHeading")
        # a text browser, not a label: it wraps long Chinese sentences reliably inside a dock
        self.sentence = QTextBrowser()
        self.sentence.setObjectName("sentence")
        self.sentence.setFrameShape(QFrame.Shape.NoFrame)
        self.sentence.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.sentence.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.sentence.viewport().setAutoFillBackground(False)
        self.parsed = QLabel()
        self.parsed.setObjectName("parsedValue")
        self.parsed.setWordWrap(True)
        self.parsed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # where a figure of a table stands: its table, row and column, and what gave its unit
        self.table_place = QLabel()
        self.table_place.setObjectName("tablePlace")
        self.table_place.setWordWrap(True)
        self.table_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        # what the checks say of the figure: its open findings, and a reference row's verdict
        self.checks = QLabel()
        self.checks.setObjectName("figureChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks.setVisible(False)
        # the form right under a sentence box of fixed height: it stays where the reviewer aims,
        # whatever the length of the sentence or of the details below it
        layout.addWidget(self.heading)
        layout.addWidget(self.sentence)

        box = QGroupBox(tr("Correct"))
        form = QFormLayout(box)
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("valueEdit")
        self.value_edit.setPlaceholderText(tr("e.g. 80.6亿, 12.5%"))
        self.value_edit.setToolTip(tr("as in a report: 80.6亿, 1.5万, 12.5%, 三成"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setObjectName("unitEdit")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        for kind in FIGURE_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.indicator_edit = QLineEdit()
        self.indicator_edit.setObjectName("indicatorEdit")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(tr("Enter saves the note"))
        self.note_edit.setToolTip(tr("a note for the record (Enter saves it)"))
        form.addRow(tr("Value"), self.value_edit)
        form.addRow(tr("Unit"), self.unit_edit)
        form.addRow(tr("Kind"), self.kind_combo)
        form.addRow(tr("Indicator"), self.indicator_edit)
        form.addRow(tr("Note"), self.note_edit)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(tr("Save correction"))
        self.apply_button.setObjectName("applyCorrection")
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        form.addRow(buttons)
        layout.addWidget(box)
        layout.addWidget(self.parsed)
        layout.addWidget(self.table_place)
        layout.addWidget(self.checks)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.fields_box = box
        self._escape = _EscapeCancels(self.cancel_edit, self)
        for field in (self.value_edit, self.unit_edit, self.kind_combo, self.indicator_edit, self.note_edit):
            field.installEventFilter(self._escape)

        self.apply_button.clicked.connect(self._request_correction)
        for edit in (self.value_edit, self.unit_edit, self.indicator_edit):
            edit.returnPressed.connect(self._request_correction)
        self.note_edit.returnPressed.connect(lambda: self.noteRequested.emit(self.note_edit.text()))
        self.show_figure(None, "")

    def show_checks(self, lines: list[str]) -> None:
        """The checks' word on the figure on show (lines of plain text; none: hidden)."""
        self.checks.setVisible(bool(lines))
        self.checks.setText("<br>".join(html.escape(line) for line in lines))

    def pass_shortcuts_through(self, sequences: list[QKeySequence]) -> None:
        self._filter = _PassModifiedShortcuts(sequences, self)
        for edit in (self.value_edit, self.unit_edit, self.indicator_edit, self.note_edit, self.kind_combo):
            edit.installEventFilter(self._filter)

    def focus_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [self.value_edit, self.unit_edit, self.kind_combo, self.indicator_edit, self.note_edit,
                self.apply_button]

    def editing(self) -> bool:
        return any(w.hasFocus() for w in (self.value_edit, self.unit_edit, self.indicator_edit, self.note_edit))

    def pending_note(self) -> str | None:
        """The note as typed, when it differs from the saved one (so Ctrl+Enter keeps it)."""
        if self._figure is None:
            return None
        typed = self.note_edit.text().strip()
        return typed if typed != (self._figure.note or "") else None

    def set_read_only(self, read_only: bool, title: str | None = None) -> None:
        """A project opened read-only (or a document another reviewer holds, `title` saying so):
        the fields show, nothing can be saved."""
        self._read_only = read_only
        for edit in (self.value_edit, self.unit_edit, self.indicator_edit, self.note_edit):
            edit.setReadOnly(read_only)
        self.kind_combo.setEnabled(not read_only)
        self.apply_button.setEnabled(not read_only)
        # greyed like a disabled field, still selectable and copyable
        self.fields_box.setStyleSheet("QLineEdit[readOnly=\"true\"] { background: palette(window); }" if read_only
                                      else "")
        self.fields_box.setTitle(title or (tr("Correct (read-only project)") if read_only else tr("Correct")))

    def is_read_only(self) -> bool:
        return self._read_only

    def focus_value(self) -> None:
        self.value_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.value_edit.selectAll()

    def figure(self) -> StoredFigure | None:
        return self._figure

    def show_figure(self, figure: StoredFigure | None, text: str,
                    row: tuple[str, str, str] | None = None) -> None:
        """The figure in its sentence of `text`, or for a figure in a table in its row as the
        view shows it (`row`: before, the figure, after)."""
        self._figure = figure
        self.fields_box.setEnabled(figure is not None)
        if figure is None:
            self.heading.setText(tr("No figure selected"))
            for label in (self.sentence, self.parsed, self.table_place, self.details):
                label.clear()
            for edit in (self.value_edit, self.unit_edit, self.indicator_edit, self.note_edit):
                edit.clear()
            return
        chip = STATUS_BACKGROUND[figure.status].name()
        state = html.escape(status_label(figure.status))
        self.heading.setText(f"<b style='font-size:14pt'>{html.escape(figure.text)}</b> &nbsp; "
                             f"<span style='background:{chip}'>&nbsp;{state}&nbsp;</span>")
        if row is not None:
            before, marked, after = row
        else:
            before, marked, after = sentence_around(text, figure.start, figure.end) if text else ("", figure.text, "")
        self.sentence.setHtml(f"{html.escape(before)}<span style='background:#FF9E40;font-weight:bold'>"
                              f"{html.escape(marked)}</span>{html.escape(after)}")
        self._show_marked(len(before), len(before) + len(marked))
        value = format_value(figure.final_value)
        high = f" – {format_value(figure.value_high)}" if figure.value_high is not None else ""
        self.parsed.setText(f"{html.escape(figure.text)} = <b>{value}{high}</b> {html.escape(figure.final_unit or '')}"
                            + (f" &nbsp;({html.escape(figure.approx)})" if figure.approx else ""))
        self._show_table_place(figure)
        facts = [f"{tr('Kind')}: {kind_label(figure.final_kind)}",
                 f"{tr('Indicator')}: {figure.final_indicator or '—'}",
                 f"{tr('Change')}: {figure.change or '—'}", f"{tr('Period')}: {period_text(figure)}",
                 f"{tr('Confidence')}: {figure.confidence:.2f}"
                 + (f" ({translate_parts(figure.reason)})" if figure.reason else "")]
        if figure.corrected_value is not None or figure.corrected_unit:
            facts.append(f"{tr('As extracted')}: {format_value(figure.value)} {figure.unit or ''}")
        if figure.orphaned:
            facts.append(tr("This decision's figure is no longer found in the text"))
        self.details.setText("<br>".join(html.escape(f) for f in facts))
        self._fill_fields(figure)

    def _show_table_place(self, figure: StoredFigure) -> None:
        """A figure in a table: its caption, row and column labels and the unit's source ("单位：万人");
        nothing for a figure in prose."""
        place = (figure.table_caption, figure.row_label, figure.column_label, figure.unit_source)
        in_table = any(v is not None for v in place)
        self.table_place.setVisible(in_table)
        if not in_table:
            self.table_place.clear()
            return
        caption, row, column, unit_source = place
        lines = [(tr("Table"), caption or "—"), (tr("Row"), row or "—"), (tr("Column"), column or "—"),
                 (tr("Unit from"), unit_source or tr("the cell itself"))]
        self.table_place.setText("<br>".join(f"{html.escape(name)}: <b>{html.escape(value)}</b>"
                                             for name, value in lines))

    def _show_marked(self, start: int, end: int) -> None:
        """The sentence box has a fixed height: a long sentence is scrolled to the figure."""
        cursor = self.sentence.textCursor()
        cursor.setPosition(min(end, self.sentence.document().characterCount() - 1))
        self.sentence.setTextCursor(cursor)
        self.sentence.ensureCursorVisible()
        cursor.setPosition(start)
        self.sentence.setTextCursor(cursor)
        self.sentence.ensureCursorVisible()

    def _fill_fields(self, figure: StoredFigure) -> None:
        self._shown_value = written_value(figure.final_value)
        self.value_edit.setText(self._shown_value)
        self.unit_edit.setText(figure.final_unit or "")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(figure.final_kind.value)))
        self.indicator_edit.setText(figure.final_indicator or "")
        self.note_edit.setText(figure.note or "")

    def cancel_edit(self) -> None:
        """Escape: whatever was typed goes, the fields show the figure as it stands."""
        if self._figure is not None:
            self._fill_fields(self._figure)
        self.editCancelled.emit()

    def _request_correction(self) -> None:
        """Enter in a field: a correction when something differs from the figure as it stands;
        otherwise nothing is recorded (confirming is C, not an unchanged correction)."""
        if self._figure is None or self._read_only:
            return
        try:
            fields = self.typed_correction()
        except InvalidValue as exc:
            self.invalidInput.emit(str(exc))
            self.focus_value()
            return
        if fields is None:
            if self.pending_note() is not None:
                self.noteRequested.emit(self.note_edit.text().strip())
            else:
                self.nothingChanged.emit()
            return
        self.correctionRequested.emit(fields)

    def typed_correction(self) -> dict | None:
        """The correction as typed ({"value", "unit", "kind", "indicator", "note"}) when it differs
        from the figure as it stands; None when it does not (or there is no figure).
        Raises InvalidValue when the value field holds no value."""
        figure = self._figure
        if figure is None:
            return None
        fields = self._typed_fields(figure)
        if fields is None:
            raise InvalidValue(tr("“%1” is not a value: write it as in a report, e.g. 650亿, 1.5万, 12.5% or "
                                  "80.6亿美元").replace("%1", self.value_edit.text()))
        _check_unit(fields, figure)
        unchanged = (fields["value"] == figure.final_value and fields["unit"] == (figure.final_unit or None)
                     and fields["kind"] == figure.final_kind.value
                     and fields["indicator"] == (figure.final_indicator or None))
        return None if unchanged else fields

    def _typed_fields(self, figure: StoredFigure) -> dict | None:
        """The fields as typed; a unit or kind written with the value ('80.6亿美元') wins."""
        unit = self.unit_edit.text().strip() or None
        kind = self.kind_combo.currentData()
        text = self.value_edit.text().strip()
        if text == self._shown_value:
            value = figure.final_value  # untouched: exactly the stored value, not its rounding
        elif not text:
            value = None
        else:
            typed = read_typed_value(text)
            if typed is None:
                return None
            value = typed.value
            typed_kind = _kind_written(text, typed, Kind(kind))
            if typed_kind is not None and typed_kind.value != kind and kind == figure.final_kind.value:
                # the value says what it is ('650亿' on 11.06%): its own kind and unit, not the
                # figure's, so no '65,000,000,000 %'; a Kind chosen by hand is the reviewer's word
                kind, unit = typed_kind.value, typed.unit
            else:
                unit = typed.unit or unit
        return {"value": value, "unit": unit, "kind": kind,
                "indicator": self.indicator_edit.text().strip() or None,
                "note": self.note_edit.text().strip() or None}


def period_text(figure: StoredFigure) -> str:
    """'2025-01/2025-11 (2025-01-01 – 2025-11-30)': the label and the dates it covers."""
    if not figure.period:
        return "—"
    if figure.period_start and figure.period_end and figure.period_start != figure.period_end:
        return f"{figure.period} ({figure.period_start} – {figure.period_end})"
    return figure.period


def _check_unit(fields: dict, figure: StoredFigure) -> None:
    """Never a value with a unit that contradicts its kind ('65,000,000,000 %'): refused, with
    what to do. (A correction without a unit shows the figure's own, so that one counts too.)"""
    if fields["kind"] == figure.final_kind.value and fields["unit"] == (figure.final_unit or None):
        return  # kind and unit as the figure has them: not the reviewer's doing, not refused
    unit = fields["unit"] or figure.unit
    kind = Kind(fields["kind"])
    if unit_contradicts_kind(kind, unit):
        raise InvalidValue(tr("A %1 cannot have the unit “%2”: write the value with its unit (e.g. 650亿元), "
                              "or change Kind and Unit").replace("%1", kind_label(kind)).replace("%2", unit))


def _kind_written(text: str, typed: TypedValue, kind: Kind) -> Kind | None:
    """The kind a typed value carries itself: its unit's ('12%', '5件'), or, on a ratio, an amount
    for a value written with a scale word and no unit ('650亿' on a percent); None for a bare
    number ('12'), which keeps the figure's kind and unit."""
    if typed.kind is not None:
        return typed.kind
    scaled = any(word in text for word in "万亿") or (text[0].isdigit() and SCALE.search(text) is not None)
    return Kind.QUANTITY if scaled and kind in RATIO_KINDS else None
