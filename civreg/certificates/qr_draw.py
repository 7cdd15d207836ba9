"""Draw a QR code as vector rectangles on a ReportLab canvas (crisp on any printer)."""

from __future__ import annotations

from collections.abc import Sequence

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white border the standard asks for


def qr_matrix(text: str) -> Sequence[Sequence[int]]:
    """The module matrix for ``text``: error level M, mask fixed to 4 — automatic mask
    selection is the slowest part of QR generation and every mask is valid for readers."""
    return segno.make(text, error="m", mask=4, micro=False, boost_error=False).matrix


def _runs_path(matrix: Sequence[Sequence[int]]) -> str:
    """PDF path operators, in module units (y down), one rectangle per run of dark modules."""
    ops: list[str] = []
    for r, row in enumerate(matrix):
        c = 0
        width = len(row)
        while c < width:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < width and row[c]:
                c += 1
            ops.append(f"{start} {r} {c - start} 1 re")
    return "\n".join(ops)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the code with its quiet zone inside the square (x, y, size) — lower-left origin.

    Rectangles are written in integer module coordinates under one scaling transform: the
    page stays small and rendering avoids formatting thousands of floats.
    """
    matrix = qr_matrix(text)
    module = size / (len(matrix) + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canvas.scale(module, -module)
    canvas.addLiteral(_runs_path(matrix) + "\nf")
    canvas.restoreState()
