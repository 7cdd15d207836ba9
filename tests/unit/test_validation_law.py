"""Issue 10 in the domain: dated rule sets (choice, parsing, overrides), field labels, text
limits, the structured dot. The legal cases themselves are in the scenario tables
(tests/integration/scenarios_*.txt)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from civreg.domain.acts import ROLES, ActInput, ActKind, Person
from civreg.domain.bride_price import BridePrice, bride_price_text
from civreg.domain.dates import PartialDate
from civreg.domain.field_labels import field_label
from civreg.domain.profile import ProfileError, load_profile, load_profile_file
from civreg.domain.profile_law import bad_characters
from civreg.domain.validation import validate
from civreg.errors import FieldProblem, ValidationError
from civreg.resources import resource_path


def _law(code: str, event: str) -> tuple[str, str]:
    law, how = load_profile(code).for_event(PartialDate.from_iso(event), date(2026, 11, 30))
    return (law.rule_set.id if law.rule_set else "", how)


@pytest.mark.parametrize(
    ("code", "event", "expected"),
    [
        ("BF", "2010-06-12", ("BF-CPF-1989", "exact")),
        ("BF", "2025-09-24", ("BF-CPF-1989", "exact")),  # last day of the 1989 code
        ("BF", "2025-09-25", ("BF-CPF-2025", "exact")),  # first day of the 2025 code
        ("BF", "2025", ("BF-CPF-2025", "ambiguous")),  # spans the change: later law, warned
        ("BF", "1985-07-01", ("BF-CPF-1989", "before_first")),
        ("CD", "2016-07-14", ("CD-CF-1987", "exact")),
        ("CD", "2016-07-15", ("CD-CF-2016", "exact")),
        ("CD", "2016-07", ("CD-CF-2016", "ambiguous")),
    ],
)
def test_the_rule_set_in_force_on_the_event(code: str, event: str, expected: tuple) -> None:
    assert _law(code, event) == expected


def test_rule_sets_carry_the_law_of_their_time() -> None:
    bf, cd = load_profile("BF"), load_profile("CD")
    old, new = bf.variants["BF-CPF-1989"], bf.variants["BF-CPF-2025"]
    assert (old.marriage.min_age_for(1), old.marriage.min_age_for(2)) == (20, 17)
    assert (new.marriage.min_age_for(1), new.marriage.min_age_for(2)) == (18, 18)
    assert new.marriage.dispensation_age_for(2) == 16
    assert old.marriage.forms == ("civil",)
    assert "customary_registration" in new.marriage.forms
    assert cd.variants["CD-CF-1987"].deadline(ActKind.BIRTH).days == 30
    assert cd.variants["CD-CF-2016"].deadline(ActKind.BIRTH).days == 90
    assert cd.variants["CD-CF-2016"].marriage.dispensation_min_age is None
    # citations come from the rule set; "?" reads as an article to confirm
    assert old.cite("marriage.min_age") == "CPF 1989, art. 238"
    assert new.cite("marriage.min_age") == "CPF 2025 ?"
    problem = FieldProblem("x", "val.required", source="CPF 2025 ?")
    assert problem.message("en").endswith("(CPF 2025, article to confirm)")
    # today's law (the top-level tables) is the latest rule set's
    assert bf.marriage.min_age_for(2) == new.marriage.min_age_for(2)


def test_an_administrators_override_corrects_every_period() -> None:
    stricter = load_profile("CD", {"marriage": {"min_age": {"male": 21}}})
    assert stricter.variants["CD-CF-1987"].marriage.min_age_for(1) == 21
    assert stricter.variants["CD-CF-2016"].marriage.min_age_for(1) == 21


def _copy(tmp_path: Path, text_edit) -> Path:
    src = Path(str(resource_path("countries")))
    for name in ("BF.toml", "BF-geography.csv"):
        (tmp_path / name).write_bytes((src / name).read_bytes())
    toml = tmp_path / "BF.toml"
    toml.write_text(text_edit(toml.read_text(encoding="utf-8")), encoding="utf-8")
    return toml


@pytest.mark.parametrize(
    ("edit", "entry"),
    [
        (
            lambda s: s.replace("effective_to = 2025-09-24", "effective_to = 2025-09-25"),
            "rule_sets[BF-CPF-2025].effective_from",
        ),  # overlapping periods
        (
            lambda s: s.replace("min_age = { male = 20, female = 17 }", "min_age = { male = -1 }"),
            "rule_sets[BF-CPF-1989].marriage.min_age",
        ),  # a bad value inside a rule set
        (
            lambda s: s.replace('short = "CPF 1989"', 'short = "CPF 1989"\nmotto = "x"'),
            "rule_sets[BF-CPF-1989].motto",
        ),  # not a law value that changes by date
        (
            lambda s: s.replace("effective_from = 1990-08-04", 'effective_from = "août 1990"'),
            "rule_sets[BF-CPF-1989].effective_from",
        ),
    ],
)
def test_a_bad_rule_set_is_refused_with_its_entry(tmp_path: Path, edit, entry: str) -> None:
    with pytest.raises(ProfileError) as info:
        load_profile_file(_copy(tmp_path, edit))
    assert info.value.entry.startswith(entry), info.value.entry


def test_every_field_a_form_can_hold_has_a_label() -> None:
    """No message may show an internal path: every role and person field reads as words."""
    for kind, roles in ROLES.items():
        for role in roles:
            for f in fields(Person):
                if f.name in ("role", "position"):
                    continue
                path = f"{role}[1].{f.name}" if role == "witness" else f"{role}.{f.name}"
                for lang in ("fr", "en"):
                    label = field_label(path, lang)
                    assert "_" not in label and role not in label, (kind, path, label)
    for f in fields(ActInput):
        if f.name not in ("kind", "persons", "details"):
            assert "_" not in field_label(f.name, "fr"), f.name
    assert field_label("details.prior_marriages[0].ended_judgment.date", "fr") == (
        "Mariage antérieur 1 — jugement — date"
    )
    assert field_label("details.cause.part1[1].text", "en") == "Cause of death, part 1, line b"


def test_validation_error_names_fields_as_a_clerk_does() -> None:
    problems = [FieldProblem("spouse2.birth_date", "val.required", source="CPF 1989, art. 238")]
    text = ValidationError(problems).message("fr")
    assert "Second époux — date de naissance" in text and "spouse2" not in text
    assert "(CPF 1989, art. 238)" in text


@pytest.mark.parametrize(
    ("text", "charset", "bad"),
    [
        ("Éléonore N'Dri-Awa", "name", False),
        ("Ngozi Nwankwọ", "name", False),  # combining and precomposed marks
        ("Ibrahim2", "name", True),
        ("A\tB", "name", True),
        ("CHU de Koudougou, pavillon 2", "text", False),
        ("ligne\nsuivante", "text", True),
        ("ligne\nsuivante", "multiline", False),
        ("zéro\u200bespace", "text", True),  # an invisible format character
    ],
)
def test_characters_allowed(text: str, charset: str, bad: bool) -> None:
    assert bad_characters(text, charset) is bad


def test_every_text_of_an_act_is_limited() -> None:
    bf = load_profile("BF")
    act = ActInput(
        kind=ActKind.DEATH,
        event_date="2026-10-01",
        persons=(Person("deceased", family_name="K" * 61, given_names="Paul", sex=1),),
        details={"cause": {"part1": [{"text": "x" * 201}], "part2": []}},
    )
    found = {
        (p.path, p.key)
        for p in validate(act, bf, today=date(2026, 10, 5), for_registration=False)
        if p.rule == "text.limits"
    }
    assert found == {
        ("deceased.family_name", "val.text.too_long"),
        ("details.cause.part1[0].text", "val.text.too_long"),
    }


def test_the_dot_reads_as_words_never_as_a_mapping() -> None:
    value = {"amount": 1500, "currency": "USD", "status": "partly_paid"}
    assert bride_price_text(value, "fr") == "1\u202f500 USD, versée en partie"
    assert bride_price_text(value, "en") == "1\u202f500 USD, partly paid"
    symbolic = {"description": "une chèvre", "status": "paid"}
    assert bride_price_text(symbolic, "fr") == "une chèvre, versée"
    assert BridePrice.parse(symbolic)[0] == BridePrice(None, "", "paid", "une chèvre")
    assert "{" not in bride_price_text({"amount": 5, "currency": "CDF"}, "fr")
