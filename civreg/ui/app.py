"""Application controller: first run or login, the main window, idle lock, language switch."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from civreg.i18n import set_language
from civreg.locations import is_url, store_location
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.idle import IdleWatcher
from civreg.ui.login import LoginDialog
from civreg.ui.operations import Operations
from civreg.ui.preload import preload_ui, ui_preload_steps
from civreg.ui.translations import Translations

if TYPE_CHECKING:
    from civreg.services.context import Ctx
    from civreg.ui.main_window import MainWindow
    from civreg.ui.wizard import FirstRunWizard

# Imported on the database worker while the login window waits for the password, so that the
# window appears after Qt alone is loaded (SQLAlchemy, Alembic and the services come later).
# Only modules free of Qt: Qt's own modules are imported on the GUI thread (``preload``, one
# per turn of the event loop once the login window is painted and these are loaded) — a
# widget module imported on the worker while the GUI thread ran Qt crashed the long-session
# test twice in some 30 runs.
HEAVY_MODULES = ("civreg.services.store_access", "civreg.services.queries")


def preload() -> None:
    import importlib

    for name in HEAVY_MODULES:
        importlib.import_module(name)


def login(location: str, username: str, password: str) -> Ctx:
    from civreg.services.store_access import login as unlock

    return unlock(location, username, password)


def make_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("civreg")
    app.setOrganizationName("civreg")
    return app  # type: ignore[return-value]


class DesktopApp(QObject):
    """Owns the database worker, the session context and the top-level windows."""

    def __init__(
        self,
        store: Path | str,
        settings: S.Settings,
        *,
        delay_base: float = 1.0,
        idle_ms: int | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.qapp = make_qapp()
        self.store = store_location(store)  # a file, or a PostgreSQL URL (district)
        self.settings = settings
        self.ops = Operations(self)
        self.translations = Translations()
        self.ctx: Ctx | None = None
        self.main: MainWindow | None = None
        self.login_dialog: LoginDialog | None = None
        self._ui_preloaded = False  # the main window's modules, once, after a first paint
        self._preload_waits = {"worker", "painted"}  # both before the main window's modules
        self.wizard: FirstRunWizard | None = None
        self._delay_base = delay_base
        minutes = settings.get(S.IDLE_LOCK_MINUTES)
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
        self._idle_fixed = idle_ms is not None
        self.idle.idle.connect(self.lock)
        self.qapp.installEventFilter(self.idle)
        if language:
            # ``civreg --lang en gui``: this session only, the saved choice stays as it is
            set_language(language)
            self.translations.install(language)
        else:
            self.set_language(settings.get(S.LANGUAGE) or "fr", rebuild=False)

    # -- start ---------------------------------------------------------------------------
    def start(self) -> None:
        self.ops.run(preload, on_done=lambda _r: self._preload_when("worker"))
        if is_url(self.store) or Path(self.store).exists():
            self.show_login()
        else:
            self.show_wizard()

    def show_wizard(self) -> None:
        from civreg.ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(self.ops, Path(self.store))
        wizard.created.connect(self.on_login)
        wizard.open_existing.connect(self._open_existing)
        self.wizard = wizard
        wizard.show()

    def _open_existing(self, path: str) -> None:
        self.store = Path(path)
        self.settings.set(S.STORE_LOCATION, str(self.store))
        self.show_login()

    def show_login(self) -> None:
        dlg = LoginDialog(
            self.ops,
            self.store,
            login,
            last_user=self.settings.get(S.LAST_USER),
            delay_base=self._delay_base,
        )
        dlg.logged_in.connect(self.on_login)
        if not self._ui_preloaded:
            # on the GUI thread, while the password is typed: once the window is on the
            # screen (before it, the clerk waited a second of imports for the login window)
            self._ui_preloaded = True
            dlg.painted.connect(lambda: self._preload_when("painted"))
        self.login_dialog = dlg
        dlg.show()

    def _preload_when(self, ready: str) -> None:
        """The main window's modules, once the login window is painted and the worker has
        loaded SQLAlchemy and the services (imported meanwhile, the GUI thread would wait
        on the import lock): one module per turn of the event loop, so that the login
        window answers the keyboard between them (in one go it froze for a second)."""
        self._preload_waits.discard(ready)
        if not self._preload_waits:
            self._preload_waits.add("started")  # once
            self._preload_step(0)

    def _preload_step(self, i: int) -> None:
        steps = ui_preload_steps()
        if i >= len(steps) or "stopped" in self._preload_waits:
            return
        preload_ui(steps[i])
        QTimer.singleShot(0, self, lambda: self._preload_step(i + 1))

    def on_login(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.settings.set(S.LAST_USER, ctx.user.username)
        self._build_main()
        from civreg.ui import errors, store_check

        errors.store_path = ctx.store.path  # a full disk is told as such, not as an I/O error
        assert self.main is not None  # built just above
        store_check.after_login(self.main, ctx, self.ops)  # fast check, backup reminder
        draft_id = self.settings.get(S.OPEN_DRAFT)
        if draft_id:
            from civreg.services.interrupted_draft import interrupted_draft

            self.ops.run(
                interrupted_draft,
                ctx,
                draft_id,
                owner=self.main,
                on_done=self._offer,
                on_error=lambda _e: self.settings.reset(S.OPEN_DRAFT),
            )

    def _offer(self, found) -> None:
        """The declaration a crash interrupted: offered once, to its author or a registrar
        (civreg.services.interrupted_draft); anyone else leaves it waiting for them."""
        if found is None or self.main is None:
            return
        self.settings.reset(S.OPEN_DRAFT)  # said once; the draft stays in the Drafts list
        if not found.gone:
            self.main.offer_recovery(found)

    def _build_main(self) -> MainWindow:
        from civreg.ui.main_window import MainWindow

        assert self.ctx is not None
        win = MainWindow(self.ctx, self.ops, self.settings)
        win.lock_requested.connect(self.lock)
        win.logout_requested.connect(self.logout)
        win.language_requested.connect(self.set_language)
        self.main = win
        win.showMaximized()
        if not self._idle_fixed:
            self.idle.set_delay(self.settings.get(S.IDLE_LOCK_MINUTES) * 60_000)
        self.idle.start()
        return win

    # -- idle lock -----------------------------------------------------------------------
    def lock(self) -> None:
        if self.ctx is None or self.main is None or not self.main.isVisible():
            return
        self.idle.stop()
        if self.main.detail is not None and getattr(self.main.detail, "dirty", False):
            self.main.detail.save()  # type: ignore[attr-defined]
        self.main.hide()
        ctx = self.ctx

        def unlock(location: str, user: str, password: str) -> Ctx:
            # Check the password with the real login, then keep the session already open.
            fresh = login(location, user, password)
            fresh.close()
            return ctx

        dlg = LoginDialog(
            self.ops, self.store, unlock, fixed_user=ctx.user.username, delay_base=self._delay_base
        )
        dlg.logged_in.connect(self._resume)
        self.login_dialog = dlg
        dlg.show()

    def _resume(self, _ctx: Ctx) -> None:
        assert self.main is not None
        self.main.show()
        self.idle.start()

    def logout(self) -> None:
        """Close the session (the open draft is saved first) and show the login again."""
        if self.main is None or self.ctx is None:
            return
        self.idle.stop()
        main, ctx = self.main, self.ctx
        main.release_detail()
        self.main, self.ctx = None, None
        main.stop_background()
        main.hide()
        main.deleteLater()
        self.ops.drop_slices()  # the store check or a count still in slices
        self.ops.run(ctx.close)  # after every queued job of this session
        self.show_login()

    @property
    def locked(self) -> bool:
        return self.main is not None and not self.main.isVisible() and self.ctx is not None

    # -- language ------------------------------------------------------------------------
    def set_language(self, lang: str, rebuild: bool = True) -> None:
        set_language(lang)
        self.translations.install(lang)
        if lang != self.settings.get(S.LANGUAGE):
            self.settings.set(S.LANGUAGE, lang)
        if rebuild and self.main is not None and self.ctx is not None:
            old = self.main
            form = old.detail
            draft_id = getattr(form, "draft_id", None)
            if form is not None and getattr(form, "dirty", False):
                form.save()  # type: ignore[attr-defined]
            current = old.nav.currentRow()
            old.stop_background()
            old.hide()
            new = self._build_main()
            new.nav.setCurrentRow(current)
            if draft_id is not None:
                new.edit_draft(draft_id)
            old.deleteLater()

    def shutdown(self) -> None:
        """End in order, before Python tears Qt down: background senders stopped, the open
        draft saved, the database worker stopped after its last job, the store closed, then
        the windows deleted while the application still exists."""
        self.idle.stop()
        self.qapp.removeEventFilter(self.idle)
        self._preload_waits.add("stopped")  # no further preload step
        if self.main is not None:
            self.main.stop_background()
            self.main.release_detail()
        self.ops.stop()
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        for window in (self.main, self.login_dialog, self.wizard):
            if window is not None and shiboken6.isValid(window):
                window.hide()
                window.deleteLater()
        self.main = self.login_dialog = self.wizard = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run(store: Path | str, settings_path: Path | None = None, language: str | None = None) -> int:
    """The client on ``store``; ``language`` (``civreg --lang``) for this session only."""
    qapp = make_qapp()
    app = DesktopApp(store, S.Settings(settings_path), language=language)
    app.start()
    code = qapp.exec()
    app.shutdown()
    return code
