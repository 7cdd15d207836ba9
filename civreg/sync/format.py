"""The civreg batch file: constants, canonical JSON and the length-prefixed framing.

Layout (format version 1, see docs/batch-format.md)::

    magic "\\x89CIVBAT\\n" (8 bytes) | version uint16 BE
    "HEAD" uint64 BE length | header  (canonical JSON)
    "MANI" uint64 BE length | manifest (canonical JSON)
    "SIGN" uint64 BE length | Ed25519 signature (64 bytes) over every byte before "SIGN"
    "DATA" uint64 BE length | payload (zstd JSON Lines, AES-256-GCM ciphertext when encrypted)

This module only cuts a file into its sections; it trusts nothing it reads.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any

from civreg.sync.rejections import reject

MAGIC = b"\x89CIVBAT\n"
FORMAT_VERSION = 1
FORMAT_NAME = "civreg-batch"
COMPRESSION = "zstd"
ZSTD_LEVEL = 3
ENCRYPTION_SCHEME = "X25519-HKDF-SHA256-AES-256-GCM"

RECORD_TYPES: tuple[str, ...] = ("act", "mention", "notice", "copy", "audit", "key_announcement")

TAG_HEADER = b"HEAD"
TAG_MANIFEST = b"MANI"
TAG_SIGNATURE = b"SIGN"
TAG_PAYLOAD = b"DATA"

SIGNATURE_LENGTH = 64
MAX_HEADER_BYTES = 64 * 1024
MAX_MANIFEST_BYTES = 4 * 1024
MAX_JSON_INT = 2**53 - 1

_VERSION = struct.Struct(">H")
_SECTION = struct.Struct(">4sQ")
PREAMBLE_LENGTH = len(MAGIC) + _VERSION.size


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, no NaN: the bytes that get signed."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _no_constants(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


_STRICT_DECODER = json.JSONDecoder(parse_constant=_no_constants)


def parse_json_text(text: str) -> Any:
    """Parse standard JSON (no NaN/Infinity); ValueError or RecursionError on anything else."""
    return _STRICT_DECODER.decode(text)


def parse_canonical_json(data: bytes, reason: str) -> dict[str, Any]:
    """Parse a JSON object that must be byte-identical to its canonical form."""
    try:
        value = parse_json_text(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise reject(reason, detail="not JSON") from None
    if not isinstance(value, dict):
        raise reject(reason, detail="not an object")
    try:
        again = canonical_json(value)
    except (ValueError, RecursionError):
        raise reject(reason, detail="not canonical JSON") from None
    if again != data:
        raise reject(reason, detail="not canonical JSON")
    return value


def frame_section(tag: bytes, body: bytes) -> bytes:
    return _SECTION.pack(tag, len(body)) + body


def preamble(version: int = FORMAT_VERSION) -> bytes:
    return MAGIC + _VERSION.pack(version)


@dataclass(frozen=True)
class Sections:
    """The four sections of a structurally sound batch file (nothing verified yet)."""

    header: bytes
    manifest: bytes
    signature: bytes
    payload: memoryview
    signed: memoryview  # every byte before the SIGN section: what the signature covers


def split_sections(data: bytes | bytearray | memoryview) -> Sections:
    """Cut ``data`` into sections, checking magic, version, tags and lengths.

    Raises ``BatchRejected`` with ``truncated``, ``bad_magic``, ``unsupported_version`` or
    ``malformed_structure``; never reads past the end of ``data``.
    """
    view = memoryview(data).cast("B") if not isinstance(data, bytes) else memoryview(data)
    size = len(view)
    head = bytes(view[: len(MAGIC)])
    if head != MAGIC:
        if size < len(MAGIC) and MAGIC.startswith(head):
            raise reject("truncated")
        raise reject("bad_magic")
    if size < PREAMBLE_LENGTH:
        raise reject("truncated")
    (version,) = _VERSION.unpack_from(view, len(MAGIC))
    if version != FORMAT_VERSION:
        raise reject("unsupported_version", version=version)
    offset = PREAMBLE_LENGTH
    bodies: list[memoryview] = []
    signed_end = 0
    limits = (
        (TAG_HEADER, MAX_HEADER_BYTES),
        (TAG_MANIFEST, MAX_MANIFEST_BYTES),
        (TAG_SIGNATURE, SIGNATURE_LENGTH),
        (TAG_PAYLOAD, None),
    )
    for tag, limit in limits:
        if tag == TAG_SIGNATURE:
            signed_end = offset
        if size - offset < _SECTION.size:
            raise reject("truncated")
        found, length = _SECTION.unpack_from(view, offset)
        if found != tag:
            raise reject("malformed_structure", detail=f"expected section {tag.decode()}")
        if limit is not None and length > limit:
            raise reject("malformed_structure", detail=f"section {tag.decode()} too long")
        if tag == TAG_SIGNATURE and length != SIGNATURE_LENGTH:
            raise reject("malformed_structure", detail="signature length")
        offset += _SECTION.size
        if size - offset < length:
            raise reject("truncated")
        bodies.append(view[offset : offset + length])
        offset += length
    if offset != size:
        raise reject("malformed_structure", detail="data after the last section")
    return Sections(
        header=bytes(bodies[0]),
        manifest=bytes(bodies[1]),
        signature=bytes(bodies[2]),
        payload=bodies[3],
        signed=view[:signed_end],
    )
