"""Messages of the plain-Python layers (engine, readers, store, exporters, command line) in the
reviewer's language, so a Chinese window never shows an English error.

    from reviewer.i18n import _, N_
    raise StoreError(_("{path}: no such project", path=path))   # translated now, then formatted
    REASON = N_("unit implied by the noun")                        # marked only: stored as English,
    translate(stored_reason)                                       # translated where it is shown

The English text is the message id. Translators edit gettext .po files, one per layer, in
resources/translations/<language>/; `scripts/messages.py update` adds new ids to them and
`scripts/messages.py build` compiles them into the one .mo that is shipped and read here by the
standard library's gettext (a test fails when the .mo is stale).
"""
from __future__ import annotations

import gettext
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


DOMAIN = "reviewer"


@cache
def catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=resource("translations"), languages=[language], fallback=True)


def translate(text: str, language: str | None = None) -> str:
    """A message id (or stored English text) in `language`, by default the reviewer's; unknown
    text as it is."""
    language = language or current_language()
    if language == ENGLISH or not text:
        return text
    return catalog(language).gettext(text)


def translate_parts(text: str | None, separator: str = "; ", language: str | None = None) -> str:
    """Stored text made of message ids joined by `separator` (a figure's confidence reasons)."""
    if not text:
        return ""
    return separator.join(translate(part, language) for part in text.split(separator))


def _(msgid: str, /, **fields: object) -> str:
    text = translate(msgid)
    return text.format(**fields) if fields else text


def N_(msgid: str) -> str:
    """Marks a message for the catalogs without translating it (for text that is stored)."""
    return msgid
