"""The annual register as PDF: every act of one register (centre, kind, year) in number order,
as entered, with its marginal mentions, then — once the year is closed — the closing
statement (*arrêté le présent registre à N actes*, the date, the officer's signature and seal
zones), and the register's alphabetical table.

Acts follow one another compactly (several per page): each starts with its number and
identifier, then one paragraph per part of the act with the same words as the register page
and the certified copy (:func:`civreg.certificates.content.build`), then its mentions.
Built for tens of thousands of acts: text is wrapped and drawn directly on the canvas.
No database here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts
from civreg.certificates import registers_common as rc
from civreg.certificates.content import Section, build
from civreg.certificates.data import CertificateData, Officer
from civreg.certificates.french_people import REGISTER_NAMES
from civreg.certificates.french_text import dated
from civreg.certificates.text_wrap import wrap_text

BODY = 7.8
LEADING = 9.4
NUMBER_SIZE = 9.5
GAP = 7.0


@dataclass(frozen=True)
class Closing:
    """The register's closing by the officer."""

    count: int  # acts in the register
    first: str  # first and last numbers, as printed ("0001")
    last: str
    consecutive: bool  # numbers without gap (false when older paper acts are missing)
    closed_on: dt.date
    place: str
    officer: Officer
    dates_in_words: bool = True


@dataclass(frozen=True)
class AnnualRegister:
    head: rc.DocHead
    running_title: str  # "Registre des actes de naissance 2026 — Centre principal de …"
    office: str  # footer: "Mairie de Koudougou (BF-11-01)"
    entries: Sequence[CertificateData]
    closing: Closing | None
    printed_on: dt.date
    table: Callable[[Canvas, int], int] | None = None  # draws the table from a page number


class _Flow:
    """Pages of compact text: a running header on every page after the first."""

    def __init__(self, c: Canvas, reg: AnnualRegister) -> None:
        self.c = c
        self.reg = reg
        self.page = 1
        self.y = rc.draw_head(c, reg.head) - 4
        self.lines = _Lines(c)

    def finish_page(self) -> None:
        rc.draw_page_foot(self.c, self.reg.office, self.page)
        rc.draw_watermark(self.c, self.reg.head.watermark)

    def new_page(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.page += 1
        self.y = rc.draw_running_head(self.c, self.reg.running_title, f"page {self.page}")

    def ensure(self, height: float) -> None:
        if self.y - height < rc.MARGIN_BOTTOM + 4:
            self.new_page()


class _Lines:
    """Lines of text written straight into the page's content stream, one text object each
    (what ``Canvas.drawString`` writes for a TrueType font, without building a ReportLab
    text object per line: half of the drawing of a register of tens of thousands of acts)."""

    def __init__(self, c: Canvas) -> None:
        self.c = c
        self.fonts = {name: getFont(name) for name in (fonts.SANS, fonts.SANS_BOLD)}

    def show(self, font_name: str, size: float, x: float, y: float, text: str) -> None:
        font, doc = self.fonts[font_name], self.c._doc
        ops = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
        for subset, data in font.splitString(text, doc):
            name = font.getSubsetInternalName(subset, doc)
            ops.append(f"{name} {fp_str(size)} Tf ({escapePDF(data)}) Tj")
        ops.append("ET")
        self.c._code.append(" ".join(ops))


def _section_lines(section: Section) -> list[tuple[str, str]]:
    """(bold prefix, text) lines of one part: the title in bold on the first line."""
    parts = []
    for row in section.rows:
        value = " ".join(row.value.split())
        parts.append(f"{row.label} : {value}" if row.label else value)
    text = " ; ".join(p for p in parts if p)
    title = section.title.rstrip(":") + " — "
    width = rc.CONTENT_W - 10
    tw = fonts_width(title, fonts.SANS_BOLD, BODY)
    first = wrap_text(text, fonts.SANS, BODY, width - tw)
    if not first:
        return [(title, "")]
    lines = [(title, first[0])]
    rest = text[len(first[0]) :].strip()
    if rest:
        lines += [("", line) for line in wrap_text(rest, fonts.SANS, BODY, width)]
    return lines


def fonts_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def _entry_lines(data: CertificateData) -> tuple[list[tuple[str, str]], str | None]:
    doc = build(data)
    lines: list[tuple[str, str]] = []
    for section in doc.sections:
        lines += _section_lines(section)
    return lines, doc.banner


def _draw_entry(flow: _Flow, data: CertificateData) -> None:
    rec = data.record
    lines, banner = _entry_lines(data)
    banner_lines = wrap_text(banner, fonts.SANS, BODY, rc.CONTENT_W - 10) if banner else []
    height = 14 + LEADING * (len(lines) + len(banner_lines)) + GAP
    flow.ensure(min(height, 300))
    c = flow.c
    y = flow.y
    c.setLineWidth(0.5)
    c.setStrokeGray(0.6)
    c.line(rc.MARGIN_X, y + 2, rc.MARGIN_X + rc.CONTENT_W, y + 2)
    c.setStrokeGray(0)
    y -= 9
    c.setFont(fonts.SANS_BOLD, NUMBER_SIZE)
    number = f"N° {rec.number_display}"
    c.drawString(rc.MARGIN_X, y, number)
    x = rc.MARGIN_X + fonts_width(number, fonts.SANS_BOLD, NUMBER_SIZE) + 8
    if data.record.cancelled:
        c.setFont(fonts.SANS_BOLD, 8)
        c.drawString(x, y, "ACTE ANNULÉ")
    c.setFont(fonts.SANS, 7)
    c.drawRightString(rc.MARGIN_X + rc.CONTENT_W, y, rec.global_id)
    y -= LEADING + 1
    show = flow.lines.show
    for text in banner_lines:
        if y < rc.MARGIN_BOTTOM + 4:
            flow.new_page()
            y = flow.y
        show(fonts.SANS_BOLD, BODY, rc.MARGIN_X + 10, y, text)
        y -= LEADING
    for prefix, text in lines:
        if y < rc.MARGIN_BOTTOM + 4:
            flow.y = y
            flow.new_page()
            y = flow.y
        x = rc.MARGIN_X + 10
        if prefix:
            show(fonts.SANS_BOLD, BODY, x, y, prefix)
            x += fonts_width(prefix, fonts.SANS_BOLD, BODY)
        show(fonts.SANS, BODY, x, y, text)
        y -= LEADING
    flow.y = y - GAP


def closing_text(reg: AnnualRegister) -> str:
    """The closing statement (or, for an open register, why it has none)."""
    cl = reg.closing
    if cl is None:
        return (
            f"Registre non clos : {len(reg.entries)} acte(s) enregistré(s) à la date du "
            f"{reg.printed_on.strftime('%d/%m/%Y')}. Document de travail, sans valeur de "
            "registre arrêté."
        )
    when = dated(cl.closed_on, cl.dates_in_words)
    count = f"{cl.count} acte{'s' if cl.count > 1 else ''}"
    if not cl.count:
        span = ""
    elif cl.consecutive:
        span = f", du n° {cl.first} au n° {cl.last}"
    else:
        span = f", le dernier portant le n° {cl.last}"
    return f"Arrêté le présent registre à {count}{span}, à {cl.place} {when}."


SEAL_R = 17 * mm


def _draw_closing(flow: _Flow, reg: AnnualRegister) -> None:
    lines = wrap_text(closing_text(reg), fonts.SANS_BOLD, 9.5, rc.CONTENT_W)
    zone = 2 * SEAL_R + 40 if reg.closing is not None else 0
    flow.ensure(24 + 13 * len(lines) + zone)
    c = flow.c
    y = flow.y - 8
    c.setLineWidth(1.0)
    c.line(rc.MARGIN_X, y + 8, rc.MARGIN_X + rc.CONTENT_W, y + 8)
    y -= 8
    c.setFont(fonts.SANS_BOLD, 9.5)
    for text in lines:
        c.drawString(rc.MARGIN_X, y, text)
        y -= 13
    if reg.closing is not None:
        # the seal (left) and, on the right, the officer's title, signature and name
        officer = reg.closing.officer
        top = y - 6
        seal_cx = rc.MARGIN_X + 60
        c.saveState()
        c.setDash(2, 2)
        c.setLineWidth(0.6)
        c.setStrokeGray(0.45)
        c.circle(seal_cx, top - SEAL_R, SEAL_R, stroke=1, fill=0)
        c.restoreState()
        sx = rc.MARGIN_X + rc.CONTENT_W * 0.55
        cx = sx + rc.CONTENT_W * 0.45 / 2
        c.setFont(fonts.SANS_BOLD, 9)
        c.drawCentredString(cx, top - 4, officer.title)
        c.setFont(fonts.SANS, 7)
        c.setFillGray(0.45)
        c.drawCentredString(seal_cx, top - SEAL_R - 2, "Sceau")
        c.drawCentredString(cx, top - 18, "(signature)")
        c.setFillGray(0)
        bottom = top - 2 * SEAL_R
        c.setLineWidth(0.5)
        c.line(sx + 10, bottom + 12, sx + rc.CONTENT_W * 0.45 - 10, bottom + 12)
        c.setFont(fonts.SANS_BOLD, 9.5)
        c.drawCentredString(cx, bottom, officer.name)
        y = bottom - 14
    else:
        y -= 4
    flow.y = y


def render_annual_register(reg: AnnualRegister) -> tuple[bytes, int]:
    """The register as PDF bytes, and its page count."""
    fonts.register_fonts()
    buf = io.BytesIO()
    c = rc.new_canvas(
        buf,
        title=reg.running_title,
        author=reg.office,
        subject="Registre annuel de l'état civil",
    )
    flow = _Flow(c, reg)
    for data in reg.entries:
        _draw_entry(flow, data)
    _draw_closing(flow, reg)
    flow.finish_page()
    c.showPage()
    pages = flow.page
    if reg.table is not None:
        pages = reg.table(c, pages + 1) - 1
    rc.save(c)
    return buf.getvalue(), pages


def register_title(kind: str) -> str:
    """ "REGISTRE DES ACTES DE NAISSANCE" from the profile-independent register names."""
    from civreg.domain.acts import ActKind

    return REGISTER_NAMES[ActKind(kind)].upper()
