"""No untranslated string on any main screen in French.

Each screen is built twice, in English and in French; a text shown identically in both
languages is untranslated unless it is data (names, numbers) or a word the catalogue
deliberately keeps the same in French (e.g. « Adoption »). The French catalogue itself must
translate every message.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from civreg.domain.acts import ActKind
from civreg.ui.translations import TRANSLATIONS
from tests.ui.screens import add_sample_acts


def catalogue() -> dict[str, str]:
    tree = ET.parse(TRANSLATIONS / "civreg_fr.ts")
    out = {}
    for m in tree.iter("message"):
        tr = m.find("translation")
        out[m.find("source").text] = tr.text or ""
        assert tr.get("type") != "unfinished", m.find("source").text
    return out


def test_french_catalogue_is_complete() -> None:
    cat = catalogue()
    assert len(cat) > 200
    missing = [s for s, t in cat.items() if not t.strip()]
    assert missing == []


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = {root.windowTitle()}
    if isinstance(root, QMainWindow):
        for menu_action in root.menuBar().actions():
            texts.add(menu_action.text())
            if menu_action.menu():
                texts.update(a.text() for a in menu_action.menu().actions())
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts.add(w.text())
        elif isinstance(w, QGroupBox):
            texts.add(w.title())
        elif isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        elif isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QListWidget):
            texts.update(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            texts.update(
                str(m.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(m.columnCount())
            )
    return {t.replace("&", "").strip() for t in texts if t and t.strip()}


DATA = re.compile(r"\d|^[A-ZÀ-Ü' -]+( [A-ZÀ-Üa-zà-ü' -]+)?$|^[A-Z]{2}-|@|\.pdf$")
SAME_IN_BOTH = {
    "civreg",
    "Français",
    "English",
    "Burkina Faso",
    "République démocratique du Congo",
    "Administration",
    "Transmission",
    "Centre",
    "Date",
    "Adoption",
    "Divorce",
    "Rectification",
    "Profession",
    "Mention",
    "Registrar",
    "Clerk",
    "Agent Test",
    "Officier Test",
    "Administrateur Test",
    "Mairie de Koudougou",
    "Koudougou",
    "Issa",
    "Mariam",
    "Aïcha",
    "admin",
    "clerk",
    "registrar",
    "district",
    "Reconnaissance par le père.",
    "civreg — Mairie de Koudougou",
}


def untranslated(en: set[str], fr: set[str], cat: dict[str, str]) -> set[str]:
    same_words = {s.replace("&", "") for s, t in cat.items() if s == t}
    return {
        t
        for t in en & fr
        if t not in SAME_IN_BOTH
        and t not in same_words
        and not DATA.search(t)
        and any(c.isalpha() for c in t)
    }


@pytest.fixture
def screens(store_path, login, ui_settings, qtbot):
    from civreg.ui.operations import Operations

    registrar = login("registrar")
    act_id = add_sample_acts(registrar)
    admin = login("admin")
    ops = Operations()
    yield registrar, admin, act_id, ops, ui_settings
    ops.stop()


def build_all(registrar, admin, act_id, ops, settings, qtbot) -> set[str]:
    from civreg.services.store_access import login
    from civreg.ui.dialogs import MentionDialog, UserDialog
    from civreg.ui.login import LoginDialog
    from civreg.ui.main_window import MainWindow
    from civreg.ui.wizard import FirstRunWizard

    texts: set[str] = set()
    for ctx in (registrar, admin):
        win = MainWindow(ctx, ops, settings)
        qtbot.addWidget(win)
        win.show()
        for row in range(win.nav.count()):
            win.nav.setCurrentRow(row)
            qtbot.waitUntil(lambda: not ops.busy)
            texts |= visible_texts(win)
        if ctx is registrar:
            for kind in ActKind:
                win.new_act(kind)
                texts |= visible_texts(win)
            page = win.open_act(act_id)
            qtbot.waitUntil(lambda page=page: page.bundle is not None)
            texts |= visible_texts(win)
            mention = MentionDialog(page.mention_kind, win)
            texts |= visible_texts(mention)
        win.close()
    for dlg in (
        LoginDialog(ops, "x", login),
        LoginDialog(ops, "x", login, fixed_user="a"),
        UserDialog(("clerk", "registrar")),
        FirstRunWizard(ops, registrar.store.path),
    ):
        qtbot.addWidget(dlg)
        texts |= visible_texts(dlg)
    return texts


def test_no_untranslated_text_on_french_screens(screens, qtbot, french_catalogue) -> None:
    from civreg.i18n import set_language

    tr = french_catalogue  # the only catalogue installed: switch it to English and back
    try:
        tr.install("en")
        set_language("en")
        english = build_all(*screens, qtbot)
        assert tr.install("fr")
        set_language("fr")
        french = build_all(*screens, qtbot)
    finally:
        tr.install("fr")
        set_language("fr")
    assert "Naissances" in french and "Births" in english
    assert "Births" not in french
    assert untranslated(english, french, catalogue()) == set()
