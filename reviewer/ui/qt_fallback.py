"""Qt's own Chinese catalog (qtbase_zh_CN.qm) lags behind Qt: some of its dialogs' labels gained
a keyboard mnemonic ("&Look in:", "Files of &type:") and lost their translation. This translator,
asked only after every other one, translates such a label through the catalog's entry without
the mnemonic and puts the mnemonic back the Chinese way: "查找范围(&L)："."""
from __future__ import annotations

import re

from PySide6.QtCore import QTranslator

_MNEMONIC = re.compile(r"&([^&\s])")
_TRAILING = ":：.。… "


def with_mnemonic(translated: str, key: str) -> str:
    if "&" in translated:
        return translated
    stem = translated.rstrip(_TRAILING)
    return f"{stem}(&{key.upper()}){translated[len(stem):]}"


class MnemonicFallback(QTranslator):
    def __init__(self, catalog: QTranslator, parent=None):
        super().__init__(parent)
        self._catalog = catalog  # Qt's own catalog, asked directly (never through the application)

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        if not context.startswith("Q") or "&&" in source:
            return None
        found = _MNEMONIC.search(source)
        if found is None:
            return None
        plain = source[:found.start()] + found.group(1) + source[found.end():]
        translated = self._catalog.translate(context, plain, disambiguation, n)
        return with_mnemonic(translated, found.group(1)) if translated else None
