"""Rules of issue 10 that concern every act: length and characters of each text field, the
territorial competence of the office, and citing the law behind each problem.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields, replace
from typing import Any

from civreg.domain.acts import Person
from civreg.domain.profile import CountryProfile
from civreg.domain.profile_law import bad_characters
from civreg.domain.validation_context import Checker, is_blank
from civreg.errors import FieldProblem

_ACT_TEXT = ("event_date", "event_time", "event_place", "event_place_type", "declaration_date")
_PERSON_TEXT = [f.name for f in fields(Person) if f.type in ("str", str) and f.name != "role"]


def check_limits(c: Checker) -> None:
    """Every text the act holds is within its profile limit and character set."""
    limits = c.profile.limits
    for path, text in _texts(c):
        if not text:
            continue
        limit = limits.for_path(path)
        if len(text) > limit.max:
            c.error(path, "val.text.too_long", rule="text.limits", max=limit.max, length=len(text))
        elif bad_characters(text, limit.charset):
            c.error(path, f"val.text.charset_{limit.charset}", rule="text.limits")


def _texts(c: Checker) -> Iterator[tuple[str, str]]:
    act = c.act
    for name in _ACT_TEXT:
        yield name, getattr(act, name)
    for p in act.persons:
        where = ""
        for name in _PERSON_TEXT:
            value = getattr(p, name)
            if value and isinstance(value, str):  # most fields are empty: no path built
                where = where or p.path
                yield f"{where}.{name}", value
    if act.judgment is not None:
        for name in ("court", "number", "date"):
            yield f"judgment.{name}", getattr(act.judgment, name)
    if act.transcription is not None:
        yield "transcription.note", act.transcription.note
        yield "transcription.original_date", act.transcription.original_date
    yield from _nested("details", act.details)


def _nested(path: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, sub in value.items():
            yield from _nested(f"{path}.{key}", sub)
    elif isinstance(value, list | tuple):
        for i, sub in enumerate(value):
            yield from _nested(f"{path}[{i}]", sub)


def check_competence(c: Checker) -> None:
    """An act for a place outside the office's commune (BF births and deaths: the place of the
    event; DRC births: the parents' residence) needs a justification, or is refused, as the
    profile says. Transcriptions of paper acts keep the competence of their time."""
    act = c.act
    comp = c.profile.competence.get(act.kind)
    if comp is None or c.transcribing:
        return
    geo = c.profile.geography
    office = geo.find(c.office_commune) if c.office_commune else None
    if office is None:
        return  # an office outside the geography file cannot be checked (set-up problem)
    rule = f"{act.kind}.competence"
    code = act.details.get(comp.code_field.split(".", 1)[1])
    if is_blank(code, comp.code_field):
        c.warn(comp.code_field, f"val.competence.unchecked.{comp.basis}", rule=rule)
        return
    if not isinstance(code, str) or code not in geo:
        c.error(comp.code_field, "val.place.unknown_code", rule=rule)
        return
    commune = next((p for p in geo.path(code) if p.level in geo.commune_levels), None)
    if commune is not None and commune.code == office.code:
        return
    place = commune.name if commune is not None else geo.get(code).name
    if comp.outside == "refuse":
        c.error(comp.code_field, f"val.competence.outside.{comp.basis}", rule=rule, place=place)
        return
    c.warn(comp.code_field, f"val.competence.outside.{comp.basis}", rule=rule, place=place)
    justification = act.details.get("competence_justification")
    if is_blank(justification, "details.competence_justification"):
        c.missing(
            "details.competence_justification", "val.competence.justification_required", rule=rule
        )


def check_rule_set(c: Checker, how: str) -> None:
    """Tell the clerk when the law applied is a guess (a partial date spanning a change of
    law, or an event older than the first rule set the profile knows)."""
    rs = c.profile.rule_set
    if rs is None or how == "exact":
        return
    if how == "ambiguous":
        c.warn("event_date", "val.rule_set.ambiguous", rule="law.rule_set", name=rs.name)
    elif how == "before_first":
        c.warn("event_date", "val.rule_set.before_first", rule="law.rule_set", name=rs.name)


def cite_sources(problems: list[FieldProblem], profile: CountryProfile) -> list[FieldProblem]:
    """Attach to each problem the law and article behind its rule, from the rule set."""
    if profile.rule_set is None:
        return problems
    return [replace(p, source=source) if (source := profile.cite(p.rule)) else p for p in problems]
