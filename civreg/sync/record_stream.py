"""Records of a batch payload, one at a time, in bounded memory whatever the input.

The zstd frame is inflated in small slices (see :func:`inflate`) and cut into lines as it
comes; each line is parsed and yielded at once, so the reader never holds more than one slice
of output, one line and the identifiers it has seen. Every limit is enforced *as the bytes
are read*, before they can pile up (docs/batch-format.md §8, "Reader limits"):

- decompressed bytes: ``max_decompressed_bytes`` (``too_large``);
- one record (one line): ``max_record_bytes`` (``record_too_long``), checked while the line
  is still incomplete, so a frame that inflates to one endless line is refused after that
  many bytes, not after the whole decompression budget;
- records: the header's counts are checked against ``max_records`` before anything is
  inflated (``too_many_records``), and a type whose records outnumber its declared count is
  refused at the first extra one (``malformed_payload``);
- duplicates (``duplicate_record``): an 8-byte keyed digest per record, not the record.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import zstandard

from civreg.sync.format import RECORD_TYPES
from civreg.sync.record_json import parse_line
from civreg.sync.rejections import reject

MAX_ID_LENGTH = 256
MAX_WINDOW_BYTES = 8 * 1024 * 1024
_ZSTD_BLOCK = 128 * 1024
_MIN_BLOCK_BYTES = 4  # a block header (3 bytes) and one byte: an RLE block of up to 128 KiB
SLICE = 256
# What one slice can inflate to, whatever the budget: 64 blocks of 128 KiB = 8 MiB.
OVERSHOOT_BOUND = SLICE // _MIN_BLOCK_BYTES * _ZSTD_BLOCK


@dataclass(frozen=True)
class RecordLimits:
    """What a reader accepts from one batch payload (docs/batch-format.md §8)."""

    max_decompressed_bytes: int = 1024 * 1024 * 1024
    max_record_bytes: int = 1024 * 1024
    max_records: int = 1_000_000


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


def inflate(chunks: Iterable[bytes | memoryview], max_decompressed_bytes: int) -> Iterator[bytes]:
    """Decompress exactly one zstd frame arriving in ``chunks``, yielding its output.

    Input is fed in fixed slices of :data:`SLICE` bytes: a zstd block takes at least 4 bytes
    and inflates to at most 128 KiB, so one slice yields at most :data:`OVERSHOOT_BOUND`
    (8 MiB) whatever the remaining budget (slices sized by the budget let one call inflate
    to the whole budget: 267 MB from 8 KiB, measured). ``stream_reader`` and
    ``read_to_iter`` bound their output but end silently on a truncated frame or trailing
    bytes (measured with zstandard 0.25), so they are not used. 60 MB of act records
    inflate in 0.46 s this way (0.23 s with 4 KiB slices)."""
    decompressor = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW_BYTES).decompressobj()
    produced = 0
    for chunk in chunks:
        view = memoryview(chunk)
        offset = 0
        while offset < len(view):
            if decompressor.eof:
                raise reject("malformed_payload", detail="data after the zstd frame")
            piece = view[offset : offset + SLICE]
            offset += len(piece)
            try:
                out = decompressor.decompress(piece)
            except zstandard.ZstdError:
                raise reject("malformed_payload", detail="not a valid zstd frame") from None
            produced += len(out)
            if produced > max_decompressed_bytes:
                raise reject("too_large", limit=max_decompressed_bytes)
            if out:
                yield out
            if decompressor.eof and (decompressor.unused_data or offset < len(view)):
                raise reject("malformed_payload", detail="data after the zstd frame")
    if not decompressor.eof:
        raise reject("malformed_payload", detail="incomplete zstd frame")


def _lines(pieces: Iterable[bytes], max_record_bytes: int) -> Iterator[bytes]:
    """Complete lines (without their LF); a line may not grow past ``max_record_bytes``."""
    tail = bytearray()
    number = 0
    for piece in pieces:
        start = 0
        while True:
            cut = piece.find(b"\n", start)
            if cut < 0:
                tail += piece[start:]
                if len(tail) > max_record_bytes:
                    raise reject("record_too_long", line=number + 1, limit=max_record_bytes)
                break
            if tail:
                tail += piece[start:cut]
                line, tail = bytes(tail), bytearray()
            else:
                line = piece[start:cut]
            if len(line) > max_record_bytes:
                raise reject("record_too_long", line=number + 1, limit=max_record_bytes)
            number += 1
            yield line
            start = cut + 1
    if tail:
        raise reject("malformed_payload", detail="last line not terminated")


class SeenIds:
    """The (type, id) pairs read so far, as 8-byte keyed digests spread over 256 buckets by
    their first byte, each with the record's position: 16 bytes per record (a million
    records: 16 MB), and the duplicate search works one small bucket at a time."""

    def __init__(self) -> None:
        self._salt = hashlib.sha256(b"civreg-batch-record-ids").digest()[:16]
        self._digests = [array("Q") for _ in range(256)]
        self._positions = [array("Q") for _ in range(256)]
        self._types = array("B")

    def add(self, kind: str, ident: str) -> None:
        d = hashlib.blake2b(f"{kind}\0{ident}".encode(), digest_size=8, key=self._salt).digest()
        bucket = d[0]
        self._digests[bucket].append(int.from_bytes(d, "big"))
        self._positions[bucket].append(len(self._types))
        self._types.append(RECORD_TYPES.index(kind))

    def first_duplicate(self) -> tuple[str, int] | None:
        """(type, 1-based line) of the first record whose (type, id) came earlier."""
        first: int | None = None
        for digests, positions in zip(self._digests, self._positions, strict=True):
            earliest: dict[int, int] = {}
            for digest, position in zip(digests, positions, strict=True):
                if digest in earliest:
                    if first is None or position < first:
                        first = position
                else:
                    earliest[digest] = position
        if first is None:
            return None
        return RECORD_TYPES[self._types[first]], first + 1


def iter_records(
    frame_chunks: Iterable[bytes | memoryview],
    *,
    expected_counts: Mapping[str, int],
    limits: RecordLimits,
) -> Iterator[dict[str, Any]]:
    """Yield the payload's records in order; refuse (``BatchRejected``) as soon as a limit is
    passed. The checks that need the whole payload (every count reached, no duplicate) run
    when the last record has been read: a consumer writing into a database must do it in a
    transaction it rolls back on refusal (the importer does)."""
    declared = sum(int(expected_counts.get(t, 0)) for t in RECORD_TYPES)
    if declared > limits.max_records:
        raise reject("too_many_records", count=declared, limit=limits.max_records)
    counts = dict.fromkeys(RECORD_TYPES, 0)
    seen = SeenIds()
    lines = _lines(inflate(frame_chunks, limits.max_decompressed_bytes), limits.max_record_bytes)
    for number, line in enumerate(lines, 1):
        try:
            record = parse_line(bytes(line))
        except UnicodeDecodeError:
            raise reject("malformed_payload", detail=f"line {number} is not UTF-8") from None
        except (ValueError, RecursionError):
            raise reject("malformed_payload", detail=f"line {number} is not JSON") from None
        key = record_key(record)
        if isinstance(key, str):
            raise reject("malformed_payload", detail=f"line {number}: {key}")
        counts[key[0]] += 1
        if counts[key[0]] > int(expected_counts.get(key[0], 0)):
            raise reject("malformed_payload", detail="counts differ from the header")
        seen.add(*key)
        yield record
    if counts != {t: int(expected_counts.get(t, 0)) for t in RECORD_TYPES}:
        raise reject("malformed_payload", detail="counts differ from the header")
    duplicate = seen.first_duplicate()
    if duplicate is not None:
        raise reject("duplicate_record", record_type=duplicate[0], line=duplicate[1])
