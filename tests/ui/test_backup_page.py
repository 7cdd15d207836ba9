"""The Backup screen, the store check from Administration, the fast check at login and the
plain messages in the client's one error dialog (issue 13)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton

from civreg.i18n import t
from civreg.models.engine import raw_connect
from civreg.security.keyfile import KeyFile, keyfile_path
from tests.conftest import PASSWORDS


def _sql(store: Path, statement: str) -> None:
    key = KeyFile.load(keyfile_path(store)).unlock("admin", PASSWORDS["admin"])
    conn = raw_connect(store, key)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_backup_screen_backs_up_and_the_reminder_goes(login, ui_settings, tmp_path, qtbot):
    from civreg.ui import settings as S  # noqa: N812
    from civreg.ui.backup_page import BackupPage
    from civreg.ui.operations import Operations

    ctx = login("admin")
    ops = Operations()
    try:
        page = BackupPage(ctx, ops, ui_settings)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.last.text() != "")
        assert page.last.text() == "Ce registre n'a encore jamais été sauvegardé."
        assert page.due.isVisible() and "sauvegardez-le" in page.due.text()
        assert page.reminder.value() == 7 and page.reminder.isVisible()
        usb = tmp_path / "usb"
        usb.mkdir()
        page.folder.setText(str(usb))
        page.run_btn.click()
        qtbot.waitUntil(lambda: page.result.text() != "", timeout=20000)
        (written,) = usb.iterdir()
        assert written.suffix == ".cvbk" and str(written) in page.result.text()
        qtbot.waitUntil(lambda: not page.due.isVisible())
        assert written.name in page.last.text() and "(aujourd'hui)" in page.last.text()
        assert ui_settings.get(S.BACKUP_FOLDER) == str(usb)  # remembered for next time
        page.reminder.setValue(0)
        page.save_reminder()
        from civreg.services.backup import backup_status

        qtbot.waitUntil(lambda: backup_status(ctx).reminder_days == 0)
    finally:
        ops.stop()


def test_only_those_who_may_back_up_have_the_screen(login, ui_settings, qtbot) -> None:
    from civreg.domain.roles import allowed
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    for user in ("clerk", "registrar"):
        ops = Operations()
        try:
            ctx = login(user)
            win = MainWindow(ctx, ops, ui_settings)
            qtbot.addWidget(win)
            assert ("backup" in win.pages) is allowed(ctx.user.roles, "store.backup"), user
            assert ("backup" in win.pages) is (user == "registrar")
        finally:
            ops.stop()


def test_full_check_from_administration(login, ui_settings, qtbot) -> None:
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations
    from civreg.ui.store_check import CheckDialog

    ops = Operations()
    try:
        win = MainWindow(login("admin"), ops, ui_settings)
        qtbot.addWidget(win)
        win.show()
        win.show_page("administration")
        button = win.pages["administration"].findChild(QPushButton, "check_store")
        assert button is not None and button.isVisible()
        assert button.text().replace("&", "") == "Vérifier le registre…"
        button.click()
        qtbot.waitUntil(lambda: win.findChild(CheckDialog) is not None, timeout=20000)
        dlg = win.findChild(CheckDialog)
        assert dlg.summary.text() == "Aucun problème trouvé."
        results = {dlg.table.item(i, 0).text() for i in range(dlg.table.rowCount())}
        assert "OK" in results and "Non vérifié" not in results
        texts = [dlg.table.item(i, 1).text() for i in range(dlg.table.rowCount())]
        assert any(x.startswith("pages chiffrées") for x in texts)
        assert "fichier de clés : en accord avec le registre" in texts
    finally:
        ops.stop()


def test_fast_check_at_login_shows_a_problem(store_path, ui_settings, qtbot, no_modal_errors):
    from civreg.services.store_access import login
    from civreg.ui.app import DesktopApp

    _sql(
        store_path,
        "INSERT INTO registers (centre, kind, year, first_number, next_number) "
        "VALUES ('01', 'birth', 2020, 1, 4)",
    )  # fmt: skip  (3 numbers given, no act)
    app = DesktopApp(store_path, ui_settings)
    try:
        app.on_login(login(store_path, "clerk", PASSWORDS["clerk"]))
        qtbot.waitUntil(lambda: bool(no_modal_errors), timeout=10000)
        text = no_modal_errors[-1]
        assert text.startswith("La vérification rapide du registre a trouvé un problème")
        assert "registre des naissances 2020 du centre 01 : 3 numéro(s) manquant(s)" in text
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()


def test_backup_reminder_in_the_status_bar(store_path, ui_settings, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from civreg.services.store_access import login
    from civreg.ui.app import DesktopApp

    app = DesktopApp(store_path, ui_settings)
    try:
        app.on_login(login(store_path, "registrar", PASSWORDS["registrar"]))
        qtbot.waitUntil(lambda: app.main.findChild(QLabel, "backup_reminder") is not None)
        label = app.main.findChild(QLabel, "backup_reminder")
        assert label.text() == "Ce registre n'a encore jamais été sauvegardé : sauvegardez-le."
        app.main.findChild(QPushButton, "backup_reminder_go").click()
        page = app.main.pages["backup"]
        assert app.main.stack.currentWidget() is page
        usb = store_path.parent / "usb"
        usb.mkdir()
        page.folder.setText(str(usb))
        page.run_btn.click()
        qtbot.waitUntil(lambda: page.result.text() != "", timeout=20000)
        assert not label.isVisible()  # answered: the reminder goes
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()


def test_dialog_says_the_same_as_the_command_line(login, qtbot, monkeypatch, no_modal_errors):
    """A lock held beyond the timeout, in the client: the same plain message, no traceback."""
    from civreg.models import engine
    from civreg.services.backup import set_reminder_days
    from civreg.ui.operations import Operations

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 1000)
    ctx = login("admin")
    holder = raw_connect(ctx.store.path, ctx.store.data_key)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")
    ops = Operations()
    try:
        ops.run(set_reminder_days, ctx, 3)
        qtbot.waitUntil(lambda: bool(no_modal_errors), timeout=15000)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        ops.stop()
    assert no_modal_errors == [t("store.busy", "fr", seconds=1)]
