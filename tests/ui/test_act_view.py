"""Act view: the act, its mentions timeline and history; adding a mention; search typing."""

from __future__ import annotations

from tests.ui.screens import add_sample_acts


def test_act_view_mentions_history_and_add_mention(login, ui_settings, qtbot) -> None:
    from civreg.ui.dialogs import MentionDialog
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ctx = login("registrar")
    act_id = add_sample_acts(ctx)
    ops = Operations()
    try:
        win = MainWindow(ctx, ops, ui_settings)
        qtbot.addWidget(win)
        win.show()
        page = win.open_act(act_id)
        qtbot.waitUntil(lambda: page.bundle is not None)
        assert "OUÉDRAOGO" in page.body.toPlainText()
        assert "Reconnaissance" in page.mentions.item(0).text()
        ops_done = [page.history.item(i, 2).text() for i in range(page.history.rowCount())]
        assert ops_done[:2] == ["Déclaration saisie", "Inscrit"]
        assert page.mention_btn.isVisible() and not page.register_btn.isVisible()

        page.mention_btn.click()
        qtbot.waitUntil(lambda: win.commands.mention_dialog is not None)
        dlg = win.commands.mention_dialog
        assert isinstance(dlg, MentionDialog) and dlg.isVisible()
        # A cancellation needs the ordering authority: refused, the dialog keeps the text.
        dlg.kind.set_value("cancellation")
        dlg.text.setPlainText("Annulé par jugement.")
        dlg.ok.click()
        qtbot.waitUntil(lambda: bool(dlg.problem.text()))
        assert dlg.isVisible() and "autorité" in dlg.problem.text()
        assert dlg.text.toPlainText() == "Annulé par jugement."
        assert "authority" not in dlg.problem.text()
        # a marriage mention on a newborn's act is refused (issue 10 item 5): a recognition
        dlg.kind.set_value("recognition")
        dlg.text.setPlainText("Reconnue par son père le 2 mars 2026.")
        dlg.reference.setText("AR-2/2026")
        dlg.ok.click()
        qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
        # The page shows the new mention without being reopened (the change is broadcast).
        qtbot.waitUntil(
            lambda: page.bundle is not None and len(page.bundle.act.mentions) == 2, timeout=5000
        )
        assert "Reconnaissance" in page.mentions.item(1).text()
    finally:
        ops.stop()


def test_search_keeps_only_the_latest_answer(login, qtbot) -> None:
    from civreg.ui.operations import Operations
    from civreg.ui.other_pages import SearchController

    ctx = login("registrar")
    add_sample_acts(ctx)
    ops = Operations()
    try:
        ctl = SearchController(ctx, ops, delay_ms=50)
        got: list[tuple[str, int]] = []
        ctl.results.connect(lambda text, rows: got.append((text, len(rows))))
        for text in ("o", "ou", "oue", "ouedr", "ouedraogo aicha"):
            ctl.text_changed(text)  # typed quickly: one query after the pause
        qtbot.waitUntil(lambda: bool(got))
        ctl.text_changed("zzzz")
        ctl.run_now()
        ctl.text_changed("kabore")
        ctl.run_now()  # the answer to "zzzz" arrives after "kabore" was asked: dropped
        qtbot.waitUntil(lambda: len(got) >= 2)
        qtbot.wait(200)
        assert got[0][0] == "ouedraogo aicha" and got[0][1] >= 1
        assert [t for t, _ in got[1:]] == ["kabore"]
    finally:
        ops.stop()


def test_act_view_shows_the_birth_details_and_the_judgment(login, ui_settings, qtbot) -> None:
    from dataclasses import replace
    from datetime import date, timedelta

    from civreg.domain.acts import Judgment
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations
    from tests.ui.screens import sample_birth

    ctx = login("registrar")
    late = replace(
        sample_birth(400),
        details={"multiplicity": "twin", "birth_order": 2, "weight_grams": 3100},
        judgment=Judgment(
            "Tribunal de grande instance de Koudougou",
            "JS-114",
            (date.today() - timedelta(days=10)).isoformat(),
        ),
    )
    act = register_act(ctx, create_draft(ctx, late).id)
    ops = Operations()
    try:
        win = MainWindow(ctx, ops, ui_settings)
        qtbot.addWidget(win)
        page = win.open_act(act.id)
        qtbot.waitUntil(lambda: page.bundle is not None)
        text = page.body.toPlainText()
        for expected in ("Jumeaux", "Rang de naissance", "3100 g", "JS-114", "Tribunal"):
            assert expected in text, (expected, text)
    finally:
        ops.stop()


def _search_page(ctx, ops, qtbot):  # type: ignore[no-untyped-def]
    """The search page and its controller, wired as the main window wires them."""
    from civreg.ui.other_pages import SearchController, SearchPage

    page = SearchPage(ctx, ops)
    qtbot.addWidget(page)
    ctl = SearchController(ctx, ops, delay_ms=10)
    ctl.results.connect(page.show_results)
    return page, ctl


def test_search_results_say_which_person_matched(login, qtbot) -> None:
    """Searching the mother's name lists the child's act and says the mother matched
    (issue 11 item 11), as the command line does."""
    from civreg.ui.operations import Operations

    ctx = login("registrar")
    add_sample_acts(ctx)
    ops = Operations()
    try:
        page, ctl = _search_page(ctx, ops, qtbot)
        ctl.text_changed("sawadogo mariam")
        ctl.run_now()
        qtbot.waitUntil(lambda: page.model.rowCount() >= 1)
        subject = page.model.row_at(0).subject
        assert "OUÉDRAOGO Aïcha" in subject and "Mère : SAWADOGO Mariam" in subject, subject
        ctl.text_changed("ouedraogo aicha")  # the subject herself: nothing added
        ctl.run_now()
        qtbot.waitUntil(lambda: "Mère" not in page.model.row_at(0).subject)
        assert page.model.row_at(0).subject == "OUÉDRAOGO Aïcha"
    finally:
        ops.stop()


def test_mention_dialog_offers_the_competent_authorities_and_other_with_a_note(qtbot) -> None:
    """Issue 10 item 6: the profile's competent authorities for the kind chosen, or 'other'
    with a note saying which (the service then warns)."""
    from civreg.domain.profile import load_profile
    from civreg.ui.dialogs import MentionDialog, authority_choices

    profile = load_profile("BF")
    dlg = MentionDialog(str, None, ("rectification", "cancellation", "divorce"),
                        authority_choices(profile))  # fmt: skip
    qtbot.addWidget(dlg)
    dlg.kind.set_value("rectification")
    items = [dlg.authority_choice.itemText(i) for i in range(dlg.authority_choice.count())]
    assert "Procureur du Faso" in items and items[-1] != "Procureur du Faso"
    dlg.authority_choice.setCurrentIndex(items.index("Procureur du Faso"))
    assert dlg.values()["authority"] == "procureur_du_faso"
    dlg.kind.set_value("cancellation")  # the prosecutor does not cancel acts
    items = [dlg.authority_choice.itemText(i) for i in range(dlg.authority_choice.count())]
    assert "Procureur du Faso" not in items and "Tribunal de grande instance" in items
    dlg.authority_choice.setCurrentIndex(dlg.authority_choice.count() - 1)  # other
    dlg.authority_note.setText("Juge des enfants de Koudougou")
    values = dlg.values()
    assert (values["authority"], values["authority_note"]) == (
        "other",
        "Juge des enfants de Koudougou",
    )
    dlg.kind.set_value("divorce")  # no list: the court is typed
    dlg.authority.setText("Tribunal de grande instance de Koudougou")
    assert dlg.values()["authority"] == "Tribunal de grande instance de Koudougou"


def test_search_results_found_by_the_given_name_alone_say_so(login, qtbot) -> None:
    """Issue 17, seventh round: a search narrowed to a day whose page shows that day's
    bearers of the given name (nobody of a close family name) says so above the list, in
    the clerk's language; an ordinary page does not."""
    import random

    from civreg.demo.synthetic import Generator
    from civreg.ui.operations import Operations
    from tests.integration.test_search import TODAY, add, birth

    ctx = login("registrar")
    gen = Generator(ctx.profile, random.Random(17), today=TODAY)
    add(ctx, birth(gen, "JAGGA", "Efua Marie", day="2025-05-20"))
    ops = Operations()
    try:
        page, ctl = _search_page(ctx, ops, qtbot)
        ctl.text_changed("WACHAGGA Marie Afua 20/05/2025")
        ctl.run_now()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        assert page.model.row_at(0).subject == "JAGGA Efua Marie"
        assert "Aucun nom de famille proche ces jours-là" in page.summary.text()
        ctl.text_changed("JAGGA Efua 20/05/2025")
        ctl.run_now()
        qtbot.waitUntil(lambda: "Aucun" not in page.summary.text())
        assert page.summary.text().startswith("1 résultat(s)")
    finally:
        ops.stop()
