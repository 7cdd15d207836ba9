"""The key file beside a store: who may open it, and who may sign.

Format (JSON, no personal data)::

    {"format": "civreg-keyfile", "version": 2, "store_id": "<hex>", "salt": "<b64>",
     "kdf": {"name": "argon2id", "time_cost": 4, "memory_cost": 262144, "parallelism": 2},
     "generation": 7,
     "slots": [{"id": "<hex>", "kind": "password", "gen": 5, "kdf": {...}, "salt": "<b64>",
                "check": "<hex>", "nonce": "<b64>", "wrapped": "<b64>", "public": "<b64>",
                "grants": {"data": "<b64>", "signing": "<b64>"}},
               {"id": "recovery", "kind": "recovery", "gen": 1, "public": "<b64>",
                "grants": {"data": ..., "signing": ...}},
               {"id": "<hex>", "kind": "disabled", "gen": 7, "kdf": ..., "salt": ...,
                "check": ...}]}

* A password slot's id is ``HMAC-SHA256(salt, username)``: the file names nobody.
* ``wrapped`` is the account's X25519 private key under AES-256-GCM with
  ``Argon2id(password, slot salt, slot kdf)``; ``public`` is its public half.
* ``grants`` are secrets sealed to ``public`` (:mod:`civreg.security.grants`): ``data`` is the
  database key (every account); ``signing`` is the vault key that opens the office's private
  keys (only registrars and administrators). An administrator grants without knowing the
  account's password.
* ``check`` is a verifier of the password (a hash of the Argon2id output): a disabled slot
  keeps it, and only the right password hears "this account is disabled".
* The recovery slot's key pair derives from the recovery key printed at ``init``.
* ``kdf`` (top level) is the Argon2id cost for new passwords, sized when the store is created
  (:func:`calibrate_kdf`); each slot keeps the parameters it was made with.
* ``gen`` increases with every change; the database keeps the same slots with the same
  generations (:mod:`civreg.security.keyslots`), which is how a half-finished change or a key
  file swapped for an older one is noticed at the next open.

Version 1 files (slots wrapping the data key directly, no grants) are still read; their slots
are converted when their owner next logs in.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from civreg.errors import KeyFileError
from civreg.i18n import register
from civreg.security import grants
from civreg.security.atomic import atomic_write_bytes
from civreg.security.filelock import exclusive_lock
from civreg.security.kdf import DEFAULT_KDF as DEFAULT_KDF
from civreg.security.kdf import DEMO_KDF as DEMO_KDF
from civreg.security.kdf import FAST_KDF as FAST_KDF
from civreg.security.kdf import calibrate_kdf as calibrate_kdf
from civreg.security.kdf import check_kdf as check_kdf
from civreg.security.kdf import check_value
from civreg.security.kdf import derive_password_key as derive_password_key
from civreg.security.kdf import format_recovery_key as format_recovery_key
from civreg.security.kdf import kdf_seconds as kdf_seconds
from civreg.security.kdf import parse_recovery_key as parse_recovery_key
from civreg.security.keyfile_open import GRANT_DATA as GRANT_DATA
from civreg.security.keyfile_open import GRANT_SIGNING as GRANT_SIGNING
from civreg.security.keyfile_open import SlotOpening, unb64
from civreg.security.keyfile_open import Unlocked as Unlocked

FORMAT = "civreg-keyfile"
VERSION = 2
READABLE = (1, 2)

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
        "store.keyfile_not_for_store": {
            "fr": "Ce fichier de clés appartient à un autre registre.",
            "en": "This key file belongs to another store.",
        },
    }
)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _checksum(doc: dict[str, Any]) -> str:
    """SHA-256 of the document's canonical JSON: a damaged key file is told as damaged, not
    as a wrong password. (A deliberate edit can recompute it: against that, each slot is
    authenticated by AES-GCM, and the database keeps its own copy of every slot.)"""
    raw = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def normalise_username(username: str) -> str:
    return username.strip().lower()


@dataclass
class KeyFile(SlotOpening):
    path: Path | None
    store_id: str
    salt: bytes
    slots: list[dict[str, Any]] = field(default_factory=list)
    kdf: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_KDF))
    version: int = VERSION

    # ---- creation and persistence -------------------------------------------------------
    @classmethod
    def create(cls, path: Path | None, kdf: dict[str, Any] | None = None) -> KeyFile:
        return cls(
            path=path,
            store_id=secrets.token_hex(16),
            salt=secrets.token_bytes(16),
            kdf=dict(kdf or DEFAULT_KDF),
        )

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        if not path.exists():
            raise KeyFileError("store.keyfile_missing", path=path.name)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise KeyFileError(detail=exc.strerror or type(exc).__name__) from None
        return cls.from_bytes(raw, path)

    @classmethod
    def from_bytes(cls, raw: bytes, path: Path | None = None) -> KeyFile:
        try:
            if len(raw) > 4 * 1024 * 1024:
                raise ValueError("too large")
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("format")
            version = doc.get("version")
            if version not in READABLE:
                raise ValueError("version")
            if "checksum" in doc and doc.pop("checksum") != _checksum(doc):
                raise ValueError("checksum")  # damaged on disk (files before it had none)
            kdf = check_kdf(doc["kdf"]) if "kdf" in doc else dict(DEFAULT_KDF)
            slots = doc["slots"]
            if not isinstance(slots, list):
                raise ValueError("slots")
            for slot in slots:
                _check_slot(slot)
            kf = cls(path, str(doc["store_id"]), unb64(doc["salt"]), slots, kdf, int(version))
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise KeyFileError(detail=type(exc).__name__) from None
        return kf

    def to_doc(self) -> dict[str, Any]:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "salt": _b64(self.salt),
            "kdf": self.kdf,
            "generation": self.generation,
            "slots": sorted(self.slots, key=lambda s: (s["id"] != "recovery", s["id"])),
        }
        doc["checksum"] = _checksum(doc)
        return doc

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_doc(), indent=1, sort_keys=True).encode()

    def save(self) -> None:
        """Write the whole file (creation only: later changes go through :meth:`apply`)."""
        assert self.path is not None
        atomic_write_bytes(self.path, self.to_bytes())
        self.version = VERSION

    @property
    def generation(self) -> int:
        return max((int(s.get("gen", 0)) for s in self.slots), default=0)

    def meta(self) -> dict[str, Any]:
        """The header the database keeps beside its copy of the slots."""
        return {"store_id": self.store_id, "salt": _b64(self.salt), "kdf": self.kdf}

    @classmethod
    def from_meta(
        cls, path: Path | None, meta: dict[str, Any], slots: list[dict[str, Any]]
    ) -> KeyFile:
        return cls(path, meta["store_id"], unb64(meta["salt"]), slots, check_kdf(meta["kdf"]))

    @staticmethod
    def apply(path: Path, changed: list[dict[str, Any]], store_id: str) -> KeyFile:
        """Merge changed slots into the file on disk, each only if newer than the file's
        copy, under an exclusive lock (re-read, change slot by slot, write atomically):
        two processes changing two accounts at once both land."""
        with exclusive_lock(lock_path(path)):
            kf = KeyFile.load(path)
            if kf.store_id != store_id:
                raise KeyFileError("store.keyfile_not_for_store")
            dirty = False
            for slot in changed:
                mine = kf.find(slot["id"])
                if mine is None or int(mine.get("gen", 0)) < int(slot["gen"]):
                    kf.put(copy.deepcopy(slot))
                    dirty = True
            if dirty or kf.version != VERSION:
                kf.save()
            return kf

    # ---- slots ---------------------------------------------------------------------------
    def slot_id(self, username: str) -> str:
        mac = hmac.new(self.salt, normalise_username(username).encode(), hashlib.sha256)
        return mac.hexdigest()[:32]

    def _aad(self, slot_id: str) -> bytes:
        return f"{FORMAT}:v1:{self.store_id}:{slot_id}".encode()

    def _grant_aad(self, slot_id: str, grant: str) -> bytes:
        return f"{FORMAT}:grant:{self.store_id}:{slot_id}:{grant}".encode()

    def find(self, slot_id: str) -> dict[str, Any] | None:
        return next((s for s in self.slots if s["id"] == slot_id), None)

    def put(self, slot: dict[str, Any]) -> None:
        self.slots = [s for s in self.slots if s["id"] != slot["id"]] + [slot]

    def next_gen(self) -> int:
        return self.generation + 1

    # -- building slots (pure: they return the new slot, the caller stores it) --
    def password_slot(
        self,
        username: str,
        password: str,
        *,
        data_key: bytes | None,
        vault_key: bytes | None = None,
        kdf: dict[str, Any] | None = None,
        gen: int,
        private_key: bytes | None = None,
        keep_grants: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """A password slot. With ``private_key`` (the owner changing their own password) the
        key pair and its grants are kept; otherwise a new pair gets the given grants."""
        sid = self.slot_id(username)
        kdf = dict(kdf or self.kdf)
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = derive_password_key(password, salt, kdf)
        if private_key is None:
            private_key, public = grants.new_keypair()
            given: dict[str, str] = {}
            if data_key is not None:
                given[GRANT_DATA] = grants.seal_grant(
                    public, data_key, self._grant_aad(sid, GRANT_DATA)
                )
            if vault_key is not None:
                given[GRANT_SIGNING] = grants.seal_grant(
                    public, vault_key, self._grant_aad(sid, GRANT_SIGNING)
                )
        else:
            public = grants.public_of(private_key)
            given = dict(keep_grants or {})
        return {
            "id": sid,
            "kind": "password",
            "gen": gen,
            "kdf": kdf,
            "salt": _b64(salt),
            "check": check_value(kek),
            "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(kek).encrypt(nonce, private_key, self._aad(sid))),
            "public": _b64(public),
            "grants": given,
        }

    def with_grant(
        self, slot: dict[str, Any], grant: str, secret: bytes | None, gen: int
    ) -> dict[str, Any]:
        """The slot with ``grant`` sealed to its key (or removed when ``secret`` is None)."""
        if "public" not in slot:
            raise KeyFileError(detail="legacy slot")
        new = copy.deepcopy(slot)
        given = dict(new.get("grants", {}))
        if secret is None:
            given.pop(grant, None)
        else:
            given[grant] = grants.seal_grant(
                unb64(slot["public"]), secret, self._grant_aad(slot["id"], grant)
            )
        new["grants"] = given
        new["gen"] = gen
        return new

    @staticmethod
    def disabled_slot(slot: dict[str, Any] | None, slot_id: str, gen: int) -> dict[str, Any]:
        """A tombstone: the key material is gone; the password verifier stays so that only
        the right password hears "disabled"."""
        dead: dict[str, Any] = {"id": slot_id, "kind": "disabled", "gen": gen}
        if slot is not None and "check" in slot:
            dead.update(kdf=slot["kdf"], salt=slot["salt"], check=slot["check"])
        return dead

    def recovery_slot(
        self, recovery: bytes, *, data_key: bytes, vault_key: bytes | None, gen: int
    ) -> dict[str, Any]:
        _, public = grants.keypair_from_seed(recovery)
        given = {
            GRANT_DATA: grants.seal_grant(public, data_key, self._grant_aad("recovery", "data"))
        }
        if vault_key is not None:
            given[GRANT_SIGNING] = grants.seal_grant(
                public, vault_key, self._grant_aad("recovery", GRANT_SIGNING)
            )
        return {
            "id": "recovery",
            "kind": "recovery",
            "gen": gen,
            "public": _b64(public),
            "grants": given,
        }

    # -- compatibility with version 1 callers (tests build old stores this way) --
    def set_password(
        self, username: str, password: str, data_key: bytes, kdf: dict[str, Any] | None = None
    ) -> None:
        self.put(
            self.password_slot(username, password, data_key=data_key, kdf=kdf, gen=self.next_gen())
        )

    def set_recovery(
        self, recovery: bytes, data_key: bytes, vault_key: bytes | None = None
    ) -> None:
        self.put(
            self.recovery_slot(
                recovery, data_key=data_key, vault_key=vault_key, gen=self.next_gen()
            )
        )

    def has_user(self, username: str) -> bool:
        slot = self.find(self.slot_id(username))
        return slot is not None and slot["kind"] == "password"


def _check_slot(slot: Any) -> None:
    if not isinstance(slot, dict) or not isinstance(slot.get("id"), str):
        raise ValueError("slot")
    if slot.get("kind") not in ("password", "recovery", "disabled"):
        raise ValueError("slot kind")
    if not isinstance(slot.get("gen", 0), int):
        raise ValueError("slot gen")
    if "kdf" in slot:
        check_kdf(slot["kdf"])


def keyfile_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".keys")


def lock_path(keyfile: Path) -> Path:
    return keyfile.with_name(keyfile.name + ".lock")


def new_data_key() -> bytes:
    return os.urandom(32)
