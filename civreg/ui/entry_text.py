"""What a clerk types, tidied as they type: dates without slashes, hours without a colon.

Qt-free (unit-tested in ``tests/unit/test_entry_text.py``); the widgets in ``fields.py`` call
these on each keystroke and when the clerk leaves the field.
"""

from __future__ import annotations

import re

_HOUR = re.compile(r"^(\d{1,2})\s*[:hH.\s]\s*(\d{2})$")


def date_as_typed(text: str) -> str:
    """Slashes inserted while only digits are typed: ``27112`` → ``27/11/2``,
    ``27112026`` → ``27/11/2026``. Four digits or fewer stay as they are (a year alone,
    ``2024``, is a valid partial date), and anything with other characters is left alone."""
    if not re.fullmatch(r"\d{5,8}", text):
        return text
    return f"{text[:2]}/{text[2:4]}/{text[4:]}"


def date_finished(text: str) -> str:
    """When the clerk leaves a date typed as 5 or 6 digits, it was a month and a year:
    ``32024`` (shown ``32/02/4``) and ``032024`` (shown ``03/20/24``) → ``03/2024``."""
    digits = text.replace("/", "")
    if not re.fullmatch(r"\d{2}/\d{2}/\d{1,2}", text) or len(digits) not in (5, 6):
        return text
    month, year = digits[:-4], digits[-4:]
    if 1 <= int(month) <= 12:
        return f"{int(month):02d}/{year}"
    return text


def time_text(text: str) -> str:
    """``0830``, ``830``, ``8h30``, ``8.30``, ``8 30`` → ``08:30``; ``8`` or ``8h`` → ``08:00``.
    Anything else is returned unchanged (validation then says the hour is invalid)."""
    s = text.strip()
    if not s:
        return ""
    if re.fullmatch(r"\d{3,4}", s):
        hours, minutes = s[:-2], s[-2:]
    elif m := _HOUR.match(s):
        hours, minutes = m.group(1), m.group(2)
    elif m := re.fullmatch(r"(\d{1,2})\s*[hH]?", s):
        hours, minutes = m.group(1), "00"
    else:
        return text
    if int(hours) > 23 or int(minutes) > 59:
        return text
    return f"{int(hours):02d}:{minutes}"
