"""The login dialog: unlocks the store with the user's password (also used by the idle lock).

A wrong password says so plainly; after repeated failures the dialog makes the user wait a
little longer each time before the next try (1 s, 2 s, 4 s … up to 30 s).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from civreg.ui.errors import error_text
from civreg.ui.operations import Operations
from civreg.ui.user_admin import PasswordDialog

if TYPE_CHECKING:
    from civreg.services.context import Ctx

MAX_DELAY = 30


def retry_delay(failures: int, base: float = 1.0) -> float:
    """Seconds to wait before the next try after ``failures`` wrong passwords in a row."""
    if failures < 2:
        return 0.0
    return min(base * 2 ** (failures - 2), MAX_DELAY)


class LoginDialog(QDialog):
    """Ask username and password; ``unlock(location, user, password) -> Ctx`` runs on the
    database worker. ``fixed_user`` locks the username (idle lock: same user resumes)."""

    logged_in = Signal(object)
    # Once, just after the dialog's first paint: what may wait until it is on the screen
    # (the main window's modules) starts then.
    painted = Signal()
    _painted = False

    def __init__(
        self,
        ops: Operations,
        location: Path | str,
        unlock: Callable[[str, str, str], Ctx],
        *,
        fixed_user: str = "",
        last_user: str = "",
        delay_base: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._location = str(location)
        self._unlock = unlock
        self.failures = 0
        self._delay_base = delay_base
        self._wait_left = 0
        self.setObjectName("login")
        self.setWindowTitle(self.tr("civreg — log in"))
        self.username = QLineEdit(fixed_user or last_user)
        self.username.setObjectName("username")
        self.username.setReadOnly(bool(fixed_user))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        intro = QLabel(
            self.tr("The session is locked. Type your password to resume.")
            if fixed_user
            else self.tr("Type your user name and password to open the registers.")
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("login_button")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        self.recovery_dialog: PasswordDialog | None = None
        if not fixed_user:
            quit_btn = self.buttons.addButton(
                self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
            )
            quit_btn.clicked.connect(self.reject)
            self.recovery_btn = self.buttons.addButton(
                self.tr("&Forgotten password…"), QDialogButtonBox.ButtonRole.ResetRole
            )
            self.recovery_btn.clicked.connect(self.ask_recovery)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.setMinimumWidth(420)
        # The last user is remembered (whatever the store): type the password at once.
        (self.password if self.username.text() else self.username).setFocus()

    def ask_recovery(self) -> None:
        """A new password set with the recovery key printed when the store was created."""
        dlg = PasswordDialog(self.username.text().strip(), self, recovery=True)
        dlg.submitted.connect(self._reset)
        self.recovery_dialog = dlg
        dlg.open()

    def _reset(self) -> None:
        from civreg.services.users import reset_with_recovery

        dlg = self.recovery_dialog
        assert dlg is not None
        user = dlg.username.text().strip()
        self._ops.run(
            reset_with_recovery,
            Path(self._location),
            dlg.recovery_key.text().strip(),
            user,
            dlg.password.text(),
            owner=dlg,
            on_done=lambda _r: self._was_reset(dlg, user),
            on_error=lambda exc: dlg.refused(error_text(exc)),
        )

    def _was_reset(self, dlg: PasswordDialog, user: str) -> None:
        dlg.changed()
        self.username.setText(user)
        self.password.clear()
        self.password.setFocus()
        self.message.setStyleSheet("")
        self._say(self.tr("Password changed: log in with the new password."))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        (self.password if self.username.text() else self.username).setFocus()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # after this paint reaches the screen; not at all if the dialog is gone by then
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.painted.emit()

    def _say(self, text: str) -> None:
        """Show a message whole: the dialog grows to fit it, never clips it."""
        self.message.setText(text)
        self.adjustSize()

    def submit(self) -> None:
        if self._wait_left > 0 or not self.ok.isEnabled():
            return
        user, pw = self.username.text().strip(), self.password.text()
        if not user or not pw:
            self._say(self.tr("Type your user name and your password."))
            return
        self.ok.setEnabled(False)
        self.message.setStyleSheet("color: #b00020;")
        self._say(self.tr("Opening the store…"))
        self._ops.run(
            self._unlock,
            self._location,
            user,
            pw,
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, ctx: Ctx) -> None:
        self.failures = 0
        self.password.clear()
        self.message.clear()
        self.ok.setEnabled(True)
        self.logged_in.emit(ctx)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.failures += 1
        self.password.clear()
        self.password.setFocus()
        delay = retry_delay(self.failures, self._delay_base)
        self._error = error_text(exc)
        if delay <= 0:
            self._say(self._error)
            self.ok.setEnabled(True)
            return
        self._wait_left = max(1, round(delay))
        self._show_wait()
        self._timer.start()

    def _show_wait(self) -> None:
        self._say(
            self._error
            + "\n"
            + self.tr("Wait {n} s before trying again.").format(n=self._wait_left)
        )

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._timer.stop()
            self._say(self._error)
            self.ok.setEnabled(True)
        else:
            self._show_wait()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.username.hasFocus() and not self.password.text():
                self.password.setFocus()
            else:
                self.submit()
            return
        super().keyPressEvent(event)
