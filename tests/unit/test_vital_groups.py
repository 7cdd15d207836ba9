"""Categories of vital statistics: age groups, ICD-10 chapters, labels, French order."""

from __future__ import annotations

import itertools

import pytest

from civreg.domain.collation import name_sort_key, sort_key
from civreg.domain.vital_groups import (
    DEATH_AGE_GROUPS,
    MOTHER_AGE_GROUPS,
    SPOUSE_AGE_GROUPS,
    age_group,
    age_label,
    cause_label,
    group_codes,
    icd10_chapter,
    month_label,
)


@pytest.mark.parametrize(
    ("age", "mother", "deceased", "spouse"),
    [
        (None, "unknown", "unknown", "unknown"),
        (-1, "unknown", "unknown", "unknown"),
        (0, "lt15", "lt1", "lt15"),
        (1, "lt15", "1-4", "lt15"),
        (14, "lt15", "10-14", "lt15"),
        (15, "15-19", "15-19", "15-17"),
        (17, "15-19", "15-19", "15-17"),
        (18, "15-19", "15-19", "18-19"),
        (49, "45-49", "45-49", "45-49"),
        (50, "50+", "50-54", "50-54"),
        (84, "50+", "80-84", "60+"),
        (85, "50+", "85+", "60+"),
        (120, "50+", "85+", "60+"),
    ],
)
def test_age_groups_cover_every_age_once(age, mother, deceased, spouse) -> None:
    assert age_group(MOTHER_AGE_GROUPS, age) == mother
    assert age_group(DEATH_AGE_GROUPS, age) == deceased
    assert age_group(SPOUSE_AGE_GROUPS, age) == spouse


def test_groups_are_contiguous() -> None:
    for groups in (MOTHER_AGE_GROUPS, DEATH_AGE_GROUPS, SPOUSE_AGE_GROUPS):
        assert groups[0].low is None and groups[-1].high is None
        for a, b in itertools.pairwise(groups):
            assert a.high == b.low
        assert group_codes(groups)[-1] == "unknown"


@pytest.mark.parametrize(
    ("code", "chapter"),
    [
        ("B50.9", "I"),
        ("A09", "I"),
        ("C50", "II"),
        ("D48.9", "II"),
        ("D50", "III"),
        ("H59", "VII"),
        ("H60.1", "VIII"),
        ("I21.9", "IX"),
        ("j18", "X"),
        ("O72", "XV"),
        ("P07.3", "XVI"),
        ("T14", "XIX"),
        ("V89.2", "XX"),
        ("U07.1", "XXII"),
        ("", "not_coded"),
        (None, "not_coded"),
        ("Z99", "XXI"),
    ],
)
def test_icd10_chapters(code, chapter) -> None:
    assert icd10_chapter(code) == chapter


def test_labels_in_both_languages() -> None:
    assert age_label("20-24", "fr") == "20 à 24 ans"
    assert age_label("85+", "en") == "85 and over"
    assert age_label("lt1", "fr") == "Moins d'un an"
    assert cause_label("IX", "fr").startswith("Chapitre IX — Maladies de l'appareil circulatoire")
    assert cause_label("not_coded", "en") == "Cause not coded"
    assert month_label("2025-08", "fr") == "août 2025"
    assert month_label("2025", "en") == "2025, month unknown"


def test_french_order_ignores_accents_case_and_separators_then_given_names() -> None:
    names = [
        ("OUÉDRAOGO", "Paul"),
        ("OUEDRAOGO", "Awa"),
        ("Ouedraogo", "Éric"),
        ("N'DRI", "Koffi"),
        ("NDRI", "Ama"),
        ("ÉLOI", "Marc"),
        ("ELOI", "Luc"),
        ("KABORÉ", "Zoé"),
        ("KABORE", "Adama"),
    ]
    order = sorted(names, key=lambda n: name_sort_key(*n))
    assert order == [
        ("ELOI", "Luc"),
        ("ÉLOI", "Marc"),
        ("KABORE", "Adama"),
        ("KABORÉ", "Zoé"),
        ("NDRI", "Ama"),
        ("N'DRI", "Koffi"),
        ("OUEDRAOGO", "Awa"),
        ("Ouedraogo", "Éric"),
        ("OUÉDRAOGO", "Paul"),
    ]
    # equal at the first level: the unaccented spelling first, then case, deterministically
    assert sorted(["Élise", "ELISE", "elise"], key=sort_key) == ["ELISE", "elise", "Élise"]
