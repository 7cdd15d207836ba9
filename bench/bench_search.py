"""Name search: latency (top 50), spelling-variant recall, encrypted vs plain.

    .venv/bin/python bench/bench_search.py --store /tmp/civreg-bench/bf-100k [--queries 300]

The store comes from ``bench/generate.py`` (with ``--plain`` for the ratio). Reported:

- ``service``: ``search(ctx, SearchQuery(family, given), limit=50)`` — the whole service,
  session, candidate lookups, ranking, hydration of the page — p50/p95 ms;
- ``baseline_sql``: the equivalent raw indexed SQL (exact normalised name, top 50 with the
  act's identifier) on a raw connection of the same store, in the same run;
- ``plain``: the same service queries on the unencrypted twin, and the ratio;
- ``service_cpu_ms``: CPU time of the same calls (process time: what the machine's load
  does not inflate; the rest of the wall time is waiting for the CPU or the disk);
- ``floor``: every SQL statement each search ran, recorded and replayed in the same order on a
  fresh raw connection of the same store (its own page cache, the same size, empty but for
  the same 20 warm-up searches as the service's; one read transaction per search): the
  database's own share of the work, index lookups, page reads and decryptions included,
  without Python's ranking and hydration; ``floor_pages`` is how many pages each replayed
  search read past the page cache (each one a decryption), and ``service_over_floor`` the
  ratios;
- ``search_box``: what the client's search box runs for a typed "FAMILY Given"
  (``lookup.find_acts``: the search on the text, every reading of it, then the register
  rows of the 50 hits), on another sample of the store's names (``Random(43)``: some may
  have been searched already, most pages not);
- ``repeat``: the same queries run a second time (pages already decrypted in the cache, as
  when a clerk refines a search): what the service costs without cold-page decryption;
- ``heldout_dated`` / ``heldout_names_only``: the same on the held-out spellings planted by
  ``bench/heldout.py`` (published spellings, both names or one varied, given names reordered
  or the second left out), with and without the birth date, and their latency (misspelt
  names reach the other-name and class-prefix lookups); ``--heldout FILE`` measures
  another set planted with ``heldout.py --data FILE`` (default: the first set);
- ``recall``: for each planted act stored under another spelling, the usual spelling and the
  birth date typed by the clerk; found when the act is among the first 10 hits. Precision
  is the share of those top-10 hits whose subject's family name sounds like the query
  (same phonetic key or similarity ≥ 63) — i.e. hits a clerk would not call noise.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import (
    CPU_SAMPLES,
    cpu_since,
    emit,
    login,
    machine,
    percentiles,
    plain_ctx,
    set_cache,
    timed,
    truth,
)
from bench.heldout import DATA as HELDOUT_DATA
from bench.heldout import truth_key
from bench.page_reads import cache_misses
from civreg.domain.names import SIMILAR_THRESHOLD, normalize, similarity
from civreg.models.engine import cache_kib_for, raw_connect
from civreg.services import search_db
from civreg.services.search import SearchQuery, search

BASELINE_SQL = (
    "SELECT a.id, a.global_id FROM person_search ps JOIN acts a ON a.id = ps.act_id"
    " WHERE ps.norm_family = ? AND ps.norm_given = ? LIMIT 50"
)


def sample_names(ctx, n: int, rng: random.Random) -> list[tuple[str, str]]:
    from sqlalchemy import text

    with ctx.store.read() as s:
        top = s.execute(text("SELECT max(id) FROM act_persons")).scalar() or 0
        ids = [rng.randint(1, top) for _ in range(n * 2)]
        rows = s.execute(
            text(
                "SELECT family_name, given_names FROM act_persons WHERE id IN ("
                + ", ".join(str(i) for i in ids)
                + ") AND role IN ('child', 'mother', 'deceased')"
            )
        ).all()
    rng.shuffle(rows)
    return [(r[0], r[1].split()[0]) for r in rows[:n]]


def run_service(ctx, names: list[tuple[str, str]]) -> list[float]:
    for fam, giv in names[:20]:  # warm the page cache
        search(ctx, SearchQuery(family=fam, given=giv), limit=50)
    return [
        timed(lambda f=fam, g=giv: search(ctx, SearchQuery(family=f, given=g), limit=50))[0]
        for fam, giv in names
    ]


def run_box(ctx, names: list[tuple[str, str]]) -> list[float]:
    """The client's search box (``lookup.find_acts``) on "FAMILY Given", after 20 others."""
    from civreg.services.lookup import find_acts

    for fam, giv in names[:20]:
        find_acts(ctx, f"{fam} {giv}")
    return [timed(lambda t=f"{fam} {giv}": find_acts(ctx, t))[0] for fam, giv in names[20:]]


def run_baseline(conn, names: list[tuple[str, str]]) -> list[float]:
    keys = [(normalize(f), normalize(g)) for f, g in names]
    for k in keys[:20]:
        conn.execute(BASELINE_SQL, k).fetchall()
    return [timed(lambda k=k: conn.execute(BASELINE_SQL, k).fetchall())[0] for k in keys]


Statements = list[tuple[str, tuple]]


def record_statements(ctx, names: list[tuple[str, str]]) -> list[Statements]:
    """The SQL statements (with their parameters) that each search runs, in order."""
    per: list[Statements] = []
    original = search_db.Db.rows

    def rows(self, sql, params=()):
        per[-1].append((sql, tuple(params)))
        return original(self, sql, params)

    search_db.Db.rows = rows  # type: ignore[method-assign]
    try:
        for fam, giv in names:
            per.append([])
            search(ctx, SearchQuery(family=fam, given=giv), limit=50)
    finally:
        search_db.Db.rows = original  # type: ignore[method-assign]
    return per


def run_replay(conn, per: list[Statements]) -> tuple[list[float], list[int]]:
    """Each search's statements on ``conn``, one read transaction per search as the service
    does, after the same 20-search warm-up: wall ms and pages read per search."""

    def one(stmts: Statements) -> None:
        conn.execute("BEGIN")
        for sql, params in stmts:
            conn.execute(sql, params).fetchall()
        conn.execute("ROLLBACK")

    conn.isolation_level = None
    for stmts in per[:20]:
        one(stmts)
    times, pages = [], []
    for stmts in per:
        before = cache_misses(conn)
        times.append(timed(lambda s=stmts: one(s))[0])
        after = cache_misses(conn)
        if before is not None and after is not None:
            pages.append(after - before)
    return times, pages


def recall(ctx, variants: list[dict], limit: int) -> dict:
    found = first = returned = relevant = 0
    misses = []
    for v in variants[:limit]:
        page = search(
            ctx,
            SearchQuery(
                family=v["query_family"], given=v["query_given"], event_date=v["event_date"]
            ),
            limit=10,
        )
        ids = [h.act_id for h in page.hits]
        if v["act_id"] in ids:
            found += 1
            first += ids[0] == v["act_id"]
        else:
            misses.append(
                {
                    "kind": v["variant_kind"],
                    "query": v["query_family"],
                    "stored": v["stored_family"],
                }
            )
        for h in page.hits:
            returned += 1
            fam = h.matched_name.split(" ")[0] if h.matched_name else ""
            relevant += (
                h.act_id == v["act_id"] or similarity(fam, v["query_family"]) >= SIMILAR_THRESHOLD
            )
    n = min(limit, len(variants))
    by_kind: dict[str, int] = {}
    for m in misses:
        by_kind[m["kind"]] = by_kind.get(m["kind"], 0) + 1
    return {
        "planted": n,
        "recall_top10": round(found / n, 4) if n else None,
        "first_hit": round(first / n, 4) if n else None,
        "precision_top10": round(relevant / returned, 4) if returned else None,
        "misses_by_kind": by_kind,
        "miss_examples": misses[:8],
    }


def heldout_recall(ctx, planted: list[dict], *, dated: bool) -> dict:
    """Recall@10 and precision@10 on the held-out spellings (``bench/heldout.py``), for the
    clerk's three ways to misspell: both names, the family name only, the given names only."""
    out: dict = {}
    for which in ("both", "family_only", "given_only"):
        found = returned = relevant = 0
        misses = []
        by_shape: dict[str, list[int]] = {}
        took: list[float] = []
        for case in planted:
            fam, giv = case["queries"][which]
            q = SearchQuery(family=fam, given=giv, event_date=case["event_date"] if dated else "")
            ms, page = timed(lambda q=q: search(ctx, q, limit=10))
            took.append(ms)
            ids = [h.act_id for h in page.hits]
            hit = case["act_id"] in ids
            found += hit
            by_shape.setdefault(case["shape"], [0, 0])[0] += hit
            by_shape[case["shape"]][1] += 1
            if not hit and len(misses) < 12:
                stored = f"{case['stored_family']} {case['stored_given']}"
                misses.append(f"{fam} {giv} (stored {stored})")
            for h in page.hits:
                returned += 1
                name = h.matched_name.split(" ")[0] if h.matched_name else ""
                relevant += h.act_id == case["act_id"] or (
                    similarity(name, fam) >= SIMILAR_THRESHOLD
                )
        n = len(planted)
        out[which] = {
            "cases": n,
            "recall_top10": round(found / n, 4) if n else None,
            "precision_top10": round(relevant / returned, 4) if returned else None,
            "recall_by_shape": {k: round(v[0] / v[1], 4) for k, v in sorted(by_shape.items())},
            # misspelt searches reach the other-name and class-prefix lookups
            "latency_ms": percentiles(took),
            "misses": misses,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True, help="directory from generate.py")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--recall-limit", type=int, default=2000)
    ap.add_argument(
        "--cache-mib",
        type=int,
        default=0,
        help="page cache per connection (default: the engine's, sized to the store)",
    )
    ap.add_argument("--no-heldout", action="store_true", help="skip the held-out spellings")
    ap.add_argument(
        "--heldout",
        type=Path,
        default=HELDOUT_DATA,
        help="the held-out set planted by heldout.py --data (default: %(default)s)",
    )
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    rng = random.Random(42)
    ctx = login(args.store, "clerk")
    engine_mib = cache_kib_for(args.store / "store.db") // 1024
    if args.cache_mib:
        set_cache(ctx, args.cache_mib)
    cache_mib = args.cache_mib or engine_mib
    gt = truth(args.store)
    names = sample_names(ctx, args.queries, rng)
    mark = len(CPU_SAMPLES)
    service = percentiles(run_service(ctx, names))
    service_cpu = cpu_since(mark)
    warm = percentiles(run_service(ctx, names))  # the same names again: pages decrypted
    conn = raw_connect(
        args.store / "store.db", bytes(ctx.store.data_key or b""), cache_kib=cache_mib * 1024
    )
    base = percentiles(run_baseline(conn, names))
    conn.close()
    statements = record_statements(ctx, names)
    conn = raw_connect(
        args.store / "store.db", bytes(ctx.store.data_key or b""), cache_kib=cache_mib * 1024
    )
    floor_ms, floor_pages = run_replay(conn, statements)
    conn.close()
    floor = percentiles(floor_ms)
    box = percentiles(run_box(ctx, sample_names(ctx, args.queries + 20, random.Random(43))))
    result = {
        "bench": "search",
        "store": str(args.store),
        "acts": gt["acts"],
        "country": gt["country"],
        "queries": len(names),
        "service_ms": service,
        "service_cpu_ms": service_cpu,
        "service_repeat_ms": warm,
        "cache_mib": cache_mib,
        "engine_cache_mib": engine_mib,
        "baseline_sql_ms": base,
        "floor_ms": floor,
        "search_box_ms": box,
        "floor_pages": percentiles([float(p) for p in floor_pages]),
        "statements_per_search": round(sum(map(len, statements)) / max(1, len(statements)), 2),
        "service_over_floor_p50": round(service["p50"] / floor["p50"], 3),
        "service_over_floor_p95": round(service["p95"] / floor["p95"], 3),
        "machine": machine(),
    }
    if (args.store / "plain.db").exists():
        pctx = plain_ctx(args.store, ctx, cache_mib)
        plain = percentiles(run_service(pctx, names))
        plain_warm = percentiles(run_service(pctx, names))
        result["plain_service_ms"] = plain
        result["plain_service_repeat_ms"] = plain_warm
        result["encrypted_over_plain_repeat_p50"] = round(warm["p50"] / plain_warm["p50"], 3)
        result["encrypted_over_plain_p50"] = round(service["p50"] / plain["p50"], 3)
        result["encrypted_over_plain_p95"] = round(service["p95"] / plain["p95"], 3)
        import sqlite3

        pconn = sqlite3.connect(args.store / "plain.db")
        pconn.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
        pbase = percentiles(run_baseline(pconn, names))
        pconn.close()
        result["plain_baseline_sql_ms"] = pbase
        result["baseline_encrypted_over_plain_p50"] = round(base["p50"] / pbase["p50"], 3)
        pconn = sqlite3.connect(args.store / "plain.db")
        pconn.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
        pfloor = percentiles(run_replay(pconn, statements)[0])
        pconn.close()
        result["plain_floor_ms"] = pfloor
        result["floor_encrypted_over_plain_p95"] = round(floor["p95"] / pfloor["p95"], 3)
        pctx.close()
    result["variants"] = recall(ctx, gt["variants"], args.recall_limit)
    planted = gt.get(truth_key(args.heldout))
    if planted and not args.no_heldout:
        result["heldout_set"] = args.heldout.name
        result["heldout_dated"] = heldout_recall(ctx, planted, dated=True)
        result["heldout_names_only"] = heldout_recall(ctx, planted, dated=False)
    ctx.close()
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
