"""The intake service's use cases, below HTTP: resumable uploads kept in the store, the import
of a completed upload with the same code as ``civreg import``, and its signed receipt.

Exactly once: a batch is named by the SHA-256 of its bytes. Its chunks are appended under a
row lock (two processes cannot both write at one offset), and its import, receipt and the
removal of its chunks happen in one write transaction, which PostgreSQL serialises between
processes (``Store.write``); the import itself refuses a second (office, sequence). An upload
whose batch is already in the store — sent earlier, or brought on a USB stick — ends at once
with that batch's receipt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from civreg.errors import BatchRejected
from civreg.exchange import receipts
from civreg.exchange.importer import Limits, missing_sequences
from civreg.exchange.trust import StoreTrust
from civreg.i18n import register
from civreg.models.base import utcnow
from civreg.models.office import Office
from civreg.models.online import IntakeChunk, IntakeReceipt, IntakeUpload
from civreg.models.store import SESSION_STORE
from civreg.models.sync import QuarantineItem, ReceivedBatch
from civreg.security.signing_power import office_signing_key
from civreg.services.context import Ctx
from civreg.services.transmission import import_batch_in
from civreg.sync.prefix import SignedPrefix
from civreg.sync.rejections import reject

register(
    {
        "batch.upload_corrupted": {
            "fr": "Le lot reçu ne correspond pas à son empreinte (transfert altéré) : "
            "il sera renvoyé en entier.",
            "en": "The batch received does not match its fingerprint (transfer damaged): "
            "it will be sent again in full.",
        },
        "batch.upload_length": {
            "fr": "La longueur annoncée du lot ({length} octets) ne correspond pas à son "
            "en-tête ({expected} octets).",
            "en": "The announced batch length ({length} bytes) does not match its header "
            "({expected} bytes).",
        },
    }
)


class OffsetMismatch(Exception):
    """The client's offset is not where the stored upload ends (another request got there
    first, or bytes were lost): it should continue from ``offset``."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


@dataclass(frozen=True)
class UploadView:
    sha256: str
    status: str  # uploading | imported | sealed | already_imported
    offset: int
    length: int
    office_id: str = ""
    sequence: int = 0

    @property
    def done(self) -> bool:
        return self.status != "uploading"


@dataclass(frozen=True)
class Delivered:
    view: UploadView
    receipt: bytes  # the signed receipt, exact bytes (also served by GET …/receipt)
    quarantined: int
    fresh: bool  # imported by this call (False: it was already in the store)


@contextmanager
def _tx(ctx: Ctx) -> Iterator[Session]:
    """A short transaction outside the store's writer lock: uploads do not wait for imports."""
    with Session(ctx.store.engine, expire_on_commit=False) as s:
        s.info[SESSION_STORE] = ctx.store  # a receipt made here is signed with the vault key
        with s.begin():
            yield s


def _receipt_body(data: bytes) -> dict[str, Any]:
    return dict(json.loads(data)["receipt"])


def _receipt_view(r: IntakeReceipt) -> UploadView:
    entries = [b for b in _receipt_body(r.data)["batches"] if b.get("sha256") == r.batch_sha256]
    status = str(entries[0].get("status", "imported")) if entries else "imported"
    return UploadView(r.batch_sha256, status, 0, 0, r.office_id, r.sequence)


def upload_state(ctx: Ctx, sha256: str) -> UploadView | None:
    """What the service knows about the batch with these bytes; None: nothing yet."""
    ctx.require("batch.import")
    with _tx(ctx) as s:
        r = s.get(IntakeReceipt, sha256)
        if r is not None:
            return _receipt_view(r)
        u = s.get(IntakeUpload, sha256)
        if u is None:
            return None
        return UploadView(sha256, "uploading", u.received, u.length, u.office_id, u.sequence)


def _check_new(ctx: Ctx, s: Session, sha256: str, prefix: SignedPrefix) -> ReceivedBatch | None:
    h = prefix.header
    if h.office_id == ctx.office.office_id:
        raise reject("own_batch", office_id=h.office_id)
    previous = s.scalar(
        select(ReceivedBatch).where(
            ReceivedBatch.office_id == h.office_id, ReceivedBatch.sequence == h.sequence
        )
    )
    if previous is not None and previous.sha256 != sha256:
        raise reject("sequence_conflict", office_id=h.office_id, sequence=h.sequence)
    return previous


def begin_upload(ctx: Ctx, sha256: str, prefix: SignedPrefix, length: int) -> UploadView:
    """Open (or find) the upload of a batch whose signed prefix was authenticated."""
    ctx.require("batch.import")
    if length != prefix.total_length:
        raise BatchRejected(
            "malformed_header", "batch.upload_length", length=length, expected=prefix.total_length
        )
    with _tx(ctx) as s:
        done = s.get(IntakeReceipt, sha256)
        if done is not None:
            return _receipt_view(done)
        previous = _check_new(ctx, s, sha256, prefix)
        if previous is not None:  # in the store already (USB stick, another intake)
            return _receipt_view(_restated(s, previous))
        u = s.get(IntakeUpload, sha256)
        if u is None:
            try:
                with s.begin_nested():
                    u = IntakeUpload(
                        sha256=sha256,
                        office_id=prefix.header.office_id,
                        sequence=prefix.header.sequence,
                        length=length,
                        received=0,
                    )
                    s.add(u)
            except IntegrityError:  # another process opened it at the same moment
                u = s.get(IntakeUpload, sha256)
                assert u is not None
        return UploadView(sha256, "uploading", u.received, u.length, u.office_id, u.sequence)


def append_chunk(ctx: Ctx, sha256: str, offset: int, data: bytes) -> UploadView:
    """Store ``data`` at ``offset`` of the upload; ``OffsetMismatch`` if it does not end there."""
    ctx.require("batch.import")
    with _tx(ctx) as s:
        u = s.scalar(select(IntakeUpload).where(IntakeUpload.sha256 == sha256).with_for_update())
        if u is None:
            raise OffsetMismatch(0)
        if offset != u.received:
            raise OffsetMismatch(u.received)
        data = data[: u.length - offset]
        if data:
            s.add(IntakeChunk(upload_sha256=sha256, offset=offset, data=data))
            u.received = offset + len(data)
            u.updated_at = utcnow()
        return UploadView(sha256, "uploading", u.received, u.length, u.office_id, u.sequence)


def _assemble(s: Session, sha256: str) -> bytes:
    parts = s.scalars(
        select(IntakeChunk.data)
        .where(IntakeChunk.upload_sha256 == sha256)
        .order_by(IntakeChunk.offset)
    )
    return b"".join(bytes(p) for p in parts)


def _drop_upload(s: Session, sha256: str) -> None:
    s.execute(delete(IntakeChunk).where(IntakeChunk.upload_sha256 == sha256))
    s.execute(delete(IntakeUpload).where(IntakeUpload.sha256 == sha256))


def discard_upload(ctx: Ctx, sha256: str) -> None:
    ctx.require("batch.import")
    with _tx(ctx) as s:
        _drop_upload(s, sha256)


def _sign(s: Session, entries: list[dict[str, Any]], gaps: dict[str, list[int]]) -> bytes:
    office = s.scalar(select(Office))
    assert office is not None
    return receipts.build(
        office_id=office.office_id,
        key_id=office.key_id,
        signing_key=office_signing_key(s, office),
        batches=entries,
        gaps=gaps,
    )


def _restated_entry(s: Session, b: ReceivedBatch) -> dict[str, Any]:
    """The receipt entry of a batch imported earlier (by file or by another request)."""
    items = s.scalars(
        select(QuarantineItem).where(QuarantineItem.batch_id == b.id).order_by(QuarantineItem.id)
    )
    return {
        "office_id": b.office_id,
        "sequence": b.sequence,
        "sha256": b.sha256,
        "status": b.state,
        "counts": dict(b.counts),
        "outcome": dict(b.outcome or {}),
        "quarantined": [
            {"type": q.record_type, "id": q.record_id, "reason": q.reason} for q in items
        ],
    }


def _stored(r: IntakeReceipt, fresh: bool) -> Delivered:
    view = _receipt_view(r)
    body = _receipt_body(r.data)
    quarantined = sum(len(b.get("quarantined") or ()) for b in body["batches"])
    return Delivered(view, bytes(r.data), quarantined, fresh)


def finish_upload(ctx: Ctx, sha256: str, limits: Limits | None = None) -> Delivered:
    """Import a complete upload (or find it imported) and return its signed receipt.

    One write transaction: the import, the receipt and the removal of the chunks. A refused
    batch raises ``BatchRejected`` and its upload is discarded (the store is unchanged)."""
    ctx.require("batch.import")
    try:
        with ctx.store.write() as s:
            r = s.get(IntakeReceipt, sha256)
            if r is not None:
                return _stored(r, False)
            u = s.get(IntakeUpload, sha256)
            previous = None
            if u is not None:
                previous = s.scalar(
                    select(ReceivedBatch).where(
                        ReceivedBatch.office_id == u.office_id,
                        ReceivedBatch.sequence == u.sequence,
                    )
                )
            if previous is not None and previous.sha256 == sha256:
                r = _restated(s, previous)
                _drop_upload(s, sha256)
                return _stored(r, False)
            if u is None or u.received != u.length:
                raise OffsetMismatch(u.received if u is not None else 0)
            data = _assemble(s, sha256)
            if hashlib.sha256(data).hexdigest() != sha256:
                raise BatchRejected("upload_corrupted", "batch.upload_corrupted")
            name = f"{u.office_id}-{u.sequence:06d}.civbatch"
            report = import_batch_in(ctx, s, name, data, limits)
            received = s.scalar(
                select(ReceivedBatch).where(
                    ReceivedBatch.office_id == report.office_id,
                    ReceivedBatch.sequence == report.sequence,
                )
            )
            assert received is not None
            r = _store_receipt(s, received, [report.receipt_entry()])
            _drop_upload(s, sha256)
            return _stored(r, report.status != "already_imported")
    except BatchRejected:
        discard_upload(ctx, sha256)
        raise


def _store_receipt(s: Session, b: ReceivedBatch, entries: list[dict[str, Any]]) -> IntakeReceipt:
    data = _sign(s, entries, {b.office_id: missing_sequences(s, b.office_id)})
    r = IntakeReceipt(batch_sha256=b.sha256, office_id=b.office_id, sequence=b.sequence, data=data)
    s.add(r)
    s.flush()
    return r


def _restated(s: Session, b: ReceivedBatch) -> IntakeReceipt:
    """The stored receipt of a batch imported earlier, made now if there is none yet."""
    r = s.get(IntakeReceipt, b.sha256)
    if r is not None:
        return r
    try:
        with s.begin_nested():
            return _store_receipt(s, b, [_restated_entry(s, b)])
    except IntegrityError:  # another process made it at the same moment
        r = s.get(IntakeReceipt, b.sha256)
        assert r is not None
        return r


def receipt_for(ctx: Ctx, sha256: str) -> bytes | None:
    """The signed receipt of the batch with these bytes, if this store has imported it."""
    ctx.require("batch.import")
    with _tx(ctx) as s:
        r = s.get(IntakeReceipt, sha256)
        return bytes(r.data) if r is not None else None


def trust_of(ctx: Ctx) -> StoreTrust:
    """The trust store as it is now (read for each new upload: a key trusted a minute ago
    counts, a key revoked a minute ago does not)."""
    with _tx(ctx) as s:
        return StoreTrust(s)


def spooled_bytes(ctx: Ctx) -> int:
    with _tx(ctx) as s:
        return int(s.scalar(select(func.coalesce(func.sum(IntakeUpload.length), 0))) or 0)


def expire_uploads(ctx: Ctx, older_than: timedelta) -> int:
    """Forget uploads nobody continued for ``older_than``; returns how many."""
    ctx.require("batch.import")
    limit = utcnow() - older_than
    with _tx(ctx) as s:
        stale = list(s.scalars(select(IntakeUpload.sha256).where(IntakeUpload.updated_at < limit)))
        for sha in stale:
            _drop_upload(s, sha)
        return len(stale)
