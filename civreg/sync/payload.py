"""The batch payload: records as canonical JSON Lines, compressed as one zstd frame.

Writing streams records into the compressor in ~1 MiB chunks. Reading is
:mod:`civreg.sync.record_stream`: records one at a time, every limit enforced as read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import zstandard

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.sync.format import RECORD_TYPES, ZSTD_LEVEL
from civreg.sync.record_stream import MAX_ID_LENGTH, record_key

__all__ = [
    "CANONICAL",
    "MAX_ID_LENGTH",
    "BatchInputError",
    "EncodedRecord",
    "encode_records",
    "record_key",
]

_WRITE_CHUNK = 1024 * 1024

register(
    {
        "batch.invalid_input": {
            "fr": "Impossible d'écrire le lot : {detail}.",
            "en": "Cannot write the batch: {detail}.",
        }
    }
)


class BatchInputError(CivregError):
    """The writer was given records or parameters it cannot put in a valid batch."""

    key = "batch.invalid_input"

    def __init__(self, detail: str) -> None:
        super().__init__(self.key, detail=detail)


CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)  # format.canonical_json's encoder, built once (json.dumps with options builds one per call)


@dataclass(frozen=True, slots=True)
class EncodedRecord:
    """A record its producer has already written as canonical JSON (``line``, no newline),
    with the type and id that line holds: the exporter's fast path
    (:mod:`civreg.exchange.act_lines`), whose tests hold ``line`` equal to
    ``canonical_json`` of the record as a dict."""

    type: str
    id: str
    line: str


def _key_and_line(record: dict[str, Any] | EncodedRecord, number: int) -> tuple[Any, str]:
    """The record's ``(type, id)`` and its canonical JSON line."""
    if isinstance(record, EncodedRecord):
        key = record_key({"type": record.type, "id": record.id})
        if isinstance(key, str):
            raise BatchInputError(f"record {number}: {key}")
        return key, record.line
    key = record_key(record)
    if isinstance(key, str):
        raise BatchInputError(f"record {number}: {key}")
    try:
        return key, CANONICAL.encode(record)
    except (TypeError, ValueError, RecursionError) as exc:
        raise BatchInputError(f"record {number}: not JSON-serialisable ({exc})") from None


def encode_records(
    records: Iterable[dict[str, Any] | EncodedRecord],
) -> tuple[bytes, dict[str, int]]:
    """Compress ``records`` (dicts, or :class:`EncodedRecord`) as JSON Lines; return the zstd
    frame and the count per type."""
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True).compressobj()
    counts = dict.fromkeys(RECORD_TYPES, 0)
    seen: set[tuple[str, str]] = set()
    out: list[bytes] = []
    lines: list[str] = []
    pending = 0
    for number, record in enumerate(records, 1):
        key, line = _key_and_line(record, number)
        if key in seen:
            raise BatchInputError(f"record {number}: duplicate {key[0]} id")
        seen.add(key)
        counts[key[0]] += 1
        lines.append(line)
        pending += len(line)
        if pending >= _WRITE_CHUNK:
            out.append(compressor.compress(("\n".join(lines) + "\n").encode("utf-8")))
            lines.clear()
            pending = 0
    if lines:
        out.append(compressor.compress(("\n".join(lines) + "\n").encode("utf-8")))
    out.append(compressor.flush())
    return b"".join(out), counts
