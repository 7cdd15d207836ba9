"""Checks a country profile's raw TOML data entry by entry (types, ranges, known names).

:func:`parse_profile_data` turns the raw mapping into plain values for
:mod:`civreg.domain.profile`; the first bad entry raises :class:`ProfileError` naming the file
and the dotted entry (``deadlines.birth.days``) with a translatable reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from types import MappingProxyType
from typing import Any

from civreg.domain.acts import ROLES, ActInput, ActKind, Person
from civreg.domain.profile_documents import parse_documents
from civreg.domain.profile_mentions import parse_authorities, parse_mention_rules
from civreg.domain.profile_reader import ProfileError, ProfileReader

__all__ = ["ProfileError", "check_field_path", "parse_profile_data"]

SEXES = {"male": 1, "female": 2}
_ACT_FIELDS = {f.name for f in fields(ActInput)} - {"kind", "persons", "details", "transcription"}
_PERSON_FIELDS = {f.name for f in fields(Person)} - {"role", "position"}
_SAMPLE_ID = {
    "country": "XX",
    "commune": "C01",
    "centre": "P",
    "letter": "N",
    "year": 2025,
    "number": 38,
}


def check_field_path(path: str, kind: ActKind) -> bool:
    """Is ``path`` a field an act of ``kind`` can carry (``child.family_name``,
    ``details.weight_grams``, ``event_date``)?"""
    head, _, rest = path.partition(".")
    if not rest:
        return head in _ACT_FIELDS
    if head == "details":
        return bool(rest)
    return head in ROLES[kind] and rest in _PERSON_FIELDS


_TOP = {
    "profile",
    "numbering",
    "deadlines",
    "declarants",
    "declarant_requirements",
    "mandatory",
    "marriage",
    "checks",
    "geography",
    "documents",  # civreg/domain/profile_documents.py
    # issue 10 (law in force): see civreg/domain/profile_law.py
    "limits",
    "competence",
    # marginal mentions (issue 10 items 5-6): civreg.domain.profile_mentions
    "authorities",
    "mentions",
    # a found child, an unidentified deceased (issue 10 item 7): civreg.domain.special_acts
    "special_acts",
}


def parse_profile_data(raw: Mapping[str, Any], file: str) -> dict[str, Any]:
    """Validate raw profile data; returns keyword arguments for ``CountryProfile`` (plus
    ``geography_spec``, and plain dicts for ``marriage`` and ``deadlines``)."""
    r = ProfileReader(file)
    for key in raw:
        if key not in _TOP:
            raise r.fail(key, "unknown_key")
    prof = r.table(
        raw,
        "profile",
        {
            "code",
            "version",
            "name",
            "header_lines",
            "motto",
            "default_language",
            "dates_in_words",
            "uses_post_nom",
            "registrar_title",
            "to_confirm",
        },
    )
    out: dict[str, Any] = {
        "code": r.get(prof, "profile", "code", str),
        "version": r.get(prof, "profile", "version", int, minimum=1),
        "name": r.get(prof, "profile", "name", str),
        "header_lines": r.strings(prof, "profile", "header_lines", non_empty=True),
        "motto": r.get(prof, "profile", "motto", str, ""),
        "default_language": r.get(prof, "profile", "default_language", str, "fr"),
        "dates_in_words": r.get(prof, "profile", "dates_in_words", bool, True),
        "uses_post_nom": r.get(prof, "profile", "uses_post_nom", bool, False),
        "registrar_title": r.get(prof, "profile", "registrar_title", str),
        "to_confirm": r.strings(prof, "profile", "to_confirm", ()),
    }
    if out["default_language"] not in ("fr", "en"):
        raise r.fail("profile.default_language", "bad_value")
    for entry in out["to_confirm"]:
        if not _exists(raw, entry):
            raise r.fail(f"profile.to_confirm ({entry})", "unknown_key")

    num = r.table(raw, "numbering", {"identifier_format", "number_format"})
    out["identifier_format"] = r.get(num, "numbering", "identifier_format", str)
    out["number_format"] = r.get(num, "numbering", "number_format", str)
    for key, sample in (("identifier_format", _SAMPLE_ID), ("number_format", {"number": 38})):
        try:
            out[key].format(**sample)
        except (KeyError, IndexError, ValueError) as exc:
            raise r.fail(f"numbering.{key}", "bad_format", detail=str(exc)) from None

    out["deadlines"] = _deadlines(r, raw)
    out.update(_declarants(r, raw))
    mand = r.table(raw, "mandatory")
    mandatory: dict[ActKind, tuple[str, ...]] = {}
    for key in mand:
        kind = r.kind("mandatory", key)
        paths = r.strings(mand, "mandatory", key)
        for p in paths:
            if not check_field_path(p, kind):
                raise r.fail(f"mandatory.{key}", "unknown_field", field=p)
        mandatory[kind] = paths
    out["mandatory"] = MappingProxyType(mandatory)
    out["marriage"] = _marriage(r, raw)

    chk = r.table(
        raw, "checks", {"duplicate_window_days", "mother_age_warning", "father_age_warning"}
    )
    out["duplicate_window_days"] = r.get(chk, "checks", "duplicate_window_days", int, minimum=0)
    out["mother_age_warning"] = r.range_(chk, "checks", "mother_age_warning")
    out["father_age_warning"] = r.range_(chk, "checks", "father_age_warning")

    geo = r.table(raw, "geography", {"file", "version", "date", "levels", "commune_levels", "note"})
    spec = {
        "file": r.get(geo, "geography", "file", str),
        "version": r.get(geo, "geography", "version", str),
        "date": r.get(geo, "geography", "date", str, ""),
        "levels": r.strings(geo, "geography", "levels", non_empty=True),
        "commune_levels": r.strings(geo, "geography", "commune_levels", non_empty=True),
    }
    r.get(geo, "geography", "note", str, "")
    if not set(spec["commune_levels"]) <= set(spec["levels"]):
        raise r.fail("geography.commune_levels", "bad_value")
    out["geography_spec"] = spec
    out["documents"] = parse_documents(r, raw)
    # -- issue 10: field limits and territorial competence (civreg/domain/profile_law.py) ----
    from civreg.domain.profile_law import parse_competence, parse_limits

    out["limits"] = parse_limits(r, raw)
    out["competence"] = parse_competence(r, raw)

    # -- marginal mentions: competent authorities and each kind's rules (issue 10, 5-6) --
    out["authorities"] = parse_authorities(r, raw)
    out["mention_rules"] = parse_mention_rules(r, raw, out["authorities"])
    from civreg.domain.special_acts import parse_special_acts

    out["special_acts"] = parse_special_acts(r, raw, check_field_path)
    return out


def _exists(raw: Mapping[str, Any], dotted: str) -> bool:
    node: Any = raw
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return False
        node = node[part]
    return True


def _deadlines(r: ProfileReader, raw: Mapping[str, Any]) -> dict[ActKind, dict[str, Any]]:
    table = r.table(raw, "deadlines")
    out: dict[ActKind, dict[str, Any]] = {}
    for key in table:
        kind = r.kind("deadlines", key)
        d = r.table(table, key, {"days", "months", "to_confirm"}, "deadlines.")
        entry = f"deadlines.{key}"
        days = r.get(d, entry, "days", int, None, minimum=0)
        months = r.get(d, entry, "months", int, None, minimum=0)
        if days is not None and months is not None:
            raise r.fail(entry, "both_units")
        out[kind] = {
            "days": days,
            "months": months,
            "to_confirm": r.get(d, entry, "to_confirm", bool, False),
        }
    return out


def _declarants(r: ProfileReader, raw: Mapping[str, Any]) -> dict[str, Any]:
    table = r.table(raw, "declarants")
    declarants = {r.kind("declarants", k): r.strings(table, "declarants", k) for k in table}
    req = raw.get("declarant_requirements", {})
    if not isinstance(req, Mapping):
        raise r.fail("declarant_requirements", "wrong_type", expected="table")
    capacities = {c for caps in declarants.values() for c in caps}
    requirements: dict[str, str] = {}
    for cap, path in req.items():
        entry = f"declarant_requirements.{cap}"
        if cap not in capacities:
            raise r.fail(entry, "unknown_key")
        if not isinstance(path, str) or not path.startswith("details.") or path == "details.":
            raise r.fail(entry, "unknown_field", field=path)
        requirements[cap] = path
    return {
        "declarants": MappingProxyType(declarants),
        "declarant_requirements": MappingProxyType(requirements),
    }


def _marriage(r: ProfileReader, raw: Mapping[str, Any]) -> dict[str, Any]:
    m = r.table(
        raw,
        "marriage",
        {
            "min_age",
            "options",
            "option_required",
            "bride_price",
            "property_regimes",
            "property_regime_required",
            "forms",
            "customary_registration_days",
            "witnesses_min",
            "witness_min_age",
            "opposite_sexes",
            # issue 10: the law in force (restated per rule set)
            "dispensation",
            "polygamy_for",
            "bride_price_states",
            "customary_registration_months",
            "option_change",
        },
    )
    ages = r.table(m, "min_age", set(SEXES), "marriage.")
    min_age = {}
    for sex, code in SEXES.items():
        min_age[code] = r.get(ages, "marriage.min_age", sex, int, minimum=0)
    out = {
        "min_age": MappingProxyType(min_age),
        "options": r.strings(m, "marriage", "options", ()),
        "option_required": r.get(m, "marriage", "option_required", bool, False),
        "bride_price": r.get(m, "marriage", "bride_price", bool, False),
        "property_regimes": r.strings(m, "marriage", "property_regimes", ()),
        "property_regime_required": r.get(m, "marriage", "property_regime_required", bool, False),
        "forms": r.strings(m, "marriage", "forms", non_empty=True),
        "customary_registration_days": r.get(
            m, "marriage", "customary_registration_days", int, None, minimum=0
        ),
        "witnesses_min": r.get(m, "marriage", "witnesses_min", int, minimum=0),
        "witness_min_age": r.get(m, "marriage", "witness_min_age", int, minimum=0),
        "opposite_sexes": r.get(m, "marriage", "opposite_sexes", bool, False),
    }
    if out["option_required"] and not out["options"]:
        raise r.fail("marriage.option_required", "bad_value")
    if out["property_regime_required"] and not out["property_regimes"]:
        raise r.fail("marriage.property_regime_required", "bad_value")
    if "civil" not in out["forms"]:
        raise r.fail("marriage.forms", "bad_value")
    out.update(_marriage_law(r, m))
    return out


# -- issue 10: marriage rules that change with the law in force -------------------------------
BRIDE_PRICE_STATES = ("paid", "partly_paid", "unpaid")


def _marriage_law(r: ProfileReader, m: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "dispensation_min_age": None,
        "dispensation_authority": "",
        "polygamy_for": None,
        "bride_price_states": r.strings(m, "marriage", "bride_price_states", ()),
        "customary_registration_months": r.get(
            m, "marriage", "customary_registration_months", int, None, minimum=0
        ),
        "option_change": r.get(m, "marriage", "option_change", str, ""),
    }
    if "dispensation" in m:
        d = r.table(m, "dispensation", {"min_age", "authority"}, "marriage.")
        ages = r.table(d, "min_age", set(SEXES), "marriage.dispensation.")
        out["dispensation_min_age"] = MappingProxyType(
            {
                code: r.get(ages, "marriage.dispensation.min_age", sex, int, minimum=0)
                for sex, code in SEXES.items()
            }
        )
        out["dispensation_authority"] = r.get(d, "marriage.dispensation", "authority", str, "")
    if "polygamy_for" in m:
        sex = r.get(m, "marriage", "polygamy_for", str)
        if sex not in SEXES:
            raise r.fail("marriage.polygamy_for", "bad_value")
        out["polygamy_for"] = SEXES[sex]
    if not set(out["bride_price_states"]) <= set(BRIDE_PRICE_STATES):
        raise r.fail("marriage.bride_price_states", "bad_value")
    if (
        out["customary_registration_months"] is not None
        and m.get("customary_registration_days") is not None
    ):
        raise r.fail("marriage.customary_registration_months", "both_units")
    return out
