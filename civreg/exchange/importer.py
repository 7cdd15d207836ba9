"""Import batch files into a store (district, national, or a commune receiving notices).

All files of one call are imported in ONE write transaction, in (office, sequence) order;
each batch is verified (trust, signature, hash, recipient, format) before any of its records
is looked at, and any refusal rolls the whole call back: the store is exactly as before.
A batch already imported (same office, sequence and bytes) changes nothing; the same office
and sequence with other bytes is refused. Gaps in an office's sequence are reported.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.errors import BatchRejected
from civreg.exchange import record_import as ri
from civreg.exchange.act_import import KeyCache, import_acts
from civreg.exchange.files import read_file
from civreg.exchange.gc_pause import collector_paused
from civreg.exchange.trust import StoreTrust, authority_keys
from civreg.models.sync import QuarantineItem, ReceivedBatch
from civreg.security import audit
from civreg.sync.reader import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_PAYLOAD_BYTES,
    VerifiedBatch,
    inspect_batch,
    read_records,
    verify_batch,
)
from civreg.sync.rejections import reject

DUPLICATE_CHECK_MAX_ACTS = 2000  # bigger batches (initial uploads): check from the review screen


@dataclass(frozen=True)
class QuarantinedRef:
    record_type: str
    record_id: str
    reason: str


@dataclass(frozen=True)
class BatchReport:
    file: str
    office_id: str
    sequence: int
    sha256: str
    status: str  # imported | sealed | already_imported
    counts: dict[str, int]
    outcome: dict[str, Any] = field(default_factory=dict)
    quarantined: tuple[QuarantinedRef, ...] = ()

    def receipt_entry(self) -> dict[str, Any]:
        return {
            "office_id": self.office_id,
            "sequence": self.sequence,
            "sha256": self.sha256,
            "status": self.status,
            "counts": self.counts,
            "outcome": self.outcome,
            "quarantined": [
                {"type": q.record_type, "id": q.record_id, "reason": q.reason}
                for q in self.quarantined
            ],
        }


@dataclass(frozen=True)
class Limits:
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES


def _named(exc: BatchRejected, path: Path) -> BatchRejected:
    exc.params.setdefault("file", Path(path).name)
    return exc


def import_files(
    ctx: Any, s: Session, paths: list[Path], limits: Limits
) -> tuple[list[BatchReport], dict[str, list[int]]]:
    """Import every file inside the caller's write transaction (role already checked)."""
    loaded = []
    for path in paths:
        data = read_file(path)
        try:
            header = inspect_batch(data)
        except BatchRejected as exc:
            raise _named(exc, path) from None
        loaded.append((header.office_id, header.sequence, str(path), Path(path), data))
    loaded.sort(key=lambda x: (x[0], x[1], x[2]))
    trust = StoreTrust(s)
    keys = KeyCache()
    reports = []
    with collector_paused():
        for _office, _seq, _name, path, data in loaded:
            try:
                reports.append(_import_one(ctx, s, path, data, trust, keys, limits))
            except BatchRejected as exc:
                raise _named(exc, path) from None
    offices = sorted({r.office_id for r in reports})
    return reports, {o: missing_sequences(s, o) for o in offices}


def missing_sequences(s: Session, office_id: str) -> list[int]:
    have = set(
        s.scalars(select(ReceivedBatch.sequence).where(ReceivedBatch.office_id == office_id))
    )
    return [n for n in range(1, max(have, default=0) + 1) if n not in have]


def _decrypt_key(s: Session, verified: VerifiedBatch) -> tuple[Any, str | None] | None:
    """The authority key to open an encrypted batch with; None: this store holds none."""
    held = authority_keys(s)
    if not held:
        return None
    rid = verified.header.recipient_key_id
    if rid in held:
        return held[rid], rid
    kid, key = next(iter(held.items()))
    return key, kid  # read_records then refuses: wrong recipient


def _import_one(
    ctx: Any,
    s: Session,
    path: Path,
    data: bytes,
    trust: StoreTrust,
    keys: KeyCache,
    limits: Limits,
) -> BatchReport:
    verified = verify_batch(data, trust, max_payload_bytes=limits.max_payload_bytes)
    h = verified.header
    sha = hashlib.sha256(data).hexdigest()
    if h.office_id == ctx.office.office_id:
        raise reject("own_batch", office_id=h.office_id)
    counts = {k: v for k, v in h.counts.items() if v}
    previous = s.scalar(
        select(ReceivedBatch).where(
            ReceivedBatch.office_id == h.office_id, ReceivedBatch.sequence == h.sequence
        )
    )
    if previous is not None:
        if previous.sha256 != sha:
            raise reject("sequence_conflict", office_id=h.office_id, sequence=h.sequence)
        return BatchReport(path.name, h.office_id, h.sequence, sha, "already_imported", counts)
    records: list[dict[str, Any]] | None = None
    if h.encrypted:
        opener = _decrypt_key(s, verified)
        if opener is not None:
            records = read_records(
                verified,
                decrypt_key=opener[0],
                own_recipient_key_id=opener[1],
                max_decompressed_bytes=limits.max_decompressed_bytes,
            )
    else:
        records = read_records(verified, max_decompressed_bytes=limits.max_decompressed_bytes)
    batch = ReceivedBatch(
        office_id=h.office_id,
        sequence=h.sequence,
        signing_key_id=h.signing_key_id,
        recipient_key_id=h.recipient_key_id,
        sha256=sha,
        state="imported" if records is not None else "sealed",
        counts=counts,
        data=data,
        batch_created_at=h.created_at.replace(tzinfo=None),
        imported_by=ctx.user.username,
    )
    s.add(batch)
    s.flush()
    outcome: dict[str, Any] = {}
    quarantine: ri.Quarantine = []
    if records is not None:
        outcome = _apply(ctx, s, h.office_id, records, trust, keys, quarantine)
    for record, reason in quarantine:
        s.add(
            QuarantineItem(
                batch_id=batch.id,
                office_id=h.office_id,
                record_type=record["type"],
                record_id=record["id"],
                reason=reason,
                record=record,
            )
        )
    batch.outcome = outcome
    audit.append(
        s,
        user_id=ctx.user.id,
        username=ctx.user.username,
        operation="batch.import",
        detail=f"{h.office_id} batch {h.sequence} {batch.state} quarantined={len(quarantine)}",
    )
    s.flush()
    return BatchReport(
        path.name,
        h.office_id,
        h.sequence,
        sha,
        batch.state,
        counts,
        outcome,
        tuple(QuarantinedRef(r["type"], r["id"], reason) for r, reason in quarantine),
    )


def _apply(
    ctx: Any,
    s: Session,
    office_id: str,
    records: list[dict[str, Any]],
    trust: StoreTrust,
    keys: KeyCache,
    quarantine: ri.Quarantine,
) -> dict[str, Any]:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_type[r["type"]].append(r)
    batch_mentions: dict[str, set[str]] = defaultdict(set)
    for m in by_type["mention"]:
        if isinstance(m.get("act"), str) and isinstance(m.get("kind"), str):
            batch_mentions[m["act"]].add(m["kind"])
    outcome: dict[str, Any] = {}
    outcome["keys_added"] = ri.import_key_announcements(
        s, office_id, by_type["key_announcement"], trust
    )
    inserted, q_acts, act_counts = import_acts(s, office_id, by_type["act"], batch_mentions, keys)
    quarantine.extend(q_acts)
    outcome["acts"] = act_counts
    outcome["mentions_added"] = ri.import_mentions(s, by_type["mention"], quarantine)
    outcome["copies_added"] = ri.import_copies(s, by_type["copy"], quarantine)
    applied, routed, kept = ri.import_notices(ctx, s, by_type["notice"], ctx.office.level)
    outcome["notices"] = {"applied": applied, "routed": routed, "not_here": kept}
    outcome["audit_added"] = ri.import_audit(s, office_id, by_type["audit"], quarantine)
    s.flush()
    outcome["possible_duplicates"] = _flag_duplicates(s, inserted, quarantine)
    return outcome


def _flag_duplicates(s: Session, inserted: dict[str, int], quarantine: ri.Quarantine) -> Any:
    """Acts that may record the same birth or death as an act of another commune."""
    try:
        from civreg.services.duplicates import find_duplicates_for_act
    except ImportError:  # the duplicate service is optional
        return "unavailable"
    if len(inserted) > DUPLICATE_CHECK_MAX_ACTS:
        return "skipped"
    flagged = 0
    for gid, act_id in inserted.items():
        cross = [c.global_id for c in find_duplicates_for_act(s, act_id) if c.cross_commune]
        if cross:
            quarantine.append(
                ({"type": "act", "id": gid, "candidates": cross}, "possible_duplicate")
            )
            flagged += 1
    return flagged
