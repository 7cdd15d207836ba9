"""Country profiles: the shipped BF and CD rules, deadlines, overrides, malformed files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from civreg.domain.acts import ActKind
from civreg.domain.dates import PartialDate
from civreg.domain.profile import (
    PROFILES_DIR,
    Deadline,
    ProfileError,
    available_profiles,
    load_profile,
    load_profile_file,
)
from civreg.i18n import t


def test_both_countries_ship_a_profile() -> None:
    assert {"BF", "CD"} <= set(available_profiles())


def test_burkina_profile_values() -> None:
    bf = load_profile("BF")
    assert bf.name == "Burkina Faso"
    assert bf.header_lines == ("BURKINA FASO",)
    # the motto is dated data (documents.mottos): the one in force on the issue date
    assert bf.documents.motto_on(date(2024, 11, 1)).text == "Unité – Progrès – Justice"
    assert bf.documents.motto_on(date(2025, 6, 2)).text == "La Patrie ou la Mort, Nous Vaincrons"
    assert bf.deadlines[ActKind.BIRTH] == Deadline(months=2)
    assert bf.deadlines[ActKind.DEATH].to_confirm
    assert not bf.uses_post_nom
    assert set(bf.declarants[ActKind.BIRTH]) == {
        "father",
        "mother",
        "ascendant",
        "relative",
        "present_at_birth",
    }
    assert bf.marriage.options == ("monogamy", "polygamy")
    assert bf.marriage.option_required
    assert bf.marriage.min_age_for(1) == bf.marriage.min_age_for(2) == 18
    assert bf.mother_age_warning == (13, 50)
    assert "child.family_name" in bf.mandatory[ActKind.BIRTH]


def test_congo_profile_values() -> None:
    cd = load_profile("CD")
    assert cd.header_lines == ("RÉPUBLIQUE DÉMOCRATIQUE DU CONGO",)
    assert cd.documents.motto_on(date(2025, 6, 2)).text == "Justice – Paix – Travail"
    assert cd.documents.office_title(True) == "Bureau principal de l'état civil"
    assert cd.uses_post_nom
    assert cd.deadlines[ActKind.BIRTH] == Deadline(days=90)
    # art. 117: failing the parents, ascendants, close relatives, persons present; a proxy
    assert cd.declarants[ActKind.BIRTH] == (
        "father",
        "mother",
        "ascendant",
        "relative",
        "present_at_birth",
        "proxy",
    )
    assert cd.declarant_requirements["proxy"] == "details.power_of_attorney_ref"
    assert cd.marriage.bride_price and not cd.marriage.options
    assert "community_of_acquests" in cd.marriage.property_regimes
    assert cd.marriage.customary_registration_days == 30


def test_identifier_and_number_formats() -> None:
    bf = load_profile("BF")
    ident = bf.format_identifier(
        commune="BLK01", centre="P", kind=ActKind.BIRTH, year=2025, number=38
    )
    assert ident == "BF-BLK01-P-N-2025-000038"
    assert bf.format_number(38) == "0038"


def test_profile_is_cached_without_overrides_but_not_with() -> None:
    assert load_profile("BF") is load_profile("BF")
    changed = load_profile("BF", {"profile": {"motto": "La Patrie ou la Mort, nous vaincrons"}})
    assert changed is not load_profile("BF")
    assert changed.motto == "La Patrie ou la Mort, nous vaincrons"
    assert load_profile("BF").motto == ""


@pytest.mark.parametrize(
    ("deadline", "born", "declared", "late"),
    [
        (Deadline(months=2), "2025-01-10", date(2025, 3, 10), False),  # last day
        (Deadline(months=2), "2025-01-10", date(2025, 3, 11), True),
        (Deadline(months=2), "2024-12-31", date(2025, 2, 28), False),  # short month
        (Deadline(months=2), "2024-12-31", date(2025, 3, 1), True),
        (Deadline(days=90), "2025-01-01", date(2025, 4, 1), False),  # day 90
        (Deadline(days=90), "2025-01-01", date(2025, 4, 2), True),
        # partial dates: the latest day they may denote counts (in the declarant's favour)
        (Deadline(months=2), "2025-01", date(2025, 3, 31), False),
        (Deadline(months=2), "2025-01", date(2025, 4, 1), True),
        (Deadline(days=90), "2024", date(2025, 3, 31), False),
        (Deadline(days=90), "2024", date(2025, 4, 1), True),
        (Deadline(), "1990", date(2025, 4, 1), False),  # no deadline
    ],
)
def test_deadline_is_late(deadline: Deadline, born: str, declared: date, late: bool) -> None:
    assert deadline.is_late(PartialDate.from_iso(born), declared) is late


def test_override_changes_a_deadline() -> None:
    default = load_profile("BF").deadlines[ActKind.DEATH]
    longer = load_profile("BF", {"deadlines": {"death": {"months": 3}}})
    assert longer.deadlines[ActKind.DEATH].months == 3
    event = PartialDate.from_iso("2025-01-05")
    assert default.is_late(event, date(2025, 3, 1))
    assert not longer.deadlines[ActKind.DEATH].is_late(event, date(2025, 3, 1))
    # switching units: None removes the months so days can apply
    in_days = load_profile("BF", {"deadlines": {"birth": {"days": 60, "months": None}}})
    assert in_days.deadlines[ActKind.BIRTH] == Deadline(days=60)


def _error(code: str, overrides: dict) -> ProfileError:
    with pytest.raises(ProfileError) as info:
        load_profile(code, overrides)
    return info.value


@pytest.mark.parametrize(
    ("overrides", "entry", "reason"),
    [
        (
            {"deadlines": {"birth": {"days": -5, "months": None}}},
            "deadlines.birth.days",
            "negative",
        ),
        ({"deadlines": {"adoption": {"days": 30}}}, "deadlines.adoption", "unknown_act_kind"),
        ({"deadlines": {"birth": {"days": 60}}}, "deadlines.birth", "both_units"),
        ({"deadlines": {"birth": {"months": "two"}}}, "deadlines.birth.months", "wrong_type"),
        ({"mandatory": {"birth": ["child.familyname"]}}, "mandatory.birth", "unknown_field"),
        ({"mandatory": {"birth": ["groom.family_name"]}}, "mandatory.birth", "unknown_field"),
        (
            {"numbering": {"identifier_format": "{country}-{village}"}},
            "numbering.identifier_format",
            "bad_format",
        ),
        ({"checks": {"mother_age_warning": [50, 13]}}, "checks.mother_age_warning", "bad_range"),
        ({"marriage": {"witnesses_min": True}}, "marriage.witnesses_min", "wrong_type"),
        (
            {"marriage": {"options": [], "option_required": True}},
            "marriage.option_required",
            "bad_value",
        ),
        ({"marraige": {}}, "marraige", "unknown_key"),
        ({"profile": {"version": 0}}, "profile.version", "negative"),
        ({"profile": {"name": None}}, "profile.name", "missing"),
    ],
)
def test_malformed_overrides_are_refused_with_the_entry(
    overrides: dict, entry: str, reason: str
) -> None:
    err = _error("BF", overrides)
    assert (err.file, err.entry, err.reason) == ("BF.toml", entry, reason)
    for lang in ("fr", "en"):
        text = err.message(lang)
        assert "BF.toml" in text and entry in text
        assert "{" not in text and not text.startswith("profile.")


def test_a_refused_override_leaves_the_cached_profile_alone() -> None:
    before = load_profile("CD")
    _error("CD", {"deadlines": {"birth": {"days": -1}}})
    assert load_profile("CD") is before
    assert before.deadlines[ActKind.BIRTH].days == 90


def _copy_profile(tmp_path: Path, code: str) -> Path:
    for name in (f"{code}.toml", f"{code}-geography.csv"):
        shutil.copy(PROFILES_DIR / name, tmp_path / name)
    return tmp_path / f"{code}.toml"


def test_malformed_toml_file_names_the_file(tmp_path: Path) -> None:
    path = _copy_profile(tmp_path, "CD")
    path.write_text(
        path.read_text(encoding="utf-8").replace("days = 90", "days = = 90"), encoding="utf-8"
    )
    with pytest.raises(ProfileError) as info:
        load_profile_file(path)
    assert info.value.reason == "bad_toml"
    assert "CD.toml" in info.value.message("en")


def test_negative_days_in_file_is_refused(tmp_path: Path) -> None:
    path = _copy_profile(tmp_path, "CD")
    path.write_text(
        path.read_text(encoding="utf-8").replace("days = 90", "days = -90"), encoding="utf-8"
    )
    with pytest.raises(ProfileError) as info:
        load_profile_file(path)
    assert info.value.entry == "deadlines.birth.days"


def test_bad_geography_row_is_reported_through_the_profile(tmp_path: Path) -> None:
    path = _copy_profile(tmp_path, "BF")
    csv_path = tmp_path / "BF-geography.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "commune,ZZZ01,Nowhere,BF-NOPE")
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile_file(path)
    text = info.value.message("fr")
    assert "ligne 6" in text and "BF-NOPE" in text


def test_unknown_country_is_refused() -> None:
    with pytest.raises(ProfileError) as info:
        load_profile("ZZ")
    assert info.value.reason == "not_found"
    with pytest.raises(ProfileError):
        load_profile("../BF")


def test_copied_profile_loads_like_the_shipped_one(tmp_path: Path) -> None:
    copy = load_profile_file(_copy_profile(tmp_path, "BF"))
    assert copy.deadlines == load_profile("BF").deadlines
    assert len(copy.geography) == len(load_profile("BF").geography)
    assert t("profile.invalid", "en", file="x", entry="y", reason="z") != "profile.invalid"
