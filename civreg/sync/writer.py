"""Write a signed (and optionally encrypted) batch file.

Identical inputs give identical bytes: pass the same ``created_at`` and, for an encrypted
batch, the same ``ephemeral_key`` and ``nonce`` (Ed25519 signatures are deterministic). The
recommended way to re-export a lost batch is still to keep the finished file bytes: see
"Re-export" in docs/batch-format.md.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from civreg.security.atomic import atomic_write_bytes
from civreg.sync import crypto
from civreg.sync.format import (
    MAX_JSON_INT,
    TAG_HEADER,
    TAG_MANIFEST,
    TAG_PAYLOAD,
    TAG_SIGNATURE,
    frame_section,
    preamble,
)
from civreg.sync.header import (
    KEY_ID_RE,
    OFFICE_ID_RE,
    BatchHeader,
    Encryption,
    encode_manifest,
)
from civreg.sync.payload import BatchInputError, EncodedRecord, encode_records


def _check_int(value: object, name: str, minimum: int) -> int:
    if type(value) is not int or not minimum <= value <= MAX_JSON_INT:
        raise BatchInputError(f"{name} must be an integer from {minimum} to 2^53-1")
    return value


def _check_params(
    office_id: str, sequence: int, change_range: tuple[int, int], created_at: datetime
) -> tuple[int, int]:
    if not isinstance(office_id, str) or not OFFICE_ID_RE.fullmatch(office_id):
        raise BatchInputError("office_id must look like BF-11-01")
    _check_int(sequence, "sequence", 1)
    try:
        first, last = change_range
    except (TypeError, ValueError):
        raise BatchInputError("change_range must be a pair (from, to)") from None
    _check_int(first, "change_range[0]", 1)
    _check_int(last, "change_range[1]", first)
    if not isinstance(created_at, datetime) or created_at.tzinfo is None:
        raise BatchInputError("created_at must be a timezone-aware datetime")
    return first, last


def write_batch(
    records: Iterable[dict[str, Any] | EncodedRecord],
    *,
    office_id: str,
    sequence: int,
    change_range: tuple[int, int],
    signing_key: Ed25519PrivateKey,
    recipient_public_key: X25519PublicKey | None = None,
    recipient_key_id: str | None = None,
    created_at: datetime | None = None,
    signing_key_id: str | None = None,
    ephemeral_key: X25519PrivateKey | None = None,
    nonce: bytes | None = None,
    anchor: Mapping[str, Any] | None = None,
) -> bytes:
    """Build a batch file in memory and return its bytes.

    ``anchor``: the sending store's high-water mark (``audit_seq``, ``audit_head``,
    ``numbers``), carried in the signed header so that the receiver holds an outside copy.

    ``recipient_public_key`` set: the payload is encrypted to it; ``recipient_key_id`` defaults
    to ``authority_key_id(recipient_public_key)``. ``signing_key_id`` defaults to the first 16
    hex digits of SHA-256 over the office's raw Ed25519 public key. ``created_at`` defaults to
    now (UTC, whole seconds). ``ephemeral_key`` and ``nonce`` default to fresh random values;
    pass them only to reproduce an earlier encrypted batch byte for byte, and never reuse them
    for different records (the same key and nonce on other data breaks AES-GCM).
    Raises :class:`BatchInputError` for records or parameters that cannot form a valid batch.
    """
    moment = created_at if created_at is not None else datetime.now(UTC)
    first, last = _check_params(office_id, sequence, change_range, moment)
    moment = moment.astimezone(UTC).replace(microsecond=0)
    sign_id = signing_key_id or crypto.key_id(signing_key.public_key())
    if not KEY_ID_RE.fullmatch(sign_id):
        raise BatchInputError("signing_key_id must be 16 lowercase hex digits")
    if recipient_public_key is None and (recipient_key_id or ephemeral_key or nonce):
        raise BatchInputError("recipient_key_id, ephemeral_key and nonce need a recipient key")

    compressed, counts = encode_records(records)

    encryption = None
    if recipient_public_key is not None:
        recipient_key_id = recipient_key_id or crypto.key_id(recipient_public_key)
        if not KEY_ID_RE.fullmatch(recipient_key_id):
            raise BatchInputError("recipient_key_id must be 16 lowercase hex digits")
        ephemeral_key = ephemeral_key or X25519PrivateKey.generate()
        nonce = crypto.new_nonce() if nonce is None else nonce
        if not isinstance(nonce, bytes) or len(nonce) != crypto.NONCE_LENGTH:
            raise BatchInputError("nonce must be 12 bytes")
        encryption = Encryption(crypto.raw_public(ephemeral_key.public_key()), nonce)
        payload_length = len(compressed) + crypto.TAG_LENGTH
    else:
        payload_length = len(compressed)

    header = BatchHeader(
        office_id=office_id,
        signing_key_id=sign_id,
        sequence=sequence,
        changes_from=first,
        changes_to=last,
        created_at=moment,
        recipient_key_id=recipient_key_id if encryption else None,
        encryption=encryption,
        counts=counts,
        payload_length=payload_length,
        anchor=anchor,
    ).encode()

    if encryption is not None:
        assert recipient_public_key is not None and ephemeral_key is not None
        try:
            payload = crypto.encrypt_payload(
                compressed,
                header=header,
                recipient_public_key=recipient_public_key,
                recipient_key_id=recipient_key_id or "",
                ephemeral_key=ephemeral_key,
                nonce=encryption.nonce,
            )
        except ValueError as exc:
            raise BatchInputError(str(exc)) from None
    else:
        payload = compressed

    manifest = encode_manifest(hashlib.sha256(payload).hexdigest())
    signed = preamble() + frame_section(TAG_HEADER, header) + frame_section(TAG_MANIFEST, manifest)
    signature = crypto.sign(signing_key, signed)
    return b"".join(
        (signed, frame_section(TAG_SIGNATURE, signature), frame_section(TAG_PAYLOAD, payload))
    )


def write_batch_file(
    path: str | os.PathLike[str],
    records: Iterable[dict[str, Any] | EncodedRecord],
    **options: Any,
) -> bytes:
    """:func:`write_batch` then write the bytes atomically to ``path``; returns the bytes."""
    data = write_batch(records, **options)
    atomic_write_bytes(Path(path), data)
    return data
