"""Draw a QR code as vector rectangles on a ReportLab canvas (crisp on any printer).

The module matrix comes from zxing-cpp's encoder (C++, the same library civreg reads codes
with) when it is installed, otherwise from segno (pure Python, about three times slower on a
certificate's payload). Both give a standard QR code at error correction level M; any reader
decodes either.
"""

from __future__ import annotations

import re

from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white border the standard asks for
_DARK_RUN = re.compile(rb"\x01+")
_ZXING_DARK = bytes.maketrans(bytes(range(256)), b"\x01" + b"\x00" * 255)  # 0 (black) is dark


def _zxing_rows(text: str) -> list[bytes] | None:
    try:
        import zxingcpp
    except ImportError:
        return None
    create = getattr(zxingcpp, "create_barcode", None)
    if create is None:  # zxing-cpp older than 2.3
        return None
    image = create(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    view = memoryview(image.to_image(scale=1, add_quiet_zones=False))
    size = view.shape[1] if view.shape else 0
    flat = view.tobytes().translate(_ZXING_DARK)
    return [flat[i : i + size] for i in range(0, len(flat), size)]


def _segno_rows(text: str) -> list[bytes]:
    import segno

    # mask fixed to 4: automatic mask selection is segno's slowest step, any mask is valid
    matrix = segno.make(text, error="m", mask=4, micro=False, boost_error=False).matrix
    return [bytes(row) for row in matrix]


def qr_matrix(text: str) -> list[bytes]:
    """The module matrix for ``text``, one ``bytes`` per row, 1 for a dark module."""
    rows = _zxing_rows(text)
    return rows if rows is not None else _segno_rows(text)


def _runs_path(matrix: list[bytes]) -> str:
    """PDF path operators, in module units (y down), one rectangle per run of dark modules."""
    return "\n".join(
        f"{m.start()} {r} {m.end() - m.start()} 1 re"
        for r, row in enumerate(matrix)
        for m in _DARK_RUN.finditer(row)
    )


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
