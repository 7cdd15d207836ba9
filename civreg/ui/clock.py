"""Today's date for the client, in one place: every check, registration and closing made from
the window asks here (a test can then run the counter's day on 31 December)."""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
