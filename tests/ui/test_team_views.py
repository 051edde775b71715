"""Issue 15 in the window: the reviewers' agreement matrix (Review > Agreement between reviewers…)
and the adjudicator's list of disputes (Review > Adjudicate disputes…), on real projects where
two or three reviewers decided, each opening the project in turn."""
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from reviewer.commands.importing import import_documents
from reviewer.decisions import Version
from reviewer.model import Status
from reviewer.store import Project
from tests.ui.conftest import action, stored

C, X, R = Status.CONFIRMED, Status.CORRECTED, Status.REJECTED
TEXT = ("2024年全市地区生产总值1200亿元，比上年增长5.2%。一般公共预算收入300亿元，增长3.1%。"
        "城镇居民人均可支配收入5.6万元，增长4.5%。\n")
# figure numbers: 0 1200亿元, 1 5.2%, 2 300亿元, 3 3.1%, 4 5.6万元, 5 4.5%
DISPUTED = [("ana", 0, C), ("ana", 1, C), ("ben", 1, R), ("cy", 1, C),
            ("ana", 2, C), ("ben", 2, X, "310", "亿元"), ("cy", 2, R),
            ("ana", 3, R), ("ana", 4, C), ("cy", 4, X, "5.8", "万元")]


@pytest.fixture
def team_window(qtbot, settings, tmp_path):
    """A window (its reviewer 测试员, the adjudicator) on a project the given steps decided:
    (reviewer, figure number, status[, value, unit]), each reviewer opening the project in turn."""
    from reviewer.ui.main_window import MainWindow

    windows = []

    def make(steps):
        source = tmp_path / "报告.txt"
        source.write_text(TEXT, encoding="utf-8")
        path = tmp_path / "团队.frp"
        with Project.open(path, create=True, reviewer="setup") as project:
            import_documents(project, [source], report=lambda m: None)
            ids = [f.id for f in project.figures() if f.kind.value != "date"]
        for who, number, status, *correction in steps:
            value, unit = (correction + [None, None])[:2]
            with Project.open(path, reviewer=who) as project:
                project.decide(ids[number], status, value=value, unit=unit)
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        assert window.open_project(path)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window, ids

    yield make
    for window in windows:
        window.close()


def open_matrix(qtbot, window):
    action(window, "agreement").trigger()
    qtbot.waitUntil(lambda: not window.team.agreement.reading())  # read off the window's thread
    return window.team.agreement


def matrix_cells(window):
    matrix = window.team.agreement.matrix
    names = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    return {(names[r], names[c]): (matrix.item(r, c).text(), matrix.item(r, c).toolTip())
            for r in range(matrix.rowCount()) for c in range(matrix.columnCount()) if r != c}


# -- the agreement matrix -------------------------------------------------------------------------

@pytest.mark.parametrize("steps, expected", [
    # three reviewers, two figures in common per pair at most; kappa 0 and below are numbers
    (DISPUTED, {("ana", "ben"): "0% · κ 0.00", ("ana", "cy"): "33% · κ 0.00", ("ben", "cy"): "0% · κ -0.33"}),
    # ana and ben both confirm the figure cy rejected in between: they agree, kappa has nothing to say
    ([("ana", 0, C), ("cy", 0, R), ("ben", 0, C)], {("ana", "ben"): "100% · κ —", ("ana", "cy"): "0% · κ 0.00",
                                                   ("ben", "cy"): "0% · κ 0.00"}),
    # no figure in common
    ([("ana", 0, C), ("ben", 1, R)], {("ana", "ben"): "—"}),
])
def test_the_matrix_shows_each_pairs_agreement_and_kappa(qtbot, team_window, steps, expected):
    window, _ids = team_window(steps)
    assert open_matrix(qtbot, window).isVisible()
    cells = matrix_cells(window)
    for (first, second), text in expected.items():
        assert cells[(first, second)][0] == text
        assert cells[(second, first)][0] == text  # the matrix is symmetric
    assert len(cells) == 2 * len(expected)


@pytest.mark.parametrize("steps, pair, why", [
    ([("ana", 0, C), ("ben", 1, R)], ("ana", "ben"), "No figure in common"),
    ([("ana", 0, C), ("cy", 0, R), ("ben", 0, C)], ("ana", "ben"), "Every decision is the same one"),
])
def test_an_undefined_statistic_says_why_in_its_tooltip(qtbot, team_window, steps, pair, why):
    window, _ids = team_window(steps)
    open_matrix(qtbot, window)
    text, tooltip = matrix_cells(window)[pair]
    assert "—" in text
    assert why in tooltip


def test_the_selected_cell_and_the_overall_line_give_every_measure(qtbot, team_window):
    window, _ids = team_window(DISPUTED)
    dialog = open_matrix(qtbot, window)
    dialog.matrix.setCurrentCell(0, 2)  # ana and cy: f1, f2, f4 in common, one agreeing
    assert dialog.detail.text().startswith("ana and cy: 3 figures decided by both")
    for words in ("Agreement: 33%", "Cohen's kappa: 0.00", "Krippendorff's alpha:", "Same correction: —"):
        assert words in dialog.detail.text(), words
    overall = dialog.overall.text()
    assert "3 figures decided by two reviewers or more" in overall
    for words in ("agreement 14%", "Light's kappa -0.11", "Krippendorff's alpha -0.23", "same correction —"):
        assert words in overall, words


def test_the_matrix_follows_a_decision_made_in_the_window(qtbot, team_window):
    window, ids = team_window([("ana", 0, C), ("ben", 1, R)])
    open_matrix(qtbot, window)
    assert set(matrix_cells(window)) == {("ana", "ben"), ("ben", "ana")}
    window.select_figure(ids[0])
    window.decide_current(R)  # the window's reviewer 测试员 rejects what ana confirmed
    qtbot.waitUntil(lambda: ("ana", "测试员") in matrix_cells(window))  # once the decisions pause
    cells = matrix_cells(window)
    assert cells[("ana", "测试员")][0] == "0% · κ 0.00"
    assert cells[("ben", "测试员")][0] == "—"


def test_fewer_than_two_reviewers_say_there_is_nothing_to_compare(qtbot, team_window):
    window, _ids = team_window([("ana", 0, C)])
    dialog = open_matrix(qtbot, window)
    assert dialog.matrix.isHidden() and not dialog.empty.isHidden()
    assert "nothing to compare" in dialog.empty.text()


# -- the adjudicator's disputes -------------------------------------------------------------------

def open_disputes(qtbot, window):
    action(window, "adjudicate").trigger()
    panel = window.team.panel
    qtbot.waitUntil(lambda: panel.table.hasFocus() and not panel.reading())
    return panel


def read(qtbot, panel):
    """The list once the project was read again (off the window's thread)."""
    qtbot.waitUntil(lambda: not panel.reading())
    return disputed(panel)


def disputed(panel):
    return [row.figure for row in panel.model.rows]


def model_texts(model):
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.append(str(model.index(r, c).data(role)))
    return texts


def test_the_list_holds_exactly_the_disputes_and_counts_the_rest(qtbot, team_window):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    assert disputed(panel) == [ids[1], ids[2], ids[4]]
    assert panel.summary.text().startswith("2 settled by agreement, 3 disputes, 0 waiting for more reviewers")
    assert panel.model.reviewers == ("ana", "ben", "cy")
    row = [panel.model.index(1, c).data() for c in range(panel.model.columnCount())]
    assert row[0] == "300亿元" and row[1] == "报告" and "【300亿元】" in row[2]
    assert row[3:] == ["confirmed", "corrected: 310 亿元", "rejected"]
    assert panel.model.index(2, 4).data() == ""  # ben did not decide 5.6万元


def test_selecting_a_dispute_shows_its_figure_in_the_document(qtbot, team_window):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert window.current_figure().id == ids[2]
    assert window.inspector.figure().text == "300亿元"


@pytest.mark.parametrize("key, row, final", [
    (Qt.Key.Key_2, 0, Version(R)),  # 5.2%: ben's rejection
    (Qt.Key.Key_2, 1, Version(X, Decimal("310"), "亿元")),  # 300亿元: ben's correction
    (Qt.Key.Key_1, 1, Version(C)),  # 300亿元: ana's confirmation
    (Qt.Key.Key_X, 0, Version(R)),  # the adjudicator's own: rejected
    (Qt.Key.Key_C, 1, Version(C)),
])
def test_one_key_settles_the_dispute_and_the_list_moves_on(qtbot, team_window, key, row, final):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    figure = disputed(panel)[row]
    qtbot.keyClick(panel.table, key)
    with stored(window.project.path) as p:
        settled = p.figure(figure)
        assert settled.status is final.status
        if final.status is X:
            assert (settled.corrected_value, settled.corrected_unit) == (final.value, final.unit)
        assert settled.reviewer == "测试员"  # the adjudicator's name on the final
    assert figure not in disputed(panel)
    assert len(disputed(panel)) == 2
    assert panel.table.currentIndex().row() == min(row, 1)  # the next dispute, selected
    assert window.current_figure().id == disputed(panel)[min(row, 1)]
    assert "1 settled by adjudication" in panel.summary.text()


def test_a_key_for_a_reviewer_who_did_not_decide_the_figure_changes_nothing(qtbot, team_window):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    panel.table.setCurrentIndex(panel.model.index(2, 0))  # 5.6万元: ana and cy only
    qtbot.keyClick(panel.table, Qt.Key.Key_2)
    assert disputed(panel) == [ids[1], ids[2], ids[4]]
    assert "did not decide" in window.statusBar().currentMessage()


def test_undo_brings_the_dispute_back(qtbot, team_window):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    qtbot.keyClick(panel.table, Qt.Key.Key_2)
    assert disputed(panel) == [ids[2], ids[4]]
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read(qtbot, panel) == [ids[1], ids[2], ids[4]]
    with stored(window.project.path) as p:
        assert (p.figure(ids[1]).status, p.figure(ids[1]).reviewer) == (C, "cy")  # cy's again, the last


def test_hidden_names_show_letters_only(qtbot, team_window):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    panel.hide_names.setChecked(True)
    read(qtbot, panel)
    assert panel.model.reviewers == ("A", "B", "C")
    texts = model_texts(panel.model) + [panel.summary.text()]
    assert [t for t in texts if any(name in t for name in ("ana", "ben", "cy"))] == []
    assert str(panel.model.headerData(4, Qt.Orientation.Horizontal)) == "2 · B"
    qtbot.keyClick(panel.table, Qt.Key.Key_2)  # B's version, ben's rejection, still
    with stored(window.project.path) as p:
        assert p.figure(ids[1]).status is R


def test_e_writes_a_final_version_of_ones_own(qtbot, team_window):
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    panel.table.setCurrentIndex(panel.model.index(1, 0))  # 300亿元

    def fill():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "finalVersionDialog"
        dialog.value.setText("305亿")
        dialog.unit.setText("元")
        dialog.accept()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(panel.table, Qt.Key.Key_E)
    with stored(window.project.path) as p:
        final = p.figure(ids[2])
        assert (final.status, final.corrected_value, final.corrected_unit, final.reviewer) == (
            X, Decimal("30500000000"), "元", "测试员")
    assert disputed(panel) == [ids[1], ids[4]]
    qtbot.waitUntil(panel.table.hasFocus)  # the keyboard back in the list, for the next dispute


def test_taking_the_version_already_on_the_figure_is_still_the_adjudicators_settlement(qtbot, team_window):
    """cy's version is on the figure (the last decision): taking it records the adjudicator's final."""
    window, ids = team_window(DISPUTED)
    panel = open_disputes(qtbot, window)
    with stored(window.project.path) as p:
        events = len(p.events())
    qtbot.keyClick(panel.table, Qt.Key.Key_3)
    assert disputed(panel) == [ids[2], ids[4]]
    with stored(window.project.path) as p:
        assert len(p.events()) == events + 1 and p.events()[-1].action == "settle"
        assert p.figure(ids[1]).settled == "adjudicated"


def test_a_read_only_window_lists_the_disputes_and_settles_none(qtbot, team_window, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reviewer.ui.main_window import MainWindow

    writer, ids = team_window(DISPUTED)  # holds the project: the second window opens it read-only
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(writer.project.path) and window.project.read_only
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = open_disputes(qtbot, window)
    assert disputed(panel) == [ids[1], ids[2], ids[4]]
    qtbot.keyClick(panel.table, Qt.Key.Key_2)
    assert disputed(panel) == [ids[1], ids[2], ids[4]]
    assert window.statusBar().currentMessage() == "This project is open read-only"
    with stored(writer.project.path) as p:
        assert p.figure(ids[1]).reviewer == "cy"
    window.close()


def test_the_views_speak_chinese(qtbot, chinese, team_window):
    window, _ids = team_window(DISPUTED)
    open_matrix(qtbot, window)
    assert window.team.agreement.overall.text().startswith("全体：3个数字有两位以上核定人核定")
    panel = open_disputes(qtbot, window)
    assert panel.summary.text().startswith("2个意见一致已定，3个分歧，0个待更多核定人")
    assert panel.model.index(1, 4).data() == "已更正：310 亿元"
    assert window.team.dock.windowTitle() == "分歧"
