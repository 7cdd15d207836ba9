"""Ed25519 office keys and the public key file format shared by certificates and batches.

Every issuing office (a commune's civil status centre) holds one Ed25519 private key. Its
public half is distributed as a small JSON file (no personal data)::

    {"format": "civreg-office-key", "version": 1, "office_id": "BF-11-01", "country": "BF",
     "office_name": null, "key_id": "<16 hex>", "public_key": "<base64 of 32 raw bytes>",
     "created": "2025-01-31"}

``key_id`` is the first 16 hex characters of SHA-256 over the 32 raw public key bytes. A key
file may also carry ``"revoked": true`` (a national list marks compromised keys that way).
A :class:`TrustList` gathers the public keys a verifier trusts, from a directory of key files,
a bundle (a JSON list of key objects) or database rows.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.security.atomic import atomic_write_bytes as _write_atomic

KEY_FILE_FORMAT = "civreg-office-key"
KEY_FILE_VERSION = 1
OFFICE_ID_RE = re.compile(r"^[A-Z]{2}(-[A-Za-z0-9]{1,12}){1,4}$")
KEY_ID_RE = re.compile(r"^[0-9a-f]{16}$")

register(
    {
        "office_key.malformed": {
            "fr": "Fichier de clé d'office invalide ({source}) : {detail}.",
            "en": "Invalid office key file ({source}): {detail}.",
        },
        "office_key.private_malformed": {
            "fr": "Clé privée d'office invalide : 32 octets attendus.",
            "en": "Invalid office private key: 32 bytes expected.",
        },
    }
)


class OfficeKeyError(CivregError):
    """A key file or bundle cannot be used; the message says which file and what is wrong."""

    key = "office_key.malformed"


class KeyStatus(StrEnum):
    TRUSTED = "trusted"
    UNKNOWN = "unknown"
    REVOKED = "revoked"


@dataclass(frozen=True)
class OfficePublicKey:
    office_id: str
    country: str
    key_id: str
    public_key: Ed25519PublicKey
    created: dt.date
    office_name: str | None = None
    revoked: bool = False

    def raw(self) -> bytes:
        return raw_public_key(self.public_key)


def generate_office_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_bytes(private_key: Ed25519PrivateKey) -> bytes:
    """The 32 raw private bytes (store them only inside the encrypted key store)."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def load_private_key(raw: bytes) -> Ed25519PrivateKey:
    if not isinstance(raw, bytes | bytearray) or len(raw) != 32:
        raise OfficeKeyError("office_key.private_malformed")
    return Ed25519PrivateKey.from_private_bytes(bytes(raw))


def raw_public_key(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public_key: Ed25519PublicKey | bytes) -> str:
    """First 16 hex characters of SHA-256 over the 32 raw public key bytes."""
    raw = public_key if isinstance(public_key, bytes) else raw_public_key(public_key)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_key_file(
    office_id: str,
    country: str,
    public_key: Ed25519PublicKey,
    created: dt.date,
    office_name: str | None = None,
) -> dict[str, Any]:
    """The JSON object describing an office public key (validated before it is returned)."""
    doc: dict[str, Any] = {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "office_id": office_id,
        "country": country,
        "office_name": office_name,
        "key_id": key_id(public_key),
        "public_key": base64.b64encode(raw_public_key(public_key)).decode("ascii"),
        "created": created.isoformat(),
    }
    parse_public_key_object(doc, source="new key")
    return doc


def write_public_key_file(
    path: Path | str,
    office_id: str,
    country: str,
    public_key: Ed25519PublicKey,
    created: dt.date,
    office_name: str | None = None,
) -> Path:
    """Write the public key file atomically; returns the path written."""
    doc = public_key_file(office_id, country, public_key, created, office_name)
    data = (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    target = Path(path)
    _write_atomic(target, data)
    return target


def read_public_key_file(path: Path | str) -> OfficePublicKey:
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OfficeKeyError(source=p.name, detail=type(exc).__name__) from exc
    return parse_public_key_object(doc, source=p.name)


def parse_public_key_object(doc: object, source: str = "?") -> OfficePublicKey:
    """Validate one key object (from a file, a bundle or a batch) and return the key."""

    def bad(detail: str) -> OfficeKeyError:
        return OfficeKeyError(source=source, detail=detail)

    if not isinstance(doc, dict):
        raise bad("not a JSON object")
    if doc.get("format") != KEY_FILE_FORMAT:
        raise bad(f"format must be {KEY_FILE_FORMAT!r}")
    if doc.get("version") != KEY_FILE_VERSION:
        raise bad(f"unsupported version {doc.get('version')!r}")
    office_id = doc.get("office_id")
    if not isinstance(office_id, str) or not OFFICE_ID_RE.match(office_id):
        raise bad("office_id missing or malformed")
    country = doc.get("country")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        raise bad("country must be two capital letters")
    if not office_id.startswith(country + "-"):
        raise bad("office_id does not start with the country code")
    office_name = doc.get("office_name")
    if office_name is not None and not isinstance(office_name, str):
        raise bad("office_name must be a string or null")
    try:
        raw = base64.b64decode(str(doc.get("public_key", "")), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise bad("public_key is not base64") from exc
    if len(raw) != 32:
        raise bad("public_key must be 32 bytes")
    kid = doc.get("key_id")
    if not isinstance(kid, str) or not KEY_ID_RE.match(kid):
        raise bad("key_id must be 16 lowercase hex characters")
    if kid != key_id(raw):
        raise bad("key_id does not match the public key")
    try:
        created = dt.date.fromisoformat(str(doc.get("created")))
    except ValueError as exc:
        raise bad("created must be an ISO date") from exc
    revoked = doc.get("revoked", False)
    if not isinstance(revoked, bool):
        raise bad("revoked must be true or false")
    return OfficePublicKey(
        office_id=office_id,
        country=country,
        key_id=kid,
        public_key=Ed25519PublicKey.from_public_bytes(raw),
        created=created,
        office_name=office_name,
        revoked=revoked,
    )


class TrustList:
    """The office public keys a verifier trusts (and the revoked ones it must refuse)."""

    def __init__(self, keys: Iterable[OfficePublicKey] = ()) -> None:
        self._keys: dict[tuple[str, str], OfficePublicKey] = {}
        for k in keys:
            self.add(k)

    def add(self, key: OfficePublicKey) -> None:
        """Add a key; a revocation always wins over a trusted copy of the same key."""
        existing = self._keys.get((key.office_id, key.key_id))
        if existing is not None and existing.revoked:
            return
        self._keys[(key.office_id, key.key_id)] = key

    def __len__(self) -> int:
        return len(self._keys)

    def keys(self) -> list[OfficePublicKey]:
        return list(self._keys.values())

    def lookup(self, office_id: str, kid: str) -> tuple[KeyStatus, Ed25519PublicKey | None]:
        key = self._keys.get((office_id, kid))
        if key is None:
            return KeyStatus.UNKNOWN, None
        if key.revoked:
            return KeyStatus.REVOKED, key.public_key
        return KeyStatus.TRUSTED, key.public_key

    @classmethod
    def from_directory(cls, directory: Path | str) -> TrustList:
        """Every ``*.json`` file of the directory is a key file; one bad file refuses all."""
        return cls(read_public_key_file(p) for p in sorted(Path(directory).glob("*.json")))

    @classmethod
    def from_bundle(cls, path: Path | str) -> TrustList:
        p = Path(path)
        try:
            docs = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OfficeKeyError(source=p.name, detail=type(exc).__name__) from exc
        if not isinstance(docs, list):
            raise OfficeKeyError(source=p.name, detail="a bundle is a JSON list of keys")
        return cls(parse_public_key_object(d, source=f"{p.name}[{i}]") for i, d in enumerate(docs))

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str, bytes | Ed25519PublicKey, bool]]
    ) -> TrustList:
        """Rows of (office_id, key_id, raw public key or key object, revoked)."""
        keys = []
        for office_id, kid, pub, revoked in rows:
            obj = pub if isinstance(pub, Ed25519PublicKey) else _public_from_raw(pub)
            if key_id(obj) != kid:
                raise OfficeKeyError(source=office_id, detail="key_id does not match the key")
            keys.append(
                OfficePublicKey(
                    office_id=office_id,
                    country=office_id[:2],
                    key_id=kid,
                    public_key=obj,
                    created=dt.date(1970, 1, 1),
                    revoked=bool(revoked),
                )
            )
        return cls(keys)


def write_bundle(path: Path | str, keys: Iterable[OfficePublicKey]) -> Path:
    """Write a trust bundle (JSON list of key objects, revoked ones flagged) atomically."""
    docs = []
    for k in keys:
        doc = public_key_file(k.office_id, k.country, k.public_key, k.created, k.office_name)
        if k.revoked:
            doc["revoked"] = True
        docs.append(doc)
    target = Path(path)
    _write_atomic(target, (json.dumps(docs, ensure_ascii=False, indent=1) + "\n").encode())
    return target


def _public_from_raw(raw: bytes) -> Ed25519PublicKey:
    if len(raw) != 32:
        raise OfficeKeyError(source="row", detail="public key must be 32 bytes")
    return Ed25519PublicKey.from_public_bytes(bytes(raw))
