"""French wording: numbers, dates (partial ones never gain a day), hours and names."""

from __future__ import annotations

import datetime as dt

import pytest

from civreg.certificates.french_people import (
    birth_text,
    bride_price_text,
    capacity_text,
    full_name,
    label,
    marital_text,
)
from civreg.certificates.french_text import (
    amount_text,
    date_text,
    dated,
    hour_text,
    number_words,
    year_words,
)
from civreg.domain.acts import Person
from civreg.domain.dates import DateParseError, PartialDate


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
        year_words(999)


def test_full_and_partial_dates():
    assert dated(dt.date(2024, 3, 12), in_words=True) == "le douze mars deux mille vingt-quatre"
    assert dated(dt.date(2024, 3, 1), in_words=True) == "le premier mars deux mille vingt-quatre"
    assert dated(dt.date(2024, 3, 1)) == "le 1er mars 2024"
    assert dated(PartialDate.from_iso("2024-03")) == "en mars 2024"
    assert dated("2024") == "en 2024"
    assert dated("~1970") == "vers 1970"
    assert dated("~1970", in_words=True) == "vers mille neuf cent soixante-dix"
    assert date_text("2024-03", in_words=True) == "mars deux mille vingt-quatre"


def test_stored_dates_are_the_domain_partial_dates():
    assert dated(PartialDate(2024, 2, 29)) == "le 29 février 2024"
    for bad in ("2024-3", "12/03/2024", "2023-02-29", "2024-13"):
        with pytest.raises(DateParseError):
            dated(bad)


def test_hours():
    assert hour_text(dt.time(14, 30), in_words=True) == "à quatorze heures trente"
    assert hour_text(dt.time(1, 0), in_words=True) == "à une heure"
    assert hour_text(dt.time(0, 5), in_words=True) == "à zéro heure cinq"
    assert hour_text(dt.time(21, 21), in_words=True) == "à vingt et une heures vingt et une"
    assert hour_text(dt.time(14, 5)) == "à 14 h 05"
    assert hour_text(dt.time(9, 0)) == "à 9 h"


def test_names_family_first_in_capitals():
    p = Person("child", family_name="Kiendrébéogo-Ouédraogo", given_names="Éléonore")
    assert full_name(p) == "KIENDRÉBÉOGO-OUÉDRAOGO Éléonore"
    grace = Person("child", family_name="Mukendi", post_nom="Kabila", given_names="Grâce")
    assert full_name(grace) == "MUKENDI KABILA Grâce"
    assert full_name(Person("child", family_name="N'Dri", given_names="Awa")) == "N'DRI Awa"


ACT_2025 = dt.date(2025, 3, 14)


def test_birth_text_never_invents_a_day():
    month = Person("father", sex=1, birth_date="1988-07")
    assert birth_text(month, ACT_2025) == "né en juillet 1988"
    year = Person("mother", sex=2, birth_date="1990", birth_place="Réo")
    assert birth_text(year, ACT_2025) == "née en 1990 à Réo"
    assert birth_text(Person("witness"), ACT_2025) == ""


def test_approximate_age_is_the_age_on_the_day_the_act_was_drawn_up():
    """Regression: an act of the 1998 register said "née vers 1990 (âgée d'environ 35 ans)"
    for a mother aged 35 in 1998, computing from the year the software printed it."""
    mother = Person("mother", approx_age=35)
    assert birth_text(mother, dt.date(1998, 5, 2)) == "née vers 1963 (âgée d'environ 35 ans)"
    assert birth_text(mother, dt.date(2026, 5, 2)) == "née vers 1991 (âgée d'environ 35 ans)"
    baby = Person("child", approx_age=1)
    assert birth_text(baby, ACT_2025) == "né vers 2024 (âgé d'environ 1 an)"


def test_agreement_follows_sex_then_role():
    """A mother whose sex was not recorded is still « née »; a female declarant is « La
    déclarante », « domiciliée », « présente à la naissance »."""
    assert birth_text(Person("mother", birth_place="Réo"), ACT_2025) == "née à Réo"
    assert birth_text(Person("father", birth_place="Réo"), ACT_2025) == "né à Réo"
    declarant = Person("declarant", sex=2, capacity="present_at_birth")
    assert label(declarant) == "La déclarante"
    assert capacity_text(declarant) == "présente à la naissance"
    assert label(Person("deceased", sex=2)) == "La défunte"
    assert label(Person("spouse2", sex=2)) == "L'épouse"
    assert marital_text(Person("deceased", sex=2), "widowed") == "veuve"
    assert marital_text(Person("deceased", sex=1), "widowed") == "veuf"
    assert marital_text(Person("spouse1", sex=2), "divorced") == "divorcée"


def test_codes_never_print_as_codes():
    assert capacity_text(Person("declarant", capacity="some_new_capacity")) == "some new capacity"
    assert marital_text(Person("spouse1"), "separated_by_court") == "separated by court"


def test_bride_price_in_words_never_a_mapping():
    """Regression: the DRC dot printed as {'amount': 500, 'currency': 'USD', 'paid': True}."""
    assert bride_price_text({"amount": 500, "currency": "USD", "paid": True}) == "500 USD, versée"
    assert bride_price_text({"amount": 1500000, "currency": "CDF", "status": "partly_paid"}) == (
        "1\u202f500\u202f000 CDF, versée en partie"
    )
    assert bride_price_text({"amount": 200, "currency": "USD", "paid": False}) == (
        "200 USD, non versée"
    )
    assert bride_price_text("deux chèvres et 100 USD") == "deux chèvres et 100 USD"
    assert bride_price_text({"description": "deux chèvres"}) == "deux chèvres"
    assert "{" not in bride_price_text({"unexpected": [1, 2]})
    assert bride_price_text(None) == "" and bride_price_text({}) == ""
    assert amount_text(12.5) == "12,50"
