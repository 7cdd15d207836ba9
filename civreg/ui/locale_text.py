"""The client's name for :mod:`civreg.domain.locale_text` (numbers, percentages and dates in the
user's language; shared with the command line)."""

from civreg.domain.locale_text import (
    NBSP,
    NNBSP,
    date_text,
    decimal_text,
    number_text,
    percent_text,
    utc_time_text,
)

__all__ = [
    "NBSP",
    "NNBSP",
    "date_text",
    "decimal_text",
    "number_text",
    "percent_text",
    "utc_time_text",
]
