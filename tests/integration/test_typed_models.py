"""The models carry the domain's enums (Mapped[ActKind], Mapped[ActStatus]) while the columns
stay plain text that SQL, Alembic and other offices read as before."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from civreg.domain.acts import ActInput, ActKind, ActStatus, Person
from civreg.models.acts import Act, Register
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from tests.integration.acts_support import received_day


def _birth() -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date="2025-06-02",
        event_time="08:15",
        event_place="CSPS",
        event_place_type="health_facility",
        declaration_date="2025-06-19",
        persons=(
            Person(role="child", family_name="KABORE", given_names="Paul", sex=1),
            Person(role="father", family_name="KABORE", given_names="Issa", sex=1),
            Person(role="mother", family_name="OUEDRAOGO", given_names="Awa", sex=2),
            Person(
                role="declarant", family_name="KABORE", given_names="Issa", sex=1, capacity="father"
            ),
        ),
        details={"multiplicity": "single"},
    )


def test_kind_and_status_load_as_enums_and_are_stored_as_text(login) -> None:
    clerk, registrar = login("clerk"), login("registrar")
    draft = create_draft(clerk, _birth(), today=received_day(_birth()))
    register_act(registrar, draft.id, today=date(2025, 6, 20))
    with registrar.store.read() as s:
        row = s.scalar(select(Act).where(Act.id == draft.id))
        assert row is not None
        assert type(row.kind) is ActKind and row.kind is ActKind.BIRTH
        assert type(row.status) is ActStatus and row.status is ActStatus.REGISTERED
        reg = s.scalar(select(Register))
        assert reg is not None and type(reg.kind) is ActKind
        raw = s.execute(text("SELECT kind, status FROM acts WHERE id = :i"), {"i": draft.id})
        assert tuple(raw.one()) == ("birth", "registered")
        # queries may still compare with the text value
        assert s.scalar(select(Act.id).where(Act.kind == "birth", Act.id == draft.id))
