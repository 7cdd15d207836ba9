"""The act form's special entries (issue 11 item 1): a found child's birth and an unidentified
deceased's death on their report (procès-verbal), and the registrar's statement that a
declaration was received on paper before the draft was created. Fields appear when they apply,
map to the same act the CLI builds, and every refusal lands on a visible field."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from civreg.domain.acts import ActKind

TODAY = date.today()
PLACE = {"BF": "Koudougou", "CD": "Gombe"}


@pytest.fixture
def window(request, login, ui_settings, qtbot):
    """A main window for (country, user) of the parameter."""
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    country, user = request.param
    path = request.getfixturevalue("store_path" if country == "BF" else "cd_store_path")
    ctx = login(user, path)
    ops = Operations()
    win = MainWindow(ctx, ops, ui_settings)
    qtbot.addWidget(win)
    win.show()
    yield country, win
    win.close()
    ops.stop()


def fill(form, path: str, value: str) -> None:
    """As the clerk types: the widget's value, then the form hears of the change."""
    form.field(path).set_value(value)
    form._changed(path)


def shown(form, path: str) -> str:
    slot = form._by_path[path]
    return slot.problem.text() if slot.problem.isVisibleTo(form) else ""


def no_internal_names(text: str) -> None:
    assert not re.search(r"\b[a-z]+_[a-z_]+\b|details\.|child\.", text), text


def _found_child(form, country: str, born: date, found: date) -> None:
    fill(form, "event_date", born.isoformat())
    fill(form, "event_place", PLACE[country])
    fill(form, "child.family_name", "Yameogo" if country == "BF" else "Kabila")
    fill(form, "child.given_names", "Noël")
    fill(form, "child.sex", "1")
    form.sections.special.setChecked(True)
    fill(form, "details.found_child.report_authority", "Commissariat central")
    fill(form, "details.found_child.found_date", found.isoformat())
    fill(form, "details.found_child.found_place", "Devant la maternité")
    fill(form, "declarant.capacity", "authority")
    fill(form, "declarant.family_name", "Zongo")
    fill(form, "declarant.given_names", "Paul")
    if country == "CD":
        fill(form, "child.post_nom", "Mwamba")
        form.field("details.parents_residence_code").set_value(PLACE[country])
        form._changed("details.parents_residence_code")


@pytest.mark.parametrize(
    ("window", "late_for"),
    [(("BF", "registrar"), True), (("CD", "registrar"), False)],
    indirect=["window"],
)
def test_a_found_child_is_declared_on_its_report(window, late_for, qtbot) -> None:
    """Born about 75 days ago, found 70 days ago: the lateness counts from the finding, which
    is past Burkina Faso's two months and within the DR Congo's 90 days."""
    country, win = window
    form = win.new_act(ActKind.BIRTH)
    switch = form.sections.special
    box = form.sections.boxes["found_child"]
    assert switch.isVisibleTo(form) and not switch.isChecked() and not box.isVisibleTo(form)
    assert "trouvé" in switch.text().replace("&", "")
    assert form.sections.boxes["father"].isVisibleTo(form)
    _found_child(form, country, TODAY - timedelta(days=75), TODAY - timedelta(days=70))
    assert box.isVisibleTo(form)
    # a found child has no parents in the act: their sections go, the finder may declare
    assert not form.sections.boxes["father"].isVisibleTo(form)
    assert not form.sections.boxes["mother"].isVisibleTo(form)
    assert form.field("declarant.capacity").value() == "authority"
    assert form.field("declarant.capacity").findData("finder") >= 0
    form.run_check()
    assert form.sections.boxes["judgment"].isVisibleTo(form) is late_for

    form._show_all = True  # the report's reference is required: said on its field
    form.assist.pass_all()
    form.run_check()
    problem = shown(form, "details.found_child.report_ref")
    assert (
        "procès-verbal" in problem
        and form._by_path["details.found_child.report_ref"].problem.severity == "error"
    )
    no_internal_names(problem)
    # a found date before the presumed birth is refused on the found date
    fill(form, "details.found_child.found_date", (TODAY - timedelta(days=80)).isoformat())
    form.run_check()
    assert "naissance" in shown(form, "details.found_child.found_date")
    fill(form, "details.found_child.found_date", (TODAY - timedelta(days=20)).isoformat())
    fill(form, "details.found_child.report_ref", "PV 112/2026")
    form.run_check()
    assert not form.sections.boxes["judgment"].isVisibleTo(form)  # 20 days after finding
    assert not form.general.isVisibleTo(form), form.general.text()

    data = form.to_input()  # the same act the CLI's declaration file gives
    assert data.person("father") is None and data.person("mother") is None
    assert data.details["found_child"] == {
        "report_authority": "Commissariat central",
        "found_date": (TODAY - timedelta(days=20)).isoformat(),
        "found_place": "Devant la maternité",
        "report_ref": "PV 112/2026",
    }
    form.register()
    qtbot.waitUntil(lambda: form.confirm is not None and form.confirm.isVisible(), timeout=5000)
    with qtbot.waitSignal(form.registered, timeout=10000) as got:
        qtbot.keyClick(form.confirm, Qt.Key.Key_Return)
    page = win.detail
    qtbot.waitUntil(lambda: getattr(page, "bundle", None) is not None, timeout=5000)
    assert page.bundle.act.id == got.args[0]
    assert page.bundle.act.data.details["found_child"]["report_ref"] == "PV 112/2026"
    text = page.body.toPlainText()
    assert "PV 112/2026" in text and "Commissariat central" in text and "trouvé" in text
    assert "Représentant de l'autorité" in text and "authority" not in text


@pytest.mark.parametrize("window", [("BF", "clerk")], indirect=True)
def test_unchecking_the_found_child_brings_the_parents_back(window) -> None:
    _country, win = window
    form = win.new_act(ActKind.BIRTH)
    form.sections.special.setChecked(True)
    fill(form, "details.found_child.report_ref", "PV 1")
    assert "found_child" in form.to_input().details
    form.sections.special.setChecked(False)
    assert form.sections.boxes["mother"].isVisibleTo(form)
    assert "found_child" not in form.to_input().details
    assert form.field("declarant.capacity").findData("finder") < 0


@pytest.mark.parametrize("window", [("BF", "clerk"), ("CD", "clerk")], indirect=True)
def test_an_unidentified_deceased_is_declared_on_its_report(window) -> None:
    country, win = window
    form = win.new_act(ActKind.DEATH)
    switch = form.sections.special
    assert "non identifié" in switch.text().replace("&", "")
    name_label = (
        form.sections.boxes["deceased"]
        .layout()
        .labelForField(form.field("deceased.family_name").parentWidget())
    )
    assert name_label.text().endswith(" *")  # an ordinary death names the deceased
    switch.setChecked(True)
    assert not name_label.text().endswith("*")  # an unidentified one: the name is not due
    box = form.sections.boxes["unidentified_deceased"]
    assert box.isVisibleTo(form)
    fill(form, "event_date", (TODAY - timedelta(days=3)).isoformat())
    fill(form, "event_place", PLACE[country])
    fill(form, "details.unidentified_deceased.report_ref", "PV 7/2026")
    fill(form, "details.unidentified_deceased.report_authority", "Police judiciaire")
    fill(form, "details.unidentified_deceased.found_place", "Route nationale 1")
    fill(form, "deceased.family_name", "Inconnu")  # the names stay blank: said on the name
    form._show_all = True
    form.assist.pass_all()
    form.run_check()
    named = shown(form, "deceased.family_name")
    assert "identifié" in named
    assert "obligatoire" in shown(form, "details.unidentified_deceased.description")
    fill(form, "deceased.family_name", "")
    fill(form, "details.unidentified_deceased.description", "Homme d'environ 40 ans, 1 m 75")
    form.run_check()
    assert shown(form, "deceased.family_name") == ""
    assert shown(form, "deceased.given_names") == ""  # waived for an unidentified person
    report = form.to_input().details["unidentified_deceased"]
    assert report["description"].startswith("Homme") and report["report_ref"] == "PV 7/2026"


@pytest.mark.parametrize("window", [("BF", "clerk")], indirect=True)
def test_only_the_registrar_states_a_paper_receipt(window) -> None:
    _country, win = window
    form = win.new_act(ActKind.BIRTH)
    assert form.sections.paper is None
    assert "declaration_date" not in form._by_path


@pytest.mark.parametrize("window", [("BF", "registrar"), ("CD", "registrar")], indirect=True)
def test_the_registrar_states_a_paper_receipt(window, qtbot) -> None:
    """Declared on paper 5 days ago, entered today: the earlier date stands only with the
    registrar's statement, which is recorded with the act."""
    country, win = window
    from tests.ui.screens import sample_birth

    data = sample_birth(9)
    if country == "CD":
        from dataclasses import replace

        from civreg.domain.acts import Person

        persons = tuple(
            replace(p, post_nom="Mwamba") if p.role in ("child", "mother", "father") else p
            for p in data.persons
        )
        data = replace(data, persons=persons, event_place="Gombe",
                       details={"parents_residence_code": "KN01"})  # fmt: skip
        assert Person
    form = win.new_act(ActKind.BIRTH)
    form.set_input(data)
    paper = form.sections.paper
    box = form.sections.boxes["paper_receipt"]
    assert paper is not None and paper.isVisibleTo(form) and not box.isVisibleTo(form)
    paper.setChecked(True)
    assert box.isVisibleTo(form)
    declared = (TODAY - timedelta(days=5)).isoformat()
    fill(form, "declaration_date", declared)
    form._show_all = True
    form.assist.pass_all()
    form.run_check()
    said = shown(form, "declaration_date")  # no statement yet: the earlier date is refused
    assert "papier" in said and form._by_path["declaration_date"].problem.severity == "error"
    no_internal_names(said)
    fill(form, "paper_receipt", "Reçue sur le cahier des déclarations le jour même.")
    form.run_check()
    assert shown(form, "declaration_date") == ""
    assert not form.general.isVisibleTo(form), form.general.text()
    assert form.to_input().declaration_date == declared
    form.register()
    qtbot.waitUntil(lambda: form.confirm is not None and form.confirm.isVisible(), timeout=5000)
    with qtbot.waitSignal(form.registered, timeout=10000):
        qtbot.keyClick(form.confirm, Qt.Key.Key_Return)
    page = win.detail
    qtbot.waitUntil(lambda: getattr(page, "bundle", None) is not None, timeout=5000)
    act = page.bundle.act
    assert act.data.declaration_date == declared
    assert act.paper_receipt.startswith("Reçue sur le cahier")
    assert "Reçue sur le cahier" in page.body.toPlainText()
    history = [page.history.item(i, 2).text() for i in range(page.history.rowCount())]
    assert "Réception sur papier déclarée par l'officier" in history, history


@pytest.mark.parametrize("window", [("BF", "registrar")], indirect=True)
def test_a_statement_without_an_earlier_date_is_refused_on_the_statement(window) -> None:
    _country, win = window
    from tests.ui.screens import sample_birth

    form = win.new_act(ActKind.BIRTH)
    form.set_input(sample_birth(9))
    form.sections.paper.setChecked(True)
    fill(form, "paper_receipt", "Reçue sur papier.")
    form._show_all = True
    form.assist.pass_all()
    form.run_check()
    said = shown(form, "paper_receipt")
    assert "antérieure" in said, [s.path for s in form.checked]
    assert form.findChild(QLabel, "general_problems").text() == ""


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("window", [("BF", "registrar")], indirect=True)
def test_the_switches_letters_are_not_taken_twice(window, lang, french_catalogue) -> None:
    """Alt+letter of the form's switches (found child, unidentified deceased, paper receipt,
    transcription) against the menu bar's (« La&ngue » took Alt+N)."""
    from collections import Counter

    from civreg.i18n import set_language
    from tests.ui.test_mnemonics import _letter, _letters

    _country, win = window
    french_catalogue.install(lang)
    set_language(lang)
    try:
        for kind in ActKind:
            form = win.new_act(kind)
            menu = [_letter(a.text()) for a in win.menuBar().actions()]
            switches = [s for s in (form.sections.special, form.sections.paper) if s is not None]
            assert all(_letter(s.text()) for s in switches), [s.text() for s in switches]
            taken = Counter([m for m in menu if m] + _letters(form))
            assert not {k: n for k, n in taken.items() if n > 1}, (kind, taken)
            form.close_form()
    finally:
        french_catalogue.install("fr")
        set_language("fr")


@pytest.mark.parametrize("window", [("BF", "registrar")], indirect=True)
def test_a_saved_found_child_draft_opens_as_it_was_entered(window) -> None:
    """Reopened, the draft shows its report, the parents stay hidden, the finder stays the
    declarant; a draft with an earlier declaration date shows the paper-receipt section."""
    from dataclasses import replace

    from civreg.domain.acts import Person
    from civreg.services.drafts import create_draft
    from tests.ui.screens import sample_birth

    _country, win = window
    ctx = win.ctx
    found = replace(
        sample_birth(30),
        persons=(
            Person("child", family_name="Yameogo", given_names="Noël", sex=1),
            Person("declarant", family_name="Zongo", given_names="Paul", capacity="finder"),
        ),
        details={"found_child": {"report_ref": "PV 9", "found_date": TODAY.isoformat()}},
        declaration_date=(TODAY - timedelta(days=2)).isoformat(),
    )
    draft = create_draft(ctx, found)
    form = win.open_form(ActKind.BIRTH, draft)
    assert form.sections.special.isChecked()
    assert form.sections.boxes["found_child"].isVisibleTo(form)
    assert not form.sections.boxes["mother"].isVisibleTo(form)
    assert form.field("declarant.capacity").value() == "finder"
    assert form.field("details.found_child.report_ref").value() == "PV 9"
    assert form.sections.paper.isChecked() and form.sections.boxes["paper_receipt"].isVisibleTo(
        form
    )
    assert form.to_input().details["found_child"]["report_ref"] == "PV 9"
    assert form.to_input().declaration_date == found.declaration_date


@pytest.mark.parametrize("window", [("BF", "clerk")], indirect=True)
def test_a_clerk_editing_a_draft_keeps_its_declaration_date(window) -> None:
    """The clerk's form has no declaration date (the registrar states a paper receipt): a
    draft that carries one (from a declaration file) keeps it when the clerk saves it."""
    from dataclasses import replace

    from civreg.services.drafts import create_draft
    from tests.ui.screens import sample_birth

    _country, win = window
    declared = (TODAY - timedelta(days=2)).isoformat()
    draft = create_draft(win.ctx, replace(sample_birth(9), declaration_date=declared))
    form = win.open_form(ActKind.BIRTH, draft)
    fill(form, "child.given_names", "Awa")
    assert form.to_input().declaration_date == declared


@pytest.mark.parametrize("window", [("BF", "registrar")], indirect=True)
def test_the_paper_receipt_statement_is_kept_in_the_draft(window, qtbot, login) -> None:
    """Typed, saved, the form closed: the reopened draft still holds the registrar's statement
    (ticked, shown); a clerk saving the draft keeps it; registering it records it."""
    from civreg.services.queries import get_act
    from tests.ui.screens import sample_birth

    _country, win = window
    form = win.new_act(ActKind.BIRTH)
    form.set_input(sample_birth(9))
    form.sections.paper.setChecked(True)
    declared = (TODAY - timedelta(days=5)).isoformat()
    fill(form, "declaration_date", declared)
    fill(form, "paper_receipt", "Reçue sur le cahier des déclarations le jour même.")
    form.save()
    qtbot.waitUntil(lambda: form.draft_id is not None and not form._saving and not form.dirty)
    draft_id = form.draft_id
    form.close_form()
    draft = get_act(win.ctx, draft_id)
    assert draft.paper_receipt == "Reçue sur le cahier des déclarations le jour même."

    clerk = login("clerk")  # a clerk corrects a name: the statement stays
    from civreg.services.drafts import update_draft

    update_draft(clerk, draft_id, draft.data)
    assert get_act(win.ctx, draft_id).paper_receipt == draft.paper_receipt

    form = win.open_form(ActKind.BIRTH, get_act(win.ctx, draft_id))
    assert form.sections.paper.isChecked()
    assert form.sections.boxes["paper_receipt"].isVisibleTo(form)
    assert form.field("paper_receipt").value() == draft.paper_receipt
    assert form.to_input().declaration_date == declared
    form._show_all = True
    form.assist.pass_all()
    form.run_check()
    assert shown(form, "declaration_date") == ""  # the earlier date stands with the statement
    form.register()
    qtbot.waitUntil(lambda: form.confirm is not None and form.confirm.isVisible(), timeout=5000)
    with qtbot.waitSignal(form.registered, timeout=10000) as done:
        qtbot.keyClick(form.confirm, Qt.Key.Key_Return)
    act = get_act(win.ctx, done.args[0])
    assert act.paper_receipt == draft.paper_receipt and act.data.declaration_date == declared


@pytest.mark.parametrize("window", [("BF", "registrar")], indirect=True)
def test_a_withdrawn_statement_is_not_registered(window, qtbot) -> None:
    """The registrar unticks the paper receipt of a draft that held one and registers at
    once (no autosave in between): the act carries no statement."""
    from civreg.services.drafts import create_draft
    from civreg.services.queries import get_act
    from tests.ui.screens import sample_birth

    _country, win = window
    draft = create_draft(win.ctx, sample_birth(9), paper_receipt="Reçue sur papier.")
    form = win.open_form(ActKind.BIRTH, draft)
    assert form.field("paper_receipt").value() == "Reçue sur papier."
    form.sections.paper.setChecked(False)
    form.register()
    qtbot.waitUntil(lambda: form.confirm is not None and form.confirm.isVisible(), timeout=5000)
    with qtbot.waitSignal(form.registered, timeout=10000) as done:
        qtbot.keyClick(form.confirm, Qt.Key.Key_Return)
    assert get_act(win.ctx, done.args[0]).paper_receipt == ""
