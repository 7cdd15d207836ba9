"""Bulk-fill a PostgreSQL national store with N imported acts of many offices, with COPY.

    .venv/bin/python bench/generate_pg.py --pg-url postgresql://…/nat10m --acts 10000000
        [--offices 200] [--years 20] [--workers 2]

The database must be empty: the script makes a national store there (``init_postgres``,
users ``admin`` with the password of ``bench_common.PASSWORD``), then fills it as years of
weekly batches from ``--offices`` communes of the country profile would have: the acts as the
importer writes them (``origin = 'imported'``, no register, registrar or creator), their
persons and search keys, ids in arrival order (each office's events follow its own dates;
chunks of offices interleave).

Rows are made by ``bench/generate_plan.py`` and ``bench/generate_rows.py`` unchanged (one
planner per office, content hashes left empty: search and import never read those of stored
acts) in worker processes, which each ``COPY`` their chunk straight into the tables. The
secondary indexes, unique constraints and foreign keys of ``acts``, ``act_persons`` and
``person_search`` are dropped during the load and rebuilt after (the primary keys stay: rows
arrive in id order), then the tables are vacuumed and analysed, as a store that has lived
would be. Prints the timings, CPU and sizes as JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from collections import deque
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import PASSWORD
from bench.generate_plan import Chunk, Planner
from bench.generate_rows import ACT_COLS, PERSON_COLS, SEARCH_COLS, Office, make_chunk
from civreg.domain.acts import ActKind

TABLES = ("acts", "act_persons", "person_search")
CHUNK_ACTS = 5_000  # a chunk is one office's acts of a few months: one COPY transaction
TODAY = date(2025, 6, 30)  # as bench_sync.py's commune batches: their years overlap the store's
_A = {c: i for i, c in enumerate(ACT_COLS)}
_NONE_COLS = (_A["register_id"], _A["registrar_id"], _A["created_by"])


def _psycopg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _create(url: str) -> Any:
    from civreg.services.store_access import init_postgres

    return init_postgres(
        url,
        country="BF",
        office_id="BF-NAT",
        office_name="Direction nationale de l'état civil",
        level="national",
        admin="admin",
        password=PASSWORD,
    )


def _offices(ctx: Any, count: int, skip: str) -> list[Office]:
    p = ctx.profile
    dl = p.deadline(ActKind.BIRTH)
    communes = [c for c in p.geography.communes() if c.code != skip]
    out = []
    for i in range(count):
        c = communes[i % len(communes)]
        centre = f"{1 + i // len(communes):02d}"
        out.append(
            Office(
                country=p.code,
                commune=c.code,
                centre=centre,
                office_id=f"{p.code}-{c.code}-{centre}",
                registrar_id=0,
                registrar_name="Officier",
                registrar_title=p.registrar_title,
                format_id=p.format_identifier,
                deadline_days=(dl.days or (dl.months or 2) * 30) - 1,
                uses_post_nom=p.uses_post_nom,
                places=[c.name],
            )
        )
    return out


def _drop_secondary(conn: Any) -> list[str]:
    """Drop what slows a bulk load down; return the statements that put it back."""
    back: list[str] = []
    for table in TABLES:
        for name, ddl in conn.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC",
            (table,),
        ).fetchall():
            conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            back.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {ddl}')
        for name, ddl in conn.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
            " JOIN pg_class i ON i.oid = x.indexrelid"
            " WHERE x.indrelid = %s::regclass AND NOT x.indisprimary"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)",
            (table,),
        ).fetchall():
            conn.execute(f'DROP INDEX "{name}"')
            back.append(ddl)
    # unique constraints and indexes first, foreign keys last (they need the unique keys)
    back.sort(key=lambda s: "FOREIGN KEY" in s)
    return back


# ---- workers (forked: they inherit the offices) -----------------------------------------------
_W: dict[str, Any] = {}


def _init_worker(settings: dict[str, Any]) -> None:
    import psycopg

    _W.update(settings)
    _W["conn"] = psycopg.connect(settings["url"])


def _load(job: tuple[Chunk, int, int, int, int]) -> tuple[int, int]:
    """Make one office's chunk and COPY it, its ids moved to the store's arrival order."""
    chunk, office_index, act_base, person_base, first_person = job
    # one random stream per office and chunk (chunk indexes restart at 0 in every office)
    seed = _W["seed"] * 100_000 + office_index
    maker = make_chunk(_W["offices"][office_index], chunk, seed, TODAY, False)
    da = act_base - chunk.first_act
    dp = person_base - first_person
    conn = _W["conn"]
    with conn.cursor() as cur:
        with cur.copy(f"COPY acts ({', '.join(ACT_COLS)}) FROM STDIN") as cp:
            for r in maker.rows.acts:
                row = list(r)
                row[0] += da
                row[_A["origin"]] = "imported"
                for i in _NONE_COLS:
                    row[i] = None
                cp.write_row(row)
        with cur.copy(f"COPY act_persons ({', '.join(PERSON_COLS)}) FROM STDIN") as cp:
            for r in maker.rows.persons:
                cp.write_row((r[0] + dp, r[1] + da, *r[2:]))
        with cur.copy(f"COPY person_search ({', '.join(SEARCH_COLS)}) FROM STDIN") as cp:
            for r in maker.rows.search:
                cp.write_row((r[0] + dp, r[1] + da, *r[2:]))
    conn.commit()
    return len(maker.rows.acts), len(maker.rows.persons)


# ---- the parent ------------------------------------------------------------------------------
def _jobs(offices: list[Office], acts: int, seed: int, years: int) -> Any:
    """Every office's plan, chunk by chunk, offices in turn: (chunk, office, act id, person
    id, the planner's first person id of the chunk)."""
    per = -(-acts // len(offices))
    planners = []
    for i, o in enumerate(offices):
        p = Planner(random.Random(seed * 7919 + i), TODAY, years, o.deadline_days, per)
        planners.append((i, p, p.chunks(CHUNK_ACTS)))
    next_act = next_person = 1
    while planners and next_act <= acts:
        alive = []
        for i, p, gen in planners:
            first_person = p.next_person
            chunk = next(gen, None)
            if chunk is None:
                continue
            alive.append((i, p, gen))
            yield chunk, i, next_act, next_person, first_person
            next_act += chunk.acts
            next_person += p.next_person - first_person
        planners = alive


def _cpu_s() -> float:
    return sum(
        (u.ru_utime + u.ru_stime)
        for u in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def build(url: str, acts: int, offices: int, years: int, seed: int, workers: int) -> dict[str, Any]:
    import psycopg

    t0, cpu0 = time.perf_counter(), _cpu_s()
    ctx = _create(url)
    office_list = _offices(ctx, offices, skip="11")
    ctx.close()
    pg = _psycopg_url(url)
    with psycopg.connect(pg, autocommit=True) as conn:
        restore = _drop_secondary(conn)
    settings = {"url": pg, "offices": office_list, "seed": seed}
    made_acts = made_persons = 0
    with mp.get_context("fork").Pool(workers, _init_worker, (settings,)) as pool:
        pending: deque[Any] = deque()
        for job in _jobs(office_list, acts, seed, years):
            pending.append(pool.apply_async(_load, (job,)))
            while len(pending) > 2 * workers:
                a, p = pending.popleft().get()
                made_acts += a
                made_persons += p
                if made_acts // 500_000 != (made_acts - a) // 500_000:
                    print(f"  {made_acts} acts", file=sys.stderr, flush=True)
        while pending:
            a, p = pending.popleft().get()
            made_acts += a
            made_persons += p
    t_rows = time.perf_counter()
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '512MB'")
        for ddl in restore:
            conn.execute(ddl)
        t_indexes = time.perf_counter()
        for table in ("acts", "act_persons"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT max(id) FROM {table}))"
            )
        for table in TABLES:
            conn.execute(f"VACUUM (ANALYZE) {table}")
        conn.execute("ANALYZE")
        sizes = {
            t: conn.execute(
                "SELECT pg_relation_size(%s::regclass), pg_indexes_size(%s::regclass),"
                " pg_total_relation_size(%s::regclass)",
                (t, t, t),
            ).fetchone()
            for t in TABLES
        }
        db = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    t_end = time.perf_counter()
    gib = 1 << 30
    return {
        "acts": made_acts,
        "persons": made_persons,
        "offices": offices,
        "years": years,
        "workers": workers,
        "rows_s": round(t_rows - t0, 1),
        "indexes_s": round(t_indexes - t_rows, 1),
        "vacuum_analyze_s": round(t_end - t_indexes, 1),
        "total_s": round(t_end - t0, 1),
        "cpu_s_client": round(_cpu_s() - cpu0, 1),
        "sizes_gib": {
            t: {"heap": round(h / gib, 2), "indexes": round(i / gib, 2), "total": round(s / gib, 2)}
            for t, (h, i, s) in sizes.items()
        },
        "database_gib": round(db / gib, 2),
        "loadavg": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg-url", required=True, help="an empty PostgreSQL database")
    ap.add_argument("--acts", type=int, default=10_000_000)
    ap.add_argument("--offices", type=int, default=200)
    ap.add_argument("--years", type=int, default=20, help="span of event dates")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    result = build(args.pg_url, args.acts, args.offices, args.years, args.seed, args.workers)
    print(json.dumps(result))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
