"""Given names that are one name in another language's form (``name_equivalents``): the
table is well formed and sourced, no spelling belongs to two names, and the score and the
given-name keys treat two forms of one name as close, and nothing else."""

from __future__ import annotations

import json

import pytest

from civreg.domain.name_equivalents import TABLE, equivalent_keys, one_name
from civreg.domain.names import SIMILAR_THRESHOLD, phonetic
from civreg.resources import resource_path
from civreg.services.search_keys import EQUIVALENT_CLOSENESS, given_firsts, scored_given_keys
from civreg.services.search_score import (
    EQUIVALENT_SCORE,
    NameKey,
    NameQuery,
    Scorer,
    field_score,
)


def _table() -> dict:
    return json.loads(resource_path(TABLE).read_text(encoding="utf-8"))


def _key(name: str) -> str:
    return phonetic(name).replace(" ", "")


def test_every_group_is_sourced_and_holds_two_forms() -> None:
    groups = _table()["groups"]
    assert len(groups) >= 40
    for g in groups:
        assert g["sex"] in (1, 2), g["head"]
        assert len({f.casefold() for f in g["forms"]}) >= 2, g["head"]
        assert g["sources"] and all("http" in s for s in g["sources"]), g["head"]


def test_no_spelling_belongs_to_two_names() -> None:
    seen: dict[str, str] = {}
    for g in _table()["groups"]:
        for form in g["forms"]:
            other = seen.setdefault(_key(form), g["head"])
            assert other == g["head"], (form, other, g["head"])


ONE_NAME = [
    ("Kwesi", "Kouassi"),
    ("Kwesi", "Akwasi"),
    ("Kojo", "Kwadwo"),
    ("Kudjoe", "Kwadwo"),  # another spelling of a listed form (Cudjoe): the same key
    ("Quamina", "Kwame"),
    ("Adjoua", "Adwoa"),
    ("Efua", "Afua"),
    ("Kobina", "Kwabena"),
]
NOT_ONE_NAME = [
    ("Kwasi", "Kofi"),  # two day names
    ("Yaw", "Yaa"),  # the man's and the woman's name of one day
    ("Kwame", "Kwamé Salif"),  # several words: compared word by word by the caller
    ("Moussa", "Kwasi"),  # not in the table
]


@pytest.mark.parametrize(("a", "b"), ONE_NAME)
def test_forms_of_one_name(a: str, b: str) -> None:
    assert one_name(_key(a), _key(b))
    assert one_name(_key(b), _key(a))
    assert _key(b) in equivalent_keys(_key(a))


@pytest.mark.parametrize(("a", "b"), NOT_ONE_NAME)
def test_other_names_are_not_joined(a: str, b: str) -> None:
    assert not one_name(_key(a), _key(b))


def test_the_score_of_two_forms_sits_below_the_same_sound() -> None:
    stored = NameKey.of("Akwasi")
    assert field_score(NameKey.of("Kwesi"), stored.norm, stored.phon) == EQUIVALENT_SCORE
    stored = NameKey.of("Akwasi Adama")  # the second given name left out of the query
    assert SIMILAR_THRESHOLD < field_score(NameKey.of("Kwesi"), stored.norm, stored.phon) < 90
    stored = NameKey.of("Kofi")
    assert field_score(NameKey.of("Kwesi"), stored.norm, stored.phon) < SIMILAR_THRESHOLD


def test_both_names_varied_with_an_equivalent_given_name_reach_the_threshold() -> None:
    # ACHOLI/ACOLI alone scores 73.5; with Kwame for Quamina the person is a hit
    scorer = Scorer(NameQuery.of("ACOLI", "Quamina"), min_family=50.0)
    fam, giv = NameKey.of("ACHOLI"), NameKey.of("Kwame")
    assert scorer.names(fam.norm, fam.phon, giv.norm, giv.phon) >= SIMILAR_THRESHOLD
    other = NameKey.of("Moussa")
    assert scorer.names(fam.norm, fam.phon, other.norm, other.phon) < SIMILAR_THRESHOLD


def test_given_keys_of_the_other_forms_are_fetched_after_the_same_sound() -> None:
    asked = _key("Kwesi")
    scored = dict((k, s) for s, k in scored_given_keys(asked, [_key("Akwasi"), _key("Kofi")]))
    assert scored == {_key("Akwasi"): EQUIVALENT_CLOSENESS}
    # the given-name ranges of the other forms are scanned too (A for Akwasi, Z for Zaynab)
    assert given_firsts(NameKey.of("Kwesi"), False) == {"K", "A", "S"}
    assert given_firsts(NameKey.of("Seynabou"), False) == {"S", "Z", "J"}
    assert given_firsts(NameKey.of("Paul"), False) == {"P"}
