"""The records of a verified batch written into the store, in one pass (the writing side of
an import; the reading side, :mod:`civreg.exchange.act_reading`, runs here or in a worker
process, :mod:`civreg.exchange.reading_process`)."""

from __future__ import annotations

import bisect
import hashlib
from array import array
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import insert
from sqlalchemy.orm import Session

from civreg.exchange import reading_process
from civreg.exchange import record_import as ri
from civreg.exchange.act_import import EXPLAINING_KINDS, explained, next_ids, store_acts
from civreg.exchange.chunks import ActChunk, RecordChunk, Start
from civreg.exchange.import_state import ImportState, Ingested, Limits, QuarantinedRef
from civreg.models.base import utcnow
from civreg.models.sync import QuarantineItem
from civreg.sync.reader import VerifiedBatch
from civreg.sync.record_stream import iter_records


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


def read_chunks(
    s: Session,
    office_id: str,
    verified: VerifiedBatch,
    frame: Iterable[bytes | memoryview],
    limits: Limits,
) -> Iterator[ActChunk | RecordChunk]:
    """The batch's records in chunks, read here or, for a big batch, in a worker process."""
    bind = s.get_bind()
    act_id, person_id = next_ids(s)
    start = Start(office_id, f"{bind.dialect.name}+{bind.dialect.driver}", act_id, person_id)
    counts = verified.header.counts
    if reading_process.worth_a_process(int(counts.get("act", 0)), limits.worker_min_acts):
        whole = b"".join(frame)  # decrypted (and authenticated) here, read there
        return reading_process.read_in_process(whole, counts, limits.records(), start)
    return reading_process.read_here(frame, counts, limits.records(), start)


def apply_records(
    s: Session,
    got: Ingested,
    verified: VerifiedBatch,
    opened: Callable[[], Iterable[bytes | memoryview]],
    state: ImportState,
    level: str,
    limits: Limits,
) -> None:
    """Write the records in chunks of one type, in the batch's order (key announcements,
    acts, mentions, notices, copies, audit: what the writer emits), in one pass. An act
    stored with another content is decided at the end: a rectification-type mention
    further on in the batch explains it. A refusal met while reading (some only after the
    last record) is raised here; the caller's transaction then rolls back what was written."""
    outcome = got.outcome
    outcome.update(
        keys_added=0,
        acts=dict.fromkeys(("inserted", "unchanged", "explained", "quarantined"), 0),
        mentions_added=0,
        copies_added=0,
        notices={"applied": 0, "routed": 0, "not_here": 0},
        audit_added=0,
    )
    mentioned = ExplainedActs()
    differing: list[tuple[int, str]] = []
    chunks = read_chunks(s, got.office_id, verified, opened(), limits)
    try:
        for chunk in chunks:
            if isinstance(chunk, ActChunk):
                stored = store_acts(s, chunk)
                got.acts_inserted.update(stored.inserted)
                outcome["acts"]["inserted"] += len(stored.inserted)
                outcome["acts"]["unchanged"] += stored.unchanged
                differing.extend(stored.differing)
            else:
                _write(s, got, chunk, state, level, mentioned)
            s.flush()
            spill_quarantine(s, got)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()  # a refusal here stops the reading process
    mentioned.freeze()
    unexplained = set()
    for act_id, gid in differing:
        if explained(s, act_id, gid, mentioned):
            outcome["acts"]["explained"] += 1
        else:
            unexplained.add(gid)
    if unexplained:  # rare: their records are read again (the first reading kept none)
        outcome["acts"]["quarantined"] += len(unexplained)
        again = iter_records(
            opened(), expected_counts=verified.header.counts, limits=limits.records()
        )
        for r in again:
            if r["type"] == "act" and r["id"] in unexplained:
                got.quarantine.append((r, "differs"))
    s.flush()


def _write(
    s: Session,
    got: Ingested,
    chunk: RecordChunk,
    state: ImportState,
    level: str,
    mentioned: ExplainedActs,
) -> None:
    """Write a chunk of records other than acts."""
    outcome = got.outcome
    kind, records = chunk.kind, chunk.records
    if kind == "key_announcement":
        outcome["keys_added"] += ri.import_key_announcements(s, got.office_id, records, state.trust)
    elif kind == "mention":
        for r in records:
            if r.get("kind") in EXPLAINING_KINDS and isinstance(r.get("act"), str):
                mentioned.add(r["act"])
        outcome["mentions_added"] += ri.import_mentions(s, records, got.quarantine)
    elif kind == "copy":
        outcome["copies_added"] += ri.import_copies(s, records, got.quarantine)
    elif kind == "notice":
        here, routed, kept = ri.import_notices(s, records, level)
        got.notices_here.extend(here)
        outcome["notices"]["routed"] += routed
        outcome["notices"]["not_here"] += kept
    elif kind == "audit":
        outcome["audit_added"] += ri.import_audit(s, got.office_id, records, got.quarantine)


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
