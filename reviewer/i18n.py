"""Messages of the plain-Python layers (engine, readers, store, exporters, command line) in the
reviewer's language, so a Chinese window never shows an English error.

    from reviewer.i18n import _, N_
    raise StoreError(_("{path}: no such project", path=path))   # translated now, then formatted
    REASON = N_("unit implied by the noun")                        # marked only: stored as English,
    translate(stored_reason)                                       # translated where it is shown

The English text is the message id. Catalogs are gettext .po files, one per layer, in
resources/translations/<language>/ (read with babel, so there is nothing to compile and nothing to
go stale); `scripts/messages.py update` adds new ids to them.
"""
from __future__ import annotations

import os
from functools import cache

from reviewer.resources import resource

ENGLISH = "en"
CHINESE = "zh_CN"
_language: str | None = None


def system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return CHINESE if value.lower().startswith("zh") else ENGLISH
    return ENGLISH


def set_language(language: str | None) -> None:
    """'zh_CN', 'zh', 'en' or None (the system's)."""
    global _language
    if language is None:
        _language = None
    else:
        _language = CHINESE if language.lower().startswith("zh") else ENGLISH


def current_language() -> str:
    return _language or system_language()


@cache
def catalog(language: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    found: dict[str, str] = {}
    folder = resource("translations", language)
    for path in sorted(folder.glob("*.po")) if folder.is_dir() else ():
        with open(path, "rb") as fh:
            for message in read_po(fh):
                if message.id and message.string and not message.fuzzy:
                    found[str(message.id)] = str(message.string)
    return found


def translate(text: str) -> str:
    """The reviewer's language for a message id (or stored English text); unknown text as it is."""
    language = current_language()
    if language == ENGLISH or not text:
        return text
    return catalog(language).get(text, text)


def translate_parts(text: str | None, separator: str = "; ") -> str:
    """Stored text made of message ids joined by `separator` (a figure's confidence reasons)."""
    if not text:
        return ""
    return separator.join(translate(part) for part in text.split(separator))


def _(msgid: str, /, **fields: object) -> str:
    text = translate(msgid)
    return text.format(**fields) if fields else text


def N_(msgid: str) -> str:
    """Marks a message for the catalogs without translating it (for text that is stored)."""
    return msgid
