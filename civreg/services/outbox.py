"""The outbox's store side: which exported batches still have to be delivered, how far each
upload went, the receipts that come back, and the outbox settings.

A batch is queued by being exported: every ``outgoing_batches`` row not acknowledged by a
receipt is pending, in sequence order, whether or not it was also copied to a USB stick (the
intake service answers "already imported" and gives the receipt). ``outbox_deliveries``
keeps, per sequence, the delivery state shown on the Transmission screen.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from civreg.errors import CivregError
from civreg.models.base import utcnow
from civreg.models.online import OutboxDelivery
from civreg.models.sync import OutgoingBatch
from civreg.security import audit
from civreg.services.context import Ctx
from civreg.services.outbox_settings import KEY, OutboxSettings, check
from civreg.services.settings import get_setting, put_setting

STATES = ("waiting", "uploading", "delivered", "acknowledged", "rejected")


@dataclass(frozen=True)
class Pending:
    sequence: int
    sha256: str
    size: int
    state: str
    sent_bytes: int
    attempts: int
    last_error: str
    next_attempt_at: datetime | None


@dataclass(frozen=True)
class DeliveryView:
    sequence: int
    created_at: str
    size: int
    state: str  # waiting | uploading | delivered | acknowledged | rejected
    sent_bytes: int
    attempts: int
    last_error: str
    last_attempt_at: str | None
    next_attempt_at: str | None
    delivered_at: str | None
    server_status: str


@dataclass(frozen=True)
class OutboxStatus:
    endpoint: str  # "" when not configured
    enabled: bool
    deliveries: tuple[DeliveryView, ...]  # newest first

    @property
    def waiting(self) -> int:
        return sum(1 for d in self.deliveries if d.state in ("waiting", "uploading", "rejected"))


def get_outbox_settings(ctx: Ctx) -> OutboxSettings:
    ctx.require("batch.export")
    with ctx.store.read() as s:
        return OutboxSettings.from_json(get_setting(s, KEY, {}))


def set_outbox_settings(ctx: Ctx, settings: OutboxSettings) -> OutboxSettings:
    """Save the outbox settings (administrator); checked first, nothing saved if wrong."""
    ctx.require("office.settings")
    settings = check(settings)
    with ctx.store.write() as s:
        put_setting(s, KEY, settings.to_json())
        audit.append(
            s,
            user_id=ctx.user.id,
            username=ctx.user.username,
            operation="outbox.configure",
            detail=settings.endpoint or "off",
        )
    return settings


def pending(ctx: Ctx) -> list[Pending]:
    """Batches not acknowledged yet, oldest first (their bytes are fetched one at a time)."""
    ctx.require("batch.export")
    with ctx.store.read() as s:
        rows = s.execute(
            select(
                OutgoingBatch.sequence,
                OutgoingBatch.sha256,
                func.length(OutgoingBatch.data),
            )
            .where(OutgoingBatch.acknowledged_at.is_(None))
            .order_by(OutgoingBatch.sequence)
        ).all()
        deliveries = {d.sequence: d for d in s.scalars(select(OutboxDelivery))}
        out = []
        for seq, sha, size in rows:
            d = deliveries.get(seq)
            out.append(
                Pending(
                    seq,
                    sha,
                    int(size or 0),
                    d.state if d else "waiting",
                    d.sent_bytes if d else 0,
                    d.attempts if d else 0,
                    d.last_error if d else "",
                    d.next_attempt_at if d else None,
                )
            )
        return out


def batch_bytes(ctx: Ctx, sequence: int) -> bytes:
    ctx.require("batch.export")
    with ctx.store.read() as s:
        data = s.scalar(select(OutgoingBatch.data).where(OutgoingBatch.sequence == sequence))
        if data is None:
            raise CivregError("sync.no_such_batch", sequence=sequence)
        return bytes(data)


def record(ctx: Ctx, sequence: int, *, attempt: bool = False, **changes: Any) -> None:
    """Update the delivery state of batch ``sequence`` (created on first use)."""
    ctx.require("batch.export")
    with ctx.store.write() as s:
        d = s.get(OutboxDelivery, sequence)
        if d is None:
            d = OutboxDelivery(sequence=sequence, state="waiting", sent_bytes=0, attempts=0)
            s.add(d)
        if attempt:
            d.attempts = (d.attempts or 0) + 1
            d.last_attempt_at = utcnow()
        for name, value in changes.items():
            setattr(d, name, value)
        if changes.get("state") == "delivered" and d.delivered_at is None:
            d.delivered_at = utcnow()


def accept_receipt(ctx: Ctx, sequence: int, data: bytes) -> str:
    """Record the district's signed receipt for batch ``sequence`` (verified against this
    store's trust store like a receipt file). Returns the new delivery state:
    ``acknowledged``, or ``delivered`` when the receipt cannot be verified here yet (the
    district's key is not trusted): ``last_error`` says why."""
    from civreg.services.transmission import import_receipt
    from civreg.sync.rejections import ReceiptRejected

    ctx.require("receipt.import")
    with tempfile.TemporaryDirectory(prefix="civreg-receipt-") as tmp:
        path = Path(tmp) / "receipt.json"
        path.write_bytes(data)  # identifiers only: no personal data
        try:
            result = import_receipt(ctx, path)
        except ReceiptRejected as exc:
            record(ctx, sequence, state="delivered", last_error=exc.key[:60])
            return "delivered"
    state = "acknowledged" if sequence in result.acknowledged else "delivered"
    record(ctx, sequence, state=state, last_error="", next_attempt_at=None)
    return state


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def outbox_status(ctx: Ctx, *, limit: int = 200) -> OutboxStatus:
    """What the Transmission screen and ``civreg outbox status`` show."""
    ctx.require("batch.export")
    with ctx.store.read() as s:
        settings = OutboxSettings.from_json(get_setting(s, KEY, {}))
        deliveries = {d.sequence: d for d in s.scalars(select(OutboxDelivery))}
        rows = s.execute(
            select(
                OutgoingBatch.sequence,
                OutgoingBatch.created_at,
                OutgoingBatch.acknowledged_at,
                func.length(OutgoingBatch.data),
            )
            .order_by(OutgoingBatch.sequence.desc())
            .limit(limit)
        ).all()
        views = []
        for seq, created, acked, size in rows:
            d = deliveries.get(seq)
            state = "acknowledged" if acked else (d.state if d else "waiting")
            views.append(
                DeliveryView(
                    seq,
                    created.isoformat(timespec="seconds"),
                    int(size or 0),
                    state,
                    d.sent_bytes if d else 0,
                    d.attempts if d else 0,
                    d.last_error if d else "",
                    _iso(d.last_attempt_at) if d else None,
                    _iso(d.next_attempt_at) if d and not acked else None,
                    _iso(d.delivered_at) if d else None,
                    d.server_status if d else "",
                )
            )
        return OutboxStatus(settings.endpoint, settings.enabled, tuple(views))
