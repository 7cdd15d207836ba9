"""Render certificate copies to PDF: many copies into one multi-page file for bulk printing.

    from civreg.certificates.render import render_pdf, render_one
    pages = render_pdf([data1, data2], Path("lot.pdf"), signer)   # written atomically
    pdf_bytes = render_one(data, signer)

Each copy starts on a new page; a long copy (many mentions) continues on further pages with
a short header, and the footer (issue lines, QR code, seal and signature zones) closes its
last page. ``signer=None`` prints no QR code (e.g. a draft); specimens print SPECIMEN across
every page.
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
from civreg.certificates.content import Row, Section, cancellation_text, sections
from civreg.certificates.data import CertificateData
from civreg.certificates.qr_payload import QrSigner, make_payload
from civreg.certificates.text_wrap import wrap_text
from civreg.security.atomic import atomic_write_bytes as _write_atomic

LABEL_W = 125.0
ROW_SIZE = 9.5
LABEL_SIZE = 8.5
ROW_LEADING = 11.6
EMPHASIS_SIZE = 11.5
SECTION_GAP = 6.0


class _CopyWriter:
    """Flows one copy's sections down the page(s), breaking pages where needed."""

    def __init__(self, canvas: Canvas, data: CertificateData) -> None:
        self.c = canvas
        self.data = data
        self.page_in_act = 1
        self.pages = 0
        self.y = 0.0

    def _bottom(self) -> float:
        return pp.MARGIN_BOTTOM

    def _end_page(self, last: bool) -> None:
        pp.draw_page_number(self.c, self.data, self.page_in_act, last)
        if self.data.is_specimen:
            pp.draw_specimen(self.c)
        self.c.showPage()
        self.pages += 1

    def _ensure(self, height: float) -> None:
        if self.y - height >= self._bottom():
            return
        self._end_page(last=False)
        self.page_in_act += 1
        self.y = pp.draw_continuation_header(self.c, self.data, self.page_in_act)

    def _row_lines(self, row: Row) -> tuple[str, float, list[str]]:
        font = fonts.SANS_BOLD if row.emphasis else fonts.SANS
        size = EMPHASIS_SIZE if row.emphasis else ROW_SIZE
        return font, size, wrap_text(row.value, font, size, pp.CONTENT_W - LABEL_W)

    def _section(self, section: Section) -> None:
        rows = [(row, *self._row_lines(row)) for row in section.rows]
        first_h = 18 + (len(rows[0][3]) * ROW_LEADING if rows else 0)
        self._ensure(first_h)  # never leave a section title alone at the foot of a page
        c = self.c
        c.setFont(fonts.SANS_BOLD, 10)
        c.drawString(pp.MARGIN_X, self.y, section.title.upper())
        c.setLineWidth(0.4)
        c.setStrokeGray(0.55)
        c.line(pp.MARGIN_X, self.y - 3.5, pp.MARGIN_X + pp.CONTENT_W, self.y - 3.5)
        c.setStrokeGray(0)
        self.y -= 14.5
        for row, font, size, lines in rows:
            labels = wrap_text(row.label, fonts.SANS, LABEL_SIZE, LABEL_W - 10)
            self._ensure(len(labels) * ROW_LEADING)
            c.setFont(fonts.SANS, LABEL_SIZE)
            c.setFillGray(0.3)
            for i, label in enumerate(labels):
                c.drawString(pp.MARGIN_X + 6, self.y - i * ROW_LEADING, label)
            c.setFillGray(0)
            c.setFont(font, size)
            for i, line in enumerate(lines):
                if i:
                    self._ensure(ROW_LEADING)
                    c.setFont(font, size)  # a page break resets the font
                c.drawString(pp.MARGIN_X + LABEL_W, self.y, line)
                self.y -= ROW_LEADING if size <= ROW_SIZE else size * 1.25
            self.y -= max(0, len(labels) - len(lines)) * ROW_LEADING
        self.y -= SECTION_GAP

    def write(self, payload: str | None) -> int:
        self.y = pp.draw_header(self.c, self.data)
        cancel = cancellation_text(self.data)
        if cancel is not None:
            self.y = pp.draw_cancel_banner(self.c, cancel, self.y)
        for section in sections(self.data):
            self._section(section)
        self._ensure(pp.FOOTER_H + 4)
        pp.draw_footer(self.c, self.data, payload)
        self._end_page(last=True)
        return self.pages


def _new_canvas(out: BinaryIO, first: CertificateData | None) -> Canvas:
    fonts.register_fonts()
    c = Canvas(out, pagesize=(pp.PAGE_W, pp.PAGE_H), pageCompression=1, invariant=1)
    c.setTitle("Copies d'actes de l'état civil" if first is None else first.global_id)
    c.setAuthor(first.commune if first is not None else "civreg")
    c.setCreator("civreg")
    c.setSubject("Copie ou extrait d'acte de l'état civil")
    return c


def _render_into(items: Sequence[CertificateData], out: BinaryIO, signer: QrSigner | None) -> int:
    c = _new_canvas(out, items[0] if len(items) == 1 else None)
    pages = 0
    for data in items:
        payload = make_payload(data, signer) if signer is not None else None
        pages += _CopyWriter(c, data).write(payload)
    # Compressed streams stay binary: ASCII85 (ReportLab's default) costs a third of the
    # time in pure Python and makes the file 25 % larger. Read only while saving.
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c.save()
    finally:
        rl_config.useA85 = previous
    return pages


def render_pdf(
    items: Sequence[CertificateData], out: BinaryIO | Path | str, signer: QrSigner | None
) -> int:
    """Render every copy, in order, into one PDF; returns the page count.

    ``out`` is a binary stream or a path; a path is written atomically (a temp file in the
    same folder, fsynced, then renamed), so a crash never leaves half a PDF behind.
    """
    if not items:
        raise ValueError("render_pdf needs at least one certificate")
    if isinstance(out, str | Path):
        target = Path(out)
        buffer = io.BytesIO()
        pages = _render_into(items, buffer, signer)
        _write_atomic(target, buffer.getvalue())
        return pages
    return _render_into(items, out, signer)


def render_one(data: CertificateData, signer: QrSigner | None) -> bytes:
    """One copy as PDF bytes (e.g. to preview, print or attach)."""
    buffer = io.BytesIO()
    _render_into([data], buffer, signer)
    return buffer.getvalue()
