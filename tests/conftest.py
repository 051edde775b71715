import os
from pathlib import Path

# Qt never needs a screen in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Messages in English unless a test chooses otherwise, whatever the machine's locale.
import pytest  # noqa: E402

from reviewer import i18n  # noqa: E402

i18n.set_language("en")


@pytest.fixture(autouse=True)
def english_messages():
    """A test that switches the messages' language (the window's Chinese, a CLI test) never leaves
    it switched for the next test."""
    yield
    i18n.set_language("en")


@pytest.fixture
def own_log(tmp_path, monkeypatch):
    """A command line run in this process logs to the test's own folder (the log file is yielded),
    and the handlers it set up go after the test."""
    import logging

    monkeypatch.setenv("REVIEWER_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    yield tmp_path / "logs" / "figure-reviewer.log"
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def translations_of(mapping: dict[str, str]):
    """A real gettext catalog holding `mapping`, for a test that stands in for the shipped one."""
    import gettext
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="zh_CN")
    for english, chinese in mapping.items():
        catalog.add(english, chinese)
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return gettext.GNUTranslations(mo)
