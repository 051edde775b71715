"""The whole window from the keyboard: the search field, Tab, switching documents, and menus
whose letters and keys are the ones that work."""
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import stored

FIRST = "新签合同额80.6亿美元，同比增长20.5%。\n完成营业额121.6亿美元，新签合同额80.6亿美元。\n"
SECOND = "全省受理案件1425918件，结案1310621件。\n"
CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


def open_search(qtbot, window):
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    assert focused() is window.search


def test_return_in_the_search_field_goes_to_the_first_match(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    open_search(qtbot, window)
    qtbot.keyClicks(window.search, "121")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert focused() is window.table
    assert window.current_figure().text == "121.6亿美元"
    assert window.table.currentIndex().row() == 0


def test_down_in_the_search_field_goes_to_the_first_match(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    open_search(qtbot, window)
    qtbot.keyClicks(window.search, "20.5")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert focused() is window.table and window.current_figure().text == "20.5%"


def test_escape_in_the_search_field_clears_it_and_gives_the_keyboard_back(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.search, "121")
    assert window.proxy.rowCount() == 1
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == "" and window.proxy.rowCount() == 4
    assert focused() is window.view


def test_tab_goes_round_documents_text_table_and_inspector(qtbot, window_on):
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    window.doc_list.setFocus()
    visited = [focused()]
    for _ in range(40):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        visited.append(focused())
        if focused() is window.doc_list:
            break
    assert visited[-1] is window.doc_list, [w.objectName() for w in visited]
    order = [w for w in visited if w in (window.doc_list, window.view, window.table, window.inspector.value_edit)]
    assert order == [window.doc_list, window.view, window.table, window.inspector.value_edit, window.doc_list]


def test_documents_are_switched_from_the_keyboard(qtbot, window_on):
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    first = window.document_id
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)
    second = window.document_id
    assert second != first and window.current_figure().document_id == second
    assert window.doc_list.currentIndex().row() == 1
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, CTRL)   # the last one stays
    assert window.document_id == second
    window.inspector.note_edit.setFocus()                      # also while typing
    qtbot.keyClick(window.inspector.note_edit, Qt.Key.Key_PageUp, CTRL)
    assert window.document_id == first


def test_the_shortcut_list_names_the_document_keys(qtbot, window_on):
    from PySide6.QtWidgets import QDialog, QLabel

    window = window_on({"a.txt": FIRST})
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    overlay = window.findChild(QDialog, "shortcutOverlay")
    text = " ".join(label.text() for label in overlay.findChildren(QLabel))
    for words in ("Next document", "Previous document", QKeySequence("Ctrl+PgDown").toString(
            QKeySequence.SequenceFormat.NativeText)):
        assert words in text
    assert "\t" not in text
    overlay.close()


def walk(menu, path=()):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield path, menu, action
        if action.menu() is not None:
            yield from walk(action.menu(), path + (action.text(),))


def mnemonic(text):
    found = re.search(r"&([^&])", text.split("\t")[0])
    return found.group(1).lower() if found else None


def test_every_menu_has_unique_mnemonics_and_unique_keys(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    menus = [window.menuBar()] + [a.menu() for a in window.menuBar().actions()]
    for menu in menus:
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [x for x in letters if x]
        assert len(letters) == len(set(letters)), (menu.title() if hasattr(menu, "title") else "menu bar", letters)
    keys = [seq.toString() for _, _, action in walk(window.menuBar()) for seq in action.shortcuts()]
    keys += list(window.commands.single_keys.values())
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_review_actions_show_their_keys_and_no_misleading_letter(qtbot, window_on):
    window = window_on({"a.txt": FIRST})
    review = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    for action in review.actions():
        if action.isSeparator():
            continue
        words, _, shown = action.text().partition("\t")
        assert "&" not in words, words
        assert shown, words
        single = window.commands.single_keys.get(action.objectName())
        if single:
            assert shown.split(", ")[0] == single


def test_every_key_a_menu_shows_is_the_key_that_works(qtbot, window_on, monkeypatch):
    """Press each key shown in the Review and Edit menus on the table; the action it names fires."""
    window = window_on({"a.txt": FIRST, "b.txt": SECOND})
    monkeypatch.setattr(window.review, "run_dialog", lambda dialog: False)  # the identical list: cancelled
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    pressed = 0
    for title in ("&Review", "&Edit"):
        for action in menus[title].actions():
            shown = action.text().partition("\t")[2]
            if not shown or action.objectName() in ("add_figure", "preferences"):
                continue  # these open dialogs of their own (tested where they are)
            for key in shown.split(", "):
                fired = []

                def note(*_args, fired=fired):
                    fired.append(True)

                action.triggered.connect(note)
                window.activateWindow()
                window.table.setFocus()
                sequence = QKeySequence(key)[0]
                action.setEnabled(True)
                qtbot.keyClick(window.table, sequence.key(), sequence.keyboardModifiers())
                action.triggered.disconnect(note)
                assert fired, f"{action.objectName()}: {key} does not trigger it"
                pressed += 1
                window.search.clear()
    assert pressed >= 15
    with stored(window.project.path) as p:
        assert p.events()  # the keys did their work, not just fire signals
