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

import bisect
import contextlib
import hashlib
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from civreg.errors import BatchRejected
from civreg.exchange import record_import as ri
from civreg.exchange.act_import import EXPLAINING_KINDS, KeyCache, import_acts
from civreg.exchange.files import read_file
from civreg.exchange.trust import StoreTrust, authority_keys
from civreg.models.base import utcnow
from civreg.models.sync import QuarantineItem, ReceivedBatch
from civreg.sync.reader import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_PAYLOAD_BYTES,
    VerifiedBatch,
    check_file_size,
    inspect_batch,
    stream_records,
    verify_batch,
)
from civreg.sync.record_stream import RecordLimits
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


# A batch file is read whole (its bytes are kept for forwarding): its size is the bound on
# what one import holds in memory (docs/batch-format.md §8, "Reader limits").
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
CHUNK_RECORDS = 2000  # records of one type written at a time
# SQLite page cache while importing: the store's own cache grows with the store (up to 256
# MiB), which would make an import's memory grow with the district. Measured on 30k acts:
# 64 MiB -> 16 MiB cache, 210 -> 154 MB peak, 39.5 -> 40.3 s.
IMPORT_CACHE_KIB = 32 * 1024


@contextlib.contextmanager
def bounded_cache(s: Session, kib: int = IMPORT_CACHE_KIB) -> Iterator[None]:
    """Within an import's transaction on SQLite, a page cache of at most ``kib``."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = s.connection()
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar() or -IMPORT_CACHE_KIB
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")


@dataclass(frozen=True)
class Limits:
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_record_bytes: int = RecordLimits.max_record_bytes
    max_records: int = RecordLimits.max_records

    def records(self) -> RecordLimits:
        return RecordLimits(
            max_decompressed_bytes=self.max_decompressed_bytes,
            max_record_bytes=self.max_record_bytes,
            max_records=self.max_records,
        )


def _named(exc: BatchRejected, path: Path) -> BatchRejected:
    exc.params.setdefault("file", Path(path).name)
    return exc


@dataclass(frozen=True)
class LoadedBatch:
    """A batch whose header was read. ``data`` None: a file, read again by :func:`ingest`
    (an import of many files holds one in memory at a time); else the bytes themselves (an
    upload to the intake service)."""

    path: Path
    data: bytes | None
    office_id: str
    sequence: int


def read_batch_file(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refused (``too_large``) from its size before it is read."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0  # read_file says why
    try:
        check_file_size(size, limits.max_file_bytes)
    except BatchRejected as exc:
        raise _named(exc, path) from None
    return read_file(path)


def load_files(paths: list[Path], limits: Limits | None = None) -> list[LoadedBatch]:
    """Read every file's header (nothing verified yet), sorted by (office, sequence)."""
    limits = limits or Limits()
    loaded = []
    for path in paths:
        data = read_batch_file(path, limits)
        try:
            header = inspect_batch(data)
        except BatchRejected as exc:
            raise _named(exc, path) from None
        loaded.append(LoadedBatch(Path(path), None, header.office_id, header.sequence))
        del data
    loaded.sort(key=lambda b: (b.office_id, b.sequence, str(b.path)))
    return loaded


class ImportState:
    """What one import call keeps across its batches: the trust store (a batch may announce a
    key that signs the next one) and the search-key cache."""

    def __init__(self, s: Session) -> None:
        self.trust = StoreTrust(s)
        self.keys = KeyCache()


class ExplainedActs:
    """Global ids a batch carries a rectification-type mention for, as sorted 8-byte digests
    (membership by bisection: a batch of 1M mentions costs 8 MB, not a dict of strings)."""

    def __init__(self) -> None:
        self._digests = array("Q")

    @staticmethod
    def _digest(gid: str) -> int:
        return int.from_bytes(hashlib.blake2b(gid.encode(), digest_size=8).digest(), "big")

    def add(self, gid: str) -> None:
        self._digests.append(self._digest(gid))

    def freeze(self) -> None:
        self._digests = array("Q", sorted(self._digests))

    def __contains__(self, gid: object) -> bool:
        if not isinstance(gid, str):
            return False
        d = self._digest(gid)
        i = bisect.bisect_left(self._digests, d)
        return i < len(self._digests) and self._digests[i] == d


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
    spilled: list[QuarantinedRef] = field(default_factory=list)  # already stored

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
    data = loaded.data if loaded.data is not None else read_batch_file(loaded.path, limits)
    check_file_size(len(data), limits.max_file_bytes)
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
    before = _stored_anchor(earlier) if earlier is not None else None
    records: Callable[[], Iterator[dict[str, Any]]] | None = None
    explained = ExplainedActs()
    opener = _decrypt_key(s, verified) if h.encrypted else (None, None)
    if opener is not None:
        key, own = opener

        def records() -> Iterator[dict[str, Any]]:
            return stream_records(
                verified, decrypt_key=key, own_recipient_key_id=own, limits=limits.records()
            )

        explained = _validate(records())  # the whole payload checked before anything is written
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
    del data  # kept by the batch row; the records are read again from the verified payload
    got.anchor = anchor
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
        _apply(s, got, records(), explained, state, level)
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


def _validate(records: Iterator[dict[str, Any]]) -> ExplainedActs:
    """First pass: read every record through the reader's checks (structure, limits, counts,
    duplicates) keeping nothing but the acts a rectification-type mention explains."""
    explained = ExplainedActs()
    for r in records:
        if r["type"] == "mention" and r.get("kind") in EXPLAINING_KINDS:
            act = r.get("act")
            if isinstance(act, str):
                explained.add(act)
    explained.freeze()
    return explained


def _apply(
    s: Session,
    got: Ingested,
    records: Iterator[dict[str, Any]],
    explained: ExplainedActs,
    state: ImportState,
    level: str,
) -> None:
    """Second pass: write the records in chunks of one type, in the batch's order (key
    announcements, acts, mentions, notices, copies, audit: what the writer emits)."""
    outcome = got.outcome
    outcome.update(
        keys_added=0,
        acts=dict.fromkeys(("inserted", "unchanged", "explained", "quarantined"), 0),
        mentions_added=0,
        copies_added=0,
        notices={"applied": 0, "routed": 0, "not_here": 0},
        audit_added=0,
    )

    def write(kind: str, chunk: list[dict[str, Any]]) -> None:
        if kind == "key_announcement":
            outcome["keys_added"] += ri.import_key_announcements(
                s, got.office_id, chunk, state.trust
            )
        elif kind == "act":
            # A number given twice across chunks meets the act the earlier chunk stored.
            inserted, q_acts, act_counts = import_acts(
                s, got.office_id, chunk, explained, state.keys
            )
            got.acts_inserted.update(inserted)
            got.quarantine.extend(q_acts)
            for k, v in act_counts.items():
                outcome["acts"][k] += v
        elif kind == "mention":
            outcome["mentions_added"] += ri.import_mentions(s, chunk, got.quarantine)
        elif kind == "copy":
            outcome["copies_added"] += ri.import_copies(s, chunk, got.quarantine)
        elif kind == "notice":
            here, routed, kept = ri.import_notices(s, chunk, level)
            got.notices_here.extend(here)
            outcome["notices"]["routed"] += routed
            outcome["notices"]["not_here"] += kept
        elif kind == "audit":
            outcome["audit_added"] += ri.import_audit(s, got.office_id, chunk, got.quarantine)
        s.flush()
        spill_quarantine(s, got)

    kind, chunk = "", list[dict[str, Any]]()
    for r in records:
        if r["type"] != kind or len(chunk) >= CHUNK_RECORDS:
            if chunk:
                write(kind, chunk)
            kind, chunk = r["type"], []
        chunk.append(r)
    if chunk:
        write(kind, chunk)
    s.flush()


SPILL_AT = 1000


def spill_quarantine(s: Session, got: Ingested, *, at: int = SPILL_AT) -> None:
    """Store the quarantined records gathered so far once there are ``at`` of them, keeping
    only their references (a batch of quarantined records does not pile up in memory)."""
    if len(got.quarantine) < at or got.batch_id is None or not got.quarantine:
        return
    rows = [
        {
            "batch_id": got.batch_id,
            "office_id": got.office_id,
            "record_type": record["type"],
            "record_id": record["id"],
            "reason": reason,
            "record": record,
            "status": "open",
            "created_at": utcnow(),
        }
        for record, reason in got.quarantine
    ]
    s.execute(insert(QuarantineItem), rows)  # Core: no ORM object kept per record
    got.spilled.extend(QuarantinedRef(r["record_type"], r["record_id"], r["reason"]) for r in rows)
    got.quarantine.clear()


def finish(s: Session, got: Ingested) -> BatchReport:
    """Store the batch's quarantine and outcome; the report that goes into the receipt."""
    if got.batch_id is not None:
        batch = s.get(ReceivedBatch, got.batch_id)
        assert batch is not None
        spill_quarantine(s, got, at=0)
        batch.outcome = got.outcome
        s.flush()
    refs = got.spilled + [QuarantinedRef(r["type"], r["id"], why) for r, why in got.quarantine]
    return BatchReport(
        got.file,
        got.office_id,
        got.sequence,
        got.sha256,
        got.status,
        got.counts,
        got.outcome,
        tuple(refs),
        got.anchor,
    )
