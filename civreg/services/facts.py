"""What the store knows about earlier acts, for the rules that depend on them (a spouse's
existing marriage, its option, whether it was dissolved): the :class:`RegistryFacts` the
domain validation asks, answered inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.domain.registry_facts import MarriageFact
from civreg.models.acts import Act
from civreg.models.acts import Mention as MentionRow

# A mention on a marriage act that ends it, and the dissolution it stands for.
_ENDING = {"divorce": "divorce", "death": "death", "cancellation": "cancellation"}


class StoreFacts:
    """:class:`civreg.domain.registry_facts.RegistryFacts` over an open session."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def _registered(self, ref: str, kind: str) -> Act | None:
        if not ref:
            return None
        return self.s.scalar(
            select(Act).where(Act.global_id == ref, Act.kind == kind, Act.status == "registered")
        )

    def _mentions(self, act_id: int) -> list[MentionRow]:
        return list(
            self.s.scalars(
                select(MentionRow).where(MentionRow.act_id == act_id).order_by(MentionRow.id)
            )
        )

    def marriage(self, ref: str) -> MarriageFact | None:
        row = self._registered(ref, "marriage")
        if row is None:
            return None
        mentions = self._mentions(row.id)
        ended = next((_ENDING[m.kind] for m in mentions if m.kind in _ENDING), "")
        option = str((row.details or {}).get("option") or "")
        if any(m.kind == "option_change" for m in mentions):  # homologated by the court
            option = "polygamy"
        return MarriageFact(
            ref=ref,
            option=option,
            event_date=row.event_date,
            dissolved_by=ended,
        )

    def marriages_of(self, birth_act_ref: str) -> list[MarriageFact]:
        """Marriages mentioned on the birth act. One whose act is held here is read from its
        act; one held elsewhere counts as dissolved when a divorce (or cancellation) mention
        on the same birth act names it, or follows it with no other marriage in between."""
        birth = self._registered(birth_act_ref, "birth")
        if birth is None:
            return []
        facts: list[MarriageFact] = []
        for m in self._mentions(birth.id):
            if m.kind == "marriage":
                held = self.marriage(m.related_ref) if m.related_ref else None
                facts.append(
                    held or MarriageFact(m.related_ref or f"mention:{m.uuid}", "", m.date, "")
                )
            elif m.kind in ("divorce", "cancellation") and facts:
                target = next(
                    (i for i, f in enumerate(facts) if m.related_ref and f.ref == m.related_ref),
                    len(facts) - 1,
                )
                f = facts[target]
                if not f.dissolved_by:
                    facts[target] = MarriageFact(f.ref, f.option, f.event_date, _ENDING[m.kind])
        return facts

    def is_death_act(self, ref: str) -> bool:
        return self._registered(ref, "death") is not None
