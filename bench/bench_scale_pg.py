"""Import and name search on a large PostgreSQL national store against an almost empty one,
same run, same server (issue 17, "Scale on paper, then in a test"; docs/scale.md).

    .venv/bin/python bench/bench_scale_pg.py --pg-url postgresql://…/nat5m [--pairs 3]
        [--queries 300] [--keep DIR]

``--pg-url`` is a national store filled by ``bench/generate_pg.py`` (it is written to: each
run imports batches into it). A commune store of ``pairs`` × 101 000 acts is built with
``bench/generate.py`` (kept in ``--keep`` and reused) and exported as ``2 × pairs`` successive
batches of its office — 1 000 acts, then 100 000, then 1 000 again… — the way a commune sends
them. Each batch is imported with the client's service (``import_batches``: verify, rebuild
and hash-check every act, duplicate check against the store, bulk insert, receipt) into a
fresh national store (the baseline: empty, then holding the earlier batches, at most
0.2 M acts) and into the large store, alternately, so both see the same load.

Then name search (``search(ctx, SearchQuery(family, given), limit=50)``, the service the
client uses) on names sampled from each store's persons, p50/p95, with the raw indexed SQL of
``bench_search.py`` on the same store as its baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import CPU_SAMPLES, PASSWORD, cpu_since, emit, machine, percentiles
from bench.bench_search import run_service, sample_names
from bench.generate import build
from civreg.domain.names import normalize
from civreg.services.keys import export_public_key, trust_key
from civreg.services.store_access import init_postgres, login
from civreg.services.transmission import export_batch, import_batches

SIZES = (1_000, 100_000)
BASELINE_SQL = (
    "SELECT a.id, a.global_id FROM person_search ps JOIN acts a ON a.id = ps.act_id"
    " WHERE ps.norm_family = %s AND ps.norm_given = %s LIMIT 50"
)


def _batches(pairs: int, sizes: tuple[int, int], keep: Path) -> tuple[list[Path], Path]:
    """The commune's successive batches (built once, kept) and its public key file."""
    from bench.bench_common import login as login_dir

    done = keep / "batches.json"
    if not done.exists() or json.loads(done.read_text())["sizes"] != list(sizes):
        folder = keep / "commune"
        shutil.rmtree(keep, ignore_errors=True)
        folder.parent.mkdir(parents=True)
        acts = pairs * sum(sizes)
        stats = build(acts, "BF", folder, plain=False, seed=2025, years=3, today=date(2025, 6, 30))
        admin = login_dir(folder, "admin")
        export_public_key(admin, keep / "commune.pub.json")
        admin.close()
        ctx = login_dir(folder, "registrar")
        paths, first = [], 1
        for i in range(2 * pairs):
            last = first + sizes[i % 2] - 1
            with ctx.store.write() as s:
                s.execute(
                    text(
                        "INSERT INTO change_log (entity, entity_uuid, at) SELECT 'act', uuid,"
                        " registered_at FROM acts WHERE status = 'registered'"
                        " AND id BETWEEN :lo AND :hi ORDER BY id"
                    ),
                    {"lo": first, "hi": last},
                )
            path = keep / f"b{i + 1:02d}-{sizes[i % 2]}.civbatch"
            export_batch(ctx, path)
            paths.append(path)
            first = last + 1
        ctx.close()
        done.write_text(
            json.dumps({"store": stats, "sizes": list(sizes), "batches": [p.name for p in paths]})
        )
    names = json.loads(done.read_text())["batches"]
    return [keep / n for n in names], keep / "commune.pub.json"


def _empty_store(base: str) -> tuple[str, Any]:
    import psycopg

    name = f"civreg_scale_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    url = base.rsplit("/", 1)[0] + "/" + name
    init_postgres(
        url,
        country="BF",
        office_id="BF-NAT",
        office_name="National",
        level="national",
        admin="admin",
        password=PASSWORD,
    ).close()
    return url, drop


def _acts(ctx: Any) -> int:
    with ctx.store.read() as s:
        return int(s.execute(text("SELECT count(*) FROM acts")).scalar() or 0)


def _import(ctx: Any, batch: Path, receipts: Path) -> dict[str, Any]:
    before = _acts(ctx)
    c0, t0 = time.process_time(), time.perf_counter()
    report = import_batches(ctx, [batch], receipt_dir=receipts)
    seconds = time.perf_counter() - t0
    return {
        "s": round(seconds, 2),
        "cpu_s": round(time.process_time() - c0, 2),
        "outcome": report.batches[0].outcome,
        "acts_before": before,
        "load": os.getloadavg()[0],
    }


def _search(ctx: Any, url: str, queries: int, seed: int) -> dict[str, Any]:
    import psycopg

    names = sample_names(ctx, queries, random.Random(seed))
    start = len(CPU_SAMPLES)
    service = percentiles(run_service(ctx, names))
    cpu = cpu_since(start)
    keys = [(normalize(f), normalize(g)) for f, g in names]
    with psycopg.connect(url) as conn:
        for k in keys[:20]:
            conn.execute(BASELINE_SQL, k).fetchall()
        samples = []
        for k in keys:
            t = time.perf_counter()
            conn.execute(BASELINE_SQL, k).fetchall()
            samples.append((time.perf_counter() - t) * 1000)
    base = percentiles(samples)
    return {
        "queries": len(names),
        "service": service,
        "service_cpu_ms": cpu,
        "baseline_sql": base,
        "p50_ratio_to_sql": round(service["p50"] / base["p50"], 2) if base["p50"] else None,
        "load": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg-url", required=True, help="a national store from generate_pg.py")
    ap.add_argument("--pairs", type=int, default=3, help="1 000 + 100 000 act batches, each")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--keep", type=Path, default=Path("/tmp/civreg-bench/scale-batches"))
    ap.add_argument("--sizes", type=int, nargs=2, default=list(SIZES), help="acts per batch")
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="civreg-bench-scale-"))
    os.environ["CIVREG_DATA_DIR"] = str(work / "data")
    result: dict[str, Any] = {"benchmark": "scale_pg", **machine()}
    big = login(args.pg_url, "admin", PASSWORD)
    result["large_store_acts"] = _acts(big)
    base_url = args.pg_url.rsplit("/", 1)[0] + "/postgres"
    small_url, drop = _empty_store(base_url)
    small = login(small_url, "admin", PASSWORD)
    try:
        if not args.skip_import:
            sizes = (args.sizes[0], args.sizes[1])
            batches, key_file = _batches(args.pairs, sizes, args.keep)
            for ctx in (small, big):
                trust_key(ctx, key_file)
            runs = []
            for batch in batches:
                runs.append(
                    {
                        "batch": batch.name,
                        "empty": _import(small, batch, work),
                        "large": _import(big, batch, work),
                    }
                )
                r = runs[-1]
                r["ratio_large_to_empty"] = round(r["large"]["s"] / r["empty"]["s"], 2)
                print(json.dumps(r), file=sys.stderr, flush=True)
            result["imports"] = runs
            for size in sizes:
                mine = [r for r in runs if r["batch"].endswith(f"-{size}.civbatch")]
                ratios = sorted(r["ratio_large_to_empty"] for r in mine)
                result[f"import_{size}_median_ratio"] = ratios[len(ratios) // 2]
        result["search_large"] = _search(big, args.pg_url, args.queries, 1)
        result["small_store_acts"] = _acts(small)
        if result["small_store_acts"]:
            result["search_small"] = _search(small, small_url, args.queries, 1)
    finally:
        small.close()
        big.close()
        drop()
        shutil.rmtree(work, ignore_errors=True)
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
