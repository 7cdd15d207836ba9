"""The questions asked of a VitalStatistics (tally, tally2, total, values, completeness) give
what a plain count over its cells gives, whatever the cells (zeros, repeats, empty kinds)."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import pytest

from civreg.domain.vital_stats import DIMENSIONS, KINDS, Cell, StatsFilter, VitalStatistics

VALUES = {
    "commune": ["01", "02", "07", "BAL01"],
    "centre": ["01", "02"],
    "period": ["2019", "2020-03", "2020-11", "2021", "2024-02"],
    "sex": [0, 1, 2],
    "timeliness": ["on_time", "late", "judgment", "transcribed"],
    "place": ["health_facility", "home", "other", ""],
    "age": ["lt15", "15-19", "20-24", "unknown"],
    "age2": ["", "20-24", "60+"],
    "cause": ["", "I", "IX", "not_coded"],
}


def _cells(rng: random.Random, count: int, kinds: tuple[str, ...]) -> tuple[Cell, ...]:
    return tuple(
        Cell(
            kind=rng.choice(kinds),
            **{dim: rng.choice(values) for dim, values in VALUES.items()},
            n=rng.choice([0, 1, 1, 2, 3, 40, 1000]),  # cancellations leave cells at zero
        )
        for _ in range(count)
    )


def _plain(cells, kind, dims, where) -> dict:
    out: Counter = Counter()
    for c in cells:
        if kind is not None and c.kind != kind:
            continue
        if any(getattr(c, k) != v for k, v in where.items()):
            continue
        key = tuple(getattr(c, d) for d in dims)
        out[key[0] if len(dims) == 1 else key] += c.n
    return dict(out)


@pytest.mark.parametrize("seed,count", [(1, 0), (2, 1), (3, 40), (4, 3000)])
def test_every_tally_equals_a_plain_count_of_the_cells(seed: int, count: int) -> None:
    rng = random.Random(seed)
    kinds = ("birth", "death") if seed == 3 else KINDS  # no marriage at all in one store
    cells = _cells(rng, count, kinds)
    stats = VitalStatistics(StatsFilter(), cells, "2026-01-01T00:00:00Z", level="district")
    for kind in (None, *KINDS):
        for dim in DIMENSIONS:
            assert stats.tally(kind, dim) == _plain(cells, kind, (dim,), {})
            assert stats.values(dim, kind) == sorted(
                str(v) for v in _plain(cells, kind, (dim,), {})
            )
        for d1, d2 in combinations(DIMENSIONS, 2):
            assert stats.tally2(kind, d1, d2) == _plain(cells, kind, (d1, d2), {})
        for sex in (0, 1, 2, 9):
            where = {"sex": sex}
            assert stats.tally(kind, "age", **where) == _plain(cells, kind, ("age",), where)
            assert stats.total(kind, sex=sex) == sum(_plain(cells, kind, ("kind",), where).values())
        where = {"timeliness": "late", "commune": "07"}
        assert stats.tally2(kind, "period", "sex", **where) == _plain(
            cells, kind, ("period", "sex"), where
        )
        assert stats.total(kind) == sum(c.n for c in cells if kind in (None, c.kind))
    assert stats.tally("birth", "kind", sex=1) == _plain(cells, "birth", ("kind",), {"sex": 1})


def test_completeness_counts_births_per_commune_and_year_of_the_cells() -> None:
    rng = random.Random(7)
    cells = _cells(rng, 500, KINDS)
    stats = VitalStatistics(StatsFilter(), cells, "2026-01-01T00:00:00Z", level="district")
    want: Counter = Counter()
    for c in cells:
        if c.kind == "birth":
            want[(c.commune, int(c.period[:4]))] += c.n
    got = {(r.commune, r.year): r.registered for r in stats.completeness()}
    assert got == dict(want)
