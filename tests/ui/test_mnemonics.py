"""Alt+letter shortcuts: on each page, no letter is taken twice (with the menu bar's), or
Qt only moves the focus between them and the button is never pressed (seen with Alt+L:
« &Langue » and « C&lore le registre choisi… »)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def _letter(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _letters(widget: QWidget) -> list[str]:
    found = []
    for w in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if w.isVisibleTo(widget) and (letter := _letter(w.text())):
            if isinstance(w, QLabel) and w.buddy() is None:
                continue
            found.append(letter)
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_letter_twice_on_a_page(lang, login, ui_settings, qtbot, french_catalogue) -> None:
    from civreg.i18n import set_language
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ops = Operations()
    french_catalogue.install(lang)
    set_language(lang)
    try:
        for user in ("registrar", "admin"):
            win = MainWindow(login(user), ops, ui_settings)
            qtbot.addWidget(win)
            win.show()
            menu = [_letter(a.text()) for a in win.menuBar().actions()]
            for key in win.keys:
                win.show_page(key)
                page = win.pages[key]
                qtbot.waitUntil(page.isVisible)
                taken = Counter([m for m in menu if m] + _letters(page))
                twice = {k: n for k, n in taken.items() if n > 1}
                assert not twice, (user, key, twice)
            win.close()
    finally:
        french_catalogue.install("fr")
        set_language("fr")
        ops.stop()
