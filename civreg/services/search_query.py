"""What a clerk can search for, and how a free-text query is read.

Free text is split into tokens: a global identifier (``BF-11-01-N-2025-000038``) is looked up
exactly; ``0038/2025`` or ``n°38/2025`` is act number 38 of the 2025 registers (``03/2025``,
two digits up to 12, is March 2025); ``12/03/2024``, ``03/2024`` or
``2024-03-12`` is an event date, a lone ``1900``–``2099`` a year; a lone number an act number;
``naissance``/``birth``, ``mariage``, ``décès`` a kind; every other word is part of a name.

Names are ambiguous (family first or last? a post-nom?). Words written in capitals are taken
as the family name (then the post-nom), the others as given names; without that hint the
service tries the likely readings (``FAMILY Given``, ``FAMILY POSTNOM Given``,
``Given FAMILY``) and keeps each act's best score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from civreg.domain.acts import ActKind
from civreg.domain.dates import DateParseError, PartialDate, parse_user_date
from civreg.domain.names import normalize
from civreg.errors import CivregError
from civreg.i18n import register

register(
    {
        "search.empty": {
            "fr": "Saisissez un nom, une date, un numéro ou un identifiant d'acte.",
            "en": "Type a name, a date, a number or an act identifier.",
        },
        "search.bad_date": {
            "fr": "Date de recherche invalide : utilisez JJ/MM/AAAA, MM/AAAA ou AAAA.",
            "en": "Invalid search date: use DD/MM/YYYY, MM/YYYY or YYYY.",
        },
        "search.bad_page": {
            "fr": "Pagination invalide : limite entre 1 et {max}, décalage positif.",
            "en": "Invalid paging: limit between 1 and {max}, offset not negative.",
        },
        "search.bad_kind": {
            "fr": "Type d'acte inconnu : naissance, mariage ou décès.",
            "en": "Unknown act kind: birth, marriage or death.",
        },
    }
)

GLOBAL_ID = re.compile(r"^[A-Za-z]{2}-[A-Za-z0-9]+-[A-Za-z0-9]+-[NMDnmd]-\d{4}-\d{1,9}$")
NUMBER_YEAR = re.compile(r"^(?:n[°o]?)?(\d{1,9})/(\d{4})$", re.IGNORECASE)
NUMBER = re.compile(r"^(?:n[°o]?)?(\d{1,9})$", re.IGNORECASE)
DATE = re.compile(
    r"^(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{4}-\d{1,2}"
    r"|(?:0?[1-9]|1[0-2])/\d{4})$"
)
KIND_WORDS = {
    "naissance": ActKind.BIRTH,
    "birth": ActKind.BIRTH,
    "mariage": ActKind.MARRIAGE,
    "marriage": ActKind.MARRIAGE,
    "deces": ActKind.DEATH,
    "death": ActKind.DEATH,
}


@dataclass(frozen=True)
class SearchQuery:
    """Any combination of criteria; empty fields are not used."""

    family: str = ""
    given: str = ""
    post_nom: str = ""
    father: str = ""  # "FAMILY Given" of the father
    mother: str = ""
    event_date: str = ""  # partial ISO (2024, 2024-03, 2024-03-12) or as typed (12/03/2024)
    year: int | None = None  # year of the event
    place: str = ""
    number: int | None = None
    register_year: int | None = None
    global_id: str = ""
    kind: str = ""

    @property
    def has_names(self) -> bool:
        return any(normalize(x) for x in (self.family, self.given, self.post_nom))

    def event_range(self) -> tuple[str, str] | None:
        """(earliest, latest) ISO days of the event criteria, or None."""
        if self.event_date:
            try:
                d = PartialDate.from_iso(self.event_date)
            except DateParseError:
                try:
                    d = parse_user_date(self.event_date)
                except DateParseError:
                    raise CivregError("search.bad_date") from None
            return d.earliest().isoformat(), d.latest().isoformat()
        if self.year:
            return f"{self.year:04d}-01-01", f"{self.year:04d}-12-31"
        return None

    def is_empty(self) -> bool:
        return not (
            self.has_names
            or self.father.strip()
            or self.mother.strip()
            or self.event_date
            or self.year
            or self.place.strip()
            or self.number
            or self.global_id.strip()
        )


def _is_caps(word: str) -> bool:
    return any(c.isalpha() for c in word) and word == word.upper()


def name_readings(words: list[str]) -> list[tuple[str, str, str]]:
    """Likely (family, post_nom, given) readings of the name words, most likely first."""
    if not words:
        return []
    if len(words) == 1:
        return [(words[0], "", ""), ("", "", words[0])]
    caps = [w for w in words if _is_caps(w)]
    rest = [w for w in words if not _is_caps(w)]
    if caps and rest:
        out = [(caps[0], " ".join(caps[1:]), " ".join(rest)), (" ".join(caps), "", " ".join(rest))]
    else:
        out = [(words[0], "", " ".join(words[1:]))]
        if len(words) >= 3:
            out.append((words[0], words[1], " ".join(words[2:])))
        out.append((words[-1], "", " ".join(words[:-1])))
    # one family name in capitals gives the same reading twice (ZERBO Odile): searched once
    return list(dict.fromkeys(out))


def parse_text(text: str) -> list[SearchQuery]:
    """Readings of a free-text query (at least one); raises on an empty query."""
    tokens = text.split()
    base = SearchQuery()
    words: list[str] = []
    for tok in tokens:
        clean = tok.strip(",;")
        if GLOBAL_ID.match(clean):
            base = replace(base, global_id=clean.upper())
        elif DATE.match(clean):
            try:
                base = replace(base, event_date=parse_user_date(clean).iso())
            except DateParseError:
                raise CivregError("search.bad_date") from None
        elif m := NUMBER_YEAR.match(clean):
            base = replace(base, number=int(m.group(1)), register_year=int(m.group(2)))
        elif (m := NUMBER.match(clean)) and len(m.group(1)) == 4 and 1800 <= int(m.group(1)) < 2100:
            base = replace(base, year=int(m.group(1)))
        elif m := NUMBER.match(clean):
            base = replace(base, number=int(m.group(1)))
        elif normalize(clean) in KIND_WORDS:
            base = replace(base, kind=str(KIND_WORDS[normalize(clean)]))
        elif normalize(clean):
            words.append(clean)
    readings = [
        replace(base, family=f, post_nom=p, given=g) for f, p, g in name_readings(words)
    ] or [base]
    if readings[0].is_empty() and not readings[0].kind:
        raise CivregError("search.empty")
    return readings
