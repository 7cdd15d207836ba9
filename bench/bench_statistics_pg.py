"""Vital statistics on a PostgreSQL district store of millions of acts: the first build of the
statistics cache, the service for the screen's selections, the Statistics screen's refresh
(offscreen Qt), against the same baseline as ``bench_statistics.py``.

    .venv/bin/python bench/bench_statistics_pg.py --pg-url postgresql://…/emptydb --acts 5000000

The database must be empty: the script makes a district store there (``init_postgres``) and
fills it with SQL (``generate_series``): registered, imported acts of 40 communes over 25
years (78 % births, 12 % deaths with ICD-10 codes, 10 % marriages), the subject, the mother
and the spouses with sexes and birth dates, some late, by judgment and transcribed, and one
cancellation per thousand acts. Names are placeholders: statistics never read them.

Target (issue 18): screen refresh ≤ 1 s over 5M acts (PostgreSQL).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_common import emit, machine, percentiles, timed
from bench.bench_statistics import _baseline, _screen, _service

PASSWORD = "bench-pw-statistics"
CODES = "ARRAY['I21.9','J18.9','A09','B54','P07.3','C50','O72.1','R99','D50.9','V89.2']"

ACTS_SQL = f"""
INSERT INTO acts (id, uuid, kind, status, origin, office_id, country, commune, centre, year,
    number, event_date, event_from, event_to, event_time, event_place, event_place_type,
    declaration_date, details, medical, late, judgment_court, judgment_number, judgment_date,
    transcribed, original_date, transcription_note, registrar_name, registrar_title,
    content_hash, created_at, updated_at, registered_at)
SELECT g, md5(g::text), k.kind, 'registered', 'imported', 'BF-BENCH', 'BF',
    lpad(((g % 40) + 1)::text, 2, '0'), '01', extract(year FROM d)::int, g,
    d::text, d::text, d::text, '', '', (ARRAY['health_facility','home','other',''])[g % 4 + 1],
    d::text, '{{}}'::json,
    CASE WHEN k.kind = 'death' THEN json_build_object('cause', json_build_object('part1',
        json_build_array(json_build_object('text', 'x', 'icd10',
        ({CODES})[g % 10 + 1]))))
    END,
    g % 13 = 0, CASE WHEN g % 29 = 0 THEN 'TGI' ELSE '' END,
    CASE WHEN g % 29 = 0 THEN 'J-' || g ELSE '' END, '', g % 97 = 0, '', '', '', '', '',
    now(), now(), now()
FROM generate_series(CAST(:lo AS integer), CAST(:hi AS integer)) AS g
CROSS JOIN LATERAL (SELECT date '2001-01-01' + ((g::bigint * 7919) % 9131)::int AS d) AS dd
CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 78 THEN 'birth'
    WHEN g % 100 < 90 THEN 'death' ELSE 'marriage' END AS kind) AS k
"""

PERSONS_SQL = """
INSERT INTO act_persons (act_id, role, position, family_name, post_nom, given_names, sex,
    birth_date, approx_age, birth_place, profession, domicile, nationality, id_document,
    marital_status, previous_marital_status, capacity, birth_act_ref)
SELECT a.id, r.role, 0, 'X', '', 'Y', r.sex, r.birth, r.approx, '', '', '', '', '', '', '', '',
    ''
FROM acts a
CROSS JOIN LATERAL (VALUES
    (CASE a.kind WHEN 'birth' THEN 'child' WHEN 'death' THEN 'deceased' ELSE 'spouse1' END,
     CASE WHEN a.id % 2 = 0 THEN 1 ELSE 2 END,
     CASE WHEN a.kind = 'birth' THEN a.event_date
          ELSE (1930 + a.id % 60)::text || '-0' || (1 + a.id % 9)::text || '-15' END,
     NULL::int),
    (CASE a.kind WHEN 'birth' THEN 'mother' WHEN 'marriage' THEN 'spouse2' END,
     2,
     CASE WHEN a.id % 7 = 0 THEN '' ELSE (1965 + a.id % 35)::text END,
     CASE WHEN a.id % 7 = 0 THEN 15 + a.id % 30 END)
) AS r(role, sex, birth, approx)
WHERE r.role IS NOT NULL AND a.id BETWEEN CAST(:lo AS integer) AND CAST(:hi AS integer)
"""

MENTIONS_SQL = """
INSERT INTO mentions (uuid, act_id, kind, date, text, authority, reference, related_ref,
    source, recorded_by_name, recorded_at)
SELECT md5('m' || g), g, 'cancellation', '2026-01-01', 'Acte annulé par jugement.', 'TGI',
    'J-' || g, '', 'imported', '', now()
FROM generate_series(1000, CAST(:hi AS integer), 1000) AS g
"""


def _fill(ctx: Any, acts: int, chunk: int = 250_000) -> dict[str, float]:
    from sqlalchemy import text

    times: dict[str, float] = {}
    t = time.perf_counter()
    for lo in range(1, acts + 1, chunk):
        hi = min(acts, lo + chunk - 1)
        with ctx.store.engine.begin() as conn:
            conn.execute(text(ACTS_SQL), {"lo": lo, "hi": hi})
            conn.execute(text(PERSONS_SQL), {"lo": lo, "hi": hi})
        print(f"  {hi} acts", file=sys.stderr, flush=True)
    with ctx.store.engine.begin() as conn:
        conn.execute(text("SELECT setval('acts_id_seq', :n)"), {"n": acts})
        conn.execute(text(MENTIONS_SQL), {"hi": acts})
        conn.execute(text("ANALYZE"))
    times["fill_s"] = round(time.perf_counter() - t, 1)
    return times


def _screen_service(ctx: Any, f: Any, repeat: int) -> dict[str, Any]:
    """What the screen asks since the counts are summed by the database
    (``screen_statistics``), then its tables (``standard_tables``): wall and CPU ms."""
    from civreg.domain.vital_tables import standard_tables
    from civreg.services.statistics import screen_statistics

    service, tables, cpu = [], [], []
    stats: Any = None
    for _ in range(repeat):
        c = time.process_time()
        ms, stats = timed(lambda: screen_statistics(ctx, f))
        service.append(ms)
        ms, _ = timed(lambda s=stats: standard_tables(s))
        tables.append(ms)
        cpu.append((time.process_time() - c) * 1000)
    rows = sum(len(r) for r in stats.sums.values()) if stats.sums else len(stats.cells)
    return {
        **percentiles(service),
        "tables_ms": percentiles(tables),
        "cpu_ms_service_and_tables": percentiles(cpu),
        "rows_read": rows,
        "acts": stats.total(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg-url", required=True, help="an empty PostgreSQL database")
    ap.add_argument("--acts", type=int, default=5_000_000)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--reuse", action="store_true", help="the database was filled before")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    from civreg.domain.vital_stats import StatsFilter
    from civreg.services.statistics import refresh
    from civreg.services.store_access import init_postgres, login

    result: dict[str, Any] = {"benchmark": "statistics_pg", "acts": args.acts, **machine()}
    if not args.reuse:
        ctx = init_postgres(
            args.pg_url,
            country="BF",
            office_id="BF-BENCH",
            office_name="District bench",
            level="district",
            admin="admin",
            password=PASSWORD,
        )
        result.update(_fill(ctx, args.acts))
        ctx.close()
    ctx = login(args.pg_url, "admin", PASSWORD)
    ms, _ = timed(lambda: refresh(ctx))
    result["first_refresh_s"] = round(ms / 1000, 1)  # the build of the counts
    result["baseline_scan"] = _baseline(ctx, args.repeat)
    year = 2020
    result["service"] = {
        "all_years": _service(ctx, StatsFilter(), args.repeat),
        "all_years_screen": _service(ctx, StatsFilter(), args.repeat, months=None),
        "one_year": _service(ctx, StatsFilter.for_year(year), args.repeat),
        "one_commune_year": _service(ctx, StatsFilter.for_year(year, commune="07"), args.repeat),
        "all_years_screen_sums": _screen_service(ctx, StatsFilter(), args.repeat),
    }
    result["screen_refresh"] = {
        "one_year": _screen(ctx, year, max(5, args.repeat // 2)),
        "all_years": _screen(ctx, None, max(5, args.repeat // 2)),
    }
    base = result["baseline_scan"]["p50"]
    for r in result["screen_refresh"].values():
        r["ratio_to_baseline_p50"] = round(r["p50"] / base, 2) if base else None
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
