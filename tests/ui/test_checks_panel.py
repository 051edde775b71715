"""The Checks panel in the real window: each finding with its severity, message and figures;
choosing one highlights all its figures; figures with an open finding carry a mark in the text and
the table; a correction re-runs the checks at once; accepting with a reason is one step of the
event log that Edit > Undo takes back."""
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reviewer.model import Status
from tests.checks import fake_rules
from tests.ui.conftest import action, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
OTHER = "全省受理案件1425918件，结案1310621件。\n"


@pytest.fixture
def fake(monkeypatch):
    fake_rules.install(monkeypatch)


def figure(window, text):
    return next(f for f in window.table_model.figures() if f.text == text)


def answer_accept(qtbot, reason, then=None):
    """Fill in the accept dialog once it is open, and press Accept (or Cancel with no reason)."""
    def fill():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "acceptFindingDialog"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason, no acceptance
        if reason is None:
            dialog.reject()
            return
        dialog.reason.setText(reason)  # typed: QTest cannot type ideographs
        assert ok.isEnabled()
        if then is not None:
            then(dialog)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    QTimer.singleShot(0, fill)


def test_the_panel_lists_the_finding_and_its_figures_carry_a_mark(qtbot, fake, window_on):
    window = window_on({"a.txt": fake_rules.TEXT, "b.txt": OTHER})
    panel = window.checks_panel
    assert panel.model.rowCount() == 1
    (item,) = panel.model.items()
    assert item.rule == "part-exceeds-total" and item.state == "open"
    index = panel.model.index(0, 0)
    assert "1200亿元" in index.data() and not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.model.index(0, 1).data() == "1200亿元; 1000亿元"
    window.show_document(item_document(window, "a.txt"))
    part, total = figure(window, "1200亿元"), figure(window, "1000亿元")
    assert window.view.marked() >= {part.id, total.id}
    row = window.table_model.row_of(part.id)
    assert window.table_model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "1000亿元" in window.table_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def item_document(window, name):
    with stored(window.project.path) as project:
        return next(d.id for d in project.documents() if d.source.endswith(name))


def test_choosing_a_finding_opens_its_document_and_highlights_all_its_figures(qtbot, fake, window_on):
    window = window_on({"b.txt": OTHER, "a.txt": fake_rules.TEXT})
    assert window.document_id == item_document(window, "b.txt")
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL | SHIFT)  # Checks panel, from the keyboard
    assert QApplication.focusWidget() is window.checks_panel.list
    assert window.document_id == item_document(window, "a.txt")
    part, total = figure(window, "1200亿元"), figure(window, "1000亿元")
    assert window.current_figure().id == part.id  # the suspect first
    assert window.view.finding() == [part.id, total.id]
    qtbot.keyClick(window.checks_panel.list, Qt.Key.Key_Return)  # Enter: to the figures in the text
    assert QApplication.focusWidget() is window.view
    assert "1000亿元" in window.inspector.checks.text()


def test_a_correction_re_runs_the_checks_at_once_and_the_finding_is_resolved(qtbot, fake, window_on):
    window = window_on({"a.txt": fake_rules.TEXT})
    part = figure(window, "1200亿元")
    window.select_figure(part.id)
    window.decide_current(Status.CORRECTED, value="12000000000", unit="元", kind="money")
    (item,) = window.checks_panel.model.items()
    assert item.state == "resolved"
    assert part.id not in window.view.marked()
    assert window.table_model.index(window.table_model.row_of(part.id), 0).data(
        Qt.ItemDataRole.DecorationRole) is None
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # undo the correction: the finding is back
    assert [i.state for i in window.checks_panel.model.items()] == ["open"]
    assert part.id in window.view.marked()


def test_accepting_with_a_reason_is_written_to_the_log_and_undone_by_edit_undo(qtbot, fake, window_on):
    window = window_on({"a.txt": fake_rules.TEXT})
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL | SHIFT)
    answer_accept(qtbot, "高技术制造业口径含规模以下企业")
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL | SHIFT)  # Accept finding…
    (item,) = window.checks_panel.model.items()
    assert (item.state, item.reason, item.reviewer) == ("accepted", "高技术制造业口径含规模以下企业", "测试员")
    assert figure(window, "1200亿元").id not in window.view.marked()
    with stored(window.project.path) as project:
        assert project.events()[-1].action == "finding"
        assert list(project.finding_decisions().values())[0].reason == "高技术制造业口径含规模以下企业"
    assert window.commands.undo.text().split("\t")[0] == "&Undo accepting a finding"
    action(window, "undo").trigger()
    assert [i.state for i in window.checks_panel.model.items()] == ["open"]
    assert figure(window, "1200亿元").id in window.view.marked()
    with stored(window.project.path) as project:
        assert project.finding_decisions() == {}
    action(window, "redo").trigger()
    assert [i.state for i in window.checks_panel.model.items()] == ["accepted"]


def test_a_cancelled_accept_records_nothing(qtbot, fake, window_on):
    window = window_on({"a.txt": fake_rules.TEXT})
    window.focus_checks()
    before = len(window.project.events())
    answer_accept(qtbot, None)
    window.checks_panel.accept_button.click()
    assert len(window.project.events()) == before
    assert [i.state for i in window.checks_panel.model.items()] == ["open"]


def test_a_reference_table_that_cannot_be_read_is_one_line_and_changes_nothing(qtbot, fake, window_on, tmp_path,
                                                                                monkeypatch):
    import reviewer.ui.checks as checks
    from reviewer.checks.reference import ReferenceError

    window = window_on({"a.txt": fake_rules.TEXT})
    bad = tmp_path / "ref.csv"
    bad.write_text("nothing useful", encoding="utf-8")

    def refuse(path):
        raise ReferenceError(f"{path}: no column 'indicator'")

    monkeypatch.setattr(checks, "read_reference", refuse)
    monkeypatch.setattr(window.files, "reference_table", lambda: bad)
    shown = []
    monkeypatch.setattr(window, "report_error", lambda message, details=None: shown.append(message))
    window.checks.report_error = window.report_error
    window.checks._report_error = window.report_error
    action(window, "import_reference").trigger()
    assert shown == [f"{bad}: no column 'indicator'"]
    assert window.project.reference_rows() == []


def test_a_reference_row_shows_its_verdict_in_the_inspector(qtbot, fake, window_on, tmp_path, monkeypatch):
    from decimal import Decimal

    import reviewer.commands.checking as checking
    import reviewer.ui.checks as checks
    from reviewer.checks.reference import ReferenceMatch, ReferenceRow

    window = window_on({"a.txt": fake_rules.TEXT})
    # as read_reference gives it: in the engine's base unit, shown as a reader writes it
    row = ReferenceRow("规模以上工业增加值", "2023", Decimal("100000000000"), "元", source="统计公报", line=2)
    monkeypatch.setattr(checks, "read_reference", lambda path: [row])
    monkeypatch.setattr(checking, "compare", lambda doc, rows: [
        ReferenceMatch(f, rows[0], "agrees") for f in doc.figures if f.text == "1000亿元"])
    monkeypatch.setattr(window.files, "reference_table", lambda: tmp_path / "ref.csv")
    action(window, "import_reference").trigger()
    assert [r.indicator for r in window.project.reference_rows()] == ["规模以上工业增加值"]
    window.select_figure(figure(window, "1000亿元").id)
    assert "Reference agrees: 规模以上工业增加值 2023 1000亿元 统计公报" in window.inspector.checks.text()
    assert window.commands.undo.text().split("\t")[0] == "&Undo reference table import"
    action(window, "undo").trigger()
    assert window.project.reference_rows() == []


def test_end_to_end_a_part_larger_than_its_total_in_the_panel(qtbot, window_on):
    window = window_on({"a.txt": fake_rules.TEXT})
    assert "part-exceeds-total" in [i.rule for i in window.checks_panel.model.items()]


def test_screenshots_of_the_panel_and_the_accept_dialog(qtbot, fake, window_on):
    """Offscreen pictures for the report (English here; the Chinese ones in the next test)."""
    shoot(qtbot, window_on, "en")


def test_screenshots_in_chinese(qtbot, fake, window_on, chinese):
    shoot(qtbot, window_on, "zh_CN")


def shoot(qtbot, window_on, language):
    import os
    from pathlib import Path

    # CHECKS_SCREENSHOTS=folder saves the pictures there; the test drives the same steps without
    folder = Path(os.environ["CHECKS_SCREENSHOTS"]) if os.environ.get("CHECKS_SCREENSHOTS") else None
    window = window_on({"a.txt": fake_rules.TEXT + "全市社会消费品零售总额500亿元，其中，网上零售额600亿元。\n"})
    window.focus_checks()
    if folder is not None:
        assert window.grab().save(str(folder / f"checks-panel-{language}.png"))

    def picture(dialog):
        if folder is not None:
            assert dialog.grab().save(str(folder / f"accept-dialog-{language}.png"))

    answer_accept(qtbot, "口径不同" if language == "zh_CN" else "different scope", then=picture)
    window.checks_panel.accept_button.click()
    assert window.checks_panel.model.items()[0].state == "accepted"
    if folder is not None:
        assert window.grab().save(str(folder / f"checks-accepted-{language}.png"))


def test_a_read_only_window_lists_the_findings_and_offers_no_decision(qtbot, fake, window_on, settings,
                                                                      monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reviewer.ui.main_window import MainWindow

    writer = window_on({"a.txt": fake_rules.TEXT})
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(writer.project.path) and window.project.read_only
    window.focus_checks()
    assert [i.state for i in window.checks_panel.model.items()] == ["open"]
    assert not window.checks_panel.accept_button.isEnabled()
    assert not window.commands.accept_finding.isEnabled() and not window.commands.import_reference.isEnabled()
    assert window.checks.accept() is False
    # the writer accepts: the reader follows when it reloads (F5, or by itself on the writer's commit)
    item = writer.checks_panel.model.items()[0]
    writer.project.accept_finding(item.key, item.rule, "口径不同", message=item.message)
    window.reload_from_disk()
    assert [i.state for i in window.checks_panel.model.items()] == ["accepted"]
    window.close()


def test_the_arrow_keys_walk_the_findings_and_each_one_is_highlighted(qtbot, fake, window_on):
    window = window_on({"a.txt": fake_rules.TEXT + "全市社会消费品零售总额500亿元，其中，网上零售额600亿元。\n"})
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL | SHIFT)
    assert window.view.finding() == [figure(window, "1200亿元").id, figure(window, "1000亿元").id]
    qtbot.keyClick(window.checks_panel.list, Qt.Key.Key_Down)
    assert window.view.finding() == [figure(window, "600亿元").id, figure(window, "500亿元").id]
    assert window.current_figure().text == "600亿元"
    assert QApplication.focusWidget() is window.checks_panel.list  # the keyboard stays in the list


def test_a_new_empty_project_opens_without_an_error(qtbot, monkeypatch, window_on):
    """A project with no document yet: the checks find nothing and say nothing went wrong."""
    from reviewer.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(MainWindow, "report_error", lambda self, message, details=None: shown.append(message))
    window = window_on({})
    assert shown == []
    assert window.checks_panel.model.rowCount() == 0


def test_a_big_projects_checks_run_off_the_window_thread_and_arrive(qtbot, fake, window_on, monkeypatch):
    """From IN_THE_BACKGROUND_FROM documents on, opening does not wait for the checks (a thousand
    documents took half a minute): the window is usable at once, the findings come when they end."""
    import threading

    import reviewer.ui.checks as checks
    from reviewer.ui.checks import IN_THE_BACKGROUND_FROM

    slow = threading.Event()
    run = checks._checked
    monkeypatch.setattr(checks, "_checked", lambda project, earlier: (slow.wait(30), run(project, earlier))[1])
    texts = {f"d{i:02}.txt": OTHER.replace("1425918", str(1000 + i)) for i in range(IN_THE_BACKGROUND_FROM - 1)}
    texts["z.txt"] = fake_rules.TEXT
    window = window_on(texts)  # opened, the window usable, while the checks have not ended
    assert window.checks.running() and window.checks.items() == [] and window.table_model.figures()
    slow.set()
    qtbot.waitUntil(lambda: not window.checks.running(), timeout=60_000)
    assert [item.finding.rule for item in window.checks.items() if item.finding] == ["part-exceeds-total"]


def test_a_decision_made_while_the_checks_run_is_checked_when_they_end(qtbot, fake, window_on, monkeypatch):
    import threading

    import reviewer.ui.checks as checks
    from reviewer.ui.checks import IN_THE_BACKGROUND_FROM

    decided = threading.Event()
    run = checks._checked

    def read_before_the_decision(project, earlier):  # the run reads everything, then the decision comes
        done = run(project, earlier)
        decided.wait(30)
        return done

    monkeypatch.setattr(checks, "_checked", read_before_the_decision)
    texts = {f"d{i:02}.txt": OTHER.replace("1425918", str(1000 + i)) for i in range(IN_THE_BACKGROUND_FROM - 1)}
    texts["z.txt"] = fake_rules.TEXT
    window = window_on(texts)
    assert window.checks.running()
    window.show_document(window.project.documents()[-1].id)
    part = figure(window, "1200亿元")
    window.select_figure(part.id)
    window.decide_current(Status.CORRECTED, value="120", unit="亿元")  # the part below its total now
    decided.set()
    qtbot.waitUntil(lambda: not window.checks.running(), timeout=60_000)
    assert [item.finding for item in window.checks.items() if item.finding is not None] == []
