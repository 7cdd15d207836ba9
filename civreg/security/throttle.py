"""Login throttling: a growing delay per account and per store, and a lockout an
administrator lifts. The state is kept in a small file beside the store (``STORE.logins``;
for a PostgreSQL store, in the user data folder), so it survives restarts.

Rules (:class:`Policy`):

* per account (keyed by the key-file slot id, an HMAC of the name: the file names nobody, and
  an unknown name is throttled exactly like a real one): the first ``free`` failures cost
  nothing more than the Argon2id derivation; after that each attempt must wait
  ``base × 2^(failures − free − 1)`` seconds (2, 4, 8… up to ``max_delay``) after the last
  failure; at ``lock_after`` failures in a row the account is locked until an administrator
  unlocks it (``civreg users unlock``) or the recovery key resets its password;
* per store: when more than ``store_free`` failures happened in the last ``store_window``
  seconds, whatever the accounts, every login waits ``base × 2^(n − store_free)`` seconds
  after the last failure (up to ``store_max_delay``): trying many names does not escape.

An attempt refused for waiting is not counted (no password was tried). A correct password
clears the account's count, not the store's.

Whoever can delete files beside the store can delete this one too; what protects a copied
key file against offline guessing is the Argon2id cost (docs/security.md).
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.security.atomic import atomic_write_bytes
from civreg.security.filelock import exclusive_lock

register(
    {
        "login.wait": {
            "fr": "Trop de tentatives de connexion : réessayez dans {seconds} s.",
            "en": "Too many login attempts: try again in {seconds} s.",
        },
        "login.locked": {
            "fr": "Compte bloqué après {count} mots de passe erronés : un administrateur doit le "
            "débloquer (civreg users unlock), ou utilisez la clé de secours.",
            "en": "Account locked after {count} wrong passwords: an administrator must unlock "
            "it (civreg users unlock), or use the recovery key.",
        },
    }
)

FORMAT = "civreg-logins"
MAX_ACCOUNTS = 500  # older unlocked entries are dropped past this (random names tried)

clock: Callable[[], float] = time.time  # tests move time forward through this


class LoginThrottled(CivregError):
    key = "login.wait"

    @property
    def seconds(self) -> int:
        value = self.params.get("seconds", 0)
        return value if isinstance(value, int) else 0


class AccountLocked(CivregError):
    key = "login.locked"


@dataclass(frozen=True)
class Policy:
    free: int = 3
    base: float = 2.0
    max_delay: float = 300.0
    lock_after: int = 10
    store_free: int = 10
    store_window: float = 900.0
    store_max_delay: float = 300.0


DEFAULT_POLICY = Policy()


class Throttle:
    """The attempts file of one store."""

    def __init__(self, path: Path, policy: Policy = DEFAULT_POLICY) -> None:
        self.path = Path(path)
        self.policy = policy

    # ---- file ------------------------------------------------------------------------------
    def _lock(self) -> contextlib.AbstractContextManager[None]:
        return exclusive_lock(self.path.with_name(self.path.name + ".lock"))

    def _load(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.path.read_bytes().decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError
            doc.setdefault("accounts", {})
            doc.setdefault("store", [])
            return doc
        except (OSError, ValueError, UnicodeDecodeError):
            # Missing (first use) or damaged: start again (deleting it is no harder).
            return {"format": FORMAT, "version": 1, "accounts": {}, "store": []}

    def _save(self, doc: dict[str, Any]) -> None:
        accounts = doc["accounts"]
        if len(accounts) > MAX_ACCOUNTS:
            free = sorted(
                (k for k, v in accounts.items() if not v.get("locked")),
                key=lambda k: accounts[k].get("last", 0),
            )
            for k in free[: len(accounts) - MAX_ACCOUNTS]:
                del accounts[k]
        # A read-only folder or a full disk must not stop a login.
        with contextlib.suppress(OSError):
            atomic_write_bytes(self.path, json.dumps(doc, sort_keys=True).encode())

    # ---- rules -----------------------------------------------------------------------------
    def _account_wait(self, entry: dict[str, Any], now: float) -> float:
        extra = int(entry.get("failures", 0)) - self.policy.free
        if extra <= 0:
            return 0.0
        delay = min(self.policy.base * 2 ** (extra - 1), self.policy.max_delay)
        return float(max(0.0, float(entry.get("last", 0)) + delay - now))

    def _store_wait(self, failures: list[float], now: float) -> float:
        recent = [t for t in failures if now - t <= self.policy.store_window]
        extra = len(recent) - self.policy.store_free
        if extra <= 0:
            return 0.0
        delay = min(self.policy.base * 2 ** (extra - 1), self.policy.store_max_delay)
        return float(max(0.0, max(recent) + delay - now))

    def check(self, slot_id: str) -> None:
        """Raise AccountLocked or LoginThrottled when this attempt may not be tried now."""
        now = clock()
        doc = self._load()  # replaced atomically: a read needs no lock
        entry = doc["accounts"].get(slot_id, {})
        if entry.get("locked"):
            raise AccountLocked(count=entry.get("failures", self.policy.lock_after))
        wait = max(self._account_wait(entry, now), self._store_wait(doc["store"], now))
        if wait > 0:
            raise LoginThrottled(seconds=max(1, math.ceil(wait)))

    def failure(self, slot_id: str) -> None:
        now = clock()
        with self._lock():
            doc = self._load()
            entry = doc["accounts"].setdefault(slot_id, {"failures": 0})
            entry["failures"] = int(entry.get("failures", 0)) + 1
            entry["last"] = now
            if entry["failures"] >= self.policy.lock_after:
                entry["locked"] = True
            window = self.policy.store_window
            doc["store"] = [*[t for t in doc["store"] if now - t <= window][-200:], now]
            self._save(doc)

    def success(self, slot_id: str) -> None:
        if not self.path.exists():
            return
        with self._lock():
            doc = self._load()
            if slot_id in doc["accounts"]:
                del doc["accounts"][slot_id]
                self._save(doc)

    def unlock(self, slot_id: str) -> bool:
        """Lift a lockout (and the account's delay); True when there was something to lift."""
        if not self.path.exists():
            return False
        with self._lock():
            doc = self._load()
            found = doc["accounts"].pop(slot_id, None)
            if found is not None:
                self._save(doc)
            return bool(found and found.get("locked"))

    def locked(self) -> set[str]:
        doc = self._load()
        return {k for k, v in doc["accounts"].items() if v.get("locked")}

    def failures(self, slot_id: str) -> int:
        doc = self._load()
        return int(doc["accounts"].get(slot_id, {}).get("failures", 0))


def for_sqlite(store_path: Path) -> Throttle:
    return Throttle(store_path.with_name(store_path.name + ".logins"))


def for_server(location: str) -> Throttle:
    """A PostgreSQL store: the attempts file lives in the user data folder."""
    import hashlib

    from civreg.security.anchor import data_dir

    folder = data_dir() / "logins"
    folder.mkdir(parents=True, exist_ok=True)
    return Throttle(folder / (hashlib.sha256(location.encode()).hexdigest()[:24] + ".json"))
