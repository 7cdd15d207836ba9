"""Wrap text to a width in points, breaking over-long words so nothing overflows a column."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_WIDTHS_MAX = 200_000  # words remembered per font and size (a year's register repeats them)


def _word_widths(font: str, size: float) -> dict[str, float]:
    """Remembered widths of words in ``font`` at ``size``: a register of tens of thousands of
    acts wraps the same words (dates, places, names, labels) over and over."""
    widths = _WIDTHS.get((font, size))
    if widths is None or len(widths) > _WIDTHS_MAX:
        widths = _WIDTHS[(font, size)] = {}
    return widths


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Split one word wider than ``width``: after a hyphen when possible, else anywhere."""
    pieces: list[str] = []
    rest = word
    while rest and stringWidth(rest, font, size) > width:
        cut = 1
        while cut < len(rest) and stringWidth(rest[: cut + 1], font, size) <= width:
            cut += 1
        hyphen = rest.rfind("-", 0, cut)
        if hyphen > 0:
            cut = hyphen + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line filling; explicit newlines are kept; never returns a line wider than
    ``width`` (a single character wider than the column is the only exception)."""
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    widths = _word_widths(font, size)
    for paragraph in text.split("\n"):
        current = ""
        current_width = 0.0
        # Only ordinary spaces break a line: a no-break space keeps "1 500 000" together.
        for word in paragraph.replace("\t", " ").split(" "):
            if not word:
                continue
            w = widths.get(word)
            if w is None:
                w = widths[word] = stringWidth(word, font, size)
            if current and current_width + space + w <= width:
                current += " " + word
                current_width += space + w
                continue
            if current:
                lines.append(current)
            if w <= width:
                current, current_width = word, w
                continue
            *full, current = _break_word(word, font, size, width)
            lines.extend(full)
            current_width = stringWidth(current, font, size)
        lines.append(current)
    return lines
