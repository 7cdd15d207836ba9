"""Warn before the same birth (or death) is registered twice, and record the registrar's call.

The candidates come from :mod:`civreg.services.duplicate_match` (which says how they are
found and scored); these are the use cases: role checks, the profile's window, the
registrar's decisions (audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from civreg.domain.acts import ActInput
from civreg.errors import CivregError, NotFound
from civreg.i18n import register
from civreg.models.acts import Act, DuplicateDecision
from civreg.models.users import User
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.duplicate_match import (
    DuplicateCandidate,
    Reason,
    candidates,
    candidates_for_act,
    decided_not_duplicate,
)
from civreg.services.search_match import reading

__all__ = [
    "DECISIONS",
    "DuplicateCandidate",
    "DuplicateDecisionView",
    "Reason",
    "decide_duplicate",
    "decisions_for",
    "find_duplicates",
    "find_duplicates_for_act",
]

register(
    {
        "duplicates.bad_decision": {
            "fr": "Décision inconnue : « pas un doublon » ou « même personne ».",
            "en": "Unknown decision: 'not a duplicate' or 'same person'.",
        },
        "duplicates.same_act": {
            "fr": "Un acte ne peut pas être le doublon de lui-même.",
            "en": "An act cannot be a duplicate of itself.",
        },
    }
)

DECISIONS = ("not_duplicate", "same_person")


@dataclass(frozen=True)
class DuplicateDecisionView:
    id: int
    act_id: int
    candidate_act_id: int
    decision: str
    decided_by: str
    decided_at: str


def find_duplicates(
    ctx: Ctx, data: ActInput, *, exclude_act_id: int | None = None
) -> list[DuplicateCandidate]:
    """Acts that may already record this birth or death, best first (empty for marriages).

    ``exclude_act_id`` is the draft being checked: it is not its own duplicate, and pairs the
    registrar already declared "not a duplicate" are not shown again.
    """
    ctx.require("search")
    days = ctx.profile.duplicate_window_days
    with reading(ctx.store) as db:
        exclude: set[int] = set()
        if exclude_act_id is not None:
            exclude = {exclude_act_id} | decided_not_duplicate(db, exclude_act_id)
        return candidates(db, data, days=days, exclude=exclude, own_commune=None)


def find_duplicates_for_act(ctx: Ctx, act_id: int) -> list[DuplicateCandidate]:
    """Candidates for a stored act, e.g. one just imported: ``cross_commune`` marks those
    held by another commune, for the district to review."""
    ctx.require("search")
    with ctx.store.read() as s:
        return candidates_for_act(s, act_id, ctx.profile.duplicate_window_days)


@logged("duplicate.decide")
def decide_duplicate(
    ctx: Ctx, act_id: int, candidate_act_id: int, decision: str
) -> DuplicateDecisionView:
    """Record the registrar's decision on a pair (audited). ``same_person``: the clerk then
    opens the existing act instead of registering the new one."""
    ctx.require("duplicate.decide")
    if decision not in DECISIONS:
        raise CivregError("duplicates.bad_decision")
    if act_id == candidate_act_id:
        raise CivregError("duplicates.same_act")
    with ctx.store.write() as s:
        act = s.get(Act, act_id)
        other = s.get(Act, candidate_act_id)
        if act is None or other is None:
            raise NotFound("acts.not_found", ref=str(act_id if act is None else candidate_act_id))
        row = DuplicateDecision(
            act_id=act_id,
            candidate_act_id=candidate_act_id,
            decision=decision,
            decided_by=ctx.user.id,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s,
            "duplicate.decide",
            act_uuid=act.uuid,
            after={"candidate": other.uuid, "decision": decision},
            detail=f"{decision} {other.global_id or other.uuid}",
        )
        return DuplicateDecisionView(
            row.id,
            act_id,
            candidate_act_id,
            decision,
            ctx.user.username,
            row.decided_at.isoformat("T", "seconds"),
        )


def decisions_for(ctx: Ctx, act_id: int) -> list[DuplicateDecisionView]:
    """Decisions already taken about an act (either side of the pair)."""
    ctx.require("search")
    with ctx.store.read() as s:
        rows = s.scalars(
            select(DuplicateDecision)
            .where(
                (DuplicateDecision.act_id == act_id)
                | (DuplicateDecision.candidate_act_id == act_id)
            )
            .order_by(DuplicateDecision.id)
        )
        users = {u.id: u.username for u in s.scalars(select(User))}
        return [
            DuplicateDecisionView(
                r.id,
                r.act_id,
                r.candidate_act_id,
                r.decision,
                users.get(r.decided_by or 0, ""),
                r.decided_at.isoformat("T", "seconds"),
            )
            for r in rows
        ]
