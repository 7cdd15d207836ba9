"""The office's private keys, opened only in a session that holds the vault key.

The database keeps the office signing key (Ed25519), a key waiting for rotation and the
authority's X25519 keys encrypted under the vault key (:mod:`civreg.security.grants`); the
vault key reaches a session only through the key-file grant of an account whose role may
sign. Code that signs asks here, passing its database session::

    key = office_signing_key(s)        # raises SigningUnavailable in a clerk's session

A store made before this protection (its signing key still in clear, ``civreg keys protect``
not run yet) keeps working as before: the key is read as it is.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.errors import CivregError, PermissionDenied
from civreg.i18n import register
from civreg.models.office import Office
from civreg.models.prepared import Prepared
from civreg.security import grants
from civreg.security.signing import load_private

register(
    {
        "security.no_signing_key": {
            "fr": "Votre compte ne détient pas la clé de signature du bureau : seuls "
            "l'officier de l'état civil et l'administrateur peuvent signer (actes, copies, "
            "lots, sceaux du journal).",
            "en": "Your account does not hold the office signing key: only the registrar and "
            "the administrator can sign (acts, copies, batches, audit seals).",
        },
        "security.vault_damaged": {
            "fr": "La clé de signature du bureau ne s'ouvre pas avec la clé de ce compte "
            "(fichier de clés ou registre altéré). Restaurez une sauvegarde.",
            "en": "The office signing key does not open with this account's key (key file or "
            "store altered). Restore a backup.",
        },
    }
)

STORE = "civreg.store"  # session.info key set by Store.read()/write()


class SigningUnavailable(PermissionDenied):
    key = "security.no_signing_key"


def signing_purpose(key_id: str) -> str:
    return f"civreg office signing key {key_id}"


def authority_purpose(key_id: str) -> str:
    return f"civreg authority key {key_id}"


def vault_key_of(s: Session) -> bytes | None:
    store = s.info.get(STORE)
    unlocked = getattr(store, "unlocked", None)
    return getattr(unlocked, "vault_key", None)


def require_vault(s: Session) -> bytes:
    key = vault_key_of(s)
    if key is None:
        raise SigningUnavailable()
    return key


def open_private(s: Session, purpose: str, blob: bytes) -> bytes:
    """A private key stored in the database: opened with the vault key, or read as it is on a
    store that is not protected yet (32 raw bytes)."""
    data = bytes(blob)
    if not grants.is_sealed(data):
        return data
    try:
        return grants.open_secret(require_vault(s), purpose, data)
    except grants.GrantError:
        raise CivregError("security.vault_damaged") from None


def seal_private(s: Session, purpose: str, raw: bytes) -> bytes:
    """Encrypt a new private key for the database (in clear only on an unprotected store)."""
    if not is_protected(s):
        return raw
    return grants.seal_secret(require_vault(s), purpose, raw)


def is_protected(s: Session, office: Office | None = None) -> bool:
    office = office or s.scalar(select(Office))
    return office is not None and grants.is_sealed(office.signing_key)


def office_signing_key(s: Session, office: Office | None = None) -> Ed25519PrivateKey:
    """The office's current Ed25519 signing key (SigningUnavailable without the vault)."""
    office = office or s.scalar(select(Office))
    if office is None:
        raise CivregError("store.not_a_store")
    return load_private(open_private(s, signing_purpose(office.key_id), office.signing_key))


_OFFICE_KEY = Prepared(select(Office.key_id, Office.signing_key))


def try_office_signing_key(s: Session) -> tuple[Ed25519PrivateKey, str] | None:
    """(key, key id) when this session may sign, else None (used to seal transactions).

    The office row is read in every transaction (a key rotated by another process is seen at
    once), but the key is opened once per unlocked session: the opened key is kept on the
    store with the ``Unlocked`` it was opened with and the stored bytes it came from, and
    used only while both are unchanged (a rotation changes the bytes; a new login or
    :meth:`Store.close`, which drops ``unlocked``, drops it too). It is therefore in memory
    no longer than the vault key it was opened with, which the unlocked session keeps
    anyway (and which opens it): keeping it adds no exposure, and saves an AES-GCM opening
    and a key load in every seal (issue 17)."""
    s.flush()  # a key rotated in this very transaction (what the ORM query's autoflush did)
    rows = _OFFICE_KEY.run(s)
    if not rows:
        return None
    key_id, blob = str(rows[0][0]), bytes(rows[0][1])
    store = s.info.get(STORE)
    unlocked = getattr(store, "unlocked", None)
    cached = getattr(store, "signing_key_cache", None)
    if cached is not None and cached[0] is unlocked and cached[1:3] == (key_id, blob):
        return cached[3], key_id
    if grants.is_sealed(blob) and vault_key_of(s) is None:
        return None
    key = load_private(open_private(s, signing_purpose(key_id), blob))
    if store is not None and unlocked is not None:
        store.signing_key_cache = (unlocked, key_id, blob, key)
    return key, key_id


def authority_private_key(s: Session, key_id: str, blob: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(open_private(s, authority_purpose(key_id), blob))
