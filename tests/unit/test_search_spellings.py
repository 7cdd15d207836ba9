"""Issue 17: the spelling classes of BF and DRC registers, name by name (no database).

For each class a query and the stored spelling it must find (score at or above the
threshold), and a different name it must not (below it). The held-out recall on published
spellings is measured by ``bench/heldout_ties.py``; these pin the rules it relies on.
"""

from __future__ import annotations

import pytest

from civreg.domain.names import SIMILAR_THRESHOLD, phonetic, same_outline
from civreg.services.search_score import NameKey, NameQuery, Scorer, field_score


def score(asked: str, stored: str) -> float:
    key = NameKey.of(stored)
    return field_score(NameKey.of(asked), key.norm, key.phon)


# (class, asked, stored spelling it must find, different name it must not find)
CLASSES = [
    ("ou-u", "MOUTOMBO", "MUTOMBO", "MATONDO"),
    ("ou-w", "WEDRAOGO", "OUEDRAOGO", "OUATTARA"),
    ("oun-on", "ZOUNGRANA", "ZONGRANA", "ZIDA"),
    ("i-y-ie", "KISONGYE", "KISONGE", "KINDO"),
    ("i-y", "COULIBALI", "COULIBALY", "COMPAORE"),
    ("c-tsh", "CIKWA", "TSHIKWA", "TSHIBANGU"),
    ("c-tsh, long", "CILUBA", "TSHILUBA", "TSHISEKEDI"),
    ("tch-sh", "TCHISEKEDI", "SHISEKEDI", "SEKOU"),
    ("c-tsch", "CIOMBE", "TSCHOMBÉ", "COMBARY"),
    ("dj-j", "DJENABA", "JENABA", "DIALLO"),
    ("j-g", "KALONGI", "KALONJI", "KALOMBO"),
    ("g-gh", "GHISLAIN", "GISLAIN", "GUIRO"),
    ("k-q", "QADIRI", "KADIRI", "KABRE"),
    ("k-c", "CASSONGO", "KASONGO", "KABORE"),
    ("doubled", "OUATARA", "OUATTARA", "OUEDRAOGO"),
    ("final -ou", "SANOU", "SANO", "SAWADOGO"),
    ("final -h", "MUSAH", "MUSA", "MUKENDI"),
    ("final -e", "KABOREE", "KABORE", "KABONGO"),
    ("final -wa/-u", "LWALU", "LWALWA", "LUKUSA"),
    ("inner h", "KIEMBA", "KIHEMBA", "KIENDREBEOGO"),
    ("accent", "KABORÉ", "KABORE", "KONATE"),
    ("inserted vowel", "OUIDIRAOGO", "OUEDRAOGO", "OUBDA"),
]


@pytest.mark.parametrize(("kind", "asked", "same", "other"), CLASSES, ids=[c[0] for c in CLASSES])
def test_each_spelling_class_finds_its_name_and_not_another(
    kind: str, asked: str, same: str, other: str
) -> None:
    assert score(asked, same) >= SIMILAR_THRESHOLD, kind
    assert score(asked, other) < SIMILAR_THRESHOLD, kind


def test_loose_key_joins_short_names_the_skeleton_cannot() -> None:
    # CIKWA/TSHIKWA and CISSE/TSHISSE have outlines of two letters (SK, SS): too short for
    # the skeleton, but their keys differ only by the hushing sound.
    assert same_outline(phonetic("CIKWA"), phonetic("TSHIKWA"))
    assert same_outline(phonetic("CISSE"), phonetic("TSHISSE"))
    assert not same_outline(phonetic("SANA"), phonetic("SINA"))
    assert not same_outline(phonetic("ZONGO"), phonetic("SONGO"))


def test_final_vowels_only_when_enough_is_left() -> None:
    assert same_outline(phonetic("LWALWA"), phonetic("LWALU"))
    assert same_outline(phonetic("KISONGE"), phonetic("KISONGYE"))
    assert not same_outline(phonetic("TSHIKWA"), phonetic("SIKA"))  # SIK: three letters
    assert not same_outline(phonetic("KONE"), phonetic("KONATE"))
    assert not same_outline("", "")


def names(family: str, given: str, stored_family: str, stored_given: str) -> float:
    fam, giv = NameKey.of(stored_family), NameKey.of(stored_given)
    return Scorer(NameQuery.of(family, given)).names(fam.norm, fam.phon, giv.norm, giv.phon)


def test_both_names_varied_at_once() -> None:
    assert names("CIKWA", "Moussa", "TSHIKWA", "Musah") >= SIMILAR_THRESHOLD
    assert names("LWALU", "Fatoumata", "LWALWA", "Fatimata") >= SIMILAR_THRESHOLD
    assert names("KIHEMBA", "Mahamadi", "KIEMBA", "Mohamad Adama") >= SIMILAR_THRESHOLD
    assert names("CIKWA", "Moussa", "TSHIBANGU", "Moussa") < SIMILAR_THRESHOLD


def test_given_names_reordered_or_one_dropped() -> None:
    assert names("KALONJI", "Issa Moïse", "KALONJI", "Moise Issa") >= 90
    assert names("KALONJI", "Amsetou", "KALONJI", "Amseta Mariam") >= SIMILAR_THRESHOLD
    # the dropped name costs a little: the act bearing only the asked name ranks above
    assert names("KALONJI", "Amseta", "KALONJI", "Amseta") > names(
        "KALONJI", "Amseta", "KALONJI", "Amseta Mariam"
    )
    assert names("KALONJI", "Issa Moïse", "KALONJI", "Yacouba Issa") < names(
        "KALONJI", "Issa Moïse", "KALONJI", "Moise Issa"
    )


# --- issue 17, third round: the classes the second held-out set showed missing -------------
# Pinned on names of neither held-out set: Gambian English vs French spellings of Mandinka
# names (JAWARA/DIAWARA, JARRA/DIARRA), BF given names with the first vowel or syllable
# dropped (Drissa for Idrissa), Congolese names with and without the nasal prefix.


def test_di_before_a_vowel_is_j_in_the_loose_tier() -> None:
    assert same_outline(phonetic("JAWARA"), phonetic("DIAWARA"))
    assert same_outline(phonetic("JARRA"), phonetic("DIARRA"))
    assert same_outline(phonetic("DJAKITE"), phonetic("DIAKITE"))
    assert score("JAWARA", "DIAWARA") >= SIMILAR_THRESHOLD
    # only before a vowel, and the stored keys stay apart (no migration)
    assert phonetic("DIAWARA") != phonetic("JAWARA")
    assert not same_outline(phonetic("DIDA"), phonetic("JDA"))
    assert score("JAWARA", "DIALLO") < SIMILAR_THRESHOLD


def test_a_first_nasal_or_vowel_added_or_dropped() -> None:
    assert same_outline(phonetic("NGANDU"), phonetic("GANDU"))
    assert same_outline(phonetic("MPIANA"), phonetic("PIANA"))
    assert same_outline(phonetic("Idrissa"), phonetic("Drissa"))
    assert same_outline(phonetic("ELOKO"), phonetic("ILOKO"))  # both drop it: LOKO
    assert score("NGANDU", "GANDU") >= SIMILAR_THRESHOLD
    # not when too little is left (NANA/ANA, KONE/OKONE), nor before a vowel (ANA/NA)
    assert not same_outline(phonetic("KONE"), phonetic("OKONE"))
    assert not same_outline(phonetic("NANA"), phonetic("ANA"))
    assert not same_outline(phonetic("KABORE"), phonetic("NKABILA"))  # the rest must agree


@pytest.mark.parametrize(
    ("asked", "stored"),
    [("Ebrahim", "Ibrahim"), ("Esmail", "Ismael"), ("Usmane", "Ousmane"), ("Amar", "Omar")],
)
def test_short_given_names_with_another_first_vowel(asked: str, stored: str) -> None:
    assert score(asked, stored) >= SIMILAR_THRESHOLD


def test_one_name_in_one_word_or_two() -> None:
    # a hyphen or a space inside a family name typed or left out (hyphen vs space class)
    assert score("ZOUNGBIRA", "ZOUM-BIRA") >= SIMILAR_THRESHOLD
    assert score("SANKARABIRI", "SANGA RABIRI") >= SIMILAR_THRESHOLD
    assert score("KAMBIRE", "KAM-SOMA") < SIMILAR_THRESHOLD


C_FOR_CH = [
    ("CUI", "CHUI"),  # Swahili C = CH
    ("CHUI", "CUI"),
    ("ACOLI", "ACHOLI"),
    ("ACHOLI", "ACOLI"),
    ("CAKOSI", "CHAKOSI"),
]


@pytest.mark.parametrize(("asked", "stored"), C_FOR_CH)
def test_c_before_a_back_vowel_is_the_other_spellings_ch(asked: str, stored: str) -> None:
    # the same sound spelled otherwise: above the same-sound floor, below the same spelling
    assert 90 <= score(asked, stored) < 100


def test_ch_is_not_read_as_k() -> None:
    """CH asked is looked up under C too (``c_readings.ch_as_c``), but that C is the Bantu
    one: never compared as the French K (CHABORE is not KABORE, CHAMBA not KAMBA)."""
    from civreg.domain.c_readings import c_as_ch, ch_as_c

    assert score("CHABORE", "KABORE") < 90
    assert score("KABORE", "CHABORE") < 90
    assert score("CHAMBA", "KAMBA") < 90
    assert (c_as_ch("cui"), c_as_ch("acoli"), c_as_ch("chui"), c_as_ch("kabore")) == (
        "chui",
        "acholi",
        "",
        "",
    )
    assert (ch_as_c("chui"), ch_as_c("acholi"), ch_as_c("cui")) == ("cui", "acoli", "")
