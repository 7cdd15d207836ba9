"""Render documents to PDF: many copies into one multi-page file for bulk printing.

    from civreg.certificates.render import render_pdf, render_one
    pages = render_pdf([data1, data2], Path("lot.pdf"), signer)   # written atomically
    pdf_bytes = render_one(data, signer)

Each document starts on a new page; a long one (many mentions) continues on further pages
with a short header, and the footer (issue lines, QR code, seal and signature zones — or the
signature zones of a register page) closes its last page. Only an issued copy carries a
signed QR code: previews (no copy number) and register pages never do, and ``signer=None``
prints none. Specimens print SPECIMEN and previews APERÇU across every page.

On every page the legal content is drawn between two invisible markers, and nothing else is
drawn between them: a verifier holding the PDF hashes the text between the markers to check
the digest the QR code signs (docs/qr-payload.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts
from civreg.certificates import page_parts as pp
from civreg.certificates.content import Document, Row, Section, build
from civreg.certificates.data import CertificateData, CopyKind
from civreg.certificates.qr_payload import QrSigner, make_payload
from civreg.certificates.text_wrap import wrap_text
from civreg.security.atomic import atomic_write_bytes as _write_atomic

LABEL_W = 125.0
ROW_SIZE = 9.5
LABEL_SIZE = 8.5
ROW_LEADING = 11.2
EMPHASIS_SIZE = 11.5
SECTION_GAP = 5.0


class _DocumentWriter:
    """Flows one document's sections down the page(s), breaking pages where needed."""

    def __init__(self, canvas: Canvas, doc: Document, global_id: str) -> None:
        self.c = canvas
        self.pen = pp.Pen(canvas)
        self.doc = doc
        self.global_id = global_id
        self.page_in_act = 1
        self.pages = 0
        self.y = 0.0

    def _end_page(self, last: bool) -> None:
        self.pen.marker(pp.LEGAL_END)
        pp.draw_page_number(self.c, self.global_id, self.page_in_act, last)
        if self.doc.watermark:
            pp.draw_watermark(self.c, self.doc.watermark)

    def _next_page(self) -> None:
        self._end_page(last=False)
        self.c.showPage()
        self.pages += 1
        self.page_in_act += 1
        self.y = pp.draw_continuation_header(self.c, self.doc, self.page_in_act, self.global_id)
        self.pen.marker(pp.LEGAL_BEGIN)

    def _ensure(self, height: float) -> None:
        if self.y - height < pp.MARGIN_BOTTOM:
            self._next_page()

    def _row_lines(self, row: Row) -> tuple[str, float, list[str]]:
        font = fonts.SANS_BOLD if row.emphasis else fonts.SANS
        size = EMPHASIS_SIZE if row.emphasis else ROW_SIZE
        width = pp.CONTENT_W - (LABEL_W if row.label else 6)
        return font, size, wrap_text(row.value, font, size, width)

    def _section(self, section: Section) -> None:
        rows = [(row, *self._row_lines(row)) for row in section.rows]
        first_h = 18 + (len(rows[0][3]) * ROW_LEADING if rows else 0)
        self._ensure(min(first_h, 120))  # never leave a section title alone at a page's foot
        c = self.c
        for line in wrap_text(section.title, fonts.SANS_BOLD, 10, pp.CONTENT_W):
            self.pen.text(pp.MARGIN_X, self.y, line, fonts.SANS_BOLD, 10)
        c.setLineWidth(0.4)
        c.setStrokeGray(0.55)
        c.line(pp.MARGIN_X, self.y - 3.5, pp.MARGIN_X + pp.CONTENT_W, self.y - 3.5)
        c.setStrokeGray(0)
        self.y -= 13.5
        for row, font, size, lines in rows:
            step = ROW_LEADING if size <= ROW_SIZE else size * 1.25
            labels = wrap_text(row.label, fonts.SANS, LABEL_SIZE, LABEL_W - 10) if row.label else []
            self._ensure(max(len(labels) * ROW_LEADING, step))
            c.setFillGray(0.3)
            for i, text in enumerate(labels):
                self.pen.text(pp.MARGIN_X + 6, self.y - i * ROW_LEADING, text, fonts.SANS, 8.5)
            c.setFillGray(0)
            x = pp.MARGIN_X + (LABEL_W if row.label else 6)
            for i, line in enumerate(lines):
                if i:
                    self._ensure(step)
                self.pen.text(x, self.y, line, font, size)
                self.y -= step
            self.y -= max(0, len(labels) - len(lines)) * ROW_LEADING
        self.y -= SECTION_GAP

    def write(self, payload: str | None) -> int:
        self.pen.marker(pp.LEGAL_BEGIN)
        self.y = pp.draw_header(self.pen, self.doc)
        if self.doc.banner is not None:
            self.y = pp.draw_cancel_banner(self.pen, self.doc.banner, self.y)
        for section in self.doc.sections:
            self._section(section)
        self._ensure(pp.footer_height(self.doc) + 4)
        if self.doc.signatures:
            pp.draw_signature_zones(self.pen, self.doc)
            self._end_page(last=True)
        else:
            zone_top = pp.draw_footer(self.pen, self.doc)
            self._end_page(last=True)
            pp.draw_footer_marks(self.c, self.doc, zone_top, payload)
            if payload is not None:
                # The payload as invisible text too, so verify_pdf can read it without
                # rasterising (outside the legal markers).
                self.pen.marker(payload)
        self.c.showPage()
        self.pages += 1
        return self.pages


def _new_canvas(out: BinaryIO, first: CertificateData | None) -> Canvas:
    fonts.register_fonts()
    c = Canvas(out, pagesize=(pp.PAGE_W, pp.PAGE_H), pageCompression=1, invariant=1)
    c.setTitle("Actes de l'état civil" if first is None else first.global_id)
    c.setAuthor(first.copy.issue_place if first is not None else "civreg")
    c.setCreator("civreg")
    c.setSubject("Copie, extrait ou page de registre d'un acte de l'état civil")
    return c


def signs(data: CertificateData) -> bool:
    """Only an issued, numbered copy carries a signed QR code."""
    return data.copy.kind is not CopyKind.REGISTER and data.copy.number is not None


def render_into(
    items: Sequence[CertificateData], out: BinaryIO, signer: QrSigner | None
) -> tuple[int, list[list[str]]]:
    """Render into ``out``; returns the page count and, per document, the legal strings the
    renderer drew (what the digest covers)."""
    c = _new_canvas(out, items[0] if len(items) == 1 else None)
    pages = 0
    drawn: list[list[str]] = []
    for data in items:
        doc = build(data)
        payload = make_payload(data, signer, doc) if signer is not None and signs(data) else None
        writer = _DocumentWriter(c, doc, data.global_id)
        pages += writer.write(payload)
        drawn.append(writer.pen.legal)
    # Compressed streams stay binary: ASCII85 (ReportLab's default) costs a third of the
    # time in pure Python and makes the file 25 % larger. Read only while saving.
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c.save()
    finally:
        rl_config.useA85 = previous
    return pages, drawn


def render_pdf(
    items: Sequence[CertificateData], out: BinaryIO | Path | str, signer: QrSigner | None
) -> int:
    """Render every document, in order, into one PDF; returns the page count.

    ``out`` is a binary stream or a path; a path is written atomically (a temp file in the
    same folder, fsynced, then renamed), so a crash never leaves half a PDF behind.
    """
    if not items:
        raise ValueError("render_pdf needs at least one document")
    if isinstance(out, str | Path):
        buffer = io.BytesIO()
        pages, _ = render_into(items, buffer, signer)
        _write_atomic(Path(out), buffer.getvalue())
        return pages
    return render_into(items, out, signer)[0]


def render_one(data: CertificateData, signer: QrSigner | None) -> bytes:
    """One document as PDF bytes (e.g. to preview, print or attach)."""
    buffer = io.BytesIO()
    render_into([data], buffer, signer)
    return buffer.getvalue()
