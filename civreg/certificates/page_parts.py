"""The fixed parts of a page: header, cancellation banner, footers, watermark.

Geometry is in points on A4 portrait; everything is black, greys and outlines so a cheap
monochrome printer renders it cleanly. Text that belongs to the legal content goes through
:class:`Pen` with ``legal=True`` so the renderer can check it draws exactly what the QR
code's digest signs (see :mod:`civreg.certificates.content`).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts
from civreg.certificates.content import Document
from civreg.certificates.qr_draw import draw_qr
from civreg.certificates.text_wrap import wrap_text

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 14 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
QR_SIZE = 34 * mm
ZONE_H = 24 * mm  # one signature zone of a register page
ZONE_COLS = 3

# Invisible markers around the legal content of each page (docs/qr-payload.md §7).
LEGAL_BEGIN = "<<CR-LEGAL>>"
LEGAL_END = "<</CR-LEGAL>>"


class Pen:
    """Draws strings on the canvas and keeps those of the legal content, in order."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.legal: list[str] = []

    def text(
        self, x: float, y: float, s: str, font: str, size: float, *, align: str = "left"
    ) -> None:
        self.c.setFont(font, size)
        if align == "centre":
            self.c.drawCentredString(x, y, s)
        elif align == "right":
            self.c.drawRightString(x, y, s)
        else:
            self.c.drawString(x, y, s)
        self.legal.append(s)

    def lines(
        self,
        lines: list[str],
        font: str,
        size: float,
        x: float,
        y: float,
        width: float,
        *,
        align: str = "left",
        leading: float | None = None,
    ) -> float:
        """Wrap and draw each line from baseline ``y`` downwards; returns the next baseline."""
        step = leading or size * 1.25
        for raw in lines:
            for line in wrap_text(raw, font, size, width):
                self.text(x, y, line, font, size, align=align)
                y -= step
        return y

    def marker(self, text: str) -> None:
        """An invisible text line (render mode 3): the legal-content markers, the payload."""
        c = self.c
        c.saveState()  # the render mode outlives the text object
        t = c.beginText(MARGIN_X, MARGIN_BOTTOM - 11)
        t.setTextRenderMode(3)
        t.setFont(fonts.SANS, 1)  # a payload of 600 characters stays inside the page
        t.textLine(text)
        c.drawText(t)
        c.restoreState()


def draw_header(pen: Pen, doc: Document) -> float:
    """Country, motto, administrative lines, office; the act's identity; the title. Returns
    the y where the body starts."""
    c = pen.c
    h = doc.heading
    top = PAGE_H - MARGIN_TOP
    col_w = CONTENT_W * 0.5
    cx = MARGIN_X + col_w / 2
    y = pen.lines(list(h.country_lines), fonts.SERIF_BOLD, 12, cx, top - 10, col_w, align="centre")
    if h.motto:
        y = pen.lines([h.motto], fonts.SERIF_BOLD, 8.5, cx, y, col_w, align="centre")
    c.setLineWidth(0.6)
    c.line(cx - 25, y + 4, cx + 25, y + 4)
    y -= 7
    y = pen.lines(list(h.admin_lines), fonts.SANS, 8.5, cx, y, col_w, align="centre")
    y_left = pen.lines([h.office_line], fonts.SANS_BOLD, 8.5, cx, y, col_w, align="centre")

    right_x = MARGIN_X + CONTENT_W * 0.56
    right_w = CONTENT_W * 0.44
    styles = {
        "small": (fonts.SANS, 8.5),
        "big": (fonts.SANS_BOLD, 13),
        "bold": (fonts.SANS_BOLD, 8.5),
        "tiny": (fonts.SANS, 7.5),
    }
    y = top - 4
    for style, text in doc.identity:
        font, size = styles[style]
        for line in wrap_text(text, font, size, right_w - 16):
            y -= size * 1.02  # the line's ascent below the previous line
            pen.text(right_x + 8, y, line, font, size)
            y -= size * 0.33  # its descent and a little air
    y -= 4
    c.setLineWidth(0.8)
    c.roundRect(right_x, y + 2, right_w, top - y - 2, 4, stroke=1, fill=0)

    y = min(y_left, y) - 14
    y = pen.lines([doc.title], fonts.SERIF_BOLD, 14, PAGE_W / 2, y, CONTENT_W, align="centre")
    if doc.subtitle:
        y = pen.lines([doc.subtitle], fonts.SANS, 8.5, PAGE_W / 2, y, CONTENT_W, align="centre")
    c.setLineWidth(1.2)
    c.line(MARGIN_X + 40, y + 7, PAGE_W - MARGIN_X - 40, y + 7)
    c.setLineWidth(0.4)
    c.line(MARGIN_X + 40, y + 4, PAGE_W - MARGIN_X - 40, y + 4)
    return y - 12


def draw_continuation_header(c: Canvas, doc: Document, page_in_act: int, global_id: str) -> float:
    """A short header for the second and later pages of one document (not legal content)."""
    y = PAGE_H - MARGIN_TOP - 10
    c.setFont(fonts.SANS_BOLD, 9)
    c.drawString(MARGIN_X, y, f"{doc.title} (suite)")
    c.setFont(fonts.SANS, 8)
    c.drawRightString(PAGE_W - MARGIN_X, y, f"{global_id} — page {page_in_act}")
    c.setLineWidth(0.6)
    c.line(MARGIN_X, y - 6, PAGE_W - MARGIN_X, y - 6)
    if doc.banner is not None:
        c.setFont(fonts.SANS_BOLD, 11)
        c.drawCentredString(PAGE_W / 2, y - 22, "ACTE ANNULÉ")
        return y - 38
    return y - 22


def banner_height(text: str) -> float:
    lines = wrap_text(text, fonts.SANS, 9, CONTENT_W - 24)
    return 34 + 11.5 * len(lines) + 10


def draw_cancel_banner(pen: Pen, text: str, y: float) -> float:
    """A thick-framed ANNULÉ box with the cancelling mention; returns the y below it."""
    c = pen.c
    h = banner_height(text)
    c.setLineWidth(2.2)
    c.rect(MARGIN_X, y - h, CONTENT_W, h, stroke=1, fill=0)
    pen.text(PAGE_W / 2, y - 24, "ACTE ANNULÉ", fonts.SANS_BOLD, 18, align="centre")
    pen.lines([text], fonts.SANS, 9, MARGIN_X + 12, y - 40, CONTENT_W - 24, leading=11.5)
    return y - h - 14


def closing_height(doc: Document) -> float:
    lines = sum(len(wrap_text(s, fonts.SANS, 9, CONTENT_W)) for s in doc.closing)
    return 11.5 * lines + 8


SIG_X = MARGIN_X + CONTENT_W * 0.62
SIG_W = CONTENT_W * 0.38
ZONE_W = CONTENT_W / ZONE_COLS


def _signer_lines(doc: Document) -> tuple[list[str], list[str]]:
    return (
        wrap_text(doc.signer.title, fonts.SANS_BOLD, 9, SIG_W),
        wrap_text(doc.signer.name, fonts.SANS_BOLD, 9.5, SIG_W),
    )


def _copy_zone_height(doc: Document) -> float:
    """The QR / seal / signature zone: at least the QR code, and room to sign between the
    signer's title and name however long they are."""
    title, name = _signer_lines(doc)
    return max(38 * mm, 8 + 11 * len(title) + 16 + 30 + 11.5 * len(name) + 10)


def _zone_lines(doc: Document, who: str, officer: bool) -> tuple[list[str], list[str]]:
    caption = wrap_text(who, fonts.SANS_BOLD, 8, ZONE_W - 16)
    name = wrap_text(doc.signer.name, fonts.SANS, 8, ZONE_W - 16) if officer else []
    return caption, name


def _zone_rows(doc: Document) -> list[float]:
    """Height of each row of signature zones: room to sign below the caption, above the
    officer's name."""
    heights = []
    last = len(doc.signatures) - 1
    for row in range(0, len(doc.signatures), ZONE_COLS):
        h = ZONE_H
        for i in range(row, min(row + ZONE_COLS, len(doc.signatures))):
            caption, name = _zone_lines(doc, doc.signatures[i], i == last)
            h = max(h, 9.5 * len(caption) + 9.5 * len(name) + 48)
        heights.append(h)
    return heights


def footer_height(doc: Document) -> float:
    if doc.signatures:
        return closing_height(doc) + sum(_zone_rows(doc)) + 8
    return closing_height(doc) + _copy_zone_height(doc)


def draw_footer(pen: Pen, doc: Document) -> float:
    """The legal part of a copy's footer: issue lines and the signer's title and name.
    Returns the top of the QR / seal zone (drawn after the legal content, see
    :func:`draw_footer_marks`)."""
    top = MARGIN_BOTTOM + footer_height(doc)
    y = pen.lines(list(doc.closing), fonts.SANS, 9, MARGIN_X, top - 4, CONTENT_W, leading=11.5)
    zone_top = y - 4
    bottom = MARGIN_BOTTOM + 10
    cx = SIG_X + SIG_W / 2
    title, name = _signer_lines(doc)
    ty = zone_top - 8
    for line in title:
        pen.text(cx, ty, line, fonts.SANS_BOLD, 9, align="centre")
        ty -= 11
    ny = bottom + 6 + 11.5 * (len(name) - 1)
    for line in name:
        pen.text(cx, ny, line, fonts.SANS_BOLD, 9.5, align="centre")
        ny -= 11.5
    return zone_top


def draw_footer_marks(c: Canvas, doc: Document, zone_top: float, payload: str | None) -> None:
    """QR code (left), seal zone (centre), signature caption and line (right)."""
    bottom = MARGIN_BOTTOM + 10
    zone_h = zone_top - bottom
    if payload is not None:
        draw_qr(c, payload, MARGIN_X - 4, zone_top - QR_SIZE, QR_SIZE)
        c.setFont(fonts.SANS, 6.5)
        c.drawString(MARGIN_X, bottom - 6, "Vérification hors ligne : scanner le code")
    else:
        c.setFont(fonts.SANS, 7)
        c.drawString(MARGIN_X, zone_top - 20, "Document non signé électroniquement")
    seal_cx = MARGIN_X + CONTENT_W * 0.45
    seal_r = min(zone_h, 38 * mm) / 2
    c.saveState()
    c.setDash(2, 2)
    c.setLineWidth(0.6)
    c.setStrokeGray(0.45)
    c.circle(seal_cx, bottom + zone_h / 2, seal_r, stroke=1, fill=0)
    c.restoreState()
    c.setFont(fonts.SANS, 7)
    c.setFillGray(0.45)
    c.drawCentredString(seal_cx, bottom + zone_h / 2 - 2, "Sceau")
    title, name = _signer_lines(doc)
    c.drawCentredString(SIG_X + SIG_W / 2, zone_top - 10 - 11 * len(title), "(signature)")
    c.setFillGray(0)
    c.setLineWidth(0.5)
    line_y = bottom + 8 + 11.5 * len(name)
    c.line(SIG_X + 10, line_y, SIG_X + SIG_W - 10, line_y)


def draw_signature_zones(pen: Pen, doc: Document) -> None:
    """Register page: the closing formula, then one framed zone per signatory (legal text:
    who signs and the officer's name; the frames are decoration)."""
    c = pen.c
    top = MARGIN_BOTTOM + footer_height(doc)
    y = pen.lines(list(doc.closing), fonts.SANS, 9, MARGIN_X, top - 4, CONTENT_W, leading=11.5)
    row_top = y - 2
    last = len(doc.signatures) - 1
    for r, height in enumerate(_zone_rows(doc)):
        for i in range(r * ZONE_COLS, min((r + 1) * ZONE_COLS, len(doc.signatures))):
            x = MARGIN_X + (i % ZONE_COLS) * ZONE_W
            c.setLineWidth(0.5)
            c.setStrokeGray(0.5)
            c.rect(x + 3, row_top - height + 4, ZONE_W - 6, height - 4, stroke=1, fill=0)
            c.setStrokeGray(0)
            caption, name = _zone_lines(doc, doc.signatures[i], i == last)
            for k, line in enumerate(caption):
                pen.text(x + 8, row_top - 11 - 9.5 * k, line, fonts.SANS_BOLD, 8)
            ny = row_top - height + 10 + 9.5 * (len(name) - 1)
            for line in name:
                pen.text(x + 8, ny, line, fonts.SANS, 8)
                ny -= 9.5
        row_top -= height


def draw_page_number(c: Canvas, global_id: str, page_in_act: int, last: bool) -> None:
    c.setFont(fonts.SANS, 6.5)
    c.setFillGray(0.3)
    mark = f"{global_id} — page {page_in_act}" + (" (fin)" if last else "")
    c.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 14, mark)
    c.setFillGray(0)


def draw_watermark(c: Canvas, word: str) -> None:
    """A large diagonal word (SPECIMEN, APERÇU) over the page, translucent so text stays
    readable."""
    c.saveState()
    c.setFillAlpha(0.12)
    c.setStrokeAlpha(0.35)
    c.setFillGray(0)
    c.setStrokeGray(0.3)
    c.setLineWidth(1.2)
    c.translate(PAGE_W / 2, PAGE_H / 2)
    c.rotate(50)
    size = 118 if len(word) <= 8 else 90
    c.setFont(fonts.SANS_BOLD, size)
    text = c.beginText()
    text.setTextRenderMode(2)  # fill and stroke: visible even where the fill is light
    text.setTextOrigin(-c.stringWidth(word, fonts.SANS_BOLD, size) / 2, -40)
    text.textOut(word)
    c.drawText(text)
    c.restoreState()
