"""Small dialogs: add a marginal mention, add a user."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import MENTION_KINDS
from civreg.ui.fields import ChoiceField, DateField


class MentionDialog(QDialog):
    """Stays open until the mention is recorded: a refusal is shown here, nothing typed is
    lost. ``submitted`` carries the values; the caller then calls :meth:`recorded` or
    :meth:`refused`."""

    submitted = Signal(dict)

    def __init__(
        self, kind_label, parent: QWidget | None = None, kinds: tuple[str, ...] = MENTION_KINDS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mention-dialog")
        self.setWindowTitle(self.tr("Add a marginal mention"))
        self.kind = ChoiceField(kinds, kind_label, blank=False)  # the country's kinds
        self.when = DateField()
        self.when.set_value(date.today().isoformat())
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.authority = QLineEdit()
        self.reference = QLineEdit()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.when)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Ordered by (authority)"), self.authority)
        form.addRow(self.tr("Decision reference"), self.reference)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def _submit(self) -> None:
        if not self.ok.isEnabled():
            return
        self.ok.setEnabled(False)
        self.problem.clear()
        self.submitted.emit(self.values())

    def recorded(self) -> None:
        self.ok.setEnabled(True)
        self.accept()

    def refused(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.problem.setText(text)

    def values(self) -> dict[str, str]:
        return {
            "kind": self.kind.value(),
            "when": self.when.value(),
            "text": self.text.toPlainText(),
            "authority": self.authority.text(),
            "reference": self.reference.text(),
        }


class UserDialog(QDialog):
    def __init__(self, roles: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user-dialog")
        self.setWindowTitle(self.tr("Add a user"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.title = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        names = {
            "clerk": self.tr("Clerk"),
            "registrar": self.tr("Registrar"),
            "district": self.tr("District officer"),
            "admin": self.tr("Administrator"),
        }
        self.roles = {r: QCheckBox(names.get(r, r)) for r in roles}
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Password"), self.password)
        for box in self.roles.values():
            form.addRow("", box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def chosen_roles(self) -> list[str]:
        return [r for r, box in self.roles.items() if box.isChecked()]
