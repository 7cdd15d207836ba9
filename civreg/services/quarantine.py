"""The district officer's review of quarantined records: what an import set aside (a record
to look at, not a refused batch), listed, and closed with a note. The record stays as it is;
closing is audited. See docs/transmission.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from civreg.errors import TransmissionError
from civreg.i18n import register
from civreg.models.base import utcnow
from civreg.models.sync import QuarantineItem, ReceivedBatch
from civreg.oplog import logged
from civreg.services.context import Ctx

register(
    {
        "quarantine.not_found": {
            "fr": "Élément de quarantaine n° {item} introuvable ou déjà traité.",
            "en": "Quarantine item no. {item} not found or already handled.",
        },
    }
)


@dataclass(frozen=True)
class QuarantineView:
    id: int
    office_id: str
    batch_sequence: int
    record_type: str
    record_id: str
    reason: str
    status: str
    created_at: str
    resolution: str

    @classmethod
    def of(cls, item: QuarantineItem, sequence: int) -> QuarantineView:
        return cls(
            item.id,
            item.office_id,
            sequence,
            item.record_type,
            item.record_id,
            item.reason,
            item.status,
            item.created_at.isoformat(timespec="seconds"),
            item.resolution,
        )


def list_quarantine(ctx: Ctx, *, include_resolved: bool = False) -> list[QuarantineView]:
    ctx.require("quarantine.review")
    with ctx.store.read() as s:
        q = (
            select(QuarantineItem, ReceivedBatch.sequence)
            .join(ReceivedBatch, ReceivedBatch.id == QuarantineItem.batch_id)
            .order_by(QuarantineItem.id)
        )
        if not include_resolved:
            q = q.where(QuarantineItem.status == "open")
        return [QuarantineView.of(i, seq) for i, seq in s.execute(q)]


@logged("quarantine.resolve", ref_arg="item_id")
def resolve_quarantine(ctx: Ctx, item_id: int, resolution: str) -> QuarantineView:
    """A district officer closes a quarantined item with a note (the record stays as it is)."""
    ctx.require("quarantine.review")
    with ctx.store.write() as s:
        item = s.get(QuarantineItem, item_id)
        if item is None or item.status != "open":
            raise TransmissionError("quarantine.not_found", item=item_id)
        item.status = "resolved"
        item.resolution = resolution.strip()
        item.resolved_by = ctx.user.username
        item.resolved_at = utcnow()
        ctx.audit(
            s,
            "quarantine.resolve",
            detail=f"{item.record_type} {item.record_id}: {item.reason}",
        )
        seq = s.scalar(select(ReceivedBatch.sequence).where(ReceivedBatch.id == item.batch_id))
        return QuarantineView.of(item, int(seq or 0))
