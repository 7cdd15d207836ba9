"""Run in a child process by test_crash_recovery: start entering a birth, let autosave run,
say so on stdout, keep typing until killed (SIGKILL, like a power cut)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(store: str, settings_path: str) -> None:
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from civreg.domain.acts import ActKind
    from civreg.services.store_access import login
    from civreg.ui.app import DesktopApp
    from civreg.ui.settings import Settings

    app = DesktopApp(Path(store), Settings(settings_path))
    app.on_login(login(store, "clerk", "Karite-Manguier-17"))
    form = app.main.new_act(ActKind.BIRTH)
    app.main.activateWindow()
    text = iter("Zoungrana\tRasmané\t")

    def type_next() -> None:
        w = QApplication.focusWidget()
        if w is None:  # the window is not active yet: try again on the next tick
            app.main.activateWindow()
            form.field("child.family_name").setFocus()
            return
        ch = next(text, None)
        if ch is None:
            if form.draft_id is not None and not form.dirty:
                print(f"SAVED {form.draft_id}", flush=True)
                timer.stop()
                QTimer.singleShot(60_000, app.qapp.quit)
            return
        if ch == "\t":
            w.focusNextChild()
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                w, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )

    form.field("child.family_name").setFocus()
    timer = QTimer()
    timer.timeout.connect(type_next)
    timer.start(20)
    app.qapp.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
