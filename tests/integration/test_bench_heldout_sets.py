"""The held-out spelling benches take the set as an option: a second set is planted beside
the first in one store, under its own key of truth.json, and measured by bench_search.py and
heldout_ties.py (bench/heldout.py, issue 17)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bench import bench_search, heldout, heldout_ties
from bench.generate import PASSWORD, build
from civreg.services.store_access import login

SECOND = heldout.DATA.with_name("spellings_heldout2.json")
THIRD = heldout.DATA.with_name("spellings_heldout3.json")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("heldout-sets")
    build(1500, "BF", d, plain=False, seed=11, years=5, today=date(2026, 11, 30), workers=1)
    return d


def test_first_set_pairs_every_family_with_every_given_group() -> None:
    data = json.loads(heldout.DATA.read_text(encoding="utf-8"))
    cases = heldout.cases(data)
    assert len(cases) == len(data["family"]) * len(data["given"])
    assert heldout.truth_key() == "heldout"


@pytest.mark.parametrize(
    ("path", "key"),
    [(SECOND, "heldout_spellings_heldout2"), (THIRD, "heldout_spellings_heldout3")],
    ids=["second", "third"],
)
def test_later_sets_pair_each_family_with_k_given_groups_in_turn(path: Path, key: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    k = data["given_per_family"]
    cases = heldout.cases(data)
    assert len(cases) == len(data["family"]) * k
    # every given group is used, and the query always spells the names another way
    assert {b for _a, b, _i in heldout._pairs(data)} == set(range(len(data["given"])))
    assert all(c["queries"]["both"][0] != c["stored_family"] for c in cases)
    assert {c["shape"] for c in cases} == {"plain", "order", "middle_dropped"}
    assert all(g["source"] in data["sources"] for g in data["family"] + data["given"])
    assert heldout.truth_key(path) == key


def test_sets_planted_in_one_store_and_measured_separately(store: Path, tmp_path: Path) -> None:
    first = heldout.plant(store)
    second = heldout.plant(store, data_path=SECOND)
    third = heldout.plant(store, data_path=THIRD)
    truth = json.loads((store / "truth.json").read_text(encoding="utf-8"))
    assert len(truth["heldout"]) == len(first) == 204
    assert len(truth["heldout_spellings_heldout2"]) == len(second) > 204
    assert len(truth["heldout_spellings_heldout3"]) == len(third) > 204
    assert not {c["act_id"] for c in first} & {c["act_id"] for c in second}
    earlier = {c["act_id"] for c in first} | {c["act_id"] for c in second}
    assert not {c["act_id"] for c in third} & earlier
    # planting again adds nothing
    assert heldout.plant(store, data_path=SECOND) == second

    ctx = login(store / "store.db", "registrar", PASSWORD)
    with ctx.store.read() as s:
        conn = s.connection().connection.driver_connection
        case = second[0]
        row = conn.execute(
            "SELECT family_name, given_names FROM act_persons WHERE act_id = ? AND role = 'child'",
            (case["act_id"],),
        ).fetchone()
    ctx.close()
    assert tuple(row) == (case["stored_family"], case["stored_given"])

    out = tmp_path / "search.json"
    bench_search.main(
        [
            "--store",
            str(store),
            "--queries",
            "5",
            "--recall-limit",
            "5",
            "--heldout",
            str(SECOND),
            "--out",
            str(out),
        ]
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["heldout_set"] == SECOND.name
    assert result["heldout_names_only"]["both"]["cases"] == len(second)

    ties = tmp_path / "ties.json"
    heldout_ties.main(["--store", str(store), "--heldout", str(SECOND), "--out", str(ties)])
    summary = json.loads(ties.read_text(encoding="utf-8"))
    assert summary["set"] == SECOND.name and summary["cases"] == len(second)
