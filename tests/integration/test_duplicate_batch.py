"""The duplicate check of a whole imported batch (``services/duplicate_batch.py``) gives, act
for act, the cross-commune candidates the act-by-act check (``candidates_for_act``) gives:
on a store holding several communes' acts with day, month and year-only dates, spelling
variants, a crowd of namesakes larger than the candidate list, deaths, and decisions that two
acts are not duplicates."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

sys.path.insert(0, str(Path(__file__).parents[1]))  # --import-mode=importlib: conftest
from conftest import PASSWORDS, copy_store

from civreg.demo.synthetic import Generator
from civreg.domain.acts import ActInput
from civreg.models.acts import Act
from civreg.services import duplicate_batch
from civreg.services.drafts import create_draft
from civreg.services.duplicate_match import (
    MAX_CANDIDATES,
    DuplicateCandidate,
    candidates_for_act,
)
from civreg.services.duplicates import decide_duplicate

TODAY = date(2025, 12, 1)
FAMILIES = ("OUÉDRAOGO", "WEDRAOGO", "OUEDRAOGO", "KABORÉ", "KABORE", "SAWADOGO", "ZONGO")
GIVEN = ("Aminata", "Aminatta", "Paul", "Salif", "Fatimata")


def _child(data: ActInput, family: str, given: str, day: str, mother: str = "") -> ActInput:
    def change(p):
        if p.role in ("child", "deceased"):
            return replace(p, family_name=family, given_names=given)
        if p.role == "mother" and mother:
            return replace(p, family_name="ZONGO", given_names=mother)
        return p

    return replace(
        data,
        persons=tuple(change(p) for p in data.persons),
        event_date=day,
        declaration_date="2025-11-01",
        judgment=None,
    )


def _one_by_one(s, ids: list[int], days: int) -> dict[int, list[DuplicateCandidate]]:
    out = {}
    for act_id in ids:
        cross = [c for c in candidates_for_act(s, act_id, days) if c.cross_commune]
        if cross:
            out[act_id] = cross
    return out


@pytest.fixture(scope="module")
def crowded(tmp_path_factory, template_dir):
    """A BF store whose drafts are spread over three communes (as a district's store holds
    them), with the window days of the profile."""
    from civreg.services.store_access import login

    path = copy_store(template_dir("BF"), tmp_path_factory.mktemp("crowded") / "bf")
    reg = login(path, "registrar", PASSWORDS["registrar"])
    rng = random.Random(17)
    gen = Generator(reg.profile, random.Random(5), today=TODAY)
    ids: list[int] = []
    start = date(2025, 1, 1)
    for n in range(140):
        day = start + timedelta(days=rng.randrange(0, 200))
        shape = rng.random()
        when = day.isoformat() if shape < 0.8 else day.isoformat()[:7] if shape < 0.93 else "2025"
        mother = rng.choice(("Awa", "Mariam"))
        base = gen.death(date(2025, 11, 1)) if n % 5 == 4 else gen.birth(2025)
        data = _child(base, rng.choice(FAMILIES), rng.choice(GIVEN), when, mother)
        ids.append(create_draft(reg, data).id)
    # A crowd: more namesakes on one day than the candidate list holds, in every commune.
    crowd = _child(gen.birth(2025), "KABORE", "Issa", "2025-03-03", "Awa")
    for _ in range(MAX_CANDIDATES + 6):
        ids.append(create_draft(reg, crowd).id)
    with reg.store.write() as s:
        for i, act_id in enumerate(ids):
            s.execute(
                text("UPDATE acts SET commune = :c WHERE id = :i"),
                {"c": ("11", "12", "13")[rng.randrange(3) if i < 140 else i % 3], "i": act_id},
            )
    # Pairs the registrar said are not the same person: left out of each other's candidates.
    days = reg.profile.duplicate_window_days
    with reg.store.read() as s:
        pairs = [
            (a, c.act_id)
            for a in ids[:60]
            for c in candidates_for_act(s, a, days)[:1]
            if c.cross_commune
        ]
    assert len(pairs) >= 5
    for a, b in pairs[:5]:
        decide_duplicate(reg, a, b, "not_duplicate")
    yield reg, ids, days
    reg.close()


@pytest.mark.parametrize("span_days", [62, 1, 400])
def test_batch_check_equals_the_check_act_by_act(crowded, monkeypatch, span_days) -> None:
    reg, ids, days = crowded
    monkeypatch.setattr(duplicate_batch, "SPAN_DAYS", span_days)
    with reg.store.read() as s:
        one_by_one = _one_by_one(s, ids, days)
        together = duplicate_batch.cross_commune_duplicates(s, ids, days)
        part = ids[::3]
        some = duplicate_batch.cross_commune_duplicates(s, part, days)
    assert len(one_by_one) >= 40  # the store is crowded enough to say something
    crowd = ids[-1]
    assert len(one_by_one[crowd]) < MAX_CANDIDATES < len(ids[140:]) - 1  # the list is cut
    assert together == one_by_one
    assert some == {k: v for k, v in one_by_one.items() if k in part}


def test_decisions_and_kinds(crowded) -> None:
    reg, ids, days = crowded
    with reg.store.read() as s:
        decided = list(s.execute(text("SELECT act_id, candidate_act_id FROM duplicate_decisions")))
        found = duplicate_batch.cross_commune_duplicates(s, ids, days)
        kinds = {i: k for i, k in s.execute(select(Act.id, Act.kind))}
    assert len(decided) == 5
    for a, b in decided:  # a decision holds both ways
        assert b not in {c.act_id for c in found.get(a, [])}
        assert a not in {c.act_id for c in found.get(b, [])}
    assert {kinds[c.act_id] for cs in found.values() for c in cs} == {"birth", "death"}
