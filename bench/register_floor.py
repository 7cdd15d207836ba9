"""Registration against its floor, in one run (issue 17, fifth round).

    .venv/bin/python bench/register_floor.py --store /tmp/k100/commune-100000 [--acts 200]

Works on a throw-away copy of the store and prints, for the same run and the same store:

1. **registration**: ``register_act`` for a draft saved just before, as the counter does —
   wall-clock (``perf_counter``) and CPU of the registering thread (``thread_time``);
2. **the necessary work**, measured in isolation for each of N other drafts, each just after
   it was saved (the same loop shape as 1.), with no framework around it:

   - *reads*: the four SELECTs a registration runs (the draft, its persons, the audit
     chain's head, the office key row) on the DB-API connection the store's pool hands out
     (the one that saved the draft, as in 1.: its page cache is warm);
   - *validation*: the law in force on the event and every check (``validate``, as
     registration calls it);
   - *hashes*: the act's legal content before and after, both content hashes, the audit
     entry's digest;
   - *number, identifier, signature*: the global identifier formatted, the seal's message
     signed with the office key (Ed25519); the number itself is the bare transaction's
     ``UPDATE … RETURNING``;

   each is also done a second time at once (warm CPU caches: the "warm" line), to show how
   much of it the draft's save just before costs;

3. **the bare transaction**: the rows a registration writes (the register's number, the
   act's registration columns, one audit entry, one change-log row, one seal), for those
   same N drafts, on a raw DB-API connection to the same encrypted store, committed with
   ``synchronous=FULL`` (``bench_register.raw_same_rows``);

then the **floor** = bare transaction + necessary work, per draft (the i-th draft's bare
transaction plus its own necessary work, so the percentiles are the floor's own), the
**framework** = registration − floor (CPU, means), and registration's ratios to the bare
transaction and to the floor. The necessary work runs with warm CPU caches and no
framework, so the framework line also holds what registration's surroundings cost the
necessary work itself (the draft's save evicting CPU caches, the shared machine).
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import CPU_SAMPLES, login, percentiles

READS = (
    "SELECT * FROM acts WHERE acts.id = ?",
    "SELECT * FROM act_persons WHERE act_persons.act_id = ?"
    " ORDER BY act_persons.role, act_persons.position",
    "SELECT audit_log.seq, audit_log.entry_hash FROM audit_log ORDER BY audit_log.seq DESC LIMIT 1",
    "SELECT office.key_id, office.signing_key FROM office",
)


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.thread_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    """(wall ms, CPU ms) since ``start``."""
    return (time.perf_counter() - start[0]) * 1e3, (time.thread_time() - start[1]) * 1e3


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--acts", type=int, default=200, help="registrations (and floor drafts)")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="civreg-register-floor-"))
    os.environ["CIVREG_DATA_DIR"] = str(work / "data")
    shutil.copytree(args.store, work / "store")

    from bench.bench_register import raw_same_rows
    from civreg.demo.synthetic import Generator
    from civreg.domain.acts import ActKind
    from civreg.domain.dates import PartialDate
    from civreg.domain.validation import rule_set_date, validate
    from civreg.models.act_repo import legal_content, to_input
    from civreg.models.base import utcnow
    from civreg.models.draft_record import load_draft
    from civreg.models.engine import raw_connect
    from civreg.models.prepared import dbapi_connection
    from civreg.security import audit
    from civreg.security.signing_power import try_office_signing_key
    from civreg.services.drafts import create_draft, received_on
    from civreg.services.registration import register_act

    def law_known(in_force: Any) -> dict[str, Any]:
        # (a tree from before validate() took the law in force chooses it again itself)
        known = "in_force" in inspect.signature(validate).parameters
        return {"in_force": in_force} if known else {}

    ctx = login(work / "store", "registrar")
    profile = ctx.profile
    gen = Generator(profile, random.Random(11), today=date.today())
    year = date.today().year
    n, warm = args.acts, args.warmup

    # 1. registration, as the counter does it: a draft saved, then registered
    reg_wall: list[float] = []
    reg_cpu: list[float] = []
    for i in range(n + warm):
        birth = gen.birth(year, late_rate=0.0)
        day = date.fromisoformat(birth.declaration_date)
        view = create_draft(ctx, birth, today=day)
        start = _clock()
        register_act(ctx, view.id, today=day)
        wall, cpu = _since(start)
        if i >= warm:
            reg_wall.append(wall)
            reg_cpu.append(cpu)

    # 2. the necessary work, for other drafts, each just after its save
    with ctx.store.read() as s:
        key, _key_id = try_office_signing_key(s) or (None, "")
    assert key is not None, "the registrar's session holds the office key"
    parts = ("reads", "validation", "hashes", "number, identifier, signature")
    need: dict[str, list[float]] = {p: [] for p in parts}
    need_warm: dict[str, list[float]] = {p: [] for p in parts}  # the same, done again at once

    def timed_reads(conn: Any, act_id: int) -> float:
        start = _clock()
        for sql in READS:
            cur = conn.cursor()
            cur.execute(sql, (act_id,) if "?" in sql else ())
            cur.fetchall()
            cur.close()
        return _since(start)[1]

    def cpu_work(row: Any, data: Any, received: date, day: date, i: int) -> tuple[float, ...]:
        """CPU of (validation, hashes, number + identifier + signature) for one draft."""
        start = _clock()
        in_force = profile.for_event(rule_set_date(data), day)
        problems = validate(
            data,
            profile,
            today=day,
            for_registration=True,
            office_commune=ctx.office.commune,
            received_on=received,
            **law_known(in_force),
        )
        event = PartialDate.from_iso(data.event_date)
        in_force[0].deadline(ActKind(row.kind)).is_late(event, day)
        validation = _since(start)[1]
        assert not [p for p in problems if p.severity == "error"], problems
        start = _clock()
        before = legal_content(row)
        after = legal_content(row)
        before_hash, after_hash = audit.content_hash(before), audit.content_hash(after)
        entry = audit.WrittenEntry(
            seq=1,
            at=utcnow(),
            user_id=ctx.user.id,
            username=ctx.user.username,
            operation="act.register",
            act_uuid=row.uuid,
            before_hash=before_hash,
            after_hash=after_hash,
            detail="",
            prev_hash=audit.GENESIS,
        )
        digest = audit._entry_digest(entry)
        hashes = _since(start)[1]
        start = _clock()
        profile.format_identifier(
            commune=row.commune, centre=row.centre, kind=ActKind(row.kind), year=year, number=i
        )
        key.sign(audit.seal_message(1, 1, digest, "transaction"))
        return validation, hashes, _since(start)[1]

    drafts: list[int] = []
    empty_tx: list[float] = []
    raw_tx: list[float] = []
    for i in range(n + warm):
        birth = gen.birth(year, late_rate=0.0)
        day = date.fromisoformat(birth.declaration_date)
        view = create_draft(ctx, birth, today=day)
        with ctx.store.read() as s:
            conn = dbapi_connection(s)  # the pool's connection, the one that saved the draft
            reads = [timed_reads(conn, view.id) for _ in range(2)]  # as saved, then again
            row = load_draft(s, view.id)  # the draft as registration has it (not timed)
        assert row is not None
        data = to_input(row)
        received = received_on(row) or day
        first, again = (cpu_work(row, data, received, day, i) for _ in range(2))
        # one framework piece, measured the same way: an empty write transaction through
        # the store (Session, pool checkout, BEGIN IMMEDIATE, the commit hooks, COMMIT,
        # checkin) against BEGIN IMMEDIATE / COMMIT on the DB-API connection it hands out
        start = _clock()
        with ctx.store.write() as s:
            conn = dbapi_connection(s)
        session = _since(start)[1]
        start = _clock()
        conn.execute("BEGIN IMMEDIATE")
        conn.commit()
        raw = _since(start)[1]
        if i >= warm:
            drafts.append(view.id)
            for part, ms, warm_ms in zip(
                parts, (reads[0], *first), (reads[1], *again), strict=True
            ):
                need[part].append(ms)
                need_warm[part].append(warm_ms)
            empty_tx.append(session)
            raw_tx.append(raw)

    # 3. the bare transaction writing the same rows, for those same drafts
    conn = raw_connect(work / "store" / "store.db", bytes(ctx.store.data_key or b""))
    conn.isolation_level = None
    mark = len(CPU_SAMPLES)
    bare_wall = raw_same_rows(conn, ctx, drafts)
    bare_cpu = CPU_SAMPLES[mark:]
    conn.close()
    ctx.close()
    shutil.rmtree(work, ignore_errors=True)

    necessary = [sum(v) for v in zip(*need.values(), strict=True)]
    necessary_warm = [sum(v) for v in zip(*need_warm.values(), strict=True)]
    floor_wall = [b + w for b, w in zip(bare_wall, necessary, strict=True)]
    floor_cpu = [b + w for b, w in zip(bare_cpu, necessary, strict=True)]
    rows: list[tuple[str, dict[str, float], dict[str, float] | None]] = [
        ("bare transaction, same rows (BEGIN … COMMIT)", percentiles(bare_wall), None),
        *((f"  + necessary: {p}", percentiles(v), None) for p, v in need.items()),
        ("  = necessary work, all", percentiles(necessary), None),
        ("   (the same, done again at once: warm)", percentiles(necessary_warm), None),
        ("floor = bare + necessary, per draft", percentiles(floor_wall), None),
        ("registration (register_act)", percentiles(reg_wall), None),
    ]
    cpu = {
        "bare": percentiles(bare_cpu),
        "necessary": percentiles(necessary),
        "floor": percentiles(floor_cpu),
        "registration": percentiles(reg_cpu),
    }
    fmean = statistics.fmean
    framework = fmean(reg_cpu) - fmean(floor_cpu)
    load = os.getloadavg()[0]
    print(f"registration against its floor: {n} acts, load {load:.2f} (ms; wall, necessary = CPU)")
    print(f"{'':46s} {'p50':>7s} {'p95':>7s} {'mean':>7s}  {'CPU p50':>7s} {'CPU mean':>8s}")
    for label, wall, _ in rows:
        c = {
            "bare transaction, same rows (BEGIN … COMMIT)": cpu["bare"],
            "floor = bare + necessary, per draft": cpu["floor"],
            "registration (register_act)": cpu["registration"],
        }.get(label, wall)
        print(
            f"{label:46s} {wall['p50']:7.3f} {wall['p95']:7.3f} {wall['mean']:7.3f}"
            f"  {c['p50']:7.3f} {c['mean']:8.3f}"
        )
    print(f"{'framework = registration − floor (CPU mean)':46s} {framework:7.3f}")
    pieces = (
        ("  of which: an empty Store.write() transaction", empty_tx),
        ("  (BEGIN IMMEDIATE / COMMIT on its connection)", raw_tx),
    )
    for label, v in pieces:
        c = percentiles(v)
        print(f"{label:46s} {c['p50']:7.3f} {c['p95']:7.3f} {c['mean']:7.3f}  (CPU)")
    ratios: dict[str, Any] = {}
    for q in ("p50", "p95"):
        ratios[f"to_bare_{q}"] = round(percentiles(reg_wall)[q] / percentiles(bare_wall)[q], 2)
        ratios[f"to_floor_{q}"] = round(percentiles(reg_wall)[q] / percentiles(floor_wall)[q], 2)
        ratios[f"floor_to_bare_{q}"] = round(
            percentiles(floor_wall)[q] / percentiles(bare_wall)[q], 2
        )
    ratios["cpu_to_bare_mean"] = round(fmean(reg_cpu) / fmean(bare_cpu), 2)
    ratios["cpu_to_floor_mean"] = round(fmean(reg_cpu) / fmean(floor_cpu), 2)
    print(
        "registration / bare: p50 {to_bare_p50}×, p95 {to_bare_p95}×, CPU {cpu_to_bare_mean}×;"
        " / floor: p50 {to_floor_p50}×, p95 {to_floor_p95}×, CPU {cpu_to_floor_mean}×;"
        " floor / bare: p50 {floor_to_bare_p50}×, p95 {floor_to_bare_p95}×".format(**ratios)
    )
    if args.json:
        out = {
            "wall": {label.strip(): wall for label, wall, _ in rows},
            "cpu": cpu,
            "framework_cpu_mean_ms": round(framework, 3),
            "empty_store_write_cpu": percentiles(empty_tx),
            "raw_begin_commit_cpu": percentiles(raw_tx),
            "ratios": ratios,
            "load": load,
        }
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
