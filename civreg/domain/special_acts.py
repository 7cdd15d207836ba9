"""A found child's birth and an unidentified person's death (issue 10 item 7).

The law provides for both, so the clerk must never invent placeholder names:

* **found child** (*enfant trouvé*): a birth act with no parent, drawn up on the report
  (*procès-verbal*) of the finding — its reference, the authority that drew it up, the date
  and place of the finding — with the given names (and family name) the officer attributes.
  The act's event date is the presumed birth date (a partial date is allowed); lateness is
  counted from the day the child was found.
* **unidentified deceased** (*défunt non identifié*): a death act with the physical
  description, the place where the body was found and the police or medical report's
  reference, the names left blank.

What each needs is profile data (``[special_acts.<key>]``, shape in
``docs/country-profiles.md``); the act carries its report in ``details.<key>``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from civreg.domain.acts import ActInput, ActKind
from civreg.i18n import register

if TYPE_CHECKING:
    from civreg.domain.profile_reader import ProfileReader

FOUND_CHILD = "found_child"
UNIDENTIFIED = "unidentified_deceased"
KIND_OF = {FOUND_CHILD: ActKind.BIRTH, UNIDENTIFIED: ActKind.DEATH}
# What a report may hold (labels: civreg.domain.field_labels._SPECIAL_ITEMS).
ITEMS = {
    FOUND_CHILD: (
        "report_ref",
        "report_authority",
        "found_date",
        "found_place",
        "apparent_age",
        "circumstances",
        "particulars",
        "entrusted_to",
    ),
    UNIDENTIFIED: (
        "report_ref",
        "report_authority",
        "found_date",
        "found_place",
        "apparent_age",
        "description",
        "circumstances",
        "particulars",
    ),
}
_KEYS = {"required", "declarants", "without", "waives", "deadline_from", "source", "to_confirm"}

register(
    {
        "val.special.wrong_kind": {
            "fr": "Ce procès-verbal ne concerne pas ce type d'acte : un enfant trouvé se déclare "
            "par un acte de naissance, un défunt non identifié par un acte de décès.",
            "en": "This report does not belong to this kind of act: a found child is declared "
            "with a birth act, an unidentified deceased with a death act.",
        },
        "val.special.not_provided": {
            "fr": "Le profil du pays ne prévoit pas ce cas : saisir l'acte ordinaire ou "
            "s'adresser à l'administrateur.",
            "en": "The country profile does not provide for this case: enter an ordinary act "
            "or ask the administrator.",
        },
        "val.special.structure": {
            "fr": "Le procès-verbal doit être saisi rubrique par rubrique (référence, autorité, "
            "date et lieu de la découverte…).",
            "en": "The report must be entered item by item (reference, authority, date and "
            "place found…).",
        },
        "val.special.unknown_item": {
            "fr": "Rubrique inconnue dans le procès-verbal : la retirer.",
            "en": "Unknown item in the report: remove it.",
        },
        "val.special.required": {
            "fr": "Rubrique du procès-verbal obligatoire : la saisir d'après le procès-verbal.",
            "en": "This item of the report is required: enter it from the report.",
        },
        "val.found_child.no_parents": {
            "fr": "Un enfant trouvé est déclaré sans père ni mère : retirer le parent. Si un "
            "parent se fait connaître, sa reconnaissance sera portée en mention.",
            "en": "A found child is declared without a father or a mother: remove the parent. "
            "If a parent comes forward, the recognition is recorded as a mention.",
        },
        "val.found_child.found_before_birth": {
            "fr": "L'enfant ne peut pas avoir été trouvé avant sa date de naissance présumée : "
            "vérifier les deux dates.",
            "en": "The child cannot have been found before the presumed date of birth: check "
            "both dates.",
        },
        "val.special.found_after_declaration": {
            "fr": "La date de la découverte est postérieure à la déclaration : vérifier la date "
            "du procès-verbal.",
            "en": "The date found is after the declaration: check the date in the report.",
        },
        "val.unidentified.found_before_death": {
            "fr": "Le corps ne peut pas avoir été trouvé avant la date du décès : vérifier les "
            "deux dates.",
            "en": "The body cannot have been found before the date of death: check both dates.",
        },
        "val.unidentified.named": {
            "fr": "Le défunt est identifié : saisir un acte de décès ordinaire, sans "
            "procès-verbal de défunt non identifié.",
            "en": "The deceased is identified: enter an ordinary death act, without an "
            "unidentified-deceased report.",
        },
    }
)


@dataclass(frozen=True)
class SpecialAct:
    """What the law requires for one of the special cases (``key``: found_child…)."""

    key: str
    kind: ActKind
    required: tuple[str, ...]  # items of the report that must be filled in
    declarants: tuple[str, ...]  # capacities allowed to declare (besides the usual ones)
    without: tuple[str, ...]  # roles that cannot appear (a found child's father and mother)
    waives: tuple[str, ...]  # mandatory field paths not required (the unknown names)
    deadline_from: str  # "found_date": lateness counted from the finding; "" from the event
    source: str
    to_confirm: bool


def parse_special_acts(
    r: ProfileReader, raw: Mapping[str, Any], field_exists: Callable[[str, ActKind], bool]
) -> Mapping[str, SpecialAct]:
    """``[special_acts.<key>]``; ``field_exists`` checks the waived field paths."""
    if "special_acts" not in raw:  # a profile that does not provide for them
        return MappingProxyType({})
    table = r.table(raw, "special_acts")
    out: dict[str, SpecialAct] = {}
    for key in table:
        entry = f"special_acts.{key}"
        if key not in KIND_OF:
            raise r.fail(entry, "unknown_key")
        s = r.table(table, key, _KEYS, "special_acts.")
        required = r.strings(s, entry, "required", ())
        for item in required:
            if item not in ITEMS[key]:
                raise r.fail(f"{entry}.required", "unknown_field", field=item)
        waives = r.strings(s, entry, "waives", ())
        for path in waives:
            if not field_exists(path, KIND_OF[key]):
                raise r.fail(f"{entry}.waives", "unknown_field", field=path)
        deadline_from = r.get(s, entry, "deadline_from", str, "")
        if deadline_from not in ("", "found_date"):
            raise r.fail(f"{entry}.deadline_from", "bad_value")
        out[key] = SpecialAct(
            key=key,
            kind=KIND_OF[key],
            required=required,
            declarants=r.strings(s, entry, "declarants", ()),
            without=r.strings(s, entry, "without", ()),
            waives=waives,
            deadline_from=deadline_from,
            source=r.get(s, entry, "source", str),
            to_confirm=r.get(s, entry, "to_confirm", bool, False),
        )
    return MappingProxyType(out)


def special_of(act: ActInput) -> str:
    """``found_child`` / ``unidentified_deceased`` when the act carries that report, else ""."""
    details = act.details
    if FOUND_CHILD in details and details[FOUND_CHILD] not in (None, "", {}):
        return FOUND_CHILD
    if UNIDENTIFIED in details and details[UNIDENTIFIED] not in (None, "", {}):
        return UNIDENTIFIED
    return ""


def rule_of(key: str) -> str:
    """The rule id (cited from the rule set's articles): birth.found_child, death.unidentified."""
    return "birth.found_child" if key == FOUND_CHILD else "death.unidentified"
