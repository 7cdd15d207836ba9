"""Profile tables for marginal mentions: ``[authorities.<code>]`` and ``[mentions.<kind>]``
(shapes in ``docs/country-profiles.md``; meaning in :mod:`civreg.domain.mention_rules`)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from civreg.domain.acts import MENTION_KINDS, ROLES, ActKind
from civreg.domain.corrections import ACT_FIELDS, PERSON_FIELDS
from civreg.domain.mention_rules import (
    NEEDS,
    NOT_AFTER,
    NOT_BEFORE,
    ON_CANCELLED,
    OTHER,
    Authority,
    MentionRule,
)

if TYPE_CHECKING:
    from civreg.domain.profile_reader import ProfileReader

_AUTHORITY_KEYS = {"label", "source", "to_confirm"}
_RULE_KEYS = {
    "acts",
    "needs",
    "recommends",
    "related_kind",
    "authorities",
    "corrections",
    "not_before",
    "not_after",
    "subject_min_age",
    "once",
    "on_cancelled",
    "source",
    "to_confirm",
}


def parse_authorities(r: ProfileReader, raw: Mapping[str, Any]) -> Mapping[str, Authority]:
    table = r.table(raw, "authorities")
    out: dict[str, Authority] = {}
    for code in table:
        entry = f"authorities.{code}"
        if code == OTHER or not code.isidentifier() or code != code.lower():
            raise r.fail(entry, "bad_value")
        a = r.table(table, code, _AUTHORITY_KEYS, "authorities.")
        out[code] = Authority(
            code=code,
            label=r.get(a, entry, "label", str),
            source=r.get(a, entry, "source", str),
            to_confirm=r.get(a, entry, "to_confirm", bool, False),
        )
    return MappingProxyType(out)


def _subset(
    r: ProfileReader, d: Mapping[str, Any], entry: str, key: str, allowed: frozenset[str]
) -> tuple[str, ...]:
    values = r.strings(d, entry, key, ())
    for v in values:
        if v not in allowed:
            raise r.fail(f"{entry}.{key}", "bad_value")
    return values


def _correction_pattern_ok(pattern: str) -> bool:
    if pattern == "*" or pattern in ACT_FIELDS:
        return True
    role, _, attr = pattern.partition(".")
    roles = {ro for kind in ActKind for ro in _roles(kind)}
    return role in roles and (attr == "*" or attr in PERSON_FIELDS)


def _roles(kind: ActKind) -> tuple[str, ...]:
    return ROLES[kind]


def parse_mention_rules(
    r: ProfileReader, raw: Mapping[str, Any], authorities: Mapping[str, Authority]
) -> Mapping[str, MentionRule]:
    table = r.table(raw, "mentions")
    out: dict[str, MentionRule] = {}
    for kind in table:
        entry = f"mentions.{kind}"
        if kind not in MENTION_KINDS:
            raise r.fail(entry, "unknown_key")
        m = r.table(table, kind, _RULE_KEYS, "mentions.")
        acts = tuple(
            r.kind(f"{entry}.acts", a) for a in r.strings(m, entry, "acts", non_empty=True)
        )
        related = r.get(m, entry, "related_kind", str, None)
        codes = r.strings(m, entry, "authorities", ())
        for code in codes:
            if code not in authorities:
                raise r.fail(f"{entry}.authorities", "unknown_field", field=code)
        corrections = r.strings(m, entry, "corrections", ())
        for pattern in corrections:
            if not _correction_pattern_ok(pattern):
                raise r.fail(f"{entry}.corrections", "unknown_field", field=pattern)
        on_cancelled = r.get(m, entry, "on_cancelled", str, "refuse")
        if on_cancelled not in ON_CANCELLED:
            raise r.fail(f"{entry}.on_cancelled", "bad_value")
        out[kind] = MentionRule(
            kind=kind,
            acts=acts,
            source=r.get(m, entry, "source", str),
            needs=frozenset(_subset(r, m, entry, "needs", NEEDS)),
            recommends=frozenset(_subset(r, m, entry, "recommends", NEEDS)),
            related_kind=r.kind(f"{entry}.related_kind", related) if related else None,
            authorities=codes,
            corrections=corrections,
            not_before=_subset(r, m, entry, "not_before", NOT_BEFORE)
            if "not_before" in m
            else ("event",),
            not_after=_subset(r, m, entry, "not_after", NOT_AFTER),
            subject_min_age=r.get(m, entry, "subject_min_age", int, None, minimum=0),
            once=r.get(m, entry, "once", bool, False),
            on_cancelled=on_cancelled,
            to_confirm=r.get(m, entry, "to_confirm", bool, False),
        )
        if "corrections" in out[kind].needs and not corrections:
            raise r.fail(f"{entry}.needs", "bad_value")
        if "related_ref" in out[kind].needs and related is None:
            raise r.fail(f"{entry}.related_kind", "missing")
    return MappingProxyType(out)
