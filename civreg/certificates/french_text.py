"""French wording for certificates: numbers and dates in words, partial dates, hours, names.

Partial dates never gain an invented day or month: ``mars 2024``, ``2024``, ``vers 1970``.
"""

from __future__ import annotations

import datetime as dt

from civreg.certificates.data import PartialDate, Person, Sex

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
    if not 1800 <= year <= 2100:
        raise ValueError("years in words cover 1800-2100")
    return number_words(year)


def day_words(day: int) -> str:
    return "premier" if day == 1 else number_words(day)


def date_text(date: dt.date | PartialDate, in_words: bool = False) -> str:
    """``12 mars 2024`` / ``douze mars deux mille vingt-quatre``; partial dates stay partial.

    Without the article: callers say ``le {…}`` for a full date and ``en {…}`` otherwise
    (see :func:`dated`).
    """
    p = PartialDate.parse(date)
    year = year_words(p.year) if in_words else str(p.year)
    if p.month is None:
        return year
    month = MONTHS[p.month - 1]
    if p.day is None:
        return f"{month} {year}"
    if in_words:
        return f"{day_words(p.day)} {month} {year}"
    return f"{'1er' if p.day == 1 else p.day} {month} {year}"


def dated(date: dt.date | PartialDate, in_words: bool = False) -> str:
    """The date with its preposition: ``le 12 mars 2024``, ``en mars 2024``, ``vers 1970``."""
    p = PartialDate.parse(date)
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


def full_name(person: Person) -> str:
    """Family name(s) in capitals first, then post-nom, then given names: ``SAWADOGO Ibrahim``."""
    parts = [person.family_names.strip().upper(), person.post_nom.strip().upper()]
    parts.append(person.given_names.strip())
    return " ".join(p for p in parts if p)


def feminine_e(person: Person) -> str:
    return "e" if person.sex is Sex.FEMALE else ""


def birth_text(person: Person, reference_year: int, in_words: bool = False) -> str:
    """``né le 12 mars 2024 à Koudougou``; approximate age: ``né vers 1970 (âgé d'environ 54 ans)``.

    Empty when neither a birth date, an age nor a birth place is known.
    """
    e = feminine_e(person)
    pieces: list[str] = []
    if person.birth_date is not None:
        pieces.append(f"né{e} {dated(person.birth_date, in_words)}")
    elif person.approximate_age is not None:
        year = reference_year - person.approximate_age
        about = year_words(year) if in_words else str(year)
        age = person.approximate_age
        pieces.append(f"né{e} vers {about} (âgé{e} d'environ {age} an{'s' if age > 1 else ''})")
    if person.birth_place:
        if not pieces:
            pieces.append(f"né{e}")
        pieces.append(f"à {person.birth_place}")
    return " ".join(pieces)


SEX_LABELS = {
    Sex.MALE: "masculin",
    Sex.FEMALE: "féminin",
    Sex.UNKNOWN: "non précisé",
    Sex.NOT_APPLICABLE: "sans objet",
}
