"""Run in a child process by test_quit: a long scripted session of the desktop client —
log in, enter and register births, open acts, visit every page, search, lock and unlock,
log out and in again — then quit from the menu, under ``faulthandler``. The process must
end with status 0 and no "Fatal Python error"."""

from __future__ import annotations

import faulthandler
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.conftest import PASSWORDS  # the shared fixtures' accounts


def main(store: str, settings_path: str, rounds: int) -> int:
    faulthandler.enable()
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction

    from civreg.domain.acts import ActKind
    from civreg.ui import errors
    from civreg.ui.app import DesktopApp
    from civreg.ui.settings import Settings
    from tests.ui.screens import sample_birth

    errors.modal = False
    app = DesktopApp(Path(store), Settings(settings_path), delay_base=0.01)

    def log_in(user: str) -> Iterator[Callable[[], bool]]:
        yield lambda: app.login_dialog is not None and app.login_dialog.isVisible()
        dlg = app.login_dialog
        dlg.username.setText(user)
        dlg.password.setText(PASSWORDS[user])
        dlg.submit()
        yield lambda: app.main is not None and app.main.isVisible()

    def session() -> Iterator[Callable[[], bool]]:
        yield from log_in("registrar")
        for i in range(rounds):
            main = app.main
            form = main.new_act(ActKind.BIRTH)
            form.set_input(sample_birth(days_ago=5 + i))
            form.dirty = True
            form.save()
            yield lambda f=form: f.draft_id is not None and not f._saving
            form.register()
            yield lambda f=form: f.confirm is not None and f.confirm.isVisible()
            form.confirm.ok.click()
            yield lambda m=main: getattr(m.detail, "bundle", None) is not None
            for key in main.keys:
                main.show_page(key)
                yield lambda: not app.ops.busy
            main.search_box.setText("ouedraogo")
            main.search.text_changed("ouedraogo")
            main.search.run_now()
            yield lambda: not app.ops.busy
            app.lock()
            yield lambda: app.login_dialog is not None and app.login_dialog.isVisible()
            app.login_dialog.password.setText(PASSWORDS["registrar"])
            app.login_dialog.submit()
            yield lambda: app.main.isVisible()
        app.logout()
        yield from log_in("clerk")
        main = app.main
        form = main.new_act(ActKind.BIRTH)
        form.set_input(sample_birth(days_ago=3))
        form.dirty = True
        form.save()
        yield lambda: form.draft_id is not None and not form._saving
        quit_action = next(
            a for a in main.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Q"
        )
        quit_action.trigger()  # File > Quit: the last window closes, the event loop ends

    steps = session()
    waiting: list[Callable[[], bool]] = []
    clock = {"step": 0, "since": time.monotonic()}

    def tick() -> None:
        if waiting and not waiting[0]():
            if time.monotonic() - clock["since"] > 60:
                frame = getattr(steps, "gi_frame", None)
                line = frame.f_lineno if frame else "?"
                said = app.login_dialog.message.text() if app.login_dialog is not None else ""
                print(
                    f"STUCK at step {clock['step']} (line {line}) {said}",
                    file=sys.stderr,
                    flush=True,
                )
                os._exit(3)
            return
        waiting.clear()
        if os.environ.get("CIVREG_TRACE"):
            print(f"step {clock['step']} {time.monotonic() - clock['since']:.2f}s", file=sys.stderr)
        clock["step"] += 1
        clock["since"] = time.monotonic()
        try:
            waiting.append(next(steps))
        except StopIteration:
            timer.stop()

    app.start()
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    code = app.qapp.exec()
    timer.stop()
    t0 = time.monotonic()
    app.shutdown()
    if os.environ.get("CIVREG_TRACE"):
        print(f"shutdown {time.monotonic() - t0:.2f}s", file=sys.stderr)
    print("QUIT", code, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
