"""Search results and administration screens."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.lookup import find_acts
from civreg.services.queries import ActFilter, ActRow
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.form_layout import Texts
from civreg.ui.lazy import LazyPage
from civreg.ui.operations import Operations
from civreg.ui.register_model import RegisterModel
from civreg.ui.registers_page import COLUMN_WIDTHS, ActTable
from civreg.ui.tables import fit_columns, read_only_table
from civreg.ui.user_admin import PasswordDialog


class SearchController(QObject):
    """Debounced search: the query runs on the worker after a pause in typing; answers to
    older queries are dropped, so typing is never blocked nor overtaken by stale results."""

    results = Signal(str, list)
    failed = Signal(object)  # shown next to the results, never as a dialog while typing

    def __init__(
        self, ctx: Ctx, ops: Operations, delay_ms: int = 250, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.ops = ctx, ops
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._run)
        self._text = ""
        self._seq = 0

    def text_changed(self, text: str) -> None:
        self._text = text
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        self._run()

    def _answer(self, seq: int, text: str, rows: list[ActRow]) -> None:
        if seq == self._seq:  # an older answer arriving late is dropped
            self.results.emit(text, rows)

    def _failure(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self.failed.emit(exc)

    def _run(self) -> None:
        self._seq += 1
        seq, text = self._seq, self._text
        if not text.strip():
            self.results.emit(text, [])
            return
        self.ops.run(
            find_acts,
            self.ctx,
            text,
            owner=self,
            on_done=lambda rows: self._answer(seq, text, rows),
            on_error=lambda exc: self._failure(seq, exc),
        )


class SearchPage(QWidget):
    open_act = Signal(int)

    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.model = RegisterModel(ctx, ops, ActFilter())
        self.model.set_rows([])  # results only: the view never fetches the whole store
        self.summary = QLabel(
            self.tr(
                "Type a name (accents optional), an act number, an identifier or a date in the "
                "search box at the top (Ctrl+F)."
            )
        )
        self.summary.setWordWrap(True)
        self.table = ActTable()
        self.table.setModel(self.model)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)
        self.table.open_act.connect(self.open_act.emit)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)

    def show_results(self, text: str, rows: list[ActRow]) -> None:
        self.model.set_rows([self._with_match(r) for r in rows])
        if text.strip():
            summary = self.tr("{n} result(s) for “{q}”").format(n=len(rows), q=text)
            if rows and rows[0].by_given_name:
                summary = self.tr(
                    "No close family name on those days: {n} person(s) of those days bearing"
                    " the given name asked, for “{q}”"
                ).format(n=len(rows), q=text)
            self.summary.setText(summary)

    def _with_match(self, row: ActRow) -> ActRow:
        """``OUÉDRAOGO Aïcha — Mère : SAWADOGO Mariam`` when another person's name matched."""
        role, name = row.matched_role, row.matched_name
        if not name or role in ("", "child", "deceased", "spouse1"):
            return row
        labels = Texts().sections()
        label = labels.get(role) or labels.get(f"{role}0") or role
        return replace(
            row,
            subject=self.tr("{subject} — {role}: {name}").format(
                subject=row.subject, role=label, name=name
            ),
        )

    def show_failure(self, exc: BaseException) -> None:
        from civreg.ui.errors import error_text

        self.model.set_rows([])
        self.summary.setText(error_text(exc))


class AdminPage(LazyPage, QWidget):
    """Users of this store and the settings of this computer."""

    add_user = Signal()
    backup = Signal()
    check = Signal()
    settings_changed = Signal()

    def __init__(
        self, ctx: Ctx, ops: Operations, settings: S.Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("administration")
        self.ctx, self.ops, self.settings = ctx, ops, settings
        self.users = read_only_table(
            [self.tr("User name"), self.tr("Full name"), self.tr("Roles"), self.tr("State")]
        )
        users_box = QGroupBox(self.tr("Users"))
        ul = QVBoxLayout(users_box)
        ul.addWidget(self.users)
        self.rows: list = []
        self.confirm: QMessageBox | None = None
        self.password_dialog: PasswordDialog | None = None
        if ctx.can("user.manage"):
            add = QPushButton(self.tr("&Add a user…"))
            add.clicked.connect(self.add_user.emit)
            self.password_btn = QPushButton(self.tr("Change the pass&word…"))
            self.password_btn.clicked.connect(self.ask_password)
            self.disable_btn = QPushButton(self.tr("&Disable…"))
            self.disable_btn.clicked.connect(self.ask_disable)
            self.user_message = QLabel()
            self.user_message.setWordWrap(True)
            row = QHBoxLayout()
            for b in (add, self.password_btn, self.disable_btn):
                row.addWidget(b)
            row.addStretch(1)
            ul.addLayout(row)
            ul.addWidget(self.user_message)
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.get(S.IDLE_LOCK_MINUTES))
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.get(S.LANGUAGE) or "fr"))
        )
        self.printer = QComboBox()
        self.printer.addItem(self.tr("System default"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(settings.get(S.DEFAULT_PRINTER))))
        self.location = QLineEdit(ctx.store.location)
        self.location.setReadOnly(True)
        save = QPushButton(self.tr("&Save settings"))
        save.clicked.connect(self.save_settings)
        backup = QPushButton(self.tr("&Back up the store…"))
        backup.clicked.connect(self.backup.emit)
        settings_box = QGroupBox(self.tr("This computer"))
        form = QFormLayout(settings_box)
        form.addRow(self.tr("Loc&k after inactivity"), self.idle)
        form.addRow(self.tr("La&nguage"), self.language)
        form.addRow(self.tr("Default p&rinter"), self.printer)
        form.addRow(self.tr("Store"), self.location)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(backup)
        check = QPushButton(self.tr("&Check the store…"))
        check.setObjectName("check_store")
        check.setVisible(ctx.can("store.check"))
        check.clicked.connect(self.check.emit)
        buttons.addWidget(check)
        buttons.addStretch(1)
        form.addRow(buttons)
        lay = QHBoxLayout(self)
        lay.addWidget(users_box, 3)
        lay.addWidget(settings_box, 2)
        self.follow_changes(ops)

    def concerns(self, changes: Changes) -> bool:
        return changes.users

    def fetch(self) -> None:
        if self.ctx.can("user.manage"):
            from civreg.services.users import list_users

            self.ops.run(list_users, self.ctx, owner=self, on_done=self._users)

    def _users(self, rows: list) -> None:
        self.rows = rows
        self.users.setRowCount(len(rows))
        for i, u in enumerate(rows):
            state = self.tr("Disabled") if u.disabled else self.tr("Active")
            roles = ", ".join(self.role_name(r) for r in u.roles)
            for j, v in enumerate((u.username, u.full_name, roles, state)):
                self.users.setItem(i, j, QTableWidgetItem(v))
        fit_columns(self.users)

    def selected_user(self) -> str | None:
        row = self.users.currentRow()
        if 0 <= row < len(self.rows):
            return str(self.rows[row].username)
        self.user_message.setText(self.tr("Choose the user in the table first."))
        return None

    def ask_disable(self) -> None:
        username = self.selected_user()
        if username is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Disable a user"))
        box.setText(
            self.tr(
                "Disable the account “{user}”? It can no longer log in; what it did stays in "
                "the history."
            ).format(user=username)
        )
        yes = box.addButton(self.tr("Disable"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        self._disabling = (yes, username)
        box.buttonClicked.connect(self._disable_answered)
        self.confirm = box
        box.open()

    def _disable_answered(self, button) -> None:
        yes, username = self._disabling
        if button is yes:
            self._disable(username)

    def _disable(self, username: str) -> None:
        from civreg.services.users import disable_user
        from civreg.ui.errors import error_text

        self.ops.mutate(
            disable_user,
            self.ctx,
            username,
            owner=self,
            changes=Changes(users=True),
            on_done=lambda _r: self.user_message.setText(
                self.tr("The account “{user}” is disabled.").format(user=username)
            ),
            on_error=lambda exc: self.user_message.setText(error_text(exc)),
        )

    def ask_password(self) -> None:
        username = self.selected_user()
        if username is None:
            return
        dlg = PasswordDialog(username, self)
        dlg.submitted.connect(lambda: self._change_password(dlg))
        self.password_dialog = dlg
        dlg.open()

    def _change_password(self, dlg: PasswordDialog) -> None:
        from civreg.services.users import change_password
        from civreg.ui.errors import error_text

        self.ops.mutate(
            change_password,
            self.ctx,
            dlg.username.text(),
            dlg.password.text(),
            owner=dlg,
            changes=Changes(users=True),
            on_done=lambda _r: self._password_changed(dlg),
            on_error=lambda exc: dlg.refused(error_text(exc)),
        )

    def _password_changed(self, dlg: PasswordDialog) -> None:
        dlg.changed()
        username = dlg.username.text()
        self.user_message.setText(
            self.tr("The password of “{user}” is changed.").format(user=username)
        )

    def role_name(self, role: str) -> str:
        return {
            "clerk": self.tr("Clerk"),
            "registrar": self.tr("Registrar"),
            "district": self.tr("District officer"),
            "admin": self.tr("Administrator"),
        }.get(role, role)

    def save_settings(self) -> None:
        self.settings.set(S.IDLE_LOCK_MINUTES, int(self.idle.value()))
        self.settings.set(S.DEFAULT_PRINTER, str(self.printer.currentData() or ""))
        self.settings.set(S.LANGUAGE, str(self.language.currentData()))
        self.settings_changed.emit()
