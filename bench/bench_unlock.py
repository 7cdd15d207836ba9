"""Unlock time: a user's login (Argon2id + unwrap + SQLCipher open + schema check + user
lookup) against its parts measured in the same run (Argon2id alone, raw-key SQLCipher open).

    .venv/bin/python bench/bench_unlock.py [--store PATH --user U --password P] [--runs N]

Without --store, a fresh store is created in a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from civreg.models.engine import raw_connect
from civreg.security.keyfile import DEFAULT_KDF, KeyFile, derive_password_key, keyfile_path
from civreg.services.store_access import create_store, login


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{name:34} p50 {statistics.median(ms):8.1f} ms   p95 {p95:8.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path)
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", default="Bench-Baobab-Savane-88")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    store = args.store
    if store is None:
        store = Path(tmp.name) / "s.db"
        create_store(
            store,
            country="BF",
            commune="BLK01",
            centre="01",
            office_name="Bench",
            admin=args.user,
            password=args.password,
        ).ctx.close()
    kf = KeyFile.load(keyfile_path(store))
    key = kf.unlock(args.user, args.password)

    def full() -> None:
        login(store, args.user, args.password).close()

    def argon() -> None:
        derive_password_key(args.password, b"0123456789abcdef", DEFAULT_KDF)

    def raw_open() -> None:
        raw_connect(store, key).close()

    full_ms = timed(full, args.runs)
    argon_ms = timed(argon, args.runs)
    raw_ms = timed(raw_open, args.runs)
    report("login (unlock + open + checks)", full_ms)
    report("baseline: Argon2id alone", argon_ms)
    report("baseline: raw-key SQLCipher open", raw_ms)
    base = statistics.median(argon_ms) + statistics.median(raw_ms)
    print(f"ratio login / (argon2 + raw open): {statistics.median(full_ms) / base:.2f}")
    print(f"store size: {store.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
