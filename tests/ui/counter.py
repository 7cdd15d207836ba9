"""Helpers for the counter's day: log in with the keyboard, type a birth like a clerk, count
the characters of data the form then holds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from tests.conftest import PASSWORDS
from tests.ui.keyboard import Keyboard

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def activate(qtbot, window) -> None:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def log_in(desktop, qtbot, kb: Keyboard, user: str) -> None:
    """The login starts in the password field when it remembers the last user."""
    qtbot.waitUntil(lambda: desktop.login_dialog is not None and desktop.login_dialog.isVisible())
    dlg = desktop.login_dialog
    activate(qtbot, dlg)
    if dlg.username.text() != user:
        dlg.username.setFocus()
        dlg.username.selectAll()
        kb.field(user)
    assert dlg.password.hasFocus()
    kb.field(PASSWORDS[user])
    qtbot.waitUntil(lambda: desktop.main is not None and desktop.main.isVisible(), timeout=5000)
    activate(qtbot, desktop.main)


def go_to(desktop, qtbot, kb: Keyboard, key: str):
    main = desktop.main
    # The offscreen platform leaves a hidden completer list "active" once it closes; a window
    # manager gives the activation back to the window.
    activate(qtbot, main)
    digit = main.keys.index(key) + 1
    kb.press(getattr(Qt.Key, f"Key_{digit}"), ALT)
    page = main.pages[key]
    qtbot.waitUntil(page.isVisible)
    return page


@dataclass(frozen=True)
class Birth:
    """What the clerk types, field by field (None: the field is skipped with Page Down)."""

    date: str  # digits only, as clerks type them: 24112026
    time: str
    place: str  # the first letters; Enter takes the first suggestion
    place_type: str  # one letter of the choice
    child: tuple[str, ...]  # family name (post-nom) given names
    sex: str  # one letter
    mother: tuple[str, ...]  # names then birth date
    father: tuple[str, ...]
    capacity: str  # one letter: the declarant is the father
    residence: str = ""  # DRC: the parents' residence (its first letters)


def type_birth(kb: Keyboard, qtbot, form, b: Birth) -> None:
    """From the first field of a new birth form to a saved draft."""
    qtbot.waitUntil(lambda: form.field("event_date").hasFocus())
    kb.field(b.date)
    kb.field(b.time)
    kb.type(b.place)
    qtbot.waitUntil(lambda: form.field("event_place").completer().popup().isVisible())
    kb.enter()  # the first suggestion, and on to the next field
    kb.type(b.place_type)
    kb.enter()
    if b.residence:
        kb.type(b.residence)
        qtbot.waitUntil(
            lambda: form.field("details.parents_residence_code").completer().popup().isVisible()
        )
        kb.enter()
    for value in b.child:
        kb.field(value)
    kb.type(b.sex)
    kb.enter()
    for value in b.mother[:-1]:
        kb.field(value)
    kb.type(b.mother[-1])
    kb.press(Qt.Key.Key_PageDown)  # the rest of the mother's section is unknown
    for value in b.father[:-1]:
        kb.field(value)
    kb.type(b.father[-1])
    kb.press(Qt.Key.Key_PageDown)
    kb.type(b.capacity)  # the father declares: his names are copied
    kb.press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: form.draft_id is not None and not form.dirty and not form._saving)


def data_characters(form) -> int:
    """Characters of data the form holds once filled, as the clerk reads them (a date is
    ``24/11/2026``), each coded choice counting as one; values copied from another person
    are not counted (the clerk did not give them)."""
    from civreg.ui.fields import ChoiceField

    n = 0
    for s in form.slots:
        if s.section.isHidden() or form.assist.copied(s.path):
            continue
        if isinstance(s.widget, ChoiceField):
            if s.widget.value() and s.path in form._touched:
                n += 1
        else:
            n += len(s.widget.text().strip())
    return n
