"""Signed receipts: what an importing office says it received, for the sending offices.

File (UTF-8, one JSON object and a final LF)::

    {"format": "civreg-receipt", "version": 1, "receipt": {...}, "signature": "<base64>"}

``signature`` is Ed25519 by the importing office over ``b"civreg-receipt-v1\\n"`` followed by
the canonical JSON of ``receipt``, which holds ``office_id`` and ``key_id`` of the importer,
``created_at``, and ``batches``: for each batch ``office_id``, ``sequence``, ``sha256``,
``status`` (imported | sealed | already_imported), ``counts`` (records per type),
``outcome`` and ``quarantined`` ([{type, id, reason}]) — identifiers only, no personal data —
plus ``gaps`` ({office: [missing sequences]}).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from civreg.sync.format import canonical_json, parse_json_text
from civreg.sync.reader import KeyStatus, Trust
from civreg.sync.rejections import ReceiptRejected

FORMAT = "civreg-receipt"
VERSION = 1
DOMAIN = b"civreg-receipt-v1\n"
MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Receipt:
    body: dict[str, Any]
    sha256: str

    @property
    def office_id(self) -> str:
        return str(self.body["office_id"])

    @property
    def key_id(self) -> str:
        return str(self.body["key_id"])

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(str(self.body["created_at"])).replace(tzinfo=None)


def build(
    *,
    office_id: str,
    key_id: str,
    signing_key: Ed25519PrivateKey,
    batches: list[dict[str, Any]],
    gaps: dict[str, list[int]],
) -> bytes:
    body = {
        "office_id": office_id,
        "key_id": key_id,
        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "batches": batches,
        "gaps": gaps,
    }
    signature = signing_key.sign(DOMAIN + canonical_json(body))
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "receipt": body,
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return canonical_json(doc) + b"\n"


def _invalid(detail: str) -> ReceiptRejected:
    return ReceiptRejected("receipt.invalid", detail=detail)


def read(path: Path, trust: Trust) -> Receipt:
    """Parse and verify a receipt file against the trust store; raises ReceiptRejected."""
    try:
        with Path(path).open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        raise _invalid("cannot read the file") from None
    if len(data) > MAX_BYTES:
        raise _invalid("too large")
    try:
        doc = parse_json_text(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise _invalid("not JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _invalid("not a civreg receipt")
    if doc.get("version") != VERSION:
        raise _invalid(f"unsupported version {doc.get('version')!r}")
    body, sig = doc.get("receipt"), doc.get("signature")
    if not isinstance(body, dict) or not isinstance(sig, str):
        raise _invalid("missing receipt or signature")
    office_id, kid = body.get("office_id"), body.get("key_id")
    if not isinstance(office_id, str) or not isinstance(kid, str):
        raise _invalid("missing issuer")
    status, key = trust(office_id, kid)
    if status != KeyStatus.TRUSTED or key is None:
        raise ReceiptRejected("receipt.unknown_issuer", office_id=office_id, key_id=kid)
    try:
        key.verify(base64.b64decode(sig, validate=True), DOMAIN + canonical_json(body))
    except (InvalidSignature, binascii.Error, ValueError):
        raise ReceiptRejected("receipt.bad_signature") from None
    batches = body.get("batches")
    if not isinstance(batches, list) or not all(isinstance(b, dict) for b in batches):
        raise _invalid("batches")
    try:
        datetime.fromisoformat(str(body.get("created_at")))
    except ValueError:
        raise _invalid("created_at") from None
    return Receipt(body, hashlib.sha256(data).hexdigest())
