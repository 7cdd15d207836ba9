"""What an import holds: its limits, its state across batches, one batch as ingested."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from civreg.exchange import record_import as ri
from civreg.exchange.trust import StoreTrust
from civreg.sync.reader import DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_PAYLOAD_BYTES
from civreg.sync.record_stream import RecordLimits

# A batch file is read whole (its bytes are kept for forwarding): its size is the bound on
# what one import holds in memory (docs/batch-format.md §8, "Reader limits").
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
# From this many acts a batch is read in a process of its own (reading_process): starting it
# costs about half a second, a 100k-act batch gains a third of its import time.
WORKER_MIN_ACTS = 20_000


@dataclass(frozen=True)
class QuarantinedRef:
    record_type: str
    record_id: str
    reason: str


@dataclass(frozen=True)
class Limits:
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_record_bytes: int = RecordLimits.max_record_bytes
    max_records: int = RecordLimits.max_records
    worker_min_acts: int = WORKER_MIN_ACTS

    def records(self) -> RecordLimits:
        return RecordLimits(
            max_decompressed_bytes=self.max_decompressed_bytes,
            max_record_bytes=self.max_record_bytes,
            max_records=self.max_records,
        )


class ImportState:
    """What one import call keeps across its batches: the trust store (a batch may announce a
    key that signs the next one)."""

    def __init__(self, s: Session) -> None:
        self.trust = StoreTrust(s)


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
