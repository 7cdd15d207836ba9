"""The DHIS2 data value set: the shipped mapping, its checks, the values it gives for known
counts (periods, org units, option combos, small cells withheld), and the documented JSON
Schema, checked with an independent validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from civreg.domain.dhis2 import Dhis2MappingError, data_value_set, load_mapping
from civreg.domain.vital_stats import Cell, StatsFilter, VitalStatistics

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schemas" / "dhis2-datavalueset.schema.json"


def cell(kind="birth", commune="11", period="2025-03", sex=1, n=1, **more) -> Cell:
    base = dict(
        kind=kind,
        commune=commune,
        centre="01",
        period=period,
        sex=sex,
        timeliness="on_time",
        place="health_facility",
        age="25-29",
        age2="",
        cause="",
        n=n,
    )
    base.update(more)
    return Cell(**base)


def stats(*cells: Cell) -> VitalStatistics:
    return VitalStatistics(StatsFilter(), tuple(cells), "2026-01-05T00:00:00+00:00")


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_shipped_mapping_loads_and_generates_every_combination() -> None:
    mapping = load_mapping()
    names = {e.name: e for e in mapping.elements}
    deaths = names["deaths_age_sex"]
    assert deaths.options["lt1|female"] == "CRVS_DAGE_LT1_FEMALE"
    assert deaths.options["85+|male"] == "CRVS_DAGE_85P_MALE"
    assert len(deaths.options) == 20 * 3
    assert names["deaths_cause"].options["not_coded"] == "CRVS_ICD10_NOT_CODED"
    assert names["births_place"].options["not_stated"] == "CRVS_PLACE_NOT_STATED"


def test_values_periods_org_units_and_small_cells() -> None:
    s = stats(
        cell(sex=1, n=12),
        cell(sex=2, n=9),
        cell(sex=2, n=3, timeliness="judgment"),  # small: withheld with a complement
        cell(period="2025-04", sex=1, n=7, commune="12"),
        cell(period="2025", sex=1, n=6),  # month unknown: not in a monthly export
        cell(kind="marriage", period="2025-03", sex=0, n=5, age="20-24", age2="18-19"),
    )
    export = data_value_set(s, load_mapping(), complete_date="2026-01-05")
    validator().validate(export.payload)
    values = export.payload["dataValues"]
    by_key = {
        (v["dataElement"], v.get("categoryOptionCombo"), v["period"], v["orgUnit"]): v["value"]
        for v in values
    }
    # births by sex, March 2025, commune 11: 12 boys, 9 + 3 girls
    assert by_key[("CRVS_BIRTHS_REGISTERED", "CRVS_SEX_MALE", "202503", "11")] == "12"
    assert by_key[("CRVS_BIRTHS_REGISTERED", "CRVS_SEX_FEMALE", "202503", "11")] == "12"
    assert by_key[("CRVS_BIRTHS_REGISTERED", "CRVS_SEX_MALE", "202504", "12")] == "7"
    # timeliness: 21 on time, 3 by judgment -> the 3 is withheld and so is its complement
    assert ("CRVS_BIRTHS_TIMELINESS", "CRVS_TIME_JUDGMENT", "202503", "11") not in by_key
    assert ("CRVS_BIRTHS_TIMELINESS", "CRVS_TIME_ON_TIME", "202503", "11") not in by_key
    assert export.suppressed >= 2
    # marriages: no option combo
    assert by_key[("CRVS_MARRIAGES_REGISTERED", None, "202503", "11")] == "5"
    assert export.month_unknown == 6
    assert all(int(v["value"]) >= 5 for v in values)
    assert export.payload["idScheme"] == "CODE"


def test_yearly_mapping_with_org_units_and_uids() -> None:
    text = """
version = 1
id_scheme = "UID"
period_type = "Yearly"
data_set = "pBOMPrpg1QX"
[org_units]
"11" = "DiszpKrYNg8"
[data_elements.births]
id = "f7n9E0hX8qk"
kind = "birth"
by = ["sex"]
options = { male = "Prlt0C1RF0s", female = "V6L425pT3A0" }
"""
    s = stats(cell(sex=1, n=6), cell(period="2025", sex=1, n=2), cell(sex=0, n=9))
    export = data_value_set(s, load_mapping(text, "test"), complete_date="2026-01-05")
    validator().validate(export.payload)
    assert export.payload["dataSet"] == "pBOMPrpg1QX" and "idScheme" not in export.payload
    assert export.payload["dataValues"] == [
        {
            "dataElement": "f7n9E0hX8qk",
            "period": "2025",
            "orgUnit": "DiszpKrYNg8",
            "value": "8",
            "categoryOptionCombo": "Prlt0C1RF0s",
        }
    ]
    assert export.unmapped == {"births": 9}  # sex unknown has no option combo here


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("version = 2\n[data_elements.a]\nid='X'\nkind='birth'", "version"),
        ("[data_elements.a]\nid='X'\nkind='baptism'", "kind"),
        ("[data_elements.a]\nid='X'\nkind='birth'\nby=['cause']", "cause"),
        ("[data_elements.a]\nid='X'\nkind='marriage'\nby=['sex']", "sex"),
        ("[data_elements.a]\nid='bad id!'\nkind='birth'", "id"),
        ("[data_elements.a]\nid='X'\nkind='birth'\nby=['sex']\noptions={male='A', men='B'}", "men"),
        ("id_scheme='NAME'\n[data_elements.a]\nid='X'\nkind='birth'", "id_scheme"),
        ("unknown = 1\n[data_elements.a]\nid='X'\nkind='birth'", "unknown"),
        ("[data_elements.a\n", "mapping"),
        ("", "data_elements"),
    ],
)
def test_bad_mappings_are_refused_with_a_reason(text, fragment) -> None:
    with pytest.raises(Dhis2MappingError) as err:
        load_mapping(text, "mapping")
    assert fragment in err.value.message("en")


def test_schema_rejects_what_civreg_must_never_write() -> None:
    v = validator()
    good = {
        "completeDate": "2026-01-05",
        "dataValues": [{"dataElement": "A", "period": "202501", "orgUnit": "11", "value": "5"}],
    }
    v.validate(good)
    for bad_value in ("3", "0", "-7", "5.0", ""):
        bad = json.loads(json.dumps(good))
        bad["dataValues"][0]["value"] = bad_value
        assert not v.is_valid(bad), bad_value
    bad = json.loads(json.dumps(good))
    bad["dataValues"][0]["name"] = "KABORE"
    assert not v.is_valid(bad)  # no field beyond the aggregate ones
