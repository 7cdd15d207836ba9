"""Build a realistic synthetic store of N registered acts, fast, with its ground truth.

    .venv/bin/python bench/generate.py --acts 100000 --country BF --out /tmp/civreg-bench/100k
    .venv/bin/python bench/generate.py --acts 1000000 --country CD --out /tmp/cd-1m --plain

The store is created by the real ``create_store`` (schema by the migrations, office key,
admin), with the users ``clerk`` and ``registrar`` (password: ``Bench-Baobab-Savane-88`` for
all three).
Acts are then bulk-inserted on a raw SQLCipher connection (executemany, secondary indexes
dropped during the load and rebuilt after) while keeping the schema's invariants: numbers
1..n per register with ``registers.next_number`` = n + 1, unique global identifiers, search
keys computed by ``search_keys`` for every person.

``--plain`` writes an unencrypted SQLite twin (``plain.db``, same rows) for the
encrypted-vs-plain comparison. ``truth.json`` lists the planted spelling variants, duplicate
births and twins, for recall and precision.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import sqlite3
import sys
import time
from collections import deque
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate_plan import Chunk, Planner
from bench.generate_rows import ACT_COLS, PERSON_COLS, SEARCH_COLS, Office, make_chunk
from civreg.domain.acts import ActKind
from civreg.models.engine import raw_connect
from civreg.security.keyfile import FAST_KDF

PASSWORD = "Bench-Baobab-Savane-88"
OFFICES = {
    "BF": dict(commune="11", centre="01", office_name="Mairie de Koudougou"),
    "CD": dict(commune="KN01", centre="01", office_name="Bureau principal de Gombe"),
}
CHUNK_ACTS = 10_000  # acts per worker task
LOAD_CACHE_KIB = 1024 * 1024  # 1 GiB while loading (the unique indexes of acts take random keys)
# While building the indexes of person_search (3.8M short rows at 1M acts): SQLite's sorter cuts
# its input into runs of cache_size bytes and, with temp_store = FILE and PRAGMA threads, sorts
# each run on a helper thread while the main thread reads the table. With 1 GiB one run held
# everything (sorted on the main thread: 11 s of CPU for one name index at 1M); with 16 MiB,
# 6.5 s of CPU, 3 s of it on the main thread. The indexes of acts and act_persons keep the big
# cache: their tables, large, then stay decrypted in it from one index to the next.
INDEX_CACHE_KIB = 16 * 1024
TABLES = ("acts", "act_persons", "person_search")


def _create(path: Path, country: str) -> tuple[bytes, Office]:
    from civreg.services.store_access import create_store
    from civreg.services.users import add_user

    created = create_store(
        path,
        country=country,
        admin="admin",
        password=PASSWORD,
        admin_full_name="Administrateur",
        kdf=FAST_KDF,
        **OFFICES[country],
    )
    ctx = created.ctx
    add_user(ctx, "clerk", PASSWORD, ["clerk"], full_name="Agent", kdf=FAST_KDF)
    registrar = add_user(
        ctx,
        "registrar",
        PASSWORD,
        ["registrar"],
        full_name="Officier Kaboré",
        title="Officier de l'état civil",
        kdf=FAST_KDF,
    )
    p = ctx.profile
    geo = p.geography
    places = [c.name for c in geo.communes()][:300] or ["Centre"]
    dl = p.deadline(ActKind.BIRTH)
    office = Office(
        country=country,
        commune=ctx.office.commune,
        centre=ctx.office.centre,
        office_id=ctx.office.office_id,
        registrar_id=_user_id(registrar, ctx),
        registrar_name="Officier Kaboré",
        registrar_title="Officier de l'état civil",
        format_id=p.format_identifier,
        deadline_days=(dl.days or (dl.months or 2) * 30) - 1,
        uses_post_nom=p.uses_post_nom,
        places=places,
    )
    key = bytes(ctx.store.data_key or b"")
    ctx.store.checkpoint()
    ctx.close()
    return key, office


def _user_id(registrar: Any, ctx: Any) -> int:
    uid = getattr(registrar, "id", None)
    if isinstance(uid, int):
        return uid
    from sqlalchemy import select

    from civreg.models.users import User

    with ctx.store.read() as s:
        return int(s.scalar(select(User.id).where(User.username == "registrar")))


def _plain_twin(path: Path) -> sqlite3.Connection:
    from sqlalchemy import create_engine

    from civreg.models import migrate

    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def _drop_indexes(conn: Any) -> list[str]:
    marks = ", ".join("?" for _ in TABLES)
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks})",
        TABLES,
    ).fetchall()
    for name, _sql in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _n, sql in rows]


def _table_sql(conn: Any) -> list[str]:
    marks = ", ".join("?" for _ in TABLES)
    rows = conn.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ({marks})", TABLES
    ).fetchall()
    return [r[0] for r in rows]


def _bulk_mode(conn: Any) -> None:
    """No journal, no sync while loading: a crash leaves a store to throw away, not to trust."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA temp_store = FILE")  # sorter helper threads need it (not MEMORY)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    conn.execute(f"PRAGMA threads = {os.cpu_count() or 1}")  # sorter threads for indexes


# ---- workers (forked: they inherit the office and the settings below) ------------------------
_W: dict[str, Any] = {}


def _init_worker(settings: dict[str, Any]) -> None:
    _W.update(settings)


def _make_chunk(chunk: Chunk) -> tuple[int, str, list[dict[str, Any]], float, float]:
    """Rows of one chunk, written to a plain SQLite file of the same tables (no index):
    the parent copies it into the store with ``INSERT … SELECT``, in C. Also back: the CPU
    seconds spent making the rows and writing them."""
    c0 = time.process_time()
    maker = make_chunk(_W["office"], chunk, _W["seed"], _W["today"], _W["hashes"])
    c1 = time.process_time()
    path = Path(_W["tmp"]) / f"chunk-{chunk.index:05d}.db"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    for sql in _W["tables"]:
        conn.execute(sql)
    conn.execute("BEGIN")
    for table, cols, rows in (
        ("acts", ACT_COLS, maker.rows.acts),
        ("act_persons", PERSON_COLS, maker.rows.persons),
        ("person_search", SEARCH_COLS, maker.rows.search),
    ):
        marks = ", ".join("?" * len(cols))
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
    conn.close()
    return chunk.index, str(path), maker.variants, c1 - c0, time.process_time() - c1


def _plain_indexes(path: str, sqls: list[str]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    _bulk_mode(conn)
    for sql in sqls:
        _create_index(conn, sql)
    conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")  # ANALYZE reads faster with it
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _create_index(conn: Any, sql: str) -> None:
    small = " ON person_search " in sql
    conn.execute(f"PRAGMA cache_size = -{INDEX_CACHE_KIB if small else LOAD_CACHE_KIB}")
    conn.execute(sql)


# ---- the parent ------------------------------------------------------------------------------
def _merge(conns: list[Any], path: str) -> None:
    for conn in conns:
        conn.execute("ATTACH DATABASE ? AS c" + (" KEY ''" if conn is conns[0] else ""), (path,))
        conn.execute("BEGIN")
        for table in TABLES:
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM c.{table}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE c")
    Path(path).unlink()


def _registers(conns: list[Any], planner: Planner, centre: str) -> None:
    regs = [
        (planner.register_ids[k], centre, k[0], k[1], 1, n + 1)
        for k, n in sorted(planner.numbers.items())
    ]
    for conn in conns:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO registers (id, centre, kind, year, first_number, next_number)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            regs,
        )
        conn.execute("COMMIT")


def _cpu_s() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        use = resource.getrusage(who)
        total += use.ru_utime + use.ru_stime
    return total


def _queued_s() -> float:
    """Seconds the parent's main thread has waited for a core (Linux schedstat; 0 elsewhere)."""
    try:
        return int(Path("/proc/self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class Clock:
    """Per phase, seconds of the parent: [wall, CPU (all its threads), CPU of its main thread,
    waiting for a core (main thread)]; ``add`` also counts the workers' CPU."""

    def __init__(self) -> None:
        self.phases: dict[str, list[float]] = {}
        self._last = self._now()

    @staticmethod
    def _now() -> tuple[float, float, float, float]:
        return time.perf_counter(), time.process_time(), time.thread_time(), _queued_s()

    def add(
        self, name: str, wall: float, cpu: float, main: float = 0.0, queued: float = 0.0
    ) -> None:
        p = self.phases.setdefault(name, [0.0, 0.0, 0.0, 0.0])
        for i, v in enumerate((wall, cpu, main, queued)):
            p[i] = round(p[i] + v, 2)

    def lap(self, name: str) -> None:
        now = self._now()
        self.add(name, *(a - b for a, b in zip(now, self._last, strict=True)))
        self._last = now


def build(
    acts: int,
    country: str,
    out: Path,
    *,
    plain: bool,
    seed: int,
    years: int,
    today: date,
    hashes: bool = True,
    workers: int = 0,
) -> dict[str, Any]:
    """Create the store in ``out`` and fill it with ``acts`` acts; timings and counts back."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "store.db"
    t0, cpu0 = time.perf_counter(), _cpu_s()
    clock = Clock()
    key, office = _create(path, country)
    workers = workers or os.cpu_count() or 1
    tmp = out / ".chunks"
    tmp.mkdir(exist_ok=True)
    conns: list[Any] = [raw_connect(path, key, cache_kib=LOAD_CACHE_KIB)]
    conns[0].isolation_level = None
    if plain:
        plain_path = out / "plain.db"
        for p in (plain_path, Path(f"{plain_path}-wal"), Path(f"{plain_path}-shm")):
            p.unlink(missing_ok=True)
        conns.append(_plain_twin(plain_path))
    index_sql = [_drop_indexes(c) for c in conns]
    settings = {
        "office": office,
        "seed": seed,
        "today": today,
        "hashes": hashes,
        "tmp": str(tmp),
        "tables": _table_sql(conns[0]),
    }
    for c in conns:
        _bulk_mode(c)
    planner = Planner(random.Random(seed), today, years, office.deadline_days, acts)
    variants: dict[int, list[dict[str, Any]]] = {}
    # Forked workers: the office (with the profile's identifier format) is inherited, not
    # pickled; only the plans go through the pipe, and back only file names.
    clock.lap("create")
    with mp.get_context("fork").Pool(workers, _init_worker, (settings,)) as pool:
        pending: deque[Any] = deque()

        def collect() -> None:
            index, chunk_path, found, cpu_rows, cpu_write = pending.popleft().get()
            clock.lap("wait")
            _merge(conns, chunk_path)
            clock.lap("copy")
            variants[index] = found
            clock.add("worker_rows", 0.0, cpu_rows)
            clock.add("worker_write", 0.0, cpu_write)

        for chunk in planner.chunks(CHUNK_ACTS):
            clock.lap("plan")
            pending.append(pool.apply_async(_make_chunk, (chunk,)))
            if len(pending) > workers:
                collect()
        while pending:
            collect()
        _registers(conns, planner, office.centre)
        clock.lap("registers")
        t_rows = time.perf_counter()
        twin = None
        if plain:
            conns.pop().close()
            twin = pool.apply_async(_plain_indexes, (str(out / "plain.db"), index_sql[1]))
        conn = conns[0]
        for sql in index_sql[0]:
            _create_index(conn, sql)
            clock.lap(sql.split(" ON ")[0].split()[-1].strip('"'))
        conn.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")  # ANALYZE reads faster with it
        conn.execute("ANALYZE")
        clock.lap("analyze")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        clock.lap("wal")
        if twin is not None:
            twin.get()
            clock.lap("plain twin")
    tmp.rmdir()
    t_end = time.perf_counter()
    made = planner.next_act - 1
    truth = {
        "country": country,
        "acts": made,
        "seed": seed,
        "password": PASSWORD,
        "users": ["admin", "clerk", "registrar"],
        "variants": [v for i in sorted(variants) for v in variants[i]],
        "duplicates": planner.duplicates,
        "twins": planner.twins,
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return {
        "acts": made,
        "persons": planner.next_person - 1,
        "workers": workers,
        "rows_s": round(t_rows - t0, 1),
        "indexes_s": round(t_end - t_rows, 1),
        "total_s": round(t_end - t0, 1),
        "cpu_s": round(_cpu_s() - cpu0, 1),
        "variants": len(truth["variants"]),
        "duplicates": len(truth["duplicates"]),
        "twins": len(truth["twins"]),
        "phases": clock.phases,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--acts", type=int, required=True)
    ap.add_argument("--country", choices=["BF", "CD"], default="BF")
    ap.add_argument("--out", type=Path, required=True, help="an empty or new directory")
    ap.add_argument("--plain", action="store_true", help="also write an unencrypted twin")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--years", type=int, default=25, help="span of event dates")
    ap.add_argument(
        "--skip-hashes",
        action="store_true",
        help="leave acts.content_hash empty (about 30 %% faster; search and "
        "duplicate benchmarks do not read it)",
    )
    ap.add_argument(
        "--workers", type=int, default=0, help="processes making rows (default: one per core)"
    )
    args = ap.parse_args(argv)
    if (args.out / "store.db").exists():
        ap.error(f"{args.out}/store.db exists: choose a new directory")
    stats = build(
        args.acts,
        args.country,
        args.out,
        plain=args.plain,
        seed=args.seed,
        years=args.years,
        today=date.today(),
        hashes=not args.skip_hashes,
        workers=args.workers,
    )
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
