"""Administration from the client (issue 11 item 12): disable a user, change a password,
reset one with the recovery key from the login dialog."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORDS

NEW = "Savane-Fleuve-Colline-58"


def _admin_page(login, ui_settings, qtbot):
    from civreg.ui.operations import Operations
    from civreg.ui.other_pages import AdminPage

    ctx = login("admin")
    ops = Operations()
    page = AdminPage(ctx, ops, ui_settings)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.users.rowCount() >= 4)
    return page, ops


def _select(page, username: str) -> None:
    row = next(i for i in range(page.users.rowCount()) if page.users.item(i, 0).text() == username)
    page.users.selectRow(row)


def test_disable_the_selected_user(login, store_path, ui_settings, qtbot) -> None:
    from civreg.errors import CivregError
    from civreg.services.store_access import login as do_login

    page, ops = _admin_page(login, ui_settings, qtbot)
    try:
        _select(page, "clerk")
        page.disable_btn.click()
        box = page.confirm
        assert "clerk" in box.text()
        box.defaultButton().click()
        qtbot.waitUntil(
            lambda: any(
                page.users.item(i, 0).text() == "clerk"
                and page.users.item(i, 3).text() == "Désactivé"
                for i in range(page.users.rowCount())
            ),
            timeout=5000,
        )
        with pytest.raises(CivregError):
            do_login(store_path, "clerk", PASSWORDS["clerk"])
    finally:
        ops.stop()


def test_change_the_selected_users_password(login, store_path, ui_settings, qtbot) -> None:
    from civreg.services.store_access import login as do_login

    page, ops = _admin_page(login, ui_settings, qtbot)
    try:
        _select(page, "clerk")
        page.password_btn.click()
        dlg = page.password_dialog
        assert dlg.username.text() == "clerk" and dlg.username.isReadOnly()
        dlg.password.setText(NEW)
        dlg.again.setText(NEW + "x")
        dlg.submit()
        assert "différent" in dlg.problem.text() and dlg.isVisible()  # nothing changed
        dlg.again.setText(NEW)
        dlg.submit()
        qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)
        do_login(store_path, "clerk", NEW).close()
    finally:
        ops.stop()


def test_reset_a_password_with_the_recovery_key(store_path, qtbot) -> None:
    from civreg.services.store_access import login as do_login
    from civreg.ui.login import LoginDialog
    from civreg.ui.operations import Operations

    ops = Operations()
    try:
        dlg = LoginDialog(ops, store_path, do_login, last_user="admin")
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.recovery_btn.click()
        reset = dlg.recovery_dialog
        assert reset.username.text() == "admin" and not reset.username.isReadOnly()
        reset.recovery_key.setText("not the key")
        reset.password.setText(NEW)
        reset.again.setText(NEW)
        reset.submit()
        qtbot.waitUntil(lambda: reset.problem.text() != "", timeout=10000)
        assert reset.isVisible() and "Traceback" not in reset.problem.text()
        key = (store_path.parent / "recovery.txt").read_text().strip()
        reset.recovery_key.setText(key)
        reset.submit()
        qtbot.waitUntil(lambda: not reset.isVisible(), timeout=20000)
        assert "nouveau mot de passe" in dlg.message.text()
        do_login(store_path, "admin", NEW).close()
    finally:
        ops.stop()
