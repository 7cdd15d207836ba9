"""The Backup screen: back up the store to a folder or a USB stick, see when the last backup
was made, and set the reminder (administrators)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.ui import file_dialogs
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.lazy import LazyPage
from civreg.ui.locale_text import date_text
from civreg.ui.operations import Operations

DUE_STYLE = "#backup_due { background: #fff4c2; border: 1px solid #d9b300; padding: 6px; }"


class BackupPage(LazyPage, QWidget):
    def __init__(
        self, ctx: Ctx, ops: Operations, settings: S.Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup")
        self.ctx, self.ops, self.settings = ctx, ops, settings
        self.due = QLabel()
        self.due.setObjectName("backup_due")
        self.due.setStyleSheet(DUE_STYLE)
        self.due.setWordWrap(True)
        self.due.hide()
        self.last = QLabel()
        self.last.setObjectName("last_backup")
        self.last.setWordWrap(True)
        about = QLabel(
            self.tr(
                "A backup is one file holding the encrypted store and its key file. It can "
                "only be restored with the password of one of the store's administrators. "
                "Keep it on a USB stick stored away from this computer."
            )
        )
        about.setWordWrap(True)
        self.folder = QLineEdit(settings.get(S.BACKUP_FOLDER))
        self.folder.setObjectName("backup_folder")
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self.choose_folder)
        self.run_btn = QPushButton(self.tr("&Back up now"))
        self.run_btn.setObjectName("backup_now")
        self.run_btn.setEnabled(ctx.can("store.backup"))
        self.run_btn.clicked.connect(self.run_backup)
        self.result = QLabel()
        self.result.setObjectName("backup_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        box = QGroupBox(self.tr("Back up the store"))
        form = QFormLayout(box)
        form.addRow(about)
        form.addRow(self.tr("Folder or USB stick"), row)
        form.addRow(self.run_btn)
        form.addRow(self.result)

        self.reminder = QSpinBox()
        self.reminder.setObjectName("reminder_days")
        self.reminder.setRange(0, 365)
        self.reminder.setSuffix(self.tr(" day(s)"))
        self.reminder.setSpecialValueText(self.tr("never"))
        save = QPushButton(self.tr("&Save the reminder"))
        save.clicked.connect(self.save_reminder)
        remind = QGroupBox(self.tr("Reminder"))
        rl = QFormLayout(remind)
        rl.addRow(self.tr("Remind when the last backup is older than"), self.reminder)
        rl.addRow(save)
        remind.setVisible(ctx.can("office.settings"))

        lay = QVBoxLayout(self)
        lay.addWidget(self.due)
        lay.addWidget(self.last)
        lay.addWidget(box)
        lay.addWidget(remind)
        lay.addStretch(1)
        self.follow_changes(ops)

    def concerns(self, changes: Changes) -> bool:
        return changes.everything

    def fetch(self) -> None:
        from civreg.services.backup import backup_status

        self.ops.run(backup_status, self.ctx, owner=self, on_done=self.show_status)

    def show_status(self, st) -> None:
        if st.last_at is None:
            self.last.setText(self.tr("This store has never been backed up."))
        else:
            self.last.setText(
                self.tr("Last backup: {when} ({age}), {file} in {folder}").format(
                    when=date_text(st.last_at.astimezone().isoformat(timespec="minutes")),
                    age=self.tr("today")
                    if not st.age_days
                    else self.tr("{days} day(s) ago").format(days=st.age_days),
                    file=st.last_file,
                    folder=st.last_folder,
                )
            )
        self.due.setVisible(st.due)
        if st.due:
            self.due.setText(reminder_text(st))
        self.reminder.setValue(st.reminder_days)

    def choose_folder(self) -> None:
        folder = file_dialogs.folder(
            self, self.tr("Back up into which folder?"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def run_backup(self) -> None:
        from civreg.services.backup import create_backup
        from civreg.ui.long_ops import run_with_progress

        folder = self.folder.text().strip()
        if not folder:
            self.choose_folder()
            folder = self.folder.text().strip()
            if not folder:
                return
        self.settings.set(S.BACKUP_FOLDER, folder)
        run_with_progress(
            self,
            self.ops,
            self.tr("Backing up the store…"),
            lambda report, cancelled: create_backup(
                self.ctx, Path(folder), report=report, cancelled=cancelled
            ),
            on_done=self._done,
        )

    def _done(self, result) -> None:
        text = self.tr("Backup written: {path}").format(path=result.path)
        if result.damaged_pages:
            text += "\n" + self.tr(
                "Warning: {n} page(s) of the store are damaged; run the store check "
                "(Administration)."
            ).format(n=len(result.damaged_pages))
        self.result.setText(text)
        self.load()
        window = self.window()  # the reminder put in the status bar at login is answered
        for name in ("backup_reminder", "backup_reminder_go"):
            for w in window.findChildren(QWidget, name):
                w.hide()

    def save_reminder(self) -> None:
        from civreg.services.backup import set_reminder_days

        self.ops.run(
            set_reminder_days,
            self.ctx,
            int(self.reminder.value()),
            owner=self,
            on_done=lambda _r: self.load(),
        )


def reminder_text(st) -> str:
    """The backup reminder (the Backup screen and the status bar after login)."""
    from PySide6.QtCore import QCoreApplication

    if st.last_at is None:
        return QCoreApplication.translate(
            "BackupPage", "This store has never been backed up: back it up now."
        )
    return QCoreApplication.translate(
        "BackupPage",
        "The last backup is {days} day(s) old (reminder after {limit}): back the store up now.",
    ).format(days=st.age_days, limit=st.reminder_days)
