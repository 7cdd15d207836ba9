"""What validation may ask about acts already in the store, without importing the database:
the services pass an object implementing :class:`RegistryFacts` (``civreg.services.facts``).

Validation as the clerk types (``drafts.check``) runs without it: the rules that need the
store (an existing marriage's option, whether it was dissolved) are then checked when the
act is registered or declared in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class MarriageFact:
    """A marriage known to the store: its act (when held here) or the marriage mention on a
    spouse's birth act. ``option`` is ``""`` when unknown; ``dissolved_by`` is ``divorce``,
    ``death``, ``cancellation`` or ``""`` (still in force as far as the store knows)."""

    ref: str
    option: str
    event_date: str
    dissolved_by: str


class RegistryFacts(Protocol):
    def marriage(self, ref: str) -> MarriageFact | None:
        """The registered marriage act with this global identifier, if held here."""

    def marriages_of(self, birth_act_ref: str) -> list[MarriageFact]:
        """Marriages recorded (as mentions) on the birth act with this identifier."""

    def is_death_act(self, ref: str) -> bool:
        """Is ``ref`` a registered death act held here?"""
