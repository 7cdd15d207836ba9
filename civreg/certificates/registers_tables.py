"""The alphabetical tables of the registers as PDF: the annual table (one year) and the
ten-year table (*table décennale*). Per kind of act, the persons in the order a French reader
expects (the service sorts them: :mod:`civreg.domain.collation`), with the act's number, the
date of the event and the nature of the entry; a letter heading where the initial changes.
No database here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts
from civreg.certificates import registers_common as rc
from civreg.certificates.text_wrap import wrap_text
from civreg.domain.names import normalize

SIZE = 8.0
LEADING = 9.6
COLUMNS = (  # header, width in mm
    ("Nom", 46),
    ("Prénoms", 38),
    ("Date", 19),
    ("N° d'acte", 19),
    ("Nature de l'acte", 52),
)


@dataclass(frozen=True)
class TableEntry:
    """One line: a person and the act where they appear."""

    family: str  # as printed: capitals, with the post-nom
    given: str
    date: str  # the event's date, as printed
    number: str  # "0012" (annual table) or "2026 / 0012" (ten-year table)
    nature: str  # "naissance", "naissance (jugement supplétif)", "mariage avec …"
    act: str  # the act's global identifier (for the tests and the machine-readable copy)
    main: bool = True  # False: a cross-reference (the second spouse of a marriage)


@dataclass(frozen=True)
class TableSection:
    title: str  # "Naissances"
    entries: Sequence[TableEntry]


@dataclass(frozen=True)
class TablesDocument:
    head: rc.DocHead
    running_title: str
    office: str
    sections: Sequence[TableSection]


def _initial(entry: TableEntry) -> str:
    folded = normalize(entry.family).replace(" ", "")
    return folded[:1].upper() if folded[:1].isalpha() else "#"


class _Pages:
    def __init__(self, c: Canvas, doc: TablesDocument, page: int, head: bool) -> None:
        self.c, self.doc, self.page = c, doc, page
        self.y = rc.draw_head(c, doc.head) - 4 if head else self._running()

    def _running(self) -> float:
        return rc.draw_running_head(self.c, self.doc.running_title, f"page {self.page}")

    def finish(self) -> None:
        rc.draw_page_foot(self.c, self.doc.office, self.page)
        rc.draw_watermark(self.c, self.doc.head.watermark)

    def new_page(self) -> None:
        self.finish()
        self.c.showPage()
        self.page += 1
        self.y = self._running()

    def ensure(self, h: float) -> bool:
        if self.y - h < rc.MARGIN_BOTTOM + 4:
            self.new_page()
            return True
        return False


def _header(p: _Pages, title: str) -> None:
    c = p.c
    c.setFont(fonts.SANS_BOLD, 7.5)
    x = rc.MARGIN_X
    for name, width in COLUMNS:
        c.drawString(x + 2, p.y, name)
        x += width * mm
    c.setLineWidth(0.6)
    c.line(rc.MARGIN_X, p.y - 3, rc.MARGIN_X + rc.CONTENT_W, p.y - 3)
    p.y -= LEADING + 2
    del title


def _cells(e: TableEntry) -> list[list[str]]:
    texts = (e.family, e.given, e.date, e.number, e.nature)
    return [
        wrap_text(text, fonts.SANS_BOLD if i == 0 and e.main else fonts.SANS, SIZE, w * mm - 4)
        for i, (text, (_n, w)) in enumerate(zip(texts, COLUMNS, strict=True))
    ]


def draw_tables(c: Canvas, doc: TablesDocument, page: int, *, with_head: bool) -> int:
    """Draw every section from page ``page``; returns the number of the next page."""
    p = _Pages(c, doc, page, with_head)
    for k, section in enumerate(doc.sections):
        if k and p.y < rc.PAGE_H * 0.6:
            p.new_page()
        p.ensure(60)
        c.setFont(fonts.SANS_BOLD, 11)
        c.drawString(rc.MARGIN_X, p.y, section.title)
        c.setFont(fonts.SANS, 7.5)
        count = sum(1 for e in section.entries if e.main)
        c.drawRightString(rc.MARGIN_X + rc.CONTENT_W, p.y, f"{count} acte(s)")
        p.y -= 16
        _header(p, section.title)
        letter = ""
        for entry in section.entries:
            cells = _cells(entry)
            height = LEADING * max(len(x) for x in cells)
            initial = _initial(entry)
            if initial != letter:
                if p.ensure(height + 16):
                    _header(p, section.title)
                letter = initial
                c.setFont(fonts.SERIF_BOLD, 10)
                c.drawString(rc.MARGIN_X, p.y - 2, letter)
                c.setLineWidth(0.3)
                c.setStrokeGray(0.6)
                c.line(rc.MARGIN_X + 14, p.y + 1, rc.MARGIN_X + rc.CONTENT_W, p.y + 1)
                c.setStrokeGray(0)
                p.y -= 14
            elif p.ensure(height):
                _header(p, section.title)
            x = rc.MARGIN_X
            if not entry.main:
                c.setFillGray(0.35)
            for i, (lines, (_name, width)) in enumerate(zip(cells, COLUMNS, strict=True)):
                c.setFont(fonts.SANS_BOLD if i == 0 and entry.main else fonts.SANS, SIZE)
                for j, line in enumerate(lines):
                    c.drawString(x + 2, p.y - j * LEADING, line)
                x += width * mm
            c.setFillGray(0)
            p.y -= height
        if not section.entries:
            c.setFont(fonts.SANS, SIZE)
            c.drawString(rc.MARGIN_X + 2, p.y, "Aucun acte.")
            p.y -= LEADING
        p.y -= 10
    p.finish()
    c.showPage()
    return p.page + 1


def render_tables(doc: TablesDocument) -> tuple[bytes, int]:
    fonts.register_fonts()
    buf = io.BytesIO()
    c = rc.new_canvas(
        buf, title=doc.running_title, author=doc.office, subject="Table alphabétique des actes"
    )
    next_page = draw_tables(c, doc, 1, with_head=True)
    rc.save(c)
    return buf.getvalue(), next_page - 1
