"""The DRC dot (bride price) as structured data, and how it reads on an act.

Shape in ``details.bride_price``::

    {"amount": 500, "currency": "USD", "status": "partly_paid"}
    {"description": "symbolique : une chèvre et deux pagnes", "status": "paid"}

``amount`` (a positive number) with ``currency`` (ISO 4217, three capitals) and/or a
``description`` (a dot may be in kind or symbolic, art. 361 al. 3); ``status`` is ``paid``,
``partly_paid`` or ``unpaid``. Whether an unpaid dot blocks the celebration is profile data
(``marriage.bride_price_states``). Never shown as a raw mapping: use :func:`bride_price_text`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from civreg.i18n import register, t

STATES = ("paid", "partly_paid", "unpaid")
_KEYS = {"amount", "currency", "status", "description"}
_CURRENCY = re.compile(r"[A-Z]{3}")

register(
    {
        "dot.paid": {"fr": "versée", "en": "paid"},
        "dot.partly_paid": {"fr": "versée en partie", "en": "partly paid"},
        "dot.unpaid": {"fr": "non versée", "en": "unpaid"},
        "dot.text": {"fr": "{what}, {status}", "en": "{what}, {status}"},
    }
)


@dataclass(frozen=True)
class BridePrice:
    amount: float | int | None
    currency: str
    status: str
    description: str

    @classmethod
    def parse(cls, value: Any) -> tuple[BridePrice | None, list[tuple[str, str]]]:
        """The dot, or None with (sub-field, message key) problems."""
        if not isinstance(value, Mapping) or not set(value) <= _KEYS:
            return None, [("", "val.marriage.bride_price_invalid")]
        problems: list[tuple[str, str]] = []
        description = value.get("description", "")
        if not isinstance(description, str):
            problems.append(("description", "val.marriage.bride_price_invalid"))
            description = ""
        amount = value.get("amount")
        currency = value.get("currency", "")
        if amount is not None:
            if isinstance(amount, bool) or not isinstance(amount, int | float) or amount <= 0:
                problems.append(("amount", "val.marriage.bride_price_amount"))
            if not isinstance(currency, str) or not _CURRENCY.fullmatch(currency):
                problems.append(("currency", "val.marriage.bride_price_currency"))
        elif currency:
            problems.append(("amount", "val.marriage.bride_price_amount"))
        elif not description.strip():
            problems.append(("", "val.marriage.bride_price_invalid"))
        status = value.get("status")
        if status is None or status == "":
            problems.append(("status", "val.marriage.bride_price_status_required"))
        elif status not in STATES:
            problems.append(("status", "val.marriage.bride_price_status_unknown"))
        if problems or not isinstance(status, str):
            return None, problems
        return cls(amount, currency if amount is not None else "", status, description.strip()), []


def bride_price_text(value: Any, lang: str | None = None) -> str:
    """« 500 USD, versée en partie » / « une chèvre, versée »; ``""`` when absent or
    unreadable (a stored value from before the structure: its amount and description only)."""
    if not isinstance(value, Mapping):
        return value.strip() if isinstance(value, str) else ""
    parts = []
    amount = value.get("amount")
    if isinstance(amount, int | float) and not isinstance(amount, bool):
        number = int(amount) if float(amount).is_integer() else amount
        parts.append(
            f"{number:,}".replace(",", "\u202f") + f" {value.get('currency', '')}".rstrip()
        )
    description = value.get("description")
    if isinstance(description, str) and description.strip():
        parts.append(description.strip())
    what = " — ".join(parts)
    status = value.get("status")
    if status in STATES and what:
        return t("dot.text", lang, what=what, status=t(f"dot.{status}", lang))
    return what
