"""The act form's values ↔ ActInput, without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.ui.form_mapping import (
    bride_price_text,
    bride_price_value,
    field_values,
    person_path,
    to_input,
)


def test_mapping_module_imports_no_qt() -> None:
    code = "import sys, civreg.ui.form_mapping; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_birth_values_to_input_and_back() -> None:
    values = {
        "event_date": "2026-11-24",
        "event_time": "08:30",
        "event_place": "Koudougou",
        "event_place_type": "health_facility",
        "child.family_name": "Ouédraogo",
        "child.given_names": "Aïcha",
        "child.sex": "2",
        "mother.family_name": "Sawadogo",
        "mother.given_names": "Mariam",
        "mother.birth_date": "~1995",
        "father.family_name": "",
        "father.given_names": "",
        "declarant.family_name": "Sawadogo",
        "declarant.capacity": "mother",
        "details.multiplicity": "twin",
        "details.birth_order": "2",
        "details.weight_grams": "3100",
    }
    data = to_input(ActKind.BIRTH, values)
    assert data.event_time == "08:30" and data.event_place_type == "health_facility"
    assert [p.role for p in data.persons] == ["child", "mother", "declarant"]  # no empty father
    assert data.person("child").sex == 2
    assert data.person("mother").birth_date == "~1995"
    assert data.details == {"multiplicity": "twin", "birth_order": 2, "weight_grams": 3100}
    back = field_values(data, values)
    assert back == {**values, "father.family_name": "", "father.given_names": ""}


def test_marriage_witnesses_keep_their_position_and_bride_price() -> None:
    data = to_input(
        ActKind.MARRIAGE,
        {
            "spouse1.family_name": "Kabila",
            "witness[1].family_name": "Mukendi",
            "witness[1].given_names": "Jean",
            "details.bride_price": "500,5 usd",
        },
    )
    (w,) = data.persons_with("witness")
    assert (w.position, w.family_name) == (1, "Mukendi")
    assert data.details["bride_price"] == {"amount": 500.5, "currency": "USD"}
    assert field_values(data, ["witness[1].given_names", "witness[0].family_name"]) == {
        "witness[1].given_names": "Jean",
        "witness[0].family_name": "",
    }


def test_death_cause_lines() -> None:
    values = {
        "deceased.family_name": "Kaboré",
        "details.cause.part1[0].text": "Paludisme grave",
        "details.cause.part1[1].text": "",
        "details.cause.part2[0].text": "Anémie",
    }
    data = to_input(ActKind.DEATH, values)
    assert data.details["cause"] == {
        "part1": [{"text": "Paludisme grave"}],
        "part2": [{"text": "Anémie"}],
    }
    assert field_values(data, values) == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("500 USD", {"amount": 500, "currency": "USD"}),
        ("12,5 cdf", {"amount": 12.5, "currency": "CDF"}),
        ("deux chèvres", {"description": "deux chèvres"}),
    ],
)
def test_bride_price_round_trip(text: str, value: dict) -> None:
    assert bride_price_value(text) == value
    assert bride_price_value(bride_price_text(value)) == value


def test_person_paths() -> None:
    assert person_path("witness[1].given_names") == ("witness", 1, "given_names")
    assert person_path("child.sex") == ("child", 0, "sex")
    assert person_path("details.weight_grams") is None
    assert person_path("event_date") is None


def test_unknown_sex_shows_blank() -> None:
    data = ActInput(kind=ActKind.BIRTH, persons=(Person("child", family_name="X"),))
    assert field_values(data, ["child.sex"]) == {"child.sex": ""}


def test_marriage_law_fields_round_trip() -> None:
    from civreg.ui.form_mapping import form_path

    values = {
        "spouse1.family_name": "Kaboré",
        "spouse1.previous_marital_status": "divorced",
        "spouse2.family_name": "Zongo",
        "details.age_dispensation.court": "TGI de Koudougou",
        "details.age_dispensation.number": "DA 12/2026",
        "details.age_dispensation.date": "2026-09-20",
        "details.bride_price": "500 usd",
        "details.bride_price.status": "partly_paid",
        "details.prior_marriages.spouse2.act_ref": "BF-BLK01-01-M-2015-000012",
        "details.prior_marriages.spouse1.ended_by": "divorce",
        "details.prior_marriages.spouse1.ended_judgment.court": "TGI de Koudougou",
        "details.prior_marriages.spouse1.ended_judgment.date": "2020-01-15",
    }
    data = to_input(ActKind.MARRIAGE, values)
    d = data.details
    assert d["age_dispensation"] == {
        "court": "TGI de Koudougou",
        "number": "DA 12/2026",
        "date": "2026-09-20",
    }
    assert d["bride_price"] == {"amount": 500, "currency": "USD", "status": "partly_paid"}
    assert d["prior_marriages"] == [
        {
            "spouse": "spouse1",
            "ended_by": "divorce",
            "ended_judgment": {"court": "TGI de Koudougou", "date": "2020-01-15"},
        },
        {"spouse": "spouse2", "act_ref": "BF-BLK01-01-M-2015-000012"},
    ]
    assert data.person("spouse1").previous_marital_status == "divorced"
    back = field_values(data, values)
    assert back == {**values, "details.bride_price": "500 USD"}
    # Problems found in the act's list land on the spouse's section of the form.
    assert form_path("details.prior_marriages[1].act_ref", values) == (
        "details.prior_marriages.spouse2.act_ref"
    )
    assert form_path("details.prior_marriages[0]", values) == (
        "details.prior_marriages.spouse1.act_ref"
    )
    assert form_path("details.event_place_code", values) == "event_place"


def test_a_report_maps_item_by_item_and_the_statement_stays_out_of_the_act() -> None:
    """Issue 11 item 1: details.found_child.<item> fields give the report the CLI's file
    holds; the registrar's statement of a paper receipt is not part of the act."""
    from civreg.domain.acts import ActKind
    from civreg.ui.form_mapping import field_value, to_input

    values = {
        "event_date": "2026-09-16",
        "details.found_child.report_ref": "PV 112/2026",
        "details.found_child.found_date": "2026-11-10",
        "declaration_date": "2026-11-25",
        "paper_receipt": "Reçue sur le cahier.",
    }
    act = to_input(ActKind.BIRTH, values)
    assert act.details == {"found_child": {"report_ref": "PV 112/2026", "found_date": "2026-11-10"}}
    assert act.declaration_date == "2026-11-25"
    assert field_value(act, "details.found_child.report_ref") == "PV 112/2026"
    assert field_value(act, "details.unidentified_deceased.report_ref") == ""
    assert field_value(act, "paper_receipt") == ""
