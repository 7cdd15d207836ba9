"""Act entry: date formats, place completion over a large geography, inline problems
(errors vs warnings), the duplicates panel, autosave."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from civreg.domain.acts import ActKind
from civreg.domain.geography import Place
from civreg.ui.fields import DateField, PlaceField
from tests.ui.keyboard import Keyboard
from tests.ui.screens import sample_birth


@pytest.mark.parametrize(
    ("typed", "iso", "shown"),
    [
        ("12/03/2024", "2024-03-12", "12/03/2024"),
        ("3/2024", "2024-03", "03/2024"),
        ("2024", "2024", "2024"),
        ("vers 1970", "~1970", "vers 1970"),
        ("31/02/2024", "", "31/02/2024"),
    ],
)
def test_date_field_reads_what_clerks_type(qtbot, typed, iso, shown) -> None:
    f = DateField()
    qtbot.addWidget(f)
    f.setText(typed)
    f.editingFinished.emit()
    assert f.value() == iso and f.text() == shown
    assert bool(f.parse_error()) == (iso == "")


def test_place_completion_over_20000_localities(qtbot, login) -> None:
    geo = login("clerk").profile.geography
    big = geo.extended(
        Place("locality", f"X{i:05d}", f"Village Tènkodogo {i}", "") for i in range(20_000)
    )
    assert len(big) > 20_000
    field = PlaceField(big)
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    kb = Keyboard(qtbot)
    qtbot.waitUntil(field.hasFocus)
    kb.type("village tenk")  # no accent, lower case
    model = field.completer().model()
    assert model.rowCount() == 15  # the 15 best, never the whole list
    assert model.index(0, 0).data().startswith("Village Tènkodogo")
    kb.press(Qt.Key.Key_Down)
    kb.enter()
    assert field.value().startswith("Village Tènkodogo")


@pytest.fixture
def registrar_window(login, ui_settings, qtbot):
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ctx = login("registrar")
    ops = Operations()
    win = MainWindow(ctx, ops, ui_settings)
    qtbot.addWidget(win)
    win.show()
    yield ctx, ops, win
    win.close()
    ops.stop()


def test_errors_and_warnings_are_distinct_and_next_to_the_field(registrar_window, qtbot) -> None:
    _ctx, _ops, win = registrar_window
    form = win.new_act(ActKind.BIRTH)
    data = sample_birth()
    mother = replace(data.person("mother"), birth_date="1950")  # over 70: unusual, allowed
    form.set_input(
        replace(data, persons=(*[p for p in data.persons if p.role != "mother"], mother))
    )
    form.field("father.birth_date").setText("45/13/1980")  # impossible
    form._touched.update({"father.birth_date", "mother.birth_date"})
    form.run_check()
    date_problem = form._by_path["father.birth_date"].problem
    mother_problem = form._by_path["mother.birth_date"].problem
    assert date_problem.isVisibleTo(form) and date_problem.severity == "error"
    assert "n'existe pas" in date_problem.text() and "obligatoire" not in date_problem.text()
    assert mother_problem.isVisibleTo(form) and mother_problem.severity == "warning"
    assert "#8a5a00" in mother_problem.styleSheet() and "#b00020" in date_problem.styleSheet()
    assert not form._by_path["child.family_name"].problem.isVisibleTo(form)


def test_duplicates_panel_and_autosave(registrar_window, qtbot) -> None:
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act

    ctx, _ops, win = registrar_window
    existing = register_act(ctx, create_draft(ctx, sample_birth()).id)
    form = win.new_act(ActKind.BIRTH)
    kb = Keyboard(qtbot)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    form.field("event_date").setFocus()
    kb.field((date.today() - timedelta(days=6)).strftime("%d/%m/%Y"))
    form.field("child.family_name").setFocus()
    kb.field("Ouedraogo")  # the same child, spelled without accents
    kb.field("Aicha")
    qtbot.waitUntil(lambda: form.duplicates.count() >= 1, timeout=5000)
    assert form.duplicates.item(0).data(Qt.ItemDataRole.UserRole) == existing.id
    # Autosave: moving on to another section saved the draft without Ctrl+S.
    qtbot.waitUntil(lambda: form.draft_id is not None and not form.dirty, timeout=5000)


def test_country_specific_fields_cd_marriage_and_death_cause(
    cd_store_path, ui_settings, qtbot
) -> None:
    from civreg.services.store_access import login
    from civreg.ui.act_form import ActForm
    from civreg.ui.operations import Operations
    from tests.conftest import PASSWORDS

    ctx = login(cd_store_path, "registrar", PASSWORDS["registrar"])
    ops = Operations()
    try:
        form = ActForm(ctx, ops, ui_settings, ActKind.MARRIAGE)
        qtbot.addWidget(form)
        paths = [s.path for s in form.slots]
        assert "spouse1.post_nom" in paths  # DRC names: nom, post-nom, prénom
        assert "details.bride_price" in paths and "details.option" not in paths
        form.field("details.bride_price").setText("500 usd")
        assert form.to_input().details["bride_price"] == {"amount": 500, "currency": "USD"}
        form.field("details.bride_price").setText("deux chèvres et un pagne")
        assert form.to_input().details["bride_price"] == {"description": "deux chèvres et un pagne"}
        form.run_check()
        assert not any(p.path == "details.bride_price" for p in form.problems)

        death = ActForm(ctx, ops, ui_settings, ActKind.DEATH)
        qtbot.addWidget(death)
        death.field("details.cause.part1[0].text").setText("Paludisme grave")
        death.field("details.cause.part2[0].text").setText("Anémie")
        data = death.to_input()
        assert data.details["cause"] == {
            "part1": [{"text": "Paludisme grave"}],
            "part2": [{"text": "Anémie"}],
        }
        assert "details.power_of_attorney_ref" in [s.path for s in death.slots]
        again = ActForm(ctx, ops, ui_settings, ActKind.DEATH)
        qtbot.addWidget(again)
        again.set_input(data)
        assert again.field("details.cause.part1[0].text").text() == "Paludisme grave"
    finally:
        ops.stop()
        ctx.close()
