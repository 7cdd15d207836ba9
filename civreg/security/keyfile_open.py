"""Opening a key file's slots: an account's password, or the recovery key, gives back the
secrets granted to it (:class:`Unlocked`). Mixed into :class:`civreg.security.keyfile.KeyFile`,
which keeps the file's format, its slots and how they are built."""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argon2.exceptions import HashingError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from civreg.errors import AccountDisabled, KeyFileError, WrongPassword
from civreg.security import grants
from civreg.security.kdf import check_kdf, check_value, derive_password_key, recovery_kek

GRANT_DATA, GRANT_SIGNING = "data", "signing"


def unb64(s: Any) -> bytes:
    """Base64 text of the key file back to bytes (strict: a damaged value is an error)."""
    if not isinstance(s, str):
        raise ValueError("not base64 text")
    return base64.b64decode(s.encode("ascii"), validate=True)


@dataclass
class Unlocked:
    """What one account's password (or the recovery key) opened."""

    slot_id: str
    data_key: bytes | None = field(repr=False)
    vault_key: bytes | None = field(default=None, repr=False)
    private_key: bytes | None = field(default=None, repr=False)  # the account's X25519 key

    @property
    def legacy(self) -> bool:
        """A version 1 slot: the data key only, no key pair (converted at this login)."""
        return self.private_key is None

    @property
    def can_sign(self) -> bool:
        return self.vault_key is not None


class SlotOpening:
    """The opening half of :class:`~civreg.security.keyfile.KeyFile` (which provides what is
    declared here)."""

    if TYPE_CHECKING:
        salt: bytes
        kdf: dict[str, Any]

        def slot_id(self, username: str) -> str: ...
        def find(self, slot_id: str) -> dict[str, Any] | None: ...
        def _aad(self, slot_id: str) -> bytes: ...
        def _grant_aad(self, slot_id: str, grant: str) -> bytes: ...

    # ---- opening ----------------------------------------------------------------------------
    def unlock(self, username: str, password: str) -> bytes:
        """The data key this account's password opens (see :meth:`open_slot`)."""
        opened = self.open_slot(username, password)
        if opened.data_key is None:
            raise KeyFileError(detail="no data grant")
        return opened.data_key

    def open_slot(self, username: str, password: str) -> Unlocked:
        """Open this account's slot, or raise WrongPassword / AccountDisabled / KeyFileError.

        "Disabled" is said only to the right password; an unknown name costs the same work
        and gets the same answer as a wrong password."""
        sid = self.slot_id(username)
        slot = self.find(sid)
        if (
            slot is None
            or slot["kind"] not in ("password", "disabled")
            or (slot["kind"] == "disabled" and "check" not in slot)
        ):
            derive_password_key(password, self.salt, self.kdf)
            raise WrongPassword()
        try:
            kek = derive_password_key(password, unb64(slot["salt"]), check_kdf(slot["kdf"]))
            if slot["kind"] == "disabled":
                if hmac.compare_digest(check_value(kek), str(slot["check"])):
                    raise AccountDisabled()
                raise WrongPassword()
            opened = AESGCM(kek).decrypt(
                unb64(slot["nonce"]), unb64(slot["wrapped"]), self._aad(sid)
            )
        except InvalidTag:
            raise WrongPassword() from None
        except (KeyError, ValueError, TypeError, OverflowError, HashingError) as exc:
            # Tampered or damaged slot parameters (e.g. an impossible Argon2 cost).
            raise KeyFileError(detail=type(exc).__name__) from None
        if "public" not in slot:  # version 1: the data key itself
            return Unlocked(sid, opened)
        return self._open_grants(slot, opened)

    def _open_grants(self, slot: dict[str, Any], private: bytes) -> Unlocked:
        given = slot.get("grants") or {}
        opened: dict[str, bytes] = {}
        for name in (GRANT_DATA, GRANT_SIGNING):
            if name in given:
                try:
                    opened[name] = grants.open_grant(
                        private, given[name], self._grant_aad(slot["id"], name)
                    )
                except grants.GrantError:
                    raise KeyFileError(detail=f"grant {name}") from None
        return Unlocked(slot["id"], opened.get(GRANT_DATA), opened.get(GRANT_SIGNING), private)

    def unlock_recovery(self, recovery: bytes) -> bytes:
        """The data key the recovery key opens (see :meth:`open_recovery`)."""
        opened = self.open_recovery(recovery)
        if opened.data_key is None:
            raise KeyFileError(detail="no data grant")
        return opened.data_key

    def open_recovery(self, recovery: bytes) -> Unlocked:
        slot = self.find("recovery")
        if slot is None:
            raise KeyFileError(detail="no recovery slot")
        if "public" not in slot:  # version 1
            try:
                key = AESGCM(recovery_kek(recovery)).decrypt(
                    unb64(slot["nonce"]), unb64(slot["wrapped"]), self._aad("recovery")
                )
            except InvalidTag:
                raise WrongPassword("store.bad_recovery_key") from None
            return Unlocked("recovery", key)
        private, public = grants.keypair_from_seed(recovery)
        if not hmac.compare_digest(public, unb64(slot["public"])):
            raise WrongPassword("store.bad_recovery_key")
        return self._open_grants(slot, private)
