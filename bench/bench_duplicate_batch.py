"""The duplicate check of an imported batch: together (``duplicate_batch``) against act by act
(``candidates_for_act`` per act, as imports did before issue 17), same store, same run.

    .venv/bin/python bench/bench_duplicate_batch.py [--batches 10] [--per-batch 1000]
        [--pg URL] [--sample 200] [--keep DIR]

A commune store of batches x per-batch acts is built with bench/generate.py and exported as
batches (``bench_intake.py``'s commune), then imported one by one into a district store
(SQLite, and PostgreSQL with ``--pg``); after each import but the last, the acts just imported
are given the code of another commune (12 or 13, in turn): a district holds several
communes, and the check looks at the other communes' acts. Then, on the last batch's acts:

- ``together_s``: ``cross_commune_duplicates`` of the whole batch;
- ``act_by_act_s``: ``candidates_for_act`` of ``--sample`` of them, scaled to the batch;
- the answers are compared on the sample (they must be equal).

Each import's time (which runs the batch check) is reported too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import PASSWORD, login, machine
from bench.bench_intake import _commune, _pg_database
from bench.bench_sync import _district_sqlite
from civreg.models.acts import Act
from civreg.services.duplicate_batch import cross_commune_duplicates
from civreg.services.duplicate_match import candidates_for_act
from civreg.services.keys import export_public_key, trust_key
from civreg.services.store_access import init_postgres
from civreg.services.transmission import import_batches


def _recode(district: Any, commune: str) -> None:
    """The acts of commune 11 become ``commune``'s: the store's guard against changing a
    registered act is lifted for this one statement (a benchmark's set-up, never the
    program's)."""
    with district.store.write() as s:
        if district.store.is_sqlite:
            guards = list(
                s.execute(
                    text(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                        " AND tbl_name = 'acts'"
                    )
                )
            )
            for name, _sql in guards:
                s.execute(text(f"DROP TRIGGER {name}"))
            s.execute(text(f"UPDATE acts SET commune = '{commune}' WHERE commune = '11'"))
            for _name, sql in guards:
                s.execute(text(sql))
        else:
            s.execute(text("ALTER TABLE acts DISABLE TRIGGER USER"))
            s.execute(text(f"UPDATE acts SET commune = '{commune}' WHERE commune = '11'"))
            s.execute(text("ALTER TABLE acts ENABLE TRIGGER USER"))


def _run(district: Any, files: list[Path], folder: Path, sample: int) -> dict[str, Any]:
    imports = []
    for k, f in enumerate(files):
        t0 = time.perf_counter()
        report = import_batches(district, [f], receipt_dir=folder)
        imports.append(round(time.perf_counter() - t0, 2))
        assert report.batches[0].status in ("imported", "sealed"), report.batches[0]
        if k < len(files) - 1:
            _recode(district, f"1{2 + k % 2}")
    days = district.profile.duplicate_window_days
    with district.store.read() as s:
        last = list(s.scalars(select(Act.id).where(Act.commune == "11").order_by(Act.id)))
        t0 = time.perf_counter()
        together = cross_commune_duplicates(s, last, days)
        together_s = time.perf_counter() - t0
        some = last[:: max(1, len(last) // sample)][:sample]
        t0 = time.perf_counter()
        one_by_one = {}
        for act_id in some:
            cross = [c for c in candidates_for_act(s, act_id, days) if c.cross_commune]
            if cross:
                one_by_one[act_id] = cross
        by_act_s = (time.perf_counter() - t0) * len(last) / len(some)
    assert one_by_one == {k: v for k, v in together.items() if k in set(some)}
    return {
        "imports_s": imports,
        "checked_acts": len(last),
        "with_candidates": len(together),
        "together_s": round(together_s, 2),
        "act_by_act_s_scaled": round(by_act_s, 2),
        "act_by_act_sample": len(some),
        "speed_up": round(by_act_s / together_s, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", type=int, default=10)
    ap.add_argument("--per-batch", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--pg", default=os.environ.get("CIVREG_TEST_PG_URL"))
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="civreg-bench-dupbatch-"))
    result: dict[str, Any] = {
        "batches": args.batches,
        "per_batch": args.per_batch,
        "machine": machine(),
    }
    commune, files = _commune(args.batches, args.per_batch, folder / "commune", args.keep)
    key = folder / "commune.pub.json"
    admin = login(folder / "commune", "admin")
    export_public_key(admin, key)
    admin.close()
    district = _district_sqlite(folder / "district.db")
    trust_key(district, key)
    result["sqlite"] = _run(district, files, folder, args.sample)
    district.close()
    if args.pg:
        url, drop = _pg_database(args.pg)
        try:
            pg = init_postgres(
                url,
                country="BF",
                office_id="BF-D11",
                office_name="District bench",
                level="district",
                admin="admin",
                password=PASSWORD,
            )
            trust_key(pg, key)
            result["postgresql"] = _run(pg, files, folder, args.sample)
            pg.close()
        finally:
            drop()
    commune.close()
    print(json.dumps(result, indent=1, default=str))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1, default=str))
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
