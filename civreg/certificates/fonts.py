"""The embedded DejaVu fonts (accents print on any printer and in any PDF viewer)."""

from __future__ import annotations

import functools
from typing import Any
from weakref import WeakKeyDictionary

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


class SubsetFont(TTFont):
    """A TrueType font whose text encoding takes a C path once its characters are known.

    ReportLab's ``TTFont.splitString`` maps every character of every string drawn to its code
    in the font's subsets in a Python loop: with tens of thousands of acts in an annual
    register that loop was a third of the drawing. Here a string made only of characters
    already placed in the first subset (after the first lines, nearly all of them) is encoded
    with ``str.translate``; any other string goes through ReportLab's loop, which assigns the
    new characters. The bytes are the same either way (tests/unit/test_certificate_fonts.py).
    """

    def __init__(self, name: str, filename: str, **kw: Any) -> None:
        super().__init__(name, filename, **kw)
        # per document: (assignments seen, characters known, translation table)
        self._known: WeakKeyDictionary[Any, tuple[int, frozenset[str], dict[int, str]]] = (
            WeakKeyDictionary()
        )

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802
        state = self.state.get(doc)
        if state is not None and isinstance(text, str):
            assignments = state.assignments
            known = self._known.get(doc)
            if known is None or known[0] != len(assignments):
                table = {code: chr(n) for code, n in assignments.items() if n < 256}
                if 32 in table:
                    table[0xA0] = table[32]  # ReportLab prints a no-break space as a space
                known = (len(assignments), frozenset(map(chr, table)), table)
                self._known[doc] = known
            if known[1].issuperset(text):
                return [(0, text.translate(known[2]).encode("latin-1"))] if text else []
        return super().splitString(text, doc, encoding)


@functools.cache
def register_fonts() -> None:
    """Register the four fonts with ReportLab once per process."""
    for name, filename in _FILES.items():
        path = FONTS_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"certificate font missing: {path}")
        pdfmetrics.registerFont(SubsetFont(name, str(path)))
