"""Online transmission: upload + import through the intake service against the direct
``civreg import`` of the same files, and draining an outbox over a throttled, lossy link.

    .venv/bin/python bench/bench_intake.py [--batches 100] [--per-batch 1000] [--pg URL]
        [--drain 20] [--rate 30720] [--drop-every 5] [--keep DIR]

A commune store of batches x per-batch registered acts is built with bench/generate.py and
exported as ``--batches`` batches of ``--per-batch`` acts each (each act once, plus the audit
entries). Then, each into a fresh PostgreSQL district store (``--pg`` or
``$CIVREG_TEST_PG_URL``):

- **baseline**: ``civreg import`` of every file in one command (a subprocess, as a district
  officer runs it from a USB stick);
- **online**: the outbox sender (``civreg.outbox.sender``, in this process) uploads the same
  batches to ``civreg-intake`` (a subprocess on loopback) which imports each one and signs its
  receipt; the receipts are verified and recorded by the commune;
- **lossy link**: the first ``--drain`` batches, again to a fresh store, through a relay
  limited to ``--rate`` bytes/s each way that drops every connection every ``--drop-every``
  seconds. Its baseline is the ideal transfer time at that rate (bytes / rate).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import PASSWORD, login, machine
from bench.generate import build
from civreg.outbox.client import IntakeClient
from civreg.outbox.sender import Sender
from civreg.services.keys import export_public_key, trust_key
from civreg.services.outbox import set_outbox_settings
from civreg.services.outbox_settings import OutboxSettings
from civreg.services.store_access import init_postgres
from civreg.services.transmission import export_batch
from tests.integration.flaky_link import FlakyLink
from tests.integration.intake_support import IntakeServer


def _pg_database(base: str) -> tuple[str, Any]:
    import psycopg

    name = f"civreg_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return base.rsplit("/", 1)[0] + "/" + name, drop


def _commune(batches: int, per: int, folder: Path, kept: Path | None) -> tuple[Any, list[Path]]:
    """The commune store with its batches exported, or a copy of one kept by an earlier run."""
    saved = kept / f"intake-{batches}x{per}" if kept else None
    if saved is not None and (saved / "done.json").exists():
        shutil.copytree(saved, folder, dirs_exist_ok=True)
    else:
        build(batches * per, "BF", folder, plain=False, seed=2025, years=3, today=date(2025, 6, 30))
        ctx = login(folder, "registrar")
        out = folder / "batches"
        out.mkdir()
        ids = [
            r[0]
            for r in ctx.store.engine.connect().execute(
                text("SELECT id FROM acts WHERE status = 'registered' ORDER BY id")
            )
        ]
        for k in range(batches):
            chunk = ids[k * per : (k + 1) * per]
            with ctx.store.write() as s:
                s.execute(
                    text(
                        "INSERT INTO change_log (entity, entity_uuid, at) SELECT 'act', uuid, "
                        f"registered_at FROM acts WHERE id BETWEEN {chunk[0]} AND {chunk[-1]} "
                        "AND status = 'registered' ORDER BY id"
                    )
                )
            export_batch(ctx, out / f"batch-{k + 1:04d}.civbatch")
        ctx.store.checkpoint()
        ctx.close()
        (folder / "done.json").write_text("{}")
        if saved is not None:
            shutil.copytree(folder, saved, dirs_exist_ok=True)
    files = sorted((folder / "batches").glob("*.civbatch"))
    return login(folder, "registrar"), files


def _district(base: str, folder: Path, commune_key: Path, commune_admin: Any) -> tuple:
    url, drop = _pg_database(base)
    ctx = init_postgres(
        url,
        country="BF",
        office_id="BF-D11",
        office_name="District bench",
        level="district",
        admin="admin",
        password=PASSWORD,
    )
    trust_key(ctx, commune_key)
    district_key = folder / f"district-{uuid.uuid4().hex[:6]}.pub.json"
    export_public_key(ctx, district_key)
    ctx.close()
    # The commune trusts this district's key (to verify its receipts), replacing the last one.
    with commune_admin.store.write() as s:
        s.execute(text("DELETE FROM trusted_keys WHERE office_id = 'BF-D11'"))
    trust_key(commune_admin, district_key)
    return url, drop


def _reset_outbox(ctx: Any, pending: int) -> None:
    """Batches 1..pending waiting again, the others acknowledged (a fresh outbox)."""
    with ctx.store.write() as s:
        s.execute(text("DELETE FROM outbox_deliveries"))
        s.execute(text("UPDATE outgoing_batches SET acknowledged_at = NULL, acknowledged_by = ''"))
        s.execute(
            text(
                "UPDATE outgoing_batches SET acknowledged_at = created_at, acknowledged_by = 'x' "
                f"WHERE sequence > {int(pending)}"
            )
        )


def _acts(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT count(*) FROM acts").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", type=int, default=100)
    ap.add_argument("--per-batch", type=int, default=1000)
    ap.add_argument("--drain", type=int, default=20)
    ap.add_argument("--rate", type=float, default=30 * 1024)
    ap.add_argument("--drop-every", type=float, default=5.0)
    ap.add_argument("--pg", default=os.environ.get("CIVREG_TEST_PG_URL"))
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if not args.pg:
        ap.error("a PostgreSQL server is needed: --pg or $CIVREG_TEST_PG_URL")
    work = Path(tempfile.mkdtemp(prefix="civreg-bench-intake-"))
    results: dict[str, Any] = {"machine": machine(), "args": vars(args) | {"pg": "…"}}
    drops = []
    try:
        t0 = time.perf_counter()
        ctx, files = _commune(args.batches, args.per_batch, work / "commune", args.keep)
        results["build_s"] = round(time.perf_counter() - t0, 1)
        admin = login(work / "commune", "admin")
        commune_key = work / "commune.pub.json"
        export_public_key(admin, commune_key)
        total_bytes = sum(p.stat().st_size for p in files)
        acts = args.batches * args.per_batch
        results["batches"] = {"count": len(files), "bytes": total_bytes, "acts": acts}

        # baseline: civreg import of the same files, one command
        url, drop = _district(args.pg, work, commune_key, admin)
        drops.append(drop)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CIVREG_")}
        env["CIVREG_PASSWORD"] = PASSWORD
        t0 = time.perf_counter()
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "civreg",
                "import",
                "--store",
                url,
                "--user",
                "admin",
                "--receipt-dir",
                str(work),
                *map(str, files),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        baseline = time.perf_counter() - t0
        assert r.returncode == 0, r.stderr
        assert _acts(url) == acts
        results["baseline_civreg_import_s"] = round(baseline, 2)

        # online: the sender to the intake service on loopback
        url, drop = _district(args.pg, work, commune_key, admin)
        drops.append(drop)
        _reset_outbox(ctx, args.batches)
        with IntakeServer(url, "admin", PASSWORD, work / "intake.log") as server:
            settings = set_outbox_settings(admin, OutboxSettings(endpoint=server.url))
            sender = Sender(ctx, IntakeClient(settings, timeout=120))
            t0 = time.perf_counter()
            result = sender.drain(until=time.monotonic() + 3600)
            online = time.perf_counter() - t0
        assert result.outcome == "done" and len(result.acknowledged) == args.batches, result
        assert _acts(url) == acts
        results["online_upload_import_s"] = round(online, 2)
        results["online_vs_civreg_import"] = round(online / baseline, 2)
        results["online_acts_per_s"] = round(acts / online)
        results["civreg_import_acts_per_s"] = round(acts / baseline)

        # lossy link: the first --drain batches at --rate with a drop every --drop-every s
        url, drop = _district(args.pg, work, commune_key, admin)
        drops.append(drop)
        _reset_outbox(ctx, args.drain)
        drain_bytes = sum(p.stat().st_size for p in files[: args.drain])
        with IntakeServer(url, "admin", PASSWORD, work / "intake-lossy.log") as server:
            link = FlakyLink(server.port, rate=args.rate, drop_every=args.drop_every)
            try:
                settings = set_outbox_settings(admin, OutboxSettings(endpoint=link.url))
                sender = Sender(ctx, IntakeClient(settings))
                t0 = time.perf_counter()
                result = sender.drain(until=time.monotonic() + 7200)
                lossy = time.perf_counter() - t0
            finally:
                link.stop()
        assert result.outcome == "done" and len(result.acknowledged) == args.drain, result
        ideal = drain_bytes / args.rate
        results["lossy"] = {
            "batches": args.drain,
            "bytes": drain_bytes,
            "rate_bytes_per_s": args.rate,
            "drop_every_s": args.drop_every,
            "drops": link.cuts,
            "drain_s": round(lossy, 1),
            "ideal_s": round(ideal, 1),
            "vs_ideal": round(lossy / ideal, 2),
        }
        ctx.close()
        admin.close()
    finally:
        for d in drops:
            d()
        shutil.rmtree(work, ignore_errors=True)
    text_out = json.dumps(results, indent=2, default=str)
    print(text_out)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "intake.json").write_text(text_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
