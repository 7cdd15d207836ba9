"""A draft being entered survives the process being killed (SIGKILL) and is offered back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSWORDS
from tests.ui.keyboard import Keyboard

ROOT = Path(__file__).resolve().parents[2]


def test_draft_offered_back_after_kill(
    store_path, ui_settings, tmp_path, qtbot, monkeypatch
) -> None:
    settings_file = tmp_path / "settings.ini"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_entry", str(store_path), str(settings_file)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        line = child.stdout.readline()  # waits for the autosave
        assert line.startswith("SAVED "), line
        draft_id = int(line.split()[1])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    # The settings hold only the draft's id, never its content.
    assert "Zoungrana" not in settings_file.read_text(encoding="utf-8", errors="replace")

    from civreg.ui.app import DesktopApp
    from civreg.ui.settings import Settings

    monkeypatch.setenv("TZ", "WAT-1")  # Kinshasa: the draft's time is said in local time
    time.tzset()
    app = DesktopApp(store_path, Settings(settings_file))
    try:
        kb = Keyboard(qtbot)
        app.start()
        dlg = app.login_dialog
        qtbot.waitExposed(dlg)
        dlg.activateWindow()
        qtbot.waitUntil(dlg.isActiveWindow)
        dlg.username.setFocus()
        dlg.username.selectAll()
        kb.field("clerk")
        kb.field(PASSWORDS["clerk"])
        qtbot.waitUntil(lambda: app.main is not None and app.main.banner.isVisible())
        assert "naissance" in app.main.banner_label.text()
        assert " WAT" in app.main.banner_label.text(), app.main.banner_label.text()
        app.main.activateWindow()
        qtbot.waitUntil(app.main.isActiveWindow)
        kb.press(Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # « &Reprendre le brouillon »
        qtbot.waitUntil(lambda: app.main.detail is not None)
        form = app.main.detail
        assert form.draft_id == draft_id
        assert form.field("child.family_name").text() == "Zoungrana"
        assert form.field("child.given_names").text() == "Rasmané"
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.parametrize("leave", ["page", "logout", "quit"])
def test_no_recovery_offered_after_an_orderly_leave(store_path, ui_settings, qtbot, leave) -> None:
    """A draft saved and left in an orderly way (another page, logging out, quitting) is in the
    drafts list: the next login does not claim it "was being entered when civreg closed"."""
    from civreg.domain.acts import ActKind
    from civreg.ui import settings as S  # noqa: N812
    from civreg.ui.app import DesktopApp
    from tests.ui.counter import log_in
    from tests.ui.screens import sample_birth

    kb = Keyboard(qtbot)
    app = DesktopApp(store_path, ui_settings)
    try:
        app.start()
        log_in(app, qtbot, kb, "clerk")
        main = app.main
        form = main.new_act(ActKind.BIRTH)
        form.set_input(sample_birth())
        form.dirty = True
        form.save()
        qtbot.waitUntil(lambda: form.draft_id is not None and not form._saving)
        assert ui_settings.get(S.OPEN_DRAFT) == form.draft_id  # a crash now offers it back
        form.dirty = True  # saved again on the way out
        if leave == "page":
            main.show_page("drafts")
            qtbot.waitUntil(lambda: not main.ops.busy)
        elif leave == "logout":
            kb.press(
                Qt.Key.Key_L,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
            qtbot.waitUntil(lambda: app.login_dialog is not None and app.login_dialog.isVisible())
            qtbot.waitUntil(lambda: not app.ops.busy)
        else:
            main.close()
            app.shutdown()
        assert ui_settings.get(S.OPEN_DRAFT) == 0
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()
