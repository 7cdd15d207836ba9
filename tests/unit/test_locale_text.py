"""Numbers and dates in the user's language."""

from __future__ import annotations

import pytest

from civreg.i18n import get_language, set_language
from civreg.ui.locale_text import date_text, decimal_text, number_text, percent_text


@pytest.fixture
def lang():
    before = get_language()
    yield set_language
    set_language(before)


def test_french(lang) -> None:
    lang("fr")
    assert percent_text(1, 2) == "1 (50,0\u00a0%)"
    assert number_text(1234567) == "1\u202f234\u202f567"
    assert decimal_text(3.25, 2) == "3,25"
    assert date_text("2026-11-30T14:05:09") == "30/11/2026 14:05"
    assert date_text("2026-11-30 14:05:09") == "30/11/2026 14:05"
    assert date_text("~1970") == "vers 1970"
    assert date_text("2026-11") == "11/2026"
    assert percent_text(3, 0) == "3"


def test_english(lang) -> None:
    lang("en")
    assert percent_text(1, 2) == "1 (50.0%)"
    assert number_text(1234567) == "1,234,567"
    assert date_text("~1970") == "about 1970"
    assert date_text("2026-11-30") == "30/11/2026"
    assert date_text("not a date") == "not a date"


@pytest.mark.parametrize(
    ("zone", "shown"),
    [
        ("WAT-1", "30/11/2026 15:05 WAT"),  # Kinshasa
        ("CAT-2", "30/11/2026 16:05 CAT"),  # Lubumbashi
        ("GMT0", "30/11/2026 14:05 GMT"),  # Ouagadougou
        ("<+0330>-3:30", "30/11/2026 17:35 UTC+03:30"),  # a zone without a name
        ("WAT-1", "01/12/2026 00:30 WAT"),  # the day moves too
    ],
)
def test_stored_utc_shown_in_local_time_with_its_zone(lang, monkeypatch, zone, shown) -> None:
    import time

    from civreg.domain.locale_text import utc_time_text

    lang("fr")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        stored = "2026-11-30T23:30:00" if shown.startswith("01/12") else "2026-11-30T14:05:09"
        assert utc_time_text(stored) == shown
        assert utc_time_text("") == "" and utc_time_text("2026-11-30") == "30/11/2026"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
