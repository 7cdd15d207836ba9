"""The register's and the search box's rows (``queries.act_rows``, read below the ORM) say
what the store holds: the subject of each kind of act, cancellations, drafts, the order
asked for; checked against an independent plain-SQL reading of the filled store."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import text

from civreg.services.queries import act_rows

SUBJECT = {"birth": "child", "marriage": "spouse1", "death": "deceased"}


def _expected(ctx: Any) -> dict[int, tuple]:
    with ctx.store.read() as s:
        acts = s.execute(
            text(
                "SELECT id, kind, status, centre, year, number, global_id, event_date,"
                " event_place, late FROM acts"
            )
        ).all()
        persons = s.execute(
            text("SELECT act_id, role, family_name, post_nom, given_names FROM act_persons")
        ).all()
        cancelled = set(s.scalars(text("SELECT act_id FROM mentions WHERE kind = 'cancellation'")))
    kinds = {a[0]: a[1] for a in acts}
    subject = {}
    for act_id, role, fam, post, given in persons:
        if role == SUBJECT[kinds[act_id]]:
            subject[act_id] = " ".join(x for x in (fam.upper(), post.upper(), given) if x)
    return {a[0]: (*a[:9], subject.get(a[0], ""), a[0] in cancelled, bool(a[9])) for a in acts}


def _fields(r: Any) -> tuple:
    """A row's fields in ``_expected``'s order."""
    return (
        r.id,
        r.kind,
        r.status,
        r.centre,
        r.year,
        r.number,
        r.global_id,
        r.event_date,
        r.event_place,
        r.subject,
        r.cancelled,
        r.late,
    )


def test_rows_are_the_store_s_in_the_order_asked(district_ctx: Any) -> None:
    expected = _expected(district_ctx)
    kinds = {row[1] for row in expected.values()}
    assert kinds == {"birth", "marriage", "death"}
    assert sum(row[10] for row in expected.values()) == 3  # the three cancelled acts
    ids = list(expected)
    random.Random(5).shuffle(ids)
    asked = [*ids[:40], 10**9, *ids[40:]]  # an id that does not exist is left out
    rows = act_rows(district_ctx, asked)
    assert [r.id for r in rows] == ids
    for r in rows:
        assert _fields(r) == expected[r.id]
        assert r.subject  # every act of the filled store has its subject
    assert {r.id for r in rows if r.cancelled} == {i for i, e in expected.items() if e[10]}


def test_more_ids_than_one_statement_takes(district_ctx: Any, monkeypatch) -> None:
    """Ids are read in chunks (of 7 here): every chunk's rows, in the order asked, repeats
    included; kinds and statuses as the domain's enums, ``late`` as a bool."""
    from civreg.domain.acts import ActKind, ActStatus
    from civreg.services import queries

    monkeypatch.setattr(queries, "_CHUNK", 7)
    expected = _expected(district_ctx)
    ids = sorted(expected)
    asked = [*ids, *ids[:30]]
    rows = act_rows(district_ctx, asked)
    assert [r.id for r in rows] == asked
    for r in rows:
        assert _fields(r) == expected[r.id]
        assert isinstance(r.kind, ActKind) and isinstance(r.status, ActStatus)
        assert isinstance(r.late, bool)


@pytest.mark.postgres
def test_rows_on_postgresql(pg_url: str, pg_district: Any) -> None:
    """The same reading on a district store on PostgreSQL (``?`` placeholders rewritten,
    booleans as booleans): registered acts and a draft."""
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from tests.integration.test_registration_rows import _pg_registrar
    from tests.security.test_rollback import _birth

    reg = _pg_registrar(pg_url, pg_district)
    try:
        done = [
            register_act(reg, create_draft(reg, _birth(g, 3 + i)).id).id
            for i, g in enumerate(("Ali", "Awa"))
        ]
        draft = create_draft(reg, _birth("Issa", 2)).id
        rows = act_rows(reg, [draft, *done])
        expected = _expected(reg)
    finally:
        reg.close()
    assert [r.id for r in rows] == [draft, *done]
    assert [r.status for r in rows] == ["draft", "registered", "registered"]
    assert rows[0].subject == "SAWADOGO Issa"
    for r in rows:
        assert _fields(r) == expected[r.id]
