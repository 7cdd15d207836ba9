"""The embedded fonts' fast text encoding (:class:`civreg.certificates.fonts.SubsetFont`)
gives ReportLab's own bytes, subsets and character assignments."""

from __future__ import annotations

import io
import random

from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from civreg.certificates.fonts import _FILES, FONTS_DIR, SANS, SubsetFont

LINES = [
    "",
    "Naissance — N° 0001 : KABORÉ Aïssata, née le vingt-trois mars deux mille vingt-six",
    "Nom : OUÉDRAOGO ; prénoms : Éloïse Noëlle ; sexe : féminin",
    "1\u00a0500\u00a0000 francs",  # no-break spaces print as spaces
    "Œuvre, cœur, «\u00a0guillemets\u00a0», ½ ¾ € ✓",
    "Ελληνικά Кириллица ĀāĒēĪī ŁłŃńŚś ŹźŻż",
    "\u4e2d\u6587 \U0001f600 (not in the font)",
]


def _pairs(seed: int) -> list[str]:
    """The sample lines, then random strings over a wide alphabet: enough distinct characters
    to fill the first subset and open the next ones."""
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(32, 0x250)] + ["\u00a0", "—", "’", "€", "\u4e2d"]
    out = list(LINES)
    for _ in range(400):
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))))
        out.append(rng.choice(LINES))
    return out


def test_subset_font_encodes_as_reportlab_does() -> None:
    path = str(FONTS_DIR / _FILES[SANS])
    fast, plain = SubsetFont("FastProbe", path), TTFont("PlainProbe", path)
    doc_fast = Canvas(io.BytesIO())._doc
    doc_plain = Canvas(io.BytesIO())._doc
    used_fast_path = 0
    for text in _pairs(18):
        before = dict(fast.state[doc_fast].assignments) if doc_fast in fast.state else None
        assert fast.splitString(text, doc_fast) == plain.splitString(text, doc_plain), text
        if before is not None and before == fast.state[doc_fast].assignments and text:
            used_fast_path += 1
        assert fast.state[doc_fast].assignments == plain.state[doc_plain].assignments
        assert fast.state[doc_fast].subsets == plain.state[doc_plain].subsets
        assert fast.state[doc_fast].nextCode == plain.state[doc_plain].nextCode
    assert len(fast.state[doc_fast].subsets) > 1  # the test did leave the first subset
    assert used_fast_path > 100


def test_subset_font_keeps_documents_apart() -> None:
    path = str(FONTS_DIR / _FILES[SANS])
    fast, plain = SubsetFont("FastProbe2", path), TTFont("PlainProbe2", path)
    docs = [Canvas(io.BytesIO())._doc for _ in range(2)]
    plains = [Canvas(io.BytesIO())._doc for _ in range(2)]
    for text in ("zéro", "ÀÉÎ", "abc zéro", "ÀÉÎ zéro"):
        for d, p in zip(docs, plains, strict=True):
            assert fast.splitString(text, d) == plain.splitString(text, p)
        # the second document starts from its own, empty assignments
        docs.reverse()
        plains.reverse()
