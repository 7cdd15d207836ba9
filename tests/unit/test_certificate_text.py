"""French wording: numbers, dates (partial ones never gain a day), hours and names."""

from __future__ import annotations

import datetime as dt

import pytest

from civreg.certificates.data import CertificateDataError, PartialDate, Person, Role, Sex
from civreg.certificates.french_text import (
    birth_text,
    date_text,
    dated,
    full_name,
    hour_text,
    number_words,
    year_words,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zéro"),
        (1, "un"),
        (12, "douze"),
        (17, "dix-sept"),
        (21, "vingt et un"),
        (31, "trente et un"),
        (70, "soixante-dix"),
        (71, "soixante et onze"),
        (72, "soixante-douze"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (91, "quatre-vingt-onze"),
        (99, "quatre-vingt-dix-neuf"),
        (100, "cent"),
        (200, "deux cents"),
        (201, "deux cent un"),
    ],
)
def test_number_words(n, words):
    assert number_words(n) == words


@pytest.mark.parametrize(
    ("year", "words"),
    [
        (1800, "mille huit cents"),
        (1970, "mille neuf cent soixante-dix"),
        (1980, "mille neuf cent quatre-vingts"),
        (1999, "mille neuf cent quatre-vingt-dix-neuf"),
        (2000, "deux mille"),
        (2024, "deux mille vingt-quatre"),
        (2100, "deux mille cent"),
    ],
)
def test_year_words(year, words):
    assert year_words(year) == words


def test_year_words_range():
    with pytest.raises(ValueError):
        year_words(1799)


def test_full_and_partial_dates():
    assert dated(dt.date(2024, 3, 12), in_words=True) == "le douze mars deux mille vingt-quatre"
    assert dated(dt.date(2024, 3, 1), in_words=True) == "le premier mars deux mille vingt-quatre"
    assert dated(dt.date(2024, 3, 1)) == "le 1er mars 2024"
    assert dated(PartialDate.parse("2024-03")) == "en mars 2024"
    assert dated(PartialDate.parse("2024")) == "en 2024"
    assert dated(PartialDate.parse("~1970")) == "vers 1970"
    assert dated(PartialDate.parse("~1970"), in_words=True) == "vers mille neuf cent soixante-dix"
    assert date_text(PartialDate.parse("2024-03"), in_words=True) == "mars deux mille vingt-quatre"


def test_partial_date_parsing_and_validation():
    assert PartialDate.parse("2024-03").iso() == "2024-03"
    assert PartialDate.parse(dt.date(2024, 2, 29)).iso() == "2024-02-29"
    for bad in ("2024-3", "12/03/2024", "2023-02-29", "2024-13", "1750"):
        with pytest.raises(CertificateDataError):
            PartialDate.parse(bad)


def test_hours():
    assert hour_text(dt.time(14, 30), in_words=True) == "à quatorze heures trente"
    assert hour_text(dt.time(1, 0), in_words=True) == "à une heure"
    assert hour_text(dt.time(0, 5), in_words=True) == "à zéro heure cinq"
    assert hour_text(dt.time(21, 21), in_words=True) == "à vingt et une heures vingt et une"
    assert hour_text(dt.time(14, 5)) == "à 14 h 05"
    assert hour_text(dt.time(9, 0)) == "à 9 h"


def test_names_family_first_in_capitals():
    p = Person(Role.SUBJECT, "Kiendrébéogo-Ouédraogo", "Éléonore")
    assert full_name(p) == "KIENDRÉBÉOGO-OUÉDRAOGO Éléonore"
    assert full_name(Person(Role.SUBJECT, "Mukendi", "Grâce", post_nom="Kabila")) == (
        "MUKENDI KABILA Grâce"
    )
    assert full_name(Person(Role.SUBJECT, "N'Dri", "Awa")) == "N'DRI Awa"


def test_birth_text_never_invents_a_day():
    month = Person(Role.FATHER, "A", "B", sex=Sex.MALE, birth_date=PartialDate(1988, 7))
    assert birth_text(month, 2025) == "né en juillet 1988"
    year = Person(
        Role.MOTHER, "A", "B", sex=Sex.FEMALE, birth_date=PartialDate(1990), birth_place="Réo"
    )
    assert birth_text(year, 2025) == "née en 1990 à Réo"
    age = Person(Role.MOTHER, "A", "B", sex=Sex.FEMALE, approximate_age=55)
    assert birth_text(age, 2025) == "née vers 1970 (âgée d'environ 55 ans)"
    assert birth_text(Person(Role.WITNESS, "A", "B"), 2025) == ""
