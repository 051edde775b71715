"""Every message the plain-Python layers can show has a Chinese translation with the same fields."""
import gettext
import io
import sys

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from reviewer import i18n
from tests.conftest import ROOT


def test_every_layer_message_is_translated_with_the_same_fields():
    sys.path.insert(0, str(ROOT / "scripts"))
    import messages

    problems = messages.problems()
    assert not problems, "run scripts/messages.py update and translate:\n" + "\n".join(problems)


def test_a_message_is_shown_in_the_chosen_language(monkeypatch):
    catalog = Catalog(locale="zh_CN")
    catalog.add("{path}: no such project", "{path}：没有这个项目")
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    monkeypatch.setattr(i18n, "catalog", lambda language: gettext.GNUTranslations(mo))
    i18n.set_language("zh_CN")
    try:
        assert i18n._("{path}: no such project", path="a.frp") == "a.frp：没有这个项目"
        i18n.set_language("en")
        assert i18n._("{path}: no such project", path="a.frp") == "a.frp: no such project"
    finally:
        i18n.set_language("en")


def test_the_system_language_decides_when_none_is_chosen(monkeypatch):
    monkeypatch.setattr(i18n, "_language", None)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.current_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert i18n.current_language() == "en"


def test_the_shipped_catalog_speaks_chinese():
    i18n.set_language("zh_CN")
    try:
        assert i18n._("{path}: no such project", path="a.frp") != "a.frp: no such project"
    finally:
        i18n.set_language("en")
