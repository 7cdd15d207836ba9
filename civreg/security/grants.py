"""Secrets handed to one account, and secrets kept under the office vault key.

*Grants.* Each account in the key file has an X25519 key pair; its private half is wrapped
under the account's password. A grant is a secret (the data key, the vault key) sealed to the
account's public key, so an administrator can hand a secret to an account without knowing its
password::

    grant = ephemeral_public (32) ‖ nonce (12) ‖ AES-256-GCM(k, secret, aad)
    k     = HKDF-SHA256(X25519(ephemeral, recipient), info = "civreg-grant:v1:" ‖ aad)

*Vault.* The office's private keys (Ed25519 signing key, a key waiting for rotation, the
authority's X25519 keys) are stored in the database encrypted under a random 256-bit vault
key, which only accounts whose role may sign receive as a grant. A clerk's session holds the
data key (it can read and write the database) but not the vault key (it cannot sign)::

    sealed secret = "CRVAULT1" ‖ nonce (12) ‖ AES-256-GCM(vault key, secret, purpose)
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VAULT_PREFIX = b"CRVAULT1"


class GrantError(ValueError):
    """A grant or a vault secret does not open with this key (wrong key or altered bytes)."""


def new_keypair() -> tuple[bytes, bytes]:
    """(private, public) raw X25519 bytes for a new account."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def public_of(private_raw: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(private_raw).public_key())


def keypair_from_seed(seed: bytes) -> tuple[bytes, bytes]:
    """A key pair derived from a 32-byte secret (the recovery key)."""
    raw = HKDF(hashes.SHA256(), 32, salt=None, info=b"civreg recovery x25519 v1").derive(seed)
    return raw, public_of(raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _grant_key(shared: bytes, aad: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"civreg-grant:v1:" + aad).derive(shared)


def seal_grant(recipient_public: bytes, secret: bytes, aad: bytes) -> str:
    """Seal ``secret`` to an account's public key; ``aad`` binds it to its slot and purpose."""
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(12)
    body = AESGCM(_grant_key(shared, aad)).encrypt(nonce, secret, aad)
    return base64.b64encode(_raw_public(eph.public_key()) + nonce + body).decode("ascii")


def open_grant(private_raw: bytes, grant: str, aad: bytes) -> bytes:
    try:
        blob = base64.b64decode(grant.encode("ascii"), validate=True)
        if len(blob) < 32 + 12 + 16:
            raise ValueError("short")
        peer = X25519PublicKey.from_public_bytes(blob[:32])
        shared = X25519PrivateKey.from_private_bytes(private_raw).exchange(peer)
        return AESGCM(_grant_key(shared, aad)).decrypt(blob[32:44], blob[44:], aad)
    except (InvalidTag, ValueError, TypeError, AttributeError) as exc:
        raise GrantError(type(exc).__name__) from None


def new_vault_key() -> bytes:
    return os.urandom(32)


def is_sealed(blob: bytes | None) -> bool:
    return blob is not None and bytes(blob).startswith(VAULT_PREFIX)


def seal_secret(vault_key: bytes, purpose: str, secret: bytes) -> bytes:
    """Encrypt a private key for the database; ``purpose`` names what it is (and which key)."""
    nonce = os.urandom(12)
    return VAULT_PREFIX + nonce + AESGCM(vault_key).encrypt(nonce, secret, purpose.encode())


def open_secret(vault_key: bytes, purpose: str, blob: bytes) -> bytes:
    data = bytes(blob)
    if not data.startswith(VAULT_PREFIX):
        raise GrantError("not a vault secret")
    body = data[len(VAULT_PREFIX) :]
    try:
        return AESGCM(vault_key).decrypt(body[:12], body[12:], purpose.encode())
    except (InvalidTag, ValueError) as exc:
        raise GrantError(type(exc).__name__) from None
