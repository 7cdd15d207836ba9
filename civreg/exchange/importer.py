"""Write batch files into a store (district, national, or a commune receiving notices).

The caller (``civreg.services.transmission``) owns the one write transaction of a call and
walks the batches in (office, sequence) order: :func:`load_files` reads and sorts them,
:func:`ingest` verifies one batch (trust, signature, hash, recipient, format) before any of
its records is looked at and writes what it holds, returning what it inserted; the caller
then applies the notices addressed to acts registered here, runs the duplicate check, and
:func:`finish` stores the quarantine and the outcome. Any refusal rolls the whole call back:
the store is exactly as before. A batch already imported (same office, sequence and bytes)
changes nothing; the same office and sequence with other bytes is refused. Gaps in an
office's sequence are reported (:func:`missing_sequences`).
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
from civreg.exchange.trust import StoreTrust, authority_keys
from civreg.models.sync import QuarantineItem, ReceivedBatch
from civreg.sync.reader import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_PAYLOAD_BYTES,
    VerifiedBatch,
    inspect_batch,
    read_records,
    verify_batch,
)
from civreg.sync.rejections import reject


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
    anchor: dict[str, Any] | None = None  # the sender's mark, from the batch header

    def receipt_entry(self) -> dict[str, Any]:
        entry = {
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
        if self.anchor is not None:
            entry["anchor"] = self.anchor  # the sender keeps an outside copy of its mark
        return entry


@dataclass(frozen=True)
class Limits:
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES


def _named(exc: BatchRejected, path: Path) -> BatchRejected:
    exc.params.setdefault("file", Path(path).name)
    return exc


@dataclass(frozen=True)
class LoadedBatch:
    path: Path
    data: bytes
    office_id: str
    sequence: int


def load_files(paths: list[Path]) -> list[LoadedBatch]:
    """Read every file and its header (nothing verified yet), sorted by (office, sequence)."""
    loaded = []
    for path in paths:
        data = read_file(path)
        try:
            header = inspect_batch(data)
        except BatchRejected as exc:
            raise _named(exc, path) from None
        loaded.append(LoadedBatch(Path(path), data, header.office_id, header.sequence))
    loaded.sort(key=lambda b: (b.office_id, b.sequence, str(b.path)))
    return loaded


class ImportState:
    """What one import call keeps across its batches: the trust store (a batch may announce a
    key that signs the next one) and the search-key cache."""

    def __init__(self, s: Session) -> None:
        self.trust = StoreTrust(s)
        self.keys = KeyCache()


@dataclass
class Ingested:
    """One batch as written by :func:`ingest`, before the caller's own checks.

    ``batch_id`` is None when nothing was written (already imported). ``acts_inserted`` maps
    the global id of every act inserted to its row id; ``notices_here`` lists (notice row id,
    act row id) for the notices addressed to acts registered here: the caller applies them
    as mentions in the same transaction. The caller may add to ``quarantine`` and
    ``outcome`` before :func:`finish`.
    """

    file: str
    office_id: str
    sequence: int
    sha256: str
    status: str  # imported | sealed | already_imported
    counts: dict[str, int]
    batch_id: int | None = None
    outcome: dict[str, Any] = field(default_factory=dict)
    quarantine: ri.Quarantine = field(default_factory=list)
    acts_inserted: dict[str, int] = field(default_factory=dict)
    notices_here: list[tuple[int, int]] = field(default_factory=list)
    anchor: dict[str, Any] | None = None

    @property
    def records_read(self) -> bool:
        return self.status == "imported"


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


def ingest(
    s: Session,
    loaded: LoadedBatch,
    state: ImportState,
    limits: Limits,
    *,
    own_office_id: str,
    level: str,
    imported_by: str,
) -> Ingested:
    """Verify one batch and write its records; a refusal names the file."""
    try:
        return _ingest(s, loaded, state, limits, own_office_id, level, imported_by)
    except BatchRejected as exc:
        raise _named(exc, loaded.path) from None


def _ingest(
    s: Session,
    loaded: LoadedBatch,
    state: ImportState,
    limits: Limits,
    own_office_id: str,
    level: str,
    imported_by: str,
) -> Ingested:
    data = loaded.data
    # This office's own batch is refused as such before the signature check, which would
    # call it "from an unknown office" (an office does not trust its own key for imports).
    # The header is not authenticated yet, but nothing is imported either way.
    if inspect_batch(data).office_id == own_office_id:
        raise reject("own_batch", office_id=own_office_id)
    verified = verify_batch(data, state.trust, max_payload_bytes=limits.max_payload_bytes)
    h = verified.header
    sha = hashlib.sha256(data).hexdigest()
    counts = {k: v for k, v in h.counts.items() if v}
    previous = s.scalar(
        select(ReceivedBatch).where(
            ReceivedBatch.office_id == h.office_id, ReceivedBatch.sequence == h.sequence
        )
    )
    name = loaded.path.name
    anchor = dict(h.anchor) if h.anchor is not None else None
    if previous is not None:
        if previous.sha256 != sha:
            if went_back(anchor, _stored_anchor(previous)):
                raise reject("rolled_back", office_id=h.office_id, sequence=h.sequence)
            raise reject("sequence_conflict", office_id=h.office_id, sequence=h.sequence)
        got = Ingested(name, h.office_id, h.sequence, sha, "already_imported", counts)
        got.anchor = anchor
        return got
    earlier = s.scalar(
        select(ReceivedBatch)
        .where(ReceivedBatch.office_id == h.office_id, ReceivedBatch.sequence < h.sequence)
        .order_by(ReceivedBatch.sequence.desc())
        .limit(1)
    )
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
        imported_by=imported_by,
    )
    s.add(batch)
    s.flush()
    got = Ingested(name, h.office_id, h.sequence, sha, batch.state, counts, batch.id)
    got.anchor = anchor
    before = _stored_anchor(earlier) if earlier is not None else None
    if went_back(anchor, before):
        # The sender's store is older than when it made an earlier batch: it was put back
        # from an older copy. The batch is kept, the district is told.
        got.quarantine.append(
            (
                {
                    "type": "batch",
                    "id": f"{h.office_id}:{h.sequence}",
                    "anchor": anchor,
                    "earlier_anchor": before,
                },
                "rolled_back",
            )
        )
    if records is not None:
        _apply(s, got, records, state, level)
    return got


def _stored_anchor(batch: ReceivedBatch) -> dict[str, Any] | None:
    try:
        mark = inspect_batch(bytes(batch.data)).anchor
    except BatchRejected:
        return None
    return dict(mark) if mark is not None else None


def went_back(new: dict[str, Any] | None, old: dict[str, Any] | None) -> bool:
    """Whether a store's mark ``new`` is behind an earlier mark ``old`` of the same store:
    a shorter audit log, the same length with another head, or a register further back."""
    if new is None or old is None:
        return False
    if new["audit_seq"] < old["audit_seq"]:
        return True
    if new["audit_seq"] == old["audit_seq"] and new["audit_head"] != old["audit_head"]:
        return True
    return any(new["numbers"].get(k, 0) < v for k, v in old["numbers"].items())


def _apply(
    s: Session, got: Ingested, records: list[dict[str, Any]], state: ImportState, level: str
) -> None:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_type[r["type"]].append(r)
    batch_mentions: dict[str, set[str]] = defaultdict(set)
    for m in by_type["mention"]:
        if isinstance(m.get("act"), str) and isinstance(m.get("kind"), str):
            batch_mentions[m["act"]].add(m["kind"])
    outcome = got.outcome
    outcome["keys_added"] = ri.import_key_announcements(
        s, got.office_id, by_type["key_announcement"], state.trust
    )
    inserted, q_acts, act_counts = import_acts(
        s, got.office_id, by_type["act"], batch_mentions, state.keys
    )
    got.acts_inserted = inserted
    got.quarantine.extend(q_acts)
    outcome["acts"] = act_counts
    outcome["mentions_added"] = ri.import_mentions(s, by_type["mention"], got.quarantine)
    outcome["copies_added"] = ri.import_copies(s, by_type["copy"], got.quarantine)
    here, routed, kept = ri.import_notices(s, by_type["notice"], level)
    got.notices_here = here
    outcome["notices"] = {"applied": 0, "routed": routed, "not_here": kept}
    outcome["audit_added"] = ri.import_audit(s, got.office_id, by_type["audit"], got.quarantine)
    s.flush()


def finish(s: Session, got: Ingested) -> BatchReport:
    """Store the batch's quarantine and outcome; the report that goes into the receipt."""
    if got.batch_id is not None:
        batch = s.get(ReceivedBatch, got.batch_id)
        assert batch is not None
        for record, reason in got.quarantine:
            s.add(
                QuarantineItem(
                    batch_id=batch.id,
                    office_id=got.office_id,
                    record_type=record["type"],
                    record_id=record["id"],
                    reason=reason,
                    record=record,
                )
            )
        batch.outcome = got.outcome
        s.flush()
    return BatchReport(
        got.file,
        got.office_id,
        got.sequence,
        got.sha256,
        got.status,
        got.counts,
        got.outcome,
        tuple(QuarantinedRef(r["type"], r["id"], reason) for r, reason in got.quarantine),
        got.anchor,
    )
