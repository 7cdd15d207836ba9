"""What the mention rules need to know about an act, read from the store, and the search keys
of names corrected by mentions. Runs inside the caller's transaction; never commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActKind
from civreg.domain.corrections import CurrentValues, apply_corrections
from civreg.domain.mention_rules import MentionTarget, RelatedAct
from civreg.models.act_repo import mentions_of, to_input, to_mention
from civreg.models.acts import Act
from civreg.models.corrected_search import index_corrected_names

__all__ = ["current_of", "index_corrected_names", "mention_target", "related_act"]


def current_of(s: Session, row: Act) -> CurrentValues:
    """The act's current values: as registered, with its mentions' corrections applied."""
    mentions = [to_mention(m) for m in mentions_of(s, row.id)]
    return apply_corrections(to_input(row), mentions)


def related_act(s: Session, ref: str) -> RelatedAct | None:
    ref = ref.strip()
    if not ref:
        return None
    other = s.scalar(select(Act).where(Act.global_id == ref))
    if other is None:
        return None
    return RelatedAct(ActKind(other.kind), other.event_date, other.status == "registered")


def mention_target(s: Session, row: Act, related_ref: str = "") -> MentionTarget:
    mentions = tuple(to_mention(m) for m in mentions_of(s, row.id))
    current = apply_corrections(to_input(row), mentions).data
    return MentionTarget(ActKind(row.kind), current, mentions, related_act(s, related_ref))
