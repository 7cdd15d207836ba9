"""Dates and hours as a clerk types them."""

from __future__ import annotations

import pytest

from civreg.domain.dates import parse_user_date
from civreg.ui.entry_text import date_as_typed, date_finished, time_text


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2", "2"),
        ("2711", "2711"),  # could still be a year
        ("27112", "27/11/2"),
        ("27112026", "27/11/2026"),
        ("27/11/2026", "27/11/2026"),
        ("vers 1970", "vers 1970"),
        ("271120261", "271120261"),  # too long: left for validation to refuse
    ],
)
def test_date_as_typed(typed: str, shown: str) -> None:
    assert date_as_typed(typed) == shown


def test_each_keystroke_of_a_digits_only_date() -> None:
    text = ""
    for ch in "27112026":
        text = date_as_typed(text.replace("/", "") + ch)
    assert text == "27/11/2026"
    assert parse_user_date(text).iso() == "2026-11-27"


@pytest.mark.parametrize(
    ("shown", "finished"),
    [
        ("03/20/24", "03/2024"),  # 032024: March 2024
        ("32/02/4", "03/2024"),  # 32024
        ("27/11/2026", "27/11/2026"),
        ("45/13/19", "45/13/19"),  # no month 45: left for validation to refuse
        ("2024", "2024"),
    ],
)
def test_date_finished(shown: str, finished: str) -> None:
    assert date_finished(shown) == finished


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("0830", "08:30"),
        ("830", "08:30"),
        ("8h30", "08:30"),
        ("8H30", "08:30"),
        ("8.30", "08:30"),
        ("8 30", "08:30"),
        ("08:30", "08:30"),
        ("8", "08:00"),
        ("14h", "14:00"),
        ("2359", "23:59"),
        ("", ""),
        ("2460", "2460"),  # impossible: left for validation to refuse
        ("midi", "midi"),
    ],
)
def test_time_text(typed: str, value: str) -> None:
    assert time_text(typed) == value
