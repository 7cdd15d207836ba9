"""Is recall@10 on the held-out spellings capped by namesakes rather than by the matcher?

    .venv/bin/python bench/heldout_ties.py --store /tmp/search-1m [--dated] [--heldout FILE]

In a store of a million acts many people share a name: a names-only query for
``WEDRAOGO Musa`` finds the planted ``OUEDRAOGO Moussa`` with the same score as every other
child called OUEDRAOGO Moussa, and which ten of them fill the first page is a tie-break, not
the matcher's doing. For every held-out query (``bench/heldout.py``) this reports:

- ``namesakes``: other acts whose subject (child, deceased, spouse) bears a name key-equal
  to the planted one (same compact family key and same given-name key);
- ``score``: the score the service gives the planted act's subject for the query;
- ``above``: acts scored strictly higher (from a page of 200);
- ``tie_found``: the planted act is in the first 10, or would be with a tie-break in its
  favour (fewer than 10 acts score higher, and it or an act with its very score is among the
  acts found: among a thousand namesakes the candidate cap keeps whichever come first);
- recall@10 on the queries where it is *achievable* (fewer than 10 acts score higher than
  the planted one: the rest of the page can be won by the ranking alone).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import emit, login, truth
from bench.heldout import DATA, truth_key
from civreg.services.search import ROLE_WEIGHT, SearchQuery, search
from civreg.services.search_match import reading
from civreg.services.search_score import NameQuery, PersonRow, Scorer

SUBJECT_ROLES = ("child", "deceased", "spouse1", "spouse2")
WIDE = 200  # the page asked for to see who ranks above the planted act


def _subject(db: Any, act_id: int) -> PersonRow:
    r = db.rows(
        "SELECT person_id, act_id, role, norm_family, phon_family, norm_given, phon_given,"
        " norm_post_nom, phon_post_nom FROM person_search WHERE act_id = ? AND role = 'child'",
        [act_id],
    )[0]
    return PersonRow(*r)


def _namesakes(db: Any, row: PersonRow) -> int:
    marks = ", ".join("?" for _ in SUBJECT_ROLES)
    return int(
        db.rows(
            "SELECT count(DISTINCT act_id) FROM person_search"
            " WHERE replace(phon_family, ' ', '') = ? AND phon_given = ?"
            f" AND role IN ({marks}) AND act_id != ?",
            [row.phon_family.replace(" ", ""), row.phon_given, *SUBJECT_ROLES, row.act_id],
        )[0][0]
    )


def one(ctx: Any, case: dict[str, Any], which: str, *, dated: bool) -> dict[str, Any]:
    fam, giv = case["queries"][which]
    q = SearchQuery(family=fam, given=giv, event_date=case["event_date"] if dated else "")
    with reading(ctx.store) as db:
        row = _subject(db, case["act_id"])
        namesakes = _namesakes(db, row)
    score = round(Scorer(NameQuery.of(fam, giv)).row(row) * ROLE_WEIGHT[row.role], 2)
    top = [h.act_id for h in search(ctx, q, limit=10).hits]
    wide = search(ctx, q, limit=WIDE).hits
    mine = [h.score for h in wide if h.act_id == case["act_id"]]
    if mine:
        score = max(score, mine[0])
    above = sum(1 for h in wide if h.act_id != case["act_id"] and h.score > score)
    found = case["act_id"] in top
    return {
        "query": f"{fam} {giv}",
        "stored": f"{case['stored_family']} {case['stored_given']}",
        "namesakes": namesakes,
        "score": score,
        "above": above,
        "found": found,
        # found, or lost only to a tie-break: fewer than 10 above, and the planted act or a
        # namesake with its very score reached the page
        "tie_found": found or (above < 10 and (bool(mine) or any(h.score == score for h in wide))),
        "achievable": above < 10,
    }


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    ach = [r for r in rows if r["achievable"]]
    few = [r for r in rows if r["namesakes"] < 10]
    return {
        "cases": n,
        "recall_top10": round(sum(r["found"] for r in rows) / n, 4),
        "tie_aware_recall_top10": round(sum(r["tie_found"] for r in rows) / n, 4),
        "achievable": len(ach),
        "recall_where_achievable": round(sum(r["found"] for r in ach) / len(ach), 4)
        if ach
        else None,
        "fewer_than_10_namesakes": len(few),
        "recall_fewer_than_10_namesakes": round(sum(r["found"] for r in few) / len(few), 4)
        if few
        else None,
        "namesakes_median": sorted(r["namesakes"] for r in rows)[n // 2],
        "namesakes_max": max(r["namesakes"] for r in rows),
        "misses": [r for r in rows if not r["tie_found"]][:20],
        "tie_losses": [r for r in rows if r["tie_found"] and not r["found"]][:6],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--dated", action="store_true", help="the birth date typed as well")
    ap.add_argument("--which", default="both", choices=("both", "family_only", "given_only"))
    ap.add_argument("--out", type=Path)
    ap.add_argument(
        "--heldout",
        type=Path,
        default=DATA,
        help="the set planted by heldout.py --data (default: %(default)s)",
    )
    args = ap.parse_args(argv)
    ctx = login(args.store, "clerk")
    planted = truth(args.store).get(truth_key(args.heldout)) or []
    rows = [one(ctx, c, args.which, dated=args.dated) for c in planted]
    ctx.close()
    emit(
        {
            "bench": "heldout_ties",
            "set": args.heldout.name,
            "which": args.which,
            "dated": args.dated,
            **summary(rows),
        },
        args.out,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
