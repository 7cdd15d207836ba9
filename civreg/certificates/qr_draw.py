"""Draw a QR code as vector rectangles on a ReportLab canvas (crisp on any printer)."""

from __future__ import annotations

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white border the standard asks for


def qr_matrix(text: str) -> list[list[bool]]:
    """The module matrix for ``text``. Mask fixed to 4: automatic mask selection is the
    slowest part of QR generation and any mask is equally valid for readers."""
    code = segno.make(text, error="m", mask=4, micro=False, boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the code with its quiet zone inside the square (x, y, size) — lower-left origin.

    Dark modules of a row are merged into horizontal runs: one rectangle per run keeps the
    PDF small and fast to print.
    """
    matrix = qr_matrix(text)
    n = len(matrix) + 2 * QUIET_ZONE
    module = size / n
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + QUIET_ZONE) * module
        c = 0
        width = len(row)
        while c < width:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < width and row[c]:
                c += 1
            path.rect(x + (start + QUIET_ZONE) * module, top - module, (c - start) * module, module)
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
