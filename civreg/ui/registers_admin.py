"""Registers administration: each register's numbering, continuing a paper register in the
middle of a year, and closing a year's register (registrar)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.lookup import centres
from civreg.services.registers import (
    RegisterRow,
    closable_from,
    close_refusal,
    close_register,
    list_registers,
    start_register,
)
from civreg.ui import clock
from civreg.ui.errors import error_text
from civreg.ui.lazy import LazyPage
from civreg.ui.locale_text import date_text
from civreg.ui.operations import Operations
from civreg.ui.tables import cell, fit_columns, read_only_table


class RegisterNames(QWidget):
    """Translated names of the kinds of register."""

    def kinds(self) -> dict[str, str]:
        return {
            "birth": self.tr("Births"),
            "marriage": self.tr("Marriages"),
            "death": self.tr("Deaths"),
        }


class StartRegisterDialog(QDialog):
    """Centre, kind, year and the paper register's next number; stays open on a refusal."""

    submitted = Signal(dict)

    def __init__(self, centre_list: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start-register")
        self.setWindowTitle(self.tr("Continue a paper register"))
        intro = QLabel(
            self.tr(
                "A commune that starts civreg during the year continues its paper register: the "
                "next act registered here takes the number below. Acts of the paper register "
                "transcribed later keep their own, lower numbers."
            )
        )
        intro.setWordWrap(True)
        self.centre = QComboBox()
        for code, name in centre_list:
            self.centre.addItem(f"{code} — {name}", code)
        self.kind = QComboBox()
        for code, name in RegisterNames(self).kinds().items():
            self.kind.addItem(name, code)
        self.year = QSpinBox()
        self.year.setRange(1900, 9999)
        self.year.setValue(clock.today().year)
        self.first = QSpinBox()
        self.first.setObjectName("first_number")
        self.first.setRange(1, 999_999)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("&Centre"), self.centre)
        form.addRow(self.tr("&Kind of register"), self.kind)
        form.addRow(self.tr("&Year"), self.year)
        form.addRow(self.tr("&Next number of the paper register"), self.first)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setDefault(True)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)
        self.first.setFocus()
        self.first.selectAll()

    def values(self) -> dict[str, object]:
        return {
            "centre": str(self.centre.currentData()),
            "kind": str(self.kind.currentData()),
            "year": int(self.year.value()),
            "first_number": int(self.first.value()),
        }

    def _submit(self) -> None:
        self.ok.setEnabled(False)
        self.problem.clear()
        self.submitted.emit(self.values())

    def refused(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.problem.setText(text)


class RegistersAdminPage(LazyPage, QWidget):
    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registers-admin")
        self.ctx, self.ops = ctx, ops
        self.rows: list[RegisterRow] = []
        self.dialog: StartRegisterDialog | None = None
        self.table = read_only_table(
            [
                self.tr("Register"),
                self.tr("Year"),
                self.tr("Centre"),
                self.tr("First number"),
                self.tr("Next number"),
                self.tr("Acts"),
                self.tr("Transcribed"),
                self.tr("State"),
            ]
        )
        self.table.setObjectName("registers")
        intro = QLabel(
            self.tr(
                "One register per centre, kind of act and year; numbers run without gap. "
                "The registrar closes a year's register from 31 December: acts of that year "
                "declared later go to the current year's register."
            )
        )
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.start_btn = QPushButton(self.tr("Continue a &paper register…"))
        self.start_btn.clicked.connect(self.ask_start)
        self.start_btn.setVisible(ctx.can("register.configure"))
        self.close_btn = QPushButton(self.tr("C&lose the selected register…"))
        self.close_btn.clicked.connect(self.ask_close)
        self.close_btn.setVisible(ctx.can("register.close"))
        bar = QHBoxLayout()
        bar.addWidget(intro, 1)
        bar.addWidget(self.start_btn)
        bar.addWidget(self.close_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        self.follow_changes(ops)

    def concerns(self, changes: Changes) -> bool:
        return bool(changes.registers) or changes.everything

    def fetch(self) -> None:
        self.ops.run(list_registers, self.ctx, owner=self, on_done=self.show_rows)

    def show_rows(self, rows: list[RegisterRow]) -> None:
        self.rows = rows
        kinds = RegisterNames(self).kinds()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            if r.closed_at:
                state = self.tr("Closed on {day} by {who}").format(
                    day=date_text(r.closed_at[:10]), who=r.closed_by
                )
            elif clock.today() < closable_from(r.year):
                state = self.tr("Open — can be closed from {day}").format(
                    day=date_text(closable_from(r.year).isoformat())
                )
            else:
                state = self.tr("Open")
            values = (
                kinds.get(r.kind, r.kind),
                str(r.year),
                f"{r.centre} — {r.centre_name}" if r.centre_name else r.centre,
                self.ctx.profile.format_number(r.first_number),
                "—" if r.closed else self.ctx.profile.format_number(r.next_number),
                str(r.acts),
                str(r.transcribed),
                state,
            )
            for j, v in enumerate(values):
                self.table.setItem(i, j, cell(v, right=j in (1, 3, 4, 5, 6)))
        fit_columns(self.table)

    # -- continue a paper register ------------------------------------------------------
    def ask_start(self) -> None:
        self.ops.run(centres, self.ctx, owner=self, on_done=self._start_dialog)

    def _start_dialog(self, found: list[tuple[str, str]]) -> None:
        self.dialog = StartRegisterDialog(found, self)
        self.dialog.submitted.connect(self._start)
        self.dialog.open()

    def _start(self, values: dict[str, Any]) -> None:
        dlg = self.dialog
        assert dlg is not None
        self.ops.mutate(
            start_register,
            self.ctx,
            owner=dlg,
            on_done=lambda _c: self._started(dlg, values),
            on_error=lambda exc: dlg.refused(error_text(exc)),
            **values,
        )

    def _started(self, dlg: StartRegisterDialog, values: dict[str, object]) -> None:
        dlg.accept()
        self.message.setText(
            self.tr("The next act of this register will take number {number}.").format(
                number=self.ctx.profile.format_number(int(values["first_number"]))  # type: ignore[call-overload]
            )
        )

    # -- close a year -------------------------------------------------------------------
    def selected(self) -> RegisterRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def ask_close(self) -> None:
        reg = self.selected()
        if reg is None:
            self.message.setText(self.tr("Choose the register to close in the table first."))
            return
        kinds = RegisterNames(self).kinds()
        refused = close_refusal(reg, clock.today())
        if refused is not None and not reg.closed:
            # Said before asking anything: the year is not over, and from when it can be.
            self.message.setText(
                self.tr(
                    "The register “{kind}” {year} cannot be closed yet: the year {year} is not "
                    "over. It can be closed from {day}."
                ).format(
                    kind=kinds.get(reg.kind, reg.kind),
                    year=reg.year,
                    day=date_text(closable_from(reg.year).isoformat()),
                )
            )
            return
        if refused is not None:
            self.message.setText(error_text(refused))
            return
        box = QMessageBox(self)
        box.setObjectName("confirm-close")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the register"))
        box.setText(
            self.tr(
                "Close the register “{kind}” {year} of centre {centre}? It holds {n} act(s). "
                "No act will take a number in it afterwards."
            ).format(
                kind=kinds.get(reg.kind, reg.kind), year=reg.year, centre=reg.centre, n=reg.acts
            )
        )
        yes = box.addButton(self.tr("Close the register"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        self._closing = (box, yes, reg)
        box.buttonClicked.connect(self._close_answered)
        box.open()

    def _close_answered(self, button) -> None:
        _box, yes, reg = self._closing
        if button is yes:
            self._close(reg)

    def _close(self, reg: RegisterRow) -> None:
        self.ops.mutate(
            close_register,
            self.ctx,
            centre=reg.centre,
            kind=reg.kind,
            year=reg.year,
            today=clock.today(),
            owner=self,
            on_done=lambda _c: self.message.setText(self.tr("Register closed.")),
            on_error=lambda exc: self.message.setText(error_text(exc)),
        )
