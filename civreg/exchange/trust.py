"""The trust store as the batch reader needs it, and the authority's private keys."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.models.sync import AuthorityKey, TrustedKey
from civreg.security.signing_power import authority_private_key
from civreg.sync.reader import KeyStatus


class StoreTrust:
    """``trust(office_id, key_id)`` over the ``trusted_keys`` table, loaded once per import
    and updated in memory when a batch announces a new key."""

    def __init__(self, session: Session) -> None:
        self._keys: dict[str, dict[str, tuple[str, Ed25519PublicKey]]] = {}
        for k in session.scalars(select(TrustedKey)):
            self.add(k.office_id, k.key_id, k.public_key, k.status)

    def add(self, office_id: str, key_id: str, raw: bytes, status: str = "trusted") -> None:
        self._keys.setdefault(office_id, {})[key_id] = (
            status,
            Ed25519PublicKey.from_public_bytes(bytes(raw)),
        )

    def __call__(self, office_id: str, key_id: str) -> tuple[str, Ed25519PublicKey | None]:
        keys = self._keys.get(office_id)
        if not keys:
            return KeyStatus.UNKNOWN_OFFICE, None
        found = keys.get(key_id)
        if found is None:
            return KeyStatus.UNKNOWN_KEY, None
        status, key = found
        if status == "revoked":
            return KeyStatus.REVOKED, key
        return KeyStatus.TRUSTED, key


def authority_keys(session: Session) -> dict[str, X25519PrivateKey]:
    """The authority private keys held in this store, by key id (older ones kept to open
    batches encrypted before a renewal)."""
    return {
        k.key_id: authority_private_key(session, k.key_id, k.private_key)
        for k in session.scalars(select(AuthorityKey))
    }
