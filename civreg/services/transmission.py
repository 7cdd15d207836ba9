"""Transmission use cases: export, import, receipts, forwarding, status (the quarantine
review is :mod:`civreg.services.quarantine`).

The work is in ``civreg.exchange`` (export, importer, receipts); these functions check the role,
own the transaction and return plain data. See docs/transmission.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.errors import CivregError, TransmissionError
from civreg.exchange import importer, pending_files, receipts
from civreg.exchange.export import ExportResult, export_planned, plan, reexport
from civreg.exchange.files import write_file
from civreg.exchange.gc_pause import collector_paused
from civreg.exchange.importer import BatchReport, Limits
from civreg.exchange.trust import StoreTrust
from civreg.i18n import register
from civreg.models.acts import Act, ChangeLog, MentionNotice
from civreg.models.base import utcnow
from civreg.models.office import Office
from civreg.models.sync import OutgoingBatch, QuarantineItem, ReceiptRecord, ReceivedBatch
from civreg.oplog import logged
from civreg.security.audit import StoreBehind
from civreg.security.signing_power import office_signing_key
from civreg.services.context import Ctx
from civreg.services.duplicate_batch import cross_commune_duplicates
from civreg.services.keys import activate_announced_key, trusted_authority_key
from civreg.services.mentions import apply_notice_row
from civreg.services.quarantine import QuarantineView, list_quarantine, resolve_quarantine
from civreg.sync.reader import inspect_batch
from civreg.sync.rejections import ReceiptRejected

register(
    {
        "export.plain_and_recipient": {
            "fr": "Choisissez : un lot chiffré pour une clé (--recipient) ou un lot en clair "
            "(--plain), pas les deux.",
            "en": "Choose: a batch encrypted to a key (--recipient) or a batch in clear "
            "(--plain), not both.",
        },
    }
)

__all__ = [
    "BatchReport",
    "ExportResult",
    "ImportReport",
    "QuarantineView",
    "export_batch",
    "forward_batches",
    "import_batch_in",
    "import_batches",
    "import_receipt",
    "list_quarantine",
    "resolve_quarantine",
    "transmission_status",
]


DUPLICATE_CHECK_MAX_ACTS = 2000  # bigger batches (initial uploads): check from the review screen


@logged("batch.export")
def export_batch(
    ctx: Ctx,
    out_path: Path,
    *,
    recipient_key_file: Path | None = None,
    again: int | None = None,
    plain: bool = False,
) -> ExportResult:
    """Export everything not yet sent as the next batch, or re-export batch ``again``.

    The payload is encrypted to the authority key this office trusts
    (``civreg keys trust-authority``), or to ``recipient_key_file``; a batch in clear (names
    readable by whoever finds the USB stick) needs ``plain=True``. The file appears under
    ``out_path`` only once the batch is committed (no stray batch after a crash: see
    :mod:`civreg.exchange.pending_files`)."""
    ctx.require("batch.export")
    if plain and recipient_key_file:
        raise CivregError("export.plain_and_recipient")
    out_path = Path(out_path)
    with ctx.store.read() as s:  # refuse early, before anything is written
        reexport(s, out_path, again) if again is not None else plan(s)
    pending = pending_files.announce(ctx.store, out_path)
    try:
        with ctx.store.write() as s:
            if again is not None:
                result, data = reexport(s, out_path, again)
                ctx.audit(s, "batch.reexport", detail=f"batch {again}")
            else:
                planned = plan(s)
                ctx.audit(
                    s,
                    "batch.export",
                    detail=f"batch {planned.sequence} changes "
                    f"{planned.changes_from}-{planned.changes_to}",
                )
                result, data = export_planned(
                    s,
                    planned,
                    out_path,
                    created_by=ctx.user.username,
                    recipient_key_file=Path(recipient_key_file) if recipient_key_file else None,
                    recipient=None if plain or recipient_key_file else trusted_authority_key(s),
                )
                if result.announced_keys:
                    activate_announced_key(s, result.announced_keys[-1])
            pending_files.write_temporary(pending, data)  # if it fails, the transaction rolls back
            pending_files.mark_committed(s, pending, sequence=result.sequence, sha256=result.sha256)
    except BaseException:
        pending_files.abandon(ctx.store, pending)
        raise
    pending_files.publish(ctx.store, pending)
    return result


@dataclass(frozen=True)
class ImportReport:
    batches: tuple[BatchReport, ...]
    gaps: dict[str, list[int]]  # office -> missing sequence numbers
    receipt_path: str | None

    @property
    def quarantined(self) -> int:
        return sum(len(b.quarantined) for b in self.batches)


def _receipt_path(paths: list[Path], office_id: str, receipt_dir: Path | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    folder = receipt_dir if receipt_dir is not None else Path(paths[0]).parent
    return folder / f"receipt-{office_id}-{stamp}.json"


@logged("batch.import")
def import_batches(
    ctx: Ctx,
    paths: list[Path],
    *,
    receipt_dir: Path | None = None,
    limits: Limits | None = None,
) -> ImportReport:
    """Import batch files in one transaction with the signed receipt: the receipt's file
    gets its final name after the commit (or at the next start, after a crash)."""
    ctx.require("batch.import")
    paths = [Path(p) for p in paths]
    if not paths:
        return ImportReport((), {}, None)
    target = _receipt_path(paths, ctx.office.office_id, receipt_dir)
    pending = pending_files.pending_for(target)
    with ctx.store.write() as s:
        loaded = importer.load_files(paths, limits or Limits())
        state = importer.ImportState(s)
        reports = []
        with collector_paused(), importer.bounded_cache(s):
            for batch in loaded:
                reports.append(_import_one(ctx, s, batch, state, limits or Limits()))
        offices = sorted({r.office_id for r in reports})
        gaps = {o: importer.missing_sequences(s, o) for o in offices}
        office = s.scalar(select(Office))
        assert office is not None
        data = receipts.build(
            office_id=office.office_id,
            key_id=office.key_id,
            signing_key=office_signing_key(s, office),
            batches=[r.receipt_entry() for r in reports],
            gaps=gaps,
        )
        # The receipt commits with what the import changed (its bytes in the pending
        # record); its file is written after the commit, or at the next start after a
        # crash. A batch received again changes nothing: its receipt is just written.
        changed = any(r.status != "already_imported" for r in reports)
        if changed:
            pending_files.mark_committed(s, pending, data=data)
    pending_files.deliver(ctx.store, pending, data, recorded=changed)
    return ImportReport(tuple(reports), gaps, str(target))


def import_batch_in(
    ctx: Ctx, s: Session, name: str, data: bytes, limits: Limits | None = None
) -> BatchReport:
    """Import one batch given as bytes inside the caller's write transaction — the same steps
    as :func:`import_batches` for one file (the intake service, which also stores the
    receipt in that transaction)."""
    ctx.require("batch.import")
    header = inspect_batch(data)
    batch = importer.LoadedBatch(Path(name), data, header.office_id, header.sequence)
    with collector_paused(), importer.bounded_cache(s):
        return _import_one(ctx, s, batch, importer.ImportState(s), limits or Limits())


def _import_one(
    ctx: Ctx, s: Session, batch: importer.LoadedBatch, state: importer.ImportState, limits: Limits
) -> BatchReport:
    got = importer.ingest(
        s,
        batch,
        state,
        limits,
        own_office_id=ctx.office.office_id,
        level=ctx.office.level,
        imported_by=ctx.user.username,
    )
    if got.batch_id is None:
        return importer.finish(s, got)  # already imported: nothing written
    if got.records_read:
        for notice_id, act_id in got.notices_here:
            notice, act = s.get(MentionNotice, notice_id), s.get(Act, act_id)
            assert notice is not None and act is not None
            apply_notice_row(ctx, s, notice, act)
        got.outcome["notices"]["applied"] = len(got.notices_here)
        got.outcome["possible_duplicates"] = _flag_duplicates(
            s, got, ctx.profile.duplicate_window_days
        )
    report = importer.finish(s, got)
    ctx.audit(
        s,
        "batch.import",
        detail=f"{got.office_id} batch {got.sequence} {got.status} "
        f"quarantined={len(report.quarantined)}",
    )
    return report


def _flag_duplicates(s: Session, got: importer.Ingested, days: int) -> int | str:
    """Quarantine the inserted acts that may record the same birth or death as an act of
    another commune (within the profile's duplicate window of ``days``); a batch bigger than
    DUPLICATE_CHECK_MAX_ACTS (an initial upload) is checked from the review screen instead
    ("skipped")."""
    if len(got.acts_inserted) > DUPLICATE_CHECK_MAX_ACTS:
        return "skipped"
    found = cross_commune_duplicates(s, list(got.acts_inserted.values()), days)
    flagged = 0
    for gid, act_id in got.acts_inserted.items():
        cross = [c.global_id for c in found.get(act_id, [])]
        if cross:
            got.quarantine.append(
                ({"type": "act", "id": gid, "candidates": cross}, "possible_duplicate")
            )
            flagged += 1
    return flagged


def receipt_mark_behind(ctx: Ctx, s: Session, entries: list[dict[str, Any]], source: str) -> Any:
    """The store against the newest mark a receipt carries back for this office (the
    district's copy of what our batches said): a store behind it was put back."""
    from civreg.security import anchor
    from civreg.services import store_guard

    marks = [e["anchor"] for e in entries if isinstance(e.get("anchor"), dict)]
    best = None
    for m in marks:
        try:
            doc = anchor.from_batch(ctx.office.office_id, m)
        except (KeyError, TypeError, ValueError):
            continue
        if best is None or doc["audit"]["seq"] > best["audit"]["seq"]:
            best = doc
    if best is None or not anchor.well_formed(best):
        return None
    return store_guard.check_anchor(ctx.store, s, dict(best, source=source), vouched=True)


@dataclass(frozen=True)
class ReceiptResult:
    issuer: str
    acknowledged: tuple[int, ...]  # our batch sequences this receipt confirms
    quarantined: int
    already_known: bool


@logged("receipt.import")
def import_receipt(ctx: Ctx, path: Path) -> ReceiptResult:
    """A commune records the district's receipt: its batches are acknowledged."""
    ctx.require("receipt.import")
    with ctx.store.write() as s:
        receipt = receipts.read(Path(path), StoreTrust(s))
        mine = [b for b in receipt.body["batches"] if b.get("office_id") == ctx.office.office_id]
        behind = receipt_mark_behind(ctx, s, mine, Path(path).name)
        if behind is not None:
            ctx.store.behind = behind  # refuses numbers until an administrator acknowledges
            raise StoreBehind()
        sent = {b.sequence: b for b in s.scalars(select(OutgoingBatch))}
        matched = [
            (sent[b["sequence"]], b)
            for b in mine
            if b.get("sequence") in sent and sent[b["sequence"]].sha256 == b.get("sha256")
        ]
        if not matched:
            raise ReceiptRejected("receipt.not_for_us")
        known = s.scalar(select(ReceiptRecord).where(ReceiptRecord.sha256 == receipt.sha256))
        quarantined = 0
        if known is None:
            s.add(
                ReceiptRecord(
                    sha256=receipt.sha256,
                    issuer_office_id=receipt.office_id,
                    issuer_key_id=receipt.key_id,
                    issued_at=receipt.created_at,
                    body=receipt.body,
                )
            )
            for batch, entry in matched:
                items = entry.get("quarantined") or []
                quarantined += len(items)
                if batch.acknowledged_at is None or entry.get("status") != "already_imported":
                    batch.acknowledged_at = batch.acknowledged_at or receipt.created_at
                    batch.acknowledged_by = receipt.office_id
                    if entry.get("status") != "already_imported":
                        batch.quarantined = list(items)
            ctx.audit(
                s,
                "receipt.import",
                detail=f"from {receipt.office_id}: batches "
                + ",".join(str(b.sequence) for b, _ in matched),
            )
        return ReceiptResult(
            receipt.office_id,
            tuple(sorted(b.sequence for b, _ in matched)),
            quarantined,
            known is not None,
        )


@dataclass(frozen=True)
class OutgoingStatus:
    sequence: int
    created_at: str
    status: str  # sent | acknowledged | quarantined
    counts: dict[str, int]
    encrypted: bool
    acknowledged_at: str | None
    acknowledged_by: str
    quarantined: tuple[dict, ...]


@dataclass(frozen=True)
class TransmissionStatus:
    pending_changes: int  # change-log entries not yet in a batch
    batches: tuple[OutgoingStatus, ...]  # newest first
    received: int
    open_quarantine: int


def transmission_status(ctx: Ctx) -> TransmissionStatus:
    """What the Transmission screen shows: pending, sent, acknowledged, quarantined."""
    ctx.require("batch.export")
    with ctx.store.read() as s:
        rows = list(s.scalars(select(OutgoingBatch).order_by(OutgoingBatch.sequence.desc())))
        done = rows[0].changes_to if rows else 0
        pending = (
            s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.seq > done)) or 0
        )
        out = []
        for b in rows:
            status = "sent"
            if b.acknowledged_at is not None:
                status = "quarantined" if b.quarantined else "acknowledged"
            out.append(
                OutgoingStatus(
                    b.sequence,
                    b.created_at.isoformat(timespec="seconds"),
                    status,
                    dict(b.counts),
                    b.recipient_key_id is not None,
                    b.acknowledged_at.isoformat(timespec="seconds") if b.acknowledged_at else None,
                    b.acknowledged_by,
                    tuple(b.quarantined or ()),
                )
            )
        received = s.scalar(select(func.count()).select_from(ReceivedBatch)) or 0
        open_q = (
            s.scalar(
                select(func.count())
                .select_from(QuarantineItem)
                .where(QuarantineItem.status == "open")
            )
            or 0
        )
        return TransmissionStatus(int(pending), tuple(out), int(received), int(open_q))


@logged("batch.forward")
def forward_batches(ctx: Ctx, out_dir: Path, *, again: bool = False) -> list[Path]:
    """Copy received batches, byte for byte, into ``out_dir`` for the next level; each is
    forwarded once unless ``again``. The original office's signature travels with it."""
    ctx.require("batch.export")
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise TransmissionError("sync.cannot_write_file", name=out_dir.name, detail="no folder")
    written = []
    with ctx.store.write() as s:
        q = select(ReceivedBatch).order_by(ReceivedBatch.office_id, ReceivedBatch.sequence)
        if not again:
            q = q.where(ReceivedBatch.forwarded_at.is_(None))
        for b in s.scalars(q):
            target = out_dir / f"{b.office_id}-{b.sequence:06d}.civbatch"
            write_file(target, b.data)
            b.forwarded_at = utcnow()
            written.append(target)
        if written:
            ctx.audit(
                s,
                "batch.forward",
                detail=f"{len(written)} batches",
            )
    return written
