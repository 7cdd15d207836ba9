"""The client's search box at scale, in its two parts: the search on the typed text, then the
register rows of its hits (``lookup.find_acts`` does both).

    .venv/bin/python bench/search_box.py --store /tmp/civreg-bench/bf-1000k [--queries 300]

For each "FAMILY Given" sampled from the store (``--seed``; a name may come twice): the search on
the text (every reading of it, 50 hits), then ``queries.act_rows`` of those hits, each
timed; p50/p95 ms of both and of their sum, after 20 warm-up searches. ``--rare`` types
instead the registered names of the held-out births planted by ``heldout.py`` (rare names,
whose pages the exact spelling does not fill: every lookup pass runs), all sets found in
the store's ``truth.json``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import emit, login, machine, percentiles, timed, truth
from bench.bench_search import sample_names
from civreg.services.queries import act_rows
from civreg.services.search import search


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True, help="directory from generate.py")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--rare", action="store_true", help="the planted held-out births' names")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    ctx = login(args.store, "clerk")
    if args.rare:
        gt = truth(args.store)
        cases = [c for k, v in sorted(gt.items()) if k.startswith("heldout") for c in v]
        random.Random(args.seed).shuffle(cases)
        texts = [f"{c['stored_family']} {c['stored_given']}" for c in cases[: args.queries]]
    else:
        names = sample_names(ctx, args.queries, random.Random(args.seed))
        texts = [f"{f} {g}" for f, g in names]
    for t in texts[:20]:
        act_rows(ctx, [h.act_id for h in search(ctx, t, limit=50).hits])
    found, rows, total = [], [], []
    for t in texts[20:]:
        ms, page = timed(lambda t=t: search(ctx, t, limit=50))
        ids = [h.act_id for h in page.hits]
        ms2, _ = timed(lambda ids=ids: act_rows(ctx, ids))
        found.append(ms)
        rows.append(ms2)
        total.append(ms + ms2)
    ctx.close()
    emit(
        {
            "bench": "search_box",
            "store": str(args.store),
            "names": "held-out (rare)" if args.rare else "sampled from the store",
            "queries": len(total),
            "search_text_ms": percentiles(found),
            "act_rows_ms": percentiles(rows),
            "search_box_ms": percentiles(total),
            "machine": machine(),
        },
        args.out,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
