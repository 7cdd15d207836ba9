"""The key file beside a store: the random data key wrapped once per user and for recovery.

Format (JSON, versioned, no personal data)::

    {"format": "civreg-keyfile", "version": 1, "store_id": "<hex>", "salt": "<b64>",
     "checksum": "<sha256 hex of the canonical JSON of the other fields>",
     "slots": [{"id": "<hex>", "kind": "password", "kdf": {...}, "salt": "<b64>",
                "nonce": "<b64>", "wrapped": "<b64>"},
               {"id": "recovery", "kind": "recovery", "nonce": ..., "wrapped": ...},
               {"id": "<hex>", "kind": "disabled"}]}

A password slot's id is ``HMAC-SHA256(salt, username)`` so the file does not name users.
The data key (32 random bytes) is wrapped with AES-256-GCM under Argon2id(password) — or under
HKDF(recovery key) for the recovery slot — with the store id and slot id as associated data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from civreg.errors import AccountDisabled, KeyFileError, WrongPassword
from civreg.i18n import register
from civreg.security.atomic import atomic_write_bytes

FORMAT = "civreg-keyfile"
VERSION = 1
# Argon2id parameters (argon2-cffi defaults, about 170 ms here); stored per slot.
DEFAULT_KDF = {"name": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4}
FAST_KDF = {"name": "argon2id", "time_cost": 1, "memory_cost": 8192, "parallelism": 1}

register(
    {
        "store.wrong_password": {
            "fr": "Nom d'utilisateur ou mot de passe incorrect.",
            "en": "Wrong username or password.",
        },
        "store.account_disabled": {
            "fr": "Ce compte est désactivé. Adressez-vous à l'administrateur.",
            "en": "This account is disabled. Ask the administrator.",
        },
        "store.keyfile_corrupt": {
            "fr": "Le fichier de clés du registre est illisible ou endommagé ({detail}). "
            "Restaurez-le depuis une sauvegarde.",
            "en": "The store's key file is unreadable or damaged ({detail}). "
            "Restore it from a backup.",
        },
        "store.keyfile_missing": {
            "fr": "Fichier de clés introuvable à côté du registre ({path}).",
            "en": "Key file not found beside the store ({path}).",
        },
        "store.bad_recovery_key": {
            "fr": "Clé de secours incorrecte.",
            "en": "Wrong recovery key.",
        },
    }
)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: Any) -> bytes:
    if not isinstance(s, str):
        raise ValueError("not base64 text")
    return base64.b64decode(s.encode("ascii"), validate=True)


# Bounds on a slot's Argon2id parameters: a damaged or tampered key file must not make a
# login hang for hours or exhaust the laptop's memory before it is refused.
KDF_BOUNDS = {"time_cost": (1, 64), "memory_cost": (8, 1024 * 1024), "parallelism": (1, 16)}


def check_kdf(kdf: Any) -> None:
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("kdf")
    for name, (low, high) in KDF_BOUNDS.items():
        value = kdf.get(name)
        if type(value) is not int or not low <= value <= high:
            raise ValueError(f"kdf {name}")


def _checksum(doc: dict[str, Any]) -> str:
    """SHA-256 of the document's canonical JSON: a damaged key file is told as damaged, not
    as a wrong password. (A deliberate edit can recompute it: against that, each slot is
    authenticated by AES-GCM, and a changed slot fails like a wrong password.)"""
    raw = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def derive_password_key(password: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    check_kdf(kdf)
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def _recovery_kek(recovery: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"civreg recovery v1").derive(recovery)


def format_recovery_key(raw: bytes) -> str:
    """Human form: base32 in groups of four, e.g. ``ABCD-EFGH-…``."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    clean += "=" * (-len(clean) % 8)
    try:
        raw = base64.b32decode(clean)
    except ValueError:
        raise WrongPassword("store.bad_recovery_key") from None
    if len(raw) != 32:
        raise WrongPassword("store.bad_recovery_key")
    return raw


def normalise_username(username: str) -> str:
    return username.strip().lower()


@dataclass
class KeyFile:
    path: Path
    store_id: str
    salt: bytes
    slots: list[dict[str, Any]] = field(default_factory=list)

    # ---- creation and persistence -------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> KeyFile:
        return cls(path=path, store_id=secrets.token_hex(16), salt=secrets.token_bytes(16))

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        if not path.exists():
            raise KeyFileError("store.keyfile_missing", path=path.name)
        try:
            doc = json.loads(path.read_bytes().decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("format")
            if doc.get("version") != VERSION:
                raise ValueError("version")
            if "checksum" in doc and doc.pop("checksum") != _checksum(doc):
                raise ValueError("checksum")  # damaged on disk (files before it had none)
            kf = cls(path, str(doc["store_id"]), _unb64(doc["salt"]), list(doc["slots"]))
            for slot in kf.slots:
                if slot["kind"] not in ("password", "recovery", "disabled"):
                    raise ValueError("slot kind")
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise KeyFileError(detail=type(exc).__name__) from None
        return kf

    def save(self) -> None:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "salt": _b64(self.salt),
            "slots": self.slots,
        }
        doc["checksum"] = _checksum(doc)
        atomic_write_bytes(self.path, json.dumps(doc, indent=1, sort_keys=True).encode())

    # ---- slots ---------------------------------------------------------------------------
    def slot_id(self, username: str) -> str:
        mac = hmac.new(self.salt, normalise_username(username).encode(), hashlib.sha256)
        return mac.hexdigest()[:32]

    def _aad(self, slot_id: str) -> bytes:
        return f"{FORMAT}:v{VERSION}:{self.store_id}:{slot_id}".encode()

    def _find(self, slot_id: str) -> dict[str, Any] | None:
        return next((s for s in self.slots if s["id"] == slot_id), None)

    def _put(self, slot: dict[str, Any]) -> None:
        self.slots = [s for s in self.slots if s["id"] != slot["id"]] + [slot]

    def set_password(
        self, username: str, password: str, data_key: bytes, kdf: dict[str, Any] | None = None
    ) -> None:
        kdf = dict(kdf or DEFAULT_KDF)
        sid = self.slot_id(username)
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = derive_password_key(password, salt, kdf)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad(sid))
        self._put(
            {
                "id": sid,
                "kind": "password",
                "kdf": kdf,
                "salt": _b64(salt),
                "nonce": _b64(nonce),
                "wrapped": _b64(wrapped),
            }
        )

    def disable(self, username: str) -> None:
        """Remove the user's key material, leaving a tombstone for a clear message."""
        self._put({"id": self.slot_id(username), "kind": "disabled"})

    def has_user(self, username: str) -> bool:
        slot = self._find(self.slot_id(username))
        return slot is not None and slot["kind"] == "password"

    def unlock(self, username: str, password: str) -> bytes:
        """Return the data key, or raise WrongPassword / AccountDisabled / KeyFileError."""
        slot = self._find(self.slot_id(username))
        if slot is not None and slot["kind"] == "disabled":
            raise AccountDisabled()
        if slot is None or slot["kind"] != "password":
            # Same work and the same message as a wrong password: do not reveal who exists.
            derive_password_key(password, self.salt, DEFAULT_KDF)
            raise WrongPassword()
        try:
            kek = derive_password_key(password, _unb64(slot["salt"]), slot["kdf"])
            return AESGCM(kek).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad(slot["id"])
            )
        except InvalidTag:
            raise WrongPassword() from None
        except (KeyError, ValueError, TypeError, OverflowError, HashingError) as exc:
            # Tampered or damaged slot parameters (e.g. an impossible Argon2 cost).
            raise KeyFileError(detail=type(exc).__name__) from None

    def set_recovery(self, recovery: bytes, data_key: bytes) -> None:
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(_recovery_kek(recovery)).encrypt(nonce, data_key, self._aad("recovery"))
        self._put(
            {"id": "recovery", "kind": "recovery", "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
        )

    def unlock_recovery(self, recovery: bytes) -> bytes:
        slot = self._find("recovery")
        if slot is None:
            raise KeyFileError(detail="no recovery slot")
        try:
            return AESGCM(_recovery_kek(recovery)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad("recovery")
            )
        except InvalidTag:
            raise WrongPassword("store.bad_recovery_key") from None


def keyfile_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


def new_data_key() -> bytes:
    return os.urandom(32)
