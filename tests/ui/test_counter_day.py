"""A whole day at the counter, per country, with the keyboard: the registrar continues the
paper births register at its next number; the clerk declares a birth on time and one past the
deadline with its court judgment; the registrar registers both (confirming each number), sees
them in the register at once, prints a copy, and on 31 December closes the year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from civreg.ui import clock
from tests.ui.counter import (
    CTRL,
    SHIFT,
    Birth,
    activate,
    data_characters,
    go_to,
    log_in,
    type_birth,
)
from tests.ui.keyboard import Keyboard

TODAY = date.today()
BORN = TODAY - timedelta(days=6)
LONG_AGO = TODAY - timedelta(days=400)

BIRTHS = {
    "BF": Birth(
        date=BORN.strftime("%d%m%Y"),
        time="0830",
        place="Koudoug",
        place_type="f",
        child=("Ouédraogo", "Aïcha"),
        sex="f",
        mother=("Sawadogo", "Mariam", "vers 1995"),
        father=("Ouédraogo", "Issa"),
        capacity="p",
    ),
    "CD": Birth(
        date=BORN.strftime("%d%m%Y"),
        time="1415",
        place="Gomb",
        place_type="f",
        child=("Tshibanda", "Mulumba", "Grâce"),
        sex="f",
        mother=("Mbuyi", "Kalala", "Marie", "vers 1994"),
        father=("Tshibanda", "Ilunga", "Jean"),
        capacity="p",
        residence="Gomb",
    ),
}
LATE = {
    "BF": ("Kaboré", "Salif", "Tribunal de grande instance de Koudougou", "JS-2026-114"),
    "CD": ("Mukendi", "Paul", "Tribunal pour enfants de Kinshasa-Gombe", "RC 4412"),
}
KEY_RATIO_GOAL = 1.2


@pytest.fixture
def day(request, ui_settings, qtbot):
    from civreg.ui.app import DesktopApp

    country = request.param
    store = request.getfixturevalue("store_path" if country == "BF" else "cd_store_path")
    app = DesktopApp(store, ui_settings, delay_base=0.05)
    yield country, app
    if app.main is not None:
        app.main.close()
    app.shutdown()


def _confirm(qtbot, owner, kb: Keyboard, number: str, name: str) -> None:
    """The confirmation names the number about to be allocated and the subject."""
    from PySide6.QtWidgets import QLabel

    qtbot.waitUntil(lambda: owner.confirm is not None and owner.confirm.isVisible(), timeout=5000)
    question = owner.confirm.findChild(QLabel, "question").text()
    assert number in question and name.upper() in question, question
    kb.enter()  # Enter confirms


@pytest.mark.parametrize("day", ["BF", "CD"], indirect=True)
def test_a_day_at_the_counter(day, qtbot, monkeypatch, no_modal_errors, tmp_path) -> None:
    country, app = day
    kb = Keyboard(qtbot)
    app.start()

    # Morning: the registrar continues the paper births register of the year at no. 38.
    log_in(app, qtbot, kb, "registrar")
    registers = go_to(app, qtbot, kb, "registers")
    registers.start_btn.click()
    qtbot.waitUntil(lambda: registers.dialog is not None and registers.dialog.isVisible())
    dlg = registers.dialog
    assert dlg.kind.currentData() == "birth" and dlg.year.value() == TODAY.year
    dlg.first.setFocus()
    dlg.first.selectAll()
    kb.type("38")
    kb.enter()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: any(r.kind == "birth" and r.next_number == 38 for r in registers.rows))
    assert "0038" in registers.message.text()
    activate(qtbot, app.main)  # the dialog closed: back to the window
    kb.press(Qt.Key.Key_L, CTRL | SHIFT)  # log out

    # The clerk declares a birth on time, keyboard only.
    log_in(app, qtbot, kb, "clerk")
    assert "registers" not in app.main.pages
    start, typed_before = kb.keys, kb.data_chars
    kb.press(Qt.Key.Key_N, CTRL)
    form = app.main.detail
    birth = BIRTHS[country]
    type_birth(kb, qtbot, form, birth)
    keys, typed = kb.keys - start, kb.data_chars - typed_before
    chars = data_characters(form)
    data = form.to_input()
    child = data.person("child")
    assert child.given_names == birth.child[-1] and child.sex == 2
    assert data.event_time == f"{birth.time[:2]}:{birth.time[2:]}"
    assert data.event_date == BORN.isoformat()
    assert data.person("mother").birth_date.startswith("~")
    declarant = data.person("declarant")
    assert declarant.capacity == "father"
    assert (declarant.family_name, declarant.given_names) == (birth.father[0], birth.father[-1])
    assert form.sections.boxes["judgment"].isHidden()
    assert not [p for p in form.problems if p.severity == "error"]
    print(
        f"\n{country} birth: {keys} keys for {chars} characters of data ({keys / chars:.2f}); "
        f"{typed} of them typed ({keys / typed:.2f} keys per character typed)"
    )
    assert keys <= KEY_RATIO_GOAL * chars
    drafts = go_to(app, qtbot, kb, "drafts")  # the new draft is listed at once
    qtbot.waitUntil(lambda: drafts.model.rowCount() == 1)

    # A birth declared past the deadline: the judgment's fields appear and are filled.
    kb.press(Qt.Key.Key_N, CTRL)
    late = app.main.detail
    qtbot.waitUntil(lambda: late.field("event_date").hasFocus())
    family, given, court, number = LATE[country]
    kb.field(LONG_AGO.strftime("%d%m%Y"))
    qtbot.waitUntil(lambda: late.sections.boxes["judgment"].isVisibleTo(late), timeout=3000)
    assert "jugement" in late.sections.judgment_note.text()
    kb.enter()  # time unknown
    kb.type(birth.place)
    qtbot.waitUntil(lambda: late.field("event_place").completer().popup().isVisible())
    kb.enter()
    kb.type("d")  # at home
    kb.enter()
    if country == "CD":
        kb.type(birth.residence)
        qtbot.waitUntil(
            lambda: late.field("details.parents_residence_code").completer().popup().isVisible()
        )
        kb.enter()
    assert late.field("judgment.court").hasFocus()  # the judgment comes next
    kb.field(court)
    kb.field(number)
    kb.field((TODAY - timedelta(days=20)).strftime("%d%m%Y"))
    kb.field(family)
    if country == "CD":
        kb.enter()  # no post-nom
    kb.field(given)
    kb.type("m")
    kb.enter()
    kb.field("Zongo" if country == "BF" else "Ngalula")
    if country == "CD":
        kb.enter()
    kb.type("Awa" if country == "BF" else "Esther")
    kb.press(Qt.Key.Key_PageDown)
    kb.press(Qt.Key.Key_PageDown)  # no father named
    kb.type("m")  # the mother declares
    kb.press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: late.draft_id is not None and not late.dirty and not late._saving)
    judgment = late.to_input().judgment
    assert (judgment.court, judgment.number) == (court, number)
    assert not [p for p in late.problems if p.severity == "error"], late.values()
    drafts = go_to(app, qtbot, kb, "drafts")
    qtbot.waitUntil(lambda: drafts.model.rowCount() == 2)
    kb.press(Qt.Key.Key_L, CTRL | SHIFT)

    # The registrar registers both, confirming each number.
    log_in(app, qtbot, kb, "registrar")
    main = app.main
    drafts = go_to(app, qtbot, kb, "drafts")
    qtbot.waitUntil(lambda: drafts.model.rowCount() == 2)
    row = next(i for i in range(2) if birth.child[-1] in drafts.model.row_at(i).subject)
    drafts.table.setFocus()
    drafts.table.selectRow(row)
    kb.enter()
    qtbot.waitUntil(lambda: getattr(main.detail, "bundle", None) is not None)
    kb.press(Qt.Key.Key_Return, CTRL)
    _confirm(qtbot, main.commands, kb, "0038", birth.child[0])
    qtbot.waitUntil(
        lambda: (
            getattr(main.detail, "bundle", None) is not None
            and main.detail.bundle.act.status == "registered"
        ),
        timeout=5000,
    )
    first = main.detail.bundle.act
    assert (first.number, first.year, first.late) == (38, TODAY.year, False)
    births = go_to(app, qtbot, kb, "births")  # in its register at once
    qtbot.waitUntil(lambda: births.model.rowCount() >= 1 and births.model.row_at(0).number == 38)
    drafts = go_to(app, qtbot, kb, "drafts")
    qtbot.waitUntil(lambda: drafts.model.rowCount() == 1)
    drafts.table.setFocus()
    drafts.table.selectRow(0)
    kb.enter()
    qtbot.waitUntil(lambda: getattr(main.detail, "bundle", None) is not None)
    kb.press(Qt.Key.Key_Return, CTRL)
    _confirm(qtbot, main.commands, kb, "0039", family)
    qtbot.waitUntil(
        lambda: (
            getattr(main.detail, "bundle", None) is not None
            and main.detail.bundle.act.status == "registered"
        ),
        timeout=5000,
    )
    second = main.detail.bundle.act
    assert (second.number, second.late) == (39, True)
    assert second.data.judgment.number == number

    # A copy of the first act.
    main.open_act(first.id)
    qtbot.waitUntil(lambda: getattr(main.detail, "bundle", None) is not None)
    activate(qtbot, main)
    main.detail.setFocus()
    kb.press(Qt.Key.Key_P, CTRL)
    from civreg.ui.printing import PreviewDialog

    qtbot.waitUntil(lambda: main.findChild(PreviewDialog) is not None, timeout=10000)
    preview = main.findChild(PreviewDialog)
    assert preview.pdf.startswith(b"%PDF") and len(preview.pages) == 1
    preview.close()
    assert no_modal_errors == []

    # 31 December: the registrar closes the year's births register.
    monkeypatch.setattr(clock, "today", lambda: date(TODAY.year, 12, 31))
    registers = go_to(app, qtbot, kb, "registers")
    qtbot.waitUntil(
        lambda: any(
            r.kind == "birth" and r.year == TODAY.year and r.acts == 2 for r in registers.rows
        )
    )
    i = next(i for i, r in enumerate(registers.rows) if r.kind == "birth" and r.year == TODAY.year)
    registers.table.setFocus()
    registers.table.selectRow(i)
    registers.close_btn.click()
    box = registers._closing[0]
    activate(qtbot, box)
    kb.enter()  # the default button closes the register
    qtbot.waitUntil(
        lambda: any(
            r.kind == "birth" and r.year == TODAY.year and r.closed for r in registers.rows
        ),
        timeout=5000,
    )
    assert registers.table.item(i, 7).text().startswith("Clos le")
