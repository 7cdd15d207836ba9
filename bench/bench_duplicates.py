"""Duplicate check for one new birth: latency, and recall/precision on planted duplicates.

    .venv/bin/python bench/bench_duplicates.py --store /tmp/civreg-bench/bf-100k

- ``service_ms``: ``find_duplicates(ctx, birth)`` for new births made by the synthetic
  generator (realistic names, dates spread over the store's years), p50/p95;
- ``baseline_sql_ms``: the raw indexed SQL of the core lookup (the children of the births
  within ±window days, with their family keys), same store, same run: what is left is the
  partial-date lookup, the ranking in Python and the candidates' details;
- ``planted``: for each birth registered twice (``truth.json``), the second act's data is
  checked (the act itself excluded); recall = the first act is among the candidates;
  precision = share of candidates that are the planted original (a twin, or a namesake born
  the same week, counts against it).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import (
    CPU_SAMPLES,
    cpu_since,
    emit,
    login,
    machine,
    percentiles,
    timed,
    truth,
)
from civreg.demo.synthetic import Generator
from civreg.models.engine import raw_connect
from civreg.services.duplicates import find_duplicates
from civreg.services.queries import get_act

# The service's main statement, alone: the children's family keys of the births in the
# window, from the covering indexes of migration 0004 (its partial-date half is
# left out).
BASELINE_SQL = (
    "SELECT ps.person_id, ps.act_id, ps.norm_family, ps.phon_family FROM acts a"
    " JOIN person_search ps INDEXED BY ix_person_search_child"
    " ON ps.act_id = a.id AND ps.role = 'child'"
    " WHERE a.event_from >= ? AND a.event_from <= ?"
)


def new_births(ctx, n: int, years: int, rng: random.Random) -> list:
    gen = Generator(ctx.profile, rng, today=date.today())
    first = date.today().year - years
    out = []
    for _ in range(n):
        b = gen.birth(rng.randint(first, date.today().year - 1))
        out.append(b)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--checks", type=int, default=300)
    ap.add_argument("--years", type=int, default=25)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    rng = random.Random(7)
    ctx = login(args.store, "registrar")
    gt = truth(args.store)
    births = new_births(ctx, args.checks, args.years, rng)
    for b in births[:20]:
        find_duplicates(ctx, b)
    samples, found = [], 0
    mark = len(CPU_SAMPLES)
    for b in births:
        ms, cands = timed(lambda b=b: find_duplicates(ctx, b))
        samples.append(ms)
        found += len(cands)
    service_cpu = cpu_since(mark)
    days = ctx.profile.duplicate_window_days
    conn = raw_connect(args.store / "store.db", bytes(ctx.store.data_key or b""))
    base = []
    for b in births:
        d = date.fromisoformat(b.event_date)
        params = ((d - timedelta(days=days)).isoformat(), (d + timedelta(days=days)).isoformat())
        base.append(timed(lambda p=params: conn.execute(BASELINE_SQL, p).fetchall())[0])
    conn.close()
    hit = total = right = 0
    misses = []
    for pair in gt["duplicates"]:
        view = get_act(ctx, pair["duplicate"])
        cands = find_duplicates(ctx, view.data, exclude_act_id=pair["duplicate"])
        ids = [c.act_id for c in cands]
        total += len(ids)
        right += ids.count(pair["original"])
        if pair["original"] in ids:
            hit += 1
        else:
            misses.append({"duplicate": pair["duplicate_gid"], "date": view.data.event_date})
    n = len(gt["duplicates"])
    result = {
        "bench": "duplicates",
        "store": str(args.store),
        "acts": gt["acts"],
        "country": gt["country"],
        "window_days": days,
        "service_ms": percentiles(samples),
        "service_cpu_ms": service_cpu,
        "baseline_sql_ms": percentiles(base),
        "candidates_per_new_birth": round(found / len(births), 3),
        "planted": {
            "pairs": n,
            "recall": round(hit / n, 4) if n else None,
            "precision": round(right / total, 4) if total else None,
            "miss_examples": misses[:8],
        },
        "machine": machine(),
    }
    ctx.close()
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
