"""The store check in the client: the full check from Administration (progress, then its
findings in a dialog), and the fast part after every login (a warning only when it finds a
problem) with the backup reminder in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civreg.services.check import CheckReport
from civreg.services.context import Ctx
from civreg.ui.operations import Operations
from civreg.ui.tables import read_only_table

if TYPE_CHECKING:
    from civreg.ui.window_base import WindowBase

COLOURS = {"ok": "#1b7f3a", "fail": "#b00020", "warn": "#8a6d00", "skip": "#555555"}


def status_name(status: str) -> str:
    translate = QCoreApplication.translate
    return {
        "ok": translate("StoreCheck", "OK"),
        "fail": translate("StoreCheck", "Problem"),
        "warn": translate("StoreCheck", "Warning"),
        "skip": translate("StoreCheck", "Not checked"),
    }.get(status, status)


class CheckDialog(QDialog):
    """Every finding of a check, one row each, problems first."""

    def __init__(self, report: CheckReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check_dialog")
        self.setWindowTitle(self.tr("Store check"))
        order = {"fail": 0, "warn": 1, "skip": 2, "ok": 3}
        findings = sorted(report.findings, key=lambda f: order.get(f.status, 9))
        self.table = read_only_table([self.tr("Result"), self.tr("Finding")])
        self.table.setRowCount(len(findings))
        for i, f in enumerate(findings):
            status = QTableWidgetItem(status_name(f.status))
            status.setForeground(QColor(COLOURS.get(f.status, "#000000")))
            self.table.setItem(i, 0, status)
            self.table.setItem(i, 1, QTableWidgetItem(f.message()))
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        if report.ok:
            text = self.tr("No problem found.")
        else:
            text = self.tr(
                "{n} problem(s) found. Do not keep working on a damaged store: restore the "
                "latest backup, or call support."
            ).format(n=len(report.problems))
        self.summary = QLabel(text)
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(900, 420)


def run_full_check(parent: QWidget | None, ctx: Ctx, ops: Operations) -> None:
    """Administration › Check the store: every page, the structure, numbering, audit."""
    from civreg.services.check import check_store
    from civreg.ui.long_ops import run_with_progress

    def show(report: CheckReport) -> None:
        dlg = CheckDialog(report, parent)
        dlg.open()

    run_with_progress(
        parent,
        ops,
        QCoreApplication.translate("StoreCheck", "Checking the store…"),
        lambda report, _cancelled: check_store(ctx, full=True, report=report),
        on_done=show,
    )


def after_login(win: WindowBase, ctx: Ctx, ops: Operations) -> None:
    """The fast check and the backup reminder, on the worker, once the window is up."""
    from civreg.services.backup import backup_status
    from civreg.services.check import login_check_sliced

    # In slices: the register's pages the user scrolls to meanwhile go between two of them.
    ops.run_sliced(login_check_sliced, ctx, owner=win, on_done=lambda r: _report(win, r))
    if ctx.store.path is not None:
        ops.run(backup_status, ctx, owner=win, on_done=lambda st: _remind(win, st))


def _report(win: WindowBase, report: CheckReport) -> None:
    if not report.ok:
        from civreg.services.check import CheckFailed
        from civreg.ui.errors import show_error

        show_error(win, CheckFailed(report))


def _remind(win: WindowBase, st) -> None:
    from civreg.ui.backup_page import reminder_text

    if not st.due:
        return
    label = QLabel(reminder_text(st))
    label.setObjectName("backup_reminder")
    win.statusBar().addPermanentWidget(label)
    if "backup" in getattr(win, "pages", {}):
        go = QPushButton(QCoreApplication.translate("StoreCheck", "Back up now"))
        go.setObjectName("backup_reminder_go")
        go.clicked.connect(lambda: win.show_page("backup"))
        win.statusBar().addPermanentWidget(go)
