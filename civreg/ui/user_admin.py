"""Accounts from the client: a new password typed twice (an administrator for a user, or
anyone with the recovery key from the login dialog), disabling a user after a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PasswordDialog(QDialog):
    """``submitted`` once the two passwords agree; the caller runs the change and calls
    :meth:`changed` or :meth:`refused` (the dialog stays open with the message)."""

    submitted = Signal()

    def __init__(
        self, username: str, parent: QWidget | None = None, *, recovery: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("password-dialog")
        self.setWindowTitle(
            self.tr("Reset a password with the recovery key")
            if recovery
            else self.tr("Change a password")
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recovery_key")
        self.username = QLineEdit(username)
        self.username.setReadOnly(not recovery)
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        if recovery:
            note = QLabel(
                self.tr(
                    "The recovery key was printed when the store was created; keep it locked "
                    "away. It sets a new password for the account named below."
                )
            )
            note.setWordWrap(True)
            form.addRow(note)
            form.addRow(self.tr("Recovery &key"), self.recovery_key)
        else:
            self.recovery_key.hide()
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&New password"), self.password)
        form.addRow(self.tr("&Again"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Change the password")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.recovery_key if recovery else self.password).setFocus()

    def submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.refused(self.tr("Type the user name and the new password."))
        elif self.recovery_key.isVisibleTo(self) and not self.recovery_key.text().strip():
            self.refused(self.tr("Type the recovery key."))
        elif self.password.text() != self.again.text():
            self.refused(self.tr("The two passwords are different: type them again."))
            self.again.clear()
            self.again.setFocus()
        else:
            self.problem.clear()
            self.buttons.setEnabled(False)
            self.submitted.emit()

    def changed(self) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def refused(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(text)
        self.adjustSize()
