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
    given_field_score,
)


def _table() -> dict:
    return json.loads(resource_path(TABLE).read_text(encoding="utf-8"))


def _key(name: str) -> str:
    return phonetic(name).replace(" ", "")


def test_every_group_is_sourced_and_holds_two_forms() -> None:
    groups = _table()["groups"]
    assert len(groups) == 40
    for g in groups:
        assert g["sex"] in (1, 2), g["head"]
        assert len({f.casefold() for f in g["forms"]}) >= 2, g["head"]
        assert g["sources"] and all("http" in s for s in g["sources"]), g["head"]


# Forms under four letters join many other names by sound: only these common ones are kept.
SHORT_FORMS = {"Yaw", "Yao", "Yaa", "Afi", "Ama", "Esi", "Isa", "Awa"}


def test_no_form_sounds_like_a_name_kept_apart_or_is_too_short() -> None:
    table = _table()
    apart = {_key(n): n for n in table["kept_apart"]}
    assert "Bakari" in table["kept_apart"] and "Amadou" in table["kept_apart"]
    for g in table["groups"]:
        for form in g["forms"]:
            assert _key(form) not in apart, (form, apart.get(_key(form)))
            assert len(form.replace(" ", "")) >= 4 or form in SHORT_FORMS, form


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
    assert given_field_score(NameKey.of("Kwesi"), stored.norm, stored.phon) == EQUIVALENT_SCORE
    stored = NameKey.of("Akwasi Adama")  # the second given name left out of the query
    score = given_field_score(NameKey.of("Kwesi"), stored.norm, stored.phon)
    assert SIMILAR_THRESHOLD < score < 90
    stored = NameKey.of("Kofi")
    assert given_field_score(NameKey.of("Kwesi"), stored.norm, stored.phon) < SIMILAR_THRESHOLD


def test_family_names_are_not_joined_by_the_table() -> None:
    """KOUAKOU, KOFFI, YAO are family names too (a father's day name): the table's forms
    would join other families to them, so it scores given names only."""
    stored = NameKey.of("KOUAKOU")
    assert field_score(NameKey.of("KWEKU"), stored.norm, stored.phon) < EQUIVALENT_SCORE
    scorer = Scorer(NameQuery.of("KWEKU", "Paul"))
    fam = NameKey.of("KOUAKOU")
    assert scorer.field("f", scorer.q.family, fam.norm, fam.phon) < EQUIVALENT_SCORE
    assert scorer.field("g", NameKey.of("Kweku"), NameKey.of("Kouakou").norm, "KUAKO") == 88


def test_both_names_varied_with_an_equivalent_given_name_reach_the_threshold() -> None:
    # BAMANA/BAMBARA alone scores 65; with Kwame for Quamina the person is a hit
    scorer = Scorer(NameQuery.of("BAMANA", "Quamina"), min_family=50.0)
    fam, giv = NameKey.of("BAMBARA"), NameKey.of("Kwame")
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
