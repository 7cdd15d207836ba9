"""The fast record builder gives exactly the legal content the act was hashed with, for acts
with witnesses, judgments, transcriptions and confidential causes of death."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from civreg.domain.acts import ActInput, ActKind, Judgment, Person
from civreg.exchange.act_import import InvalidRecord, rebuild
from civreg.exchange.records import act_records, fast_legal_content
from civreg.models.act_repo import legal_content
from civreg.models.acts import Act
from civreg.security.audit import content_hash
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from tests.integration.acts_support import received_day

TODAY = date(2025, 6, 20)


def test_fast_content_equals_legal_content(login) -> None:
    clerk, registrar = login("clerk"), login("registrar")
    child = Person(role="child", family_name="SAWADOGO", given_names="Aïcha", sex=2)
    mother = Person(role="mother", family_name="OUÉDRAOGO", given_names="Awa", sex=2, approx_age=30)
    declarant = Person(
        role="declarant", family_name="SAWADOGO", given_names="Issa", sex=1, capacity="father"
    )
    late = ActInput(
        kind=ActKind.BIRTH,
        event_date="2019",
        event_place="Réo",
        declaration_date="2025-06-01",
        persons=(child, mother, declarant),
        judgment=Judgment("TGI Koudougou", "123/2025", "2025-05-30"),
    )
    death = ActInput(
        kind=ActKind.DEATH,
        event_date="2025-06-10",
        event_place="CHR",
        declaration_date="2025-06-12",
        persons=(
            Person(
                role="deceased", family_name="KABORE", given_names="Issa", sex=1, birth_date="1950"
            ),
            replace(declarant, capacity="relative"),
        ),
        details={"cause": {"part1": [{"text": "paludisme", "interval": "3 j"}]}},
    )
    for data in (late, death, replace(late, judgment=None, event_date="2025-06-01")):
        draft = create_draft(clerk, data, today=received_day(data))
        register_act(registrar, draft.id, today=TODAY)
    with registrar.store.read() as s:
        rows = list(s.scalars(select(Act).where(Act.status == "registered")))
        assert len(rows) == 3
        for row in rows:
            assert fast_legal_content(row) == legal_content(row)
            assert content_hash(fast_legal_content(row)) == row.content_hash
        records = act_records(s, [r.uuid for r in rows])
    for record in records:
        rebuilt = rebuild(record)
        assert rebuilt.content_hash == record["content_hash"]
        extra = {**record, "content": {**record["content"], "nickname": "x"}}
        try:
            rebuild(extra)
        except InvalidRecord:
            pass
        else:
            raise AssertionError("an unknown field must be refused")
