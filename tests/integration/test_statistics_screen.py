"""The Statistics screen over many years reads counts summed by the database per set of
dimensions (``screen_statistics``): the same tables and charts as from every cell, and the
plain SQL count, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import text

from civreg.domain.vital_stats import KINDS, StatsFilter
from tests.integration.stats_support import TODAY, plain_counts


def _same_screen(summed, cells) -> None:
    """Every table and every chart's counts the same from the sums as from the cells."""
    from civreg.certificates.stats_charts import CHARTS, chart_counts
    from civreg.domain.vital_tables import standard_tables

    assert summed.sums is not None and not summed.cells and not summed.by_month
    assert cells.sums is None and cells.cells
    assert standard_tables(summed) == standard_tables(cells)
    for key in CHARTS:  # what each chart draws (the order of a tally is not part of it)
        assert sorted(chart_counts(key, summed)) == sorted(chart_counts(key, cells)), key
    assert summed.completeness() == cells.completeness()
    assert summed.names == cells.names and summed.expected == cells.expected
    for kind in (None, *KINDS):
        assert summed.total(kind) == cells.total(kind)


def _plain_by_year(ctx, kind: str) -> Counter:
    """Registered, not cancelled acts of ``kind`` by year of the event's earliest day."""
    with ctx.store.read() as s:
        rows = s.execute(
            text(
                "SELECT substr(event_from, 1, 4), count(*) FROM acts WHERE status = 'registered'"
                " AND kind = :kind AND event_from IS NOT NULL AND id NOT IN (SELECT act_id FROM"
                " mentions WHERE kind = 'cancellation') GROUP BY substr(event_from, 1, 4)"
            ),
            {"kind": kind},
        ).all()
    return Counter({y: n for y, n in rows})


def test_the_screen_over_every_year_shows_the_counts_of_every_cell(district_ctx) -> None:
    from civreg.services.statistics import screen_statistics, vital_statistics

    plain = plain_counts(district_ctx)
    centre = district_ctx.office.centre
    for f in (StatsFilter(), StatsFilter(centre=centre)):
        summed = screen_statistics(district_ctx, f)
        _same_screen(summed, vital_statistics(district_ctx, f, months=None))
    summed = screen_statistics(district_ctx)
    for kind in KINDS:
        by_year: Counter = Counter()
        for period, n in plain[kind]["period"].items():
            by_year[period[:4]] += n
        assert Counter(summed.tally(kind, "year")) == by_year, kind
        assert Counter(summed.tally(kind, "year")) == _plain_by_year(district_ctx, kind)
        assert summed.total(kind) == plain[kind]["total"]["all"], kind
        for dim, key in (("sex", "sex"), ("timeliness", "time"), ("place", "place")):
            assert Counter(summed.tally(kind, dim)) == plain[kind][key], (kind, dim)
        for dim in ("age", "centre"):
            assert Counter(summed.tally(kind, dim)) == plain[kind][dim], (kind, dim)
    assert Counter(summed.tally("marriage", "age2")) == plain["marriage"]["age2"]
    assert Counter(summed.tally("death", "cause")) == plain["death"]["cause"]


def test_a_selection_of_one_year_is_read_from_its_cells(district_ctx) -> None:
    from civreg.services.statistics import screen_statistics, vital_statistics

    f = StatsFilter.for_year(TODAY.year - 1)
    stats = screen_statistics(district_ctx, f)
    assert stats.sums is None and stats.by_month
    assert stats.cells == vital_statistics(district_ctx, f, months=None).cells


def test_a_question_the_sums_cannot_answer_is_refused(district_ctx) -> None:
    """Not a silent zero: the screen's questions are listed in SCREEN_SETS."""
    from civreg.services.statistics import screen_statistics

    stats = screen_statistics(district_ctx)
    with pytest.raises(LookupError):
        stats.tally2("birth", "place", "age")


def test_a_district_on_postgresql_sums_as_its_cells_count(pg_url) -> None:
    """40 communes over 25 years, filled as bench/bench_statistics_pg.py fills 5 M acts."""
    from bench.bench_statistics_pg import PASSWORD, _fill
    from civreg.services.statistics import screen_statistics, vital_statistics
    from civreg.services.store_access import init_postgres, login

    ctx = init_postgres(
        pg_url,
        country="BF",
        office_id="BF-TEST",
        office_name="District test",
        level="district",
        admin="admin",
        password=PASSWORD,
    )
    try:
        _fill(ctx, 4000, chunk=4000)
    finally:
        ctx.close()
    ctx = login(pg_url, "admin", PASSWORD)
    try:
        for f in (StatsFilter(), StatsFilter(commune="07")):
            summed = screen_statistics(ctx, f)
            _same_screen(summed, vital_statistics(ctx, f, months=None))
        summed = screen_statistics(ctx)
        assert len(summed.communes()) == 40
        for kind in KINDS:
            assert Counter(summed.tally(kind, "year")) == _plain_by_year(ctx, kind), kind
    finally:
        ctx.close()
