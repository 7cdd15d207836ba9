"""The keys derived from what a person types: a password (Argon2id, its cost sized on this
machine so that one guess costs about half a second) and the recovery key printed at ``init``
(its base32 form, HKDF). The key file (:mod:`civreg.security.keyfile`) keeps their results.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from civreg.errors import WrongPassword

# Used when a store carries no policy of its own (version 1 files, demo stores). Measured in
# bench/bench_kdf.py: about 0.5–1 s per guess on this 2-core machine.
DEFAULT_KDF: dict[str, Any] = {
    "name": "argon2id",
    "time_cost": 3,
    "memory_cost": 262144,
    "parallelism": 2,
}
# Demo stores: their password is the documented "demo", so a costly derivation protects
# nothing; this keeps the demo quick to build and to open.
DEMO_KDF: dict[str, Any] = {
    "name": "argon2id",
    "time_cost": 1,
    "memory_cost": 65536,
    "parallelism": 1,
}
# Tests and benchmarks only: the code path is the real one, the cost is not.
FAST_KDF: dict[str, Any] = {
    "name": "argon2id",
    "time_cost": 1,
    "memory_cost": 8192,
    "parallelism": 1,
}
TARGET_SECONDS = 0.5

# Bounds on a slot's Argon2id parameters: a damaged or tampered key file must not make a
# login hang for hours or exhaust the laptop's memory before it is refused.
KDF_BOUNDS = {"time_cost": (1, 64), "memory_cost": (8, 1024 * 1024), "parallelism": (1, 16)}


def check_kdf(kdf: Any) -> dict[str, Any]:
    """Validate Argon2id parameters read from a file; returns them normalised."""
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("kdf")
    for name, (low, high) in KDF_BOUNDS.items():
        value = kdf.get(name)
        if type(value) is not int or not low <= value <= high:
            raise ValueError(f"kdf {name}")
    if kdf["memory_cost"] < 8 * kdf["parallelism"]:
        raise ValueError("kdf memory_cost")
    return {name: kdf[name] for name in ("name", *KDF_BOUNDS)}


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


def kdf_seconds(kdf: dict[str, Any], rounds: int = 3) -> float:
    """Median time of one derivation with ``kdf`` on this machine."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        derive_password_key("calibration", b"0123456789abcdef", kdf)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def calibrate_kdf(target: float = TARGET_SECONDS, memory_cost: int = 262144) -> dict[str, Any]:
    """Argon2id parameters costing at least ``target`` seconds per guess on this machine
    (256 MiB, two lanes; the time cost grows until the target is reached, at most 12)."""
    kdf: dict[str, Any] = {
        "name": "argon2id",
        "time_cost": 2,
        "memory_cost": memory_cost,
        "parallelism": 2,
    }
    while kdf["time_cost"] < 12:
        took = kdf_seconds(kdf, rounds=1)
        if took >= target:
            break
        # Cost is linear in time_cost: jump close to the target, then step.
        kdf["time_cost"] = min(12, max(kdf["time_cost"] + 1, int(kdf["time_cost"] * target / took)))
    return kdf


def recovery_kek(recovery: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"civreg recovery v1").derive(recovery)


def check_value(kek: bytes) -> str:
    return hmac.new(kek, b"civreg-keyfile-slot-check", hashlib.sha256).hexdigest()[:32]


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
