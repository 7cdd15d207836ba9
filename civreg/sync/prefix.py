"""Authenticate a batch from its first bytes, before its payload has arrived.

A batch file is ``preamble | HEAD | MANI | SIGN | DATA`` (docs/batch-format.md); the
signature covers every byte before ``SIGN``, and the manifest holds the payload's SHA-256.
So the sender is proven as soon as the signed prefix (a few KB) is in: an upload from an
office this store does not trust, or with a bad signature, is refused at once, and its
payload is never stored. The full verification runs again at import.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

from civreg.sync import crypto
from civreg.sync.format import (
    FORMAT_VERSION,
    MAGIC,
    MAX_HEADER_BYTES,
    MAX_MANIFEST_BYTES,
    PREAMBLE_LENGTH,
    SIGNATURE_LENGTH,
    TAG_HEADER,
    TAG_MANIFEST,
    TAG_PAYLOAD,
    TAG_SIGNATURE,
)
from civreg.sync.header import BatchHeader, parse_header, parse_manifest
from civreg.sync.reader import KeyStatus, Trust
from civreg.sync.rejections import reject

_VERSION = struct.Struct(">H")
_SECTION = struct.Struct(">4sQ")
# The longest prefix a valid batch can have: beyond this, waiting for more bytes is pointless.
MAX_PREFIX = (
    PREAMBLE_LENGTH + 4 * _SECTION.size + MAX_HEADER_BYTES + MAX_MANIFEST_BYTES + SIGNATURE_LENGTH
)


@dataclass(frozen=True)
class SignedPrefix:
    header: BatchHeader
    payload_sha256: str
    length: int  # bytes of the prefix (everything before the payload)

    @property
    def total_length(self) -> int:
        return self.length + self.header.payload_length


def _section(data: bytes, offset: int, tag: bytes, limit: int) -> tuple[bytes, int] | None:
    if len(data) - offset < _SECTION.size:
        return None
    found, length = _SECTION.unpack_from(data, offset)
    if found != tag:
        raise reject("malformed_structure", detail=f"expected section {tag.decode()}")
    if length > limit:
        raise reject("malformed_structure", detail=f"section {tag.decode()} too long")
    start = offset + _SECTION.size
    if len(data) - start < length:
        return None
    return data[start : start + length], start + length


def read_prefix(data: bytes) -> tuple[bytes, bytes, bytes, bytes, int, int] | None:
    """(header, manifest, signature, signed bytes, prefix length, payload length), or None
    while more bytes are needed. Structural errors raise ``BatchRejected``."""
    if data[: len(MAGIC)] != MAGIC[: len(data)]:
        raise reject("bad_magic")
    if len(data) < PREAMBLE_LENGTH:
        return None
    (version,) = _VERSION.unpack_from(data, len(MAGIC))
    if version != FORMAT_VERSION:
        raise reject("unsupported_version", version=version)
    got = _section(data, PREAMBLE_LENGTH, TAG_HEADER, MAX_HEADER_BYTES)
    if got is None:
        return None
    header, offset = got
    got = _section(data, offset, TAG_MANIFEST, MAX_MANIFEST_BYTES)
    if got is None:
        return None
    manifest, signed_end = got
    got = _section(data, signed_end, TAG_SIGNATURE, SIGNATURE_LENGTH)
    if got is None:
        return None
    signature, offset = got
    if len(signature) != SIGNATURE_LENGTH:
        raise reject("malformed_structure", detail="signature length")
    if len(data) - offset < _SECTION.size:
        return None
    tag, payload_length = _SECTION.unpack_from(data, offset)
    if tag != TAG_PAYLOAD:
        raise reject("malformed_structure", detail="expected section DATA")
    return header, manifest, signature, data[:signed_end], offset + _SECTION.size, payload_length


def authenticate(data: bytes, trust: Trust) -> SignedPrefix | None:
    """The signed prefix of ``data`` checked against ``trust``; None if more bytes are needed.

    Raises ``BatchRejected`` (unknown_office, unknown_key, revoked_key, bad_signature,
    malformed_*) exactly as the full reader would for the same bytes."""
    parts = read_prefix(data)
    if parts is None:
        return None
    header_bytes, manifest, signature, signed, length, payload_length = parts
    header = parse_header(header_bytes)
    if header.payload_length != payload_length:
        raise reject("malformed_header", detail="payload_length")
    ids = {"office_id": header.office_id, "key_id": header.signing_key_id}
    status, key = trust(header.office_id, header.signing_key_id)
    if status == KeyStatus.UNKNOWN_OFFICE:
        raise reject("unknown_office", **ids)
    if status == KeyStatus.UNKNOWN_KEY:
        raise reject("unknown_key", **ids)
    if status == KeyStatus.REVOKED:
        raise reject("revoked_key", **ids)
    if key is None or not crypto.signature_valid(key, signature, signed):
        raise reject("bad_signature", office_id=header.office_id)
    return SignedPrefix(header, parse_manifest(manifest), length)


TrustFactory = Callable[[], Trust]
