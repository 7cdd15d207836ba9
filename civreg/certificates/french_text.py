"""French wording for certificates: numbers and dates in words, partial dates, hours.

Partial dates never gain an invented day or month: ``mars 2024``, ``2024``, ``vers 1970``.
Words that agree with a person (``née``, ``domiciliée``, ``veuve``) are in
:mod:`civreg.certificates.french_people`.
"""

from __future__ import annotations

import datetime as dt

from civreg.domain.dates import PartialDate

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

_UNITS = (
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
)
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int, feminine: bool = False) -> str:
    if n < 20:
        word = _UNITS[n]
    elif n < 70:
        tens, unit = divmod(n, 10)
        word = _TENS[tens]
        if unit == 1:
            word += " et un"
        elif unit:
            word += "-" + _UNITS[unit]
    elif n < 80:  # soixante-dix … soixante-dix-neuf, soixante et onze
        word = "soixante et onze" if n == 71 else "soixante-" + _UNITS[n - 60]
    else:  # quatre-vingts, quatre-vingt-un … quatre-vingt-dix-neuf
        word = "quatre-vingts" if n == 80 else "quatre-vingt-" + _UNITS[n - 80]
    if feminine and word.endswith("un"):
        word += "e"
    return word


def number_words(n: int, feminine: bool = False) -> str:
    """French cardinal words for 0 ≤ n ≤ 9999 (traditional spelling)."""
    if not 0 <= n <= 9999:
        raise ValueError("number_words covers 0-9999")
    if n < 100:
        return _below_100(n, feminine)
    parts: list[str] = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        parts.append("mille" if thousands == 1 else _below_100(thousands) + " mille")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        word = "cent" if hundreds == 1 else _UNITS[hundreds] + " cent"
        if hundreds > 1 and rest == 0:
            word += "s"
        parts.append(word)
    if rest:
        parts.append(_below_100(rest, feminine))
    return " ".join(parts)


def year_words(year: int) -> str:
    if not 1000 <= year <= 9999:
        raise ValueError("years in words cover 1000-9999")
    return number_words(year)


def day_words(day: int) -> str:
    return "premier" if day == 1 else number_words(day)


def as_partial(date: dt.date | PartialDate | str) -> PartialDate:
    """A domain partial date from a date, a partial date or its ISO text (``~1970``)."""
    if isinstance(date, PartialDate):
        return date
    if isinstance(date, dt.datetime):
        return PartialDate.from_date(date.date())
    if isinstance(date, dt.date):
        return PartialDate.from_date(date)
    return PartialDate.from_iso(str(date).strip())


def date_text(date: dt.date | PartialDate | str, in_words: bool = False) -> str:
    """``12 mars 2024`` / ``douze mars deux mille vingt-quatre``; partial dates stay partial.

    Without the article: callers say ``le {…}`` for a full date and ``en {…}`` otherwise
    (see :func:`dated`).
    """
    p = as_partial(date)
    year = year_words(p.year) if in_words else str(p.year)
    if p.month is None:
        return year
    month = MONTHS[p.month - 1]
    if p.day is None:
        return f"{month} {year}"
    if in_words:
        return f"{day_words(p.day)} {month} {year}"
    return f"{'1er' if p.day == 1 else p.day} {month} {year}"


def dated(date: dt.date | PartialDate | str, in_words: bool = False) -> str:
    """The date with its preposition: ``le 12 mars 2024``, ``en mars 2024``, ``vers 1970``."""
    p = as_partial(date)
    if p.approximate:
        return "vers " + (year_words(p.year) if in_words else str(p.year))
    prefix = "le" if p.day is not None else "en"
    return f"{prefix} {date_text(p, in_words)}"


def hour_text(hour: dt.time, in_words: bool = False) -> str:
    """``à 14 h 30`` or ``à quatorze heures trente`` (``à une heure``, ``à zéro heure cinq``)."""
    if not in_words:
        return f"à {hour.hour} h {hour.minute:02d}" if hour.minute else f"à {hour.hour} h"
    h = number_words(hour.hour, feminine=True)
    unit = "heure" if hour.hour <= 1 else "heures"
    text = f"à {h} {unit}"
    if hour.minute:
        text += " " + number_words(hour.minute, feminine=True)
    return text


def amount_text(amount: int | float) -> str:
    """``1 500 000`` (no-break spaces between thousands), ``12,50`` (decimal comma)."""
    if isinstance(amount, float) and not amount.is_integer():
        whole, _, cents = f"{amount:.2f}".partition(".")
        return f"{amount_text(int(whole))},{cents}"
    digits = str(int(amount))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return "\u00a0".join(groups)
