"""Rules specific to each kind of act: birth details, marriage conditions, death and its
cause. Each rule reads the country profile; none names a country."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from civreg.domain.acts import ActKind, Person
from civreg.domain.validation_context import Checker, as_int
from civreg.domain.validation_marriage import check_marriage

MULTIPLICITY_MAX = {"single": 1, "twin": 2, "triplet": 3, "other": None}
WEIGHT_POSSIBLE = (300, 7000)  # grams: outside is a typing error
WEIGHT_USUAL = (500, 6000)  # grams: outside deserves a second look
ICD10 = re.compile(r"[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,2})?")
CAUSE_LINE_KEYS = {"text", "interval", "icd10"}
PART1_MAX_LINES = 4  # lines a to d of the WHO certificate


def _age_path(p: Person) -> str:
    return f"{p.path}.birth_date" if p.birth_date else f"{p.path}.approx_age"


# -- birth -----------------------------------------------------------------------------------
def check_birth(c: Checker) -> None:
    child = c.act.person("child")
    if child is not None:
        if child.approx_age is not None:
            c.error("child.approx_age", "val.birth.child_age")
        if child.birth_date and c.event is not None and child.birth_date != c.act.event_date:
            c.error("child.birth_date", "val.birth.child_date_mismatch")
    for role, (low, high) in (
        ("mother", c.profile.mother_age_warning),
        ("father", c.profile.father_age_warning),
    ):
        parent = c.act.person(role)
        if parent is None:
            continue
        ages = c.age_range(parent, c.event)
        if ages is not None and ages.oldest >= 0 and (ages.oldest < low or ages.youngest > high):
            c.warn(_age_path(parent), f"val.{role}.age_unusual", min=low, max=high)
    _check_birth_details(c)


def _check_birth_details(c: Checker) -> None:
    details = c.act.details
    if details.get("weight_grams") is not None:
        weight = as_int(details["weight_grams"])
        if weight is None:
            c.error("details.weight_grams", "val.number.invalid")
        elif not WEIGHT_POSSIBLE[0] <= weight <= WEIGHT_POSSIBLE[1]:
            c.error("details.weight_grams", "val.birth.weight_implausible")
        elif not WEIGHT_USUAL[0] <= weight <= WEIGHT_USUAL[1]:
            c.warn("details.weight_grams", "val.birth.weight_unusual")
    multiplicity = details.get("multiplicity") or "single"
    if multiplicity not in MULTIPLICITY_MAX:
        c.error("details.multiplicity", "val.birth.multiplicity_unknown")
        multiplicity = "other"
    order_raw = details.get("birth_order")
    if order_raw is None or order_raw == "":
        if multiplicity != "single":
            c.missing("details.birth_order", "val.birth.order_required")
    else:
        order = as_int(order_raw)
        top = MULTIPLICITY_MAX[multiplicity]
        if order is None:
            c.error("details.birth_order", "val.number.invalid")
        elif order < 1 or (top is not None and order > top):
            c.error("details.birth_order", "val.birth.order_invalid")
    if details.get("mother_children_born_alive") is not None:
        count = as_int(details["mother_children_born_alive"])
        if count is None or count < 1:
            c.error("details.mother_children_born_alive", "val.birth.children_born_alive_invalid")


# -- death -----------------------------------------------------------------------------------
def check_death(c: Checker) -> None:
    deceased = c.act.person("deceased")
    if deceased is not None and c.event is not None:
        birth = c.birth_of(deceased)
        if birth is not None and birth.earliest() > c.event.latest():
            c.error("event_date", "val.death.before_birth")
    cause = c.act.details.get("cause")
    if cause is not None:
        _check_cause(c, cause)


def _check_cause(c: Checker, cause: Any) -> None:
    base = "details.cause"
    if not isinstance(cause, Mapping) or not set(cause) <= {"part1", "part2"}:
        c.error(base, "val.cause.structure")
        return
    for part in ("part1", "part2"):
        lines = cause.get(part, [])
        if not isinstance(lines, list) or not all(isinstance(x, Mapping) for x in lines):
            c.error(f"{base}.{part}", "val.cause.structure")
            continue
        if part == "part1" and len(lines) > PART1_MAX_LINES:
            c.error(f"{base}.{part}", "val.cause.too_many_lines")
        for i, line in enumerate(lines):
            _check_cause_line(c, f"{base}.{part}[{i}]", line)


def _check_cause_line(c: Checker, path: str, line: Mapping[str, Any]) -> None:
    if not set(line) <= CAUSE_LINE_KEYS:
        c.error(path, "val.cause.structure")
        return
    text = line.get("text")
    if not isinstance(text, str) or not text.strip():
        c.error(f"{path}.text", "val.cause.text_required")
    interval = line.get("interval", "")
    if not isinstance(interval, str) or len(interval) > 40:
        c.error(f"{path}.interval", "val.cause.interval_invalid")
    code = line.get("icd10", "")
    if code and not (isinstance(code, str) and ICD10.fullmatch(code)):
        c.error(f"{path}.icd10", "val.cause.icd10_invalid")


KIND_RULES: dict[ActKind, Callable[[Checker], None]] = {
    ActKind.BIRTH: check_birth,
    ActKind.MARRIAGE: check_marriage,
    ActKind.DEATH: check_death,
}
