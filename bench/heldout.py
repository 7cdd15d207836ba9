"""Held-out spellings: births planted under one published spelling, searched under another.

    .venv/bin/python bench/heldout.py --store /tmp/civreg-bench/bf-1000k    # plant (once)
    .venv/bin/python bench/heldout.py --store DIR --data bench/data/spellings_heldout2.json

``bench/data/spellings_heldout.json`` (the default; ``--data`` names another set in the same
format, e.g. the second, fresh set ``spellings_heldout2.json``) lists groups of spellings of
one name as published sources print them side by side (the matcher was not written from
them). Each case is a
birth whose child bears one spelling of a family name and one of a given name; the clerk
searches with *another* spelling of both (and, for comparison, of only one), and, for some
cases, with the given names in the other order or the second given name left out. The births
are added to an existing store (registered acts with the next numbers of their registers) and
listed under ``heldout`` in its ``truth.json`` (another set under ``heldout_<file stem>``, so
both sets can live in one store); ``bench_search.py`` and ``heldout_ties.py`` measure recall@10
and precision@10 on them (``--heldout FILE`` for another set).

A set may pair every family group with every given group (the first set: 17 × 12 = 204
births) or, with ``"given_per_family": k`` in the file, each family group with k given groups
taken in turn (a set of 100 family groups would otherwise plant thousands of births).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate_plan import Planner
from bench.generate_rows import ACT_COLS, PERSON_COLS, SEARCH_COLS, Office, RowMaker

DATA = Path(__file__).with_name("data") / "spellings_heldout.json"
# Second given names for the word-order cases (any common name: the spelling is not varied).
SECOND = {1: ["Salif", "Issa", "Adama", "Jean"], 2: ["Aminata", "Mariam", "Rasmata", "Marie"]}


def truth_key(data_path: Path = DATA) -> str:
    """The key of ``truth.json`` under which the births of a set are listed."""
    if data_path.resolve() == DATA.resolve():
        return "heldout"
    return f"heldout_{data_path.stem}"


def _pairs(data: dict[str, Any]) -> list[tuple[int, int, int]]:
    """(family index, given index, case number) for every case of the set."""
    n_given = len(data["given"])
    k = data.get("given_per_family")
    if not k:
        return [(a, b, a * n_given + b) for a in range(len(data["family"])) for b in range(n_given)]
    k = min(int(k), n_given)
    return [
        (a, (a * k + j) % n_given, a * k + j) for a in range(len(data["family"])) for j in range(k)
    ]


def _pick(forms: list[str], i: int) -> tuple[str, str]:
    """(stored, asked): two different forms of one group, rotating with ``i``."""
    n = len(forms)
    stored = forms[i % n]
    asked = forms[(i % n + 1 + (i // n) % (n - 1)) % n]
    return stored, asked


def cases(data: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every (family group × given group) pair of the set, as the clerk would search for it."""
    data = data or json.loads(DATA.read_text(encoding="utf-8"))
    out = []
    for a, b, i in _pairs(data):
        fam, giv = data["family"][a], data["given"][b]
        f_stored, f_asked = _pick(fam["forms"], i)
        g_stored, g_asked = _pick(giv["forms"], i + a)
        shape = ("plain", "order", "middle_dropped")[i % 3]
        second = SECOND[giv["sex"]][i % len(SECOND[giv["sex"]])]
        if shape == "plain":
            stored_given, asked_given = g_stored, g_asked
        elif shape == "order":
            stored_given, asked_given = f"{g_stored} {second}", f"{second} {g_asked}"
        else:
            stored_given, asked_given = f"{g_stored} {second}", g_asked
        out.append(
            {
                "family_source": fam["source"],
                "given_source": giv["source"],
                "sex": giv["sex"],
                "shape": shape,
                "stored_family": f_stored,
                "stored_given": stored_given,
                "queries": {
                    "both": [f_asked, asked_given],
                    "family_only": [f_asked, stored_given],
                    "given_only": [f_stored, asked_given],
                },
            }
        )
    return out


def _office(ctx: Any, conn: Any) -> Office:
    p = ctx.profile
    places = [c.name for c in p.geography.communes()][:300] or ["Centre"]
    registrar = conn.execute(
        "SELECT id, full_name FROM users WHERE username = 'registrar'"
    ).fetchone()
    return Office(
        country=ctx.office.country,
        commune=ctx.office.commune,
        centre=ctx.office.centre,
        office_id=ctx.office.office_id,
        registrar_id=registrar[0],
        registrar_name=registrar[1] or "registrar",
        registrar_title="Officier de l'état civil",
        format_id=p.format_identifier,
        deadline_days=59,
        uses_post_nom=p.uses_post_nom,
        places=places,
    )


def plant(
    store_dir: Path, *, seed: int | None = None, data_path: Path = DATA
) -> list[dict[str, Any]]:
    """Add the held-out births of a set to the store (once) and return them with their act
    ids. The random seed is 17 for the first set (as when it was first planted) and derived
    from the set's name for the others, so that two sets planted in one store draw
    different act identifiers."""
    from bench.bench_common import login
    from civreg.models.engine import raw_connect

    truth_path = store_dir / "truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    key = truth_key(data_path)
    if truth.get(key):
        return truth[key]
    data = json.loads(data_path.read_text(encoding="utf-8"))
    ctx = login(store_dir, "registrar")
    conn = raw_connect(store_dir / "store.db", bytes(ctx.store.data_key or b""))
    conn.isolation_level = None
    office = _office(ctx, conn)
    regs = conn.execute(
        "SELECT id, kind, year, next_number FROM registers WHERE centre = ?", (office.centre,)
    ).fetchall()
    birth_years = sorted(y for _i, k, y, _n in regs if k == "birth")
    if seed is None:
        seed = 17 if key == "heldout" else zlib.crc32(key.encode())
    rng = random.Random(seed)
    today = date.today()
    planner = Planner(
        rng,
        today,
        1,
        office.deadline_days,
        0,
        first_act=conn.execute("SELECT max(id) FROM acts").fetchone()[0] + 1,
        first_person=conn.execute("SELECT max(id) FROM act_persons").fetchone()[0] + 1,
        register_ids={(k, y): i for i, k, y, _n in regs},
        numbers={(k, y): n - 1 for _i, k, y, n in regs},
    )
    maker = RowMaker(office, rng, today)
    planted = []
    for case in cases(data):
        year = rng.choice(birth_years[1:-1] or birth_years)
        event = date(year, 1, 1).toordinal() + rng.randint(0, 300)
        declared = event + rng.randint(0, 30)
        slot = planner._slot("birth", declared)
        ev = ("B", event, declared, False, rng.getrandbits(63), ((*slot, case["sex"]),), None)
        maker.birth(ev, names=(case["stored_family"], case["stored_given"]))
        planted.append({**case, "act_id": slot[0], "event_date": maker.iso(event)})
    conn.execute("BEGIN IMMEDIATE")
    for table, cols, rows in (
        ("acts", ACT_COLS, maker.rows.acts),
        ("act_persons", PERSON_COLS, maker.rows.persons),
        ("person_search", SEARCH_COLS, maker.rows.search),
    ):
        marks = ", ".join("?" * len(cols))
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)
    for (kind, year), n in planner.numbers.items():
        conn.execute(
            "UPDATE registers SET next_number = ? WHERE id = ?",
            (n + 1, planner.register_ids[(kind, year)]),
        )
    conn.execute("COMMIT")
    conn.close()
    ctx.close()
    truth[key] = planted
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return planted


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="directory from generate.py")
    ap.add_argument(
        "--data", type=Path, default=DATA, help="the set of spellings (default: %(default)s)"
    )
    args = ap.parse_args(argv)
    planted = plant(args.store, data_path=args.data)
    print(json.dumps({truth_key(args.data): len(planted)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
