"""After a crash, the interrupted declaration is offered back once, to whom can act on it
(issue 11): its author, or a registrar (told who was entering it); an administrator (or a
district officer, or another clerk) logging in first sees nothing and leaves it waiting."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def french():
    """Messages below the UI (civreg.i18n) in French too, whatever ran before."""
    from civreg.i18n import set_language

    set_language("fr")
    yield
    set_language("fr")


def test_offered_once_to_the_author_or_a_registrar(store_path, login, ui_settings, qtbot) -> None:
    from civreg.services.drafts import create_draft
    from civreg.ui import settings as S  # noqa: N812
    from civreg.ui.app import DesktopApp
    from tests.ui.counter import log_in
    from tests.ui.keyboard import Keyboard
    from tests.ui.screens import sample_birth

    draft = create_draft(login("clerk"), sample_birth())
    ui_settings.set(S.OPEN_DRAFT, draft.id)  # as the form leaves it when civreg is killed
    kb = Keyboard(qtbot)
    app = DesktopApp(store_path, ui_settings, delay_base=0.05)

    def session(user: str) -> str:
        """Log in as ``user``; the banner's text ("" when hidden); log out."""
        log_in(app, qtbot, kb, user)
        qtbot.waitUntil(lambda: not app.ops.busy)
        qtbot.wait(100)
        text = app.main.banner_label.text() if app.main.banner.isVisible() else ""
        # The message wraps: it never pushes the window past a 1366 x 768 screen.
        assert app.main.minimumSizeHint().width() <= 1366, app.main.minimumSizeHint()
        app.logout()
        qtbot.waitUntil(lambda: app.login_dialog is not None and app.login_dialog.isVisible())
        qtbot.waitUntil(lambda: not app.ops.busy)
        return text

    try:
        app.start()
        # The administrator cannot resume a declaration: nothing shown, it stays waiting.
        assert session("admin") == ""
        assert ui_settings.get(S.OPEN_DRAFT) == draft.id
        # The registrar is told what happened, who was entering it and what to do.
        text = session("registrar")
        assert text.startswith(
            "civreg s'est fermé de façon inattendue pendant que Agent Test saisissait une "
            "déclaration de naissance."
        ), text
        assert "reprenez-le maintenant, ou plus tard depuis la liste des brouillons" in text
        assert ui_settings.get(S.OPEN_DRAFT) == 0  # once
        assert session("clerk") == ""

        # Its author, when they log in first, reads it addressed to them.
        ui_settings.set(S.OPEN_DRAFT, draft.id)
        text = session("clerk")
        assert text.startswith("civreg s'est fermé de façon inattendue pendant que vous "), text
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()
