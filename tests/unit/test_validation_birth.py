"""Validation of birth acts in Burkina Faso and the DR Congo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from civreg.domain.acts import ActInput, ActKind, Judgment, Person, Transcription
from civreg.domain.profile import CountryProfile, load_profile
from civreg.domain.validation import validate, validate_or_raise
from civreg.errors import FieldProblem, ValidationError

TODAY = date(2025, 6, 30)
JUDGMENT = Judgment("Tribunal de grande instance de Koudougou", "JS 117/2025", "2025-05-28")


@pytest.fixture(scope="module")
def bf() -> CountryProfile:
    return load_profile("BF")


@pytest.fixture(scope="module")
def cd() -> CountryProfile:
    return load_profile("CD")


def birth(born: str = "2025-03-01", declared: str = "2025-04-19", **changes: object) -> ActInput:
    act = ActInput(
        kind=ActKind.BIRTH,
        event_date=born,
        event_time="07:45",
        event_place="BLK01-L002",
        event_place_type="health_facility",
        declaration_date=declared,
        persons=(
            Person("child", family_name="Bationo", given_names="Aïcha", sex=2),
            Person(
                "mother",
                family_name="Kaboré",
                given_names="Salimata",
                sex=2,
                birth_date="1996-08-14",
            ),
            Person("father", family_name="Bationo", given_names="Jean", sex=1, birth_date="1990"),
            Person(
                "declarant", family_name="Bationo", given_names="Jean", sex=1, capacity="father"
            ),
        ),
        details={"weight_grams": 3150, "multiplicity": "single", "birth_order": 1},
    )
    return replace(act, **changes)


def with_person(act: ActInput, role: str, **changes: object) -> ActInput:
    persons = tuple(replace(p, **changes) if p.role == role else p for p in act.persons)
    return replace(act, persons=persons)


def run(act: ActInput, profile: CountryProfile, registering: bool = True) -> list[FieldProblem]:
    return validate(act, profile, today=TODAY, for_registration=registering)


def errors(problems: list[FieldProblem]) -> set[tuple[str, str]]:
    return {(p.path, p.key) for p in problems if p.severity == "error"}


def warnings(problems: list[FieldProblem]) -> set[tuple[str, str]]:
    return {(p.path, p.key) for p in problems if p.severity == "warning"}


def test_bf_birth_declared_at_seven_weeks_is_accepted(bf: CountryProfile) -> None:
    assert run(birth(declared="2025-04-19"), bf) == []  # 49 days after the birth
    assert validate_or_raise(birth(), bf, today=TODAY) == []


def test_bf_birth_declared_at_three_months_needs_a_judgment(bf: CountryProfile) -> None:
    late = birth(declared="2025-06-01")
    assert errors(run(late, bf)) == {("judgment", "val.late.judgment_required")}
    with pytest.raises(ValidationError) as info:
        validate_or_raise(late, bf, today=TODAY)
    assert "jugement supplétif" in info.value.message("fr")
    assert "court judgment" in info.value.message("en")


def test_bf_late_birth_is_accepted_with_a_judgment(bf: CountryProfile) -> None:
    assert run(birth(declared="2025-06-01", judgment=JUDGMENT), bf) == []


def test_bf_deadline_last_day_is_in_time(bf: CountryProfile) -> None:
    assert run(birth(declared="2025-05-01"), bf) == []
    assert errors(run(birth(declared="2025-05-02"), bf)) == {
        ("judgment", "val.late.judgment_required")
    }


def test_drc_birth_at_80_days_is_accepted(cd: CountryProfile) -> None:
    act = with_person(birth(declared="2025-05-20"), "declarant", post_nom="Mbuyi")
    assert run(act, cd) == []


def test_drc_birth_at_100_days_needs_a_judgment(cd: CountryProfile) -> None:
    act = birth(declared="2025-06-09")
    assert errors(run(act, cd)) == {("judgment", "val.late.judgment_required")}
    ok = replace(
        act, judgment=Judgment("Tribunal de paix de Kinshasa/Gombe", "RC 4521", "2025-06-02")
    )
    assert run(ok, cd) == []


def test_late_declaration_on_a_draft_only_warns(bf: CountryProfile) -> None:
    problems = run(birth(declared="2025-06-01"), bf, registering=False)
    assert warnings(problems) == {("judgment", "val.late.judgment_required")}
    assert errors(problems) == set()


def test_transcription_of_a_paper_act_needs_no_judgment(bf: CountryProfile) -> None:
    act = birth(
        born="2024-01-10", declared="2025-06-01", transcription=Transcription(37, "2024-01-20")
    )
    assert run(act, bf) == []
    bad = replace(act, transcription=Transcription(0, "2024-13-01"))
    assert errors(run(bad, bf)) == {
        ("transcription.original_number", "val.transcription.number_invalid"),
        ("transcription.original_date", "date.impossible"),
    }


def test_an_incomplete_or_impossible_judgment_is_refused(bf: CountryProfile) -> None:
    act = birth(declared="2025-06-01", judgment=Judgment("", " ", "2025-08-01"))
    assert errors(run(act, bf)) == {
        ("judgment.court", "val.judgment.court_required"),
        ("judgment.number", "val.judgment.number_required"),
        ("judgment.date", "val.judgment.date_future"),
    }
    before = birth(declared="2025-06-01", judgment=replace(JUDGMENT, date="2025-02-01"))
    assert errors(run(before, bf)) == {("judgment.date", "val.judgment.before_event")}
    partial = birth(declared="2025-06-01", judgment=replace(JUDGMENT, date="2025-05"))
    assert errors(run(partial, bf)) == {("judgment.date", "val.date.must_be_full")}


def test_partial_birth_date_is_read_in_the_declarants_favour(bf: CountryProfile) -> None:
    # born some day in March: the deadline runs from 31 March, never from an invented day
    problems = run(birth(born="2025-03", declared="2025-05-30"), bf)
    assert errors(problems) == set()
    assert warnings(problems) == {("event_date", "val.event_date.partial")}
    assert errors(run(birth(born="2025-03", declared="2025-06-01"), bf)) == {
        ("judgment", "val.late.judgment_required")
    }


def test_future_birth_date_message(bf: CountryProfile) -> None:
    problems = run(birth(born="2025-07-02", declared=""), bf)
    [future] = [p for p in problems if p.path == "event_date"]
    assert future.message("fr") == "La date de naissance de l'enfant est dans le futur."
    assert future.message("en") == "The child's date of birth is in the future."


def test_dates_and_times_must_be_valid(bf: CountryProfile) -> None:
    assert ("event_date", "date.impossible") in errors(run(birth(born="2025-02-30"), bf))
    assert ("event_date", "date.invalid") in errors(run(birth(born="1/3/2025"), bf))
    assert ("event_time", "val.event_time.invalid") in errors(run(birth(event_time="24:10"), bf))
    assert ("declaration_date", "val.declaration.before_event") in errors(
        run(birth(declared="2025-02-27"), bf)
    )
    assert ("declaration_date", "val.date.must_be_full") in errors(
        run(birth(declared="2025-04"), bf)
    )


def test_mandatory_fields_block_registration_but_not_a_draft(bf: CountryProfile) -> None:
    act = with_person(birth(event_place=""), "child", given_names="", sex=0)
    expected = {
        ("event_place", "val.required"),
        ("child.given_names", "val.required"),
        ("child.sex", "val.required"),
    }
    assert errors(run(act, bf)) == expected
    draft = run(act, bf, registering=False)
    assert errors(draft) == set() and warnings(draft) == expected
    no_mother = replace(act, persons=tuple(p for p in act.persons if p.role != "mother"))
    assert ("mother.family_name", "val.required") in errors(run(no_mother, bf))


def test_sexes_of_parents_and_codes(bf: CountryProfile) -> None:
    act = with_person(with_person(birth(), "mother", sex=1), "father", sex=2)
    assert errors(run(act, bf)) == {
        ("mother.sex", "val.sex.mother"),
        ("father.sex", "val.sex.father"),
    }
    assert errors(run(with_person(birth(), "child", sex=5), bf)) == {
        ("child.sex", "val.sex.invalid")
    }


def test_birth_date_or_age_not_both(bf: CountryProfile) -> None:
    act = with_person(birth(), "father", approx_age=35)
    assert errors(run(act, bf)) == {("father.approx_age", "val.person.date_and_age")}
    assert run(with_person(birth(), "father", birth_date="", approx_age=35), bf) == []


def test_unusual_mother_age_is_a_warning(bf: CountryProfile) -> None:
    young = with_person(birth(), "mother", birth_date="2013-01-05")  # 12 at the birth
    problems = run(young, bf)
    assert errors(problems) == set()
    [warning] = [p for p in problems if p.severity == "warning"]
    assert (warning.path, warning.key) == ("mother.birth_date", "val.mother.age_unusual")
    assert "13" in warning.message("fr") and "50" in warning.message("en")
    old = with_person(birth(), "mother", birth_date="", approx_age=53)
    assert warnings(run(old, bf)) == {("mother.approx_age", "val.mother.age_unusual")}
    # year-only birth that may or may not make her 50: no warning (never invent a day)
    edge = with_person(birth(), "mother", birth_date="1974")
    assert run(edge, bf) == []


def test_parent_born_after_the_child_is_an_error(bf: CountryProfile) -> None:
    act = with_person(birth(), "father", birth_date="2025-04")
    assert ("father.birth_date", "val.person.born_after_event") in errors(run(act, bf))


def test_declarant_capacity_comes_from_the_profile(bf: CountryProfile, cd: CountryProfile) -> None:
    neighbour = with_person(birth(), "declarant", capacity="present_at_birth")
    assert run(neighbour, bf) == []
    # DRC art. 117: failing the parents, a person present at the birth (or an ascendant, a
    # close relative) declares; refused before issue 10
    assert errors(run(neighbour, cd)) == set()
    grandmother = with_person(birth(), "declarant", capacity="ascendant")
    assert errors(run(grandmother, cd)) == set()
    clinic = with_person(birth(), "declarant", capacity="health_facility")
    assert errors(run(clinic, cd)) == {("declarant.capacity", "val.declarant.capacity_not_allowed")}
    proxy = with_person(birth(), "declarant", capacity="proxy")
    assert errors(run(proxy, bf)) == {("declarant.capacity", "val.declarant.capacity_not_allowed")}
    assert errors(run(proxy, cd)) == {
        ("details.power_of_attorney_ref", "val.declarant.document_required")
    }
    with_power = proxy.with_details(power_of_attorney_ref="PROC-2025-0012")
    assert run(with_power, cd) == []


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (3150, set()),
        (5800, set()),
        (6400, {("details.weight_grams", "val.birth.weight_unusual", "warning")}),
        (450, {("details.weight_grams", "val.birth.weight_unusual", "warning")}),
        (250, {("details.weight_grams", "val.birth.weight_implausible", "error")}),
        (32000, {("details.weight_grams", "val.birth.weight_implausible", "error")}),
        ("3.2kg", {("details.weight_grams", "val.number.invalid", "error")}),
    ],
)
def test_birth_weight(bf: CountryProfile, weight: object, expected: set) -> None:
    problems = run(birth().with_details(weight_grams=weight), bf)
    assert {(p.path, p.key, p.severity) for p in problems} == expected


def test_multiple_births(bf: CountryProfile) -> None:
    twin = birth().with_details(multiplicity="twin", birth_order=None)
    assert errors(run(twin, bf)) == {("details.birth_order", "val.birth.order_required")}
    assert run(twin.with_details(birth_order=2), bf) == []
    assert errors(run(twin.with_details(birth_order=3), bf)) == {
        ("details.birth_order", "val.birth.order_invalid")
    }
    assert errors(run(birth().with_details(birth_order=2), bf)) == {
        ("details.birth_order", "val.birth.order_invalid")
    }
    assert errors(run(birth().with_details(multiplicity="quadruplet", birth_order=4), bf)) == {
        ("details.multiplicity", "val.birth.multiplicity_unknown")
    }


def test_child_birth_date_must_match_the_event(bf: CountryProfile) -> None:
    act = with_person(birth(), "child", birth_date="2025-03-02")
    assert errors(run(act, bf)) == {("child.birth_date", "val.birth.child_date_mismatch")}
    assert run(with_person(birth(), "child", birth_date="2025-03-01"), bf) == []


def test_unknown_role_is_refused(bf: CountryProfile) -> None:
    act = replace(birth(), persons=(*birth().persons, Person("godfather", family_name="X")))
    assert errors(run(act, bf)) == {("godfather", "val.person.role_unknown")}
