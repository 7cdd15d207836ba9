"""The form shows the fields each rule of the law needs, when it needs them: the justification
for a place outside the commune, the judge's dispensation for a spouse under the minimum age,
a spouse's previous marriage, the dot's payment (issue 10 fields, issue 11 item 1)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from civreg.domain.acts import ActKind
from tests.conftest import PASSWORDS


@pytest.fixture
def koudougou(tmp_path: Path, ui_settings, qtbot):
    """A registrar's window on a store of the commune of Koudougou (in the geography)."""
    from civreg.security.keyfile import FAST_KDF
    from civreg.services.store_access import create_store, login
    from civreg.services.users import add_user
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    path = tmp_path / "k.db"
    created = create_store(
        path,
        country="BF",
        commune="BLK01",
        centre="01",
        office_name="Mairie de Koudougou",
        admin="admin",
        password=PASSWORDS["admin"],
        kdf=FAST_KDF,
    )
    add_user(created.ctx, "registrar", PASSWORDS["registrar"], ["registrar"], kdf=FAST_KDF)
    created.ctx.close()
    ctx = login(path, "registrar", PASSWORDS["registrar"])
    ops = Operations()
    win = MainWindow(ctx, ops, ui_settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    ops.stop()
    ctx.close()


def _choose_place(qtbot, form, path: str, typed: str) -> None:
    field = form.field(path)
    field.setFocus()
    field.setText(typed)
    field.textEdited.emit(typed)
    qtbot.waitUntil(lambda: field.completer().popup().isVisible())
    from PySide6.QtCore import Qt

    qtbot.keyClick(field.completer().popup(), Qt.Key.Key_Return)


def test_birth_outside_the_commune_asks_why(koudougou, qtbot) -> None:
    form = koudougou.new_act(ActKind.BIRTH)
    box = form.sections.boxes["competence"]
    _choose_place(qtbot, form, "event_place", "Ouagadoug")
    assert form.field("event_place").code().startswith("KAD01")
    form.run_check()
    assert box.isVisibleTo(form)  # born in Ouagadougou, declared in Koudougou
    assert form.to_input().details["event_place_code"].startswith("KAD01")
    form._show_all = True
    form.run_check()
    problem = form._by_path["details.competence_justification"].problem
    assert problem.severity == "error" and problem.isVisibleTo(form)
    form.field("details.competence_justification").setText("Mère résidant à Koudougou.")
    form.run_check()
    assert not problem.isVisibleTo(form)
    _choose_place(qtbot, form, "event_place", "CHU de Koud")  # in the commune after all
    form.field("details.competence_justification").setText("")
    form.run_check()
    assert not box.isVisibleTo(form)


def test_marriage_dispensation_previous_marriage_and_dot(koudougou, qtbot) -> None:
    form = koudougou.new_act(ActKind.MARRIAGE)
    boxes = form.sections.boxes
    day = date.today() - timedelta(days=3)
    form.field("event_date").set_value(day.isoformat())
    form.field("spouse2.birth_date").set_value(
        date(day.year - 17, day.month, min(day.day, 28)).isoformat()
    )  # 17 at the celebration: under 18, above the judge's floor of 16
    form.field("spouse2.sex").set_value("2")
    form.run_check()
    assert boxes["age_dispensation"].isVisibleTo(form)
    for name, value in (("court", "TGI de Koudougou"), ("number", "DA 12/2026")):
        form.field(f"details.age_dispensation.{name}").setText(value)
    form.field("details.age_dispensation.date").set_value((day - timedelta(days=10)).isoformat())
    form.run_check()
    assert form.to_input().details["age_dispensation"]["number"] == "DA 12/2026"
    assert not any(c.problem.key.startswith("val.marriage.under_age") for c in form.checked)

    assert not boxes["prior_spouse1"].isVisibleTo(form)
    form.field("spouse1.previous_marital_status").set_value("divorced")
    form.run_check()
    assert boxes["prior_spouse1"].isVisibleTo(form)  # how did the first marriage end?
    form.field("details.prior_marriages.spouse1.ended_by").set_value("divorce")
    form.field("details.prior_marriages.spouse1.ended_judgment.court").setText("TGI de Réo")
    form.run_check()
    prior = form.to_input().details["prior_marriages"]
    assert prior[0]["spouse"] == "spouse1" and prior[0]["ended_by"] == "divorce"
    form.field("spouse1.previous_marital_status").set_value("single")
    for s in form.slots:
        if s.path.startswith("details.prior_marriages.spouse1"):
            s.widget.set_value("")
    form.run_check()
    assert not boxes["prior_spouse1"].isVisibleTo(form)
    assert "prior_marriages" not in form.to_input().details
