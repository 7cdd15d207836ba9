"""Partial dates: year only, year+month, or a full date. A day or month is never invented.

Text forms accepted from clerks: ``12/03/2024``, ``03/2024``, ``2024``, ISO ``2024-03-12``,
``2024-03``; an approximate age is a separate field (``vers 1970`` is parsed as an
approximate year, see :func:`parse_user_date`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from civreg.i18n import register

register(
    {
        "date.invalid": {
            "fr": "Date invalide : saisir JJ/MM/AAAA, MM/AAAA ou AAAA.",
            "en": "Invalid date: type DD/MM/YYYY, MM/YYYY or YYYY.",
        },
        "date.impossible": {
            "fr": "Cette date n'existe pas (jour ou mois hors limites).",
            "en": "This date does not exist (day or month out of range).",
        },
    }
)


class DateParseError(ValueError):
    """Raised with a message key (``date.invalid`` or ``date.impossible``)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 9999:
            raise DateParseError("date.impossible")
        if self.month is None and self.day is not None:
            raise DateParseError("date.invalid")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateParseError("date.impossible")
        if self.day is not None:
            assert self.month is not None
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise DateParseError("date.impossible")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def iso(self) -> str:
        """Storage form: ``2024``, ``2024-03`` or ``2024-03-12`` (``~`` prefix if approximate)."""
        s = f"{self.year:04d}"
        if self.month:
            s += f"-{self.month:02d}"
        if self.day:
            s += f"-{self.day:02d}"
        return ("~" + s) if self.approximate else s

    def display(self) -> str:
        """Clerk form: ``12/03/2024``, ``03/2024``, ``2024`` or ``vers 1970``."""
        if self.day and self.month:
            s = f"{self.day:02d}/{self.month:02d}/{self.year:04d}"
        elif self.month:
            s = f"{self.month:02d}/{self.year:04d}"
        else:
            s = f"{self.year:04d}"
        return f"vers {s}" if self.approximate else s

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def to_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day and self.month else None

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        approx = text.startswith("~")
        body = text[1:] if approx else text
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", body)
        if not m:
            raise DateParseError("date.invalid")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None, approx)

    def __str__(self) -> str:
        return self.iso()


_APPROX = re.compile(r"^(?:vers|env\.?|environ|about|circa|ca\.?|~)\s*", re.IGNORECASE)


def parse_user_date(text: str) -> PartialDate:
    """Parse what a clerk types. Raises :class:`DateParseError` with a message key."""
    s = text.strip()
    approx = False
    m = _APPROX.match(s)
    if m:
        approx = True
        s = s[m.end() :].strip()
    for pattern, order in (
        (r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", "dmy"),
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"),
        (r"(\d{1,2})[/.\-](\d{4})", "my"),
        (r"(\d{4})-(\d{1,2})", "ym"),
        (r"(\d{4})", "y"),
    ):
        mm = re.fullmatch(pattern, s)
        if not mm:
            continue
        g = [int(x) for x in mm.groups()]
        parts = dict(zip(order, g, strict=True))
        return PartialDate(parts["y"], parts.get("m"), parts.get("d"), approx)
    raise DateParseError("date.invalid")


def age_at(birth: PartialDate, on: date) -> int | None:
    """Completed years at ``on``, or None when the partial birth date makes it ambiguous."""
    youngest, oldest = age_bounds(birth, on)
    return youngest if youngest == oldest else None


def age_bounds(birth: PartialDate, on: date) -> tuple[int, int]:
    """(youngest, oldest) completed ages at ``on`` compatible with a partial birth date."""
    e, la = birth.earliest(), birth.latest()
    oldest = on.year - e.year - ((on.month, on.day) < (e.month, e.day))
    youngest = on.year - la.year - ((on.month, on.day) < (la.month, la.day))
    return youngest, oldest
