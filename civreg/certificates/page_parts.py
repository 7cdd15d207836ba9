"""The fixed parts of a certificate page: header, cancellation banner, footer, watermark.

Geometry is in points on A4 portrait; everything is black, greys and outlines so a cheap
monochrome printer renders it cleanly.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts
from civreg.certificates.content import REGISTER_NAMES, issue_lines, title
from civreg.certificates.data import ActStatus, CertificateData
from civreg.certificates.qr_draw import draw_qr
from civreg.certificates.text_wrap import wrap_text

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 14 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
FOOTER_H = 49 * mm  # issue lines + QR / seal / signature zones
QR_SIZE = 34 * mm


def _centered_lines(
    c: Canvas, lines: list[str], font: str, size: float, cx: float, y: float, width: float
) -> float:
    """Draw wrapped, centred lines from baseline ``y`` downwards; returns the next baseline."""
    c.setFont(font, size)
    for raw in lines:
        for line in wrap_text(raw, font, size, width):
            c.drawCentredString(cx, y, line)
            y -= size * 1.25
    return y


def draw_header(c: Canvas, data: CertificateData) -> float:
    """Country, motto, commune and act identity; returns the y where the body starts."""
    top = PAGE_H - MARGIN_TOP
    col_w = CONTENT_W * 0.48
    left_cx = MARGIN_X + col_w / 2
    y = _centered_lines(c, list(data.header_lines), fonts.SERIF_BOLD, 12, left_cx, top - 10, col_w)
    y = _centered_lines(c, [data.motto], fonts.SERIF, 9, left_cx, y, col_w)
    c.setLineWidth(0.6)
    c.line(left_cx - 25, y + 4, left_cx + 25, y + 4)
    y -= 8
    y = _centered_lines(c, [f"Commune de {data.commune}"], fonts.SANS_BOLD, 9.5, left_cx, y, col_w)
    y_left = _centered_lines(
        c, [f"Centre d'état civil : {data.centre}"], fonts.SANS, 9, left_cx, y, col_w
    )

    right_x = MARGIN_X + CONTENT_W * 0.55
    right_w = CONTENT_W * 0.45
    box_top = top
    lines = [
        (fonts.SANS, 9, f"{REGISTER_NAMES[data.kind]} — année {data.register_year}"),
        (fonts.SANS_BOLD, 13, f"Acte n° {data.act_number_display}"),
        (fonts.SANS, 8, "Identifiant :"),
        (fonts.SANS_BOLD, 8.5, data.global_id),
        (fonts.SANS, 7.5, f"Office émetteur : {data.office_id}"),
    ]
    y = box_top - 14
    for font, size, text in lines:
        c.setFont(font, size)
        for line in wrap_text(text, font, size, right_w - 16):
            c.drawString(right_x + 8, y, line)
            y -= size * 1.35
    c.setLineWidth(0.8)
    c.roundRect(right_x, y + 2, right_w, box_top - y - 2, 4, stroke=1, fill=0)

    y = min(y_left, y) - 12
    c.setFont(fonts.SERIF_BOLD, 15)
    c.drawCentredString(PAGE_W / 2, y, title(data))
    c.setLineWidth(1.2)
    c.line(MARGIN_X + 40, y - 7, PAGE_W - MARGIN_X - 40, y - 7)
    c.setLineWidth(0.4)
    c.line(MARGIN_X + 40, y - 10, PAGE_W - MARGIN_X - 40, y - 10)
    return y - 24


def draw_continuation_header(c: Canvas, data: CertificateData, page_in_act: int) -> float:
    """A short header for the second and later pages of one copy."""
    y = PAGE_H - MARGIN_TOP - 10
    c.setFont(fonts.SANS_BOLD, 9)
    c.drawString(MARGIN_X, y, f"{title(data)} — acte n° {data.act_number_display} (suite)")
    c.setFont(fonts.SANS, 8)
    c.drawRightString(PAGE_W - MARGIN_X, y, f"{data.global_id} — page {page_in_act}")
    c.setLineWidth(0.6)
    c.line(MARGIN_X, y - 6, PAGE_W - MARGIN_X, y - 6)
    if data.status is ActStatus.CANCELLED:
        c.setFont(fonts.SANS_BOLD, 11)
        c.drawCentredString(PAGE_W / 2, y - 22, "ACTE ANNULÉ")
        return y - 38
    return y - 22


def banner_height(text: str) -> float:
    lines = wrap_text(text, fonts.SANS, 9, CONTENT_W - 24)
    return 34 + 11.5 * len(lines) + 10


def draw_cancel_banner(c: Canvas, text: str, y: float) -> float:
    """A thick-framed ANNULÉ box with the cancelling mention; returns the y below it."""
    h = banner_height(text)
    c.setLineWidth(2.2)
    c.rect(MARGIN_X, y - h, CONTENT_W, h, stroke=1, fill=0)
    c.setFont(fonts.SANS_BOLD, 18)
    c.drawCentredString(PAGE_W / 2, y - 24, "ACTE ANNULÉ")
    c.setFont(fonts.SANS, 9)
    ly = y - 40
    for line in wrap_text(text, fonts.SANS, 9, CONTENT_W - 24):
        c.drawString(MARGIN_X + 12, ly, line)
        ly -= 11.5
    return y - h - 14


def draw_footer(c: Canvas, data: CertificateData, payload: str | None) -> None:
    """Issue lines, then QR (left), seal zone (centre), signature zone (right)."""
    top = MARGIN_BOTTOM + FOOTER_H
    c.setFont(fonts.SANS, 9)
    y = top - 4
    for line in issue_lines(data):
        for part in wrap_text(line, fonts.SANS, 9, CONTENT_W):
            c.drawString(MARGIN_X, y, part)
            y -= 11.5
    zone_top = y - 4
    bottom = MARGIN_BOTTOM + 10
    zone_h = zone_top - bottom

    if payload is not None:
        draw_qr(c, payload, MARGIN_X - 4, zone_top - QR_SIZE, QR_SIZE)
        c.setFont(fonts.SANS, 6.5)
        c.drawString(MARGIN_X, bottom - 6, "Vérification hors ligne : scanner le code")
        # The same payload as invisible text, so verify_pdf can read it without rasterising.
        # The text render mode outlives the text object: keep it inside saved state.
        c.saveState()
        text = c.beginText(MARGIN_X, bottom - 11)
        text.setTextRenderMode(3)
        text.setFont(fonts.SANS, 2)
        text.textLine(payload)
        c.drawText(text)
        c.restoreState()
    else:
        c.setFont(fonts.SANS, 7)
        c.drawString(MARGIN_X, zone_top - 20, "Copie non signée électroniquement")

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
    c.setFillGray(0)

    sig_x = MARGIN_X + CONTENT_W * 0.62
    sig_w = CONTENT_W * 0.38
    signer = data.signer
    c.setFont(fonts.SANS_BOLD, 9)
    sy = zone_top - 8
    for line in wrap_text(signer.title, fonts.SANS_BOLD, 9, sig_w):
        c.drawCentredString(sig_x + sig_w / 2, sy, line)
        sy -= 11
    c.setFont(fonts.SANS, 7)
    c.setFillGray(0.45)
    c.drawCentredString(sig_x + sig_w / 2, sy - 2, "(signature)")
    c.setFillGray(0)
    c.setFont(fonts.SANS_BOLD, 9.5)
    ny = bottom + 6
    name_lines = wrap_text(signer.name, fonts.SANS_BOLD, 9.5, sig_w)
    for line in reversed(name_lines):
        c.drawCentredString(sig_x + sig_w / 2, ny, line)
        ny += 11.5
    c.setLineWidth(0.5)
    c.line(sig_x + 10, ny + 2, sig_x + sig_w - 10, ny + 2)


def draw_page_number(c: Canvas, data: CertificateData, page_in_act: int, last: bool) -> None:
    c.setFont(fonts.SANS, 6.5)
    c.setFillGray(0.3)
    mark = f"{data.global_id} — page {page_in_act}" + (" (fin)" if last else "")
    c.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 14, mark)
    c.setFillGray(0)


def draw_specimen(c: Canvas) -> None:
    """A large diagonal SPECIMEN drawn over the page, translucent so text stays readable."""
    c.saveState()
    c.setFillAlpha(0.12)
    c.setStrokeAlpha(0.35)
    c.setFillGray(0)
    c.setStrokeGray(0.3)
    c.setLineWidth(1.2)
    c.translate(PAGE_W / 2, PAGE_H / 2)
    c.rotate(50)
    c.setFont(fonts.SANS_BOLD, 118)
    text = c.beginText()
    text.setTextRenderMode(2)  # fill and stroke: visible even where the fill is light
    text.setTextOrigin(-c.stringWidth("SPECIMEN", fonts.SANS_BOLD, 118) / 2, -40)
    text.textOut("SPECIMEN")
    c.drawText(text)
    c.restoreState()
