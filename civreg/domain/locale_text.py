"""Numbers, percentages and dates written the way the user's language writes them (French:
``50,0 %``, ``1 234``, ``30/11/2026 14:05``; English: ``50.0%``, ``1,234``). Qt-free."""

from __future__ import annotations

from datetime import UTC, datetime

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


def utc_time_text(iso_utc: str) -> str:
    """A stored UTC timestamp (``2026-11-30T14:05:09``, no zone: how civreg keeps them) in the
    computer's local time with its zone, as the user reads a clock: ``30/11/2026 15:05 WAT``
    (``UTC+01:00`` when the zone has no name). Files keep UTC; only the reader's view moves."""
    if len(iso_utc) <= 10:  # a day, no time: nothing to move
        return date_text(iso_utc)
    try:
        moment = datetime.fromisoformat(iso_utc)
    except ValueError:
        return date_text(iso_utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    zone = local.tzname() or ""
    if not zone or zone[0] in "+-":
        zone = "UTC" + local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]
    return f"{date_text(local.replace(tzinfo=None).isoformat(timespec='minutes'))} {zone}"
