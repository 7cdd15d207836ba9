"""What the year-end documents and the statistics report share with certified copies: the
header (country, motto, administrative lines, office, an identity box, the title) drawn by
:func:`civreg.certificates.page_parts.draw_header`, the embedded fonts, the watermark, and
a running header and page footer for the following pages. No database here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates import fonts
from civreg.certificates import page_parts as pp
from civreg.certificates.content import Document
from civreg.certificates.data import Heading, Officer

PAGE_W, PAGE_H = pp.PAGE_W, pp.PAGE_H
MARGIN_X, MARGIN_BOTTOM, CONTENT_W = pp.MARGIN_X, pp.MARGIN_BOTTOM, pp.CONTENT_W
MARGIN_TOP = pp.MARGIN_TOP
RUNNING_HEAD_H = 30.0  # from the top margin to the first line of a following page


@dataclass(frozen=True)
class DocHead:
    """The first page's header: heading, identity box lines ``(style, text)`` with styles
    ``small`` / ``big`` / ``bold`` / ``tiny``, the title and a subtitle."""

    heading: Heading
    identity: tuple[tuple[str, str], ...]
    title: str
    subtitle: str = ""
    watermark: str = ""  # "SPECIMEN" on a demo store


def _document(head: DocHead) -> Document:
    return Document(
        heading=head.heading,
        identity=head.identity,
        title=head.title,
        subtitle=head.subtitle,
        banner=None,
        sections=(),
        closing=(),
        signer=Officer("", ""),
        signatures=(),
        watermark=head.watermark,
    )


def draw_head(c: Canvas, head: DocHead) -> float:
    """Draw the first page's header; returns the y where the body starts."""
    return pp.draw_header(pp.Pen(c), _document(head))


def head_height(head: DocHead) -> float:
    """How far below the top of the page the body of the first page starts."""
    fonts.register_fonts()
    scratch = Canvas(io.BytesIO(), pagesize=(PAGE_W, PAGE_H))
    return PAGE_H - draw_head(scratch, head)


def draw_running_head(c: Canvas, left: str, right: str) -> float:
    """A one-line header for the following pages; returns the y where the body starts."""
    y = PAGE_H - pp.MARGIN_TOP - 10
    c.setFont(fonts.SANS_BOLD, 9)
    c.drawString(MARGIN_X, y, left)
    c.setFont(fonts.SANS, 8)
    c.drawRightString(PAGE_W - MARGIN_X, y, right)
    c.setLineWidth(0.6)
    c.line(MARGIN_X, y - 6, PAGE_W - MARGIN_X, y - 6)
    return y - RUNNING_HEAD_H + 10


def draw_page_foot(c: Canvas, left: str, page: int, total: int | None = None) -> None:
    c.setFont(fonts.SANS, 7)
    c.setFillGray(0.35)
    c.drawString(MARGIN_X, MARGIN_BOTTOM - 14, left)
    mark = f"page {page}" + (f" / {total}" if total else "")
    c.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 14, mark)
    c.setFillGray(0)


def draw_watermark(c: Canvas, word: str) -> None:
    if word:
        pp.draw_watermark(c, word)


def new_canvas(out: BinaryIO, *, title: str, author: str, subject: str) -> Canvas:
    fonts.register_fonts()
    c = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("civreg")
    c.setSubject(subject)
    return c


def save(c: Canvas) -> None:
    """Save with binary compressed streams (ASCII85 costs a third of the time in Python)."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c.save()
    finally:
        rl_config.useA85 = previous
