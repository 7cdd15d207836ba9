"""How one registered act is counted: its categories (the dimensions of
:class:`civreg.domain.vital_stats.Cell`) from what the act records. The single place where the
rules of docs/statistics.md ("What is counted") are written; the store keeps the result per act
(``stats_facts``) and the counts per combination (``stats_cube``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from civreg.domain.vital_groups import AGE_GROUPS, PLACES, age_group, icd10_chapter

# The version of these rules: a store whose counts were made under another version rebuilds
# them (civreg/services/statistics_cube.py).
RULES_VERSION = 1

Dims = tuple[str, str, str, str, int, str, str, str, str, str]
# kind, commune, centre, period, sex, timeliness, place, age, age2, cause


@dataclass(frozen=True, slots=True)
class ActFacts:
    """What counting needs from one act (no name, nothing else)."""

    kind: str
    commune: str
    centre: str
    event_date: str
    place_type: str
    late: bool
    judgment: bool
    transcribed: bool
    subject_sex: int | None  # child, deceased (marriages: not used)
    first: (
        tuple[str, int | None] | None
    )  # birth date and approximate age: mother / deceased / spouse 1
    second: tuple[str, int | None] | None  # spouse 2
    cause_code: str | None  # ICD-10 code of the underlying cause (deaths)


def age_at_event(event_date: str, birth_date: str, approx_age: int | None) -> int | None:
    """Completed years at the event: the year difference, one less when both dates are full
    and the birthday had not come yet; without a birth date, the approximate age."""
    ev, bd = event_date.lstrip("~"), birth_date.lstrip("~")
    if len(bd) >= 4 and len(ev) >= 4 and bd[:4].isdigit() and ev[:4].isdigit():
        years = int(ev[:4]) - int(bd[:4])
        if len(ev) == 10 and len(bd) == 10 and ev[5:] < bd[5:]:
            years -= 1
        return years
    return approx_age


def period_of(event_date: str) -> str:
    """``"2025-03"``, or the year alone when the month is unknown."""
    ev = event_date.lstrip("~")
    return ev[:7] if len(ev) >= 7 else ev[:4]


def timeliness_of(*, late: bool, judgment: bool, transcribed: bool) -> str:
    if transcribed:
        return "transcribed"
    if judgment:
        return "judgment"
    return "late" if late else "on_time"


def underlying_cause(medical: Mapping[str, Any] | None) -> str | None:
    """The ICD-10 code of the last line of part 1 of the WHO certificate, if coded."""
    cause = (medical or {}).get("cause") or {}
    if not isinstance(cause, Mapping):
        return None
    lines = cause.get("part1") or []
    if not lines or not isinstance(lines[-1], Mapping):
        return None
    code = lines[-1].get("icd10")
    return code if isinstance(code, str) and code else None


def dimensions(a: ActFacts) -> Dims:
    """The categories an act is counted under."""
    groups = AGE_GROUPS[a.kind]

    def group(person: tuple[str, int | None] | None) -> str:
        if person is None:
            return age_group(groups, None)
        return age_group(groups, age_at_event(a.event_date, person[0], person[1]))

    sex = a.subject_sex if a.kind != "marriage" and a.subject_sex in (1, 2) else 0
    return (
        a.kind,
        a.commune,
        a.centre,
        period_of(a.event_date),
        int(sex or 0),
        timeliness_of(late=a.late, judgment=a.judgment, transcribed=a.transcribed),
        a.place_type if a.place_type in PLACES else "other",
        group(a.first),
        group(a.second) if a.kind == "marriage" else "",
        icd10_chapter(a.cause_code) if a.kind == "death" else "",
    )
