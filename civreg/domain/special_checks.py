"""The checks of a found child's birth and of an unidentified person's death (issue 10 item 7).

The data they apply (``[special_acts.<key>]`` of the profile) is read in
:mod:`civreg.domain.special_acts`; this module runs it against one act during validation.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from civreg.domain.dates import PartialDate
from civreg.domain.special_acts import (
    FOUND_CHILD,
    ITEMS,
    KIND_OF,
    UNIDENTIFIED,
    SpecialAct,
    rule_of,
    special_of,
)
from civreg.domain.validation_context import Checker


def special_rules(c: Checker) -> SpecialAct | None:
    key = special_of(c.act)
    return c.profile.special_acts.get(key) if key else None


def check_special(c: Checker) -> None:
    """The report of a found child or of an unidentified deceased, when the act has one."""
    key = special_of(c.act)
    if not key:
        return
    path, rule = f"details.{key}", rule_of(key)
    if c.act.kind is not KIND_OF[key]:
        c.error(path, "val.special.wrong_kind", rule=rule)
        return
    spec = c.profile.special_acts.get(key)
    if spec is None:
        c.error(path, "val.special.not_provided", rule=rule)
        return
    report = c.act.details[key]
    if not isinstance(report, Mapping):
        c.error(path, "val.special.structure", rule=rule)
        return
    for item in report:
        if item not in ITEMS[key]:
            c.error(f"{path}.{item}", "val.special.unknown_item", rule=rule)
    for item in spec.required:
        value = report.get(item)
        if value is None or (isinstance(value, str) and not value.strip()):
            c.missing(f"{path}.{item}", "val.special.required", rule=rule)
    for p in c.act.persons:
        if p.role in spec.without:
            c.error(p.path, "val.found_child.no_parents", rule=rule)
    found = _found_date(c, path, report, rule)
    if found is not None and c.event is not None and found.latest() < c.event.earliest():
        key_msg = (
            "val.found_child.found_before_birth"
            if key == FOUND_CHILD
            else "val.unidentified.found_before_death"
        )
        c.error(f"{path}.found_date", key_msg, rule=rule)
    if found is not None and c.declared_on is not None and found.earliest() > c.declared_on:
        c.error(f"{path}.found_date", "val.special.found_after_declaration", rule=rule)
    if key == UNIDENTIFIED:
        deceased = c.act.person("deceased")
        if deceased is not None and deceased.family_name.strip():
            c.error("deceased.family_name", "val.unidentified.named", rule=rule)


def _found_date(c: Checker, path: str, report: Mapping[str, Any], rule: str) -> PartialDate | None:
    text = report.get("found_date")
    if not isinstance(text, str) or not text.strip():
        return None
    return c.parse_date(f"{path}.found_date", text, rule=rule)


def deadline_start(c: Checker) -> PartialDate | None:
    """Where lateness is counted from: the day found for a found child (the profile says so),
    else the event."""
    spec = special_rules(c)
    if spec is None or spec.deadline_from != "found_date":
        return c.event
    report = c.act.details.get(spec.key)
    text = report.get("found_date") if isinstance(report, Mapping) else None
    if not isinstance(text, str) or not text.strip():
        return c.event
    try:
        found = PartialDate.from_iso(text.strip())
    except ValueError:
        return c.event
    return found if found.earliest() <= (c.declared_on or date.max) else c.event
