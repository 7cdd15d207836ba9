"""Acts for the rule tests (mentions, received date, foundlings): built, drafted and registered
through the real services with one fixed day standing for the clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from civreg.domain.acts import ActInput, ActKind, ActView, Person, Transcription
from civreg.services.context import Ctx
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act

TODAY = date(2025, 6, 20)


def days_ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def birth(
    event: str,
    *,
    family: str = "OUEDRAGO",
    given: str = "Aïcha",
    sex: int = 2,
    post_nom: str = "",
    declared: str = "",
) -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=event,
        event_time="08:30",
        event_place="CMA de Koudougou",
        event_place_type="health_facility",
        declaration_date=declared,
        persons=(
            Person("child", family_name=family, post_nom=post_nom, given_names=given, sex=sex),
            Person(
                "mother", family_name="SAWADOGO", given_names="Mariam", sex=2, birth_date="1990"
            ),
            Person(
                "declarant", family_name="SAWADOGO", given_names="Mariam", sex=2, capacity="mother"
            ),
        ),
        details={"multiplicity": "single"},
    )


def spouse(role: str, family: str, given: str, sex: int, born: str, ref: str = "") -> Person:
    return Person(
        role,
        family_name=family,
        given_names=given,
        sex=sex,
        birth_date=born,
        marital_status="single",
        previous_marital_status="single",
        birth_act_ref=ref,
    )


def marriage(on: str, s1: Person, s2: Person, *, option: str | None = "monogamy") -> ActInput:
    witnesses = tuple(
        Person("witness", position=i, family_name="KABORE", given_names=name, birth_date="1980")
        for i, name in ((1, "Salif"), (2, "Rasmata"))
    )
    details: dict = {"form": "civil"}
    if option:
        details["option"] = option
    return ActInput(
        kind=ActKind.MARRIAGE,
        event_date=on,
        event_time="10:00",
        event_place="Mairie de Koudougou",
        persons=(s1, s2, *witnesses),
        details=details,
    )


def death(on: str, deceased: Person) -> ActInput:
    return ActInput(
        kind=ActKind.DEATH,
        event_date=on,
        event_place="CHR de Koudougou",
        persons=(
            deceased,
            Person(
                "declarant", family_name="ZONGO", given_names="Paul", sex=1, capacity="relative"
            ),
        ),
    )


def register(clerk: Ctx, registrar: Ctx, data: ActInput, today: date = TODAY) -> ActView:
    """Drafted and registered the same day (the day the office received the declaration)."""
    draft = create_draft(clerk, data, today=today)
    return register_act(registrar, draft.id, today=today)


def for_drc(data: ActInput) -> ActInput:
    """A birth in the DRC: the child has a post-nom."""
    persons = tuple(
        replace(p, post_nom=p.post_nom or "MBUYI") if p.role == "child" else p for p in data.persons
    )
    return replace(data, persons=persons)


def received_day(data: ActInput, default: date = TODAY) -> date:
    """The day a test's declaration reached the office: its typed declaration date, when it
    has one (the clock's day at the counter; see civreg.domain.validation_reception)."""
    return date.fromisoformat(data.declaration_date) if data.declaration_date else default


def transcribed(data: ActInput, number: int, on: str) -> ActInput:
    """A paper act digitised: number ``number`` of the paper register, drawn up ``on``."""
    return replace(data, transcription=Transcription(number, on), declaration_date=on)
