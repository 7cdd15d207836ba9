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

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.errors import BatchRejected
from civreg.exchange.batch_records import apply_records, spill_quarantine
from civreg.exchange.files import read_file
from civreg.exchange.import_state import (
    ImportState,
    Ingested,
    Limits,
    QuarantinedRef,
)
from civreg.exchange.trust import authority_keys
from civreg.models.sync import ReceivedBatch
from civreg.sync.reader import (
    VerifiedBatch,
    check_file_size,
    frame_chunks,
    inspect_batch,
    verify_batch,
)
from civreg.sync.rejections import reject


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


# SQLite page cache while importing: the store's own cache grows with the store (up to 256
# MiB), which would make an import's memory grow with the district. Measured on 30k acts:
# 64 MiB -> 16 MiB cache, 210 -> 154 MB peak, 39.5 -> 40.3 s. At 100k acts a 32 MiB cache
# cost 12 s of CPU more than 256 MiB (every miss is a page decrypted and encrypted again,
# 15 indexes), so the import keeps the store's smallest cache, 64 MiB (bench/README.md).
IMPORT_CACHE_KIB = 64 * 1024


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
    opened: Callable[[], Iterable[bytes | memoryview]] | None = None
    opener = _decrypt_key(s, verified) if h.encrypted else (None, None)
    if opener is not None:
        key, own = opener

        def opened() -> Iterable[bytes | memoryview]:
            return frame_chunks(verified, decrypt_key=key, own_recipient_key_id=own)

        opened()  # the recipient is checked before anything is written
    batch = ReceivedBatch(
        office_id=h.office_id,
        sequence=h.sequence,
        signing_key_id=h.signing_key_id,
        recipient_key_id=h.recipient_key_id,
        sha256=sha,
        state="imported" if opened is not None else "sealed",
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
    if opened is not None:
        apply_records(s, got, verified, opened, state, level, limits)
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
