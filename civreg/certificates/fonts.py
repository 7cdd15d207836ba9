"""The embedded DejaVu fonts (accents print on any printer and in any PDF viewer)."""

from __future__ import annotations

import functools

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from civreg.resources import resource_path

FONTS_DIR = resource_path("fonts")

SANS = "CivregSans"
SANS_BOLD = "CivregSans-Bold"
SERIF = "CivregSerif"
SERIF_BOLD = "CivregSerif-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}


@functools.cache
def register_fonts() -> None:
    """Register the four fonts with ReportLab once per process."""
    for name, filename in _FILES.items():
        path = FONTS_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"certificate font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
