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
import random
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate_rows import ACT_COLS, PERSON_COLS, SEARCH_COLS, Office, Synth
from civreg.domain.acts import ActKind
from civreg.models.engine import raw_connect
from civreg.security.keyfile import FAST_KDF

PASSWORD = "Bench-Baobab-Savane-88"
OFFICES = {
    "BF": dict(commune="11", centre="01", office_name="Mairie de Koudougou"),
    "CD": dict(commune="KN01", centre="01", office_name="Bureau principal de Gombe"),
}
BATCH = 20_000
LOAD_CACHE_KIB = 1024 * 1024  # 1 GiB while loading: index builds sort in memory
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
        full_name="Officier Bench",
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
        registrar_name="Officier Bench",
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
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
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


def _insert(conns: list[Any], synth: Synth) -> None:
    sql = [
        (
            f"INSERT INTO acts ({', '.join(ACT_COLS)}) VALUES ({', '.join('?' * len(ACT_COLS))})",
            synth.rows.acts,
        ),
        (
            f"INSERT INTO act_persons ({', '.join(PERSON_COLS)})"
            f" VALUES ({', '.join('?' * len(PERSON_COLS))})",
            synth.rows.persons,
        ),
        (
            f"INSERT INTO person_search ({', '.join(SEARCH_COLS)})"
            f" VALUES ({', '.join('?' * len(SEARCH_COLS))})",
            synth.rows.search,
        ),
    ]
    for conn in conns:
        for stmt, rows in sql:
            conn.executemany(stmt, rows)
    synth.rows.clear()


def _registers(conns: list[Any], synth: Synth, centre: str) -> None:
    regs = [
        (synth.register_ids[k], centre, k[0], k[1], 1, n + 1)
        for k, n in sorted(synth.numbers.items())
    ]
    for conn in conns:
        conn.executemany(
            "INSERT INTO registers (id, centre, kind, year, first_number, next_number)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            regs,
        )


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
) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "store.db"
    t0 = time.perf_counter()
    key, office = _create(path, country)
    conns: list[Any] = [raw_connect(path, key, cache_kib=LOAD_CACHE_KIB)]
    conns[0].execute("PRAGMA foreign_keys = OFF")
    conns[0].execute("PRAGMA synchronous = OFF")  # bulk load; WAL checkpoint at the end
    if plain:
        plain_path = out / "plain.db"
        for p in (plain_path, Path(f"{plain_path}-wal"), Path(f"{plain_path}-shm")):
            p.unlink(missing_ok=True)
        conns.append(_plain_twin(plain_path))
        conns[1].execute("PRAGMA synchronous = OFF")
        conns[1].execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    index_sql = [_drop_indexes(c) for c in conns]
    synth = Synth(office, random.Random(seed), today, years, hashes=hashes, total=acts)
    for c in conns:
        c.execute("BEGIN")
    while synth.next_act <= acts:
        synth.one()
        if len(synth.rows.acts) >= BATCH:
            _insert(conns, synth)
    _insert(conns, synth)
    _registers(conns, synth, office.centre)
    t_rows = time.perf_counter()
    for c, sqls in zip(conns, index_sql, strict=True):
        for sql in sqls:
            c.execute(sql)
        c.execute("ANALYZE")
        c.commit()
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        c.close()
    t_end = time.perf_counter()
    made = synth.next_act - 1
    truth = {
        "country": country,
        "acts": made,
        "seed": seed,
        "password": PASSWORD,
        "users": ["admin", "clerk", "registrar"],
        **synth.truth,
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return {
        "acts": made,
        "persons": synth.next_person - 1,
        "rows_s": round(t_rows - t0, 1),
        "indexes_s": round(t_end - t_rows, 1),
        "total_s": round(t_end - t0, 1),
        "variants": len(synth.truth["variants"]),
        "duplicates": len(synth.truth["duplicates"]),
        "twins": len(synth.truth["twins"]),
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
    )
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
