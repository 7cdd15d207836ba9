"""Shared pieces of the search, duplicate and registration benchmarks."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event

PASSWORD = "Bench-Baobab-Savane-88"


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    s = sorted(samples_ms)
    if not s:
        return {"n": 0}

    def pct(p: float) -> float:
        return round(s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))], 3)

    return {
        "n": len(s),
        "p50": pct(50),
        "p95": pct(95),
        "max": round(s[-1], 3),
        "mean": round(statistics.fmean(s), 3),
    }


CPU_SAMPLES: list[float] = []  # CPU time of every timed call, ms (robust to a busy machine)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    c = time.process_time()
    t = time.perf_counter()
    out = fn()
    wall = (time.perf_counter() - t) * 1000.0
    CPU_SAMPLES.append((time.process_time() - c) * 1000.0)
    return wall, out


def cpu_since(start: int) -> dict[str, float]:
    """Percentiles of the CPU time of the calls timed since ``len(CPU_SAMPLES) == start``."""
    return percentiles(CPU_SAMPLES[start:])


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(x.split()[1])
            for x in Path("/proc/meminfo").read_text().splitlines()
            if x.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem_kb = 0
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_avg": os.getloadavg()[0],
        "note": "shared machine: other agents were running tests at the same time",
    }


def login(store_dir: Path, user: str):
    from civreg.services.store_access import login as do_login

    return do_login(store_dir / "store.db", user, PASSWORD)


def set_cache(ctx, mib: int) -> None:
    """Set the page cache of the store's pooled connections (both of them) to ``mib``."""
    held = [ctx.store.engine.raw_connection() for _ in range(2)]
    for c in held:
        c.driver_connection.execute(f"PRAGMA cache_size = -{int(mib) * 1024}")
    for c in held:
        c.close()


def plain_ctx(store_dir: Path, like, cache_mib: int = 64):
    """A service context over the unencrypted twin, same user and office as ``like``."""
    from civreg.models.store import Store
    from civreg.services.context import Ctx

    engine = create_engine(f"sqlite:///{store_dir / 'plain.db'}")

    @event.listens_for(engine, "connect")
    def _pragmas(conn: Any, _rec: Any) -> None:
        cur = conn.cursor()
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute(f"PRAGMA cache_size = -{int(cache_mib) * 1024}")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.close()

    store = Store(engine, str(store_dir / "plain.db"), store_dir / "plain.db")
    return Ctx(store, like.user, like.office, dict(like._profile_overrides))


def truth(store_dir: Path) -> dict[str, Any]:
    return json.loads((store_dir / "truth.json").read_text(encoding="utf-8"))


def emit(result: dict[str, Any], out: Path | None) -> None:
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
