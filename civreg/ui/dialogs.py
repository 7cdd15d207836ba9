"""Small dialogs: add a marginal mention, add a user."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

if TYPE_CHECKING:
    from civreg.domain.profile import CountryProfile
    from civreg.errors import FieldProblem
    from civreg.ui.mention_corrections import CorrectionsEditor

OTHER = "other"  # civreg.domain.mention_rules.OTHER: an authority outside the profile's list


def authority_choices(profile: CountryProfile) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each mention kind with a list of competent authorities: (code, label) pairs."""
    return {
        kind: tuple((code, profile.authorities[code].label) for code in rule.authorities)
        for kind, rule in profile.mention_rules.items()
        if rule.authorities
    }


class MentionDialog(QDialog):
    """Stays open until the mention is recorded: a refusal is shown here, nothing typed is
    lost. ``submitted`` carries the values; the caller then calls :meth:`recorded` or
    :meth:`refused`."""

    submitted = Signal(dict)

    def __init__(
        self,
        kind_label,
        parent: QWidget | None = None,
        kinds: tuple[str, ...] = MENTION_KINDS,
        authorities: Mapping[str, tuple[tuple[str, str], ...]] | None = None,
        corrections: CorrectionsEditor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mention-dialog")
        self.corrections = corrections  # fields corrected by a rectification, a change of name
        self.setWindowTitle(self.tr("Add a marginal mention"))
        self.kind = ChoiceField(kinds, kind_label, blank=False)  # the country's kinds
        self.when = DateField()
        self.when.set_value(date.today().isoformat())
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        # the competent authorities of the kind chosen (issue 10 item 6), or typed text; "other"
        # asks for a note saying which (the service records it with a warning)
        self._authorities = dict(authorities or {})
        self.authority_choice = QComboBox()
        self.authority_choice.setEditable(True)
        self.authority_choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.authority_choice.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        self.authority: QLineEdit = line
        self.authority_note = QLineEdit()
        self.authority_note.setPlaceholderText(
            self.tr("Seat of the court, or which other authority")
        )
        self.reference = QLineEdit()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.when)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Ordered by (authority)"), self.authority_choice)
        form.addRow(self.tr("Authority: seat or which"), self.authority_note)
        form.addRow(self.tr("Decision reference"), self.reference)
        if corrections is not None:
            form.addRow(corrections)
            self.kind.changed.connect(lambda: corrections.set_kind(self.kind.value()))
            corrections.set_kind(self.kind.value())
        self.kind.changed.connect(self._fill_authorities)
        self._fill_authorities()
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

    def _fill_authorities(self) -> None:
        """The competent authorities of the chosen kind, then "other"; none: typed text."""
        choices = self._authorities.get(self.kind.value(), ())
        self.authority_choice.clear()
        for code, label in choices:
            self.authority_choice.addItem(label, code)
        if choices:
            self.authority_choice.addItem(self.tr("Other authority (say which)"), OTHER)
            self.authority_choice.setCurrentIndex(-1)
        self.authority.clear()

    def _authority_value(self) -> str:
        text = self.authority.text().strip()
        index = self.authority_choice.findText(text)
        if text and index >= 0 and self.authority_choice.itemData(index):
            return str(self.authority_choice.itemData(index))  # a code of the list, or other
        return text

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

    def refused_problems(self, problems: list[FieldProblem]) -> None:
        """A refusal from the rules: a problem about a corrected field is said on its row,
        the others here."""
        rest = self.corrections.show_problems(problems) if self.corrections else problems
        lines = [p.message() for p in rest]
        if self.corrections is not None and len(rest) < len(problems):
            lines.append(self.corrections.marked_note())
        self.refused("\n".join(lines))

    def values(self) -> dict[str, object]:
        corrections = self.corrections
        return {
            "corrections": corrections.values()
            if corrections is not None and not corrections.isHidden()
            else {},
            "kind": self.kind.value(),
            "when": self.when.value(),
            "text": self.text.toPlainText(),
            "authority": self._authority_value(),
            "authority_note": self.authority_note.text(),
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
