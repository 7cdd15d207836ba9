"""A malformed declaration file is refused with sentences a clerk can act on: the act's
number, the field in words, what is expected — never a Python error name or a field path."""

from __future__ import annotations

import pytest

from civreg.services.declare import DeclarationRejected, declare


def test_malformed_acts_are_described_in_words(login) -> None:
    reg = login("registrar")
    items = [
        {"kind": "birth", "persons": ["SAWADOGO"]},  # a person given as text
        {"kind": "wedding"},
        {"event_date": "2026-01-01"},
        {"kind": "birth", "persons": [{"role": "child", "given_names": "Awa", "nickname": "x"}]},
    ]
    with pytest.raises(DeclarationRejected) as info:
        declare(reg, items, register_now=True)
    for lang in ("fr", "en"):
        text = info.value.message(lang)
        for leak in ("TypeError", "KeyError", "ValueError", "ActKind", "act[", "persons["):
            assert leak not in text, (lang, text)
    en = info.value.message("en")
    assert "Act no. 1 — Act: A value does not have the expected shape" in en
    assert 'Act no. 2 — Kind of act: Kind of act missing or unknown: "birth"' in en
    assert "Act no. 4" in en and "nickname" in en  # the unknown key, as the author typed it
