"""The batch header and manifest: typed values, their canonical JSON, and strict parsing.

Parsing accepts exactly what a version-1 writer produces (canonical JSON, known keys, right
types) and raises ``BatchRejected("malformed_header" | "malformed_manifest")`` otherwise.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from civreg.sync.format import (
    COMPRESSION,
    ENCRYPTION_SCHEME,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_JSON_INT,
    RECORD_TYPES,
    canonical_json,
    parse_canonical_json,
)
from civreg.sync.rejections import reject

OFFICE_ID_RE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,12}){1,4}")
KEY_ID_RE = re.compile(r"[0-9a-f]{16}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
CREATED_AT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_CREATED_AT_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")

_HEADER_KEYS = frozenset(
    {
        "format",
        "format_version",
        "office_id",
        "signing_key_id",
        "sequence",
        "changes",
        "created_at",
        "recipient_key_id",
        "encryption",
        "counts",
        "payload_length",
        "compression",
    }
)
_MANIFEST_KEYS = frozenset({"payload_sha256"})
# Optional: the sending store's high-water mark when the batch was made (docs/batch-format.md
# §2, "anchor"): how far its audit log and its registers had come. No personal data.
ANCHOR_KEY = "anchor"
_ANCHOR_KEYS = frozenset({"audit_seq", "audit_head", "numbers"})
_REGISTER_RE = re.compile(r"[A-Za-z0-9-]{1,20}/[a-z_]{1,20}/[0-9]{4}")
MAX_ANCHOR_REGISTERS = 2000


@dataclass(frozen=True)
class Encryption:
    """How the payload was encrypted: the sender's ephemeral X25519 key and the GCM nonce."""

    ephemeral_public_key: bytes  # 32 raw bytes
    nonce: bytes  # 12 bytes
    scheme: str = ENCRYPTION_SCHEME


@dataclass(frozen=True)
class BatchHeader:
    """Everything a batch says about itself, readable without any key."""

    office_id: str
    signing_key_id: str
    sequence: int
    changes_from: int
    changes_to: int
    created_at: datetime
    recipient_key_id: str | None
    encryption: Encryption | None
    counts: Mapping[str, int]
    payload_length: int
    compression: str = COMPRESSION
    format_version: int = FORMAT_VERSION
    anchor: Mapping[str, Any] | None = None  # {"audit_seq", "audit_head", "numbers"}

    @property
    def encrypted(self) -> bool:
        return self.encryption is not None

    @property
    def change_range(self) -> tuple[int, int]:
        return (self.changes_from, self.changes_to)

    @property
    def record_count(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        encryption = None
        if self.encryption is not None:
            encryption = {
                "scheme": self.encryption.scheme,
                "ephemeral_public_key": _b64(self.encryption.ephemeral_public_key),
                "nonce": _b64(self.encryption.nonce),
            }
        doc = {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "office_id": self.office_id,
            "signing_key_id": self.signing_key_id,
            "sequence": self.sequence,
            "changes": {"from": self.changes_from, "to": self.changes_to},
            "created_at": format_created_at(self.created_at),
            "recipient_key_id": self.recipient_key_id,
            "encryption": encryption,
            "counts": {kind: self.counts.get(kind, 0) for kind in RECORD_TYPES},
            "payload_length": self.payload_length,
            "compression": self.compression,
        }
        if self.anchor is not None:
            doc[ANCHOR_KEY] = {
                "audit_seq": self.anchor["audit_seq"],
                "audit_head": self.anchor["audit_head"],
                "numbers": dict(self.anchor["numbers"]),
            }
        return doc

    def encode(self) -> bytes:
        """The canonical header bytes (validated: a writer cannot emit what a reader refuses)."""
        data = canonical_json(self.to_json())
        parse_header(data)
        return data


def format_created_at(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("created_at must be timezone-aware (UTC)")
    return moment.astimezone(UTC).strftime(CREATED_AT_FORMAT)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _bad(detail: str) -> Exception:
    return reject("malformed_header", detail=detail)


def _int(value: object, name: str, minimum: int) -> int:
    if type(value) is not int or not minimum <= value <= MAX_JSON_INT:
        raise _bad(name)
    return value


def _str(value: object, name: str, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _bad(name)
    return value


def _raw_b64(value: object, name: str, length: int) -> bytes:
    if not isinstance(value, str) or not value.isascii():
        raise _bad(name)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _bad(name) from None
    if len(raw) != length or _b64(raw) != value:
        raise _bad(name)
    return raw


def _encryption(value: object) -> Encryption | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"scheme", "ephemeral_public_key", "nonce"}:
        raise _bad("encryption")
    if value["scheme"] != ENCRYPTION_SCHEME:
        raise _bad("encryption.scheme")
    return Encryption(
        ephemeral_public_key=_raw_b64(value["ephemeral_public_key"], "encryption.key", 32),
        nonce=_raw_b64(value["nonce"], "encryption.nonce", 12),
    )


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(RECORD_TYPES):
        raise _bad("counts")
    return {kind: _int(value[kind], f"counts.{kind}", 0) for kind in RECORD_TYPES}


def _created_at(value: object) -> datetime:
    if not isinstance(value, str) or not _CREATED_AT_RE.fullmatch(value):
        raise _bad("created_at")
    try:
        return datetime.strptime(value, CREATED_AT_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise _bad("created_at") from None


def _anchor(value: object) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != _ANCHOR_KEYS:
        raise _bad("anchor")
    numbers = value["numbers"]
    if not isinstance(numbers, dict) or len(numbers) > MAX_ANCHOR_REGISTERS:
        raise _bad("anchor.numbers")
    return {
        "audit_seq": _int(value["audit_seq"], "anchor.audit_seq", 0),
        "audit_head": _str(value["audit_head"], "anchor.audit_head", SHA256_RE),
        "numbers": {
            _str(k, "anchor.numbers", _REGISTER_RE): _int(v, "anchor.numbers", 1)
            for k, v in numbers.items()
        },
    }


def parse_header(data: bytes) -> BatchHeader:
    """Parse and validate header bytes; ``BatchRejected("malformed_header")`` if anything is off."""
    obj = parse_canonical_json(data, "malformed_header")
    if set(obj) - {ANCHOR_KEY} != _HEADER_KEYS:
        raise _bad("fields")
    if obj["format"] != FORMAT_NAME or obj["format_version"] != FORMAT_VERSION:
        raise _bad("format")
    if type(obj["format_version"]) is not int or obj["compression"] != COMPRESSION:
        raise _bad("format")
    changes = obj["changes"]
    if not isinstance(changes, dict) or set(changes) != {"from", "to"}:
        raise _bad("changes")
    changes_from = _int(changes["from"], "changes.from", 1)
    changes_to = _int(changes["to"], "changes.to", changes_from)
    encryption = _encryption(obj["encryption"])
    recipient = obj["recipient_key_id"]
    if (recipient is None) != (encryption is None):
        raise _bad("recipient_key_id")
    return BatchHeader(
        office_id=_str(obj["office_id"], "office_id", OFFICE_ID_RE),
        signing_key_id=_str(obj["signing_key_id"], "signing_key_id", KEY_ID_RE),
        sequence=_int(obj["sequence"], "sequence", 1),
        changes_from=changes_from,
        changes_to=changes_to,
        created_at=_created_at(obj["created_at"]),
        recipient_key_id=None if recipient is None else _str(recipient, "recipient", KEY_ID_RE),
        encryption=encryption,
        counts=_counts(obj["counts"]),
        payload_length=_int(obj["payload_length"], "payload_length", 0),
        anchor=_anchor(obj[ANCHOR_KEY]) if ANCHOR_KEY in obj else None,
    )


def encode_manifest(payload_sha256: str) -> bytes:
    return canonical_json({"payload_sha256": payload_sha256})


def parse_manifest(data: bytes) -> str:
    """Return the payload SHA-256 (lowercase hex) the manifest announces."""
    obj = parse_canonical_json(data, "malformed_manifest")
    if set(obj) != _MANIFEST_KEYS:
        raise reject("malformed_manifest", detail="fields")
    digest = obj["payload_sha256"]
    if not isinstance(digest, str) or not SHA256_RE.fullmatch(digest):
        raise reject("malformed_manifest", detail="payload_sha256")
    return digest
