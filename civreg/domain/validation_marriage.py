"""Marriage conditions under the law in force on the celebration's date: minimum age and the
judge's dispensation, the BF monogamy/polygamy option, bigamy and the dissolution of a
previous marriage, the DRC dot, witnesses. Each rule reads the profile (already narrowed to
the rule set in force by :func:`civreg.domain.validation.validate`); none names a country.

Input shapes (``docs/declaration-format.md``):

- ``details.age_dispensation = {"court", "number", "date"}``: the judge's dispensation of age
  (not the late-registration ``judgment``);
- ``details.prior_marriages = [{"spouse": "spouse1", "act_ref", "option", "ended_by",
  "ended_judgment": {"court", "number", "date"}, "ended_death_act_ref"}]``: a spouse's earlier
  marriages, still in force (``ended_by`` empty) or dissolved by divorce, death or annulment;
- ``details.bride_price = {"amount", "currency", "status", "description"}``
  (:mod:`civreg.domain.bride_price`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civreg.domain.acts import Person
from civreg.domain.bride_price import BridePrice
from civreg.domain.validation_context import Checker, is_blank

SPOUSES = ("spouse1", "spouse2")
ENDED_BY = ("", "divorce", "death", "annulment")
_PRIOR_KEYS = {"spouse", "act_ref", "option", "ended_by", "ended_judgment", "ended_death_act_ref"}
_DECISION_KEYS = {"court", "number", "date"}


def _age_path(p: Person) -> str:
    return f"{p.path}.birth_date" if p.birth_date else f"{p.path}.approx_age"


def check_marriage(c: Checker) -> None:
    rules = c.profile.marriage
    details = c.act.details
    if (details.get("form") or "civil") not in rules.forms:
        c.error("details.form", "val.marriage.form_unknown", rule="marriage.form")
    option = details.get("option")
    if is_blank(option, "details.option"):
        if rules.option_required:
            c.missing("details.option", "val.marriage.option_required", rule="marriage.option")
    elif option not in rules.options:
        c.error("details.option", "val.marriage.option_unknown", rule="marriage.option")
    regime = details.get("property_regime")
    if is_blank(regime, "details.property_regime"):
        if rules.property_regime_required:
            c.missing("details.property_regime", "val.marriage.regime_required")
    elif regime not in rules.property_regimes:
        c.error("details.property_regime", "val.marriage.regime_unknown")
    _check_bride_price(c)
    spouses = [p for p in (c.act.person(r) for r in SPOUSES) if p is not None]
    dispensation = _dispensation(c)
    for spouse in spouses:
        _check_spouse_age(c, spouse, dispensation)
    if dispensation is not None and not any(_needs_dispensation(c, s) for s in spouses):
        c.warn("details.age_dispensation", "val.marriage.dispensation_unneeded")
    prior = _prior_marriages(c)
    for spouse in spouses:
        _check_previous_marriages(c, spouse, prior.get(spouse.role, []))
    if (
        rules.opposite_sexes
        and len(spouses) == 2
        and spouses[0].sex in (1, 2)
        and spouses[0].sex == spouses[1].sex
    ):
        c.error("spouse2.sex", "val.marriage.same_sex", rule="marriage.opposite_sexes")
    _check_witnesses(c)


# -- age and dispensation --------------------------------------------------------------------
def _dispensation(c: Checker) -> Mapping[str, Any] | None:
    """The structured dispensation of age, checked; None when absent or unusable."""
    path = "details.age_dispensation"
    value = c.act.details.get(path.split(".", 1)[1])
    if is_blank(value, path):
        return None
    rule = "marriage.dispensation"
    if c.profile.marriage.dispensation_min_age is None:
        c.error(path, "val.marriage.no_dispensation", rule=rule)
        return None
    if not isinstance(value, Mapping) or not set(value) <= _DECISION_KEYS:
        c.error(path, "val.marriage.dispensation_structure", rule=rule)
        return None
    ok = _check_decision(c, path, value, rule, not_after_event=True)
    return value if ok else None


def _check_decision(
    c: Checker, path: str, value: Mapping[str, Any], rule: str, *, not_after_event: bool
) -> bool:
    """A court decision ``{court, number, date}``: all three given, the date full, not in the
    future and (``not_after_event``) not after the event. True when usable."""
    ok = True
    for key in ("court", "number"):
        text = value.get(key)
        if not isinstance(text, str) or not text.strip():
            c.missing(f"{path}.{key}", f"val.decision.{key}_required", rule=rule)
            ok = False
    when = value.get("date")
    if not isinstance(when, str) or not when.strip():
        c.missing(f"{path}.date", "val.decision.date_required", rule=rule)
        return False
    d = c.parse_date(f"{path}.date", when, "val.decision.date_future", rule=rule)
    if d is None:
        return False
    if not d.is_full:
        c.error(f"{path}.date", "val.date.must_be_full", rule=rule)
        return False
    if not_after_event and c.event is not None and d.earliest() > c.event.latest():
        c.error(f"{path}.date", "val.marriage.dispensation_after_event", rule=rule)
        return False
    return ok


def _needs_dispensation(c: Checker, spouse: Person) -> bool:
    if c.event is None:
        return False
    ages = c.age_range(spouse, c.event)
    return ages is not None and ages.youngest < c.profile.marriage.min_age_for(spouse.sex)


def _check_spouse_age(c: Checker, spouse: Person, dispensation: Mapping[str, Any] | None) -> None:
    if c.event is None:
        return
    rules = c.profile.marriage
    min_age = rules.min_age_for(spouse.sex)
    floor = rules.dispensation_age_for(spouse.sex)
    rule = "marriage.min_age"
    ages = c.age_range(spouse, c.event)
    if ages is None:
        if not c.has_problem(f"{spouse.path}.birth_date"):
            c.missing(
                f"{spouse.path}.birth_date", "val.marriage.age_unknown", rule=rule, min_age=min_age
            )
        return
    if ages.youngest >= min_age:
        return
    if dispensation is not None and floor is not None:
        if ages.oldest < floor:
            c.error(
                _age_path(spouse),
                "val.marriage.under_dispensation_age",
                rule="marriage.dispensation",
                floor=floor,
            )
        elif ages.youngest < floor:
            c.warn(
                _age_path(spouse),
                "val.marriage.age_ambiguous",
                rule="marriage.dispensation",
                min_age=floor,
            )
        return
    if ages.oldest < min_age:
        if floor is not None:
            c.error(
                _age_path(spouse),
                "val.marriage.under_age_dispensable",
                rule=rule,
                min_age=min_age,
                floor=floor,
                authority=rules.dispensation_authority,
            )
        else:
            c.error(_age_path(spouse), "val.marriage.under_age", rule=rule, min_age=min_age)
    else:
        c.warn(_age_path(spouse), "val.marriage.age_ambiguous", rule=rule, min_age=min_age)


# -- previous marriages: bigamy, polygamy option, dissolution ---------------------------------
def _prior_marriages(c: Checker) -> dict[str, list[tuple[str, Mapping[str, Any]]]]:
    """The declared earlier marriages by spouse role, each with its path; bad entries are
    reported and left out."""
    path = "details.prior_marriages"
    value = c.act.details.get("prior_marriages")
    out: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    if is_blank(value, path):
        return out
    if not isinstance(value, list):
        c.error(path, "val.prior.structure")
        return out
    for i, entry in enumerate(value):
        here = f"{path}[{i}]"
        if not isinstance(entry, Mapping) or not set(entry) <= _PRIOR_KEYS:
            c.error(here, "val.prior.structure")
            continue
        if entry.get("spouse") not in SPOUSES:
            c.error(f"{here}.spouse", "val.prior.spouse_unknown")
            continue
        option = entry.get("option", "")
        if option and option not in c.profile.marriage.options:
            c.error(f"{here}.option", "val.marriage.option_unknown", rule="marriage.option")
        ended = entry.get("ended_by", "")
        if ended not in ENDED_BY:
            c.error(f"{here}.ended_by", "val.prior.ended_by_unknown")
            continue
        for key in ("act_ref", "ended_death_act_ref", "option"):
            if key in entry and not isinstance(entry[key], str):
                c.error(f"{here}.{key}", "val.prior.structure")
        judgment = entry.get("ended_judgment")
        if judgment is not None and (
            not isinstance(judgment, Mapping) or not set(judgment) <= _DECISION_KEYS
        ):
            c.error(f"{here}.ended_judgment", "val.prior.structure")
            continue
        out.setdefault(entry["spouse"], []).append((here, entry))
    return out


def _check_previous_marriages(
    c: Checker, spouse: Person, prior: list[tuple[str, Mapping[str, Any]]]
) -> None:
    rules = c.profile.marriage
    status_field = next(
        (f for f in ("marital_status", "previous_marital_status") if getattr(spouse, f)), ""
    )
    status = getattr(spouse, status_field) if status_field else ""
    # Marriages the store knows: referenced acts, and those mentioned on the birth act.
    known = {}
    facts = c.facts
    if facts is not None:
        for _, entry in prior:
            ref = entry.get("act_ref") or ""
            fact = facts.marriage(ref) if ref else None
            if fact is not None:
                known[fact.ref] = fact
        if spouse.birth_act_ref:
            for fact in facts.marriages_of(spouse.birth_act_ref):
                known.setdefault(fact.ref, fact)
    in_force = [f for f in known.values() if not f.dissolved_by]
    declared_in_force = [
        (path, e)
        for path, e in prior
        if not e.get("ended_by") and (e.get("act_ref") or "") not in known
    ]
    married = status == "married" or bool(in_force) or bool(declared_in_force)
    if married:
        may_add = (
            rules.polygamy_for is not None
            and spouse.sex == rules.polygamy_for
            and c.act.details.get("option") == "polygamy"
            and "polygamy" in rules.options
        )
        where = f"{spouse.path}.{status_field}" if status == "married" else _store_path(spouse)
        if not may_add:
            c.error(where, "val.marriage.bigamy", rule="marriage.bigamy")
            return
        options = [f.option for f in in_force] + [e.get("option", "") for _, e in declared_in_force]
        if any(o == "monogamy" for o in options):
            key = (
                "val.marriage.existing_monogamy_homologation"
                if rules.option_change == "court_homologation"
                else "val.marriage.existing_monogamy"
            )
            c.error(where, key, rule="marriage.option_change")
        elif not options:
            c.warn(
                "details.prior_marriages", "val.marriage.existing_unknown", rule="marriage.option"
            )
        elif any(o == "" for o in options):
            c.warn(
                "details.prior_marriages",
                "val.marriage.existing_option_unknown",
                rule="marriage.option",
            )
        elif declared_in_force:  # the option is only declared: the act is held elsewhere
            c.warn(
                "details.prior_marriages",
                "val.marriage.existing_unverified",
                rule="marriage.option",
            )
    if status in ("divorced", "widowed"):
        _check_dissolution(c, spouse, status_field, status, prior, known)


def _store_path(spouse: Person) -> str:
    return f"{spouse.path}.birth_act_ref" if spouse.birth_act_ref else "details.prior_marriages"


def _check_dissolution(
    c: Checker,
    spouse: Person,
    status_field: str,
    status: str,
    prior: list[tuple[str, Mapping[str, Any]]],
    known: Mapping[str, Any],
) -> None:
    """A divorced or widowed spouse's previous marriage must be shown dissolved: a divorce or
    death mention on it in the store, or a referenced judgment / death act."""
    rule = "marriage.previous_not_dissolved"
    if any(f.dissolved_by for f in known.values()):
        return
    for path, entry in prior:
        ended = entry.get("ended_by", "")
        if ended in ("divorce", "annulment"):
            judgment = entry.get("ended_judgment")
            if isinstance(judgment, Mapping):
                _check_decision(c, f"{path}.ended_judgment", judgment, rule, not_after_event=True)
                return
            c.missing(f"{path}.ended_judgment", "val.prior.judgment_required", rule=rule)
            return
        if ended == "death":
            ref = entry.get("ended_death_act_ref") or ""
            if not ref.strip():
                c.missing(f"{path}.ended_death_act_ref", "val.prior.death_act_required", rule=rule)
            return
    report = c.warn if c.transcribing else c.missing
    report(
        "details.prior_marriages",
        "val.marriage.dissolution_required",
        rule=rule,
        status=status,
    )


# -- dot --------------------------------------------------------------------------------------
def _check_bride_price(c: Checker) -> None:
    value = c.act.details.get("bride_price")
    path = "details.bride_price"
    rules = c.profile.marriage
    rule = "marriage.bride_price"
    if not rules.bride_price:
        if not is_blank(value, path):
            c.error(path, "val.marriage.bride_price_not_applicable", rule=rule)
        return
    if is_blank(value, path):
        c.missing(path, "val.marriage.bride_price_required", rule=rule)
        return
    price, problems = BridePrice.parse(value)
    for sub, key in problems:
        c.error(f"{path}.{sub}" if sub else path, key, rule=rule)
    if price is None:
        return
    if rules.bride_price_states and price.status not in rules.bride_price_states:
        c.error(f"{path}.status", "val.marriage.bride_price_unpaid", rule=rule)


# -- witnesses --------------------------------------------------------------------------------
def _check_witnesses(c: Checker) -> None:
    rules = c.profile.marriage
    rule = "marriage.witnesses"
    witnesses = c.act.persons_with("witness")
    if len(witnesses) < rules.witnesses_min:
        c.missing("witness", "val.witness.too_few", rule=rule, min=rules.witnesses_min)
    if c.event is None:
        return
    for w in witnesses:
        ages = c.age_range(w, c.event)
        if ages is None:
            if not c.has_problem(f"{w.path}.birth_date"):
                c.warn(
                    f"{w.path}.birth_date",
                    "val.witness.age_unknown",
                    rule=rule,
                    min_age=rules.witness_min_age,
                )
        elif ages.oldest < rules.witness_min_age:
            c.error(_age_path(w), "val.witness.under_age", rule=rule, min_age=rules.witness_min_age)
        elif ages.youngest < rules.witness_min_age:
            c.warn(
                _age_path(w), "val.witness.age_unknown", rule=rule, min_age=rules.witness_min_age
            )
