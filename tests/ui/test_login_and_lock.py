"""Login: a wrong password says so and makes the next try wait; the idle lock hides the
window behind the login and the same user resumes the same session."""

from __future__ import annotations

from PySide6.QtCore import Qt

from civreg.ui.login import retry_delay
from tests.conftest import PASSWORDS
from tests.ui.keyboard import Keyboard


def _activate(qtbot, window) -> None:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_retry_delay_grows_and_is_capped() -> None:
    assert [retry_delay(n) for n in range(1, 6)] == [0.0, 1.0, 2.0, 4.0, 8.0]
    assert retry_delay(50) == 30


def test_wrong_password_message_then_wait(desktop, qtbot) -> None:
    kb = Keyboard(qtbot)
    desktop.start()
    dlg = desktop.login_dialog
    _activate(qtbot, dlg)
    dlg.username.setFocus()
    kb.field("clerk")
    kb.field("not-the-password")
    qtbot.waitUntil(lambda: dlg.failures == 1)
    assert dlg.message.text() == "Nom d'utilisateur ou mot de passe incorrect."
    assert dlg.ok.isEnabled()  # the first mistake costs nothing
    assert desktop.main is None
    kb.field("still-wrong")
    qtbot.waitUntil(lambda: dlg.failures == 2)
    assert not dlg.ok.isEnabled()  # second mistake: wait before the next try
    assert "Patientez" in dlg.message.text()
    kb.field(PASSWORDS["clerk"])  # typed during the wait: refused without a try
    assert dlg.failures == 2 and desktop.main is None
    qtbot.waitUntil(dlg.ok.isEnabled, timeout=5000)
    assert dlg.password.hasFocus()
    kb.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace what was typed
    kb.field(PASSWORDS["clerk"])
    qtbot.waitUntil(lambda: desktop.main is not None and desktop.main.isVisible())
    assert desktop.ctx.user.username == "clerk"


def test_idle_lock_then_resume_same_session(store_path, ui_settings, qtbot) -> None:
    from civreg.ui.app import DesktopApp

    app = DesktopApp(store_path, ui_settings, idle_ms=300)
    try:
        kb = Keyboard(qtbot)
        app.start()
        _activate(qtbot, app.login_dialog)
        app.login_dialog.username.setFocus()
        kb.field("registrar")
        kb.field(PASSWORDS["registrar"])
        qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible())
        ctx = app.ctx
        form = app.main.new_act(__import__("civreg.domain.acts").domain.acts.ActKind.BIRTH)
        _activate(qtbot, app.main)
        form.field("child.family_name").setFocus()
        kb.type("Kaboré")
        qtbot.waitUntil(lambda: app.locked, timeout=3000)
        assert not app.main.isVisible()
        lock = app.login_dialog
        assert lock.username.text() == "registrar" and lock.username.isReadOnly()
        _activate(qtbot, lock)
        lock.password.setFocus()
        kb.field("wrong")
        qtbot.waitUntil(lambda: lock.failures == 1)
        assert app.locked
        kb.field(PASSWORDS["registrar"])
        qtbot.waitUntil(lambda: app.main.isVisible())
        assert app.ctx is ctx  # same session, same open form, nothing lost
        assert app.main.detail is form
        assert form.field("child.family_name").text() == "Kaboré"
        assert form.draft_id is not None  # the lock saved the draft
        kb.press(Qt.Key.Key_Escape)
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()


def test_login_remembers_the_last_user_and_starts_in_the_password(
    store_path, ui_settings, qtbot
) -> None:
    from civreg.ui.app import DesktopApp
    from civreg.ui.settings import LAST_USER

    ui_settings.set(LAST_USER, "registrar")  # logged in last time (on whichever store)
    app = DesktopApp(store_path, ui_settings, delay_base=0.05)
    try:
        app.start()
        dlg = app.login_dialog
        _activate(qtbot, dlg)
        assert dlg.username.text() == "registrar" and dlg.password.hasFocus()
        kb = Keyboard(qtbot)
        kb.field("wrong password, and a long one")
        qtbot.waitUntil(lambda: dlg.failures == 1)
        # The message is shown whole: the label's full text fits in the dialog.
        msg = dlg.message
        assert msg.isVisible() and msg.text()
        need = msg.heightForWidth(msg.width())
        assert msg.height() >= need, (msg.height(), need)
        kb.field(PASSWORDS["registrar"])
        qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible())
        assert app.main.isMaximized() or app.main.windowState() & Qt.WindowState.WindowMaximized
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()
