"""Registering one birth act in a big store, against a raw sqlite3 insert in the same run.

    .venv/bin/python bench/bench_register.py --store /tmp/civreg-bench/bf-100k [--acts 100]

- ``register_ms``: ``register_act(ctx, draft_id)`` — validation against the profile, the
  register's next number in the same transaction, global identifier, content hash, audit
  entry, change log, commit with ``synchronous=FULL`` — for drafts created just before;
- ``draft_and_register_ms``: ``create_draft`` + ``register_act``, what the counter does;
- ``baseline_same_rows_ms`` (the baseline of the ratios): on a raw connection to the same
  encrypted store, for drafts created the same way, one durable transaction writing the rows
  a registration writes — the register's next number (``RETURNING``), the act's registration
  columns, one audit entry, one change-log row, one seal — and nothing else (no validation,
  no hashing, no signature, no ORM), committed with ``synchronous=FULL`` like the service;
- ``baseline_raw_insert_ms`` (the first baseline, kept for comparison with older figures):
  one transaction inserting a whole act (act, 4 persons, 4 search-key rows) and bumping a
  register's next number, committed.

This benchmark **adds acts to the store** (run it after the read-only ones; ``--copy`` works on
a throw-away copy). Each draft is created on the day its declaration was received (the
generator's declaration date) and registered that day: registration refuses a declaration
dated before the day the office received it. The high-water marks go to a data folder of the
run's own (``CIVREG_DATA_DIR``), never the user's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import (
    CPU_SAMPLES,
    emit,
    login,
    machine,
    percentiles,
    timed,
    truth,
)
from bench.generate_rows import ACT_COLS, PERSON_COLS, SEARCH_COLS, Office, Synth
from civreg.demo.synthetic import Generator
from civreg.models.engine import raw_connect
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act

RAW_CENTRE = "RAW"


def raw_inserts(conn, ctx, n: int, rng: random.Random) -> list[float]:
    p = ctx.profile
    office = Office(
        country=ctx.office.country,
        commune=ctx.office.commune,
        centre=RAW_CENTRE,
        office_id=ctx.office.office_id,
        registrar_id=ctx.user.id,
        registrar_name="Officier",
        registrar_title="OEC",
        format_id=p.format_identifier,
        deadline_days=30,
        uses_post_nom=p.uses_post_nom,
        places=["Koudougou"],
    )
    synth = Synth(office, rng, date.today(), 1)
    synth.next_act = conn.execute("SELECT max(id) FROM acts").fetchone()[0] + 1
    synth.next_person = conn.execute("SELECT max(id) FROM act_persons").fetchone()[0] + 1
    year = date.today().year
    reg = conn.execute(
        "SELECT id, next_number FROM registers WHERE centre = ? AND kind = ? AND year = ?",
        (RAW_CENTRE, "birth", year),
    ).fetchone()
    if reg is None:
        conn.execute(
            "INSERT INTO registers (centre, kind, year, first_number, next_number)"
            " VALUES (?, 'birth', ?, 1, 1)",
            (RAW_CENTRE, year),
        )
        conn.commit()
        reg = conn.execute(
            "SELECT id, next_number FROM registers WHERE centre = ? AND"
            " kind = 'birth' AND year = ?",
            (RAW_CENTRE, year),
        ).fetchone()
    number = reg[1]
    acts_sql = f"INSERT INTO acts ({', '.join(ACT_COLS)}) VALUES ({', '.join('?' * len(ACT_COLS))})"
    pers_sql = (
        f"INSERT INTO act_persons ({', '.join(PERSON_COLS)})"
        f" VALUES ({', '.join('?' * len(PERSON_COLS))})"
    )
    srch_sql = (
        f"INSERT INTO person_search ({', '.join(SEARCH_COLS)})"
        f" VALUES ({', '.join('?' * len(SEARCH_COLS))})"
    )
    out = []
    while len(out) < n:
        synth.birth()
        act = list(synth.rows.acts[0])
        # This register's next number (ACT_COLS: register_id, year, number, global_id).
        act[9:13] = [reg[0], year, number, f"{office.office_id}-RAW-{year}-{number:06d}"]
        number += 1
        persons = [p for p in synth.rows.persons if p[1] == act[0]]
        search = [s for s in synth.rows.search if s[1] == act[0]]

        def one(act=act, persons=persons, search=search) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "UPDATE registers SET next_number = next_number + 1 WHERE id = ?", (reg[0],)
            )
            conn.execute(acts_sql, act)
            conn.executemany(pers_sql, persons)
            conn.executemany(srch_sql, search)
            conn.execute("COMMIT")

        out.append(timed(one)[0])
        synth.rows.clear()
    return out


def raw_same_rows(conn, ctx, draft_ids: list[int]) -> list[float]:
    """The rows ``register_act`` writes, for each draft, in one bare durable transaction."""
    import hashlib
    import json
    from datetime import datetime

    year = date.today().year
    sql = "SELECT id FROM registers WHERE centre = ? AND kind = 'birth' AND year = ?"
    if conn.execute(sql, (RAW_CENTRE, year)).fetchone() is None:  # not run after raw_inserts
        conn.execute(
            "INSERT INTO registers (centre, kind, year, first_number, next_number)"
            " VALUES (?, 'birth', ?, 1, 1)",
            (RAW_CENTRE, year),
        )
    reg_id = conn.execute(sql, (RAW_CENTRE, year)).fetchone()[0]
    seq = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0] or 0
    prev = "0" * 64
    user = ctx.user
    out = []
    for act_id in draft_ids:
        uuid, details = conn.execute(
            "SELECT uuid, details FROM acts WHERE id = ?", (act_id,)
        ).fetchone()
        seq += 1
        now = datetime.now().replace(microsecond=0).isoformat(sep=" ")
        entry = hashlib.sha256(f"{uuid}:{seq}".encode()).hexdigest()
        details = json.dumps(dict(json.loads(details or "{}"), rule_set="x"))

        def one(act_id=act_id, uuid=uuid, seq=seq, now=now, entry=entry, details=details):
            nonlocal prev
            conn.execute("BEGIN IMMEDIATE")
            number = (
                conn.execute(
                    "UPDATE registers SET next_number = next_number + 1 WHERE id = ?"
                    " RETURNING next_number",
                    (reg_id,),
                ).fetchone()[0]
                - 1
            )
            conn.execute(
                "UPDATE acts SET status = 'registered', centre = ?, register_id = ?, year = ?,"
                " number = ?, global_id = ?, details = ?, registrar_id = ?, registrar_name = ?,"
                " registrar_title = ?, registered_at = ?, content_hash = ?, updated_at = ?,"
                " late = 0 WHERE id = ?",
                (
                    RAW_CENTRE,
                    reg_id,
                    year,
                    number,
                    f"SAME-{RAW_CENTRE}-{year}-{number:06d}",
                    details,
                    user.id,
                    user.full_name or user.username,
                    "OEC",
                    now,
                    entry,
                    now,
                    act_id,
                ),
            )
            conn.execute(
                "INSERT INTO audit_log (seq, at, user_id, username, operation, act_uuid,"
                " before_hash, after_hash, detail, prev_hash, entry_hash)"
                " VALUES (?, ?, ?, ?, 'act.register', ?, ?, ?, ?, ?, ?)",
                (seq, now, user.id, user.username, uuid, entry, entry, "x", prev, entry),
            )
            conn.execute(
                "INSERT INTO change_log (entity, entity_uuid, at) VALUES ('act', ?, ?)",
                (uuid, now),
            )
            conn.execute(
                "INSERT INTO audit_seals (seq, from_seq, head_hash, reason, key_id, signature,"
                " at) VALUES (?, ?, ?, 'transaction', ?, ?, ?)",
                (seq, seq, entry, "k" * 16, bytes(64), now),
            )
            conn.execute("COMMIT")
            prev = entry

        out.append(timed(one)[0])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--acts", type=int, default=100, help="births to register")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--copy", action="store_true", help="register into a copy of the store")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="civreg-bench-register-"))
    os.environ["CIVREG_DATA_DIR"] = str(work / "data")
    if args.copy:
        shutil.copytree(args.store, work / "store")
        args.store = work / "store"
    rng = random.Random(11)
    ctx = login(args.store, "registrar")
    gt = truth(args.store)
    gen = Generator(ctx.profile, rng, today=date.today())
    births = [gen.birth(date.today().year, late_rate=0.0) for _ in range(args.acts + 10)]
    reg_ms, both_ms, reg_cpu = [], [], []
    for i, b in enumerate(births):
        day = date.fromisoformat(b.declaration_date)
        t_draft, view = timed(lambda b=b, day=day: create_draft(ctx, b, today=day))
        t_reg, _ = timed(lambda v=view, day=day: register_act(ctx, v.id, today=day))
        if i >= 10:  # warm-up
            reg_ms.append(t_reg)
            both_ms.append(t_draft + t_reg)
            reg_cpu.append(CPU_SAMPLES[-1])
    # Drafts for the same-rows baseline, made the same way (not timed).
    more = [gen.birth(date.today().year, late_rate=0.0) for _ in range(args.acts)]
    draft_ids = [
        create_draft(ctx, b, today=date.fromisoformat(b.declaration_date)).id for b in more
    ]
    conn = raw_connect(args.store / "store.db", bytes(ctx.store.data_key or b""))
    conn.isolation_level = None
    base = raw_inserts(conn, ctx, args.acts, rng)
    mark = len(CPU_SAMPLES)
    same = raw_same_rows(conn, ctx, draft_ids)
    same_cpu = CPU_SAMPLES[mark:]
    conn.close()
    result = {
        "bench": "register",
        "store": str(args.store),
        "acts_in_store": gt["acts"],
        "country": gt["country"],
        "register_ms": percentiles(reg_ms),
        "register_cpu_ms": percentiles(reg_cpu),
        "draft_and_register_ms": percentiles(both_ms),
        "baseline_same_rows_ms": percentiles(same),
        "baseline_same_rows_cpu_ms": percentiles(same_cpu),
        "baseline_raw_insert_ms": percentiles(base),
        "machine": machine(),
    }
    for q in ("p50", "p95"):
        result[f"register_over_same_rows_{q}"] = round(
            result["register_ms"][q] / result["baseline_same_rows_ms"][q], 2
        )
    result["register_over_raw_p50"] = round(
        result["register_ms"]["p50"] / result["baseline_raw_insert_ms"]["p50"], 2
    )
    result["register_over_raw_p95"] = round(
        result["register_ms"]["p95"] / result["baseline_raw_insert_ms"]["p95"], 2
    )
    ctx.close()
    emit(result, args.out)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
