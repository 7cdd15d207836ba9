"""First run (wizard → recovery key → main window), language switch at run time, roles."""

from __future__ import annotations

import itertools
import re

from civreg.domain.acts import ActKind
from tests.conftest import PASSWORDS


def test_first_run_wizard_creates_store_and_shows_key_once(tmp_path, ui_settings, qtbot) -> None:
    from civreg.ui.app import DesktopApp

    store = tmp_path / "new" / "civreg.db"
    app = DesktopApp(store, ui_settings)
    try:
        app.start()
        wiz = app.wizard
        assert wiz is not None and app.login_dialog is None
        wiz.next()  # create a new store
        wiz.commune.setText("11")
        wiz.centre.setText("01")
        wiz.office_name.setText("Mairie de Koudougou")
        wiz.next()
        wiz.admin.setText("chef")
        wiz.password.setText("motdepasse")
        wiz.password2.setText("autre")
        wiz.next()  # the two passwords differ: stays on the page
        assert wiz.currentId() == 2 and "diffèrent" in wiz.problem.text()
        assert not store.exists()
        wiz.password2.setText("motdepasse")
        wiz.next()  # a guessable password is refused, with what to do
        assert wiz.currentId() == 2 and "trop facile à deviner" in wiz.problem.text()
        assert not store.exists()
        wiz.password.setText("Karite-Fleuve-Nuit-58")
        wiz.password2.setText("Karite-Fleuve-Nuit-58")
        wiz.next()
        assert wiz.currentId() == 3 and store.exists()
        key = wiz.key_label.text()
        assert re.search(r"[A-Z0-9]{4}", key)
        assert key in wiz.key_document().toPlainText()  # what "Print it" prints
        wiz.accept()
        qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible())
        assert app.ctx.user.username == "chef"
        assert "administration" in app.main.pages
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()


def test_language_switch_at_run_time_keeps_the_session(store_path, ui_settings, qtbot) -> None:
    from civreg.services.store_access import login
    from civreg.ui.app import DesktopApp
    from civreg.ui.settings import LANGUAGE

    app = DesktopApp(store_path, ui_settings)
    try:
        app.on_login(login(store_path, "registrar", PASSWORDS["registrar"]))
        assert app.main.nav.item(0).text() == "Naissances"
        form = app.main.new_act(ActKind.BIRTH)
        form.field("child.family_name").setText("Kaboré")
        form._changed("child.family_name")
        form.save()
        qtbot.waitUntil(lambda: form.draft_id is not None and not form._saving)
        ctx = app.ctx
        app.main.language_requested.emit("en")
        assert app.main.nav.item(0).text() == "Births"
        assert app.ctx is ctx and ui_settings.get(LANGUAGE) == "en"
        qtbot.waitUntil(lambda: app.main.detail is not None)  # the open draft comes back
        assert app.main.detail.field("child.family_name").text() == "Kaboré"
        assert app.main.detail.title.text() == "Birth declaration"
        app.set_language("fr")
        assert app.main.nav.item(0).text() == "Naissances"
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()


def test_actions_offered_follow_the_role(login, ui_settings, qtbot) -> None:
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ops = Operations()
    try:
        menus = {}
        for user in ("clerk", "registrar", "admin"):
            win = MainWindow(login(user), ops, ui_settings)
            qtbot.addWidget(win)
            file_menu = win.menuBar().actions()[0].menu()
            menus[user] = ({a.text().replace("&", "") for a in file_menu.actions()}, set(win.pages))
        assert "Nouvelle naissance" in menus["clerk"][0]
        assert "Imprimer les actes du jour…" not in menus["clerk"][0]
        assert "Imprimer les actes du jour…" in menus["registrar"][0]
        assert "Nouvelle naissance" not in menus["admin"][0]  # admins do not enter acts
        assert "administration" in menus["admin"][1]
        assert "administration" not in menus["registrar"][1]
        assert "statistics" not in menus["clerk"][1] and "statistics" in menus["registrar"][1]
    finally:
        ops.stop()


def test_the_command_line_language_opens_the_client_in_it(store_path, ui_settings, qtbot) -> None:
    """``civreg --lang en gui`` opened the client in French (the saved choice won); the
    flag now sets this session's language without changing the saved choice."""
    from civreg.ui.app import DesktopApp
    from civreg.ui.settings import LANGUAGE

    ui_settings.set(LANGUAGE, "fr")
    app = DesktopApp(store_path, ui_settings, language="en")
    try:
        app.start()
        assert app.login_dialog is not None
        assert "connexion" not in app.login_dialog.windowTitle()
        assert app.login_dialog.windowTitle() == "civreg — log in"
        assert ui_settings.get(LANGUAGE) == "fr"
    finally:
        app.shutdown()


def test_the_login_window_is_painted_before_the_ui_modules_load(
    store_path, ui_settings, qtbot, monkeypatch
) -> None:
    """The main window's modules (a second of imports at start-up) load while the password
    is typed, after the login window is on the screen: they were loaded first, and the
    clerk waited 1.3 s for the window (issue 17, start-up measured at its first paint).
    They load after the worker's SQLAlchemy and services, one per turn of the event loop:
    in one go they froze the login window for a second (issue 17, seventh round)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from civreg.ui import app as app_module
    from civreg.ui.preload import MAIN_WINDOW, ui_preload_steps

    order: list[str] = []
    real_preload = app_module.preload

    def worker_preload() -> None:
        real_preload()
        order.append("worker")

    def preload_ui(name: str) -> None:
        order.append(name)
        # a keystroke's worth of work posted now runs before the next module
        QTimer.singleShot(0, lambda: order.append(f"turn after {name}"))

    monkeypatch.setattr(app_module, "preload", worker_preload)
    monkeypatch.setattr(app_module, "preload_ui", preload_ui)

    class Paints(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and obj is app.login_dialog:
                order.append("paint")
            return False

    paints = Paints()
    QApplication.instance().installEventFilter(paints)
    app = app_module.DesktopApp(store_path, ui_settings)
    try:
        app.start()
        qtbot.waitUntil(lambda: MAIN_WINDOW in order and "paint" in order)
        steps = ui_preload_steps()
        assert len(steps) > 10 and steps[-1] == MAIN_WINDOW
        assert "civreg.ui.verify_page" in steps
        loaded = [x for x in order if x in steps]
        assert loaded == list(steps)  # each once, in the main window's order
        first = order.index(steps[0])
        assert order.index("paint") < first
        assert order.index("worker") < first
        for a, b in itertools.pairwise(steps):
            assert order.index(a) < order.index(f"turn after {a}") < order.index(b)
    finally:
        QApplication.instance().removeEventFilter(paints)
        if app.login_dialog is not None:
            app.login_dialog.close()
        app.shutdown()
