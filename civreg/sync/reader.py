"""Read a batch file: inspect it, verify its origin and integrity, decrypt and parse it.

Every refusal is ``civreg.errors.BatchRejected`` with a reason from
``civreg.sync.rejections.REASONS``; any other exception escaping these functions for any input
bytes is a bug (exceptions raised by the caller's ``trust`` callable are passed through).

Order of checks (each step only runs if the previous passed)::

    structure -> size limit -> header -> trust(office, key) -> signature -> manifest
    -> payload SHA-256 -> [recipient -> decryption] -> decompression limit -> records
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from civreg.sync import crypto
from civreg.sync.format import split_sections
from civreg.sync.header import BatchHeader, parse_header, parse_manifest
from civreg.sync.record_stream import RecordLimits, iter_records
from civreg.sync.rejections import reject

DEFAULT_MAX_PAYLOAD_BYTES = 512 * 1024 * 1024
DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024


class KeyStatus(StrEnum):
    """What the caller's trust store says about an (office, signing key) pair."""

    TRUSTED = "trusted"
    UNKNOWN_OFFICE = "unknown_office"
    UNKNOWN_KEY = "unknown_key"
    REVOKED = "revoked"


Trust = Callable[[str, str], tuple[str, Ed25519PublicKey | None]]
"""``trust(office_id, signing_key_id) -> (status, public key or None)``."""


@dataclass(frozen=True)
class VerifiedBatch:
    """A batch whose signature, origin and payload hash have been checked (not decrypted)."""

    header: BatchHeader
    header_bytes: bytes
    payload: bytes | memoryview  # as stored (the ciphertext when encrypted), not copied
    payload_sha256: str


def check_file_size(size: int, max_file_bytes: int) -> None:
    """Refuse (``too_large``) a batch file from its size, before it is read into memory."""
    if size > max_file_bytes:
        raise reject("too_large", limit=max_file_bytes)


def inspect_batch(data: bytes) -> BatchHeader:
    """Parse the structure and header without any key; nothing here is authenticated yet."""
    sections = split_sections(data)
    header = parse_header(sections.header)
    if header.payload_length != len(sections.payload):
        raise reject("malformed_header", detail="payload_length")
    return header


def _public_key(trust: Trust, header: BatchHeader) -> Ed25519PublicKey:
    ids = {"office_id": header.office_id, "key_id": header.signing_key_id}
    status, key = trust(header.office_id, header.signing_key_id)
    if status == KeyStatus.UNKNOWN_OFFICE:
        raise reject("unknown_office", **ids)
    if status == KeyStatus.UNKNOWN_KEY:
        raise reject("unknown_key", **ids)
    if status == KeyStatus.REVOKED:
        raise reject("revoked_key", **ids)
    if status != KeyStatus.TRUSTED or not isinstance(key, Ed25519PublicKey):
        raise TypeError(f"trust() returned {status!r} without an Ed25519 public key")
    return key


def verify_batch(
    data: bytes, trust: Trust, *, max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES
) -> VerifiedBatch:
    """Check origin and integrity; works on encrypted batches without any private key."""
    sections = split_sections(data)
    if len(sections.payload) > max_payload_bytes:
        raise reject("too_large", limit=max_payload_bytes)
    header = parse_header(sections.header)
    key = _public_key(trust, header)
    if not crypto.signature_valid(key, sections.signature, sections.signed):
        raise reject("bad_signature", office_id=header.office_id)
    digest = parse_manifest(sections.manifest)
    if header.payload_length != len(sections.payload):
        raise reject("malformed_header", detail="payload_length")
    if hashlib.sha256(sections.payload).hexdigest() != digest:
        raise reject("hash_mismatch")
    return VerifiedBatch(
        header=header,
        header_bytes=sections.header,
        payload=sections.payload,
        payload_sha256=digest,
    )


def stream_records(
    batch: VerifiedBatch,
    *,
    decrypt_key: X25519PrivateKey | None = None,
    own_recipient_key_id: str | None = None,
    limits: RecordLimits | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of a batch :func:`verify_batch` accepted, one at a time, in bounded
    memory (:mod:`civreg.sync.record_stream`): decrypted in 1 MiB pieces once the whole
    ciphertext is authenticated, inflated in slices, parsed line by line. Refusals come as
    ``BatchRejected`` while iterating, some only after the last record (see
    :func:`civreg.sync.record_stream.iter_records`).

    ``own_recipient_key_id`` defaults to ``authority_key_id`` of ``decrypt_key``'s public key.
    """
    chunks = frame_chunks(batch, decrypt_key=decrypt_key, own_recipient_key_id=own_recipient_key_id)
    return iter_records(
        chunks, expected_counts=batch.header.counts, limits=limits or RecordLimits()
    )


def frame_chunks(
    batch: VerifiedBatch,
    *,
    decrypt_key: X25519PrivateKey | None = None,
    own_recipient_key_id: str | None = None,
) -> Iterable[bytes | memoryview]:
    """The zstd frame of a verified batch, in pieces (decrypted when it is encrypted: the
    recipient is checked here, the decryption's authentication while iterating)."""
    header = batch.header
    if header.encryption is None:
        return (batch.payload,)
    if decrypt_key is None:
        raise reject("cannot_decrypt", detail="encrypted batch, no private key given")
    own = own_recipient_key_id or crypto.key_id(decrypt_key.public_key())
    if header.recipient_key_id != own:
        raise reject("wrong_recipient", recipient_key_id=header.recipient_key_id)
    return _decrypted(batch, decrypt_key, own)


def _decrypted(batch: VerifiedBatch, key: X25519PrivateKey, own: str) -> Iterator[bytes]:
    encryption = batch.header.encryption
    assert encryption is not None
    try:
        yield from crypto.decrypt_payload_stream(
            batch.payload,
            header=batch.header_bytes,
            private_key=key,
            recipient_key_id=own,
            ephemeral_public=encryption.ephemeral_public_key,
            nonce=encryption.nonce,
        )
    except crypto.DecryptionFailed:
        raise reject("cannot_decrypt", detail="authentication failed") from None


def read_records(
    batch: VerifiedBatch,
    *,
    decrypt_key: X25519PrivateKey | None = None,
    own_recipient_key_id: str | None = None,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
    limits: RecordLimits | None = None,
) -> list[dict[str, Any]]:
    """:func:`stream_records` gathered in a list (small batches, tests, tools)."""
    limits = limits or RecordLimits(max_decompressed_bytes=max_decompressed_bytes)
    with _collector_paused():
        return list(
            stream_records(
                batch,
                decrypt_key=decrypt_key,
                own_recipient_key_id=own_recipient_key_id,
                limits=limits,
            )
        )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsed records are many long-lived acyclic objects: the cyclic GC would rescan them
    again and again without freeing anything (about half the parse time for 100k acts)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def open_batch(
    data: bytes,
    trust: Trust,
    *,
    decrypt_key: X25519PrivateKey | None = None,
    own_recipient_key_id: str | None = None,
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
) -> list[dict[str, Any]]:
    """:func:`verify_batch` then :func:`read_records`: the records of a trusted batch."""
    verified = verify_batch(data, trust, max_payload_bytes=max_payload_bytes)
    return read_records(
        verified,
        decrypt_key=decrypt_key,
        own_recipient_key_id=own_recipient_key_id,
        max_decompressed_bytes=max_decompressed_bytes,
    )
