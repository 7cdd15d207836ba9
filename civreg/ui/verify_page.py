"""Verify a certificate offline: paste or scan its QR text, or open the PDF, and read a big
verdict (VALID / INVALID SIGNATURE / UNKNOWN OFFICE / REVOKED KEY) above the signed fields,
which the verifier compares with the paper. Every role may use it: it only reads.

The keys trusted by default are those of this store (other offices' keys it trusts, and this
office's own keys, current and retired); the verifier may choose a folder of key files or a
national bundle instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civreg.certificates.qr_summary import summary
from civreg.certificates.verify import (
    ContentCheck,
    Verification,
    VerificationStatus,
    verify_pdf,
    verify_qr,
)
from civreg.errors import CivregError
from civreg.security.office_keys import TrustList, read_public_key_file
from civreg.services.context import Ctx
from civreg.ui import file_dialogs
from civreg.ui.lazy import LazyPage
from civreg.ui.operations import Operations
from civreg.ui.register_model import display_date

# Verdict colours: text, background.
COLOURS = {
    VerificationStatus.VALID: ("#0b5d1e", "#d9f2df"),
    VerificationStatus.INVALID_SIGNATURE: ("#8c0010", "#fbdde0"),
    VerificationStatus.REVOKED_KEY: ("#8c0010", "#fbdde0"),
    VerificationStatus.UNKNOWN_OFFICE: ("#7a4b00", "#fff0c7"),
    VerificationStatus.MALFORMED: ("#5a5a5a", "#ececec"),
}


@dataclass(frozen=True)
class TrustSource:
    trust: TrustList
    origin: str  # "store" or the chosen file/folder name


def store_trust(ctx: Ctx) -> TrustSource:
    """The keys this store trusts plus this office's own (runs on the database worker)."""
    from civreg.services.keys import verification_trust

    return TrustSource(verification_trust(ctx), "store")


def file_trust(path: Path) -> TrustSource:
    """A folder of key files, a national bundle (JSON list) or one office key file."""
    if path.is_dir():
        return TrustSource(TrustList.from_directory(path), path.name)
    try:
        return TrustSource(TrustList.from_bundle(path), path.name)
    except CivregError:
        return TrustSource(TrustList([read_public_key_file(path)]), path.name)


class VerifyPage(LazyPage, QWidget):
    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify")
        self.ctx, self.ops = ctx, ops
        self.trust: TrustList | None = None
        self.verdicts: list[Verification] = []
        intro = QLabel(
            self.tr(
                "Scan or paste the text of the certificate's QR code, or open the PDF. The verdict "
                "needs no network: it checks the issuing office's signature."
            )
        )
        intro.setWordWrap(True)
        self.qr = QLineEdit()
        self.qr.setObjectName("qr_text")
        self.qr.setPlaceholderText(self.tr("QR code text (a scanner types it here)"))
        self.qr.returnPressed.connect(self.verify_text)
        check = QPushButton(self.tr("&Verify"))
        check.clicked.connect(self.verify_text)
        open_pdf = QPushButton(self.tr("Open a &PDF…"))
        open_pdf.clicked.connect(self.choose_pdf)
        row = QHBoxLayout()
        row.addWidget(self.qr, 1)
        row.addWidget(check)
        row.addWidget(open_pdf)

        self.trust_label = QLabel()
        self.trust_label.setObjectName("trust_label")
        keys_dir = QPushButton(self.tr("Key &folder…"))
        keys_dir.clicked.connect(self.choose_key_folder)
        keys_file = QPushButton(self.tr("Key list &file…"))
        keys_file.clicked.connect(self.choose_key_file)
        own = QPushButton(self.tr("This store's &keys"))
        own.clicked.connect(self.load_trust)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_label, 1)
        trust_row.addWidget(keys_dir)
        trust_row.addWidget(keys_file)
        trust_row.addWidget(own)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumHeight(64)
        self.detail = QLabel()
        self.detail.setObjectName("verdict_detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QComboBox()
        self.pages.setObjectName("verdict_pages")
        self.pages.currentIndexChanged.connect(self._show_page)
        self.pages.hide()

        self.fields_box = QGroupBox()
        form = QFormLayout(self.fields_box)
        self.values: dict[str, QLineEdit] = {}
        for key, label in self._field_labels():
            edit = QLineEdit()
            edit.setReadOnly(True)
            edit.setObjectName(f"field_{key}")
            self.values[key] = edit
            form.addRow(label, edit)
        self.fields_box.hide()

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addLayout(trust_row)
        lay.addWidget(self.pages)
        lay.addWidget(self.verdict)
        lay.addWidget(self.detail)
        lay.addWidget(self.fields_box)
        lay.addStretch(1)
        self._clear_verdict()

    def _field_labels(self) -> list[tuple[str, str]]:
        return [
            ("id", self.tr("Act identifier")),
            ("kind", self.tr("Kind of act")),
            ("names", self.tr("Names")),
            ("date", self.tr("Date of the event")),
            ("place", self.tr("Place of the event")),
            ("copy", self.tr("Copy")),
            ("number", self.tr("Copy number")),
            ("issued", self.tr("Issued on")),
            ("office", self.tr("Issuing office")),
            ("key", self.tr("Signing key")),
            ("status", self.tr("State of the act")),
        ]

    # -- trust ------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)  # loads the store's trusted keys the first time
        self.qr.setFocus()  # a scanner types the code straight away

    def load_trust(self) -> None:
        self.load()

    def fetch(self) -> None:
        self.ops.run(store_trust, self.ctx, owner=self, on_done=self._trusted)

    def choose_key_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Folder of office key files"))
        if folder:
            self.ops.run(file_trust, Path(folder), owner=self, on_done=self._trusted)

    def choose_key_file(self) -> None:
        name = file_dialogs.open_file(
            self, self.tr("Office key list"), "", self.tr("Key files (*.json)")
        )
        if name:
            self.ops.run(file_trust, Path(name), owner=self, on_done=self._trusted)

    def _trusted(self, source: TrustSource) -> None:
        self.trust = source.trust
        if source.origin == "store":
            text = self.tr("Keys: those this store trusts ({n})")
        else:
            text = self.tr("Keys: from {name} ({n})")
        self.trust_label.setText(text.format(n=len(source.trust), name=source.origin))
        self._clear_verdict()

    # -- verifying ----------------------------------------------------------------------
    def verify_text(self) -> None:
        text = self.qr.text().strip()
        if not text or self.trust is None:
            return
        self.show_verdicts([verify_qr(text, self.trust)])
        self.qr.selectAll()  # the next scan replaces this code

    def choose_pdf(self) -> None:
        name = file_dialogs.open_file(
            self, self.tr("Open a certificate"), "", self.tr("PDF documents (*.pdf)")
        )
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> None:
        if self.trust is None:
            return
        self._clear_verdict()
        self.verdict.setText(self.tr("Reading the document…"))
        self.ops.run(
            verify_pdf,
            path,
            self.trust,
            owner=self,
            on_done=self.show_verdicts,
            on_error=self._pdf_failed,
        )

    def _pdf_failed(self, exc: BaseException) -> None:
        from civreg.ui.errors import show_error

        self._clear_verdict()
        show_error(self, exc)

    def show_verdicts(self, verdicts: list[Verification]) -> None:
        self.verdicts = list(verdicts)
        self.pages.blockSignals(True)
        self.pages.clear()
        for v in self.verdicts:
            self.pages.addItem(self.tr("QR code on page {page}").format(page=v.page))
        self.pages.blockSignals(False)
        self.pages.setVisible(len(self.verdicts) > 1)
        if self.verdicts:
            self._show(self.verdicts[0])

    def _show_page(self, index: int) -> None:
        if 0 <= index < len(self.verdicts):
            self._show(self.verdicts[index])

    def status_text(self, status: VerificationStatus) -> str:
        return {
            VerificationStatus.VALID: self.tr("VALID"),
            VerificationStatus.INVALID_SIGNATURE: self.tr("INVALID SIGNATURE"),
            VerificationStatus.UNKNOWN_OFFICE: self.tr("UNKNOWN OFFICE"),
            VerificationStatus.REVOKED_KEY: self.tr("REVOKED KEY"),
            VerificationStatus.MALFORMED: self.tr("UNREADABLE CODE"),
        }[status]

    def _show(self, v: Verification) -> None:
        fg, bg = COLOURS[v.status]
        altered = v.content is ContentCheck.MISMATCH
        if altered:  # a genuine code on a document whose printed content was changed
            fg, bg = COLOURS[VerificationStatus.INVALID_SIGNATURE]
        self.verdict.setText(self.tr("ALTERED DOCUMENT") if altered else self.status_text(v.status))
        self.verdict.setStyleSheet(
            f"#verdict {{ color: {fg}; background: {bg}; border: 2px solid {fg};"
            " border-radius: 6px; font-size: 24pt; font-weight: bold; padding: 8px; }"
        )
        warnings = {
            "issued_in_future": self.tr("Warning: the copy is dated in the future."),
            "specimen": self.tr("Warning: this is a SPECIMEN, not a real copy."),
            "act_cancelled": self.tr("Warning: the act was CANCELLED by a court."),
        }
        lines = [v.message()]
        if v.fields is not None and v.ok:
            lines.append(summary(v.fields))  # status, last mention, copy: signed
        if v.content is ContentCheck.MATCH:
            lines.append(self.tr("The document's text is exactly the content the office signed."))
        elif altered:
            lines.append(
                self.tr("The document's text differs from what the office signed: refuse it.")
            )
        lines += [warnings.get(w, w) for w in v.warnings]
        self.detail.setText("\n".join(lines))
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(f"color: {fg};" if v.warnings or not v.ok or altered else "")
        if v.fields is None:
            self.fields_box.hide()
            return
        self.fields_box.setTitle(
            self.tr("Signed fields: compare them with the paper")
            if v.ok
            else self.tr("Fields read from the code: NOT authenticated")
        )
        f = v.fields
        kinds = {"N": self.tr("Birth"), "M": self.tr("Marriage"), "D": self.tr("Death")}
        copies = {"I": self.tr("Full copy"), "E": self.tr("Extract")}
        states = {"R": self.tr("Registered"), "A": self.tr("Cancelled")}
        values = {
            "id": f.global_id,
            "kind": kinds.get(f.kind, f.kind),
            "names": " / ".join(f.names),
            "date": display_date(f.event_date),
            "place": f.event_place,
            "copy": copies.get(f.copy_kind, f.copy_kind),
            "number": str(f.copy_number),
            "issued": display_date(f.issue_date),
            "office": f.office_id,
            "key": f.key_id,
            "status": states.get(f.status, f.status),
        }
        if f.specimen:
            values["copy"] += " — " + self.tr("SPECIMEN")
        for key, edit in self.values.items():
            edit.setText(values[key])
            edit.setCursorPosition(0)
        self.fields_box.show()

    def _clear_verdict(self) -> None:
        self.verdicts = []
        self.pages.hide()
        self.verdict.setStyleSheet("#verdict { font-size: 14pt; color: #555; }")
        self.verdict.setText(self.tr("No certificate checked yet"))
        self.detail.setText("")
        self.fields_box.hide()
