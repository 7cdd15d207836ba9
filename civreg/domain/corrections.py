"""Corrections carried by marginal mentions, and the *current* values of an act.

A registered act is never edited. A rectification (or a change of name) records, field by
field, the corrected value in its mention (:class:`~civreg.domain.acts.Correction`); the act
keeps its original value. Whoever prints or matches an act asks for its current values:

    current = apply_corrections(view.data, view.mentions)
    current.data                       # an ActInput with every correction applied, in order
    current.corrected["child.family_name"]   # AppliedCorrection: original, value, which mention

Field paths: ``event_date``, ``event_time``, ``event_place`` and ``<role>.<field>`` for the
persons (``child.given_names``, ``witness[2].family_name``); :data:`PERSON_FIELDS` lists the
person fields a mention may correct. A country profile says which paths each mention kind may
correct (``[mentions.<kind>].corrections``: ``"*"`` any, ``"child.*"``, or exact paths).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from civreg.domain.acts import SEX_CODES, ActInput, ActKind, Correction, Mention, Person
from civreg.domain.dates import DateParseError, PartialDate, parse_user_date
from civreg.errors import FieldProblem

ACT_FIELDS = ("event_date", "event_time", "event_place")
PERSON_FIELDS = (
    "family_name",
    "post_nom",
    "given_names",
    "sex",
    "birth_date",
    "birth_place",
    "profession",
    "domicile",
    "nationality",
)
NAME_FIELDS = frozenset({"family_name", "post_nom", "given_names"})
# Fields a correction cannot empty (an act always names the person and the event).
NEVER_EMPTY = frozenset({"event_date", "event_place", "family_name", "given_names"})
MAX_TEXT = 200  # the columns' size
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_PATH = re.compile(r"(?P<role>[a-z0-9_]+)(?:\[(?P<pos>\d+)\])?\.(?P<attr>[a-z_]+)")


@dataclass(frozen=True)
class FieldRef:
    """A correctable field of an act: ``role`` is empty for the act's own fields."""

    path: str
    attr: str
    role: str = ""
    position: int = 0

    @property
    def is_name(self) -> bool:
        return self.attr in NAME_FIELDS


def parse_path(path: str) -> FieldRef | None:
    """The field a correction path denotes, or None when it is not a correctable field."""
    path = path.strip()
    if path in ACT_FIELDS:
        return FieldRef(path, path)
    m = _PATH.fullmatch(path)
    if m is None or m["attr"] not in PERSON_FIELDS:
        return None
    role = m["role"]
    if (role == "witness") != (m["pos"] is not None):
        return None  # witnesses are numbered (witness[1]); other roles are not
    return FieldRef(path, m["attr"], role, int(m["pos"] or 0))


def field_allowed(ref: FieldRef, patterns: Iterable[str]) -> bool:
    """Is ``ref`` among the profile's patterns (``*``, ``child.*``, ``witness.family_name``,
    exact paths)?"""
    generic = f"{ref.role}.{ref.attr}" if ref.role else ref.attr
    wildcard = f"{ref.role}.*" if ref.role else "*"
    return any(p in ("*", ref.path, generic, wildcard) for p in patterns)


def _person(data: ActInput, ref: FieldRef) -> Person | None:
    return data.person(ref.role, ref.position)


def get_value(data: ActInput, ref: FieldRef) -> Any:
    """The field's value in ``data`` (None when the person is not on the act)."""
    if not ref.role:
        return getattr(data, ref.attr)
    p = _person(data, ref)
    return None if p is None else getattr(p, ref.attr)


def with_value(data: ActInput, ref: FieldRef, value: Any) -> ActInput:
    if not ref.role:
        return replace(data, **{ref.attr: value})
    persons = tuple(
        replace(p, **{ref.attr: value}) if p.role == ref.role and p.position == ref.position else p
        for p in data.persons
    )
    return replace(data, persons=persons)


def normalise_value(ref: FieldRef, raw: Any, today: date) -> tuple[Any, str | None]:
    """The value as stored (dates in partial ISO, sex as its code), or a message key."""
    if ref.attr == "sex":
        code = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
        if isinstance(raw, str) and raw.strip().isdigit():
            code = int(raw.strip())
        return (code, None) if code in SEX_CODES else (None, "mention.correction.sex_invalid")
    if not isinstance(raw, str):
        return None, "mention.correction.value_invalid"
    text = raw.strip()
    if not text:
        return ("", None) if ref.attr not in NEVER_EMPTY else (None, "mention.correction.empty")
    if len(text) > MAX_TEXT:
        return None, "mention.correction.too_long"
    if ref.attr in ("event_date", "birth_date"):
        try:
            d = PartialDate.from_iso(text) if text[:1].isdigit() and "-" in text else None
            d = d or parse_user_date(text)
        except DateParseError:
            return None, "mention.correction.date_invalid"
        if d.earliest() > today:
            return None, "mention.correction.date_future"
        return d.iso(), None
    if ref.attr == "event_time" and not _TIME.fullmatch(text):
        return None, "mention.correction.time_invalid"
    return text, None


def check_corrections(
    data: ActInput,
    raw: Mapping[str, Any],
    patterns: Sequence[str],
    *,
    today: date,
) -> tuple[list[Correction], list[FieldProblem]]:
    """Corrections asked for (path -> new value) against the act's current values ``data``:
    the stored :class:`Correction` list (with each previous value) and the problems found."""
    out: list[Correction] = []
    problems: list[FieldProblem] = []
    for path, value in raw.items():
        where = f"corrections.{path}"
        ref = parse_path(path)
        if ref is None:
            problems.append(FieldProblem(where, "mention.correction.field_unknown"))
            continue
        if not field_allowed(ref, patterns):
            problems.append(FieldProblem(where, "mention.correction.field_not_allowed"))
            continue
        if ref.role and _person(data, ref) is None:
            problems.append(FieldProblem(where, "mention.correction.person_absent"))
            continue
        new, key = normalise_value(ref, value, today)
        if key is not None:
            problems.append(FieldProblem(where, key))
            continue
        previous = get_value(data, ref)
        if new == previous:
            problems.append(FieldProblem(where, "mention.correction.same_value"))
            continue
        out.append(Correction(ref.path, new, previous))
    return out, problems


@dataclass(frozen=True)
class AppliedCorrection:
    """The last correction of one field: ``original`` is the value as registered."""

    field: str
    original: Any
    value: Any
    mention_uuid: str
    mention_kind: str
    date: str
    authority: str
    reference: str


@dataclass(frozen=True)
class CurrentValues:
    """An act as it reads today: ``data`` with every correction applied in mention order;
    ``corrected`` maps each corrected field path to its last correction."""

    data: ActInput
    corrected: Mapping[str, AppliedCorrection]

    def is_corrected(self, path: str) -> bool:
        return path in self.corrected

    def corrected_persons(self) -> list[tuple[str, int]]:
        """(role, position) of the persons whose names were corrected."""
        seen: dict[tuple[str, int], None] = {}
        for path in self.corrected:
            ref = parse_path(path)
            if ref is not None and ref.role and ref.is_name:
                seen[(ref.role, ref.position)] = None
        return list(seen)


def apply_corrections(data: ActInput, mentions: Iterable[Mention]) -> CurrentValues:
    """The act's current values: its registered ``data`` with the corrections of its
    ``mentions`` (in the order given: recording order) applied; a later one wins."""
    current = data
    corrected: dict[str, AppliedCorrection] = {}
    for m in mentions:
        for c in m.corrections:
            ref = parse_path(c.field)
            if ref is None or (ref.role and _person(current, ref) is None):
                continue  # cannot happen for mentions recorded through the service
            original = corrected[c.field].original if c.field in corrected else get_value(data, ref)
            current = with_value(current, ref, c.value)
            corrected[c.field] = AppliedCorrection(
                c.field, original, c.value, m.uuid, m.kind, m.date, m.authority, m.reference
            )
    return CurrentValues(current, MappingProxyType(corrected))


_DETAIL_KEYS = {"authority_code", "authority_note", "corrections", "rectifies"}


def details_shape_ok(details: Any) -> bool:
    """Is ``details`` a mention's structured content as stored and transmitted
    (``{"authority_code", "authority_note", "rectifies": str, "corrections": [{"field",
    "value", "previous"}]}``, every key optional; each field path correctable)?"""
    if not isinstance(details, dict) or not set(details) <= _DETAIL_KEYS:
        return False
    for key in ("authority_code", "authority_note", "rectifies"):
        if not isinstance(details.get(key, ""), str):
            return False
    corrections = details.get("corrections", [])
    if not isinstance(corrections, list):
        return False
    for c in corrections:
        if not isinstance(c, dict) or set(c) != {"field", "value", "previous"}:
            return False
        if not isinstance(c["field"], str) or parse_path(c["field"]) is None:
            return False
        for v in (c["value"], c["previous"]):
            if (v is not None and not isinstance(v, str | int)) or isinstance(v, bool):
                return False
    return True


# -- the French text of a correction, for the mention's own text ----------------------------
_ROLE_FR = {
    "child": "de l'enfant",
    "father": "du père",
    "mother": "de la mère",
    "declarant": "du déclarant",
    "spouse1": "du premier conjoint",
    "spouse2": "du second conjoint",
    "witness": "du témoin",
    "deceased": "du défunt",
    "spouse": "du conjoint",
}
_ATTR_FR = {
    "family_name": "le nom",
    "post_nom": "le post-nom",
    "given_names": "les prénoms",
    "sex": "le sexe",
    "birth_date": "la date de naissance",
    "birth_place": "le lieu de naissance",
    "profession": "la profession",
    "domicile": "le domicile",
    "nationality": "la nationalité",
}
_EVENT_FR = {
    ActKind.BIRTH: ("la date de naissance", "l'heure de naissance", "le lieu de naissance"),
    ActKind.MARRIAGE: ("la date du mariage", "l'heure du mariage", "le lieu du mariage"),
    ActKind.DEATH: ("la date du décès", "l'heure du décès", "le lieu du décès"),
}
_SEX_FR = {0: "non précisé", 1: "masculin", 2: "féminin", 9: "sans objet"}


def _shown(ref: FieldRef, value: Any) -> str:
    if ref.attr == "sex":
        return _SEX_FR.get(value, str(value))
    if ref.attr in ("event_date", "birth_date") and value:
        try:
            return PartialDate.from_iso(str(value)).display()
        except DateParseError:
            return str(value)
    return str(value)


def correction_text(kind: ActKind, corrections: Sequence[Correction]) -> str:
    """``Lire « OUÉDRAOGO » au lieu de « OUEDRAGO » pour le nom de l'enfant.`` (French: the
    language acts are written in), one clause per correction."""
    parts = []
    for c in corrections:
        ref = parse_path(c.field)
        if ref is None:
            continue
        if ref.role:
            what = f"{_ATTR_FR[ref.attr]} {_ROLE_FR.get(ref.role, '')}".strip()
        else:
            what = _EVENT_FR[kind][ACT_FIELDS.index(ref.attr)]
        new, old = _shown(ref, c.value), _shown(ref, c.previous)
        if old and new:
            parts.append(f"lire « {new} » au lieu de « {old} » pour {what}")
        elif new:
            parts.append(f"ajouter « {new} » pour {what}")
        else:
            parts.append(f"supprimer « {old} » pour {what}")
    text = " ; ".join(parts)
    return (text[:1].upper() + text[1:] + ".") if text else ""
