"""Duplicate warnings on real encrypted stores: a planted duplicate birth inside and outside
the window, year-only dates, twins, deaths, audited decisions, and roles."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from civreg.demo.synthetic import Generator
from civreg.domain.acts import ActInput
from civreg.errors import CivregError, PermissionDenied
from civreg.models.audit import AuditEntry
from civreg.services.drafts import create_draft
from civreg.services.duplicate_match import candidates_for_act
from civreg.services.duplicates import decide_duplicate, find_duplicates, find_duplicates_for_act
from civreg.services.registration import register_act
from tests.integration.acts_support import received_day

TODAY = date(2025, 6, 1)


def with_child(data: ActInput, family: str, given: str, day: str) -> ActInput:
    persons = tuple(
        replace(p, family_name=family, given_names=given) if p.role == "child" else p
        for p in data.persons
    )
    return replace(
        data, persons=persons, event_date=day, declaration_date="2025-04-01", judgment=None
    )


@pytest.fixture
def planted(login):
    """One registered birth (OUÉDRAOGO Aminata, 12/03/2025) and the data of a second
    declaration of the same child, spelled WEDRAOGO Aminata."""
    reg = login("registrar")
    gen = Generator(reg.profile, random.Random(21), today=TODAY)
    for _ in range(6):  # unrelated acts around the same days
        other = gen.birth(2025)
        create = create_draft(
            reg,
            replace(other, event_date="2025-03-13", declaration_date="2025-04-01", judgment=None),
            today=date(2025, 4, 1),
        )
        register_act(reg, create.id, today=TODAY)
    first = with_child(gen.birth(2025), "OUÉDRAOGO", "Aminata", "2025-03-12")
    view = register_act(reg, create_draft(reg, first, today=received_day(first)).id, today=TODAY)
    again = with_child(first, "WEDRAOGO", "Aminata", "2025-03-12")
    return reg, view, again


def test_planted_duplicate_is_found_with_reasons(planted) -> None:
    reg, view, again = planted
    found = find_duplicates(reg, again)
    assert [c.act_id for c in found] == [view.id]
    c = found[0]
    assert c.global_id == view.global_id and c.score >= 90 and not c.cross_commune
    fields = {r.field: r for r in c.reasons}
    assert fields["subject_name"].new == "WEDRAOGO Aminata"
    assert fields["subject_name"].existing == "OUÉDRAOGO Aminata"
    assert fields["event_date"].score == 100
    assert fields["mother_name"].score == 100


def test_within_window_and_outside(planted) -> None:
    reg, view, again = planted
    assert [c.act_id for c in find_duplicates(reg, replace(again, event_date="2025-03-16"))] == [
        view.id
    ]  # 4 days later: BF window is 5 days
    assert find_duplicates(reg, replace(again, event_date="2025-03-20")) == []


def test_year_only_dates_match_their_year(planted) -> None:
    reg, view, again = planted
    assert [c.act_id for c in find_duplicates(reg, replace(again, event_date="2025"))] == [view.id]
    assert find_duplicates(reg, replace(again, event_date="2023")) == []
    # An existing act with a year-only date is found from a full date in that year.
    gen = Generator(reg.profile, random.Random(4), today=TODAY)
    old = with_child(gen.birth(2024), "ZONGO", "Salif", "2024")
    draft = create_draft(reg, old)  # a draft: "born in 2024", day unknown
    found = find_duplicates(reg, replace(old, event_date="2024-07-15"))
    assert [c.act_id for c in found] == [draft.id]
    assert next(r for r in found[0].reasons if r.field == "event_date").existing == "2024"


def test_twins_and_other_children_are_not_candidates(planted) -> None:
    reg, _view, again = planted
    assert find_duplicates(reg, with_child(again, "WEDRAOGO", "Fatimata", "2025-03-12")) == []
    assert find_duplicates(reg, with_child(again, "SAWADOGO", "Aminata", "2025-03-12")) == []


def test_draft_is_not_its_own_duplicate_and_decisions_are_audited(planted, login) -> None:
    reg, view, again = planted
    draft = create_draft(reg, again)
    assert [c.act_id for c in find_duplicates(reg, again, exclude_act_id=draft.id)] == [view.id]
    with pytest.raises(PermissionDenied):
        decide_duplicate(login("clerk"), draft.id, view.id, "not_duplicate")
    with pytest.raises(CivregError):
        decide_duplicate(reg, draft.id, view.id, "maybe")
    with pytest.raises(CivregError):
        decide_duplicate(reg, draft.id, draft.id, "same_person")
    d = decide_duplicate(reg, draft.id, view.id, "not_duplicate")
    assert d.decision == "not_duplicate" and d.decided_by == "registrar"
    assert find_duplicates(reg, again, exclude_act_id=draft.id) == []
    assert {c.act_id for c in find_duplicates(reg, again)} == {draft.id, view.id}
    with reg.store.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert last.operation == "duplicate.decide" and last.username == "registrar"
        assert view.global_id in last.detail


def test_for_act_from_a_session_and_roles(planted, login) -> None:
    reg, view, again = planted
    draft = create_draft(reg, again)
    with reg.store.read() as s:
        found = candidates_for_act(s, draft.id, reg.profile.duplicate_window_days)
    assert [c.act_id for c in found] == [view.id]
    assert [c.act_id for c in find_duplicates_for_act(login("district"), draft.id)] == [view.id]
    with pytest.raises(PermissionDenied):
        find_duplicates(login("admin"), again)


def test_deaths_are_checked_marriages_are_not(planted) -> None:
    reg, _view, _again = planted
    gen = Generator(reg.profile, random.Random(8), today=TODAY)
    death = gen.death(date(2025, 5, 2))
    view = create_draft(reg, death)
    assert [c.act_id for c in find_duplicates(reg, death)] == [view.id]
    assert find_duplicates(reg, gen.marriage(date(2025, 5, 2))) == []


def test_lookups_use_indexes(planted) -> None:
    """EXPLAIN QUERY PLAN of the duplicate lookups (day, year-only, for an act): no SCAN."""
    reg, view, again = planted
    from civreg.services import search_match

    plans: list[str] = []
    original = search_match.Db.rows

    def spy(self, sql, params=()):
        if "person_search" in sql or "FROM acts" in sql:
            plans.extend(str(r[-1]) for r in original(self, "EXPLAIN QUERY PLAN " + sql, params))
        return original(self, sql, params)

    search_match.Db.rows = spy
    try:
        find_duplicates(reg, again)
        find_duplicates(reg, replace(again, event_date="2025"))
        find_duplicates(reg, replace(again, event_date=""))
        find_duplicates_for_act(reg, view.id)
    finally:
        search_match.Db.rows = original
    assert plans
    assert [p for p in plans if p.startswith("SCAN")] == []


def test_namesake_with_another_mother_is_not_a_candidate(planted) -> None:
    reg, view, again = planted
    other_mother = tuple(
        replace(p, family_name="ZONGO", given_names="Pauline") if p.role == "mother" else p
        for p in again.persons
    )
    assert find_duplicates(reg, replace(again, persons=other_mother)) == []
    spelled = tuple(
        replace(p, family_name=p.family_name.lower()) if p.role == "mother" else p
        for p in again.persons
    )
    assert [c.act_id for c in find_duplicates(reg, replace(again, persons=spelled))] == [view.id]
