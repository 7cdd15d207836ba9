"""Validation of an act against its country profile: field-level problems a clerk understands.

``validate(act, profile, today=..., for_registration=...)`` returns every
:class:`~civreg.errors.FieldProblem` found; ``validate_or_raise`` raises
:class:`~civreg.errors.ValidationError` when one of them is an error.

Severity policy: a *wrong* value (impossible date, future date, under-age spouse, capacity
the law does not allow…) is always an error. Something *still to be entered* (a mandatory
field, the judgment a late declaration needs, a missing witness) is an error when
registering and only a warning on a draft, so a clerk can save an incomplete draft.
Unusual but possible values (a mother aged 52, a 5.8 kg baby, an ambiguous age) are warnings.
"""

from __future__ import annotations

import re
from datetime import date

from civreg.domain.acts import ROLES, SEX_CODES, ActInput, ActKind
from civreg.domain.dates import DateParseError, PartialDate
from civreg.domain.profile import CountryProfile, Deadline
from civreg.domain.registry_facts import RegistryFacts
from civreg.domain.special_checks import check_special, deadline_start, special_rules
from civreg.domain.validation_context import Checker, as_int, is_blank
from civreg.domain.validation_law import (
    check_competence,
    check_limits,
    check_rule_set,
    cite_sources,
)
from civreg.domain.validation_reception import check_reception
from civreg.domain.validation_rules import KIND_RULES
from civreg.errors import FieldProblem, ValidationError

__all__ = ["validate", "validate_or_raise"]

_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
PLACE_TYPES = {"", "health_facility", "home", "other"}
MARITAL_STATUSES = {"", "single", "married", "divorced", "widowed"}


def validate(
    act: ActInput,
    profile: CountryProfile,
    *,
    today: date,
    for_registration: bool,
    office_commune: str = "",
    facts: RegistryFacts | None = None,
    received_on: date | None = None,
    paper_receipt: bool = False,
    in_force: tuple[CountryProfile, str] | None = None,
) -> list[FieldProblem]:
    """Every problem with ``act`` under the rules in force on its event's date (the
    profile's rule set for that date), as of ``today``. ``office_commune`` (geography code)
    enables the territorial competence check; ``facts`` (acts in the store) the checks of a
    spouse's existing marriages. ``received_on`` is the day the office received the
    declaration (services pass it; when None, the typed declaration date is taken as given);
    ``paper_receipt`` says the registrar states it was received on paper on the (earlier)
    declaration date. ``in_force`` is ``profile.for_event(rule_set_date(act), today)`` when
    the caller has it already (registration computes it once for these checks, the rule set
    it records and the deadline)."""
    law, how = in_force or profile.for_event(rule_set_date(act), today)
    c = Checker(act, law, today, for_registration, office_commune=office_commune, facts=facts)
    c.received_on, c.paper_receipt = received_on, paper_receipt
    check_rule_set(c, how)
    _check_event(c)
    if received_on is not None:  # back-dating (issue 10 item 1): validation_reception
        check_reception(c)
    _check_persons(c)
    check_special(c)  # a found child, an unidentified deceased (issue 10 item 7)
    _check_mandatory(c)
    _check_declarant(c)
    KIND_RULES[act.kind](c)
    _check_transcription(c)
    _check_judgment(c)
    _check_timeliness(c)
    check_limits(c)
    check_competence(c)
    return cite_sources(c.problems, law)


def rule_set_date(act: ActInput) -> PartialDate | None:
    """The date that decides which law applies: the event's (None when not a valid date)."""
    try:
        return PartialDate.from_iso(act.event_date.strip()) if act.event_date.strip() else None
    except DateParseError:
        return None


def validate_or_raise(
    act: ActInput,
    profile: CountryProfile,
    *,
    today: date,
    for_registration: bool = True,
    act_ref: str | None = None,
    office_commune: str = "",
    facts: RegistryFacts | None = None,
) -> list[FieldProblem]:
    """Raise :class:`ValidationError` if any error; otherwise return the warnings."""
    problems = validate(
        act,
        profile,
        today=today,
        for_registration=for_registration,
        office_commune=office_commune,
        facts=facts,
    )
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems, act_ref)
    return problems


def _check_event(c: Checker) -> None:
    act = c.act
    c.event = c.parse_date("event_date", act.event_date, f"val.event_date.future.{act.kind}")
    if (
        c.event is not None
        and not c.event.is_full
        and act.judgment is None
        and act.transcription is None
    ):
        c.warn("event_date", "val.event_date.partial")
    c.declared_on = c.today
    if act.declaration_date:
        declared = c.parse_date("declaration_date", act.declaration_date)
        if declared is not None and not declared.is_full:
            c.error("declaration_date", "val.date.must_be_full")
        elif declared is not None:
            c.declared_on = declared.earliest()
            if c.event is not None and c.declared_on < c.event.earliest():
                c.error("declaration_date", "val.declaration.before_event")
    if act.event_time and not _TIME.fullmatch(act.event_time.strip()):
        c.error("event_time", "val.event_time.invalid")
    if act.event_place_type not in PLACE_TYPES:
        c.error("event_place_type", "val.event_place_type.unknown")


def _check_persons(c: Checker) -> None:
    allowed_roles = ROLES[c.act.kind]
    seen: set[tuple[str, int]] = set()
    for p in c.act.persons:
        if p.role not in allowed_roles:
            c.error(p.path, "val.person.role_unknown", role=p.role)
            continue
        if (p.role, p.position) in seen:
            c.error(p.path, "val.person.role_repeated")
        seen.add((p.role, p.position))
        if p.sex not in SEX_CODES:
            c.error(f"{p.path}.sex", "val.sex.invalid")
        elif p.role == "mother" and p.sex not in (0, 2):
            c.error(f"{p.path}.sex", "val.sex.mother")
        elif p.role == "father" and p.sex not in (0, 1):
            c.error(f"{p.path}.sex", "val.sex.father")
        if p.birth_date and p.approx_age is not None:
            c.error(f"{p.path}.approx_age", "val.person.date_and_age")
        if p.approx_age is not None:
            age = as_int(p.approx_age)
            if age is None or not 0 <= age <= 130:
                c.error(f"{p.path}.approx_age", "val.person.age_invalid")
        birth = c.birth_of(p)
        if (
            birth is not None
            and c.event is not None
            and p.role not in ("child", "deceased")
            and birth.earliest() > c.event.latest()
        ):
            c.error(f"{p.path}.birth_date", "val.person.born_after_event")
        for attr in ("marital_status", "previous_marital_status"):
            if getattr(p, attr) not in MARITAL_STATUSES:
                c.error(f"{p.path}.{attr}", "val.person.marital_status_unknown")


def _check_mandatory(c: Checker) -> None:
    special = special_rules(c)
    waived = special.waives if special is not None else ()
    for path in c.profile.mandatory.get(c.act.kind, ()):
        if path in waived:
            continue
        for concrete, value in c.value(path):
            if is_blank(value, concrete) and not c.has_problem(concrete):
                c.missing(concrete)


def _check_declarant(c: Checker) -> None:
    allowed = c.profile.declarants.get(c.act.kind, ())
    special = special_rules(c)
    if special is not None:
        allowed = (*allowed, *special.declarants)
    for d in c.act.persons_with("declarant"):
        if not d.capacity:
            continue  # reported by the mandatory fields when the profile requires it
        rule = f"{c.act.kind}.declarant"
        if d.capacity not in allowed:
            c.error(f"{d.path}.capacity", "val.declarant.capacity_not_allowed", rule=rule)
            continue
        required = c.profile.declarant_requirements.get(d.capacity)
        if required:
            (path, value), *_ = c.value(required)
            if is_blank(value, path):
                c.missing(path, "val.declarant.document_required", rule=rule)


def _check_transcription(c: Checker) -> None:
    tr = c.act.transcription
    if tr is None:
        return
    number = as_int(tr.original_number)
    if number is None or number < 1:
        c.error("transcription.original_number", "val.transcription.number_invalid")
    if not tr.original_date:
        c.missing("transcription.original_date")
    else:
        c.parse_date("transcription.original_date", tr.original_date)


def _check_judgment(c: Checker) -> None:
    j = c.act.judgment
    if j is None:
        return
    if not j.court.strip():
        c.missing("judgment.court", "val.judgment.court_required")
    if not j.number.strip():
        c.missing("judgment.number", "val.judgment.number_required")
    if not j.date.strip():
        c.missing("judgment.date", "val.judgment.date_required")
        return
    jd = c.parse_date("judgment.date", j.date, "val.judgment.date_future")
    if jd is None:
        return
    if not jd.is_full:
        c.error("judgment.date", "val.date.must_be_full")
    elif c.event is not None and jd.latest() < c.event.earliest():
        c.error("judgment.date", "val.judgment.before_event")


def _check_timeliness(c: Checker) -> None:
    """A declaration after the profile's deadline needs a court judgment (unless it is the
    transcription of an existing paper act)."""
    act = c.act
    if c.event is None or c.declared_on is None or act.transcription is not None:
        return
    deadline = c.profile.deadline(act.kind)
    key, params = "val.late.judgment_required", {}
    rule = f"{act.kind}.deadline"
    rules = c.profile.marriage
    customary = act.kind is ActKind.MARRIAGE and act.details.get("form") in (
        "customary_registration",
        "religious_registration",
    )
    if customary and rules.customary_registration_days is not None:
        deadline = Deadline(days=rules.customary_registration_days)
        key, params = (
            "val.late.customary_judgment_required",
            {"days": rules.customary_registration_days},
        )
        rule = "marriage.customary_registration"
    elif customary and rules.customary_registration_months is not None:
        deadline = Deadline(months=rules.customary_registration_months)
        key, params = (
            "val.late.customary_judgment_required_months",
            {"months": rules.customary_registration_months},
        )
        rule = "marriage.customary_registration"
    start = deadline_start(c)  # the finding's day for a found child, else the event
    if act.judgment is None and start is not None and deadline.is_late(start, c.declared_on):
        c.missing("judgment", key, rule=rule, **params)
