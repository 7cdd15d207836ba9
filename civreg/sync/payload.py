"""The batch payload: records as canonical JSON Lines, compressed as one zstd frame.

Writing streams records into the compressor in ~1 MiB chunks. Reading decompresses under a
hard output limit: input is fed in small slices sized so that one slice can never expand past
the remaining budget by more than :data:`OVERSHOOT_BOUND` bytes (zstd emits at most one
128 KiB block per input byte), so a decompression bomb is refused early.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterable, Iterator
from typing import Any

import zstandard

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.sync.format import RECORD_TYPES, ZSTD_LEVEL, parse_json_text
from civreg.sync.rejections import reject

MAX_ID_LENGTH = 256
MAX_WINDOW_BYTES = 8 * 1024 * 1024
_WRITE_CHUNK = 1024 * 1024
_ZSTD_BLOCK = 128 * 1024
_MIN_SLICE = 64
_MAX_SLICE = 64 * 1024
OVERSHOOT_BOUND = _MIN_SLICE * _ZSTD_BLOCK

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


def record_key(record: object) -> tuple[str, str] | str:
    """``(type, id)`` for a valid record, else a short description of what is wrong."""
    if not isinstance(record, dict):
        return "not an object"
    kind = record.get("type")
    if not isinstance(kind, str) or kind not in RECORD_TYPES:
        return "unknown record type"
    ident = record.get("id")
    if not isinstance(ident, str) or not 0 < len(ident) <= MAX_ID_LENGTH:
        return "missing or invalid id"
    return (kind, ident)


_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)  # built once: json.dumps with options builds a new encoder per call


def encode_records(records: Iterable[dict[str, Any]]) -> tuple[bytes, dict[str, int]]:
    """Compress ``records`` as JSON Lines; return the zstd frame and the count per type."""
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True).compressobj()
    counts = dict.fromkeys(RECORD_TYPES, 0)
    seen: set[tuple[str, str]] = set()
    out: list[bytes] = []
    lines: list[str] = []
    pending = 0
    for number, record in enumerate(records, 1):
        key = record_key(record)
        if isinstance(key, str):
            raise BatchInputError(f"record {number}: {key}")
        if key in seen:
            raise BatchInputError(f"record {number}: duplicate {key[0]} id")
        seen.add(key)
        counts[key[0]] += 1
        try:
            line = _CANONICAL.encode(record)
        except (TypeError, ValueError, RecursionError) as exc:
            raise BatchInputError(f"record {number}: not JSON-serialisable ({exc})") from None
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


class _RecordCollector:
    """Turns decompressed bytes into validated records, line by line."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.counts = dict.fromkeys(RECORD_TYPES, 0)
        self._seen: set[tuple[str, str]] = set()
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        buffer = self._tail + chunk if self._tail else chunk
        cut = buffer.rfind(b"\n")
        if cut < 0:
            self._tail = buffer
            return
        self._tail = buffer[cut + 1 :]
        try:
            text = buffer[:cut].decode("utf-8")
        except UnicodeDecodeError:
            raise reject("malformed_payload", detail="not UTF-8") from None
        for line in text.split("\n"):
            self._add(line)

    def _add(self, line: str) -> None:
        number = len(self.records) + 1
        try:
            record = parse_json_text(line)
        except (ValueError, RecursionError):
            raise reject("malformed_payload", detail=f"line {number} is not JSON") from None
        key = record_key(record)
        if isinstance(key, str):
            raise reject("malformed_payload", detail=f"line {number}: {key}")
        if key in self._seen:
            raise reject("duplicate_record", record_type=key[0], line=number)
        self._seen.add(key)
        self.counts[key[0]] += 1
        self.records.append(record)

    def finish(self) -> list[dict[str, Any]]:
        if self._tail:
            raise reject("malformed_payload", detail="last line not terminated")
        return self.records


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing creates many long-lived, acyclic objects: the cyclic GC would rescan them
    again and again (about half the parse time for 100k acts) without freeing anything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode_records(
    frame: bytes | memoryview, *, max_decompressed_bytes: int
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Decompress and parse one zstd frame of JSON Lines under a hard size limit."""
    with _collector_paused():
        return _decode(frame, max_decompressed_bytes)


def _decode(
    frame: bytes | memoryview, max_decompressed_bytes: int
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    view = memoryview(frame)
    decompressor = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW_BYTES).decompressobj()
    collector = _RecordCollector()
    produced = 0
    offset = 0
    while offset < len(view):
        budget = max_decompressed_bytes - produced
        size = min(_MAX_SLICE, max(_MIN_SLICE, budget // _ZSTD_BLOCK))
        piece = view[offset : offset + size]
        offset += len(piece)
        try:
            chunk = decompressor.decompress(piece)
        except zstandard.ZstdError:
            raise reject("malformed_payload", detail="not a valid zstd frame") from None
        produced += len(chunk)
        if produced > max_decompressed_bytes:
            raise reject("too_large", limit=max_decompressed_bytes)
        if chunk:
            collector.feed(chunk)
        if decompressor.eof:
            if decompressor.unused_data or offset < len(view):
                raise reject("malformed_payload", detail="data after the zstd frame")
            break
    if not decompressor.eof:
        raise reject("malformed_payload", detail="incomplete zstd frame")
    return collector.finish(), collector.counts
