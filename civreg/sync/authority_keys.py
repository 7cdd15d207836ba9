"""The national authority's X25519 key pair and its public key file.

Public key file (UTF-8 JSON, canonical form written, any JSON object form accepted)::

    {"authority_id": "BF-NAT", "format": "civreg-authority-key",
     "key_id": "<16 hex>", "public_key": "<base64 of the 32 raw bytes>", "version": 1}

``key_id`` must equal :func:`authority_key_id` of the key: a file whose id and key disagree is
refused. The private key never goes into this file.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.security.atomic import atomic_write_bytes
from civreg.sync.crypto import key_id, raw_public
from civreg.sync.format import canonical_json, parse_json_text

KEY_FILE_FORMAT = "civreg-authority-key"
KEY_FILE_VERSION = 1
MAX_KEY_FILE_BYTES = 64 * 1024

register(
    {
        "authority_key.invalid": {
            "fr": "Fichier de clé de l'autorité invalide ({detail}).",
            "en": "Invalid authority key file ({detail}).",
        },
        "authority_key.unsupported_version": {
            "fr": "Version {version} du fichier de clé de l'autorité non prise en charge.",
            "en": "Authority key file version {version} is not supported.",
        },
    }
)


class AuthorityKeyFileError(CivregError):
    """An authority public key file could not be read."""

    key = "authority_key.invalid"


@dataclass(frozen=True)
class AuthorityPublicKey:
    authority_id: str
    key_id: str
    public_key: X25519PublicKey


def generate_authority_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def authority_key_id(public: X25519PublicKey) -> str:
    """First 16 hex digits of SHA-256 over the raw public key (the batch recipient key id)."""
    return key_id(public)


def dump_authority_public_key(authority_id: str, public: X25519PublicKey) -> bytes:
    if not isinstance(authority_id, str) or not authority_id.strip():
        raise ValueError("authority_id must be a non-empty string")
    return canonical_json(
        {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "authority_id": authority_id,
            "key_id": authority_key_id(public),
            "public_key": base64.b64encode(raw_public(public)).decode("ascii"),
        }
    )


def _invalid(detail: str) -> AuthorityKeyFileError:
    return AuthorityKeyFileError(AuthorityKeyFileError.key, detail=detail)


def load_authority_public_key(data: bytes) -> AuthorityPublicKey:
    if len(data) > MAX_KEY_FILE_BYTES:
        raise _invalid("too large")
    try:
        obj = parse_json_text(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise _invalid("not JSON") from None
    if not isinstance(obj, dict) or obj.get("format") != KEY_FILE_FORMAT:
        raise _invalid("not an authority key file")
    version = obj.get("version")
    if version != KEY_FILE_VERSION or type(version) is not int:
        raise AuthorityKeyFileError("authority_key.unsupported_version", version=version)
    authority_id, ident, encoded = obj.get("authority_id"), obj.get("key_id"), obj.get("public_key")
    if not isinstance(authority_id, str) or not authority_id.strip():
        raise _invalid("authority_id")
    if not isinstance(encoded, str) or not isinstance(ident, str):
        raise _invalid("key")
    try:
        public = X25519PublicKey.from_public_bytes(base64.b64decode(encoded, validate=True))
    except (binascii.Error, ValueError):
        raise _invalid("public_key") from None
    if authority_key_id(public) != ident:
        raise _invalid("key_id does not match the key")
    return AuthorityPublicKey(authority_id=authority_id, key_id=ident, public_key=public)


def write_authority_public_key(
    path: str | os.PathLike[str], authority_id: str, public: X25519PublicKey
) -> None:
    atomic_write_bytes(Path(path), dump_authority_public_key(authority_id, public) + b"\n")


def read_authority_public_key(path: str | os.PathLike[str]) -> AuthorityPublicKey:
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_KEY_FILE_BYTES + 1)
    except OSError:
        raise _invalid("cannot read the file") from None
    return load_authority_public_key(data)
