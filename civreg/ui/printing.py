"""Certificate preview, printing and "save as PDF".

The PDF comes from a callable (the certificates service) run on the worker; pages are
rendered to images with PDFium (pypdfium2 — QtPdf is not shipped in the Linux PySide6 wheels)
for the preview and for the printer.

Previewing a copy is free: the preview is unnumbered and unsigned. When the dialog is given
an ``issue`` callable, Print… and Save as PDF… first ask who the copy is for (name, capacity
from the country profile, authorisation reference when the capacity needs one), then issue
the copy — numbered, recorded, signed — and print or save *that* document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from civreg.security.atomic import atomic_write_bytes
from civreg.ui import file_dialogs


def render_pages(pdf: bytes, dpi: float = 96.0) -> list[QImage]:
    """Every page of ``pdf`` as an image at ``dpi``."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            pil = page.render(scale=dpi / 72.0).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            img = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
            images.append(img.copy())  # detach from the Python buffer
            page.close()
    finally:
        doc.close()
    return images


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint each page on ``printer`` at its resolution; returns the number of pages."""
    dpi = min(printer.resolution(), 300)
    pages = render_pages(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer")
    try:
        for i, img in enumerate(pages):
            if i:
                printer.newPage()
            area = painter.viewport()
            size = img.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(img.rect())
            painter.drawImage(0, 0, img)
            painter.setViewport(area)
    finally:
        painter.end()
    return len(pages)


class PreviewDialog(QDialog):
    """Shows the pages; Print… opens QPrintDialog, Save as PDF… writes the same bytes."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        default_printer: str = "",
        suggested_name: str = "copy.pdf",
        parent: QWidget | None = None,
        capacities: Sequence[Any] = (),
        issue: Callable[[tuple[str, str, str], Callable[[bytes], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._issue = issue
        self._capacities = list(capacities)  # CapacityChoice: code, label, needs_reference
        self.setObjectName("preview")
        self.setWindowTitle(title)
        self._default_printer = default_printer
        self.suggested = suggested_name  # "Save as PDF…" proposes it
        self.saved_path: Path | None = None  # where the issued copy was saved
        self.pages = render_pages(pdf)
        column = QWidget()
        cl = QVBoxLayout(column)
        for img in self.pages:
            lbl = QLabel()
            lbl.setPixmap(QPixmap.fromImage(img))
            lbl.setStyleSheet("border: 1px solid #999; background: white;")
            cl.addWidget(lbl, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("background: #6b6b6b;")
        self.print_btn = QPushButton(self.tr("&Print…"))
        self.print_btn.clicked.connect(self.print_dialog)
        self.save_btn = QPushButton(self.tr("&Save as PDF…"))
        self.save_btn.clicked.connect(self.save_dialog)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.requester = QLineEdit()
        self.requester.setObjectName("requester")
        self.capacity = QComboBox()
        self.capacity.setObjectName("capacity")
        for choice in self._capacities:
            self.capacity.addItem(choice.label, choice.code)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.capacity.currentIndexChanged.connect(self._capacity_changed)
        self._capacity_changed()
        form = QFormLayout()
        form.addRow(self.tr("&Requested by:"), self.requester)
        form.addRow(self.tr("&Capacity:"), self.capacity)
        form.addRow(self.tr("Authorisation &reference:"), self.reference)
        note = QLabel(
            self.tr("Preview only: the copy is numbered and recorded when you print or save it.")
        )
        note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("{n} page(s)").format(n=len(self.pages))))
        bar.addStretch(1)
        bar.addWidget(self.print_btn)
        bar.addWidget(self.save_btn)
        bar.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        if self._issue is not None:
            lay.addWidget(note)
            lay.addLayout(form)
            self.requester.setFocus()
        else:
            for w in (self.requester, self.capacity, self.reference):
                w.hide()
        lay.addLayout(bar)
        self.resize(880, 740)

    def _capacity_changed(self) -> None:
        i = self.capacity.currentIndex()
        needs = 0 <= i < len(self._capacities) and self._capacities[i].needs_reference
        self.reference.setEnabled(bool(needs))

    def requester_values(self) -> tuple[str, str, str]:
        """(name, capacity code, reference) as typed; the service checks them."""
        reference = self.reference.text() if self.reference.isEnabled() else ""
        return (self.requester.text(), self.capacity.currentData() or "", reference)

    def _then(self, action: Callable[[bytes], None]) -> None:
        """Issue the copy (numbered, recorded, signed), then ``action`` on its PDF."""
        if self._issue is None:
            action(self.pdf)
            return

        def done(pdf: bytes) -> None:
            self.pdf = pdf
            action(pdf)
            self.accept()

        self._issue(self.requester_values(), done)

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._default_printer:
            printer.setPrinterName(self._default_printer)
        dlg = QPrintDialog(printer, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self._then(lambda pdf: self._print(pdf, printer))

    def _print(self, pdf: bytes, printer: QPrinter) -> None:
        print_pdf(pdf, printer)

    def save_dialog(self) -> None:
        name = file_dialogs.save_file(
            self, self.tr("Save as PDF"), self.suggested, self.tr("PDF documents (*.pdf)")
        )
        if name:
            self._then(lambda _pdf: self.save_to(Path(name)))

    def save_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        atomic_write_bytes(path, self.pdf)
        self.saved_path = path
