"""The state shared by validation rules: the act, its profile, the reference dates and the
problems found so far, with helpers that parse dates and bound ages without inventing a day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import civreg.domain.validation_messages
import civreg.domain.validation_messages_law  # noqa: F401  (issue 10 messages)
from civreg.domain.acts import ActInput, Person
from civreg.domain.dates import DateParseError, PartialDate, age_bounds
from civreg.domain.profile import CountryProfile
from civreg.errors import FieldProblem

if TYPE_CHECKING:
    from civreg.domain.registry_facts import RegistryFacts

# An approximate birth date (``~1970``) or age is taken to be right within this many years.
APPROX_MARGIN_YEARS = 2


@dataclass(frozen=True)
class AgeRange:
    """Possible completed ages of a person at an event (an approximate birth date or age is
    widened by :data:`APPROX_MARGIN_YEARS` on each side)."""

    youngest: int
    oldest: int
    approximate: bool

    @classmethod
    def of(cls, youngest: int, oldest: int, approximate: bool) -> AgeRange:
        if approximate:
            youngest, oldest = max(youngest - APPROX_MARGIN_YEARS, 0), oldest + APPROX_MARGIN_YEARS
        return cls(youngest, oldest, approximate)


@dataclass
class Checker:
    act: ActInput
    profile: CountryProfile
    today: date
    for_registration: bool
    problems: list[FieldProblem] = field(default_factory=list)
    event: PartialDate | None = None
    declared_on: date | None = None
    # the day the office received the declaration (issue 10 item 1: validation_reception)
    received_on: date | None = None
    paper_receipt: bool = False  # the registrar states it was received on paper earlier
    _births: dict[str, PartialDate | None] = field(default_factory=dict)
    # issue 10: what the rules need beyond the act itself
    office_commune: str = ""  # geography code of the office's commune (competence)
    facts: RegistryFacts | None = None  # acts already in the store (bigamy, dissolution)

    # -- recording -------------------------------------------------------------------------
    # ``rule`` is the stable id of the rule (``marriage.min_age``) whose source the profile's
    # rule set cites; by default the message key without its ``val.`` prefix.
    def error(self, path: str, key: str, *, rule: str = "", **params: Any) -> None:
        self.problems.append(FieldProblem(path, key, params, "error", _rule(key, rule)))

    def warn(self, path: str, key: str, *, rule: str = "", **params: Any) -> None:
        self.problems.append(FieldProblem(path, key, params, "warning", _rule(key, rule)))

    def missing(
        self, path: str, key: str = "val.required", *, rule: str = "", **params: Any
    ) -> None:
        """Something still to be entered: blocks registration, only informs on a draft."""
        severity = "error" if self.for_registration else "warning"
        self.problems.append(FieldProblem(path, key, params, severity, _rule(key, rule)))

    @property
    def transcribing(self) -> bool:
        """Digitising an existing paper act: evidence still to be found only warns."""
        return self.act.transcription is not None

    def has_problem(self, path: str) -> bool:
        return any(p.path == path for p in self.problems)

    # -- dates -----------------------------------------------------------------------------
    def parse_date(
        self, path: str, text: str, future_key: str = "val.date.future", *, rule: str = ""
    ) -> PartialDate | None:
        """Parse a partial ISO date; record an error when invalid or in the future."""
        if not text:
            return None
        try:
            d = PartialDate.from_iso(text.strip())
        except DateParseError as exc:
            self.error(path, exc.key, rule=rule)
            return None
        if d.earliest() > self.today:
            self.error(path, future_key, rule=rule)
            return None
        return d

    def birth_of(self, person: Person) -> PartialDate | None:
        """The person's parsed birth date (errors recorded once, at ``<role>.birth_date``)."""
        path = f"{person.path}.birth_date"
        if path not in self._births:
            self._births[path] = self.parse_date(path, person.birth_date)
        return self._births[path]

    def age_range(self, person: Person, on: PartialDate | None) -> AgeRange | None:
        """Completed ages at the event ``on`` compatible with what is known, or None.

        An approximate age is taken as the age at the event; a partial event date widens the
        range (youngest at its earliest day, oldest at its latest). A birth date that lies
        after the event gives negative ages."""
        birth = self.birth_of(person)
        if birth is not None:
            if on is None:
                return None
            youngest = age_bounds(birth, on.earliest())[0]
            oldest = age_bounds(birth, on.latest())[1]
            return AgeRange.of(youngest, oldest, birth.approximate)
        age = as_int(person.approx_age)
        if age is not None and 0 <= age <= 130:
            return AgeRange.of(age, age, True)
        return None

    # -- field access ----------------------------------------------------------------------
    def value(self, path: str) -> list[tuple[str, Any]]:
        """The values a profile field path denotes, each with its concrete path
        (``witness.family_name`` gives one entry per witness)."""
        head, _, rest = path.partition(".")
        if not rest:
            return [(path, getattr(self.act, head, None))]
        if head == "details":
            return [(path, self.act.details.get(rest))]
        persons = self.act.persons_with(head)
        if not persons:
            return [(path if head != "witness" else f"witness[0].{rest}", None)]
        return [(f"{p.path}.{rest}", getattr(p, rest, None)) for p in persons]


def _rule(key: str, rule: str) -> str:
    return rule or key.removeprefix("val.")


def is_blank(value: Any, path: str) -> bool:
    """Missing for the purpose of mandatory fields (sex 0 = unknown counts as missing)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if path.endswith(".sex"):
        return bool(value == 0)
    if isinstance(value, list | tuple | dict):
        return not value
    return False


def as_int(value: Any) -> int | None:
    """An int (not a bool), or None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value
