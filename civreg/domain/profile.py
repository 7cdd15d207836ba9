"""Country profiles: the legal rules of one country as versioned data.

A profile is a TOML file under ``civreg/resources/countries/`` (``BF.toml``, ``CD.toml``) plus a
geography CSV. It is validated on load into frozen dataclasses; a malformed profile raises
:class:`ProfileError` naming the file and the bad entry. An administrator may override values
marked *to confirm* (death delay, motto, identifier format…) with a nested mapping merged over
the TOML before validation; a ``None`` in the overrides removes a key (e.g. to switch a delay
from months to days: ``{"deadlines": {"birth": {"days": 60, "months": None}}}``).
The shape of the TOML is described in ``docs/country-profiles.md``.
"""

from __future__ import annotations

import calendar
import copy
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from civreg.domain.acts import KIND_LETTER, ActKind
from civreg.domain.dates import PartialDate
from civreg.domain.geography import Geography, GeographyError, load_geography_csv
from civreg.domain.mention_rules import Authority, MentionRule
from civreg.domain.profile_documents import DocumentRules
from civreg.domain.profile_law import Competence, Limits
from civreg.domain.profile_schema import ProfileError, parse_profile_data
from civreg.domain.rule_sets import RuleSet, RuleSetChoice, choose, parse_rule_sets
from civreg.domain.special_acts import SpecialAct
from civreg.resources import resource_path

__all__ = [
    "PROFILES_DIR",
    "CountryProfile",
    "Deadline",
    "MarriageRules",
    "ProfileError",
    "RuleSet",
    "available_profiles",
    "load_profile",
    "load_profile_file",
    "merge",
]

PROFILES_DIR = resource_path("countries")


def _add_months(d: date, months: int) -> date:
    total = d.month - 1 + months
    year, month = d.year + total // 12, total % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    """Delay to declare an event: ``days`` or ``months`` (neither: no deadline)."""

    days: int | None = None
    months: int | None = None
    to_confirm: bool = False

    def last_day(self, event_day: date) -> date | None:
        """Last day on which an event of ``event_day`` may still be declared in time."""
        if self.days is not None:
            return event_day + timedelta(days=self.days)
        if self.months is not None:
            return _add_months(event_day, self.months)
        return None

    def is_late(self, event: PartialDate, declared_on: date) -> bool:
        """True when declared after the deadline. A partial event date is read in the
        declarant's favour: the latest day it may denote (never after the declaration)."""
        latest = min(event.latest(), declared_on)
        limit = self.last_day(latest)
        return limit is not None and declared_on > limit


@dataclass(frozen=True, eq=False)  # identity equality keeps it hashable (mapping fields)
class MarriageRules:
    min_age: Mapping[int, int]  # ISO 5218 sex code (1 male, 2 female) -> minimum age
    options: tuple[str, ...]  # BF: monogamy / polygamy option
    option_required: bool
    bride_price: bool  # DRC: the dot is recorded (and required)
    property_regimes: tuple[str, ...]
    property_regime_required: bool
    forms: tuple[str, ...]  # civil, customary_registration, religious_registration
    customary_registration_days: int | None  # later registration only on a court decision
    witnesses_min: int
    witness_min_age: int
    opposite_sexes: bool
    # -- issue 10: the law in force (values usually restated per rule set) -------------------
    # Minimum age with a judge's dispensation (None: the law provides no dispensation).
    dispensation_min_age: Mapping[int, int] | None = None
    dispensation_authority: str = ""  # who grants it ("tribunal civil", "juge")
    polygamy_for: int | None = None  # ISO 5218 sex who may marry again under polygamy
    bride_price_states: tuple[str, ...] = ()  # states of the dot allowed at the celebration
    customary_registration_months: int | None = None  # transcription delay in months
    option_change: str = ""  # how a monogamous marriage may become polygamous (if at all)

    def min_age_for(self, sex: int) -> int:
        """Minimum age for a spouse of this sex (the higher one when the sex is unknown)."""
        return self.min_age.get(sex, max(self.min_age.values()))

    def dispensation_age_for(self, sex: int) -> int | None:
        """Lowest age a judge's dispensation can allow (None: no dispensation in this law)."""
        floor = self.dispensation_min_age
        if floor is None:
            return None
        return floor.get(sex, max(floor.values()))


@dataclass(frozen=True, eq=False)  # identity equality keeps it hashable (mapping fields)
class CountryProfile:
    code: str
    version: int
    name: str
    header_lines: tuple[str, ...]
    motto: str
    default_language: str
    dates_in_words: bool
    uses_post_nom: bool
    registrar_title: str
    identifier_format: str
    number_format: str
    deadlines: Mapping[ActKind, Deadline]
    declarants: Mapping[ActKind, tuple[str, ...]]
    declarant_requirements: Mapping[str, str]  # capacity -> field path it requires
    mandatory: Mapping[ActKind, tuple[str, ...]]
    marriage: MarriageRules
    duplicate_window_days: int
    mother_age_warning: tuple[int, int]
    father_age_warning: tuple[int, int]
    geography: Geography
    geography_version: str
    geography_date: str
    to_confirm: tuple[str, ...]
    source: str
    documents: DocumentRules  # certificates: mottos, headers, extracts, requesters
    # -- issue 10: dated rule sets, field limits, territorial competence ----------------------
    limits: Limits = field(default_factory=Limits)
    competence: Mapping[ActKind, Competence] = field(default_factory=lambda: MappingProxyType({}))
    rule_set: RuleSet | None = None  # the rule set this profile applies (None: the base)
    rule_sets: tuple[RuleSet, ...] = ()
    variants: Mapping[str, CountryProfile] = field(default_factory=lambda: MappingProxyType({}))

    def for_event(self, event: PartialDate | None, today: date) -> tuple[CountryProfile, str]:
        """The profile of the law in force on ``event`` (``today`` when unknown) and how the
        rule set was chosen (``exact``, ``ambiguous``, ``before_first``, ``none``)."""
        choice: RuleSetChoice = choose(self.rule_sets, event, today)
        if choice.rule_set is None:
            return self, choice.status
        return self.variants[choice.rule_set.id], choice.status

    def rule_set_named(self, rule_set_id: str) -> RuleSet | None:
        return next((r for r in self.rule_sets if r.id == rule_set_id), None)

    def cite(self, rule: str) -> str:
        """The law and article behind ``rule`` under this profile's rule set, or ``""``."""
        return self.rule_set.cite(rule) if self.rule_set else ""

    # marginal mentions (issue 10 items 5-6): competent authorities, rules per mention kind
    authorities: Mapping[str, Authority] = field(default_factory=lambda: MappingProxyType({}))
    mention_rules: Mapping[str, MentionRule] = field(default_factory=lambda: MappingProxyType({}))
    # a found child's birth, an unidentified person's death (issue 10 item 7)
    special_acts: Mapping[str, SpecialAct] = field(default_factory=lambda: MappingProxyType({}))

    def deadline(self, kind: ActKind) -> Deadline:
        return self.deadlines.get(kind, Deadline())

    def format_number(self, number: int) -> str:
        return self.number_format.format(number=number)

    def format_identifier(
        self, *, commune: str, centre: str, kind: ActKind, year: int, number: int
    ) -> str:
        return self.identifier_format.format(
            country=self.code,
            commune=commune,
            centre=centre,
            letter=KIND_LETTER[kind],
            year=year,
            number=number,
        )


def available_profiles() -> list[str]:
    """Country codes that have a profile file (``["BF", "CD"]``)."""
    return sorted(p.stem for p in PROFILES_DIR.glob("*.toml"))


def load_profile(code: str, overrides: Mapping[str, Any] | None = None) -> CountryProfile:
    """Load and validate a country profile; ``overrides`` is merged over the TOML first."""
    if not overrides:
        return _load_cached(code)
    return _load(code, overrides)


@lru_cache(maxsize=8)
def _load_cached(code: str) -> CountryProfile:
    return _load(code, None)


def _load(code: str, overrides: Mapping[str, Any] | None) -> CountryProfile:
    path = PROFILES_DIR / f"{code}.toml"
    if not code.isalpha() or not path.is_file():
        raise ProfileError(path.name, "profile.code", "not_found")
    profile = load_profile_file(path, overrides)
    if profile.code != code:
        raise ProfileError(path.name, "profile.code", "bad_value")
    return profile


def load_profile_file(
    path: Path | str, overrides: Mapping[str, Any] | None = None
) -> CountryProfile:
    """Load a profile from any TOML file (its geography CSV is looked up next to it)."""
    path = Path(path)
    file = path.name
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise ProfileError(file, "-", "not_found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(file, "-", "bad_toml", detail=str(exc)) from exc
    file_raw = dict(raw)
    if overrides:
        raw = merge(raw, overrides)
    raw = dict(raw)
    rule_sets = parse_rule_sets(raw.pop("rule_sets", None), file)
    file_raw.pop("rule_sets", None)
    data = parse_profile_data(raw, file)
    geo = data.pop("geography_spec")
    geo_path = Path(geo["file"])
    if not geo_path.is_absolute():
        geo_path = path.parent / geo_path
    try:
        geography = load_geography_csv(
            geo_path,
            levels=geo["levels"],
            commune_levels=geo["commune_levels"],
            version=geo["version"],
        )
    except GeographyError as exc:
        raise ProfileError(file, "geography.file", "bad_geography", detail=exc.message()) from exc
    common = {
        "geography": geography,
        "geography_version": geo["version"],
        "geography_date": geo["date"],
        "source": str(path),
        "rule_sets": rule_sets,
    }
    variants: dict[str, CountryProfile] = {}
    for rs in rule_sets:
        # the administrator's overrides correct every period, so they are merged last
        rs_raw = merge(file_raw, rs.overrides)
        if overrides:
            rs_raw = merge(rs_raw, {k: v for k, v in overrides.items() if k != "rule_sets"})
        try:
            rs_data = parse_profile_data(rs_raw, file)
        except ProfileError as exc:  # name the rule set in the entry
            exc.entry = f"rule_sets[{rs.id}].{exc.entry}"
            raise
        rs_data.pop("geography_spec")
        variants[rs.id] = _profile(rs_data, **common, rule_set=rs)
    base = _profile(data, **common)
    for v in variants.values():  # every variant can find its siblings
        object.__setattr__(v, "variants", MappingProxyType(variants))
    object.__setattr__(base, "variants", MappingProxyType(variants))
    return base


def _profile(data: dict[str, Any], **common: Any) -> CountryProfile:
    return CountryProfile(
        marriage=MarriageRules(**data.pop("marriage")),
        deadlines=MappingProxyType({k: Deadline(**v) for k, v in data.pop("deadlines").items()}),
        **data,
        **common,
    )


def merge(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge ``overrides`` over ``base`` (a ``None`` value deletes the key)."""
    out = copy.deepcopy(dict(base))
    for key, value in overrides.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out
