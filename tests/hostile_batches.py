"""Correctly signed hostile batches, for the import-memory test and benchmark (issue 13 item 4):
what a broken or compromised office could send."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any


def signed_batch(
    frame: bytes,
    counts: dict[str, int],
    key: Any,
    key_id: str,
    office: str,
    seq: int,
    created_at: datetime | None = None,
) -> bytes:
    """A batch around ``frame`` (a zstd payload), correctly signed by ``key``."""
    from civreg.sync import crypto
    from civreg.sync.format import (
        RECORD_TYPES,
        TAG_HEADER,
        TAG_MANIFEST,
        TAG_PAYLOAD,
        TAG_SIGNATURE,
        frame_section,
        preamble,
    )
    from civreg.sync.header import BatchHeader, encode_manifest

    header = BatchHeader(
        office_id=office,
        signing_key_id=key_id,
        sequence=seq,
        changes_from=1,
        changes_to=1,
        created_at=created_at or datetime.now(UTC).replace(microsecond=0),
        recipient_key_id=None,
        encryption=None,
        counts=dict.fromkeys(RECORD_TYPES, 0) | counts,
        payload_length=len(frame),
    ).encode()
    signed = (
        preamble(1)
        + frame_section(TAG_HEADER, header)
        + frame_section(TAG_MANIFEST, encode_manifest(hashlib.sha256(frame).hexdigest()))
    )
    return (
        signed
        + frame_section(TAG_SIGNATURE, crypto.sign(key, signed))
        + frame_section(TAG_PAYLOAD, frame)
    )


def endless_line(inflated: int) -> bytes:
    """A hand-made zstd frame: one record whose value is ``inflated`` bytes of "A"."""

    def block(kind: int, size: int, last: bool = False) -> bytes:
        return (int(last) | kind << 1 | size << 3).to_bytes(3, "little")

    prefix, suffix = b'{"type":"act","id":"x","pad":"', b'"}\n'
    frame = bytearray(b"\x28\xb5\x2f\xfd" + b"\x00" + bytes([7 << 3]))
    frame += block(0, len(prefix)) + prefix
    for _ in range(inflated // (128 * 1024)):
        frame += block(1, 128 * 1024) + b"A"
    frame += block(0, len(suffix), last=True) + suffix
    return bytes(frame)
