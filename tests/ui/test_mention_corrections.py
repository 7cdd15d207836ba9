"""Corrections field by field in the mention dialog (issue 11 item 1, as ``civreg mention add
--correct FIELD=VALUE``): the registrar picks a field of the act by its name in words, sees its
current value, types the corrected one; the service checks it; the act view shows it after."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from tests.ui.screens import sample_birth

TODAY = date.today()


@pytest.fixture
def act_page(request, login, ui_settings, qtbot):
    """A registered birth of the country of the parameter, open in a registrar's window."""
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    country = request.param
    path = request.getfixturevalue("store_path" if country == "BF" else "cd_store_path")
    ctx = login("registrar", path)
    data = sample_birth()
    if country == "CD":
        persons = tuple(
            replace(p, post_nom="Mwamba") if p.role in ("child", "mother", "father") else p
            for p in data.persons
        )
        data = replace(data, persons=persons, event_place="Gombe")
    act = register_act(ctx, create_draft(ctx, data).id)
    ops = Operations()
    win = MainWindow(ctx, ops, ui_settings)
    qtbot.addWidget(win)
    win.show()
    page = win.open_act(act.id)
    qtbot.waitUntil(lambda: page.bundle is not None)
    yield country, win, page
    win.close()
    ops.stop()


def _dialog(win, page, qtbot):
    page.mention_btn.click()
    qtbot.waitUntil(lambda: win.commands.mention_dialog is not None)
    dlg = win.commands.mention_dialog
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def _field_labels(editor) -> list[str]:
    row = editor.rows[0]
    return [row.field.itemText(i) for i in range(row.field.count()) if row.field.itemData(i)]


@pytest.mark.parametrize("act_page", ["BF", "CD"], indirect=True)
def test_a_rectification_corrects_a_field_by_its_name_in_words(act_page, qtbot) -> None:
    country, win, page = act_page
    dlg = _dialog(win, page, qtbot)
    editor = dlg.corrections
    dlg.kind.set_value("recognition")  # a recognition corrects nothing: no corrections
    assert not editor.isVisibleTo(dlg)
    dlg.kind.set_value("rectification")
    assert editor.isVisibleTo(dlg)
    editor.add_btn.click()
    labels = _field_labels(editor)
    assert "Enfant — nom" in labels and "Mère — prénoms" in labels
    assert ("Enfant — post-nom" in labels) is (country == "CD")  # only where the law has it
    assert not [x for x in labels if re.search(r"[a-z]+_[a-z]+|\.", x)], labels
    row = editor.rows[0]
    row.choose("child.family_name")
    assert row.current.text() == "OUÉDRAOGO"
    row.set_text("Ouedraogo")  # the spelling the court ordered
    # refused first: a rectification needs its authority and decision reference
    dlg.ok.click()
    qtbot.waitUntil(lambda: bool(dlg.problem.text()))
    assert dlg.isVisible() and "autorité" in dlg.problem.text().lower()
    assert row.new_value() == "Ouedraogo"  # nothing typed is lost
    dlg.authority_choice.setCurrentIndex(0)
    dlg.reference.setText("Ord. 12/2026")
    dlg.ok.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: len(page.bundle.act.mentions) == 1, timeout=5000)
    mention = page.bundle.act.mentions[0]
    assert [(c.field, c.value) for c in mention.corrections] == [("child.family_name", "Ouedraogo")]
    body = page.body.toPlainText()
    assert "OUEDRAOGO" in body and "OUÉDRAOGO" in body  # current value, and as registered
    assert "Enfant — nom" in page.mentions.item(0).text()


@pytest.mark.parametrize("act_page", ["BF"], indirect=True)
def test_a_wrong_correction_is_said_on_its_row(act_page, qtbot) -> None:
    _country, win, page = act_page
    dlg = _dialog(win, page, qtbot)
    dlg.kind.set_value("rectification")
    dlg.authority_choice.setCurrentIndex(0)
    dlg.reference.setText("Ord. 13/2026")
    editor = dlg.corrections
    editor.add_btn.click()
    row = editor.rows[0]
    row.choose("event_date")
    assert row.current.text()  # the date of birth as registered, in words
    row.set_text("31/02/2026")
    dlg.ok.click()
    qtbot.waitUntil(lambda: bool(row.problem.text()), timeout=5000)
    assert dlg.isVisible() and "date" in row.problem.text().lower()
    assert "corrections" not in row.problem.text() and "event_date" not in row.problem.text()
    before = row.problem.text()
    row.choose("child.given_names")
    row.set_text("Aïcha")  # unchanged: refused on the row
    dlg.ok.click()
    qtbot.waitUntil(lambda: row.problem.text() not in ("", before), timeout=5000)
    assert "given_names" not in row.problem.text() and dlg.isVisible()
    editor.rows[0].remove_btn.click()
    assert editor.rows == [] and editor.values() == {}


@pytest.mark.parametrize("act_page", ["CD"], indirect=True)
def test_a_change_of_name_offers_only_the_childs_names(act_page, qtbot) -> None:
    _country, win, page = act_page
    dlg = _dialog(win, page, qtbot)
    dlg.kind.set_value("name_change")
    dlg.corrections.add_btn.click()
    assert _field_labels(dlg.corrections) == [
        "Enfant — nom",
        "Enfant — post-nom",
        "Enfant — prénoms",
    ]


@pytest.mark.parametrize("act_page", ["BF"], indirect=True)
def test_a_correction_is_checked_as_soon_as_it_is_typed(act_page, qtbot) -> None:
    _country, win, page = act_page
    dlg = _dialog(win, page, qtbot)
    dlg.kind.set_value("rectification")
    row = dlg.corrections.add_row()
    row.choose("child.given_names")
    row.set_text("Aïcha")  # what the act already reads
    row.text.editingFinished.emit()
    assert row.problem.text() and "given_names" not in row.problem.text()
    row.set_text("Aïcha Noëlie")
    row.text.editingFinished.emit()
    assert row.problem.text() == ""
    row.choose("event_date")
    row.set_text("31/02/2026")
    row.date.editingFinished.emit()
    assert "date" in row.problem.text().lower()
