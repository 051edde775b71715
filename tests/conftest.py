import os
from pathlib import Path

# Qt never needs a screen in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Messages in English unless a test chooses otherwise, whatever the machine's locale.
from reviewer import i18n  # noqa: E402

i18n.set_language("en")
