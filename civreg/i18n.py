"""Translatable messages for everything below the UI (French and English).

Each module registers its own messages next to the code that raises or shows them::

    from civreg.i18n import register, t
    register({"store.wrong_password": {"fr": "Mot de passe incorrect.", "en": "Wrong password."}})
    t("store.wrong_password")

Messages are ``str.format`` templates; parameters are passed by name. The Qt UI uses Qt
Linguist catalogues for widget text and ``t()`` for messages coming from services.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

_catalog: dict[str, dict[str, str]] = {}
_language = os.environ.get("CIVREG_LANG", DEFAULT_LANGUAGE)
if _language not in LANGUAGES:
    _language = DEFAULT_LANGUAGE


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages to the catalogue; every message must exist in every language."""
    for key, texts in messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"message {key!r} lacks languages {missing}")
        _catalog[key] = dict(texts)


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _language = lang


def get_language() -> str:
    return _language


def has(key: str) -> bool:
    return key in _catalog


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """Translate ``key`` into ``lang`` (default: the current language)."""
    texts = _catalog.get(key)
    if texts is None:
        return key if not params else f"{key} {params}"
    template = texts.get(lang or _language) or texts[DEFAULT_LANGUAGE]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def catalogue() -> dict[str, dict[str, str]]:
    """A copy of every registered message (for tests that check completeness)."""
    return {k: dict(v) for k, v in _catalog.items()}
