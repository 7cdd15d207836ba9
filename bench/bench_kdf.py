"""The cost of one password guess: Argon2id with the parameters a new store gets here.

    .venv/bin/python bench/bench_kdf.py [--runs N] [--target SECONDS]

``civreg init`` measures the machine it runs on (``calibrate_kdf``: 256 MiB, two lanes, the
time cost raised until one derivation takes at least the target, 0.5 s) and writes the
parameters into the key file. This script shows what it picks here, then times one guess with
them, against two references measured in the same run: argon2-cffi's own defaults (the
parameters stores had before) and the FAST_KDF of the tests. An attacker with the key file
pays one such derivation per password tried, per account (each slot has its own salt).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from civreg.security.keyfile import (
    DEFAULT_KDF,
    FAST_KDF,
    TARGET_SECONDS,
    calibrate_kdf,
    derive_password_key,
)

BEFORE = {"name": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4}


def timed(kdf: dict, runs: int) -> list[float]:
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        derive_password_key(f"guess-{i}", os.urandom(16), kdf)
        out.append(time.perf_counter() - t0)
    return out


def line(name: str, kdf: dict, secs: list[float]) -> None:
    s = sorted(secs)
    print(
        f"{name:26} t={kdf['time_cost']:<2} m={kdf['memory_cost'] // 1024:>4} MiB "
        f"p={kdf['parallelism']}   min {s[0]:.3f} s   p50 {statistics.median(s):.3f} s   "
        f"max {s[-1]:.3f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--target", type=float, default=TARGET_SECONDS)
    args = ap.parse_args()
    t0 = time.perf_counter()
    chosen = calibrate_kdf(args.target)
    print(f"calibrate_kdf({args.target}) took {time.perf_counter() - t0:.1f} s and chose {chosen}")
    for name, kdf in (
        ("chosen at init (here)", chosen),
        ("DEFAULT_KDF (no policy)", DEFAULT_KDF),
        ("before (argon2 defaults)", BEFORE),
        ("FAST_KDF (tests only)", FAST_KDF),
    ):
        line(name, kdf, timed(kdf, args.runs))
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
