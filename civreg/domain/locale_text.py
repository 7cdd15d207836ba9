"""Numbers, percentages and dates written the way the user's language writes them (French:
``50,0 %``, ``1 234``, ``30/11/2026 14:05``; English: ``50.0%``, ``1,234``). Qt-free."""

from __future__ import annotations

from civreg.domain.dates import DateParseError, PartialDate
from civreg.i18n import get_language

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: French thousands separator


def _french() -> bool:
    return get_language() == "fr"


def number_text(n: int) -> str:
    text = f"{n:,}"
    return text.replace(",", NNBSP) if _french() else text


def decimal_text(x: float, digits: int = 1) -> str:
    text = f"{x:,.{digits}f}"
    if _french():
        return text.replace(",", NNBSP).replace(".", ",")
    return text


def percent_text(n: int, total: int) -> str:
    """``12 (50,0 %)``; just the count when there is no total."""
    if not total:
        return number_text(n)
    share = decimal_text(100.0 * n / total)
    return f"{number_text(n)} ({share}{NBSP}%)" if _french() else f"{number_text(n)} ({share}%)"


def date_text(iso: str) -> str:
    """A partial ISO date (``2026-11``, ``~1970``) or a timestamp (``2026-11-30T14:05:09``)
    as the user reads it: ``11/2026``, ``vers 1970``, ``30/11/2026 14:05``."""
    if not iso:
        return ""
    day, _, time = iso.partition("T")
    if not time and " " in iso and len(iso) > 10:
        day, _, time = iso.partition(" ")
    try:
        shown = PartialDate.from_iso(day).display()
    except (DateParseError, ValueError):
        return iso
    if not _french() and shown.startswith("vers "):
        shown = "about " + shown[5:]
    return f"{shown} {time[:5]}" if time else shown
