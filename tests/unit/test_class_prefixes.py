"""A people's name with or without its Bantu class prefix (civreg.domain.class_prefixes)."""

from __future__ import annotations

import pytest

from civreg.domain.class_prefixes import class_cores, same_core
from civreg.domain.names import phonetic


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("BAKUBA", "KUBA"),  # Ba- dropped
        ("WALUBA", "BALUBA"),  # Wa- for Ba-
        ("MUHEMBA", "BAHEMBA"),  # Mu- (one person) for Ba- (the people)
        ("KIKONGO", "BAKONGO"),
        ("TUPENDE", "APENDE"),  # Tu- for a first vowel
        ("TSHILUBA", "LUBA"),  # Tshi- (the language): XI in the key
        ("CHISALAMPASU", "ASALAMPASU"),
        ("BABUNDU", "BUNDA"),  # and another final vowel
    ],
)
def test_one_peoples_name_with_another_prefix(a: str, b: str) -> None:
    assert same_core(phonetic(a), phonetic(b))
    assert same_core(phonetic(b), phonetic(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KABORE", "BORE"),  # Ka- is left out: it begins BF family names
        ("MAIGA", "IGA"),  # Ma- too
        ("SAWADOGO", "DOGO"),
        ("SIDIBE", "DIBE"),  # Ci- left out: SI begins SIDIBE, SISSOKO
        ("SISSOKO", "SOKO"),
        ("KUBA", "KUBA"),  # the same key is not a prefix match (it scores higher)
        ("BAKUBA", "BAKOLO"),
        ("MARKA DAFING", "DAFING"),  # names of several words are not cut
    ],
)
def test_other_names_are_not_joined(a: str, b: str) -> None:
    assert not same_core(phonetic(a), phonetic(b))


def test_cores_keep_three_letters_at_least() -> None:
    """Two-letter cores would join AMADOU, BADO and KINDO (DO)."""
    assert "SI" not in class_cores(phonetic("BASHI"))
    assert not same_core(phonetic("AMADOU"), phonetic("BADO"))
    assert not same_core(phonetic("KINDO"), phonetic("BADO"))
    assert all(len(c) >= 3 for c in class_cores(phonetic("BAMUNA")) - {"BAMUNA"})


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OVAHERERO", "HERERO"),  # Ova- (augment + class 2, Angola and Namibia)
        ("UMUNYARWANDA", "NYARWANDA"),  # Umu- (augment + class 1)
        ("BANYAMULENGE", "MULENGE"),  # Banya-, "the people of"
        ("WANYARWANDA", "BANYARWANDA"),
        ("BANYALWANDA", "RWANDA"),  # and L for R behind the prefix (one sound)
        ("BANYARWANDA", "LWANDA"),
    ],
)
def test_augment_people_of_and_liquids(a: str, b: str) -> None:
    assert same_core(phonetic(a), phonetic(b))
    assert same_core(phonetic(b), phonetic(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KABORE", "KABOLE"),  # L and R are joined only behind a prefix
        ("SORE", "SOLE"),
        ("WANYANGA", "MONGA"),  # Wanya- keeps four letters: not NGA
        ("LUAMBO", "OVAMBO"),  # Ova- too: not MBO
        ("DIARRA", "MUGALA"),  # L = R not against a whole name of four letters (GARA)
        ("DIARRA", "BANGALA"),
        ("OUATTARA", "TALLA"),
        ("BALIMA", "RIMA"),
        ("WAKORE", "NKOLE"),
    ],
)
def test_liquids_and_short_cores_are_not_joined_alone(a: str, b: str) -> None:
    assert not same_core(phonetic(a), phonetic(b))
