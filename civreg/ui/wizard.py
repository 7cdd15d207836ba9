"""First run: create a store (office, first administrator, recovery key) or open one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from civreg.services.store_access import Created, create_store
from civreg.ui import file_dialogs
from civreg.ui.errors import error_text
from civreg.ui.operations import Operations

START, OFFICE, ADMIN, RECOVERY = range(4)


class FirstRunWizard(QWizard):
    created = Signal(object)  # Ctx of the new administrator
    open_existing = Signal(str)

    def __init__(self, ops: Operations, store: Path, *, kdf: dict | None = None) -> None:
        super().__init__()
        self.setObjectName("wizard")
        self.ops, self.store, self._kdf = ops, store, kdf
        self.result_created: Created | None = None
        self.setWindowTitle(self.tr("civreg — first start"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

        start = QWizardPage()
        start.setTitle(self.tr("Welcome to civreg"))
        self.create_radio = QRadioButton(self.tr("Create a new store for this office"))
        self.create_radio.setChecked(True)
        self.open_radio = QRadioButton(self.tr("Open an existing store…"))
        sl = QVBoxLayout(start)
        sl.addWidget(QLabel(self.tr("No store was found at {path}.").format(path=store)))
        sl.addWidget(self.create_radio)
        sl.addWidget(self.open_radio)

        office = QWizardPage()
        office.setTitle(self.tr("The office"))
        self.country = QComboBox()
        self.country.addItem("Burkina Faso", "BF")
        self.country.addItem("République démocratique du Congo", "CD")
        self.commune = QLineEdit()
        self.centre = QLineEdit("01")
        self.office_name = QLineEdit()
        of = QFormLayout(office)
        of.addRow(self.tr("Country"), self.country)
        of.addRow(self.tr("Commune code"), self.commune)
        of.addRow(self.tr("Centre code"), self.centre)
        of.addRow(self.tr("Office name"), self.office_name)

        admin = QWizardPage()
        admin.setTitle(self.tr("The first administrator"))
        self.admin = QLineEdit("admin")
        self.admin_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        af = QFormLayout(admin)
        af.addRow(self.tr("User name"), self.admin)
        af.addRow(self.tr("Full name"), self.admin_name)
        af.addRow(self.tr("Password"), self.password)
        af.addRow(self.tr("Repeat the password"), self.password2)
        af.addRow(self.problem)

        recovery = QWizardPage()
        recovery.setTitle(self.tr("Recovery key"))
        self.key_label = QLabel()
        self.key_label.setObjectName("recovery_key")
        font = QFont("DejaVu Sans Mono")
        font.setPointSize(13)
        self.key_label.setFont(font)
        self.key_label.setWordWrap(True)
        print_btn = QPushButton(self.tr("&Print it"))
        print_btn.clicked.connect(self.print_key)
        rl = QVBoxLayout(recovery)
        warn = QLabel(
            self.tr(
                "This key is shown only once. Without it, a forgotten password "
                "means the registers can no longer be opened. Print it and keep "
                "it in a safe place, away from this computer."
            )
        )
        warn.setWordWrap(True)
        rl.addWidget(warn)
        rl.addWidget(self.key_label)
        rl.addWidget(print_btn)
        for page in (start, office, admin, recovery):
            self.addPage(page)
        self.resize(640, 440)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        page = self.currentId()
        if page == START and self.open_radio.isChecked():
            name = file_dialogs.open_file(
                self, self.tr("Open a store"), "", self.tr("civreg stores (*.db)")
            )
            if name:
                self.open_existing.emit(name)
                self.hide()
            return False
        if page == ADMIN:
            return self._create()
        return True

    def _create(self) -> bool:
        if self.password.text() != self.password2.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return False
        loop = QEventLoop()
        outcome: dict[str, object] = {}

        def done(c: Created) -> None:
            outcome["created"] = c
            loop.quit()

        def failed(exc: BaseException) -> None:
            outcome["error"] = exc
            loop.quit()

        self.problem.setText(self.tr("Creating the store…"))
        self.ops.run(
            create_store,
            self.store,
            country=self.country.currentData(),
            commune=self.commune.text().strip(),
            centre=self.centre.text().strip(),
            office_name=self.office_name.text().strip(),
            admin=self.admin.text(),
            password=self.password.text(),
            admin_full_name=self.admin_name.text(),
            kdf=self._kdf,
            on_done=done,
            on_error=failed,
        )
        loop.exec()
        if "error" in outcome:
            self.problem.setText(error_text(outcome["error"]))  # type: ignore[arg-type]
            return False
        created = outcome["created"]
        assert isinstance(created, Created)
        self.result_created = created
        self.key_label.setText(created.recovery_key)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        return True

    def print_key(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.key_document().print_(printer)

    def key_document(self) -> QTextDocument:
        doc = QTextDocument()
        created = self.result_created
        key = created.recovery_key if created else ""
        office = created.ctx.office.office_id if created else ""
        doc.setHtml(
            f"<h2>{self.tr('civreg recovery key')}</h2><p>{office}</p>"
            f"<p style='font-family:monospace;font-size:16pt'>{key}</p>"
            f"<p>{self.tr('Keep this sheet in a safe place.')}</p>"
        )
        return doc

    def accept(self) -> None:
        super().accept()
        if self.result_created is not None:
            self.created.emit(self.result_created.ctx)
