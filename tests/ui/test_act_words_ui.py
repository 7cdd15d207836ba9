"""The client names mention kinds and marital statuses with the domain's words
(civreg.domain.act_words), as the command line and the certificates do."""

from __future__ import annotations

from tests.ui.screens import add_sample_acts


def test_act_page_and_forms_name_kinds_and_statuses_as_the_domain(
    login, ui_settings, qtbot
) -> None:
    from civreg.domain.act_words import (
        MARITAL_WORDS,
        MENTION_WORDS,
        capitalised,
        marital_label,
        mention_kind_label,
    )
    from civreg.i18n import set_language
    from civreg.ui.fields import ChoiceLabels
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
        for lang in ("fr", "en"):
            set_language(lang)
            for kind in MENTION_WORDS:
                assert page.mention_kind(kind) == capitalised(mention_kind_label(kind, lang))
            labels = ChoiceLabels().labels()
            for status in MARITAL_WORDS:
                assert labels[f"status:{status}"] == capitalised(marital_label(status, lang))
        set_language("fr")
        assert page.mention_kind("legitimation") == "Légitimation"
        assert ChoiceLabels().labels()["status:widowed"] == "Veuf (veuve)"
    finally:
        set_language("fr")
        ops.stop()
