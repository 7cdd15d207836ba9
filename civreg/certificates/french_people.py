"""French words about people on legal documents, agreeing with each person's sex and role.

Every stored code (capacity, marital status, form of marriage, property regime…) is turned
into words here; a code without words is shown as plain words (underscores become spaces),
never as a code, a mapping or a Python value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from civreg.certificates.french_text import dated, year_words
from civreg.domain.act_words import capitalised, marital_forms_fr, mention_kind_label
from civreg.domain.acts import ActKind, Person, Sex
from civreg.domain.dates import DateParseError, PartialDate

FEMININE_ROLES = frozenset({"mother", "spouse1_mother", "spouse2_mother"})
MASCULINE_ROLES = frozenset({"father", "spouse1_father", "spouse2_father"})


def is_feminine(person: Person) -> bool:
    """Agreement follows the recorded sex, or the role when the sex is not recorded
    (a mother is *née*)."""
    if person.sex == Sex.FEMALE:
        return True
    if person.sex == Sex.MALE:
        return False
    return person.role in FEMININE_ROLES


def agree(person: Person, masculine: str, feminine: str) -> str:
    return feminine if is_feminine(person) else masculine


def full_name(person: Person) -> str:
    """Family name(s) in capitals first, then post-nom, then given names: ``SAWADOGO Ibrahim``."""
    parts = [person.family_name.strip().upper(), person.post_nom.strip().upper()]
    parts.append(" ".join(person.given_names.split()))
    return " ".join(p for p in parts if p)


def words(code: str) -> str:
    """Last resort for a code without words: ``customary_registration`` → ``customary
    registration`` (never an identifier with underscores)."""
    return " ".join(str(code).replace("_", " ").split())


# Labels of people on a document: (masculine, feminine).
_LABELS: dict[str, tuple[str, str]] = {
    "child": ("L'enfant", "L'enfant"),
    "deceased": ("Le défunt", "La défunte"),
    "spouse1": ("L'époux", "L'épouse"),
    "spouse2": ("L'époux", "L'épouse"),
    "father": ("Le père", "Le père"),
    "mother": ("La mère", "La mère"),
    "spouse": ("Le conjoint", "La conjointe"),
    "declarant": ("Le déclarant", "La déclarante"),
    "witness": ("Le témoin", "La témoin"),
}


def label(person: Person) -> str:
    masculine, feminine = _LABELS.get(person.role, ("Autre personne", "Autre personne"))
    return agree(person, masculine, feminine)


def parent_label(person: Person) -> str:
    """``Père`` / ``Mère`` for a parent row (spouses' and deceased's parents too)."""
    return "Mère" if person.role.endswith("mother") else "Père"


def marital_text(person: Person, code: str) -> str:
    if not code:
        return ""
    masculine, feminine = marital_forms_fr(code)
    return agree(person, masculine, feminine)


_CAPACITY: dict[str, tuple[str, str]] = {
    "father": ("père de l'enfant", "père de l'enfant"),
    "mother": ("mère de l'enfant", "mère de l'enfant"),
    "ascendant": ("ascendant", "ascendante"),
    "relative": ("parent", "parente"),
    "present_at_birth": ("présent à la naissance", "présente à la naissance"),
    "proxy": ("mandataire", "mandataire"),
    # a found child, an unidentified deceased (issue 10 item 7: civreg.domain.special_acts)
    "finder": ("ayant trouvé l'enfant", "ayant trouvé l'enfant"),
    "authority": ("représentant de l'autorité", "représentante de l'autorité"),
    "spouse": ("conjoint", "conjointe"),
    "present_at_death": ("présent au décès", "présente au décès"),
    "informed_person": ("personne informée du décès", "personne informée du décès"),
    "health_facility": (
        "représentant de l'établissement de santé",
        "représentante de l'établissement de santé",
    ),
}


def capacity_text(person: Person) -> str:
    if not person.capacity:
        return ""
    masculine, feminine = _CAPACITY.get(person.capacity, (words(person.capacity),) * 2)
    return agree(person, masculine, feminine)


SEX_WORDS = {
    Sex.MALE: "masculin",
    Sex.FEMALE: "féminin",
    Sex.UNKNOWN: "non précisé",
    Sex.NOT_APPLICABLE: "sans objet",
}


def sex_text(person: Person) -> str:
    try:
        return SEX_WORDS[Sex(person.sex)]
    except ValueError:
        return SEX_WORDS[Sex.UNKNOWN]


def birth_text(person: Person, act_date: dt.date, in_words: bool = False) -> str:
    """``né le 12 mars 2024 à Koudougou``; an approximate age is the age on the day the act
    was drawn up: ``née vers 1991 (âgée d'environ 35 ans)`` for an act of 2026.

    Empty when neither a birth date, an age nor a birth place is known.
    """
    born = agree(person, "né", "née")
    pieces: list[str] = []
    date = _partial(person.birth_date)
    if date is not None:
        pieces.append(f"{born} {dated(date, in_words)}")
    elif person.approx_age is not None:
        age = int(person.approx_age)
        year = act_date.year - age
        about = year_words(year) if in_words and year >= 1000 else str(year)
        aged = agree(person, "âgé", "âgée")
        pieces.append(f"{born} vers {about} ({aged} d'environ {age} an{'s' if age > 1 else ''})")
    if person.birth_place.strip():
        if not pieces:
            pieces.append(born)
        pieces.append(f"à {person.birth_place.strip()}")
    return " ".join(pieces)


def domicile_text(person: Person) -> str:
    if not person.domicile.strip():
        return ""
    return f"{agree(person, 'domicilié', 'domiciliée')} à {person.domicile.strip()}"


def _partial(iso: str) -> PartialDate | None:
    if not iso:
        return None
    try:
        return PartialDate.from_iso(iso)
    except DateParseError:
        return None


def person_summary(person: Person, act_date: dt.date, in_words: bool, detailed: bool) -> str:
    """One line: ``KABORÉ Tinga, né vers 1930 à Yako, cultivateur, domicilié à Yako``."""
    parts = [full_name(person)]
    if detailed:
        parts += [
            birth_text(person, act_date, in_words),
            person.profession.strip(),
            domicile_text(person),
            person.nationality.strip(),
        ]
    return ", ".join(p for p in parts if p)


# ---------------------------------------------------------------------------- the act's items

KIND_NOUNS = {ActKind.BIRTH: "NAISSANCE", ActKind.MARRIAGE: "MARIAGE", ActKind.DEATH: "DÉCÈS"}
REGISTER_NAMES = {
    ActKind.BIRTH: "Registre des naissances",
    ActKind.MARRIAGE: "Registre des mariages",
    ActKind.DEATH: "Registre des décès",
}
FORM_WORDS = {
    "civil": "célébration civile devant l'officier de l'état civil",
    "customary_registration": "enregistrement d'un mariage coutumier",
    "religious_registration": "transcription d'un mariage religieux",
}
OPTION_WORDS = {"monogamy": "monogamie", "polygamy": "polygamie"}
REGIME_WORDS = {
    "separation": "séparation de biens",
    "community": "communauté de biens",
    "community_of_acquests": "communauté réduite aux acquêts",
    "universal_community": "communauté universelle",
}
MULTIPLICITY_WORDS = {
    "single": "naissance simple",
    "twin": "naissance gémellaire",
    "triplet": "naissance de triplés",
    "other": "naissance multiple",
}


def mention_kind_text(kind: str) -> str:
    """The kind of a mention as a certificate heads it (``Changement de nom``): the words of
    :mod:`civreg.domain.act_words`, as the command line and the client show them."""
    return capitalised(mention_kind_label(kind, "fr"))


def coded(table: Mapping[str, str], value: Any) -> str:
    text = str(value or "").strip()
    return table.get(text, words(text)) if text else ""


def bride_price_text(value: Any) -> str:
    """The DRC *dot* in words (``500 USD, versée en partie``), as the domain writes it
    (:func:`civreg.domain.bride_price.bride_price_text`); a value stored before the dot was
    structured (``{"paid": true}``, plain text) reads the same way, never as a mapping."""
    from civreg.domain.bride_price import bride_price_text as in_words

    if isinstance(value, Mapping) and "status" not in value and isinstance(value.get("paid"), bool):
        value = {**value, "status": "paid" if value["paid"] else "unpaid"}
    return in_words(value, "fr")
